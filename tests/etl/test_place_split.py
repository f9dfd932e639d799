"""Events split per place (issue 8, session 31, helper hP21): one sentence that tells one event
type at two places joined by 'and' is one event per place (etl/extraction/place_split.py,
data/rules/place_split.csv). Sentences written for this test (not copied from a set); they use
the shipped GeoNames index and the curated places.
"""

from __future__ import annotations

import datetime as dt

from etl.extraction.extract import ArticleInput, Extractor
from etl.extraction.place_split import joined_places
from etl.places.geonames import haversine_km
from etl.places.settle import PlaceHit

ARIHA = (35.81374, 36.60964)  # GeoNames, Arīḩā
JISR = (35.81418, 36.31983)  # GeoNames, Jisr ash Shughūr
SARAQIB = (35.86447, 36.80591)  # GeoNames, Saraqib
MAARAT = (35.6483, 36.67693)  # GeoNames, Ma‘arrat an Nu‘mān


def _mentions(extractor: Extractor, text: str, day: dt.date = dt.date(2019, 6, 20)):
    mentions, _ = extractor.extract(ArticleInput("s31", text, day))
    return mentions


def _at(mentions, point: tuple[float, float], event_type: str):
    return [
        m
        for m in mentions
        if m.event_type == event_type
        and m.latitude is not None
        and haversine_km((m.latitude, m.longitude), point) < 3
    ]


def _toll(mention) -> tuple[float | None, ...]:
    return tuple(sorted(f.low for f in mention.figures if f.quantity == "killed"))


def test_two_places_joined_by_and_are_two_events(extractor):
    text = "Jets struck rebel positions in Ariha and near Jisr al-Shughur on Sunday."
    mentions = _mentions(extractor, text)
    assert len(_at(mentions, ARIHA, "airstrike")) == 1
    assert len(_at(mentions, JISR, "airstrike")) == 1


def test_each_place_keeps_the_count_told_for_it(extractor):
    text = "Government shelling killed four people in Saraqib and two in Maarat al-Numan on Monday."
    mentions = _mentions(extractor, text)
    (saraqib,) = _at(mentions, SARAQIB, "shelling")
    (maarat,) = _at(mentions, MAARAT, "shelling")
    assert _toll(saraqib) == (4,)
    assert _toll(maarat) == (2,)


def test_a_zero_told_after_both_places_is_both_places(extractor):
    text = (
        "Regime artillery shelled Ariha and Jisr al-Shughur on Tuesday night, and there were "
        "no casualties."
    )
    mentions = _mentions(extractor, text)
    (ariha,) = _at(mentions, ARIHA, "shelling")
    (jisr,) = _at(mentions, JISR, "shelling")
    assert _toll(ariha) == _toll(jisr) == (0,)


def test_a_total_told_after_both_places_stays_with_the_first(extractor):
    text = "Car bombs exploded in Ariha and Jisr al-Shughur on Monday, killing at least 30 people."
    mentions = _mentions(extractor, text)
    (ariha,) = _at(mentions, ARIHA, "explosion")
    (jisr,) = _at(mentions, JISR, "explosion")
    assert _toll(ariha) == (30,)
    assert _toll(jisr) == ()


def test_a_road_between_two_towns_is_not_split(extractor):
    text = "A roadside bomb exploded on the road between Ariha and Jisr al-Shughur on Monday."
    mentions = [m for m in _mentions(extractor, text) if m.event_type == "explosion"]
    assert len(mentions) == 1


def _hit(text: str, name: str, point: tuple[float, float]) -> PlaceHit:
    start = text.index(name)
    return PlaceHit(name, start, start + len(name), name, name, *point, "SY", 1, False)


def test_a_new_clause_after_a_comma_is_no_join():
    text = "Rockets hit Ariha, and jets then struck Jisr al-Shughur."
    first, second = _hit(text, "Ariha", ARIHA), _hit(text, "Jisr al-Shughur", JISR)
    assert joined_places(text, first, [second]) == []
    joined = "Rockets hit Ariha and Jisr al-Shughur."
    first, second = _hit(joined, "Ariha", ARIHA), _hit(joined, "Jisr al-Shughur", JISR)
    assert joined_places(joined, first, [second]) == [second]
