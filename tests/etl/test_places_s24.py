"""Places, session 24 (issue 8, helper hP12). Sentences written for this test (not copied
from a set); they use the shipped GeoNames index and the curated places. Each case fails
before its change; the guards pass before and after.

- 'in eastern Syria at Baghouz': `scan` joins 'at' as a name's particle ('Tall at Tamr'),
  so 'Syria at Baghouz' was one run and the country won; after a country's name 'at' is
  the preposition, and the town after it is the place.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter

import pytest

from etl.extraction.extract import ArticleInput, Extractor
from etl.places.geonames import haversine_km


def _mentions(extractor: Extractor, text: str, day: dt.date = dt.date(2019, 3, 2)):
    mentions, _ = extractor.extract(ArticleInput("s24", text, day))
    return mentions


def _km(mention, point: tuple[float, float]) -> float:
    return haversine_km((mention.latitude, mention.longitude), point)


BAGHOUZ = (34.45861, 40.95056)  # data/curated/places.csv, baghouz
HAJIN = (34.69508, 40.83138)  # GeoNames 170794, Hajīn


@pytest.mark.parametrize(
    ("text", "point"),
    [
        (
            "Fighters stormed the last pocket held by the militants in eastern Syria at "
            "Baghouz on Friday.",
            BAGHOUZ,
        ),
        ("Jets struck the enclave in Syria at Hajin on Friday, killing nine people.", HAJIN),
    ],
)
def test_town_after_a_country_and_at_is_the_place(extractor, text, point):
    hits, _ = extractor.resolver.find(text, 0, len(text), Counter({"SY": 1}), ())
    assert [h.geo_precision for h in hits] == [1]
    (mention,) = _mentions(extractor, text)
    assert _km(mention, point) < 1 and mention.geo_precision == 1


def test_country_alone_before_at_stays(extractor):
    # guard: nothing known after 'at', the country stays what the run names
    text = "Fighters clashed in eastern Syria at Qarqoush Farmhouse on Friday."
    hits, _ = extractor.resolver.find(text, 0, len(text), Counter({"SY": 1}), ())
    assert [h.name for h in hits] == ["Syria"]
