"""A published build's tables, read from its database when asked for (no Streamlit).

The reader's first page needs every event but only a few columns of the big tables (which
outlets and claimants each event has, which quantities its figures give); the quotes, the
sentences and the articles' texts are read for the one event whose detail is open. At
1,000,000 events the claims alone are 3,000,000 rows: read whole, with the claim frame made
from them, they were most of the 10.4 GiB the server held (issue 10).

`LazyTables` is a read-only mapping of every table name: `tables[name]` reads the whole table
the first time and keeps it (the analysts' pages, the downloads); `columns(name, [...])` reads
just those columns (kept only if the whole table already is); `by_rowid(name, rowids)` reads
some rows. A build is immutable, so what is read later is what was there at load.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator, Mapping, Sequence
from contextlib import closing
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from dashboard.columns import arrow_values
from etl.problems import StoreError
from etl.tables import TABLE_NAMES

#: The name of SQLite's row id when asked for with `columns(..., rowid=True)`.
ROWID = "_rowid"
#: Rows fetched from SQLite at a time.
FETCH_ROWS = 100_000
#: Row ids asked for in one statement (SQLite's limit on bound parameters is 32,766).
ROWIDS_PER_QUERY = 10_000


class LazyTables(Mapping[str, pd.DataFrame]):
    """Every table of one build's database, each read when first asked for."""

    def __init__(
        self, database: Path, eager: Sequence[str] = (), skip: frozenset[str] = frozenset()
    ) -> None:
        self.database, self.skip = database, skip  # skip: read empty, with their columns
        self._frames: dict[str, pd.DataFrame] = {}
        self._lock = threading.Lock()
        for name in eager:
            self[name]

    def _query(self, sql: str, params: Sequence = ()) -> pd.DataFrame:
        """The rows of one statement, fetched a chunk at a time: a million rows fetched at
        once were 25 million Python objects, most of the loader's peak memory."""
        uri = f"{self.database.resolve().as_uri()}?mode=ro&immutable=1"
        try:
            with closing(sqlite3.connect(uri, uri=True)) as conn:
                chunks = pd.read_sql_query(sql, conn, params=list(params), chunksize=FETCH_ROWS)
                parts = list(chunks)
                if len(parts) == 1:
                    return parts[0]
                if not parts:  # no rows: the columns, as a whole read gives them
                    return pd.read_sql_query(sql, conn, params=list(params))
                return pd.concat(parts, ignore_index=True)
        except (sqlite3.DatabaseError, pd.errors.DatabaseError) as exc:
            raise StoreError(f"{self.database}: not a readable store ({exc})") from exc

    def __getitem__(self, name: str) -> pd.DataFrame:
        if name not in TABLE_NAMES:
            raise KeyError(name)
        with self._lock:  # two sessions asking at once read it once
            if name not in self._frames:
                limit = " LIMIT 0" if name in self.skip else ""
                self._frames[name] = self._query(f'SELECT * FROM "{name}"{limit}')
            return self._frames[name]

    def __iter__(self) -> Iterator[str]:
        return iter(TABLE_NAMES)

    def __len__(self) -> int:
        return len(TABLE_NAMES)

    def loaded(self, name: str) -> bool:
        """Whether the whole table is in memory."""
        return name in self._frames

    def columns(
        self, name: str, columns: Sequence[str] | None, rowid: bool = False
    ) -> pd.DataFrame:
        """Those columns (None: all) of every row, and SQLite's row id as `_rowid` when asked;
        kept only if the whole table already is."""
        if name not in TABLE_NAMES:
            raise KeyError(name)
        if self.loaded(name) and not rowid:
            frame = self._frames[name]
            return frame if columns is None else frame[list(columns)]
        quoted = "*" if columns is None else ", ".join(f'"{c}"' for c in columns)
        head = f"rowid AS {ROWID}, " if rowid else ""
        return self._query(f'SELECT {head}{quoted} FROM "{name}"')

    def by_rowid(self, name: str, rowids: Sequence[int]) -> pd.DataFrame:
        """The whole rows with these row ids (in row id order)."""
        if name not in TABLE_NAMES:
            raise KeyError(name)
        ids = sorted({int(r) for r in rowids})
        parts = [
            self._query(
                f'SELECT * FROM "{name}" WHERE rowid IN ({", ".join("?" * len(chunk))})'
                " ORDER BY rowid",
                chunk,
            )
            for chunk in (
                ids[k : k + ROWIDS_PER_QUERY] for k in range(0, len(ids), ROWIDS_PER_QUERY)
            )
        ]
        if not parts:
            return self._query(f'SELECT * FROM "{name}" LIMIT 0')
        return pd.concat(parts, ignore_index=True) if len(parts) > 1 else parts[0]

    def by_key(self, name: str, column: str, values: Sequence[str]) -> pd.DataFrame:
        """The whole rows whose `column` is one of `values` (use on an indexed column: a
        primary key)."""
        if name not in TABLE_NAMES:
            raise KeyError(name)
        values = list(dict.fromkeys(values))[:ROWIDS_PER_QUERY]
        marks = ", ".join("?" * len(values)) or "NULL"
        return self._query(f'SELECT * FROM "{name}" WHERE "{column}" IN ({marks})', values)


class RowsByKey:
    """Row ids of a table by a key column (claims by event), to read one event's rows.

    Each row's key is replaced by its position among `universe` (the events' ids, hashed once
    by Arrow), the row ids sorted by it, and each position's first row kept (`offsets`); a
    key is found by one scan of the universe: 8 bytes a row and 8 an event, no Python string
    per row. Rows whose key is not in the universe are not found."""

    def __init__(self, universe: pd.Series, keys: pd.Series, rowids: np.ndarray) -> None:
        found = pc.index_in(arrow_values(keys), value_set=arrow_values(universe)).fill_null(-1)
        positions = found.to_numpy(zero_copy_only=False).astype(np.int32)
        order = np.argsort(positions, kind="stable")
        positions = positions[order]
        offsets = np.searchsorted(positions, np.arange(len(universe) + 1), side="left")
        rowids = np.asarray(rowids, dtype=np.int64)[order]
        start = offsets[0]  # the rows of no event in the universe come first: dropped
        self._set(universe, offsets - start, rowids[start:])

    @classmethod
    def from_offsets(
        cls, universe: pd.Series, offsets: np.ndarray, rowids: np.ndarray
    ) -> RowsByKey:
        """As made, from `offsets` (the first of each key's row ids, and their count last)."""
        rows = cls.__new__(cls)
        rows._set(universe, offsets, rowids)
        return rows

    def _set(self, universe: pd.Series, offsets: np.ndarray, rowids: np.ndarray) -> None:
        self.universe = arrow_values(universe)
        self.offsets = np.asarray(offsets, dtype=np.int64)
        self.rowids = np.asarray(rowids, dtype=np.int64)

    def __call__(self, key: str) -> np.ndarray:
        """The row ids with this key (none: an empty array)."""
        at = pc.index(self.universe, pa.scalar(key, self.universe.type)).as_py()
        if at < 0:
            return self.rowids[:0]
        return self.rowids[self.offsets[at] : self.offsets[at + 1]]


#: Tables read whole and kept when a build is opened for the reader's page (the small ones;
#: the events are read once into the reader's event frame, not kept a second time).
EAGER = ("outlets", "actors", "event_types", "places", "flows")


def open_build(
    store: Path, skip: frozenset[str] = frozenset()
) -> tuple[LazyTables, dict[str, str]]:
    """The published build's tables (the small ones and the events read, the rest on demand)
    and its meta rows; a plain database file (the layout before builds) is opened as it is."""
    from etl.database import SCHEMA_VERSION
    from etl.store import DATABASE, current_build

    build = current_build(store) if store.is_dir() else None
    database = store if store.is_file() else (build / DATABASE if build else None)
    if database is None or not database.is_file():
        raise StoreError(f"{store}: no build here; run `python -m etl build` first")
    tables = LazyTables(database, skip=skip)
    meta = tables._query("SELECT key, value FROM meta")
    meta = dict(zip(meta["key"], meta["value"]))
    if meta.get("schema_version") != SCHEMA_VERSION:
        raise StoreError(
            f"{database}: schema version {meta.get('schema_version')!r}, expected "
            f"{SCHEMA_VERSION!r}; rebuild with `python -m etl build`"
        )
    for name in EAGER:
        tables[name]
    return tables, meta
