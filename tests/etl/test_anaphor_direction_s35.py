"""Session 35 (hP25): 'north of the city' with no distance makes the place the sentence refers
back to a region that way, as 'north of Manbij' does of a named town.

A sentence that names only an unheld village and locates it from the town the article is
about ('near the village of al-Dandaniyah, north of the city', h32-003; 'near Badush,
north-west of the city', h27-059; 'in the countryside west of the city', h29-012; 'in Bashir,
south of the city', h31-087) took that town (carried, or the dateline's) at precision 2 with
no radius: a carried town alone has none. The sentence itself gives the region: the town's
point (not moved: no distance is told) with the radius place_regions.csv gives '<direction>
of <name>' (20 km). A stated distance ('12 km east of the town', C12) already moved the point;
its radius is now kept too. A carried town with no direction stays without a radius.
Sentences of my own wording.
"""

from __future__ import annotations

import datetime as dt

import pytest

from etl.extraction.extract import ArticleInput, Extractor
from etl.places import roles

DAY = dt.date(2019, 5, 8)


def _last(extractor: Extractor, text: str):
    mentions, _ = extractor.extract(ArticleInput("s35-direction", text, DAY))
    mentions = sorted((m for m in mentions if not m.background), key=lambda m: m.char_start)
    return mentions[-1]


@pytest.mark.parametrize(
    ("text", "label"),
    [
        (
            "MANBIJ, 6 May (ZPA) — Council fighters repelled an attack on their positions near "
            "the village of Umm Adasa, west of the city, on Sunday night.",
            "west of the city",
        ),
        (
            "Clashes broke out in Hawija on Monday. On Tuesday, gunmen shot dead two shepherds "
            "in a hamlet south of the town.",
            "south of the town",
        ),
        (
            "Government jets struck Aleppo on Monday. Meanwhile, in Tal Jabin, north of the "
            "city, a mortar round killed a boy.",
            "north of the city",
        ),
    ],
)
def test_a_direction_from_the_place_referred_to_is_its_region(extractor, text, label):
    m = _last(extractor, text)
    assert m.place_note is not None  # the town is referred back to, not named
    assert (m.geo_precision, m.place_radius_km, m.place_region) == (2, 20.0, label)


def test_a_stated_distance_keeps_its_radius(extractor):
    m = _last(
        extractor,
        "Clashes broke out in Hawija on Monday. On Tuesday, a roadside bomb killed two "
        "soldiers 12 km east of the town.",
    )
    assert (m.place_radius_km, m.place_region) == (12.0, "12 km east of the town")


def test_a_carried_town_alone_has_no_region_of_its_own(extractor):
    m = _last(
        extractor,
        "Clashes broke out in Hawija on Monday. On Tuesday, gunmen shot dead two shepherds "
        "in the hamlet of Umm Khanzir.",
    )
    assert m.place_note == "from the previous sentence"
    assert m.place_region is None  # no direction told: no region label
    # session 36: a borrowed town is approximate, within 25 km (etl.extraction.borrowed_places)
    assert (m.geo_precision, m.place_radius_km) == (2, 25.0)


def test_anaphor_direction_reads_only_a_direction_without_distance():
    region, at = roles.anaphor_direction("in Bashir, south of the city, gunmen killed")
    assert (region.label, region.radius_km, region.offset_km, at) == (
        "south of the city", 20.0, 0.0, 11,
    )  # fmt: skip
    assert roles.anaphor_direction("a bomb 12 km north of the town") is None
    assert roles.anaphor_direction("north of Raqqa") is None
