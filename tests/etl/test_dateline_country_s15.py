"""A dateline's national capital names its country ('CAIRO, March 3 (Reuters) -',
'BAGHDAD —'), the first guide for a town name several countries share; a toll told in the
next sentence at a town beside the event's place is still the event's; 'a second bomb' of the
same article is another event. Sentences written for this test; they use the shipped GeoNames
index."""

from __future__ import annotations

import datetime as dt

import pytest

from etl.extraction.extract import ArticleInput, Extractor
from etl.extraction.mentions import DateWindow, Figure, Mention
from etl.merge import cluster_mentions
from etl.places.geonames import haversine_km
from etl.places.scan import dateline_city


def _points(extractor: Extractor, text: str) -> list[tuple[float, float]]:
    mentions, _ = extractor.extract(ArticleInput("t", text, dt.date(2021, 3, 9)))
    return [(m.latitude, m.longitude) for m in mentions if m.latitude is not None]


@pytest.mark.parametrize(
    ("text", "city"),
    [
        ("CAIRO, March 3 (Reuters) - Gunmen fired on a bus.", "CAIRO"),
        ("BAGHDAD — A car bomb went off.", "BAGHDAD"),
        ("TUNIS, 4 May — Police closed the road.", "TUNIS"),
        ("BOGOTÁ. — Rebels freed two hostages.", "BOGOTÁ"),
        ("Police in Cairo said two men were held.", None),
    ],
)
def test_the_city_of_a_dateline(text, city):
    assert dateline_city(text) == city


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("CAIRO, March 3 (Reuters) - Gunmen fired on a bus near the border.", "EG"),
        ("BAGHDAD — A car bomb went off outside a market on Tuesday.", "IQ"),
        ("NIAMEY, 2 April — Gunmen raided a village on Sunday.", "NE"),
    ],
)
def test_a_dateline_capital_names_its_country(extractor, text, iso):
    assert extractor.resolver.countries_named(text)[iso] >= 1


def test_no_dateline_no_country(extractor):
    assert not extractor.resolver.countries_named("Gunmen raided a village on Sunday.")


def test_a_homonym_is_placed_in_the_dateline_country(extractor):
    # 'Sousse' is also As Susah in eastern Syria; the Tunis dateline speaks for Tunisia
    text = "TUNIS, 4 May — A gunman killed three police officers in Sousse on Friday."
    found = _points(extractor, text)
    assert found and haversine_km(found[0], (35.83, 10.64)) < 10


class _Hit:
    def __init__(self, place_id: str, lat: float, lon: float) -> None:
        self.place_id, self.geo_precision, self.start = place_id, 1, 0
        self.latitude, self.longitude = lat, lon


def test_a_town_beside_the_last_place_is_not_elsewhere():
    from etl.extraction.carry import elsewhere

    resort, city, far = _Hit("a", 35.89, 10.60), _Hit("b", 35.83, 10.64), _Hit("c", 36.8, 10.2)
    assert not elsewhere([city], resort, True)  # ~8 km apart: one area
    assert elsewhere([far], resort, True)  # ~110 km: another event


def test_a_toll_update_naming_the_nearby_city_goes_to_the_event(extractor):
    text = (
        "TUNIS, 4 May — Gunmen opened fire on a beach hotel in Port El Kantaoui on Friday,"
        " killing 12 people. The toll rose overnight to 14 when two wounded men died in"
        " hospital in Sousse."
    )
    mentions, _ = extractor.extract(ArticleInput("t", text, dt.date(2021, 5, 4)))
    assert len(mentions) == 1
    assert ("killed", 14) in {(f.quantity, f.low) for f in mentions[0].figures}


def _bomb(trigger: str, char_start: int, killed: int, source: str = "explicit") -> Mention:
    day = dt.date(2021, 5, 2)
    return Mention(
        article_id="a",
        event_type="explosion",
        trigger=trigger,
        trigger_start=char_start,
        trigger_end=char_start + len(trigger),
        sentence=f"{trigger} killed {killed}.",
        char_start=char_start,
        char_end=char_start + 40,
        date=DateWindow(day, day, "day", source),
        place_name="Mosul",
        place_id="mosul",
        latitude=36.34,
        longitude=43.13,
        geo_precision=2,
        figures=(Figure("killed", float(killed), float(killed), "exact", "killed", 0, 9),),
    )


def test_a_further_bomb_of_the_same_article_is_another_event():
    # 'A car bomb killed 20 in Mosul on Sunday. Later, a second bomb there killed three.'
    assert len(cluster_mentions([_bomb("car bomb", 0, 20), _bomb("second bomb", 60, 3)])) == 2
    # ... and when the second is undated (the article's window), no joining its own article
    undated = _bomb("second bomb", 60, 3, "article")
    assert len(cluster_mentions([_bomb("car bomb", 0, 20), undated])) == 2
    # the same bomb told twice stays one event
    assert len(cluster_mentions([_bomb("car bomb", 0, 20), _bomb("bomb", 60, 20)])) == 1
