"""Places, session 26 (issue 8, helper hP14). Sentences written for this test (not copied
from a set); they use the shipped GeoNames index and the curated places. Each case fails
before its change; the guards pass before and after.

- A record's heading may open with the record's code in capitals before its stamp ('OPS
  11/03/2019 — Baghdad, Tarmiyah district: ...'): the heading is a note's heading
  (routes.heading_end), so a city heading it labels its governorate when the text names a
  smaller town near it (placing._labels_area), as without the code. Before, the city (in a
  place slot by the district after it) was where it happened.
"""

from __future__ import annotations

import datetime as dt

import pytest

from etl.extraction.extract import ArticleInput, Extractor
from etl.places import routes
from etl.places.geonames import haversine_km


def _mentions(extractor: Extractor, text: str, day: dt.date = dt.date(2019, 3, 12)):
    mentions, _ = extractor.extract(ArticleInput("s26", text, day))
    return mentions


def _km(mention, point: tuple[float, float]) -> float:
    return haversine_km((mention.latitude, mention.longitude), point)


TARMIYAH = (33.67444, 44.39583)  # GeoNames 98403, Aţ Ţārmīyah
DAQUQ = (35.13923, 44.44907)  # GeoNames 90220, Dāqūq
KIRKUK = (35.46806, 44.39222)  # GeoNames 94787, Kirkuk


@pytest.mark.parametrize(
    ("text", "name", "ends"),
    [
        ("OPS 11/03/2019 — Baghdad, Tarmiyah district: A bomb", "Baghdad", 44),
        ("11/03/2019 — Baghdad, Tarmiyah district: A bomb", "Baghdad", 40),  # as before
        ("Reuters said Baghdad, Tarmiyah district: a bomb", "Baghdad", -1),  # prose before
    ],
)
def test_heading_end_after_a_record_code(text, name, ends):
    start = text.index(name)
    assert routes.heading_end(text, start, start + len(name)) == ends


@pytest.mark.parametrize(
    ("text", "point"),
    [
        (
            "OPS 11/03/2019 — Baghdad, Tarmiyah district: Gunmen shot dead a farmer in front "
            "of his house in Tarmiyah. Casualties: 1 killed.",
            TARMIYAH,
        ),
        (
            "SEC-LOG 02/05/2019 — Kirkuk, Daquq district: Gunmen attacked an army post on the "
            "edge of Daquq and fought the soldiers for an hour. Casualties: 2 soldiers killed.",
            DAQUQ,
        ),
        (  # guard: no smaller town named, the city stays
            "SEC-LOG 02/05/2019 — Kirkuk, al-Wasiti quarter: A bomb exploded in a market, "
            "killing 2 people.",
            KIRKUK,
        ),
    ],
)
def test_a_coded_headings_city_labels_its_area(extractor, text, point):
    found = [m for m in _mentions(extractor, text) if m.latitude is not None]
    assert found
    assert all(_km(m, point) < 10.0 for m in found), [(m.place_name, _km(m, point)) for m in found]
