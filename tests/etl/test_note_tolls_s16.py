"""Issue 8, session 16 (hN3): tolls an incident note gives in a record's words, in sentences
written for these tests (places and people invented or common)."""

from __future__ import annotations

import pytest

from etl.extraction.figures import find_figures
from etl.extraction.tolls import fatalities


def _toll(text: str) -> tuple[float | None, float | None]:
    return fatalities(find_figures(text, 0, len(text)))


# -- a zero toll said as a record says it: 0, not unknown --------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "A grenade went off in the yard of a house; no deceased, three injured.",
        "Two rockets landed near the depot :: Impact: 0 casualties",
        "An explosive charge went off under a parked truck; zero casualties.",
        "A roadside bomb hit an empty bus; neither dead nor wounded.",
        "Shots were fired at the station; neither wounded nor killed.",
    ],
)
def test_zero_toll_in_record_words(text):
    assert _toll(text) == (0.0, 0.0)


def test_casualties_counted_are_not_a_toll():
    # three casualties may all be wounded: no toll, as before
    assert _toll("A grenade went off in the yard of a house; 3 casualties.") == (None, None)


# -- a toll told as the dead numbering N ---------------------------------------------------


@pytest.mark.parametrize(
    "text, toll",
    [
        ("The army shelled the village; the dead of the village numbered 12 by night.", 12.0),
        ("The army shelled the village; deaths so far total 5.", 5.0),
        ("Heavy fighting near the bridge, and the martyrs of the brigade totalled 7.", 7.0),
    ],
)
def test_the_dead_numbered(text, toll):
    assert _toll(text) == (toll, toll)


def test_other_things_numbered_are_no_toll():
    assert _toll("The army shelled the village; the houses hit numbered 30.") == (None, None)


# -- a toll told by a noun of death or a participle of a record: 'the martyrdom of 4',
# -- '3 deceased'; and a running count since a battle began set aside -----------------------


@pytest.mark.parametrize(
    "text, toll",
    [
        ("Warplanes struck the town at dawn, which led to the martyrdom of 4 citizens.", 4.0),
        ("Gunmen opened fire on a bus near the market; 3 deceased, 2 injured.", 3.0),
    ],
)
def test_toll_by_a_noun_of_death_or_a_record_word(text, toll):
    assert _toll(text) == (toll, toll)


@pytest.mark.parametrize(
    "text, toll",
    [
        (
            "The monitor counted 40 dead in the battles for the hill in the last 24 hours, "
            "bringing to more than 300 the number of those killed since the start of the "
            "battle on 2 May.",
            40.0,
        ),
        (
            "40 people were killed in the battles for the hill today, bringing the number of "
            "people killed since the launch of the offensive to 310.",
            40.0,
        ),
        # since the event itself: the same dead, updated (not set aside)
        (
            "Shelling killed 6 people on Tuesday, bringing to 11 the number of those killed "
            "since the shelling began.",
            11.0,
        ),
    ],
)
def test_running_count_since_a_battle_began_set_aside(text, toll):
    assert _toll(text) == (toll, toll)


# -- 'N killed at the scene': 'at' after the verb is no object unless 'at least' -------------


@pytest.mark.parametrize(
    "text, toll",
    [
        ("Gunmen fired on the crowd; 5 killed at the scene, 2 wounded.", (5.0, 5.0)),
        ("A car bomb at the gate; 3 killed at the checkpoint.", (3.0, 3.0)),
        # the object 'at least' still makes the figure before it the killers
        ("3 gunmen killed at least 5 villagers.", (5.0, None)),
    ],
)
def test_killed_at_a_place(text, toll):
    assert _toll(text) == toll


# -- two sides' dead, the second named by its side only: '30 soldiers and 12 IS dead' --------


@pytest.mark.parametrize(
    "text, toll",
    [
        ("Count since Monday: 30 army fighters and 12 IS dead.", (42.0, 42.0)),
        ("Clashes on the ridge left 6 soldiers and 9 YPG killed.", (15.0, 15.0)),
        # the first part has a verb of its own: not lent
        ("Count since Monday: 30 soldiers wounded and 4 IS dead.", (4.0, 4.0)),
    ],
)
def test_a_side_named_count_lends_its_verb(text, toll):
    assert _toll(text) == toll
