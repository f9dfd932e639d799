"""The text of the word alternations (figure_words.alternation, alternation.longest_first and
the patterns built on them) does not hang on the order Python iterates a set in, which
PYTHONHASHSEED sets: it used to (words of one length kept the set's order), so a cached
pattern or a callgrind count differed from run to run though no match did."""

from __future__ import annotations

import os
import subprocess
import sys

from etl.extraction.alternation import longest_first, words_by_first_letter
from etl.extraction.figure_words import alternation
from etl.settings import ROOT

# every module-level pattern of the modules that build patterns from word sets
_PRINT_PATTERNS = """
import re
from etl.extraction import date_patterns, figure_words, figures, number_reading, toll_labels
words = frozenset(f"w{i:02d}x" for i in range(40)) | {"car bomb", "car bombs"}
print(figure_words.alternation(words))
for module in (date_patterns, figures, number_reading, toll_labels):
    for name, value in sorted(vars(module).items()):
        if isinstance(value, re.Pattern):
            print(module.__name__, name, value.pattern)
"""


def _patterns(seed: str) -> str:
    env = {**os.environ, "PYTHONHASHSEED": seed, "PYTHONPATH": str(ROOT)}
    return subprocess.run(
        [sys.executable, "-c", _PRINT_PATTERNS],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    ).stdout


def test_longest_first_then_alphabetical():
    assert longest_first(["ba", "c", "abc", "ab", "c"]) == ["abc", "ab", "ba", "c"]
    assert alternation(["killed", "car bombs", "car bomb", "dead"]) == (
        r"car\s+bombs|car\s+bomb|killed|dead"
    )
    assert words_by_first_letter({"dead", "died", "wounded"}) == "w(?:ounded)|d(?:ead|ied)"


def test_the_pattern_text_is_the_same_under_any_hash_seed():
    first = _patterns("1")
    assert "car\\s+bombs|car\\s+bomb|w00x|w01x" in first
    assert first.count("\n") > 40
    assert _patterns("2") == first
    assert _patterns("3") == first
