"""Session 36 (hB26): accidental deaths, by session 35's answer (docs/extraction_history.md
"Session 35 (coordinator)", "Accidental deaths"). People who die of their displacement's
conditions, in a camp or in flight (a tent fire in al-Hol, a boat of people fleeing that sinks,
cold on the road), are a `deaths` event (heldout20-061, 21-024, 22-032, 23-032, 25-195, 31-057,
32-037; heldout11-120 and heldout31-020 missed or typed a killing before); an accident unrelated
to the war or to flight (a house fire in a town, a pleasure ferry, a traffic accident) is no
event (heldout27-043 was a deaths event before).

Texts written for this test (places real, incidents invented), in other wordings than the sets':
each positive case of the first group gives no deaths event, or a killing, before the change;
each of the second group gives a deaths or killing event before it."""

from __future__ import annotations

import datetime as dt

import pytest

from etl.extraction.extract import ArticleInput, Extractor

PUB = dt.date(2019, 4, 18)


def _types(extractor: Extractor, text: str) -> list[str]:
    mentions, _ = extractor.extract(ArticleInput("s36a", text, PUB))
    return sorted({m.event_type for m in mentions if not m.background})


@pytest.mark.parametrize(
    "text",
    [
        # the camp named after the fire, the dead told by 'dead' (an SMS relay's shape)
        "[relay 0412] 14/4 atmeh - 5 tents burned after a stove fire in the camp, 2 kids dead",
        # the fire's course through tents before its dead
        "On Sunday night a blaze swept through tents in phase 4 of al-Hol camp and killed three "
        "children, camp officials said.",
        "A fire in a shelter for displaced families near Sarmada killed a woman and her son on "
        "Monday, the camp's manager said.",
        "Camp staff said on Tuesday that a heater fire in the reception area had killed a baby "
        "overnight.",
    ],
)
def test_a_camps_accidental_fire_that_kills_is_deaths(extractor, text):
    assert _types(extractor, text) == ["deaths"]


@pytest.mark.parametrize(
    "text",
    [
        # drownings and hardship in flight stay deaths beside an accident word
        "Twelve people drowned on Monday when a ferry carrying refugees fleeing the fighting "
        "capsized on the Euphrates near Raqqa.",
        "A truck carrying displaced families overturned on the desert road from Hajin on "
        "Monday; four children died.",
        "Five members of one family drowned on Saturday while trying to cross the Tigris to "
        "flee Mosul.",
    ],
)
def test_deaths_in_flight_stay_deaths(extractor, text):
    assert "deaths" in _types(extractor, text)


@pytest.mark.parametrize(
    "text",
    [
        "A pleasure boat carrying families to a picnic on the lake capsized near Dohuk on "
        "Friday, and 14 people drowned.",
        "Two brothers died in a traffic accident on the Kirkuk-Erbil road on Monday.",
        "A house fire caused by a gas heater killed three children in Maarat al-Numan on "
        "Tuesday, civil defence said.",
        "Two people were killed when their car crashed into a truck near Tikrit on Monday.",
    ],
)
def test_a_peace_time_accident_is_no_event(extractor, text):
    assert _types(extractor, text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a fire set by attackers, gunfire on a camp: the attack, not deaths
        (
            "Militants set fire to tents in the camp near Atmeh on Monday, killing five people.",
            ["killing"],
        ),
        (
            "Shelling on Monday set off a fire in the camp near Qah that killed three children.",
            ["shelling"],
        ),
        # a bomb in a gas cylinder is a bomb
        (
            "A bomb hidden in a gas cylinder killed three people at a market in Hasakah on Monday.",
            ["explosion"],
        ),
    ],
)
def test_fires_and_cylinders_of_an_attack_stay_the_attack(extractor, text, expected):
    assert _types(extractor, text) == expected
