from __future__ import annotations

import json

import pytest
from geopy.location import Location

from etl.places.gazetteer import CachedGeocoder, OfflineGazetteer, normalise_name

PLACES = [
    {
        "place_id": "baghouz",
        "name": "Baghouz",
        "aliases": "Baghuz|al-Baghuz Fawqani|Upper Baguz",
        "latitude": 34.46,
        "longitude": 40.94,
    },
    {
        "place_id": "al_hol",
        "name": "Al-Hol camp",
        "aliases": "al-Hawl|Hol|Al-Hol",
        "latitude": 36.38,
        "longitude": 41.15,
    },
]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("Baghouz", "baghouz"),
        ("BAGHUZ", "baghouz"),
        ("al-Baghuz Fawqani", "baghouz"),
        ("Al Hawl", "al_hol"),
        ("al-Hol", "al_hol"),
        ("Hol", "al_hol"),
        ("Ḥol", "al_hol"),
    ],
)
def test_offline_gazetteer_matches_aliases(query, expected):
    found = OfflineGazetteer(PLACES).geocode(query)
    assert isinstance(found, Location) and found.raw["place_id"] == expected


def test_unknown_name_is_none_not_a_guess():
    assert OfflineGazetteer(PLACES).geocode("Raqqa") is None
    assert OfflineGazetteer(PLACES).geocode("") is None


def test_normalise_name_strips_prefix_case_and_accents():
    assert normalise_name("Al-Ḥawl") == normalise_name("hawl") == "hawl"


class FakeOnline:
    """Stands in for Nominatim: counts calls, never touches the network."""

    def __init__(self):
        self.calls = 0

    def geocode(self, query, exactly_one=True):
        self.calls += 1
        return Location("Raqqa, Syria", (35.95, 39.01), {}) if query == "Raqqa" else None


def test_cached_geocoder_asks_once_and_persists(tmp_path):
    cache = tmp_path / "cache.json"
    fake = FakeOnline()
    first = CachedGeocoder(fake, cache)
    assert first.geocode("Raqqa").latitude == pytest.approx(35.95)
    assert first.geocode("raqqa").longitude == pytest.approx(39.01)
    assert first.geocode("Nowhere") is None
    assert fake.calls == 2
    again = CachedGeocoder(FakeOnline(), cache)
    assert again.geocode("Raqqa").address == "Raqqa, Syria"
    assert json.loads(cache.read_text())["nowhere"] is None


def test_a_damaged_geocoder_cache_is_named(tmp_path):
    from etl.places.gazetteer import CachedGeocoder
    from etl.problems import InputError

    cache = tmp_path / "geocode.json"
    for text in ("{not json", "[1, 2]", "[" * 100_000):
        cache.write_text(text, encoding="utf-8")
        with pytest.raises(InputError, match="geocode.json: geocoder cache"):
            CachedGeocoder(None, cache)
        assert cache.read_text(encoding="utf-8") == text


def test_places_like_finds_other_spellings_of_a_curated_name():
    gazetteer = OfflineGazetteer(
        [{"place_id": "qm", "name": "Qamishli", "aliases": "Al-Qamishli", "latitude": 37.05,
          "longitude": 41.23, "geo_precision": 1, "country": "Syria"}]
    )  # fmt: skip
    assert gazetteer.places_with_key(normalise_name("Kamishlo")) == []
    assert [p["place_id"] for p in gazetteer.places_like("Kamishlo")] == ["qm"]
    assert gazetteer.places_like("Kamishlo", floor=1.01) == []  # a floor nothing reaches
    assert gazetteer.places_like("Homs") == []


def test_find_places_answers_a_transliteration_from_every_gazetteer():
    from etl.places.geonames import GeoNamesIndex
    from etl.places.place_search import find_places

    analysts = [{"place_id": "an_tall_tamr", "name": "Tall Tamr", "aliases": "", "latitude": 36.65,
                 "longitude": 40.37, "geo_precision": 1, "country": "Syria"}]  # fmt: skip
    index = GeoNamesIndex.open()
    try:
        found = find_places("Tel Tamer", analysts, [], index)
        assert (found[0].source, found[0].place_id) == ("analysts", "an_tall_tamr")
        found = find_places("Jerablous", [], [], index)
        assert [(c.name, c.country, c.source) for c in found[:1]] == [
            ("Jarābulus", "SY", "GeoNames 169179")
        ]
    finally:
        index.close()


def test_the_offline_gazetteer_builds_no_tls_context_and_fetches_nothing(monkeypatch):
    """Session 33: geopy's default adapter loaded the system's certificates for every
    gazetteer (the analyst's place picker builds 26 a rerun: 2.1 s at load 11). The offline
    one has an adapter that refuses any fetch, and builds no SSL context."""
    import ssl

    def refused(*args, **kwargs):
        raise AssertionError("an SSL context was built")

    monkeypatch.setattr(ssl, "create_default_context", refused)
    monkeypatch.setattr(ssl.SSLContext, "load_default_certs", refused)
    gazetteer = OfflineGazetteer([{"name": "Idlib", "latitude": 35.93, "longitude": 36.63}])
    assert gazetteer.geocode("idlib").latitude == 35.93
    with pytest.raises(RuntimeError, match="fetches nothing"):
        gazetteer.adapter.get_json("https://example.org", timeout=1, headers={})
