"""One written name looked up in GeoNames: its candidates (exact keys, then
transliterations) and the one the article's evidence supports (etl.places.choose), with
the fallbacks for a name that needs no evidence: one place in the whole gazetteer, or one
city far larger than every namesake."""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import lru_cache
from typing import Any

from etl.places.area import AreaOfInterest
from etl.places.choose import ABROAD_KM, FAR_KM, NEAR_KM, Candidates, Evidence
from etl.places.geonames import GeoNamesIndex, haversine_km
from etl.places.namekey import loose_key, similarity, words


@lru_cache(maxsize=20_000)
def choose_place(
    index: GeoNamesIndex,
    raw: str,
    countries: tuple[tuple[str, int], ...],
    near: tuple[tuple[float, float], ...],
    area: AreaOfInterest | None,
) -> Any:
    """The best-supported of the places the name (or a transliteration of it) means. Without
    evidence, a name that means one place only in the whole gazetteer, one city far larger
    than every other place of that name (Kherson), or places of one country only, the
    largest a city, is taken as that place (the largest), unless the article's places or
    countries are all far from it."""
    evidence = Evidence(dict(countries), near, area)
    weighed = weighed_candidates(index, raw, area)
    found = weighed.found
    best = weighed.pick(evidence, index.country_within)
    if best is not None and _unsupported(best, evidence.countries, near, area):
        # a neighbour's village the box alone spoke for: the next best of the others
        # ('al-Hamra' of a Hama note: Syria's, not Jordan's of 6,000 that outweighed it)
        others = tuple((p, sim) for p, sim in found if p is not best)
        best = Candidates(others, area, raw).pick(evidence, index.country_within)
    exact = [p for p, sim in found if sim >= 1.0]
    if best is not None and exact and best not in exact:
        # a country the article names keeps a close transliteration against the city, not a
        # far one ('east of Mosul' after 'the Turkish offensive': Üçtepe, a Turkish village
        # 0.91 alike, is no Mosul)
        close = next(sim for p, sim in found if p is best) >= LOOSE_AT_BEST
        best = _own_city(exact, raw, best, dict(countries) if close else {}, near) or best
    if best is None and countries and exact:
        best = _the_one_near_named(index, raw, exact, countries)
    if best is None and not exact:
        exact = _spelt_alike(found, raw)  # 'Sheikh Zuweid': Ash Shaykh Zuwayd, and no other
        if not _one_place(exact):
            exact = []
    if best is None and exact and (_one_place(exact) or dominant(exact) or _one_country(exact)):
        best = max(exact, key=lambda p: p.population)
        if similarity(_CITY_WORD.sub("", best.name), raw) < OWN_NAME:
            best = None  # only under (a spelling of) its own name: 'Christian' is no Moundridge
            # ('Marawi' is Marawi City's own name, the word 'City' left out)
        elif near and all(haversine_km((best.latitude, best.longitude), p) > FAR_KM for p in near):
            best = None  # the article's places are all far away: a namesake, not this one
        elif (
            countries
            and near
            and best.country_code not in dict(countries)
            and all(haversine_km((best.latitude, best.longitude), p) > NEAR_KM for p in near)
        ):
            best = None  # in a country the article does not name, away from its places: the
            # 'district of Qadisiya' of Tikrit is no Qadsayya by Damascus
        elif countries and not any(
            iso == best.country_code
            or index.country_within(iso, (best.latitude, best.longitude), ABROAD_KM)
            for iso, _ in countries
        ):
            best = None  # the article names countries, all far from it: 'Pansi, in the Yagha
            # province' (Burkina Faso) is no Pasni in Pakistan; 'al-Shafa' of the Hajin
            # pocket is no Ash Shafa near Taif
    if best is not None and _unsupported(best, evidence.countries, near, area):
        best = None  # (the fallbacks' choice)
    return best


def _unsupported(
    best: Any,
    countries: Mapping[str, int],
    near: tuple[tuple[float, float], ...],
    area: AreaOfInterest | None,
) -> bool:
    """A village of a neighbour inside the area's box (under TOWN_PEOPLE, in none of the
    area's home countries and in no country the article names, none of the article's places
    within NEAR_KM): only the box speaks for it, and the box's corners are other countries
    ('the al-Jalama axis' of a Hama note is no al-Jalamah by Jenin, a village of 2,000).
    A town stands ('a school in Kilis', just across the border). An unplaced name then
    falls to the article's other places, as an unknown village does (session 32, hP22)."""
    if area is None or best.population >= TOWN_PEOPLE:
        return False
    code = best.country_code
    if code in area.countries or code in countries:
        return False
    point = (best.latitude, best.longitude)
    return area.contains(*point) and not any(haversine_km(point, p) <= NEAR_KM for p in near)


@lru_cache(maxsize=4_096)
def weighed_candidates(index: GeoNamesIndex, raw: str, area: AreaOfInterest | None) -> Candidates:
    """The name's candidates read once for what no article changes (`choose.Candidates`):
    `choose_place` is asked again with each sentence's evidence (200 news-length articles:
    4,960 questions of 96 names, 4,882 of them different)."""
    return Candidates(candidates(index, raw), area, raw)


MIN_ALIKE_KEY = 5  # consonants a transliteration needs to be read as the one place so spelt


def _spelt_alike(found: tuple[tuple[Any, float], ...], raw: str) -> list[Any]:
    """The places a transliteration spells as one of their names, vowels and the usual
    variants evened out (`namekey.soft_form`: 'Sheikh Zuweid' and 'Ash Shaykh Zuwayd'), when
    its skeleton is long enough to name few places: no exact name, but no guess either."""
    if len(loose_key(raw)) < MIN_ALIKE_KEY:
        return []
    return [p for p, sim in found if sim >= LOOSE_AT_BEST]


_CITY_WORD = re.compile(r"\s+City$|^City\s+of\s+")  # 'Marawi City', 'City of Bamenda'
TOWN_PEOPLE = 10_000  # a town, not a village that shares a larger place's name


def _the_one_near_named(
    index: GeoNamesIndex, raw: str, exact: list[Any], countries: tuple[tuple[str, int], ...]
) -> Any:
    """The one town of that own name within ABROAD_KM of a country the article names, every
    other place of the name farther from them all: 'the city of Barda' in a statement that
    names only Armenia is the Barda in Azerbaijan, not the one in Russia."""

    def near_named(place: Any) -> bool:
        point = (place.latitude, place.longitude)
        return any(
            iso == place.country_code or index.country_within(iso, point, ABROAD_KM)
            for iso, _ in countries
        )

    towns = [p for p in exact if p.population >= TOWN_PEOPLE and near_named(p)]
    if len(towns) != 1 or similarity(_CITY_WORD.sub("", towns[0].name), raw) < OWN_NAME:
        return None  # (the towns first: most names have none, and the test is a query)
    town = towns[0]
    others = [p for p in exact if p is not town]
    if not others or any(near_named(p) and not _one_place([town, p]) for p in others):
        return None
    return town


def _own_city(
    exact: list[Any],
    raw: str,
    best: Any,
    countries: dict[str, int],
    near: tuple[tuple[float, float], ...],
) -> Any:
    """The city of CITY_PEOPLE or more, far larger than its namesakes, whose own name is the
    written one, beats `best`, a transliteration, unless the article names best's country
    and not the city's, or its places lie nearer best and over NEAR_KM from the city:
    'Mandalay' beside Yangon is Myanmar's city, not Mandali in Iraq that the area's box
    speaks for."""
    city = max(exact, key=lambda p: p.population)
    if city.population < CITY_PEOPLE or not dominant(exact):
        return None
    if similarity(_CITY_WORD.sub("", city.name), raw) < 1.0:
        return None
    if best.country_code in countries and city.country_code not in countries:
        return None
    if near:

        def km(place: Any) -> float:
            return min(haversine_km((place.latitude, place.longitude), p) for p in near)

        if km(city) >= km(best) and km(city) > NEAR_KM:
            return None  # within NEAR_KM of the article's places the city keeps its own
            # name: 'the road between Tuz Khurmatu and Kifri' under a KIRKUK dateline is Ţūz
            # Khūrmātū (75 km from Kirkuk, 'Tuz Khurmatu' its own name), not Tāzah
            # Khūrmātū, a town of 22,000 only spelt alike, 20 km from Kirkuk
    return city


CITY_PEOPLE = 100_000
OWN_NAME = 0.8  # how close the written name must be to the place's own (Arbinda: Aribinda)
DOMINANT_PEOPLE = 50_000  # a city this large ...
DOMINANT_RATIO = 10  # ... and this many times larger than any other place of its name


def _one_country(places: list[Any]) -> bool:
    """Every place of that exact name lies in one country and the largest is a city of
    DOMINANT_PEOPLE: the name itself says the country, and the city is its likeliest
    (Kostiantynivka: five Ukrainian places of the name, one a city of 67,000)."""
    return len({p.country_code for p in places}) == 1 and (
        max(p.population for p in places) >= DOMINANT_PEOPLE
    )


def dominant(places: list[Any]) -> bool:
    sizes = sorted((p.population for p in places), reverse=True)
    return sizes[0] >= DOMINANT_PEOPLE and (
        len(sizes) == 1 or sizes[0] >= DOMINANT_RATIO * max(sizes[1], 1)
    )


UNIQUE_KM = 25.0  # exact candidates this close together are one place under several entries
LOOSE_AT_BEST = 0.98
MIN_LOOSE_WORD = 3  # letters of each word a transliteration lookup needs


def _one_place(places: list[Any]) -> bool:
    first = places[0] if places else None
    return first is not None and all(
        haversine_km((first.latitude, first.longitude), (p.latitude, p.longitude)) <= UNIQUE_KM
        for p in places
    )


@lru_cache(maxsize=20_000)
def candidates(index: GeoNamesIndex, raw: str) -> tuple[tuple[Any, float], ...]:
    """(place, similarity): exact keys at 1.0, then transliterations, each place once."""
    found = {p.geonameid: (p, 1.0) for p in index.candidates(raw, limit=10_000)}
    if not all(len(w) >= MIN_LOOSE_WORD for w in words(raw)):
        return tuple(found.values())  # 'Manbij U' (of 'U.S.-led') is no spelling of Manbij
    for place, sim in index.loose_candidates(raw):  # below an exact key's 1.0, however alike
        found.setdefault(place.geonameid, (place, min(sim, LOOSE_AT_BEST)))
    return tuple(sorted(found.values(), key=lambda pair: (-pair[1], -pair[0].population)))
