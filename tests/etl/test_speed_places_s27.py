"""Session 27's speed cut changes no choice: `choose.Candidates` reads a name's candidates
once for what no article changes and keeps their distances to each of the article's places
as one tuple (`_KMS`), so `lookup.choose_place` weighs a name again in each sentence without
reading every candidate anew. Held here to the plain reading it replaced, one candidate at a
time (session 26's `_weigh` / `_key`, written out below), over random candidates, evidence
and border answers; and a kept `Candidates` asked again and again to a fresh one."""

from __future__ import annotations

import math
import random

import pytest

from etl.places import choose
from etl.places.area import AreaOfInterest
from etl.places.choose import (
    ABROAD_KM,
    AREA_ONLY_SIMILARITY,
    BORDER_KM,
    CAPITAL_POINTS,
    CLOSE_KM,
    EXACT_POINTS,
    FAR_KM,
    FAR_SPELLING,
    NEAR_KM,
    REGION_KM,
    Candidates,
    Evidence,
    capitals,
    pick,
    points,
)
from etl.places.gazetteer import normalise_name
from etl.places.geonames import NEAR_TIE_KM, GeoPlace, haversine_km

# ---- the plain reading: every candidate weighed on its own, every distance computed ----


def _top(countries: dict[str, int]) -> str | None:
    if not countries:
        return None
    counts = sorted(countries.values(), reverse=True)
    if len(counts) > 1 and counts[0] == counts[1]:
        return None
    return max(countries, key=lambda c: (countries[c], c))


def _plain_weigh(place, similarity, evidence, border):
    point = (place.latitude, place.longitude)
    km = min((haversine_km(point, p) for p in evidence.near), default=math.inf)
    score, grounded, elsewhere = 0.0, False, False
    named, area = evidence.countries, evidence.area
    if place.country_code in named:
        score += 2 + 1.5 * (place.country_code == _top(dict(named)))
        grounded = True
    if area is not None and area.contains(*point, place.country_code):
        bonus = 3 if area.contains(*point) else 2
        elsewhere = (
            bool(named)
            and border is not None
            and place.country_code not in named
            and not area.countries.intersection(named)
            and not any(border(c, point, ABROAD_KM) for c in named)
        )
        if elsewhere:
            bonus = 1
        score, grounded = score + bonus, True
    if km <= NEAR_KM:
        score, grounded = score + (3 if km <= CLOSE_KM else 2), True
    elif evidence.near and km > FAR_KM:
        score -= 2
    if not grounded:
        if km <= REGION_KM:
            score, grounded = score + 1, True
        elif border is None or not named or similarity < AREA_ONLY_SIMILARITY:
            return None
        elif any(border(c, point, BORDER_KM) for c in named):
            return score + 1 + EXACT_POINTS * (similarity >= 1.0), km
        else:
            return None
    if elsewhere and evidence.near and km > FAR_KM:
        return None
    if (
        similarity < AREA_ONLY_SIMILARITY
        and score <= 3
        and km > NEAR_KM
        and not (area is not None and place.country_code in area.countries)
    ):
        return None
    return score + EXACT_POINTS * (similarity >= 1.0), km


def _plain_key(place, similarity, weighed, evidence, written):
    own = bool(written) and normalise_name(place.name) == normalise_name(written)
    named, area = evidence.countries, evidence.area
    if (
        own
        and (place.name, place.country_code) in capitals()
        and (not named or place.country_code in named)
    ):
        score, km = weighed or (EXACT_POINTS, math.inf)
        weighed = score + CAPITAL_POINTS, km
    if weighed is None:
        return None
    score, km = weighed
    box_only = (
        score - EXACT_POINTS * (similarity >= 1.0) <= 3
        and km > NEAR_KM
        and area is not None
        and place.country_code not in named
        and (not area.countries.isdisjoint(named) or (similarity < FAR_SPELLING and bool(named)))
    )
    if not own and box_only:
        return None
    size = int(math.log10(place.population + 1))
    bucket = km // NEAR_TIE_KM if math.isfinite(km) else math.inf
    return (-score, bucket, -size, not own, -similarity, -place.population, place.geonameid)


def _plain_pick(found, evidence, border, written):
    keyed = [
        (key, place)
        for place, similarity in found
        if (key := _plain_key(place, similarity, _plain_weigh(place, similarity, evidence, border),
                              evidence, written)) is not None
    ]  # fmt: skip
    return min(keyed, key=lambda pair: pair[0])[1] if keyed else None


# ---- random cases ----

AREA = AreaOfInterest(32.0, 35.0, 38.0, 43.0, frozenset({"SY", "IQ"}))
COUNTRIES = ["SY", "IQ", "TR", "LB", "JO", "LY", "US", "NG", "ML", "MZ"]
#: a country's made-up middle: the border test asks whether the point lies within km + 300
MIDDLES = {c: (random.Random(c).uniform(-20, 50), random.Random(c + "x").uniform(-100, 60))
           for c in COUNTRIES}  # fmt: skip
NAMES = ["Tripoli", "Damascus", "Palmyra", "al-Qaim", "Hit", "Tal Abyad", "Mosul"]


def _border(iso: str, point: tuple[float, float], km: float) -> bool:
    return haversine_km(MIDDLES[iso], point) <= km + 300.0


def _candidates(rng: random.Random, n: int) -> list[tuple[GeoPlace, float]]:
    found = []
    for i in range(n):
        if rng.random() < 0.5:  # in or around the area's box
            lat, lon = rng.uniform(30.0, 40.0), rng.uniform(33.0, 45.0)
        else:
            lat, lon = rng.uniform(-30.0, 60.0), rng.uniform(-110.0, 70.0)
        name = rng.choice(NAMES)
        country = "LY" if name == "Tripoli" and rng.random() < 0.5 else rng.choice(COUNTRIES)
        place = GeoPlace(
            i + 1, name, country, "", round(lat, 4), round(lon, 4),
            rng.choice([0, 500, 5_000, 40_000, 300_000, 2_000_000]), None,
        )  # fmt: skip
        found.append((place, rng.choice([1.0, 1.0, 0.98, 0.95, 0.92, 0.9])))
    return found


def _evidence(rng: random.Random, found, area) -> Evidence:
    countries = {
        c: rng.choice([1, 1, 2, 4]) for c in rng.sample(COUNTRIES, rng.choice([0, 1, 2, 3]))
    }
    near = []
    for _ in range(rng.choice([0, 1, 2, 3, 5])):
        if found and rng.random() < 0.5:  # beside a candidate
            p = rng.choice(found)[0]
            near.append((p.latitude + rng.uniform(-1, 1), p.longitude + rng.uniform(-1, 1)))
        else:
            near.append((rng.uniform(-30.0, 60.0), rng.uniform(-110.0, 70.0)))
    if near and rng.random() < 0.3:
        near.append(near[0])  # the same place twice among the last five
    return Evidence(countries, tuple(near), area)


@pytest.mark.parametrize("seed", range(8))
def test_pick_and_points_read_as_the_plain_weighing(seed):
    rng = random.Random(seed)
    chosen = 0
    for _ in range(400):
        found = _candidates(rng, rng.choice([0, 1, 2, 5, 12, 40]))
        area = rng.choice([AREA, AREA, None])
        evidence = _evidence(rng, found, area)
        border = rng.choice([_border, None])
        written = rng.choice([*NAMES, ""])
        expected = _plain_pick(found, evidence, border, written)
        assert pick(found, evidence, border, written) == expected
        chosen += expected is not None
        for place, similarity in found[:4]:
            assert points(place, similarity, evidence, border) == _plain_weigh(
                place, similarity, evidence, border
            )
    assert chosen > 100  # the cases choose something often enough to mean something


def test_kept_candidates_asked_again_answer_as_fresh_ones(monkeypatch):
    """One `Candidates` asked with evidence after evidence (their distances kept, and dropped
    when KM_KEPT is reached) answers as one read anew for each question."""
    monkeypatch.setattr(choose, "KM_KEPT", 300)
    rng = random.Random(27)
    for _ in range(10):  # three names' candidates asked in turn with the same evidence
        kept = []
        for _ in range(3):
            found = _candidates(rng, rng.choice([1, 3, 9, 30]))
            written = rng.choice(NAMES)
            kept.append((found, written, Candidates(found, AREA, written)))
        for _ in range(40):
            evidence = _evidence(rng, rng.choice(kept)[0], AREA)
            for found, written, candidates in kept:
                fresh = Candidates(found, AREA, written)
                assert candidates.pick(evidence, _border) == fresh.pick(evidence, _border)
                assert candidates.weigh(evidence, _border) == fresh.weigh(evidence, _border)
    assert choose._KM_HELD[0] <= 300 + 30


def test_candidates_refuse_evidence_of_another_area():
    found = _candidates(random.Random(1), 3)
    with pytest.raises(ValueError):
        Candidates(found, AREA).pick(Evidence({}, (), None))


@pytest.mark.parametrize("seed", range(4))
def test_top_country_reads_as_the_sorted_counts(seed):
    rng = random.Random(seed)
    for _ in range(2_000):
        countries = {c: rng.choice([1, 2, 3]) for c in rng.sample(COUNTRIES, rng.randrange(6))}
        assert Evidence(countries).top_country == _top(countries)
