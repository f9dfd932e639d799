"""General formats of dates and places (issue 8, session 11): every common numeric date
format and a place written as an administrative path. Sentences written for these tests, not taken from any
evaluation set; near misses beside each."""

from __future__ import annotations

import datetime as dt

import pytest

from etl.extraction.dates import find_dates
from etl.extraction.extract import ArticleInput, Extractor
from etl.places import admin_path
from etl.places.geonames import haversine_km

PUB = dt.date(2020, 3, 20)


def _windows(text: str, published: dt.date = PUB) -> list[tuple[str, str, str]]:
    return [
        (d.start.isoformat(), d.end.isoformat(), d.text)
        for d in find_dates(text, 0, len(text), published)
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Mortars hit the camp on 20200314.", [("2020-03-14", "2020-03-14", "20200314")]),
        (
            "RPT-88; 20200314-15; mortars hit the camp",
            [("2020-03-14", "2020-03-15", "20200314-15")],
        ),
        (
            "Raids 20200228-20200302 emptied the village",
            [("2020-02-28", "2020-03-02", "20200228-20200302")],
        ),
        ("Mortars hit the camp on 2020/03/14.", [("2020-03-14", "2020-03-14", "2020/03/14")]),
        ("Mortars hit the camp on 2020.3.14.", [("2020-03-14", "2020-03-14", "2020.3.14")]),
        ("Mortars hit the camp on 14.03.20.", [("2020-03-14", "2020-03-14", "14.03.20")]),
        ("Mortars hit the camp on 14/3/20.", [("2020-03-14", "2020-03-14", "14/3/20")]),
        (
            "Mortars hit the camp on 3/14/20.",
            [("2020-03-14", "2020-03-14", "3/14/20")],
        ),  # month first
        (
            "Clashes on 13-15.03.2020 left the road shut.",
            [("2020-03-13", "2020-03-15", "13-15.03.2020")],
        ),
        (
            "Clashes 28.02.-02.03.2020 near the mill",
            [("2020-02-28", "2020-03-02", "28.02.-02.03.2020")],
        ),
        ("Mortars hit the camp on 14-Mar-20.", [("2020-03-14", "2020-03-14", "14-Mar-20")]),
        ("14-MAR-2020: mortars hit the camp", [("2020-03-14", "2020-03-14", "14-MAR-2020")]),
        ("Raids rose in 2020-W11 across the plain.", [("2020-03-09", "2020-03-15", "2020-W11")]),
        (
            "Raids rose in week 11 of 2020 across the plain.",
            [("2020-03-09", "2020-03-15", "week 11 of 2020")],
        ),
        (
            "Late on the 14th (March 2020), a mine went off.",
            [("2020-03-14", "2020-03-14", "the 14th (March 2020)")],
        ),
    ],
)
def test_numeric_date_formats(text, expected):
    assert _windows(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The patch 1.2.19 was installed.",  # a version: points need a two-digit month
        "Shipment 20201345 arrived.",  # no thirteenth month
        "Reference 2020031415 was filed.",  # ten digits: an id, no date
        "Case FM#20-0314 was closed.",  # an id with a dash
        "They counted 12345678 votes.",
    ],
)
def test_numbers_that_are_no_date(text):
    assert _windows(text) == []


def test_a_day_and_month_before_a_count_is_not_a_two_digit_year():
    assert _windows("On 3 March 19 people died.") == [("2020-03-03", "2020-03-03", "On 3 March")]


@pytest.mark.parametrize(
    ("text", "start", "expected"),
    [
        ("Hama » Mhardeh; shelling", 7, True),
        ("Hama » Mhardeh; shelling", 0, True),
        ("Hama > Mhardeh", 7, True),
        ("Hama/Mhardeh", 5, True),
        ("Hama / Mhardeh", 7, True),
        ("Hama and Mhardeh", 9, False),
        ("shelling and/or Mhardeh", 16, False),  # no name before the slash
        ("1/ Mhardeh: shelling", 3, False),  # a list number
    ],
)
def test_a_name_in_an_administrative_path(text, start, expected):
    end = start + len(text[start:].split()[0].rstrip(";:"))
    assert admin_path.in_path(text, start, end) is expected


def _places(extractor: Extractor, text: str, day: dt.date = PUB):
    mentions, _ = extractor.extract(ArticleInput("t", text, day))
    return [(m.place_name, m.latitude, m.longitude) for m in mentions]


def _all_near(found, point, km: float = 10.0) -> bool:
    return bool(found) and all(
        lat is not None and haversine_km((lat, lon), point) <= km for _, lat, lon in found
    )


@pytest.mark.parametrize(
    ("text", "point"),
    [
        ("RPT-12; 20200314; Hama » Mhardeh; Shells hit the town centre; fat=2", (35.25, 36.57)),
        (
            "RPT-13; 20200314; Aleppo > Manbij > Manbij; A car bomb exploded at a market",
            (36.53, 37.95),
        ),
        ("RPT-14; 20200314; Raqqa/Tabqa; Gunmen shot dead a shopkeeper", (35.84, 38.55)),
        ("RPT-15; 20200314; Deir ez-Zor › Mayadin; Drones struck a car", (35.02, 40.45)),
    ],
)
def test_the_last_name_of_a_path_is_the_place(extractor, text, point):
    assert _all_near(_places(extractor, text), point)
