"""Places, session 28 (issue 8, helper hP16). Sentences written for this test (not copied
from a set); they use the shipped GeoNames index, the curated places and the facilities
table. Each case fails before its change; the guards pass before and after.

- A channel post opens with bracketed tags ('[URGENT][Kafranbel] ...', '[Northern Aleppo]
  ...'): a tag that holds a place alone (or with a direction or region word) is a place slot
  (routes.fills_tag), and it names the post's area, so a place the post's text names is
  where it happened (the tag's place only locates it); a tag alone places the post. A label
  right after the tags ('Massacre:') is no place.
- An arrival told by its noun before the people moved ('the arrival of 60 families displaced
  from Hajin at the Roj camp') is placed where they arrived, as 'arrived' is
  (carry.arrival_before, carry.move_places).
- 'the camp' ('arrived at the camp', 'died in the camp') is the camp the article named before
  (a curated camp or one of the facilities table), unless the sentence names a town of its own.
"""

from __future__ import annotations

import datetime as dt

import pytest

from etl.extraction import carry
from etl.extraction.extract import ArticleInput, Extractor
from etl.places import routes
from etl.places.geonames import haversine_km


def _mentions(extractor: Extractor, text: str, day: dt.date = dt.date(2019, 5, 20)):
    mentions, _ = extractor.extract(ArticleInput("s28", text, day))
    return mentions


def _km(mention, point: tuple[float, float]) -> float:
    return haversine_km((mention.latitude, mention.longitude), point)


KAFRANBEL = (35.614, 36.564)  # GeoNames' Kafranbel
TAL_RIFAAT = (36.472, 37.095)  # GeoNames' Tall Rif'at
ALEPPO = (36.202, 37.161)
RAQQA = (35.953, 39.008)
ARIHA = (35.814, 36.610)
AL_HOL = (36.376, 41.149)  # data/curated/places.csv al_hol
ROJ = (36.96, 42.08)  # data/geo/facilities.csv roj_camp
HAJIN = (34.695, 40.831)


def test_a_post_s_tags_end_where_its_text_begins():
    text = "[URGENT][Kafranbel] 3 civilians killed"
    assert routes.tags_end(text) == text.index("3 civilians")
    assert routes.tags_end("Kafranbel: 3 civilians killed") == -1


def test_a_tag_holding_a_place_alone_or_with_a_direction_is_a_slot():
    text = "[URGENT][Northern Aleppo] [Sinjar Coordination] Shelling"
    until = routes.tags_end(text)
    assert not routes.fills_tag(text, 1, 7, until)  # URGENT is no name of the tag's place
    aleppo = text.index("Aleppo")
    assert routes.fills_tag(text, aleppo, aleppo + len("Aleppo"), until)
    sinjar = text.index("Sinjar")  # an office's name: 'Coordination' is no region word
    assert not routes.fills_tag(text, sinjar, sinjar + len("Sinjar"), until)


def test_a_post_s_tag_alone_places_it(extractor: Extractor):
    (m,) = _mentions(
        extractor, "[URGENT][Kafranbel] 3 civilians killed in a Russian air strike an hour ago"
    )
    assert m.event_type == "airstrike"
    assert _km(m, KAFRANBEL) < 5


def test_a_label_after_the_tags_is_no_place(extractor: Extractor):
    (m,) = _mentions(
        extractor,
        "[URGENT][Ariha] Massacre: 5 civilians killed in regime shelling on the town centre",
    )
    assert _km(m, ARIHA) < 5


def test_the_text_s_town_beats_the_tag_s_area(extractor: Extractor):
    (m,) = _mentions(
        extractor,
        "[Northern Aleppo] Turkish-backed factions shelled Tal Rifaat this afternoon; 2 "
        "civilians wounded",
    )
    assert m.event_type == "shelling"
    assert _km(m, TAL_RIFAAT) < 5
    assert _km(m, ALEPPO) > 20


def test_guard_a_tag_alone_with_a_region_word(extractor: Extractor):
    (m,) = _mentions(extractor, "[Raqqa countryside] Gunmen shot dead a shepherd this morning")
    assert _km(m, RAQQA) < 5


def test_an_arrival_told_by_its_noun_is_placed_where_they_arrived(extractor: Extractor):
    text = (
        "Camp officials recorded the arrival of 60 families displaced from Hajin at the Roj "
        "camp on Monday."
    )
    assert carry.arrival_before(text, 0, text.index("displaced"))
    (m,) = [m for m in _mentions(extractor, text) if m.event_type == "displacement"]
    assert _km(m, ROJ) < 5


def test_guard_a_flight_stays_where_they_fled_from(extractor: Extractor):
    text = "Some 60 families displaced from Hajin reached the Roj camp on Monday."
    assert not carry.arrival_before(text, 0, text.index("displaced"))
    (m,) = [m for m in _mentions(extractor, text) if m.event_type == "displacement"]
    assert _km(m, HAJIN) < 5


def test_the_camp_is_the_camp_named_before(extractor: Extractor):
    text = (
        "More than 300 women and children reached al-Hol camp on Sunday, officials said. "
        "Two children died of hypothermia in the camp on Monday night, a nurse said."
    )
    assert carry.names_the_camp(text, text.index("Two"), len(text))
    (m,) = [m for m in _mentions(extractor, text) if m.event_type == "deaths"]
    assert _km(m, AL_HOL) < 5


def test_guard_the_camp_beside_a_town_of_its_own(extractor: Extractor):
    text = (
        "More than 300 women and children reached al-Hol camp on Sunday, officials said. "
        "Two children died of hypothermia in the camp's clinic in Raqqa on Monday night."
    )
    (m,) = [m for m in _mentions(extractor, text) if m.event_type == "deaths"]
    assert _km(m, RAQQA) < 5


# Towns of the area no gazetteer held (data/curated/towns.csv, each with its source): found
# where they are named, so the province or a city around them no longer wins
SUWAR = (35.5, 40.666667)
HBIT = (35.44, 36.536667)
KUBAISA = (33.583333, 42.666667)
SADIYAH = (34.190556, 45.120778)


@pytest.mark.parametrize(
    ("text", "point"),
    [
        (
            "Gunmen on a motorbike shot dead a tribal elder in the village of al-Suwar in the "
            "Deir ez-Zor countryside on Sunday.",
            SUWAR,
        ),
        ("Regime helicopters dropped barrel bombs on the town of al-Hbeit on Sunday.", HBIT),
        ("A roadside bomb killed two soldiers near Kubaisa, west of Hit, on Sunday.", KUBAISA),
        ("Clashes with militants near al-Saadiyah killed a soldier on Sunday.", SADIYAH),
    ],
)
def test_towns_the_gazetteer_lacked(extractor: Extractor, text: str, point):
    found = [m for m in _mentions(extractor, text) if m.latitude is not None]
    assert found
    assert all(_km(m, point) < 5 for m in found), [(m.place_name, _km(m, point)) for m in found]


TABQA = (35.838, 38.548)  # GeoNames' Al-Tabqa
AZAZ = (36.587, 37.046)
KOBANI = (36.891, 38.354)


def test_a_street_named_after_a_far_town_is_in_the_town_named_after_it(extractor: Extractor):
    (m,) = _mentions(
        extractor,
        "A car bomb exploded near a bakery on Manbij street in Tabqa on Sunday, killing three "
        "people.",
    )
    assert m.event_type == "explosion"
    assert _km(m, TABQA) < 5


def test_guard_a_street_of_the_town_named_after_it_stands(extractor: Extractor):
    (m,) = _mentions(
        extractor, "A car bomb exploded on Kobani street in Kobani on Sunday, killing three."
    )
    assert _km(m, KOBANI) < 5


def test_where_people_fled_to_is_not_the_next_sentence_s_place(extractor: Extractor):
    text = (
        "A car bomb killed six people in Azaz on Saturday, officials said. Some 2,000 people "
        "fled the town towards Afrin over the weekend. Police said they had arrested a "
        "suspect on Sunday."
    )
    (m,) = [m for m in _mentions(extractor, text) if m.event_type == "detention"]
    assert _km(m, AZAZ) < 5


MANBIJ = (36.528, 37.955)


def test_a_river_s_name_is_no_town(extractor: Extractor):
    # 'the Sajur river' is no Sājūr (Israel), which had become the article's main place
    text = (
        "MANBIJ, Syria — A car bomb killed four people outside a bakery in Manbij on Sunday. "
        "Officials say the cells that planted it are run from across the Sajur river."
    )
    (m,) = [m for m in _mentions(extractor, text) if m.event_type == "explosion"]
    assert _km(m, MANBIJ) < 5
    hits, _ = extractor.resolver.find(text, 0, len(text), {"SY": 1}, ())
    assert "Sajur" not in [h.text for h in hits]


def test_guard_a_curated_river_stands(extractor: Extractor):
    text = "Shelling hit villages along the Euphrates River on Sunday."
    hits, _ = extractor.resolver.find(text, 0, len(text), {"SY": 1}, ())
    assert [h.text for h in hits] == ["Euphrates River"]
