"""Places, session 16 (issue 8). Sentences written for this test; they use the shipped
GeoNames index.

Class (no place named): a dateline whose day is written with dots or slashes ('GROZNY,
05.12.2014 —') or whose month is abbreviated in lower case, as Spanish and Portuguese wires
write it ('QUITO, 10 ago (Agencia) —'), is a dateline, so 'the city' of its text is its city.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest

from etl.extraction.extract import ArticleInput, Extractor
from etl.places import stray
from etl.places.scan import dateline_city
from etl.places.settle import PlaceHit


def _mentions(extractor: Extractor, text: str, published: dt.date = dt.date(2022, 3, 9)):
    mentions, _ = extractor.extract(ArticleInput("s16", text, published))
    return mentions


@pytest.mark.parametrize(
    ("text", "city"),
    [
        ("NALCHIK, 14.10.2005 — Gunmen attacked the police headquarters.", "NALCHIK"),
        ("CALI, 2/3/2021 — Protesters blocked the road.", "CALI"),
        ("CUENCA, 7 mar (Agencia Andina) — Two guards were hurt.", "CUENCA"),
        ("LIMA, 3 de dic. — Police cleared the square.", "LIMA"),
        ("RECIFE, 21 set (Agência Sul) — A bus was set on fire.", "RECIFE"),
    ],
)
def test_a_dateline_with_a_dotted_day_or_a_lower_case_month(text, city):
    assert dateline_city(text) == city


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "NALCHIK, 14.10.2005 — Dozens of gunmen attacked police buildings across the city "
            "on Thursday, killing 12 officers.",
            "Nalchik",
        ),
        (
            "CUENCA, 7 mar (Agencia Andina) — Gunmen killed a prison guard outside a school "
            "in the south of the city on Monday.",
            "Cuenca",
        ),
    ],
)
def test_the_city_of_such_a_dateline_places_its_text(extractor, text, name):
    (first, *_) = _mentions(extractor, text)
    assert (first.place_name, first.place_note) == (name, "the dateline's place")


# Class (a homonym far outside the article's area, issue 8): a reading through a
# transliteration, or a town abroad in a country the article never names, that lies farther
# than STRAY_KM from every firm place of the article (a curated place; a town of a home or
# named country under an exact name: the dateline's country counts as named) and from every
# other place that backs it, is read again beside them, else becomes the region around the
# firm place nearest it in the text (etl.places.stray). 'reach X' is a place slot, as
# 'reached X' was.


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        (  # the Kasai provinces of Congo, not Kasai in Japan
            "KANANGA — Militiamen burned villages across the Kasai provinces on Monday, and "
            "families fleeing the fighting reach Kananga every day, officials said.",
            "Kananga",
            "CD",
        ),
        (  # a church's saint, not Saint George in Utah
            "NALCHIK, 14.10.2005 — Gunmen attacked worshippers outside the St George church "
            "in Nalchik on Sunday, killing three people.",
            "Nalchik",
            "RU",
        ),
        (  # 'Marat' read as Māri' by Aleppo, 300 km from Deir ez-Zor
            "Jets bombed the village of Marat east of Deir ez-Zor on Monday, killing 4 civilians.",
            "Deir ez-Zor",
            "SY",
        ),
    ],
)
def test_a_far_homonym_gives_way_to_the_article_s_own_place(extractor, text, name, country):
    (first, *_) = _mentions(extractor, text)
    assert (first.place_name, first.country) == (name, country)


def test_a_town_of_the_dateline_s_country_far_from_it_stays(extractor):
    """The dateline is where the article was filed: a town of its country 300 km away is
    no stray ('CAIRO —' heads news of Rafah)."""
    text = "CAIRO — Militants attacked an army checkpoint in Rafah on Monday, killing 5 soldiers."
    (first, *_) = _mentions(extractor, text)
    assert (first.place_name, first.country) == ("Rafaḩ", "EG")


def _hit(text: str, start: int, lat: float, lon: float, country: str = "SY", **kw) -> PlaceHit:
    return PlaceHit(text, start, start + len(text), kw.pop("place_id", f"gn:{start}"), text,
                    lat, lon, country, kw.pop("geo_precision", 1), False, **kw)  # fmt: skip


def _bring(found, weak: set[str], firm: set[str], dateline=None, relook=None, abroad=()):
    """`abroad`: weak places in a country the article does not name, which back nothing."""
    return stray.bring_near(
        [(hits, []) for hits in found],
        dateline,
        lambda h: h.text in firm,
        lambda h: h.text in weak or h.text in abroad,
        lambda h: h.text not in abroad,
        relook or (lambda h, points: None),
    )


def test_a_weak_reading_alone_far_from_the_firm_places_becomes_a_region():
    town = _hit("Tishrin", 0, 35.3, 40.1)
    far = _hit("Marat", 40, 36.5, 37.2)  # 290 km away
    ((hits, _),) = _bring([[far, town]], weak={"Marat"}, firm={"Tishrin"})
    assert (hits[0].text, hits[0].name, hits[0].region) == ("Marat", "Tishrin", "near Tishrin")
    assert hits[0].geo_precision == 2


def test_weak_readings_that_stand_by_each_other_stay():
    firm = _hit("Baghdad", 0, 33.3, 44.4)
    a, b = _hit("Koya", 30, 36.1, 44.6), _hit("Arbil", 60, 36.2, 44.0)  # 300 km north
    ((hits, _),) = _bring([[firm, a, b]], weak={"Koya", "Arbil"}, firm={"Baghdad"})
    assert [h.name for h in hits] == ["Baghdad", "Koya", "Arbil"]


def test_a_stray_backs_nothing():
    firm = _hit("Tishrin", 0, 35.3, 40.1)
    a = _hit("Marat", 20, 36.5, 37.2)  # 290 km from Tishrin
    b = _hit("Husayn", 40, 36.8, 35.6, "TR")  # 145 km from Marat, 430 from Tishrin
    ((hits, _),) = _bring([[firm, a, b]], weak={"Marat"}, firm={"Tishrin"}, abroad={"Husayn"})
    assert [h.name for h in hits] == ["Tishrin", "Tishrin", "Tishrin"]


def test_a_reading_beside_the_firm_places_is_taken_when_the_name_has_one():
    firm = _hit("Tishrin", 0, 35.3, 40.1)
    far = _hit("Marat", 40, 36.5, 37.2)
    near = _hit("Marat", 40, 35.4, 40.2, place_id="gn:99")
    ((hits, _),) = _bring([[far, firm]], weak={"Marat"}, firm={"Tishrin"}, relook=lambda h, p: near)
    assert hits[0].place_id == "gn:99"


def test_the_dateline_backs_but_never_judges():
    """The dateline's city is where the article was filed ('NEW YORK —' heads news of
    Sinai): it backs the places near it, and judges none when the article has no firm place."""
    dateline = replace(_hit("NEW YORK", 0, 40.7, -74.0, "US"), reporting=True)
    far = _hit("Zuwayd", 20, 31.2, 34.1, "EG")
    ((hits, _),) = _bring([[far]], weak=set(), firm=set(), dateline=dateline, abroad={"Zuwayd"})
    assert hits[0].name == "Zuwayd"
    firm = _hit("Tishrin", 40, 35.3, 40.1)
    home = replace(_hit("DAMASCUS", 0, 33.5, 36.3), reporting=True)
    near_home = _hit("Jobar", 60, 33.5, 36.3)  # 300 km from Tishrin, beside the dateline
    ((hits, _),) = _bring([[firm, near_home]], weak={"Jobar"}, firm={"Tishrin"}, dateline=home)
    assert [h.name for h in hits] == ["Tishrin", "Jobar"]


# Class (no place named): a record's cell between broken bars ('¦') is a cell as between
# bars ('|'), and a post's hashtag of a place ('#Raqqa Jets struck ...') a place slot.
@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "LOG 0457 ¦ 03.IV.2019 ¦ Manbij ¦ VBIED ¦ Car bomb at a checkpoint near the "
            "market; 4 dead",
            "Manbij",
        ),
        (
            "@river_watch (4 May 2017, 09:10): #Raqqa Coalition jets struck the old city "
            "walls all night.",
            "Ar Raqqah",
        ),
    ],
)
def test_a_broken_bar_cell_and_a_hashtag_name_the_place(extractor, text, name):
    (first, *_) = _mentions(extractor, text, dt.date(2019, 5, 15))
    assert first.place_name == name


# Class (no place named): 'District Sukma', the unit's word written first as Indian police
# reports write it, is a place slot and the district around its town (precision 3), as
# 'Sukma district' was.
@pytest.mark.parametrize(
    "text",
    [
        "SITREP dt. 05-06-2019: Maoists set fire to two trucks on a road near Puvarti, "
        "District Sukma, on 04-06-2019.",
        "Gunmen killed a shopkeeper in his village, District Sukma, on Sunday.",
    ],
)
def test_a_district_written_before_its_name_is_the_district(extractor, text):
    (first, *_) = _mentions(extractor, text, dt.date(2019, 6, 6))
    assert (first.place_name, first.country, first.geo_precision) == ("Sukma", "IN", 3)


# Class (no place named): a post's stamp in brackets before a colon ('@handle (3 Mar 2018,
# 08:15): Manbij: ...') opens its line as a full stop does: the name after it heads the note.
@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "@delta_watch (3 Mar 2018, 08:15): Manbij: two car bombs went off near the market "
            "this morning.",
            "Manbij",
        ),
        ("Report (12 May 2019): Raqqa — a mine killed 3 shepherds east of the city.", "Ar Raqqah"),
    ],
)
def test_a_place_heading_after_a_post_s_stamp(extractor, text, name):
    (first, *_) = _mentions(extractor, text, dt.date(2019, 6, 6))
    assert first.place_name == name


# Class (a homonym far outside the article's area): a site or settlement said to lie in a town
# ('the Penha complex in Rio de Janeiro', 'the Salgueiro market in Recife') is located by the
# town: a homonym of its name far from it gives way to the town's region (place_roles.csv
# reference row; etl.places.settle); one near it stays.
@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "Police shot dead five men in the Penha complex in Rio de Janeiro on Friday.",
            "Rio de Janeiro",
        ),
        ("Gunmen killed two guards at the Salgueiro market in Recife on Friday.", "Recife"),
        ("Fighters shelled the Hajin market in Deir ez-Zor on Friday, killing 3.", "Hajīn"),
    ],
)
def test_a_site_in_a_town_is_located_by_the_town(extractor, text, name):
    (first, *_) = _mentions(extractor, text, dt.date(2019, 6, 6))
    assert first.place_name == name
