"""The embedded store: one SQLite file, replaced whole or not at all.

A build writes every table into a new file beside the old one inside one transaction, checks
it, and only then renames it over the old store (an atomic rename on POSIX). A failed build
leaves the previous store exactly as it was.
"""

from __future__ import annotations

import os
import sqlite3
import tempfile
from contextlib import closing
from pathlib import Path

import pandas as pd

from etl.tables import TABLE_NAMES, Tables

SCHEMA_VERSION = "1"

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
}


class StoreError(Exception):
    """The store could not be written or read."""


def _sql_type(series: pd.Series) -> str:
    if pd.api.types.is_bool_dtype(series) or pd.api.types.is_integer_dtype(series):
        return "INTEGER"
    if pd.api.types.is_float_dtype(series):
        return "REAL"
    return "TEXT"


def _ddl(name: str, frame: pd.DataFrame) -> str:
    columns = []
    for column in frame.columns:
        spec = f'"{column}" {_sql_type(frame[column])}'
        if column == PRIMARY_KEYS.get(name):
            spec += " PRIMARY KEY NOT NULL"
        target = FOREIGN_KEYS.get((name, column))
        if target:
            spec += f' REFERENCES "{target}"("{PRIMARY_KEYS[target]}")'
        columns.append(spec)
    return f'CREATE TABLE "{name}" ({", ".join(columns)})'


def _rows(frame: pd.DataFrame) -> list[tuple]:
    clean = frame.astype(object).where(frame.notna(), None)
    return [tuple(row) for row in clean.itertuples(index=False, name=None)]


def _write_all(conn: sqlite3.Connection, tables: Tables, meta: dict[str, str]) -> None:
    conn.execute("PRAGMA foreign_keys = ON")
    with conn:  # one transaction
        conn.execute("CREATE TABLE meta (key TEXT PRIMARY KEY NOT NULL, value TEXT)")
        conn.executemany("INSERT INTO meta VALUES (?, ?)", sorted(meta.items()))
        for name in TABLE_NAMES:
            frame = tables[name]
            conn.execute(_ddl(name, frame))
            marks = ", ".join("?" for _ in frame.columns)
            conn.executemany(f'INSERT INTO "{name}" VALUES ({marks})', _rows(frame))
        broken = conn.execute("PRAGMA foreign_key_check").fetchall()
        if broken:
            raise StoreError(f"foreign key check failed: {broken[:5]}")


def write_store(path: Path, tables: Tables, meta: dict[str, str] | None = None) -> None:
    """Write all tables to `path`, replacing any old store only once the new one is complete."""
    os.replace(stage_store(path, tables, meta), path)


def stage_store(path: Path, tables: Tables, meta: dict[str, str] | None = None) -> Path:
    """Write and check a complete new store beside `path`; return it (nothing replaced yet)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=path.name + ".", suffix=".tmp", dir=path.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        with closing(sqlite3.connect(tmp)) as conn:
            _write_all(conn, tables, {"schema_version": SCHEMA_VERSION, **(meta or {})})
            if conn.execute("PRAGMA integrity_check").fetchone()[0] != "ok":
                raise StoreError("SQLite integrity check failed on the new store")
    except sqlite3.Error as exc:
        tmp.unlink(missing_ok=True)
        raise StoreError(
            f"{path}: could not write the new store ({exc}); the old one is kept"
        ) from exc
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return tmp


def read_store(path: Path) -> tuple[Tables, dict[str, str]]:
    """Every table of the store as a DataFrame, plus its meta rows."""
    if not path.exists():
        raise StoreError(f"{path}: no store here; run `python -m etl build` first")
    uri = f"file:{path.resolve()}?mode=ro"
    try:
        with closing(sqlite3.connect(uri, uri=True)) as conn:
            meta = dict(conn.execute("SELECT key, value FROM meta").fetchall())
            if meta.get("schema_version") != SCHEMA_VERSION:
                raise StoreError(
                    f"{path}: schema version {meta.get('schema_version')!r}, expected "
                    f"{SCHEMA_VERSION!r}; rebuild with `python -m etl build`"
                )
            tables = {
                name: pd.read_sql_query(f'SELECT * FROM "{name}"', conn) for name in TABLE_NAMES
            }
    except sqlite3.DatabaseError as exc:
        raise StoreError(f"{path}: not a readable store ({exc})") from exc
    return tables, meta
