"""Session 34 (hP24): a translated paper's dateline in title case ('Deir ez-Zor — ',
'Kirkuk — ') is where the story was filed, not where it happened.

Papers translated from Arabic and Turkmen (heldout31), and the regional briefs of heldout9,
16, 17 and 18, open each story with their bureau's city in title case and a dash. Only a
dateline in capitals ('KIRKUK — ') or a title-case one with a day and an agency's bracket
('Hama, 12 June (BNA) – ', session 33) was read as one; a title-case city was the lead's
first place, and being nearest the trigger it beat the town the story is about (h31-062: air
strikes on 'the Iraqi border town of Albu Kamal' placed at Deir ez-Zor, 121 km off; h9-002
al-Hawijah at Kirkuk). It is now a dateline where it opens the text before an en or em dash
(not a digest's line further down, which labels its own item): a reporting place, and the
dateline `_place_for` falls back on ('the city'). Sentences of my own wording.
"""

from __future__ import annotations

import datetime as dt

import pytest

from etl.extraction.extract import ArticleInput, Extractor
from etl.places.geonames import haversine_km
from etl.places.scan import dateline_city, dateline_end

DAY = dt.date(2019, 5, 8)
ALBU_KAMAL = (34.45, 40.92)
TAL_AFAR = (36.37, 42.45)
KIRKUK = (35.468, 44.392)
MANBIJ = (36.528, 37.955)
HAMA = (35.132, 36.758)


def _places(extractor: Extractor, text: str):
    mentions, _ = extractor.extract(ArticleInput("s34-dateline", text, DAY))
    return [m for m in sorted(mentions, key=lambda m: m.char_start) if not m.background]


def _km(m, point) -> float:
    assert m.latitude is not None, m.place_note
    return haversine_km((m.latitude, m.longitude), point)


@pytest.mark.parametrize(
    ("text", "city"),
    [
        ("Deir ez-Zor — The Iraqi border town ...", "Deir ez-Zor"),
        ("Kirkuk — The police command said ...", "Kirkuk"),
        ("Al-Bab – A car bomb exploded ...", "Al-Bab"),
        ("Ras al-Ain — Shelling hit ...", "Ras al-Ain"),
    ],
)
def test_a_title_case_city_before_a_dash_at_the_start_is_a_dateline(text, city):
    assert dateline_city(text) == city


@pytest.mark.parametrize(
    "text",
    [
        "Morning brief.\nHama — Shelling killed three people.",  # a digest's item label
        "Kirkuk - a man was shot",  # a hyphen, not a dash
        "The Kirkuk police — who said nothing — were there.",  # no city opening
    ],
)
def test_no_dateline_elsewhere(text):
    assert dateline_city(text) is None
    at = max(text.find("Hama"), text.find("Kirkuk"))
    assert dateline_end(text, at) < 0


@pytest.mark.parametrize(
    ("text", "point"),
    [
        (
            "Deir ez-Zor — Several air strikes hit the border town of Albu Kamal and its "
            "countryside before dawn on Tuesday, killing nine militiamen.",
            ALBU_KAMAL,
        ),
        (
            "Mosul — Four people were killed on Sunday when a car bomb exploded in the "
            "crowded market of Tal Afar.",
            TAL_AFAR,
        ),
        (
            "Raqqa – Three fighters were killed on Monday in clashes with gunmen on the "
            "outskirts of Manbij, a military source said.",
            MANBIJ,
        ),
    ],
)
def test_the_story_is_placed_at_its_own_town_not_the_bureau(extractor, text, point):
    found = _places(extractor, text)
    assert found and all(_km(m, point) <= 10 for m in found)


def test_an_unheld_village_beside_the_city_is_a_region_around_it(extractor):
    found = _places(
        extractor,
        "Kirkuk — Three members of one family were killed on Thursday when gunmen stormed "
        "their house in the village of Umm Khanjar, south of Kirkuk.",
    )
    assert found and all(m.geo_precision == 2 and m.place_radius_km for m in found)
    assert all(_km(m, KIRKUK) < 1 for m in found)


def test_the_city_is_the_datelines_city(extractor):
    found = _places(
        extractor, "Hama — A car bomb exploded in the city centre on Monday, killing two people."
    )
    assert found and all(_km(m, HAMA) <= 10 for m in found)


def test_a_digest_item_label_further_down_still_places_its_item(extractor):
    found = _places(
        extractor,
        "Daily brief, 7 May.\nHama — Government shelling killed three people in the city on "
        "Monday.",
    )
    assert found and all(_km(m, HAMA) <= 10 for m in found)


@pytest.mark.parametrize(
    ("text", "name", "filed"),
    [
        ("Deir ez-Zor — Air strikes hit Albu Kamal.", "Deir ez-Zor", True),
        ("Akçakale Municipality — Notice (06.05.2019):\nA rocket fell.", "Akçakale", False),
        ("Kilis Governorship — Statement:\nTwo rockets fell on the town.", "Kilis", False),
    ],
)
def test_only_a_city_named_whole_is_filed_from(extractor, text, name, filed):
    # 'Reyhanlı Municipality — Public Announcement' (heldout19-105): the town's own notice,
    # not a dateline's city; its town is where the notice's events happened
    hits, _ = extractor.resolver.find(text, 0, len(text), {}, ())
    hit = next(h for h in hits if h.text == name)
    assert hit.reporting is filed
