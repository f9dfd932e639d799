"""Session 16 (issue 8): 'swept back into' a place is the same sweep as 'swept into' it."""

from __future__ import annotations

import pytest

from etl.extraction.triggers import find_triggers


def _types(sentence: str) -> set[str]:
    return {t.event_type for t in find_triggers(sentence, 0, len(sentence), None)}


@pytest.mark.parametrize(
    "sentence",
    [
        "Militia fighters swept back into the river town at dawn on Tuesday.",
        "Government troops swept back into Harran two weeks after losing it.",
    ],
)
def test_swept_back_into_a_place_is_a_clash(sentence):
    assert _types(sentence) == {"clash"}


def test_swept_into_still_is():
    assert _types("Rebels swept into the border post on Friday.") == {"clash"}
