"""Towns GeoNames' cities500 lacks (Hammam al-Alil, Jalawla, Palma in Mozambique), from the
curated table `data/curated/towns.csv`: each row a town with its coordinates, other names,
ISO country code, a rough population and the source of its coordinates.

They join the GeoNames index (`etl.places.geonames.GeoNamesIndex`) as places of their own, so
the resolver weighs them as it weighs any GeoNames town: found only in a place slot, taken
only with evidence (their country named, near the article's other places, in the area of
interest). Unlike the curated places of `places.csv`, they are not trusted wherever their
name appears and they do not widen the area of interest.

Each town gets a negative id (GeoNames' own are positive), made from its `place_id`, so the
id a town is stored under does not change when rows are added or moved: `gn:-<n>`.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from pydantic import Field

from etl.places.gazetteer import normalise_name
from etl.places.geonames_build import loose_names, place_keys
from etl.problems import InputError, Problem, display_path
from etl.rows import read_rows
from etl.schemas import NonEmpty, Row, Slug
from etl.settings import ROOT

TOWNS = ROOT / "data" / "curated" / "towns.csv"
ID_SPACE = 2**31  # ids run from -1 to -ID_SPACE


class TownRow(Row):
    place_id: Slug
    name: NonEmpty
    aliases: str | None = None
    kind: NonEmpty
    latitude: float = Field(ge=-90, le=90)
    longitude: float = Field(ge=-180, le=180)
    admin1: str | None = None
    country: str = Field(pattern=r"^[A-Z]{2}$")  # ISO 3166-1 alpha-2, as GeoNames codes it
    population: int = Field(ge=0)
    source: NonEmpty

    @property
    def other_names(self) -> tuple[str, ...]:
        return tuple(a.strip() for a in (self.aliases or "").split("|") if a.strip())


def town_id(place_id: str) -> int:
    """The negative id of a town, from its place_id (stable, never a GeoNames id)."""
    return -(zlib.crc32(place_id.encode("utf-8")) % ID_SPACE) - 1


@dataclass(frozen=True)
class Towns:
    """The table's towns, ready to be looked up by name key and transliteration key."""

    rows: dict[int, TownRow] = field(default_factory=dict)
    keys: dict[str, tuple[int, ...]] = field(default_factory=dict)  # normalise_name keys
    loose: dict[str, tuple[tuple[int, str], ...]] = field(default_factory=dict)  # key: (id, soft)

    @classmethod
    def of(cls, rows: Iterable[TownRow]) -> Towns:
        by_id: dict[int, TownRow] = {}
        keys: dict[str, list[int]] = {}
        loose: dict[str, list[tuple[int, str]]] = {}
        for row in rows:
            ident = town_id(row.place_id)
            by_id[ident] = row
            for key in sorted(place_keys(row.name, row.other_names)):
                keys.setdefault(key, []).append(ident)
            for key, soft in sorted(loose_names(row.name, row.other_names)):
                loose.setdefault(key, []).append((ident, soft))
        return cls(
            by_id,
            {k: tuple(v) for k, v in keys.items()},
            {k: tuple(v) for k, v in loose.items()},
        )

    def __len__(self) -> int:
        return len(self.rows)

    def __iter__(self) -> Iterator[tuple[int, TownRow]]:
        return iter(self.rows.items())

    def with_key(self, name: str) -> tuple[int, ...]:
        """Ids of the towns one of whose names has the matching key of `name`."""
        return self.keys.get(normalise_name(name or ""), ())

    def with_loose_key(self, key: str) -> tuple[tuple[int, str], ...]:
        """(id, soft form) of the towns one of whose names has this transliteration key."""
        return self.loose.get(key, ())


def read_towns(path: Path = TOWNS) -> Towns:
    """The towns of the table; a missing file is no towns, a bad row an InputError naming
    its line (as for every curated table), two rows under one id too."""
    if not path.exists():
        return Towns()
    label = display_path(path, ROOT)
    located, problems = read_rows(path, TownRow, label)
    seen: dict[int, int] = {}
    for item in located:
        ident = town_id(item.row.place_id)
        if ident in seen:
            problems.append(
                Problem(label, item.line, f"place_id '{item.row.place_id}' has the id of the "
                        f"row on line {seen[ident]}; choose another place_id")
            )  # fmt: skip
        seen.setdefault(ident, item.line)
    if problems:
        raise InputError(problems)
    return Towns.of(item.row for item in located)


@lru_cache(maxsize=4)
def default_towns(path: Path = TOWNS) -> Towns:
    """The curated towns table, read once."""
    return read_towns(path)


def town_source(place_id: str, towns: Towns | None = None) -> str | None:
    """'data/curated/towns.csv <place_id>: <source>' for a stored id 'gn:-<n>' of a town,
    None for any other id."""
    text = str(place_id)
    if not text.startswith("gn:-"):
        return None
    try:
        ident = int(text[3:])
    except ValueError:
        return None
    row = (towns if towns is not None else default_towns()).rows.get(ident)
    if row is None:
        return None
    return f"{display_path(TOWNS, ROOT)} {row.place_id}: {row.source}"
