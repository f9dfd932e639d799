"""Session 33 (hX23): heldout30's news types and extras by class (docs/extraction_history.md,
"Session 33 (hX23)"), with sentences written for this test in other wordings:

- C16 by the armed group's man named by his rank ('an IS emir', 'an Islamic State leader', a
  member of a state's internal or national security): a battle, not a killing of civilians;
  and men captured counted as 'two of his aides' are detained;
- no siege for a road or a crossing 'closed' (a security measure, no encirclement; the way
  out of a besieged place closed stays one);
- court reports: a prison term handed down or served is no arrest, and the crime a charge or
  an arrest names in a gerund, told with its own day, is the event.
"""

from __future__ import annotations

import pytest

from etl.extraction.triggers import find_triggers


def _types(sentence: str) -> dict[str, str]:
    return {t.event_type: t.text for t in find_triggers(sentence, 0, len(sentence))}


@pytest.mark.parametrize(
    "sentence",
    [
        "Troops killed an IS 'emir' and two of his guards in a raid near Hajin on Monday.",
        "Police shot dead a senior al-Shabaab official at a checkpoint outside Kismayo.",
        "Gunmen killed a member of the country's national security service outside his house.",
        "Iraqi forces killed an Islamic State leader in the desert west of Samarra.",
        "Unknown attackers killed a member of the ministry's public security in Amuda.",
    ],
)
def test_an_armed_groups_man_by_his_rank_is_a_battles_dead(sentence):
    got = _types(sentence)
    assert "clash" in got
    assert "killing" not in got


@pytest.mark.parametrize(
    ("sentence", "trigger"),
    [
        (
            "The SDF killed a cell leader and captured three of his bodyguards in Hatla.",
            "captured three of his bodyguards",
        ),  # fmt: skip
        (
            "Commandos captured two of their companions at a farm north of Tikrit.",
            "captured two of their companions",
        ),  # fmt: skip
        (
            "Police captured four of the suspects near the bridge on Sunday.",
            "captured four of the suspects",
        ),  # fmt: skip
    ],
)
def test_men_captured_counted_as_some_of_a_group_are_detained(sentence, trigger):
    assert _types(sentence).get("detention") == trigger


@pytest.mark.parametrize(
    "sentence",
    [
        "Police closed the road to the airport after the attack on Monday.",
        "The army closed the crossing at Nasib for the second day.",
        "Security forces closed the main road between Tikrit and Samarra on Friday.",
    ],
)
def test_a_road_or_crossing_closed_is_no_siege(sentence):
    assert "siege" not in _types(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "Government forces have besieged the town since Monday.",
        "The militants closed the corridor out of the camp on Sunday.",
    ],
)
def test_an_encirclement_and_a_way_out_closed_are_still_a_siege(sentence):
    assert "siege" in _types(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "A court in Basra jailed the two men for 20 years on Monday.",
        "The soldier was jailed for life by a military court on Tuesday.",
        "The defendant, who had spent eight months in detention, was released on Sunday.",
        "Three officers were imprisoned for six months for negligence.",
    ],
)
def test_a_prison_term_is_no_arrest(sentence):
    assert "detention" not in _types(sentence)


@pytest.mark.parametrize(
    ("sentence", "trigger"),
    [
        (
            "Three men charged with murdering a judge in Kirkuk on 4 March appeared in court.",
            "murdering",
        ),  # fmt: skip
        (
            "The court convicted a soldier of shooting a protester in Basra on Friday.",
            "shooting",
        ),  # fmt: skip
        (
            "Police detained two men suspected of gunning down a council member three days "
            "earlier.",
            "gunning down",
        ),  # fmt: skip
        (
            "A guard was jailed for opening fire on a bus near Tikrit on 9 May, killing a boy.",
            "opening fire on",
        ),  # fmt: skip
    ],
)
def test_the_crime_a_charge_names_with_its_own_day_is_the_event(sentence, trigger):
    assert _types(sentence).get("killing") == trigger


@pytest.mark.parametrize(
    "sentence",
    [
        "Three men accused of killing a teacher in Hajin went on trial.",
        "A man suspected of shooting a policeman was arrested in Mosul.",
    ],
)
def test_a_charge_with_no_day_of_its_crime_stays_a_charge(sentence):
    assert "killing" not in _types(sentence)
