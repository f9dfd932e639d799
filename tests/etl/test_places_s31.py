"""Places, session 31 (issue 8, helper hP21): heldout28's news place misses, by class.
Sentences written for this test (not copied from a set); they use the shipped GeoNames index
and the curated places.

- A dateline near a place ('NEAR AL-BAGHOUZ, Syria —') is filed from the front: what the lead
  tells without a place of its own happened there (a plain dateline city, 'GENEVA -', is not).
- Religions named as people ('Sikh and Hindu leaders') are no place names.
"""

from __future__ import annotations

import datetime as dt

from etl.extraction.extract import ArticleInput, Extractor
from etl.places.geonames import haversine_km

BAGHOUZ = (34.45861, 40.95056)  # curated places.csv, Baghouz


def _mentions(extractor: Extractor, text: str, day: dt.date = dt.date(2019, 3, 20)):
    mentions, _ = extractor.extract(ArticleInput("s31", text, day))
    return mentions


def test_a_dateline_near_a_place_places_a_lead_that_names_none(extractor):
    text = (
        "NEAR AL-BAGHOUZ, Syria (Wire) — About 300 militants surrendered to the Syrian "
        "Democratic Forces on Tuesday after a night of fighting, a commander said."
    )
    mentions = _mentions(extractor, text)
    assert mentions
    for m in mentions:
        assert m.latitude is not None
        assert haversine_km((m.latitude, m.longitude), BAGHOUZ) < 5
        assert m.geo_precision == 2


def test_a_plain_dateline_city_still_places_nothing(extractor):
    text = (
        "GENEVA (Wire) — About 300 militants surrendered to the Syrian Democratic Forces on "
        "Tuesday after a night of fighting, a commander said."
    )
    mentions = _mentions(extractor, text)
    assert mentions
    assert all(m.latitude is None for m in mentions)


def test_religions_are_no_places(extractor):
    text = (
        "A suicide bomber blew himself up near a meeting of Sikh and Hindu elders in the "
        "eastern city of Jalalabad on Sunday, killing 12 people, officials said."
    )
    mentions = _mentions(extractor, text)
    assert mentions
    assert all(m.country != "SY" for m in mentions)


AL_HOL_CAMP = (36.37556, 41.14861)  # curated places.csv, al-Hol camp


def test_the_camp_is_the_camp_a_source_speaks_from(extractor):
    text = (
        "Quoting nurses at al-Hol camp, the agency said that three children died of cold "
        "after arriving at the camp on Sunday."
    )
    mentions = [m for m in _mentions(extractor, text) if m.event_type == "deaths"]
    assert mentions
    for m in mentions:
        assert m.latitude is not None
        assert haversine_km((m.latitude, m.longitude), AL_HOL_CAMP) < 3
