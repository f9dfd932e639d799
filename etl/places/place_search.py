"""Looking a place up by name in every gazetteer the extractor uses, for people.

Analysts' places first (their corrections win), then the curated gazetteer, then the
facilities (dams, air bases, crossings, camps: data/geo/facilities.csv, by their names with or
without the kind's word), then GeoNames, each by the exact key and, when that finds nothing,
by transliteration (etl.places.namekey):
the same order the extractor resolves names in, so `etl geocode NAME` and the review page
answer what extraction would see. Each candidate says where it comes from, its country and,
given the article's other places, how far it is from them.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from etl.places.facilities import Facilities, FacilityRow, default_facilities
from etl.places.gazetteer import OfflineGazetteer, normalise_name
from etl.places.geonames import GeoNamesIndex, haversine_km


@dataclass(frozen=True)
class Candidate:
    """A place a name could mean."""

    name: str
    latitude: float
    longitude: float
    country: str
    source: str  # "analysts", "curated", "facility <id> (data/geo/facilities.csv)", "GeoNames <id>"
    place_id: str | None  # the project's id when it is already a project place
    population: int | None = None
    km_from_others: float | None = None  # to the nearest of the article's other places

    def line(self) -> str:
        far = "" if self.km_from_others is None else f"\t{self.km_from_others:,.0f} km away"
        people = "" if not self.population else f"\tpop. {self.population:,}"
        return (
            f"{self.name}\t{self.country or '?'}\t{self.latitude:.5f}\t{self.longitude:.5f}"
            f"\t{self.source}{people}{far}"
        )


def _from_rows(rows: Iterable[Mapping[str, Any]], source: str) -> list[Candidate]:
    return [
        Candidate(
            str(r["name"]),
            float(r["latitude"]),
            float(r["longitude"]),
            str(r.get("country") or ""),
            source,
            str(r["place_id"]),
        )
        for r in rows
    ]


def find_places(
    name: str,
    analysts: Sequence[Mapping[str, Any]],
    curated: Sequence[Mapping[str, Any]],
    geonames: GeoNamesIndex | None,
    near: Sequence[tuple[float, float]] = (),
    limit: int = 10,
    facilities: Facilities | None = None,
) -> list[Candidate]:
    """Every place `name` could mean, best first: project places, then GeoNames by nearness
    to `near` (the article's other places) and population."""
    key = normalise_name(name)
    mine, theirs = OfflineGazetteer(analysts), OfflineGazetteer(curated)
    found = _from_rows(mine.places_with_key(key) or mine.places_like(name), "analysts")
    found += _from_rows(theirs.places_with_key(key) or theirs.places_like(name), "curated")
    # a facility is no project place until an analyst chooses it (then saved as theirs); it
    # comes before GeoNames' towns only when named as a site ('Tishrin Dam', 'Camp Speicher'):
    # 'Tabqa' is first the town
    sites, bare = (default_facilities() if facilities is None else facilities).like(name)
    found += _from_facilities(sites)
    if geonames is not None:
        exact = geonames.candidates(name, limit=200)
        # other spellings of the name (Jerablus: Jarabulus) when GeoNames has no such key
        places = exact or [p for p, _ in geonames.loose_candidates(name)][:200]
        for p in places:
            found.append(
                Candidate(p.name, p.latitude, p.longitude, p.country_code,
                          f"GeoNames {p.geonameid}", None, p.population)
            )  # fmt: skip
    found += _from_facilities(bare)
    if near:
        found = [_with_distance(c, near) for c in found]
        project = [c for c in found if c.place_id]
        others = sorted(
            (c for c in found if not c.place_id),
            key=lambda c: (c.km_from_others // 100, -(c.population or 0)),
        )
        found = project + others
    return unique_candidates(found, limit)


def _from_facilities(rows: Iterable[FacilityRow]) -> list[Candidate]:
    return [
        Candidate(row.name, row.latitude, row.longitude, row.country,
                  f"facility {row.facility_id} (data/geo/facilities.csv, precision "
                  f"{row.geo_precision})", None)
        for row in rows
    ]  # fmt: skip


def _with_distance(c: Candidate, near: Sequence[tuple[float, float]]) -> Candidate:
    km = min(haversine_km((c.latitude, c.longitude), point) for point in near)
    return Candidate(**{**c.__dict__, "km_from_others": km})


def unique_candidates(found: Iterable[Candidate], limit: int | None = None) -> list[Candidate]:
    """Candidates found more than once (under several spellings), each once, in order."""
    seen, out = set(), []
    for c in found:
        key = (round(c.latitude, 3), round(c.longitude, 3), c.name.casefold())
        if key not in seen:
            seen.add(key)
            out.append(c)
    return out[:limit]
