"""etl.extraction.word_gate: a pattern's search skipped only where it cannot match."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from etl.extraction import tolls
from etl.extraction.word_gate import search, words_of

_PIECES = st.sampled_from(
    [" ", "  ", "war", "conflict", " that ", " which ", "has ", "have ", "killed ", "left ",
     "from ", "an ", "the ", "first ", "initial ", "toll ", "count ", "of ", "revising ",
     "FROM ", "Toll ", "ſ", "İ", "\u212a", "ki", "illed", ".", ";", "x", "9"]
)  # fmt: skip


@settings(max_examples=500, deadline=None)
@given(st.lists(_PIECES, max_size=30), st.integers(0, 200), st.integers(0, 200))
def test_the_gate_answers_as_the_pattern_over_any_span(pieces, pos, endpos):
    text = "".join(pieces)
    for rule in tolls._CUMULATIVE:
        pattern = rule.pattern
        want = pattern.search(text, pos, endpos)
        got = search(pattern, text, pos, endpos)
        assert (got and got.span()) == (want and want.span()), pattern.pattern


def test_a_text_without_the_words_is_not_searched():
    """The revised-toll row needs 'from': a window without it never reaches the engine,
    though the gate still lets the match be found where it stands, case ignored."""
    pattern = next(r.pattern for r in tolls._CUMULATIVE if "from" in r.pattern.pattern)
    assert words_of(pattern) is not None
    text = "They revised it up from a first toll of 12"
    at = text.index("12")
    assert search(pattern, text, 0, at).span() == pattern.search(text, 0, at).span()
    assert search(pattern, "the toll of ", 0, None) is None
    shouted = "FROM AN INITIAL COUNT OF "
    assert search(pattern, shouted, 0, len(shouted)) is not None  # case ignored


def test_a_letter_that_folds_to_ascii_runs_the_pattern():
    """'ſ' matches 's' where case is ignored (Unicode), but lower() keeps it: the pattern runs."""
    pattern = re.compile(r"\brevising\s+the\s+toll\b", re.IGNORECASE)
    text = "after reviſing the toll"
    assert pattern.search(text) is not None
    assert search(pattern, text, 0, len(text)) is not None
    assert search(pattern, "after rewriting the toll", 0, 24) is None
