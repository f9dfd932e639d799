"""Session 34 (hB24): convention C21 (session 32) against an older block. 'A raid that detains
is a detention' (trigger_contexts.csv, a clash or killing overlapping 'raid ... detained' is
dropped) also dropped the dead a raid left on the way: 'raided two houses, killing two suspected
IS members and detaining three others' (heldout29-040), 'a night raid ... in which his men
killed two militants and arrested four' (heldout31-052). C21: a raid that kills and detains is
two events, the clash (or the killing, by its victims) and the detention. And helicopters that
land carry a raid on the ground (C11): no weapon whose toll a participle ', killing N' tells.

Sentences written for this test (places real, incidents invented), in other wordings than the
sets': each C21 case fails before the change; the guards pass both ways."""

from __future__ import annotations

import pytest

from etl.extraction.triggers import find_triggers


def _types(sentence: str) -> set[str]:
    return {t.event_type for t in find_triggers(sentence, 0, len(sentence))}


@pytest.mark.parametrize(
    ("sentence", "kinds"),
    [
        (
            "Counter-terrorism troops raided a farm near Hawija, killing three militants and "
            "detaining two others.",
            {"clash", "detention"},
        ),
        (
            "In a dawn raid on a hideout outside Tarmiyah, commandos killed an IS emir and "
            "arrested his driver.",
            {"clash", "detention"},
        ),
        (
            "During a raid on a village near Baiji, two IS fighters were killed and three were "
            "detained, police said.",
            {"clash", "detention"},
        ),
        (
            "Coalition helicopters landed near al-Susah before dawn, and troops raided a house, "
            "killing two suspected IS members and detaining a third.",
            {"clash", "detention"},
        ),
    ],
)
def test_a_raid_that_kills_and_detains_is_both(sentence, kinds):
    assert _types(sentence) == kinds


@pytest.mark.parametrize(
    "sentence",
    [
        "Police raided a house in Mosul and arrested three suspects.",
        "Troops carried out a raid near the town, detaining two men.",
    ],
)
def test_a_raid_that_only_detains_stays_a_detention(sentence):
    assert _types(sentence) == {"detention"}


def test_helicopters_that_strike_still_tell_a_strike():
    sentence = (
        "Russian helicopters kept up their raids on the villages around Kabani, killing five."
    )
    assert "airstrike" in _types(sentence)
