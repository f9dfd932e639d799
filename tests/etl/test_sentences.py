from __future__ import annotations

import pytest

from etl.extraction.sentences import sentence_around

TEXT = (
    "The U.S.-backed SDF said on Monday it had evacuated people. Since Feb. 20, an estimated "
    "15,000 people have left.\n\nMilitary operations restarted Friday. “We are aware,” he said."
)

CASES = [
    ("evacuated people", "The U.S.-backed SDF said on Monday it had evacuated people."),
    ("15,000 people", "Since Feb. 20, an estimated 15,000 people have left."),
    ("restarted Friday", "Military operations restarted Friday."),
    ("We are aware", "“We are aware,” he said."),
]


@pytest.mark.parametrize(("needle", "sentence"), CASES)
def test_sentence_around_span(needle, sentence):
    start = TEXT.index(needle)
    assert sentence_around(TEXT, start, start + len(needle)) == sentence


def test_span_over_two_sentences_returns_both():
    start = TEXT.index("people. Since")
    got = sentence_around(TEXT, start, start + len("people. Since"))
    assert got.startswith("The U.S.-backed") and got.endswith("have left.")
