"""One build's tables as one SQLite file: typed columns, primary and foreign keys, checked.

The file is written once, in one transaction, inside a build's staging folder (see
etl/store.py for how builds are published) and read back read-only; it is never edited.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable, Iterator
from contextlib import closing
from pathlib import Path

import pandas as pd

from etl.problems import StoreError
from etl.row_chunks import row_ranges
from etl.tables import TABLE_NAMES, WHOLE_NUMBERS, Tables

SCHEMA_VERSION = "5"  # 2: claims.mention_key, events.batch_id, reviewed_by, reviewed_at;
# 3: events.radius_km (the reach of an extracted region such as 'east of X'); 4: flows;
# 5: events.place_note (where a point its sentence does not name came from)

#: Primary key of each table (first column unless noted).
PRIMARY_KEYS = {
    "articles": "article_id",
    "article_texts": "article_id",
    "outlets": "outlet_id",
    "actors": "actor_id",
    "event_types": "event_type",
    "places": "place_id",
    "events": "event_id",
    "claims": "claim_id",
    "figures": "figure_id",
    "flows": "flow_id",
}

#: (table, column) -> referenced table, for SQLite's own foreign-key check.
FOREIGN_KEYS = {
    ("article_texts", "article_id"): "articles",
    ("events", "event_type"): "event_types",
    ("events", "place_id"): "places",
    ("claims", "event_id"): "events",
    ("claims", "article_id"): "articles",
    ("figures", "claim_id"): "claims",
    ("figures", "event_id"): "events",
    ("flows", "event_id"): "events",
    ("flows", "origin_place_id"): "places",
    ("flows", "destination_place_id"): "places",
    ("flows", "article_id"): "articles",
}


def _sql_type(series: pd.Series, whole: bool = False) -> str:
    """A column's SQL type; a whole-number column (`tables.WHOLE_NUMBERS`) is INTEGER even when
    a gap made its frame float64, so a store's types do not depend on which build made it."""
    if whole or pd.api.types.is_bool_dtype(series) or pd.api.types.is_integer_dtype(series):
        return "INTEGER"
    if pd.api.types.is_float_dtype(series):
        return "REAL"
    return "TEXT"


def _ddl(name: str, frame: pd.DataFrame) -> str:
    columns = []
    for column in frame.columns:
        spec = f'"{column}" {_sql_type(frame[column], column in WHOLE_NUMBERS.get(name, ()))}'
        if column == PRIMARY_KEYS.get(name):
            spec += " PRIMARY KEY NOT NULL"
        target = FOREIGN_KEYS.get((name, column))
        if target:
            spec += f' REFERENCES "{target}"("{PRIMARY_KEYS[target]}")'
        columns.append(spec)
    return f'CREATE TABLE "{name}" ({", ".join(columns)})'


ROW_CHUNK = 20_000  # rows turned into Python tuples at a time (fewer when they are long:
# etl/row_chunks.py): memory stays flat


def plain_rows(frame: pd.DataFrame) -> Iterator[tuple]:
    """The frame's rows as tuples of plain values (None for missing), a chunk at a time."""
    for rows in row_ranges(frame, ROW_CHUNK):
        part = frame.iloc[rows.start : rows.stop]
        clean = part.astype(object).where(part.notna(), None)
        yield from clean.itertuples(index=False, name=None)


def _write_all(
    conn: sqlite3.Connection, chunks: Iterable[Tables], meta: Callable[[], dict[str, str]]
) -> None:
    conn.execute("PRAGMA foreign_keys = ON")
    with conn:  # one transaction
        made: set[str] = set()
        for tables in chunks:
            for name in TABLE_NAMES:
                frame = tables[name]
                if name not in made:  # the first chunk's columns and dtypes make the table
                    conn.execute(_ddl(name, frame))
                    made.add(name)
                marks = ", ".join("?" for _ in frame.columns)
                conn.executemany(f'INSERT INTO "{name}" VALUES ({marks})', plain_rows(frame))
        conn.execute("CREATE TABLE meta (key TEXT PRIMARY KEY NOT NULL, value TEXT)")
        conn.executemany("INSERT INTO meta VALUES (?, ?)", sorted(meta().items()))
        broken = conn.execute("PRAGMA foreign_key_check").fetchall()
        if broken:
            raise StoreError(f"foreign key check failed: {broken[:5]}")


def write_database(path: Path, tables: Tables, meta: dict[str, str] | None = None) -> None:
    """Write every table into a new SQLite file at `path` and check it; raise StoreError."""
    write_database_chunks(path, [tables], lambda: meta or {})


def write_database_chunks(
    path: Path, chunks: Iterable[Tables], meta: Callable[[], dict[str, str]]
) -> None:
    """As write_database, for tables that come a chunk at a time (a large synthetic store:
    its memory is one chunk's, not the whole store's). Every chunk holds every table (empty
    ones too); a row may refer to rows of its own or earlier chunks. `meta()` is called once
    the last chunk is written (a digest of every chunk can go in it)."""
    if path.exists():
        raise StoreError(f"{path}: already exists; a database is written once, never edited")
    try:
        with closing(sqlite3.connect(path)) as conn:
            _write_all(conn, chunks, lambda: {"schema_version": SCHEMA_VERSION, **meta()})
            if conn.execute("PRAGMA integrity_check").fetchone()[0] != "ok":
                raise StoreError(f"{path}: SQLite integrity check failed on the new store")
    except sqlite3.Error as exc:
        raise StoreError(f"{path}: could not write the new store ({exc})") from exc


def read_database(path: Path, skip: frozenset[str] = frozenset()) -> tuple[Tables, dict[str, str]]:
    """Every table of one database file as a DataFrame, plus its meta rows (read-only).

    A table named in `skip` is not read: it comes back empty, with its columns (the
    dashboard never reads `article_texts`, a third of a large store's memory)."""
    if not path.is_file():
        raise StoreError(f"{path}: no store here; run `python -m etl build` first")
    # immutable: a published build never changes, so SQLite takes no locks and writes nothing
    uri = f"{path.resolve().as_uri()}?mode=ro&immutable=1"
    try:
        with closing(sqlite3.connect(uri, uri=True)) as conn:
            meta = dict(conn.execute("SELECT key, value FROM meta").fetchall())
            if meta.get("schema_version") != SCHEMA_VERSION:
                raise StoreError(
                    f"{path}: schema version {meta.get('schema_version')!r}, expected "
                    f"{SCHEMA_VERSION!r}; rebuild with `python -m etl build`"
                )
            tables = {
                name: pd.read_sql_query(
                    f'SELECT * FROM "{name}"' + (" LIMIT 0" if name in skip else ""), conn
                )
                for name in TABLE_NAMES
            }
    except (sqlite3.DatabaseError, pd.errors.DatabaseError) as exc:
        raise StoreError(f"{path}: not a readable store ({exc})") from exc
    return tables, meta
