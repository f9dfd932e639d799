"""Session 33 (hP23): a court report tells an old crime; the court's town and the court's day
are not the crime's.

heldout30's court reports ('Two police officers were jailed for 15 years by a Baghdad court for
opening fire on a car at a checkpoint near Amerli on 2 January', h30-075) placed the crime at
the court's city, and a day told after the court's verb ('A court in Nineveh has heard ...',
'sentenced ... on Monday for ...') outweighed the crime's own day when nearer the trigger.
Now a place named as a court's ('a Baghdad court', 'a court in Mosul', 'on trial in Erbil') is
where the hearing is (place_roles.csv, reporting), and the day right after a court's verb
(date_context_words.csv, court_verb) dates the court's act only when the sentence tells
another day, as a day of speaking does. Sentences of my own wording.
"""

from __future__ import annotations

import datetime as dt

import pytest

from etl.extraction.extract import ArticleInput, Extractor
from etl.places.geonames import haversine_km

AMERLI = (34.725, 44.588)
HAMMAM_AL_ALIL = (36.158, 43.259)
ZUBAIR = (30.392, 47.702)
DAQUQ = (35.139, 44.449)
MAKHMOUR = (35.776, 43.580)


def _events(extractor: Extractor, text: str, day: dt.date = dt.date(2019, 5, 20)):
    mentions, _ = extractor.extract(ArticleInput("s33-court", text, day))
    return [m for m in mentions if not m.background and m.event_type != "detention"]


@pytest.mark.parametrize(
    ("text", "where"),
    [
        (
            "BAGHDAD — Two police officers were jailed for 15 years by a Baghdad court for "
            "opening fire on a car at a checkpoint near Amerli on 2 January, killing a father "
            "and his daughter, a court statement said.",
            AMERLI,
        ),
        (
            "A court in Mosul heard on Tuesday how gunmen shot dead two farmers near Hammam "
            "al-Alil on 9 May.",
            HAMMAM_AL_ALIL,
        ),
        (
            "The Basra criminal court on Wednesday convicted a man of killing an activist near "
            "Zubair on 8 April.",
            ZUBAIR,
        ),
    ],
)
def test_the_crime_is_where_it_happened_not_at_the_court(extractor, text, where):
    events = _events(extractor, text)
    assert events and all(
        m.latitude is not None and haversine_km((m.latitude, m.longitude), where) < 10
        for m in events
    ), [(m.event_type, m.place_name) for m in events]


@pytest.mark.parametrize(
    ("text", "day"),
    [
        (
            "A Kirkuk criminal court sentenced a man to death on Monday for planting the bomb "
            "that killed four people in Daquq on 3 March.",
            "2019-03-03",
        ),
        (
            "Three men went on trial in Erbil on Sunday over the killing of a shopkeeper in "
            "Makhmour on 17 February.",
            "2019-02-17",
        ),
        (
            "A court in Mosul heard on Tuesday how gunmen shot dead two farmers near Hammam "
            "al-Alil on 9 May.",
            "2019-05-09",
        ),
    ],
)
def test_the_crime_keeps_its_own_day_not_the_courts(extractor, text, day):
    events = _events(extractor, text)
    assert events and {m.date.start.isoformat() for m in events} == {day}, [
        (m.event_type, m.date) for m in events
    ]


def test_a_said_day_alone_still_dates_the_event(extractor):
    """A court's day with no other day in the sentence is the only day told: it stays."""
    events = _events(extractor, "Gunmen shot dead a judge in Kirkuk on Monday, police said.")
    assert {m.date.start.isoformat() for m in events} == {"2019-05-20"}
