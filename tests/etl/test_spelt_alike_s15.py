"""A transliteration that spells one place's own name, vowels and the usual variants evened
out, is read as that place without other evidence, as the exact name of one place is
(etl.places.lookup). Sentences written for this test; they use the shipped GeoNames index."""

from __future__ import annotations

import datetime as dt

import pytest

from etl.extraction.extract import ArticleInput, Extractor
from etl.places.geonames import haversine_km
from etl.places.lookup import MIN_ALIKE_KEY, _spelt_alike, candidates
from etl.places.namekey import loose_key


def _points(extractor: Extractor, text: str) -> list[tuple[float, float]]:
    mentions, _ = extractor.extract(ArticleInput("t", text, dt.date(2021, 3, 9)))
    return [(m.latitude, m.longitude) for m in mentions if m.latitude is not None]


@pytest.mark.parametrize(
    ("text", "point"),
    [
        # no exact key: GeoNames spells it 'Ash Shaykh Zuwayd'; no country named
        (
            "A roadside bomb killed three policemen south of Shaikh Zuwaid on Sunday.",
            (31.22, 34.11),
        ),
        (
            # a dateline naming no country (a capital's would: 'ROME' names Italy)
            "NEW YORK, 8 March 2021 - Militants attacked two checkpoints in Shaikh Zuwaid"
            " on Monday,"
            " killing four soldiers.",
            (31.22, 34.11),
        ),
    ],
)
def test_a_transliteration_of_one_place_is_placed_there(extractor, text, point):
    found = _points(extractor, text)
    assert found and haversine_km(found[0], point) < 10


def test_a_spelling_several_far_places_share_needs_evidence(extractor):
    # 'Dar el-Salam' spells Dar es Salaam (TZ), Dar as Salam (EG), Dar Salam (KM) alike
    assert _points(extractor, "Two men were shot dead in Dar el-Salam on Friday.") == []


def test_a_short_skeleton_is_no_spelling_of_one_place(extractor):
    index = extractor.resolver.geonames
    assert len(loose_key("Tal Afer")) < MIN_ALIKE_KEY
    assert _spelt_alike(candidates(index, "Tal Afer"), "Tal Afer") == []
    places = _spelt_alike(candidates(index, "Shaikh Zuwaid"), "Shaikh Zuwaid")
    assert [p.country_code for p in places] == ["EG"]
