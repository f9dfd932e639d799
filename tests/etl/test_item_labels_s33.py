"""Session 33 (hP23): a bulletin's item label ('⋮ KIRKUK: ...') places an item whose own
village no gazetteer holds, coarsely, instead of the place of the item before.

heldout30's security bulletin heads each item with its province in capitals after the item's
mark ('... killing an officer. ⋮ KIRKUK: Gunmen attacked the house of a tribal sheikh in
Sargaran ...'). The heading reader took a label only after a full stop or a line's start, and
a label of five capitals or fewer ('HAMA', 'BASRA') as an acronym; the item then took the
previous item's town or the article's main place (h30-035: Baghdad for a Kirkuk village,
h30-073: Amerli in Diyala for a strike in Anbar). Now the label is read after an item's mark,
and when the item names a place no gazetteer holds, the label places it at precision 3 with
the village's name as its region ('Sargaran (KIRKUK)'). Items of my own wording, other marks.
"""

from __future__ import annotations

import datetime as dt

import pytest

from etl.extraction.extract import ArticleInput, Extractor
from etl.places.geonames import haversine_km

KIRKUK = (35.468, 44.392)
ANBAR = (33.817, 41.55)  # the curated governorate's point
HAMA = (35.132, 36.758)
BASRA = (30.508, 47.783)
BAGHDAD = (33.341, 44.401)


def _placed(extractor: Extractor, text: str, day: dt.date):
    mentions, _ = extractor.extract(ArticleInput("s33-labels", text, day))
    return [
        (m.date.start.isoformat(), (m.latitude, m.longitude), m.geo_precision, m.place_region)
        for m in sorted(mentions, key=lambda m: m.char_start)
        if not m.background
    ]


def _near(point, where, km=10.0) -> bool:
    return point[0] is not None and haversine_km(point, where) < km


@pytest.mark.parametrize(
    ("text", "day", "wheres"),
    [
        (
            "IRAQ SECURITY DIGEST – WEEK 10 (4–10 March 2019) ⋮ KIRKUK: A roadside bomb killed "
            "a farmer in Umm Khanazir on 8 March. ⋮ ANBAR: Gunmen shot dead a policeman near "
            "Kharab Sawda on 9 March.",
            dt.date(2019, 3, 11),
            [KIRKUK, ANBAR],
        ),
        (
            "Weekly roundup (1–7 April). ✦ SALAMIYAH: Shelling hit the village of Tell Ghazwan on "
            "Tuesday, killing two shepherds. ✦ HAMA: Barrel bombs fell on Jubb al-Qasab on "
            "Wednesday, killing a child.",
            dt.date(2019, 4, 8),
            [(35.011, 37.053), HAMA],
        ),
        (
            "Security notes. ▣ BASRA: A rocket fell near the date groves of Nahr Sabil on 4 May, "
            "causing no casualties. ▣ BAGHDAD: A sticky bomb killed a driver in Bab al-Sheikh on "
            "5 May.",
            dt.date(2019, 5, 7),
            [BASRA, BAGHDAD],
        ),
    ],
)
def test_an_items_label_places_its_unheld_village(extractor, text, day, wheres):
    placed = _placed(extractor, text, day)
    assert len(placed) == len(wheres), placed
    for (_, point, precision, region), where in zip(placed, wheres):
        assert _near(point, where, 15.0), placed
        assert precision == 3 and region and "(" in region, placed


def test_an_item_naming_a_held_town_is_at_the_town(extractor):
    text = (
        "Bulletin (week 6). ⋮ KIRKUK: A mortar round hit a house in Daquq on 2 February. ⋮ "
        "BASRA: Quiet."
    )
    placed = _placed(extractor, text, dt.date(2019, 2, 4))
    assert placed and _near(placed[0][1], (35.139, 44.448)) and placed[0][2] < 3, placed
