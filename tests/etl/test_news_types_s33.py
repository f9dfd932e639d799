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

import datetime as dt

import pytest

from etl.extraction.extract import ArticleInput
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


@pytest.mark.parametrize(
    "sentence",
    [
        "Unknown gunmen on a motorcycle shot dead a teacher outside the school and fled "
        "towards the river.",
        "The attackers set fire to two trucks at the checkpoint, killed a guard and then fled.",
        "Kidnappers seized a doctor from his clinic in Manbij on Monday and fled in a van.",
    ],
)
def test_the_attackers_own_flight_is_no_displacement(sentence):
    assert "displacement" not in _types(sentence)


def test_people_fleeing_an_attack_are_still_displaced():
    got = _types("Gunmen attacked the village on Monday and hundreds of families fled to Hajin.")
    assert "displacement" in got


@pytest.mark.parametrize(
    ("sentence", "kept"),
    [
        (
            "Shells fell on the market of Ariha, where fighting has raged since the weekend.",
            "shelling",
        ),  # fmt: skip
        (
            "A drone struck a car near the bridge as clashes continued in the villages nearby.",
            "airstrike",
        ),  # fmt: skip
        (
            "The truce held in Daraa on Monday, although heavy fighting went on near Busra.",
            None,
        ),  # fmt: skip
    ],
)
def test_a_fight_told_as_the_setting_of_the_event_is_no_clash(sentence, kept):
    got = _types(sentence)
    assert "clash" not in got
    if kept:
        assert kept in got


def test_a_fight_told_as_the_news_itself_stays():
    assert "clash" in _types("Fighting has raged on the outskirts of Hajin since Sunday.")


@pytest.mark.parametrize(
    "sentence",
    [
        "Commanders say they expect another attempt to push into the camp tonight.",
        "The militants made a new attempt to push into the town, the army said.",
        "Tribal fighters made an attempt to push into the market on Monday.",
    ],
)
def test_an_attempt_to_attack_is_no_attack(sentence):
    assert "clash" not in _types(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "SITUATION OVERVIEW: Hostilities continued in southern Idlib over the past day.",
        "Since 1 May, 31 schools have been damaged by hostilities.",
        "Hostilities resumed in the east on Monday, the UN said.",
    ],
)
def test_hostilities_alone_name_no_battle(sentence):
    assert "clash" not in _types(sentence)


def test_a_fight_told_beside_another_event_with_while_stays():
    sentence = (
        "Shells fired by Turkish forces hit the village of al-Yabisah, killing four, while "
        "clashes continue on the outskirts of the town."
    )
    assert "clash" in _types(sentence)


@pytest.mark.parametrize(
    ("sentence", "event_type"),
    [
        (
            "Army units carried out concentrated artillery strikes on the positions of the "
            "militants near Tal Mannas.",
            "shelling",
        ),  # fmt: skip
        (
            "Government forces launched rocket strikes on the villages of the Ghab plain on "
            "Monday.",
            "shelling",
        ),  # fmt: skip
        ("The army conducted heavy tank barrages on the western farms of Sarmin.", "shelling"),
        (
            "Warplanes of the regime committed a horrific massacre in the market of Ariha.",
            "airstrike",
        ),  # fmt: skip
        (
            "Russian aircraft perpetrated a new massacre against the displaced near Atmeh.",
            "airstrike",
        ),  # fmt: skip
    ],
)
def test_strikes_named_by_their_weapon(sentence, event_type):
    got = _types(sentence)
    assert event_type in got
    assert not ({"airstrike", "shelling", "killing"} - {event_type}) & got.keys()


def test_the_strikes_told_again_are_the_shelling_told_before(extractor):
    text = (
        "Army units on Sunday carried out artillery strikes on the positions of the militants "
        "around Kafr Zita. The strikes destroyed several fortified positions, a military "
        "source said."
    )
    mentions, _ = extractor.extract(ArticleInput("t", text, dt.date(2019, 3, 11)))
    assert {m.event_type for m in mentions} == {"shelling"}


@pytest.mark.parametrize(
    "sentence",
    [
        "Gunmen ambushed a truck convoy on the desert highway west of Ramadi, killing two drivers.",
        "Militants attacked an aid convoy near Tabqa on Monday, killing a driver.",
        "Unknown attackers ambushed a fuel convoy on the Baiji road, killing three drivers.",
    ],
)
def test_a_convoy_named_by_its_load_is_civilian(sentence):
    got = _types(sentence)
    assert "killing" in got
    assert "clash" not in got


@pytest.mark.parametrize(
    "sentence",
    [
        "Gunmen ambushed an army convoy near Tabqa, killing two soldiers.",
        "Militants ambushed a military supply convoy near Baiji, killing a driver.",
    ],
)
def test_an_armed_convoy_is_still_a_battles_target(sentence):
    assert "clash" in _types(sentence)


@pytest.mark.parametrize(
    ("sentence", "event_type"),
    [
        (
            "28 February 2019 — Turkish-backed factions and SDF fighters exchange fire near "
            "al-Arima for several hours.",
            "clash",
        ),  # fmt: skip
        ("Border guards of the two states trade fire across the river at dawn.", "clash"),
        ("Turkish forces and the YPG exchange artillery fire near Tal Rifaat.", "shelling"),
    ],
)
def test_a_timelines_present_tense_exchange_of_fire(sentence, event_type):
    assert event_type in _types(sentence)


def test_an_exchange_of_prisoners_is_no_fire():
    assert _types("The two sides agreed to a prisoner exchange on Monday.") == {}


@pytest.mark.parametrize(
    "sentence",
    [
        "A woman from Iraq died of a heart attack in the foreigners' section of the camp.",
        "An elderly detainee died of natural causes in the prison on Monday.",
        "The former commander died of a stroke in hospital in Erbil, his family said.",
    ],
)
def test_a_natural_death_is_no_event(sentence):
    assert "deaths" not in _types(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "Two children died of cold in a camp west of Atmeh on 22 January.",
        "Three infants died of pneumonia in the reception area on Tuesday night.",
    ],
)
def test_deaths_of_hardship_stay(sentence):
    assert "deaths" in _types(sentence)
