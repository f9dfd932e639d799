"""Session 22 (hN10), news precision and tolls on heldout8-18: a place taken with no fight
(the flag raised), a truce named only to count days from, a convoy or vehicles as an attack's
target or carrying troops, the displaced told as a stock, and a running count of the dead the
event brings up (trigger_contexts.csv's and figure_tolls.csv's session-22 rows). Sentences
written for these tests (places and groups invented)."""

from __future__ import annotations

import datetime as dt

import pytest

from etl.extraction.extract import ArticleInput, Extractor
from etl.extraction.figures import fatalities
from etl.merge import cluster_mentions
from tests.etl.trigger_check import article_types, sentence_types

PUB = dt.date(2019, 10, 5)


def _events(extractor: Extractor, text: str) -> list[tuple[str, tuple]]:
    """(type, toll) of each merged event of `text`."""
    mentions, _ = extractor.extract(ArticleInput("s22", text, PUB))
    return [
        (c.event_type, fatalities([f for m in c.mentions for f in m.figures]))
        for c in cluster_mentions([m for m in mentions if not m.background])
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        # the block row of places taken without a fight reached 100 characters: 101 here
        "Iraqi forces took over the Bai Hassan and Avana oil fields north-west of Kirkuk on Tuesday"
        " after Kurdish Peshmerga withdrew without a fight, oil officials said.",
        "Government forces withdrew from the district centre on Thursday and the insurgents raised"
        " their flag over it, officials said; no fighting was reported during the withdrawal.",
        "Rebels raised their flag over the town hall of Kafr Duma without a shot being fired.",
    ],
)
def test_a_place_taken_without_a_fight_is_no_battle(sentence):
    assert "clash" not in sentence_types(sentence)
    assert "clash" not in article_types(sentence)


def test_a_flag_raised_after_fighting_stays_a_battle():
    assert "clash" in sentence_types(
        "Troops raised their flag over Izyum on Friday after three days of fighting."
    )


@pytest.mark.parametrize(
    "sentence",
    [
        "For the sixth day since the ceasefire took effect at midnight on 5 March, no air strikes"
        " were recorded in the province.",
        "The hilltop town had been largely spared since a ceasefire deal was agreed in September.",
        "Shops reopened in the old city since the truce came into force.",
    ],
)
def test_a_truce_named_to_count_days_from_is_no_statement(sentence):
    assert "statement" not in sentence_types(sentence)


def test_a_truce_taking_effect_stays_news():
    assert "statement" in sentence_types(
        "A ceasefire took effect at midnight on Friday, the ministry said."
    )


@pytest.mark.parametrize(
    "sentence",
    [
        "A suicide bomber rammed an explosives-laden car into a convoy of paramilitary buses on"
        " the highway on Thursday, killing 40 troopers.",
        "The convoy of 78 vehicles was carrying some 2,500 personnel.",
        "Gunmen ambushed three vehicles carrying women and children on a dirt road on Monday,"
        " killing nine.",
    ],
)
def test_a_convoy_attacked_or_carrying_troops_is_no_evacuation(sentence):
    assert "evacuation" not in sentence_types(sentence)


def test_a_military_convoy_crossing_a_border_is_no_flight():
    found = sentence_types(
        "A Turkish military convoy crossed into Idlib province near Atmeh on Thursday night."
    )
    assert "displacement" not in found


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        (
            "A convoy of 40 buses carrying fighters and their families left the town on Sunday.",
            "evacuation",
        ),
        ("More than 1,000 people crossed into Turkey on Sunday.", "displacement"),
    ],
)
def test_people_carried_or_crossing_stay(sentence, kind):
    assert kind in sentence_types(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "The camp already shelters about 30.000 people displaced since the spring.",
        "More than 900,000 people displaced since December remain in camps along the border.",
        "The camp, home to about 12,000 Kurds who fled Turkey in the 1990s, shelters militants.",
    ],
)
def test_the_displaced_told_as_a_stock_are_no_flight(sentence):
    assert "displacement" not in sentence_types(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "Some 2,000 people fled the town on Monday and are sheltering in schools.",
        "Since October, about 920,000 people have been displaced from Mosul.",
    ],
)
def test_a_flight_stays(sentence):
    assert "displacement" in sentence_types(sentence)


def test_a_running_count_over_days_is_not_the_events_toll(extractor):
    text = (
        "Security forces opened fire on protesters near Tahrir Square on Friday, killing at"
        " least 18, hospital sources said, bringing the death toll of four days of unrest across"
        " the country to more than 90."
    )
    # The day's killing keeps its own 18. Since convention C7 (session 27, hC15;
    # test_span_tolls_c7.py) the four days' toll is an event of its own, spanning those days,
    # with its own count: never the day's toll.
    assert sorted(_events(extractor, text)) == [
        ("killing", (18.0, None)),
        ("killing", (90.0, None)),
    ]


def test_a_running_count_since_an_earlier_day_is_not_the_events_toll(extractor):
    text = (
        "Militants shot 67 villagers in the desert east of Hit on Sunday, tribal leaders said,"
        " bringing to more than 200 the number of the tribe killed since the militants overran"
        " its stronghold last week."
    )
    tolls = {toll for _, toll in _events(extractor, text)}
    assert (200.0, None) not in tolls


@pytest.mark.parametrize(
    ("text", "toll"),
    [
        (
            "Two more soldiers died in hospital on Monday, bringing the toll of Sunday's attack to 19.",
            (19.0, 19.0),
        ),
        (
            "Regime forces took Tal Mannas after clashes, and the monitor counted 17 soldiers and 21"
            " rebels killed, bringing to 38 the number of dead.",
            (38.0, 38.0),
        ),
    ],
)
def test_a_toll_brought_up_without_a_span_stays_the_events(extractor, text, toll):
    assert toll in {t for _, t in _events(extractor, text)}


@pytest.mark.parametrize(
    "sentence",
    [
        "Army helicopters fired on a monastery school in the village on Friday, killing 7 children.",
        "Army helicopters fired on villagers cutting bamboo outside the village, killing 7.",
        "Two gunships opened fire on the market at noon.",
    ],
)
def test_fire_from_an_aircraft_is_an_air_strike(sentence):
    found = sentence_types(sentence)
    assert "airstrike" in found
    assert "killing" not in found


def test_an_aircraft_shot_down_is_no_air_strike():
    found = sentence_types("Rebels shot down a helicopter on Monday, killing its two pilots.")
    assert "airstrike" not in found


@pytest.mark.parametrize(
    ("text", "toll"),
    [
        (
            "Troops took the town on Friday after fighting; a monitor put the dead on both sides at 72.",
            (72.0, 72.0),
        ),
        (
            "Troops took the town on Friday after fighting; the monitor put the dead of the factions at 22.",
            (22.0, 22.0),
        ),
        (
            "Troops took the town on Friday after fighting; officials put the toll at 12.",
            (12.0, 12.0),
        ),
    ],
)
def test_a_toll_put_at_with_whose_dead_between(extractor, text, toll):
    assert _events(extractor, text) == [("clash", toll)]


@pytest.mark.parametrize(
    "sentence",
    [
        "Militants shot 67 men of the tribe in the desert on Sunday, bringing to 200 the number"
        " killed since the militants overran its stronghold last week.",
        "Fighters took 600 inmates from the prison to a ravine on 10 June and shot them, the day"
        " the militants overran the city.",
    ],
)
def test_a_killing_stays_beside_a_capture_that_only_dates_it(sentence):
    found = sentence_types(sentence)
    assert {"killing", "clash"} <= found


@pytest.mark.parametrize(
    "sentence",
    [
        # a killing told in the battle's own clause folds into it, as before
        "Militants overran the base on Sunday and killed 12 soldiers.",
        "Gunmen killed five villagers when militants stormed the village on Sunday.",
    ],
)
def test_a_killing_in_the_battles_own_clause_does_not_stand_apart(sentence):
    found = sentence_types(sentence)
    assert not {"killing", "clash"} <= found


def test_a_battles_dead_counted_since_it_began_fold_into_it():
    found = sentence_types(
        "About 100 members of the security forces had been killed since the Taliban stormed the"
        " city on Friday, the minister said."
    )
    assert "killing" not in found


@pytest.mark.parametrize(
    "sentence",
    [
        "Coalition jets destroyed the al-Siyasiyah bridge on the northern edge of the city on Tuesday.",
        "Air force jets destroyed hideouts of militants south of Rafah, killing 12 of them.",
    ],
)
def test_what_aircraft_destroyed_is_an_air_strike(sentence):
    assert "airstrike" in sentence_types(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "Seven drones were destroyed by air-defence systems on Sunday.",
        "Residents said aircraft had destroyed the mosque, an accusation the coalition rejected.",
        "CLAIM: A widely shared video says Russian jets destroyed a bakery in Salamieh on 1 August.",
        'CLAIM: Posts say "hundreds" died when a car bomb hit Shahba on 7 August.',
    ],
)
def test_aircraft_destroyed_claimed_or_accused_is_no_air_strike(sentence):
    found = sentence_types(sentence)
    assert "airstrike" not in found
    assert "explosion" not in found


def test_people_told_by_the_camp_they_reached():
    found = sentence_types(
        "Some 2.300 people fleeing the villages south of Mosul reached the Debaga camp in the"
        " past three days, camp managers said."
    )
    assert "displacement" in found


def test_a_snipers_killing_after_a_shelling_is_its_own(extractor):
    text = (
        "Government shelling on the town of Kafr Laha killed 4 civilians including a child on"
        " Tuesday, our correspondent said. In Teir Maalah, north of the city, a sniper killed a"
        " young man the same day."
    )
    mentions, _ = extractor.extract(ArticleInput("s22", text, PUB))
    second = text.index("In Teir")
    assert [m.event_type for m in mentions if m.char_start >= second] == ["killing"]
    shelling = [m for m in mentions if m.event_type == "shelling"]
    assert fatalities([f for m in shelling for f in m.figures]) == (4.0, 4.0)
