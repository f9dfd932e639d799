"""Places, session 23 (issue 8, helper hP11). Sentences written for this test (not copied
from a set); they use the shipped GeoNames index. Each case fails before its change; the
guards pass before and after.

- a month's abbreviation right after a day's number ('Tal Tamr, 12 Mar:') is the date's,
  not a place (it had been read as Mary, Turkmenistan, and the heading's town put near it);
- a note headed by a city's name ('Idlib, 1 April 2019:', 'Baghdad:') that names a smaller
  town near it in its text happened in that town: the heading labels the province.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter

import pytest

from etl.extraction.extract import ArticleInput, Extractor
from etl.places.geonames import haversine_km


def _mentions(extractor: Extractor, text: str, day: dt.date = dt.date(2019, 5, 3)):
    mentions, _ = extractor.extract(ArticleInput("s23", text, day))
    return mentions


def _km(mention, point: tuple[float, float]) -> float:
    return haversine_km((mention.latitude, mention.longitude), point)


TAL_TAMR = (36.65556, 40.37079)  # GeoNames 163434, Tall Tamr
AZAZ = (36.58662, 37.04628)  # GeoNames 172082, I'zaz
MAHMUDIYAH = (33.06221, 44.36564)  # GeoNames 99100, Al Mahmudiyah (Iraq)
SARAQIB = (35.86447, 36.80591)  # GeoNames 164816


@pytest.mark.parametrize("month", ["Mar", "Jan", "Sep", "Dec"])
def test_month_abbreviation_after_a_day_is_no_place(extractor, month):
    text = f"Tal Tamr, 12 {month}: A motorcycle bomb exploded at the vegetable market."
    hits, _ = extractor.resolver.find(text, 0, len(text), Counter(), ())
    assert [h.text for h in hits] == ["Tal Tamr"]
    (mention,) = _mentions(extractor, text)
    assert mention.country == "SY" and _km(mention, TAL_TAMR) < 1


@pytest.mark.parametrize(
    ("text", "point"),
    [
        ("Aleppo, 4 June 2018: Shelling on the town of Azaz killed two children.", AZAZ),
        (
            "Baghdad: A roadside bomb exploded near Mahmudiya on 2 May 2019, killing a soldier.",
            MAHMUDIYAH,
        ),
    ],
)
def test_city_heading_labels_the_province(extractor, text, point):
    (mention,) = _mentions(extractor, text)
    assert _km(mention, point) < 10


@pytest.mark.parametrize(
    "text",
    [
        # the heading's town alone: it is the place
        "Saraqib, 2 May 2019: Russian strikes hit the town's market, killing four.",
        # the text names a larger city beside it: the heading's town stays where it was
        "Saraqib, 2 May 2019: Shelling on the town and on Idlib city killed two.",
    ],
)
def test_town_heading_stands(extractor, text):
    mention = _mentions(extractor, text)[0]
    assert _km(mention, SARAQIB) < 1


@pytest.mark.parametrize(
    "text",
    [
        # a record's row of fields split by a one-character mark: the last known place cell
        "r0099^03/05/2019^Aleppo^Azaz^Azaz^SHL^Shells hit a house near the school^2^0",
        "20190503 ┃ Aleppo ┃ Azaz ┃ SHELLING ┃ Shells hit a house near the school ┃ 2",
        "ALERT ⁄ 03/05/2019 ⁄ Aleppo ⁄ Azaz ⁄ Shells hit a house near the school",
        # a tab-separated row, read so before
        "2019-05-03\tAleppo\tAzaz\tshelling\tShells hit a house near the school",
    ],
)
def test_row_cells_split_by_a_mark(extractor, text):
    mention = _mentions(extractor, text)[0]
    assert _km(mention, AZAZ) < 1


SUKHNAH = (34.88533, 38.87110)  # GeoNames 172425, As Sukhnah
JARABLUS = (36.81750, 38.01111)  # GeoNames 169179, Jarabulus


@pytest.mark.parametrize(
    ("text", "point"),
    [
        # a bracket naming the town's district and province only locates it
        (
            "On 4 May 2019, gunmen killed two shepherds near Al-Sukhnah (Tadmor, Homs), a monitor said.",
            SUKHNAH,
        ),  # fmt: skip
        (
            "On 4 May 2019, a car bomb exploded near Jarablus (Manbij, Aleppo), a monitor said.",
            JARABLUS,
        ),
        # a bracketed other name of the same town, as before
        ("On 4 May 2019, a car bomb exploded in Jarablus (Jarabulus).", JARABLUS),
    ],
)
def test_bracketed_district_only_locates(extractor, text, point):
    mention = _mentions(extractor, text)[0]
    assert _km(mention, point) < 1
