"""Places, session 25 (issue 8, helper hP13). Sentences written for this test (not copied
from a set); they use the shipped GeoNames index and the curated places. Each case fails
before its change; the guards pass before and after.

- A road word right before a stated distance ('on the road 20 km east of Manbij', 'the
  highway about 30 km east of Rutba'): the stretch of road lies that far that way, so the
  town's point is moved (roles.stated_km), as heldout20-22 code it; a distance after no
  place word ('a convoy about 20 km east of Menaka') stays the town's region.
- A city's own name beats a smaller place only spelt alike when the city lies within
  NEAR_KM of the article's places (lookup._own_city): 'Tuz Khurmatu' under a KIRKUK
  dateline is Ţūz Khūrmātū, not Tāzah Khūrmātū, 20 km from Kirkuk.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter

import pytest

from etl.extraction.extract import ArticleInput, Extractor
from etl.places.geonames import haversine_km, moved
from etl.places.roles import stated_km


def _mentions(extractor: Extractor, text: str, day: dt.date = dt.date(2019, 4, 28)):
    mentions, _ = extractor.extract(ArticleInput("s25", text, day))
    return mentions


def _km(mention, point: tuple[float, float]) -> float:
    return haversine_km((mention.latitude, mention.longitude), point)


MANBIJ = (36.52794, 37.95492)  # GeoNames 167357, Manbij
RUTBA = (33.03677, 40.28569)  # GeoNames 98677, Ar Ruţbah
MENAKA = (15.91985, 2.39609)  # GeoNames 2453514, Ménaka
TUZ = (34.88808, 44.63256)  # GeoNames 90026, Ţūz Khūrmātū
TAZAH = (35.30236, 44.32637)  # GeoNames 90199, Tāzah Khūrmātū


@pytest.mark.parametrize(
    ("before", "km"),
    [
        ("a device went off on the road 20 km ", 20.0),
        ("a convoy of lorries on the international highway about 30 km ", 30.0),
        ("Wadi al-Shay, about 35 km ", 35.0),  # hP12's case, unchanged
        ("a convoy about 20 km ", None),  # no place word before the distance
        ("on the road 5 km ", None),  # under OFFSET_MIN_KM: the town's region holds it
    ],
)
def test_stated_km_after_a_road_word(before, km):
    assert stated_km(before) == km


@pytest.mark.parametrize(
    ("text", "town", "km", "label"),
    [
        (
            "An improvised explosive device went off beside a coalition vehicle on the road "
            "20 km east of Manbij on Saturday, a spokesman said.",
            MANBIJ, 20.0, "20 km east of Manbij",
        ),
        (
            "A roadside bomb struck a convoy of lorries on the international highway about "
            "30 km east of Rutba on Saturday, killing three drivers.",
            RUTBA, 30.0, "30 km east of Rutba",
        ),
    ],
)  # fmt: skip
def test_a_road_n_km_from_a_town_is_placed_that_far(extractor, text, town, km, label):
    (mention,) = _mentions(extractor, text)
    assert _km(mention, moved(town, km, 90.0)) < 1
    assert km - 1 < _km(mention, town) < km + 1
    assert mention.place_region == label


def test_a_convoy_n_km_from_a_town_stays_at_the_town(extractor):
    # guard: no road word before the distance (devset2 d2-022 codes Ménaka itself)
    text = "A roadside bomb struck a supply convoy about 20 km east of Menaka on Friday."
    (mention,) = _mentions(extractor, text)
    assert _km(mention, MENAKA) < 1 and mention.place_region == "east of Menaka"


def test_a_city_own_name_beats_a_town_spelt_alike_near_the_dateline(extractor):
    text = (
        "KIRKUK, Iraq — A roadside bomb hit a police patrol on the road between Tuz "
        "Khurmatu and Kifri on Sunday, killing three policemen, a police source said."
    )
    hits, _ = extractor.resolver.find(text, 0, len(text), Counter({"IQ": 1}), ())
    (tuz,) = [h for h in hits if h.text == "Tuz Khurmatu"]
    assert tuz.name == "Ţūz Khūrmātū" and haversine_km((tuz.latitude, tuz.longitude), TUZ) < 1
    (mention,) = [m for m in _mentions(extractor, text, dt.date(2019, 2, 18))
                  if m.event_type == "explosion"]  # fmt: skip
    assert _km(mention, TUZ) < 1


def test_a_town_spelt_alike_stays_when_written_as_its_own_name(extractor):
    # guard: 'Taza Khurmatu' is Tāzah Khūrmātū's own (alternate) name
    text = "A roadside bomb hit a police patrol in Taza Khurmatu on Sunday, killing three."
    (mention,) = _mentions(extractor, text, dt.date(2019, 2, 18))
    assert _km(mention, TAZAH) < 1
