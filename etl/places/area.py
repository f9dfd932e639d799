"""The area of interest: where the project's events are, so where a town's name is first
looked for. A place outside it is taken only with evidence from the article (its country
named, or beside another place the article names); a foreign homonym never wins by default.

The area is a box of latitude and longitude plus the project's home countries. By default
it is the area the data covers: the box around the curated (and analysts') specific places
near the middle of the data, widened by MARGIN_DEG, and the countries those places are in.
`CONFLICT_AREA="south,west,north,east"` (optionally `;SY,IQ` for the countries) sets another.
"""

from __future__ import annotations

import os
import statistics
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from etl.places.geonames import haversine_km
from etl.problems import InputError, Problem

MARGIN_DEG = 1.0
CORE_KM = 1500.0  # places farther than this from the data's middle are outliers (London)
ENV = "CONFLICT_AREA"


@dataclass(frozen=True)
class AreaOfInterest:
    south: float
    west: float
    north: float
    east: float
    countries: frozenset[str] = frozenset()

    def contains(self, latitude: float, longitude: float, country: str | None = None) -> bool:
        """Inside the box, or in one of the home countries."""
        if country and country in self.countries:
            return True
        return self.south <= latitude <= self.north and self.west <= longitude <= self.east

    @classmethod
    def parse(cls, text: str, source: str = ENV) -> AreaOfInterest:
        """'south,west,north,east' or 'south,west,north,east;SY,IQ'; a bad value is named."""
        box, _, codes = text.partition(";")
        try:
            south, west, north, east = (float(v) for v in box.split(","))
        except ValueError:
            south = west = north = east = float("nan")
        if not (-90 <= south < north <= 90 and -180 <= west < east <= 180):
            raise InputError(
                [Problem(source, None, f"{text!r} is not 'south,west,north,east[;SY,IQ]'")]
            )
        countries = frozenset(c.strip().upper() for c in codes.split(",") if c.strip())
        return cls(south, west, north, east, countries)


EVERYWHERE = AreaOfInterest(-90.0, -180.0, 90.0, 180.0)


def default_area(
    places: Iterable[Mapping[str, Any]], country_code: Callable[[str], str | None]
) -> AreaOfInterest:
    """The box around the specific places (geo precision 1-2) near the data's middle, plus
    MARGIN_DEG, and their countries; EVERYWHERE when there are none."""
    points = [
        (float(p["latitude"]), float(p["longitude"]), str(p.get("country") or ""))
        for p in places
        if int(p.get("geo_precision") or 1) <= 2
    ]
    if not points:
        return EVERYWHERE
    middle = (statistics.median(p[0] for p in points), statistics.median(p[1] for p in points))
    core = [p for p in points if haversine_km(middle, (p[0], p[1])) <= CORE_KM]
    codes = frozenset(c for c in (country_code(p[2]) for p in core if p[2]) if c)
    return AreaOfInterest(
        min(p[0] for p in core) - MARGIN_DEG,
        min(p[1] for p in core) - MARGIN_DEG,
        max(p[0] for p in core) + MARGIN_DEG,
        max(p[1] for p in core) + MARGIN_DEG,
        codes,
    )


def configured_area(
    places: Iterable[Mapping[str, Any]], country_code: Callable[[str], str | None]
) -> AreaOfInterest:
    """CONFLICT_AREA when set, else the default area of the data."""
    value = os.environ.get(ENV, "").strip()
    return AreaOfInterest.parse(value) if value else default_area(places, country_code)
