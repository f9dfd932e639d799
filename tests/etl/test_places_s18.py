"""Places, session 18 (issue 8, helper hPl6). Sentences written for this test; they use the
shipped GeoNames index. Each class has cases that fail before its commit and guards that
pass before and after.
"""

from __future__ import annotations

import datetime as dt

import pytest

from etl.extraction.extract import ArticleInput, Extractor
from etl.places.roles import a_site_named, names_a_site


def _mentions(extractor: Extractor, text: str, published: dt.date = dt.date(2019, 4, 9)):
    mentions, _ = extractor.extract(ArticleInput("s18", text, published))
    return mentions


# Class (a dateline's lead that names no town but a site inside one): 'the central police
# station', 'the Sabaa diplomatic quarter', 'the main market' are in the dateline's city, as
# 'the city' already was (place_cues.csv role 'site'); a lead naming no site (a UN dateline
# from Geneva) still places nothing.
@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "NAIROBI – A gunman opened fire near the central police station on Friday, "
            "killing four people, officers said.",
            "Nairobi",
        ),
        (
            "LAHORE (Wire), April 8 – Militants stormed a guest house in the Zardak residential "
            "quarter overnight, killing six guards.",
            "Lahore",
        ),
        (
            "MOGADISHU – A suicide bomber blew himself up outside the Sahafi hotel on "
            "Sunday, killing nine people.",
            "Mogadishu",
        ),
        # guards: no site, no town: a dateline abroad is where the wire filed, not the place
        ("GENEVA - Several UN agencies warned on Thursday that shelling continued.", None),
        (
            "NAIROBI – Gunmen killed four soldiers on Friday, the army said.",
            None,
        ),
    ],
)
def test_a_lead_telling_of_a_site_is_in_the_datelines_city(extractor, text, name):
    (first, *_) = _mentions(extractor, text)
    assert first.place_name == name
    if name is not None:
        assert first.geo_precision == 2


def test_site_words_read_from_the_table():
    assert names_a_site("Gunmen attacked the Al-Noor mosque at dawn.")
    assert names_a_site("A bomb exploded outside the main bus station.")
    assert not names_a_site("Gunmen attacked a checkpoint at dawn.")
    assert not names_a_site("Police stations across the country were closed.")


# Class (a site's name read as a town): 'the Cathedral of Our Lady', 'the Church of the Holy
# Sepulchre' head a site's name; the one word before 'of' is no town of that name (GeoNames
# has a Cathedral in Canada).
def test_a_sites_name_is_not_a_town():
    text = "Two bombs exploded at the Cathedral of Saint Mary during Mass."
    start = text.index("Cathedral")
    assert a_site_named(text, start, start + len("Cathedral"))
    assert not a_site_named("Cathedral Street was closed.", 0, len("Cathedral"))


def test_a_site_named_in_a_dateline_lead_is_in_the_datelines_city(extractor):
    text = (
        "COTABATO, Mindanao — Two bombs exploded at the Cathedral of Our Lady of Peace "
        "during Sunday Mass, killing 20 people."
    )
    (first, *_) = _mentions(extractor, text)
    assert first.place_name == "Cotabato"


# The same class when the article names a town elsewhere (in a sentence of no event): the
# lead's site is in the dateline's city, not in the article's main place; a lead naming no
# site keeps the main place.
@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "COTABATO, Mindanao — Two bombs exploded at the central market on Sunday, "
            "killing 20 people. Police in Zamboanga raised their alert level.",
            "Cotabato",
        ),
        # guard: no site in the lead: the article's main place, as before
        (
            "BEIRUT — Government jets struck rebel positions on Sunday, killing 20 fighters. "
            "The raids hit Saraqib for a third day.",
            "Saraqib",
        ),
    ],
)
def test_a_site_in_the_lead_is_in_the_datelines_city_not_the_main_place(extractor, text, name):
    (first, *_) = _mentions(extractor, text)
    assert first.place_name == name
