"""Places, session 16 (issue 8). Sentences written for this test; they use the shipped
GeoNames index.

Class (no place named): a dateline whose day is written with dots or slashes ('GROZNY,
05.12.2014 —') or whose month is abbreviated in lower case, as Spanish and Portuguese wires
write it ('QUITO, 10 ago (Agencia) —'), is a dateline, so 'the city' of its text is its city.
"""

from __future__ import annotations

import datetime as dt

import pytest

from etl.extraction.extract import ArticleInput, Extractor
from etl.places.scan import dateline_city


def _mentions(extractor: Extractor, text: str, published: dt.date = dt.date(2022, 3, 9)):
    mentions, _ = extractor.extract(ArticleInput("s16", text, published))
    return mentions


@pytest.mark.parametrize(
    ("text", "city"),
    [
        ("NALCHIK, 14.10.2005 — Gunmen attacked the police headquarters.", "NALCHIK"),
        ("CALI, 2/3/2021 — Protesters blocked the road.", "CALI"),
        ("CUENCA, 7 mar (Agencia Andina) — Two guards were hurt.", "CUENCA"),
        ("LIMA, 3 de dic. — Police cleared the square.", "LIMA"),
        ("RECIFE, 21 set (Agência Sul) — A bus was set on fire.", "RECIFE"),
    ],
)
def test_a_dateline_with_a_dotted_day_or_a_lower_case_month(text, city):
    assert dateline_city(text) == city


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "NALCHIK, 14.10.2005 — Dozens of gunmen attacked police buildings across the city "
            "on Thursday, killing 12 officers.",
            "Nalchik",
        ),
        (
            "CUENCA, 7 mar (Agencia Andina) — Gunmen killed a prison guard outside a school "
            "in the south of the city on Monday.",
            "Cuenca",
        ),
    ],
)
def test_the_city_of_such_a_dateline_places_its_text(extractor, text, name):
    (first, *_) = _mentions(extractor, text)
    assert (first.place_name, first.place_note) == (name, "the dateline's place")
