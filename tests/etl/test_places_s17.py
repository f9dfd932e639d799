"""Places, session 17 (issue 8, helper hP4). Sentences written for this test; they use the
shipped GeoNames index. Each class has cases that fail before its commit and guards that
pass before and after.
"""

from __future__ import annotations

import datetime as dt

import pytest

from etl.extraction.extract import ArticleInput, Extractor
from etl.places.scan import dateline_city


def _mentions(extractor: Extractor, text: str, published: dt.date = dt.date(2019, 4, 9)):
    mentions, _ = extractor.extract(ArticleInput("s17", text, published))
    return mentions


# Class (origin of fire, issue 8 "the role of the name"): where a shot was fired from is not
# where it hit, with or without 'the' before the name ('fired from the Tal Rifaat area',
# 'fired from the Mosul front'); before, only 'fired from Afrin' and 'fired from the town of
# Afrin' were origins.
@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "Rockets fired from the Tal Rifaat area hit the northern edge of Azaz on Monday, "
            "killing two children.",
            "I‘zāz",
        ),
        (
            "Mortar rounds fired from the Raqqa front landed in Tabqa on Sunday, wounding "
            "three people.",
            "Al-Tabqa",
        ),
        # guard: a name after 'fired from' with no 'the' was an origin before too
        (
            "Rockets fired by the militia from Afrin struck Azaz on Monday, killing two.",
            "I‘zāz",
        ),
    ],
)
def test_where_fire_came_from_is_not_where_it_hit(extractor, text, name):
    (first, *_) = _mentions(extractor, text)
    assert first.place_name == name


# Class (no place named in the lead): a wire's dateline written with the agency before the
# day ('MOGADISHU (IOW), February 17 – ') is a dateline; and the dateline's own sentence,
# naming no town, is about the dateline's city when the article's main place lies within
# DATELINE_BESIDE_KM of it (a wire files from the city nearest what it tells). A dateline far
# from the article's places (Beirut over Idlib) or an article naming no other place (a UN
# dateline from Geneva) places nothing, as before.
@pytest.mark.parametrize(
    ("text", "city"),
    [
        ("MOGADISHU (IOW), February 17 – A car bomb exploded.", "MOGADISHU"),
        ("KABUL (Wire), 3 June – A car bomb exploded.", "KABUL"),
        ("BAGHDAD, 17 June 2014 (CWS) — A car bomb exploded.", "BAGHDAD"),  # guard
    ],
)
def test_a_dateline_with_the_agency_before_the_day(text, city):
    assert dateline_city(text) == city


def test_the_lead_of_a_local_wire_is_in_its_dateline_city(extractor):
    text = (
        "MOGADISHU (IOW), March 2 – A suicide bomber blew himself up outside a restaurant on "
        "Friday evening, killing at least seven people, police said. In Afgoye, north-west "
        "of the capital, soldiers and militants clashed at dawn on Saturday."
    )
    first, second = _mentions(extractor, text, dt.date(2019, 3, 2))[:2]
    assert (first.place_name, first.geo_precision) == ("Mogadishu", 2)
    assert first.place_note == "the dateline's place, beside the article's"
    assert second.place_name == "Afgooye"


@pytest.mark.parametrize(
    "text",
    [
        # Beirut is over 50 km from Idlib: the lead takes the article's main place, as before
        "BEIRUT (Wire), March 2 – A suicide bomber blew himself up outside a restaurant on "
        "Friday, killing seven people. In Idlib, rebels clashed with troops. Idlib's "
        "governor said.",
        # an article naming no place but its dateline: nothing, as before
        "GENEVA (Wire), March 2 – UN agencies warned on Friday that shelling went on.",
    ],
)
def test_a_far_or_lone_dateline_does_not_place_the_lead(extractor, text):
    (first, *_) = _mentions(extractor, text, dt.date(2019, 3, 2))
    assert first.place_name not in {"Beirut", "Geneva"}


# Class (a country's possessive before a place): "Syria's Suwayda province" is Suwayda, the
# country only locating it; before, the run "Syria's Suwayda" was read as Syria. When the
# name after it is unknown, the country stays, as before.
@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("A car bomb in Syria's Suwayda province on Friday killed 12 people.", "As-Suwayda"),
        ("Air strikes in Syria's Idlib province on Friday killed 12 people.", "Idlib governorate"),
        ("A car bomb in Iraq's Anbar province killed 12 people on Friday.", "Anbar governorate"),
        # guards
        ("A car bomb in Suwayda province on Friday killed 12 people.", "As-Suwayda"),
        ("A car bomb in Syria's south killed 12 people on Friday.", "Syria"),
    ],
)
def test_a_country_possessive_only_locates_the_place_after_it(extractor, text, name):
    (first, *_) = _mentions(extractor, text)
    assert first.place_name == name
