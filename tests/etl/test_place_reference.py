"""A town located by another in its sentence ('X, east of Y') is looked for near Y when the
first reading of X lies far from it (etl.places.placing, REFERENCE_KM). Sentences written
for this test; the gazetteer is the shipped GeoNames index."""

from __future__ import annotations

import datetime as dt

import pytest

from etl.extraction.extract import ArticleInput, Extractor
from etl.places.geonames import haversine_km
from etl.places.settle import REFERENCE_KM

TABQA = (35.84, 38.55)  # al-Thawrah / Tabqa, the reference point of the sentences


def _places(extractor: Extractor, text: str) -> list[tuple[float, float]]:
    mentions, _ = extractor.extract(ArticleInput("t", text, dt.date(2021, 6, 6)))
    return [(m.latitude, m.longitude) for m in mentions if m.latitude is not None]


@pytest.mark.parametrize(
    "text",
    [
        "On 4 June, a mine exploded in Karama, east of Tabqa.",
        "On 4 June, a mine exploded in Mansoura, south of Tabqa.",
    ],
)
def test_a_town_said_to_lie_by_another_is_found_near_it(extractor, text):
    places = _places(extractor, text)
    assert places and all(haversine_km(p, TABQA) <= REFERENCE_KM for p in places), places


def test_a_country_word_that_is_also_a_city_of_that_country_is_placed(extractor):
    """'Kandahar' ties an article to Afghanistan (place_country_words.csv) and is a city."""
    places = _places(extractor, "Gunmen opened fire on a checkpoint in Kandahar city on Friday.")
    assert places and all(haversine_km(p, (31.61, 65.71)) < 10 for p in places), places


def test_a_three_letter_town_before_a_facility_word_is_placed(extractor):
    """'Gao airport': a short name is read when only a lower-case facility word follows."""
    text = "In Mali, mortar rounds fell on Gao airport on Friday."
    places = _places(extractor, text)
    assert places and all(haversine_km(p, (16.27, -0.04)) < 10 for p in places), places


def test_a_town_no_gazetteer_has_near_its_reference_becomes_a_region_around_it(extractor):
    """'Paris, a hamlet east of Mosul': no Paris lies near Mosul, so the event is placed
    around Mosul (precision 2), not in France."""
    mentions, _ = extractor.extract(
        ArticleInput(
            "t", "Gunmen killed two farmers in Paris, a hamlet east of Mosul.", dt.date(2021, 6, 6)
        )
    )
    placed = [m for m in mentions if m.latitude is not None]
    assert placed and all(
        haversine_km((m.latitude, m.longitude), (36.34, 43.12)) < 30 for m in placed
    )
    assert all(m.geo_precision >= 2 for m in placed)


def test_the_head_word_of_a_compound_name_is_no_town_alone(extractor):
    """'Tell Zuhur' unknown to the gazetteers is not read as a town called Tell."""
    resolver = extractor.resolver
    text = "Shells fell on Tell Zuhur and nearby farms."
    hits, unknown = resolver.find(text, 0, len(text), {}, ())
    assert hits == [] and [name for name, _, _ in unknown] == ["Tell Zuhur"]


def test_a_unique_name_far_from_the_articles_places_needs_its_country_named(extractor):
    resolver = extractor.resolver
    text = "Talks were held in the Swedish town of Rimbo."
    assert [h.country for h in resolver.find(text, 0, len(text), {"SE": 1}, ())[0]] == ["SE"]
    near_yemen = ((14.8, 42.95),)  # an article whose other places are in Yemen
    text = "Talks were held in Rimbo."
    assert resolver.find(text, 0, len(text), {}, near_yemen)[0] == []


def test_a_region_around_a_town_counts_for_the_articles_main_place(extractor):
    """The sentence that names no place falls back to the article's main place: the town the
    region phrase is built on, not a town named once at the end."""
    text = (
        "Clashes broke out in the farms east of Mayadin on Monday. Medics counted 4 dead. "
        "On Tuesday, jets carried out strikes on the area. Reinforcements came from Raqqa."
    )
    mentions, _ = extractor.extract(ArticleInput("t", text, dt.date(2021, 6, 9)))
    strikes = [m for m in mentions if m.event_type == "airstrike"]
    mayadin = (35.02, 40.45)
    assert strikes and all(haversine_km((m.latitude, m.longitude), mayadin) < 30 for m in strikes)


def test_a_village_no_gazetteer_has_is_placed_near_the_town_that_locates_it(extractor):
    resolver = extractor.resolver
    text = "A drone hit a shop in Zreiqat, a hamlet near Kafr Nabl, on Monday."
    hits, _ = resolver.find(text, 0, len(text), {}, ())
    assert [(h.text, h.geo_precision) for h in hits] == [("Zreiqat", 2)]
    assert haversine_km((hits[0].latitude, hits[0].longitude), (35.61, 36.56)) < 5


def test_people_flee_from_a_place_not_to_it(extractor):
    """A displacement is placed where people fled from; a place they headed for is not it."""
    text = "Shells hit Kafr Nabl on Monday. Hundreds of families fled the town towards Idlib."
    mentions, _ = extractor.extract(ArticleInput("t", text, dt.date(2021, 6, 9)))
    fled = [m for m in mentions if m.event_type == "displacement"]
    kafr_nabl = (35.61, 36.56)
    assert fled and all(haversine_km((m.latitude, m.longitude), kafr_nabl) < 5 for m in fled)
