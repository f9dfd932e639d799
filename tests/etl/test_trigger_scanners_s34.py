"""Session 34 (hQ24): trigger rows that open with a digit or '\\b' are written to open with
a class of their first characters (etl.extraction.alternation.letter_first, `wider`), with
the same matches as the row's own pattern."""

import json
import re
from pathlib import Path

from etl.extraction.alternation import letter_first
from etl.extraction.ascii_twin import plain, twin
from etl.extraction.sentences import split_sentences
from etl.extraction.trigger_rules import (
    RULES,
    _bounded,
    _rows,
    _word_start_scanner,
    trigger_rules,
)

ROOT = Path(__file__).resolve().parents[2]


def _wider_rows():
    """Every rule whose row only `wider` writes to open with its first characters."""
    triggers, contexts = _rows(RULES)
    rows = [(r["pattern"], r["form"]) for r in triggers]
    rows += [(r["pattern"], "block") for r in contexts if r["context"] == "block"]
    out = []
    for rule, (pattern, kind) in zip(trigger_rules().rules, rows, strict=True):
        base = re.compile(pattern, re.I) if kind == "block" else _bounded(pattern)
        assert rule.pattern.pattern == base.pattern
        if kind == "block":
            narrow = letter_first(pattern, "", re.I, boundary=False) or _word_start_scanner(pattern)
        else:
            narrow = letter_first(pattern, r"(?![\w-])", re.I)
        if narrow is None and rule.scanner is not None:
            out.append(rule)
    return out


def test_rows_opening_with_a_digit_or_boundary_skip_to_their_first_characters():
    wider = _wider_rows()
    # '(?:\\d+|two|...|members) (?:were |have been |...)...': was tried at every position
    assert len(wider) >= 20
    numbered = [r for r in wider if r.pattern.pattern.startswith(r"(?<![\w-])(?:(?:\d+|two")]
    assert numbered and all(r.scanner.pattern.startswith("(?-i:[") for r in numbered)


def test_wider_rows_match_as_their_patterns_on_the_development_sentences():
    rules = _wider_rows()
    texts = []
    for name in ("devset", "heldout5", "heldout20", "heldout30"):
        with open(ROOT / "data" / name / "passages.jsonl", encoding="utf-8") as handle:
            texts += [json.loads(line)["text"] for line in handle]
    matched = 0
    for text in texts:
        spans = [*split_sentences(text), (0, len(text))]
        for rule in rules:
            for start, end in spans:
                want = [m.regs for m in rule.pattern.finditer(text, start, end)]
                assert [m.regs for m in rule.scanner.finditer(text, start, end)] == want
                matched += bool(want)
                if plain(text):
                    got = [m.regs for m in twin(rule.scanner).finditer(text, start, end)]
                    assert got == [m.regs for m in twin(rule.pattern).finditer(text, start, end)]
    assert matched > 50
