"""Session 33 (hR23, review): a natural death is no event however its cause is joined.

15c1672 read 'died of a heart attack / stroke / natural causes / old age / cancer' as no event
of the conflict, but only after 'of': 'died from a heart attack', 'died after a stroke' and
'died after suffering a heart attack' stayed deaths. A hardship's death still stays.
"""

from __future__ import annotations

import pytest

from etl.extraction.triggers import find_triggers


def _types(sentence: str) -> set[str]:
    return {t.event_type for t in find_triggers(sentence, 0, len(sentence))}


@pytest.mark.parametrize(
    "sentence",
    [
        "A woman from Iraq died from a heart attack in al-Hol camp on Tuesday.",
        "An elderly detainee died after a stroke in the prison on Monday.",
        "The former governor died after suffering a heart attack in Erbil, his family said.",
        "A displaced man died from cancer in a camp near Atmeh last week.",
    ],
)
def test_a_natural_death_by_any_joining_word_is_no_event(sentence):
    assert "deaths" not in _types(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "Two children died from cold in a camp west of Atmeh on 22 January.",
        "A man died after an air strike hit his house in Ariha on Monday.",
        "Three infants died from pneumonia in the reception area on Tuesday night.",
    ],
)
def test_a_hardships_death_joined_so_stays(sentence):
    types = _types(sentence)
    assert types and types & {"deaths", "airstrike"}
