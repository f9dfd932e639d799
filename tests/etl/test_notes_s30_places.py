"""Incident notes' places, session 30 (issue 8, helper hG18): heldout27's note styles. Sentences
written for this test (not copied from a set); they use the shipped GeoNames index, the
curated places and towns. Each case fails before its change; the guards pass before and after.

- A text message whose cells are parted by spaced slashes, its town in capitals after its
  number and day ('MAG SMS 19-301 / 11.05.19 / TABQA / Man killed by IED ...'): the town is the
  record's unit's place, for an item that names no place of its own ('2 km E of town').
- Translated Arabic's 'which led to' after a place ('on the town Kafranbel, which led to the
  killing of a man') tells what the strike caused: the place is no government ('Russia, which
  backs ...' still is).
- A road named by its two ends after its word, as translated text orders them ('on the road
  Saraqib-Ariha'), is read as 'the Saraqib-Ariha road' is.
- A victim of a mine or of explosive remnants of war told without the article, as a text
  message writes it ('Boy killed by ERW', 'Shepherd killed by mine'): an explosion.
- An Iraqi statement's 'Army aviation killed 4 terrorists' is an air strike, as 'Army aviation
  destroyed a hideout' was; the UN's 'ground-based strikes' are shelling, not air strikes.
"""

from __future__ import annotations

import datetime as dt

from etl.extraction.extract import ArticleInput
from etl.places.fields import record_unit
from etl.places.geonames import haversine_km

TABQA = (35.836, 38.548)
MOSUL = (36.335, 43.119)
KAFRANBEL = (35.614, 36.564)
SARAQIB = (35.864, 36.806)


def _mentions(extractor, text: str, day: dt.date = dt.date(2019, 5, 20)):
    mentions, _ = extractor.extract(ArticleInput("s30", text, day))
    return mentions


def _km(mention, point: tuple[float, float]) -> float:
    return haversine_km((mention.latitude, mention.longitude), point)


def test_a_slash_records_town_cell_is_its_units_place():
    text = "MAG SMS 19-301 / 11.05.19 / TABQA / Man (40) killed by IED in rubble of his house"
    assert [text[s:e] for s, e in record_unit(text)] == ["TABQA"]
    text = "MAG SMS 19-302 / 12.05.19 / AL-MAYADIN / Car hit mine on road E of town"
    assert [text[s:e] for s, e in record_unit(text)] == ["AL-MAYADIN"]


def test_no_unit_in_a_sentence_with_slashes_or_a_date_cell_alone():
    assert record_unit("Shelling hit the town on 16/3/2019 / no casualties / SOHR") == []
    assert record_unit("Report 12 / 16.03.19 / two people were killed in Idlib / SOHR") == []


def test_a_slash_records_item_naming_no_place_is_at_its_town(extractor):
    text = (
        "MAG SMS 19-303 / 13.05.19 / MOSUL / 3 workers injured by IED while removing rubble"
        " in the old quarter / team dispatched"
    )
    (mention,) = _mentions(extractor, text)
    assert mention.event_type == "explosion"
    assert _km(mention, MOSUL) < 5
    assert mention.geo_precision == 2


def test_a_slash_records_town_in_short_capitals_is_no_acronym(extractor):
    text = "MAG SMS 19-301 / 11.05.19 / TABQA / Man (40) killed by IED in rubble of his house"
    (mention,) = _mentions(extractor, text)
    assert _km(mention, TABQA) < 5


def test_which_led_to_after_a_place_keeps_the_place(extractor):
    text = (
        "Helicopters of the regime dropped 6 barrels explosive on the town Kafranbel, which"
        " led to killing of a woman and her child, in the afternoon of today."
    )
    (mention,) = _mentions(extractor, text)
    assert mention.event_type == "airstrike"
    assert _km(mention, KAFRANBEL) < 5


def test_a_government_which_backs_a_side_is_still_no_place(extractor):
    text = "Russia, which backs the government, said its jets struck Kafranbel on Monday."
    found = [m for m in _mentions(extractor, text) if m.event_type == "airstrike"]
    assert found and all(m.country == "SY" for m in found)
    assert _km(found[0], KAFRANBEL) < 5


def test_a_road_told_by_its_word_then_its_two_ends(extractor):
    text = (
        "Unknown gunmen killed 2 fighters at their checkpoint on the road Saraqib-Ariha,"
        " in the night of yesterday."
    )
    (mention,) = _mentions(extractor, text)
    assert mention.latitude is not None
    assert _km(mention, SARAQIB) < 10


def test_victims_of_a_mine_or_remnants_of_war_without_the_article(extractor):
    for text in (
        "MAG SMS 19-401 / 16.03.19 / TABQA / Boy (11) killed by ERW while herding sheep",
        "MAG SMS 19-403 / 17.03.19 / TABQA / Shepherd killed by mine / survey requested",
    ):
        (mention,) = _mentions(extractor, text)
        assert mention.event_type == "explosion", text
        assert _km(mention, TABQA) < 5


def test_army_aviation_that_killed_is_an_air_strike(extractor):
    text = (
        "Samarra Operations Command | 14/11/2018 | Army aviation killed 4 terrorists in the"
        " desert east of Samarra today."
    )
    (mention,) = _mentions(extractor, text, dt.date(2018, 11, 14))
    assert mention.event_type == "airstrike"


def test_ground_based_strikes_are_shelling(extractor):
    text = (
        "Flash Update 9 (NW Syria) — 19 June 2019 — 5. On 17 June, ground-based strikes hit"
        " the town of Kafranbel in the southern countryside of Idlib, killing 2 civilians."
    )
    (mention,) = _mentions(extractor, text, dt.date(2019, 6, 19))
    assert mention.event_type == "shelling"
    assert _km(mention, KAFRANBEL) < 5


def test_air_strikes_beside_stay_air_strikes(extractor):
    text = "On 17 June, air strikes hit the town of Kafranbel, killing 2 civilians."
    types = {m.event_type for m in _mentions(extractor, text, dt.date(2019, 6, 19))}
    assert "airstrike" in types and "shelling" not in types


def test_air_and_ground_based_strikes_stay_air_strikes(extractor):
    text = (
        "Families continue to be subjected to intensified air and ground-based strikes by the"
        " coalition in Baghouz, the UN said on Tuesday."
    )
    types = {m.event_type for m in _mentions(extractor, text, dt.date(2019, 2, 19))}
    assert "shelling" not in types
