"""Session 34 (hP24): a road named by the two towns it joins with 'linking' or 'connecting'
('an explosive device planted on the side of the road linking Tuz Khurmatu and Sulaiman Bek',
heldout31-036). The first end stood in no place slot ('between' is one), so a town no curated
table holds was not read, and the event took the dateline's city or nothing. 'linking' and
'connecting' are place slots now (data/rules/place_cues.csv); the road is placed at its first
end, coarsely ('road from X', place_regions.csv), as 'the road between X and Y' is.
Sentences of my own wording.
"""

from __future__ import annotations

import datetime as dt

import pytest

from etl.extraction.extract import ArticleInput
from etl.places.geonames import haversine_km

TUZ = (34.888, 44.633)
BAIJI = (34.929, 43.487)
QAYYARAH = (35.813, 43.289)


@pytest.mark.parametrize(
    ("text", "point"),
    [
        (
            "A roadside bomb exploded on Monday under a police car on the road linking Tuz "
            "Khurmatu and the village of Albu Sabah, wounding three policemen.",
            TUZ,
        ),
        (
            "Militants attacked a fuel convoy on Sunday on the highway connecting Baiji and "
            "Haditha, killing two drivers.",
            BAIJI,
        ),
        (
            "A mine exploded on Friday under a car on the road connecting Qayyarah and Shirqat, "
            "killing two shepherds.",
            QAYYARAH,
        ),
    ],
)
def test_the_road_is_placed_at_its_first_end(extractor, text, point):
    mentions, _ = extractor.extract(ArticleInput("s34-road", text, dt.date(2019, 5, 8)))
    found = [m for m in mentions if not m.background]
    assert found
    for m in found:
        assert m.latitude is not None, m.place_note
        assert haversine_km((m.latitude, m.longitude), point) <= 10
        assert m.geo_precision in (2, 3)
