"""Weighing the places a name could mean: the area of interest, the countries an article
names (etl.places.evidence) and the points of etl.places.choose. Made-up places, so every
number here is the tests' own."""

from __future__ import annotations

import pytest

from etl.places.area import EVERYWHERE, AreaOfInterest, configured_area, default_area
from etl.places.choose import Evidence, pick, points
from etl.places.evidence import CountryReader, countries_named
from etl.places.geonames import GeoPlace
from etl.problems import InputError

AREA = AreaOfInterest(32.0, 35.0, 37.5, 42.5, frozenset({"SY", "IQ"}))


def _place(gid: int, country: str, lat: float, lon: float, population: int = 0, name: str = "X"):
    return GeoPlace(gid, name, country, "01", lat, lon, population, None)


IN_AREA = _place(1, "SY", 35.0, 38.0, 5_000)
FOREIGN = _place(2, "US", 38.9, -99.3, 20_000)
FOREIGN_YE = _place(3, "YE", 13.9, 43.5, 0)
HOME_OUTSIDE_BOX = _place(4, "IQ", 30.5, 47.8, 1_000_000)  # Basra-like: home country only


def test_a_foreign_homonym_needs_evidence():
    assert pick([(FOREIGN, 1.0), (IN_AREA, 1.0)], Evidence({}, (), AREA)) is IN_AREA
    assert pick([(FOREIGN, 1.0)], Evidence({}, (), AREA)) is None  # never taken blind
    assert pick([(FOREIGN, 1.0)], Evidence({"US": 1}, (), AREA)) is FOREIGN


def test_the_country_the_article_names_most_beats_the_area():
    found = [(IN_AREA, 1.0), (FOREIGN_YE, 1.0)]
    assert pick(found, Evidence({"YE": 3}, (), AREA)) is FOREIGN_YE
    # named, but less than Syria: the town in the area stays
    assert pick(found, Evidence({"YE": 1, "SY": 2}, (), AREA)) is IN_AREA


def test_the_box_beats_a_home_country_outside_it():
    assert points(IN_AREA, 1.0, Evidence({}, (), AREA))[0] == 3 + 1  # + 1: exact spelling
    assert points(HOME_OUTSIDE_BOX, 1.0, Evidence({}, (), AREA))[0] == 2 + 1
    assert points(IN_AREA, 0.98, Evidence({}, (), AREA))[0] == 3  # a transliteration
    assert pick([(HOME_OUTSIDE_BOX, 1.0), (IN_AREA, 1.0)], Evidence({}, (), AREA)) is IN_AREA


def test_nearness_to_the_articles_other_places_decides_between_homonyms():
    north = _place(10, "SY", 36.6, 37.2, 500)
    south = _place(11, "SY", 35.3, 36.7, 9_000)
    azaz = (36.59, 37.05)
    assert pick([(north, 1.0), (south, 1.0)], Evidence({}, (), AREA)) is south  # larger
    assert pick([(north, 1.0), (south, 1.0)], Evidence({}, (azaz,), AREA)) is north


def test_far_from_every_other_place_costs_points():
    near = (14.0, -0.5)  # the article's other place, in the Sahel
    sahel = _place(20, "BF", 14.03, -0.03)
    assert pick([(IN_AREA, 0.9), (sahel, 1.0)], Evidence({}, (near,), AREA)) is sahel


def test_a_town_just_across_a_named_countrys_border():
    cameroon = _place(30, "CM", 11.05, 14.14)
    sweden = _place(31, "SE", 61.0, 14.5, 10_000)

    def border(iso, point, km):  # Nigeria's towns lie within km of the first only
        return iso == "NG" and point == (11.05, 14.14)

    evidence = Evidence({"NG": 2}, (), AREA)
    assert pick([(sweden, 1.0), (cameroon, 1.0)], evidence, border) is cameroon
    assert pick([(sweden, 1.0)], evidence, border) is None


def test_the_exact_spelling_and_the_own_name_break_ties():
    exact = _place(40, "SY", 35.0, 38.0, 1_000, "Qabbas")
    loose = _place(41, "SY", 35.0, 38.0, 1_000, "Kabbas")
    assert pick([(loose, 0.98), (exact, 1.0)], Evidence({}, (), AREA)) is exact
    own = _place(42, "SY", 35.0, 38.0, 3_000, "Qabbas")
    alias = _place(43, "SY", 35.0, 38.0, 5_000, "Kabbas")  # lists 'Qabbas' as another name
    assert pick([(alias, 1.0), (own, 1.0)], Evidence({}, (), AREA), written="Qabbas") is own


def test_default_area_is_the_box_around_the_datas_specific_places():
    rows = [
        {"latitude": 34.4, "longitude": 40.9, "geo_precision": 1, "country": "Syria"},
        {"latitude": 36.4, "longitude": 41.1, "geo_precision": 1, "country": "Syria"},
        {"latitude": 33.3, "longitude": 44.4, "geo_precision": 1, "country": "Iraq"},
        {"latitude": 51.5, "longitude": -0.1, "geo_precision": 1, "country": "United Kingdom"},
        {"latitude": 35.0, "longitude": 38.0, "geo_precision": 3, "country": "Turkey"},
    ]
    codes = {"Syria": "SY", "Iraq": "IQ", "United Kingdom": "GB", "Turkey": "TR"}.get
    area = default_area(rows, codes)
    assert (area.south, area.west, area.north, area.east) == pytest.approx((32.3, 39.9, 37.4, 45.4))
    assert area.countries == {"SY", "IQ"}  # London is an outlier, a country row no place
    assert area.contains(35.0, 41.0) and not area.contains(51.5, -0.1)
    assert area.contains(30.5, 47.8, "IQ")  # a home country counts as inside
    assert default_area([], codes) is EVERYWHERE


def test_area_from_the_environment(monkeypatch):
    monkeypatch.setenv("CONFLICT_AREA", "10,-5,20,5;ML,BF")
    area = configured_area([], lambda c: None)
    assert (area.south, area.west, area.north, area.east, area.countries) == (
        10.0, -5.0, 20.0, 5.0, frozenset({"ML", "BF"}),
    )  # fmt: skip
    monkeypatch.setenv("CONFLICT_AREA", "north of Mali")
    with pytest.raises(InputError, match="CONFLICT_AREA"):
        configured_area([], lambda c: None)


def test_countries_named_by_names_peoples_and_groups():
    names = {"syria": "SY", "yemen": "YE", "nigeria": "NG", "iraq": "IQ"}
    words = {
        "Houthi": ("YE",),
        "Boko Haram": ("NG", "CM"),
        "Haftar": ("LY",),
        "al-Shabaab": ("SO",),
    }
    text = (
        "Houthi fighters shelled a market, Yemen's officials said. Boko Haram struck twice. "
        "Forces loyal to Khalifa Haftar advanced; al-Shabaab claimed it. Syria and Iraq agreed."
    )
    assert countries_named(text, names, words) == {
        "YE": 2, "NG": 1, "CM": 1, "LY": 1, "SO": 1, "SY": 1, "IQ": 1,
    }  # fmt: skip
    reader = CountryReader(names, words)
    assert reader(text) == countries_named(text, names, words)
    assert reader("Nothing here.") == {}


def test_a_foreign_sides_air_power_or_sponsorship_names_no_country():
    names = {"syria": "SY", "yemen": "YE"}
    words = {"Russian": ("RU",), "Turkish": ("TR",), "Saudi-led": ("YE",), "Syrian": ("SY",)}
    text = (
        "Russian jets struck the ridge. Turkish-backed fighters advanced. The Saudi-led "
        "coalition denied it. Syrian troops held the town."
    )
    assert countries_named(text, names, words) == {"YE": 1, "SY": 1}
    assert countries_named("Russian officers met Turkish envoys.", names, words) == {
        "RU": 1, "TR": 1,
    }  # fmt: skip


def test_countries_named_equally_often_give_no_top_country():
    assert Evidence({"NG": 2, "TD": 2, "NE": 2}).top_country is None
    assert Evidence({"NG": 3, "TD": 2}).top_country == "NG"
    # so a group active in four countries does not favour the one first in the alphabet
    chad = _place(20, "TD", 10.5, 16.7, 9_000)
    niger = _place(21, "NE", 13.7, 13.3, 7_000)
    assert (
        pick([(chad, 0.9), (niger, 1.0)], Evidence({"NG": 1, "TD": 1, "NE": 1}, (), AREA)) is niger
    )


def test_a_loose_likeness_abroad_needs_more_than_the_areas_box():
    abroad_in_box = _place(30, "TR", 37.2, 41.7, 2_000)  # inside AREA's box, not a home country
    home = _place(31, "SY", 35.4, 36.4, 0)
    evidence = Evidence({}, (), AREA)
    assert points(abroad_in_box, 0.75, evidence) is None
    # any transliteration (below an exact key's 1.0, however close) needs more than the box
    # abroad: its country named, or beside the article's places; the exact spelling counts
    assert points(abroad_in_box, 0.95, evidence) is None
    assert points(abroad_in_box, 1.0, evidence) is not None
    assert points(abroad_in_box, 0.95, Evidence({}, ((37.3, 41.6),), AREA)) is not None
    assert points(home, 0.8, evidence) is not None  # a home country's place keeps its chance
    assert points(abroad_in_box, 0.75, Evidence({"TR": 1}, (), AREA)) is not None


def test_an_article_about_far_countries_weighs_the_area_little():
    """A town of Nigeria named exactly beats a larger namesake inside the area when the
    article names only far countries; a country next to the area does not count as far."""
    in_area = _place(40, "SY", 33.5, 36.3, 1_500_000)
    nigerian = _place(41, "NG", 13.1, 12.5, 14_000)

    def border(iso, point, km):  # made-up borders: Nigeria far from Syria, Turkey beside it
        return {"NG": point[0] < 20, "TR": point[0] > 33}.get(iso, False)

    assert (
        pick([(in_area, 0.93), (nigerian, 1.0)], Evidence({"NG": 1}, (), AREA), border) is nigerian
    )
    assert points(in_area, 0.93, Evidence({"NG": 1}, (), AREA), border) == (1.0, float("inf"))
    assert points(in_area, 0.93, Evidence({"TR": 1}, (), AREA), border) == (3.0, float("inf"))


def test_a_country_after_an_opening_common_word_is_named_but_not_inside_a_lakes_name():
    names = {"mali": "ML", "chad": "TD", "niger": "NE"}
    assert countries_named("In Mali, two soldiers died.", names, {}) == {"ML": 1}
    assert countries_named("Boats crossed Lake Chad at night.", names, {}) == {}


def _pick_every_border_asked(found, evidence, border, written=""):
    """`pick` as it was before candidates only a border could ground were weighed last:
    every candidate weighed in turn by `points`, which asks the border test at once."""
    from etl.places.choose import Candidates, _key

    best, best_key = None, None
    facts = Candidates(found, evidence.area, written).facts
    for (place, similarity), fact in zip(found, facts):
        weighed = points(place, similarity, evidence, border)
        key = _key(fact, weighed, evidence)
        if key is not None and (best_key is None or key < best_key):
            best, best_key = place, key
    return best


def test_asking_the_border_only_where_it_could_change_the_choice_changes_nothing():
    """Random homonyms in and around a box, random named countries and other places, a
    random border test: `pick` chooses what weighing every candidate in turn chooses, and
    asks the border test no more often (the Palmyras abroad are asked rarely)."""
    import random

    rng = random.Random(7)
    codes = ["SY", "IQ", "US", "TR", "LB", "JO", "YE"]
    for case in range(600):
        found = []
        for gid in range(rng.randint(1, 12)):
            code = rng.choice(codes)
            lat, lon = rng.uniform(-10, 50), rng.uniform(-100, 60)
            name = rng.choice(["Palmyra", "Tadmur", "Damascus"])
            population = rng.choice([0, 900, 20_000, 2_000_000])
            found.append((_place(gid, code, lat, lon, population, name), rng.choice([1.0, 0.9])))
        named = {c: rng.randint(1, 3) for c in rng.sample(codes, rng.randint(0, 3))}
        near = tuple(
            (rng.uniform(-10, 50), rng.uniform(-100, 60)) for _ in range(rng.randint(0, 3))
        )
        evidence = Evidence(named, near, rng.choice([AREA, None]))
        across = {(c, gid): rng.random() < 0.3 for c in codes for gid in range(12)}
        by_point = {(p.latitude, p.longitude): p.geonameid for p, _ in found}
        asked = {"new": 0, "old": 0}

        def border(iso, point, km, who, asked=asked, across=across, by_point=by_point):
            asked[who] += 1
            return across[(iso, by_point.get(point, 0))]

        written = rng.choice(["Palmyra", "Damascus", ""])
        new = pick(found, evidence, lambda *a: border(*a, "new"), written)
        old = _pick_every_border_asked(found, evidence, lambda *a: border(*a, "old"), written)
        assert new is old, case
        assert asked["new"] <= asked["old"], case
