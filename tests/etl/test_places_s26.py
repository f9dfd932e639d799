"""Places, session 26 (issue 8, helper hP14). Sentences written for this test (not copied
from a set); they use the shipped GeoNames index and the curated places. Each case fails
before its change; the guards pass before and after.

- A record's heading may open with the record's code in capitals before its stamp ('OPS
  11/03/2019 — Baghdad, Tarmiyah district: ...'): the heading is a note's heading
  (routes.heading_end), so a city heading it labels its governorate when the text names a
  smaller town near it (placing._labels_area), as without the code. Before, the city (in a
  place slot by the district after it) was where it happened.
- A town read by its run's first word before a bracketed region ('Baghouz Tahtani (Deir
  ez-Zor):'): the bracket is still the town's region, which only locates it
  (placing.PlaceResolver.find), not a second place that won.
- Towns of the area no gazetteer held (data/curated/towns.csv: al-Shafa, Tal Brak, Abu Hamam,
  al-Kishkiyah, Khan al-Asal, Jarjanaz, al-Karmah): found where they are named, so the
  governorate or its city around them, or a namesake abroad (Ash Shafā of Saudi Arabia, 1,500
  km off, for 'al-Shafa (Deir ez-Zor)'), no longer wins.
"""

from __future__ import annotations

import datetime as dt

import pytest

from etl.extraction.extract import ArticleInput, Extractor
from etl.places import routes
from etl.places.geonames import haversine_km


def _mentions(extractor: Extractor, text: str, day: dt.date = dt.date(2019, 3, 12)):
    mentions, _ = extractor.extract(ArticleInput("s26", text, day))
    return mentions


def _km(mention, point: tuple[float, float]) -> float:
    return haversine_km((mention.latitude, mention.longitude), point)


TARMIYAH = (33.67444, 44.39583)  # GeoNames 98403, Aţ Ţārmīyah
DAQUQ = (35.13923, 44.44907)  # GeoNames 90220, Dāqūq
KIRKUK = (35.46806, 44.39222)  # GeoNames 94787, Kirkuk


@pytest.mark.parametrize(
    ("text", "name", "ends"),
    [
        ("OPS 11/03/2019 — Baghdad, Tarmiyah district: A bomb", "Baghdad", 44),
        ("11/03/2019 — Baghdad, Tarmiyah district: A bomb", "Baghdad", 40),  # as before
        ("Reuters said Baghdad, Tarmiyah district: a bomb", "Baghdad", -1),  # prose before
    ],
)
def test_heading_end_after_a_record_code(text, name, ends):
    start = text.index(name)
    assert routes.heading_end(text, start, start + len(name)) == ends


@pytest.mark.parametrize(
    ("text", "point"),
    [
        (
            "OPS 11/03/2019 — Baghdad, Tarmiyah district: Gunmen shot dead a farmer in front "
            "of his house in Tarmiyah. Casualties: 1 killed.",
            TARMIYAH,
        ),
        (
            "SEC-LOG 02/05/2019 — Kirkuk, Daquq district: Gunmen attacked an army post on the "
            "edge of Daquq and fought the soldiers for an hour. Casualties: 2 soldiers killed.",
            DAQUQ,
        ),
        (  # guard: no smaller town named, the city stays
            "SEC-LOG 02/05/2019 — Kirkuk, al-Wasiti quarter: A bomb exploded in a market, "
            "killing 2 people.",
            KIRKUK,
        ),
    ],
)
def test_a_coded_headings_city_labels_its_area(extractor, text, point):
    found = [m for m in _mentions(extractor, text) if m.latitude is not None]
    assert found
    assert all(_km(m, point) < 10.0 for m in found), [(m.place_name, _km(m, point)) for m in found]


BAGHOUZ = (34.45861, 40.95056)  # curated baghouz
SHAFA = (34.62, 40.87)  # towns.csv al_shafa
TAL_BRAK = (36.66, 41.06)  # towns.csv tal_brak
KARMAH = (33.4, 43.912)  # towns.csv al_karmah


@pytest.mark.parametrize(
    ("text", "point"),
    [
        (
            "[MON R-0301] 3 March 2019, Baghouz Tahtani (Deir ez-Zor): A drone struck a car on "
            "the river road, killing two men. Civilians reported killed: 2.",
            BAGHOUZ,
        ),
        (
            "[MON R-0302] 4 March 2019, al-Shafa (Deir ez-Zor): Residents said strikes hit two "
            "houses near the school. Civilians reported killed: 5.",
            SHAFA,
        ),
        (
            "On 5 March 2019, unidentified gunmen shot dead a teacher in Tal Brak in the "
            "eastern countryside of Hasakah.",
            TAL_BRAK,
        ),
        (
            "On 6 March 2019, Iraqi security forces arrested 4 suspected IS members in "
            "al-Karmah, Anbar.",
            KARMAH,
        ),
    ],
)
def test_towns_named_in_notes(extractor, text, point):
    found = [m for m in _mentions(extractor, text) if m.latitude is not None]
    assert found
    assert all(_km(m, point) < 10.0 for m in found), [(m.place_name, _km(m, point)) for m in found]


def test_a_far_spelling_in_the_area_needs_more_than_its_box_when_only_foreign_countries_are_named():
    """choose._box_only: 'outside the Sahafi hotel' under a MOGADISHU dateline is no al-Shafa
    on the Euphrates (0.91 alike); a close spelling (FAR_SPELLING or more) and an article that
    names no country keep the box's word."""
    from etl.places.area import AreaOfInterest
    from etl.places.choose import FAR_SPELLING, Evidence, pick
    from etl.places.geonames import GeoPlace

    area = AreaOfInterest(32.0, 38.0, 35.0, 48.0, frozenset({"SY", "IQ"}))
    shafa = GeoPlace(-1, "al-Shafa", "SY", "", 34.62, 40.87, 10_000, None)
    somalia = Evidence({"SO": 1}, (), area)
    assert pick([(shafa, 0.91)], somalia) is None
    assert pick([(shafa, FAR_SPELLING)], somalia) is shafa
    assert pick([(shafa, 0.91)], Evidence({}, (), area)) is shafa


def test_a_place_right_after_according_to_is_a_source(extractor):
    """place_roles.csv government 'according to ': 'according to Ankara' names the Turkish
    government that told it, not where it happened (was Ankara, 530 km off)."""
    text = (
        "Turkish troops killed 4 YPG fighters on Tuesday near Tal Rifaat, according to "
        "Ankara, while Kurdish sources said 2 were killed."
    )
    found = [m for m in _mentions(extractor, text) if m.latitude is not None]
    assert found
    assert all(_km(m, (36.47229, 37.09471)) < 10.0 for m in found), [m.place_name for m in found]
