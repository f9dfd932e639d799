"""Session 33 (hP23): a state agency's dateline in title case ('Hama, 12 June (BNA) – ') is
where the story was filed, not where it happened.

heldout30's state news agency files every story under its governorate bureau's city in title
case with a day and the agency's bracket; the dateline pattern read cities in capitals only
('CAIRO, March 3 (Reuters) - '), so the bureau's city was read as the event's place and beat
the point the text gives ('about 20 km north of al-Sukhnah', h30-021; 'the surroundings of
Kafr Nabudah', h30-068). The sentences below are of other wordings, agencies and cities.
"""

from __future__ import annotations

import datetime as dt

import pytest

from etl.extraction.extract import ArticleInput, Extractor
from etl.places.geonames import haversine_km
from etl.places.scan import dateline_city


@pytest.mark.parametrize(
    ("text", "city"),
    [
        ("Hama, 12 June (BNA) – Army units repelled an attack", "Hama"),
        ("Deir Ezzor, 29 March (BNA) – Three civilians were martyred", "Deir Ezzor"),
        ("Ras al-Ain, 2 May (SANA) — Shells fell on the town", "Ras al-Ain"),
        ("al-Bab, 14 Feb (Hawar) - A car bomb went off", "al-Bab"),
        ("CAIRO, March 3 (Reuters) - The ministry said", "CAIRO"),  # as before
    ],
)
def test_a_title_case_city_with_a_day_and_an_agency_is_a_dateline(text, city):
    assert dateline_city(text) == city


@pytest.mark.parametrize(
    "text",
    [
        "Hama, 12 June – Army units repelled an attack",  # no agency: a heading, not a dateline
        "Flash Update 38 (NW Syria) — Shelling continued",  # no comma and day
        "Residents, 20 of them (women) – fled the town",  # no day
    ],
)
def test_a_title_case_name_without_day_and_agency_is_none(text):
    assert dateline_city(text) is None


def _placed(extractor: Extractor, text: str) -> list[tuple[str, float, float]]:
    mentions, _ = extractor.extract(ArticleInput("s33-dateline", text, dt.date(2019, 5, 6)))
    return [(m.event_type, m.latitude, m.longitude) for m in mentions if not m.background]


MAADAN = (35.755, 39.602)  # GeoNames' Ma'dan; 15 km east of it is about 0.166 degrees


@pytest.mark.parametrize(
    ("text", "point", "km"),
    [
        (  # a distance and bearing from a town, under the bureau's city
            "Raqqa, 4 May (SANA) – A landmine killed two shepherds on Friday about 15 km east "
            "of Maadan.",
            (MAADAN[0], MAADAN[1] + 15 / (111.32 * 0.8115)),
            3,
        ),
        (  # a town named in the lead under another governorate's bureau
            "Deir Ezzor, 2 May (SANA) – Gunmen shot dead a teacher on Wednesday in the town of "
            "Mohassan.",
            (35.233, 40.317),
            5,
        ),
    ],
)
def test_the_event_is_where_the_text_says_not_at_the_bureau(extractor, text, point, km):
    placed = [(lat, lon) for _, lat, lon in _placed(extractor, text) if lat is not None]
    assert placed and haversine_km(placed[0], point) < km


def test_a_road_between_two_towns_is_not_the_bureau(extractor):
    text = (
        "Homs, 20 May (NNA) – A roadside bomb killed four soldiers on Sunday on the road "
        "between Palmyra and al-Sukhnah."
    )
    homs = (34.724, 36.726)
    placed = [(lat, lon) for _, lat, lon in _placed(extractor, text) if lat is not None]
    assert placed and haversine_km(placed[0], homs) > 100
