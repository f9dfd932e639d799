"""Places, session 29 (issue 8, helper hC18): convention C13. Sentences written for this test
(not copied from a set); they use the shipped GeoNames index and the curated places.

C13. "On the road to X": the event is at the place the road is told leaving from (a town the
sentence names, "near Y, on the road to X", or the town the text is at), geo precision 2; with
no such place told, at X, precision 2. The phrase is read from data/rules/place_regions.csv (its
"on the road to {name}" row); the start from etl/places/routes.py road_start.
"""

from __future__ import annotations

import datetime as dt

from etl.extraction.extract import ArticleInput, Extractor
from etl.places import routes
from etl.places.geonames import haversine_km
from etl.places.settle import PlaceHit

ARIHA = (35.81, 36.61)  # Arīḩā, Idlib (GeoNames), to within a km
SARAQIB = (35.86, 36.80)  # Saraqib, Idlib, to within a km


def _mentions(extractor: Extractor, text: str, day: dt.date = dt.date(2019, 6, 12)):
    mentions, _ = extractor.extract(ArticleInput("c13", text, day))
    return mentions


def _km(mention, point: tuple[float, float]) -> float:
    return haversine_km((mention.latitude, mention.longitude), point)


def _one(mentions, event_type: str):
    found = [m for m in mentions if m.event_type == event_type]
    assert len(found) == 1, [(m.event_type, m.place_name) for m in mentions]
    return found[0]


def test_the_road_to_a_town_starts_where_the_text_is(extractor):
    text = (
        "Shells fell on the vegetable market in Ariha on Monday, killing two men. In the "
        "evening a drone struck a van on the road to Saraqib, killing its driver."
    )
    strike = _one(_mentions(extractor, text), "airstrike")
    assert _km(strike, ARIHA) < 2  # was near Saraqib, 18 km east
    assert strike.geo_precision == 2


def test_a_town_named_beside_the_road_is_its_start(extractor):
    text = "A roadside bomb hit an army truck near Ariha on the road to Saraqib on Friday."
    blast = _one(_mentions(extractor, text), "explosion")
    assert _km(blast, ARIHA) < 2


def test_with_no_start_told_the_road_is_near_its_end(extractor):
    text = "A drone struck a van on the road to Saraqib on Friday, killing its driver."
    strike = _one(_mentions(extractor, text), "airstrike")
    assert _km(strike, SARAQIB) < 2
    assert strike.geo_precision == 2


def _hit(text: str, place_id: str, point: tuple[float, float], precision: int = 1, region=None):
    return PlaceHit(text, 0, len(text), place_id, text, *point, "SY", precision, False, 0.0, region)


def test_road_start_takes_the_first_town_near_enough():
    end = _hit("Saraqib", "gn:saraqib", SARAQIB, 2, "on the road to Saraqib")
    far = _hit("Damascus", "gn:damascus", (33.51, 36.29))  # some 260 km off: no start
    province = _hit("Idlib", "gn:idlib-province", (35.93, 36.63), 3)  # a province: no town
    start = routes.road_start(end, (None, far, province, _hit("Ariha", "gn:ariha", ARIHA)))
    assert start is not None and start.place_id == "gn:ariha"
    assert start.geo_precision == 2 and start.region == "road from Ariha to Saraqib"
    assert (start.latitude, start.longitude) == ARIHA
    assert routes.road_start(end, (far, province, end)) is None  # X itself is no start
    assert routes.told_road_to(end) and not routes.told_road_to(start)
