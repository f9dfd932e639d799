"""Session 34 (hP24): a scorer line beside "place within 10 km", not counted to any floor:
"place region holds the true point". An extracted point coded at geo precision 2-3 whose
radius (the one its region rule gives: 'countryside of X' 40 km, 'near X' 10 km, 'X district'
25 km, a stated distance its own) holds the expected point counts there, so the fallback
chain's worth for a village no gazetteer holds is seen. A point with no radius (a town, a
country named alone, whatever its precision) holds only what the 10 km line holds.
"""

from __future__ import annotations

import datetime as dt

import pytest

from etl.extraction.dates import DateWindow
from etl.extraction.evaluate import (
    DEVSET2_MEASURES,
    NOTE_PLACE,
    NOTE_REGION,
    PLACE,
    REGION,
    Devset2Scores,
    add_devset2_passage,
    match_passage,
    place_within,
    region_holds,
)
from etl.extraction.extract import ArticleInput
from etl.extraction.mentions import Mention
from etl.places.geonames import haversine_km

AL_HOL = (36.376, 41.149)
VILLAGE = (36.45, 41.04)  # 12-13 km north-west of al-Hol's point


def _mention(text, point, precision, radius=None, event_type="explosion") -> Mention:
    day = dt.date(2019, 3, 3)
    return Mention(
        article_id="t",
        event_type=event_type,
        trigger="exploded",
        trigger_start=0,
        trigger_end=1,
        sentence=text,
        char_start=0,
        char_end=len(text),
        date=DateWindow(day, day, "day", "explicit"),
        place_name="al-Hol",
        latitude=point[0] if point else None,
        longitude=point[1] if point else None,
        geo_precision=precision,
        place_radius_km=radius,
    )


def _expected(text, point=VILLAGE, event_type="explosion") -> dict:
    return {
        "event_type": event_type,
        "date_start": "2019-03-03",
        "date_end": "2019-03-03",
        "place_name": "Tal Bargh",
        "latitude": point[0],
        "longitude": point[1],
        "fatalities_low": None,
        "fatalities_high": None,
        "figures": [],
        "evidence": text,
        "central": True,
        "geo_precision": 1,
        "key_figure": None,
    }


TEXT = "A mine exploded near the village of Tal Bargh in the countryside of al-Hol"


def test_the_village_is_about_13_km_from_al_hol():
    assert 12 < haversine_km(AL_HOL, VILLAGE) < 14


@pytest.mark.parametrize(
    ("precision", "radius", "holds"),
    [
        (3, 40.0, True),  # 'the countryside of al-Hol' holds the village
        (2, 20.0, True),  # 'north-west of al-Hol' (a direction's 20 km)
        (2, 10.0, False),  # 'near al-Hol' reaches 10 km, the village is 13 km off
        (2, None, False),  # a town at precision 2 with no region: no radius invented
        (3, None, False),  # a country or province named alone: no radius invented
        (1, 40.0, False),  # precision 1 is the town itself, whatever radius it carries
    ],
)
def test_a_region_holds_the_point_only_within_its_own_radius(precision, radius, holds):
    m, e = _mention(TEXT, AL_HOL, precision, radius), _expected(TEXT)
    assert place_within(m, e) is False
    assert region_holds(m, e) is holds


def test_a_point_within_10_km_holds_whatever_its_precision_and_no_point_never():
    e = _expected(TEXT, point=(36.40, 41.10))  # 5 km from al-Hol
    assert region_holds(_mention(TEXT, AL_HOL, 1), e) is True
    assert region_holds(_mention(TEXT, None, None), _expected(TEXT)) is False
    assert region_holds(_mention(TEXT, AL_HOL, 1), _expected(TEXT) | {"latitude": None}) is None


def test_the_line_sits_under_the_place_line_for_news_and_notes_with_no_floor():
    labels = [label for label, _ in DEVSET2_MEASURES]
    assert labels.index(REGION) == labels.index(PLACE) + 1
    assert labels.index(NOTE_REGION) == labels.index(NOTE_PLACE) + 1
    floors = dict(DEVSET2_MEASURES)
    assert floors[REGION] is None and floors[NOTE_REGION] is None


def test_the_scores_count_a_region_apart_from_the_10_km_line():
    scores = Devset2Scores("hand-made")
    for kind, radius in (("news", 40.0), ("news", 10.0), ("incident_note", 40.0)):
        passage = {"id": "r", "kind": kind, "text": TEXT, "expected": [_expected(TEXT)]}
        mentions = [_mention(TEXT, AL_HOL, 3, radius)]
        add_devset2_passage(scores, match_passage(passage, mentions))
    counts = {label: (r.ok, r.total) for label, r in scores.ratios.items()}
    assert counts[PLACE] == (0, 2) and counts[REGION] == (1, 2)
    assert counts[NOTE_PLACE] == (0, 1) and counts[NOTE_REGION] == (1, 1)
    region_line = next(line for line in scores.lines() if REGION in line)
    assert region_line.endswith("0.500   (1/2)")


# The extractor's own regions, on sentences of other wordings: an unheld village told by its
# district, a city's countryside, a stated distance, 'near' a held town.
HUNAYDA = (35.952, 39.34)  # farmland 8 km north of an unheld village east of Raqqa
REGIONS = [
    # (text, expected point, holds)
    (
        "Two shepherds were killed on Monday when a mine exploded near the hamlet of "
        "Khirbet Zuwayr in the countryside of al-Hol.",
        VILLAGE,
        True,
    ),
    (
        "On Monday a roadside bomb killed three soldiers about 15 km south of Kirkuk.",
        (35.333, 44.392),
        True,
    ),
]


@pytest.mark.parametrize(("text", "point", "holds"), REGIONS)
def test_the_extractors_regions_on_unheld_villages(extractor, text, point, holds):
    mentions, _ = extractor.extract(ArticleInput("s34-region", text, dt.date(2019, 3, 5)))
    real = [m for m in mentions if not m.background]
    assert real
    e = _expected(text, point, real[0].event_type)
    assert any(region_holds(m, e) for m in real) is holds
    assert all(m.geo_precision in (2, 3) and m.place_radius_km for m in real)
