"""The curated towns GeoNames' cities500 lacks (data/curated/towns.csv): read, validated,
looked up beside GeoNames' places, weighed like them, and labelled with their own source."""

from __future__ import annotations

import datetime as dt

import pytest

from etl.cli import _extractor
from etl.extraction.extract import ArticleInput
from etl.places import geonames
from etl.places.geonames import GeoNamesIndex, haversine_km
from etl.places.lookup import candidates
from etl.places.towns import TOWNS, Towns, read_towns, town_id, town_source
from etl.problems import InputError
from etl.settings import Paths

HEADER = "place_id,name,aliases,kind,latitude,longitude,admin1,country,population,source\n"
ROWS = (
    'zorvit,Zorvit,Zorvitte|az-Zorvit,village,10.5,20.5,Somewhere,SY,800,"A survey map, 1990"\n'
    "palmyre_far,Alpha,,town,-10.0,40.0,Far Province,MZ,30000,A town list\n"
)


@pytest.fixture()
def towns(tmp_path) -> Towns:
    path = tmp_path / "towns.csv"
    path.write_text(HEADER + ROWS, encoding="utf-8")
    return read_towns(path)


def test_ids_are_negative_and_stable(towns):
    ids = sorted(ident for ident, _ in towns)
    assert all(i < 0 for i in ids)
    assert ids == sorted([town_id("zorvit"), town_id("palmyre_far")])
    assert town_id("zorvit") == town_id("zorvit") != town_id("zorvit2")


def test_names_aliases_and_spellings_find_the_town(towns):
    zorvit = town_id("zorvit")
    assert towns.with_key("Zorvitte") == towns.with_key("al-Zorvit") == (zorvit,)
    assert towns.with_key("Nowhere") == ()


def test_a_bad_row_is_named_by_its_line(tmp_path):
    path = tmp_path / "towns.csv"
    path.write_text(HEADER + ROWS + "bad,Bad,,town,95,20,x,Syria,10,\n", encoding="utf-8")
    with pytest.raises(InputError) as caught:
        read_towns(path)
    text = str(caught.value)
    assert ":4" in text and "latitude" in text and "country" in text and "source" in text


def test_a_missing_table_is_no_towns(tmp_path):
    assert len(read_towns(tmp_path / "none.csv")) == 0


@pytest.fixture()
def fake_index(tmp_path, monkeypatch, towns):
    fake = [
        {"geonameid": 1, "name": "Alpha", "latitude": 40.0, "longitude": -3.0,
         "countrycode": "ES", "population": 400_000, "admin1code": "07", "alternatenames": []},
    ]  # fmt: skip
    monkeypatch.setattr(geonames, "load_source", lambda: (iter(fake), []))
    monkeypatch.setattr(geonames, "source_version", lambda: "9.9-towns")
    index = GeoNamesIndex.open(tmp_path / "cache", towns=towns)
    yield index
    index.close()


def test_towns_join_the_index_candidates(fake_index):
    found = fake_index.candidates("Alpha")
    assert [(p.name, p.country_code) for p in found] == [("Alpha", "ES"), ("Alpha", "MZ")]
    assert [p.country_code for p in fake_index.candidates("Alpha", countries=["MZ"])] == ["MZ"]
    assert [p.name for p in fake_index.candidates("az-Zorvit")] == ["Zorvit"]
    # a transliteration of a town's name finds it too
    assert [p.name for p, _ in fake_index.loose_candidates("Zorveet")] == ["Zorvit"]
    # and a town counts as a place of its country
    assert fake_index.country_within("MZ", (-10.1, 40.1), 30) is True
    assert fake_index.country_within("MZ", (10.5, 20.5), 30) is False
    assert fake_index.info()["town_count"] == 2


def test_a_town_is_labelled_with_its_own_source(towns):
    ident = town_id("zorvit")
    assert town_source(f"gn:{ident}", towns).endswith("zorvit: A survey map, 1990")
    assert town_source("gn:170794", towns) is None  # a GeoNames id
    assert town_source("baghouz", towns) is None  # a curated place


@pytest.fixture(scope="module")
def index():
    opened = GeoNamesIndex.open()
    yield opened
    opened.close()


def test_the_curated_table_holds_only_towns_cities500_lacks(index):
    table = read_towns(TOWNS)
    assert len(table) >= 5
    for _, row in table:
        assert row.source.strip()
        twins = [
            p
            for name in (row.name, *row.other_names)
            for p, _ in candidates(index, name)
            if p.geonameid > 0 and p.country_code == row.country
            and haversine_km((p.latitude, p.longitude), (row.latitude, row.longitude)) < 10
        ]  # fmt: skip
        assert twins == [], f"{row.place_id} is in cities500 already: {twins[0].name}"


@pytest.fixture(scope="module")
def extractor():
    built, _ = _extractor(Paths())
    yield built
    built.resolver.geonames.close()


@pytest.mark.parametrize(
    ("text", "place_id", "country"),
    [
        ("A car bomb exploded in Jalula on Monday, killing 4.", "jalawla", "IQ"),
        # a town abroad named with its province's country word beats a larger namesake
        ("Insurgents attacked Palma in Cabo Delgado on Monday, killing 9.", "palma_mz", "MZ"),
    ],
)
def test_a_curated_town_is_found_in_text(extractor, text, place_id, country):
    mentions, _ = extractor.extract(ArticleInput("t", text, dt.date(2021, 5, 4)))
    assert [(m.place_id, m.country) for m in mentions] == [(f"gn:{town_id(place_id)}", country)]


def test_a_town_abroad_near_the_article_s_other_places_is_grounded():
    from etl.places.area import AreaOfInterest
    from etl.places.choose import Evidence, points
    from etl.places.geonames import GeoPlace

    area = AreaOfInterest(32.0, 35.0, 38.0, 43.0, frozenset({"SY"}))
    town = GeoPlace(-5, "Quonta", "MZ", "", -11.0, 40.0, 5000, None)
    beside = Evidence({}, ((-12.9, 40.5),), area)  # some 220 km away
    far = Evidence({}, ((-20.0, 35.0),), area)  # over 1,000 km away
    assert points(town, 1.0, beside) == (2.0, pytest.approx(218, abs=5))
    assert points(town, 1.0, far) is None


def test_a_short_skeleton_still_finds_the_names_spelt_alike(index):
    # 'Rada'a' shares its consonants 'rd' with thousands of names: Rada' of Yemen is found
    found = {p.geonameid: p.country_code for p, _ in index.loose_candidates("Rada'a")}
    assert "YE" in found.values()
