"""Session 33 (hP23): heldout30's news places by class, each rule read on sentences of other
wordings than the set's.

- a place the event only heads for ('as they tried to reach Mosul', 'on their way to Kirkuk',
  'bound for Idlib') is no place of it when the sentence names another (place_words.csv,
  goal_before; h30-009);
- a road named by its two ends joined by an en or em dash ('the Jammu–Srinagar highway') is a
  road as with a hyphen: placed near the town the sentence names beside it (h30-017);
- a place after 'the camp administration at' or 'officials at' before 'said' is where the
  source sits, not a government that said it: the camp 'the camp' means (h30-086).
"""

from __future__ import annotations

import datetime as dt

import pytest

from etl.extraction.extract import ArticleInput, Extractor
from etl.places.geonames import haversine_km

QARAQOSH = (36.271, 43.378)
HAWIJA = (35.326, 43.773)
SARAQIB = (35.864, 36.806)
PULWAMA = (33.874, 74.900)
JISR = (35.816, 36.318)
KABUL = (34.528, 69.172)
AL_HOL = (36.376, 41.149)


def _points(extractor: Extractor, text: str, day: dt.date = dt.date(2019, 3, 7)):
    mentions, _ = extractor.extract(ArticleInput("s33-places", text, day))
    return [(m.latitude, m.longitude) for m in mentions if not m.background]


def _at(points, where, km=10.0) -> bool:
    return bool(points) and all(p[0] is not None and haversine_km(p, where) < km for p in points)


@pytest.mark.parametrize(
    ("text", "where"),
    [
        (
            "The pair were detained two days later at a checkpoint near Qaraqosh as they tried "
            "to reach Mosul, according to the charge sheet.",
            QARAQOSH,
        ),
        (
            "Gunmen ambushed two traders near Hawija on their way to Kirkuk on Monday, killing one.",
            HAWIJA,
        ),
        (
            "A truck bound for Idlib was hit by a drone near Saraqib on Sunday, killing the driver.",
            SARAQIB,
        ),
    ],
)
def test_a_place_the_event_only_heads_for_is_not_its_place(extractor, text, where):
    assert _at(_points(extractor, text), where)


@pytest.mark.parametrize(
    ("text", "where", "km"),
    [
        (
            "A suicide bomber rammed a car into a convoy on the Jammu–Srinagar highway near "
            "Pulwama on Thursday, killing 40.",
            PULWAMA,
            15.0,
        ),
        (
            "Gunmen killed two drivers on the Idlib—Latakia highway near Jisr al-Shughur on Friday.",
            JISR,
            15.0,
        ),
        # no town beside it: the road from its first end, a region (C13), as with a hyphen
        (
            "A roadside bomb hit a bus on the Kabul–Jalalabad highway on Monday, killing 9.",
            KABUL,
            20.0,
        ),
    ],
)
def test_a_road_named_by_two_ends_joined_by_a_dash(extractor, text, where, km):
    assert _at(_points(extractor, text), where, km)


def test_a_dashed_road_is_a_region_not_its_first_town(extractor):
    mentions, _ = extractor.extract(
        ArticleInput(
            "s33-road",
            "A roadside bomb hit a bus on the Kabul–Jalalabad highway on Monday, killing 9.",
            dt.date(2019, 3, 7),
        )
    )
    assert [m.geo_precision for m in mentions] == [3]


@pytest.mark.parametrize(
    "text",
    [
        "⁂ Sun 31 Mar: The camp administration at al-Hol said 1,450 people had arrived in the "
        "past week.",
        "Officials at al-Hol said on Tuesday that the camp had received 900 new arrivals from "
        "the Baghouz pocket since Sunday.",
        "Staff at al-Hol said 2,000 women and children arrived at the camp on Wednesday.",
    ],
)
def test_a_camp_a_source_speaks_from_is_not_a_government(extractor, text):
    assert _at(_points(extractor, text), AL_HOL, 3.0)
