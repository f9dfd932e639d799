"""Curated places, session 19 (issue 8, helper hPl7): a governorate's row must not hold its
city's name, nor a city's row a governorate's words. Curated aliases are trusted wherever
they appear (etl.places.placing), so 'Najaf' under the Najaf governorate row put every
mention of the city at the governorate's middle, 115 km off. 'Najaf' is now GeoNames' city,
and 'the Iranian consulate in Najaf' names no country for it (etl.places.evidence). Uses the
shipped GeoNames index.
"""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Iterable, Mapping
from typing import Any

import pytest

from etl.extraction.extract import ArticleInput, Extractor
from etl.places.evidence import CountryReader
from etl.places.gazetteer import normalise_name
from etl.places.geonames import GeoNamesIndex, haversine_km
from etl.settings import ROOT

PLACES = ROOT / "data" / "curated" / "places.csv"
#: a row that names an area, not a point (its point is only the area's middle or capital)
AREA_KINDS = frozenset({"governorate", "region", "desert", "river"})
#: words that make a name an area's, never a town's own
AREA_WORDS = ("governorate", "province", "countryside", "district", "region")


def _rows() -> list[dict[str, str]]:
    with PLACES.open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def towns_under_areas(
    rows: Iterable[Mapping[str, Any]], index: GeoNamesIndex
) -> list[tuple[str, str, str, float]]:
    """(place_id, alias, GeoNames town, km) for each alias of an area's row that GeoNames
    knows, spelt exactly so, as a populated place of the row's own country: that name means
    the town (written alone, 'Najaf' is the city), so the town needs its own row."""
    found = []
    for row in rows:
        if row["kind"] not in AREA_KINDS:
            continue
        codes = index.country_codes([row["country"]]) if row["country"] else set()
        point = (float(row["latitude"]), float(row["longitude"]))
        for alias in (row["name"], *str(row["aliases"]).split("|")):
            for place in index.candidates(alias, limit=50):
                if place.country_code in codes and normalise_name(place.name) == normalise_name(
                    alias
                ):
                    km = haversine_km(point, (place.latitude, place.longitude))
                    found.append((row["place_id"], alias, place.name, round(km)))
    return found


def areas_under_towns(rows: Iterable[Mapping[str, Any]]) -> list[tuple[str, str]]:
    """(place_id, alias) for each alias of a town's row that names an area around it."""
    return [
        (row["place_id"], alias)
        for row in rows
        if row["kind"] in ("city", "town", "village")
        for alias in str(row["aliases"]).split("|")
        if any(word in alias.lower().split() for word in AREA_WORDS)
    ]


@pytest.fixture(scope="module")
def index() -> GeoNamesIndex:
    opened = GeoNamesIndex.open()
    yield opened
    opened.close()


def test_no_area_row_holds_a_town_s_name(index):
    assert towns_under_areas(_rows(), index) == []


def test_no_town_row_holds_an_area_s_name():
    assert areas_under_towns(_rows()) == []


def test_the_checks_catch_a_town_under_an_area_and_the_reverse(index):
    rows = [
        {"place_id": "x_gov", "name": "X governorate", "aliases": "Najaf|Najaf province",
         "kind": "governorate", "latitude": "31", "longitude": "44", "country": "Iraq"},
        {"place_id": "y_city", "name": "Kufa", "aliases": "Kufa|Kufa district",
         "kind": "city", "latitude": "32.03", "longitude": "44.4", "country": "Iraq"},
        # a homonym abroad is no town of the row's country ('Badia' in Italy)
        {"place_id": "z_desert", "name": "Z desert", "aliases": "Badia",
         "kind": "desert", "latitude": "33.3", "longitude": "38.8", "country": "Syria"},
    ]  # fmt: skip
    found = towns_under_areas(rows, index)
    assert [(pid, alias) for pid, alias, _, _ in found] == [("x_gov", "Najaf")]
    assert found[0][3] > 100  # the governorate's middle is far from the city
    assert areas_under_towns(rows) == [("y_city", "Kufa district")]


def _mentions(extractor: Extractor, text: str):
    mentions, _ = extractor.extract(ArticleInput("s19", text, dt.date(2019, 11, 30)))
    return mentions


NAJAF = (32.026, 44.346)
DEIR_EZ_ZOR = (35.336, 40.141)


@pytest.mark.parametrize(
    ("text", "point"),
    [
        # the city, though the sentence names Iran (the consulate's country, not the city's)
        ("Rioters burned tyres outside the Iranian consulate in Najaf on Friday and police "
         "fired on them, killing two.", NAJAF),
        ("Police opened fire on mourners near the shrine in al-Najaf on Friday, killing "
         "three.", NAJAF),
        ("Shelling hit Deir al-Zor on Monday, killing a child.", DEIR_EZ_ZOR),
    ],
)  # fmt: skip
def test_a_governorate_s_name_written_alone_is_its_city(extractor, text, point):
    (first, *_) = _mentions(extractor, text)
    assert haversine_km((first.latitude, first.longitude), point) <= 5


def test_a_governorate_written_as_one_is_still_a_region(extractor):
    (first, *_) = _mentions(
        extractor, "Jets struck villages across Deir ez-Zor province on Monday, killing 6."
    )
    assert first.geo_precision == 3
    assert haversine_km((first.latitude, first.longitude), DEIR_EZ_ZOR) <= 5


def test_a_region_around_a_curated_city_stays_firm(extractor):
    """'Western countryside of Deir ez-Zor' is firm enough to hold a loose name beside it:
    'Marat' is not Māri' near Aleppo, 300 km off (the city's row was a governorate's before,
    firm by its kind; a region phrase around a city row made it weak)."""
    (first, *_) = _mentions(
        extractor,
        "Western countryside of Deir ez-Zor — Drones hit the town of Marat on Tuesday "
        "morning, killing two farmers.",
    )
    assert haversine_km((first.latitude, first.longitude), DEIR_EZ_ZOR) <= 15


@pytest.mark.parametrize(
    ("text", "named"),
    [
        ("Protesters set fire to the Iranian consulate in Najaf.", {}),
        ("Demonstrators stormed Iran's consulate in the city.", {}),
        ("Gunmen fired on the Turkish embassy on Monday.", {}),
        ("Iranian forces shelled the town.", {"IR": 1}),  # guards: a side, named
        ("The Iranian ambassador's convoy was hit in Iran.", {"IR": 1}),
    ],
)
def test_a_diplomatic_mission_s_country_is_not_the_town_s(index, text, named):
    reader = CountryReader(index.country_names())
    assert dict(reader(text)) == named
