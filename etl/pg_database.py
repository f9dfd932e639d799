"""One build's tables as one PostgreSQL schema, `build_<build_id>`: the PostgreSQL twin of
etl/database.py (same tables, column types, primary and foreign keys, and meta rows).

A build's schema is written once, in one transaction (COPY, then keys, checked as they are
added), and never edited; which build readers see is etl/pg_store.py's business. Tables are
read back into frames of the same dtypes as from SQLite, so every reader gets equal frames
from either backend.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import pandas as pd
import psycopg
from psycopg import sql

from etl.backend import SCHEMA_PREFIX, shown_url
from etl.database import FOREIGN_KEYS, PRIMARY_KEYS, SCHEMA_VERSION, _sql_type, plain_rows
from etl.problems import StoreError
from etl.tables import TABLE_NAMES, WHOLE_NUMBERS, Tables

APPLICATION = "conflict-timeline"  # shown in pg_stat_activity (and so in the lock's message)
PG_TYPES = {"INTEGER": "bigint", "REAL": "double precision", "TEXT": "text"}


def schema_name(build_id: str) -> str:
    """The schema that holds a build's tables."""
    return SCHEMA_PREFIX + build_id


def build_id_of(schema: str) -> str | None:
    """The build id a schema holds, or None for any other schema."""
    return schema[len(SCHEMA_PREFIX) :] if schema.startswith(SCHEMA_PREFIX) else None


@contextmanager
def connect(url: str, autocommit: bool = False) -> Iterator[psycopg.Connection]:
    """A connection to the database at `url`, closed after the block; a failure to connect
    is a StoreError naming the database without its password."""
    try:
        conn = psycopg.connect(url, autocommit=autocommit, application_name=APPLICATION)
    except psycopg.Error as exc:
        raise StoreError(f"{shown_url(url)}: could not connect ({_first_line(exc)})") from exc
    with conn:
        yield conn


def _first_line(exc: BaseException) -> str:
    return (str(exc).strip().splitlines() or [type(exc).__name__])[0]


def table_ddl(schema: str, name: str, frame: pd.DataFrame) -> sql.Composed:
    """CREATE TABLE for one frame: typed columns; keys are added after the rows are in."""
    columns = [
        sql.SQL("{} {}{}").format(
            sql.Identifier(column),
            sql.SQL(PG_TYPES[_sql_type(frame[column], column in WHOLE_NUMBERS.get(name, ()))]),
            sql.SQL(" NOT NULL" if column == PRIMARY_KEYS.get(name) else ""),
        )
        for column in frame.columns
    ]
    return sql.SQL("CREATE TABLE {}.{} ({})").format(
        sql.Identifier(schema), sql.Identifier(name), sql.SQL(", ").join(columns)
    )


def key_ddl(schema: str, tables: Tables) -> list[sql.Composed]:
    """Primary keys, then foreign keys, as in the SQLite file (each checked when added)."""
    statements = []
    for name in TABLE_NAMES:
        key = PRIMARY_KEYS.get(name)
        if key in tables[name].columns:
            statements.append(
                sql.SQL("ALTER TABLE {}.{} ADD PRIMARY KEY ({})").format(
                    sql.Identifier(schema), sql.Identifier(name), sql.Identifier(key)
                )
            )
    foreign = sql.SQL("ALTER TABLE {s}.{t} ADD FOREIGN KEY ({c}) REFERENCES {s}.{r} ({k})")
    for (name, column), target in FOREIGN_KEYS.items():
        if column in tables[name].columns:
            statements.append(
                foreign.format(
                    s=sql.Identifier(schema),
                    t=sql.Identifier(name),
                    c=sql.Identifier(column),
                    r=sql.Identifier(target),
                    k=sql.Identifier(PRIMARY_KEYS[target]),
                )
            )
    return statements


def _copy_rows(frame: pd.DataFrame, whole: tuple[str, ...] = ()) -> Iterator[tuple]:
    """Rows as SQLite would store them: booleans as 0/1 (the column is an integer), and a
    whole-number column that a gap made float64 as ints (COPY reads "38.0" as no bigint)."""
    casts = {c: "int64" for c in frame.columns if pd.api.types.is_bool_dtype(frame[c])}
    casts |= {c: "Int64" for c in whole if c in frame.columns
              and pd.api.types.is_float_dtype(frame[c])}  # fmt: skip
    return plain_rows(frame.astype(casts) if casts else frame)


def write_build(
    conn: psycopg.Connection, build_id: str, tables: Tables, meta: dict[str, str]
) -> None:
    """Write every table into the new schema of `build_id`, in one transaction; raise
    StoreError (and leave nothing) when it cannot be written or a key does not hold."""
    schema = schema_name(build_id)
    ident = sql.Identifier(schema)
    try:
        with conn.transaction(), conn.cursor() as cur:
            cur.execute(sql.SQL("CREATE SCHEMA {}").format(ident))
            cur.execute(
                sql.SQL("CREATE TABLE {}.meta (key text PRIMARY KEY, value text)").format(ident)
            )
            rows = sorted({"schema_version": SCHEMA_VERSION, **meta}.items())
            cur.executemany(sql.SQL("INSERT INTO {}.meta VALUES (%s, %s)").format(ident), rows)
            for name in TABLE_NAMES:
                frame = tables[name]
                cur.execute(table_ddl(schema, name, frame))
                copy_sql = sql.SQL("COPY {}.{} FROM STDIN").format(ident, sql.Identifier(name))
                with cur.copy(copy_sql) as copy:
                    for row in _copy_rows(frame, WHOLE_NUMBERS.get(name, ())):
                        copy.write_row(row)
            for statement in key_ddl(schema, tables):
                cur.execute(statement)
            # Readers (any role that may connect) read every build; only the writer changes it.
            cur.execute(sql.SQL("GRANT USAGE ON SCHEMA {} TO PUBLIC").format(ident))
            cur.execute(sql.SQL("GRANT SELECT ON ALL TABLES IN SCHEMA {} TO PUBLIC").format(ident))
    except psycopg.errors.IntegrityError as exc:
        raise StoreError(f"{schema}: key check failed ({_first_line(exc)})") from exc
    except psycopg.Error as exc:
        raise StoreError(f"{schema}: could not write the new build ({_first_line(exc)})") from exc


def build_ids(conn: psycopg.Connection) -> list[str]:
    """Every build schema's id, oldest first (ids start with their UTC time)."""
    rows = conn.execute(
        "SELECT nspname FROM pg_namespace WHERE starts_with(nspname, %s)", [SCHEMA_PREFIX]
    ).fetchall()
    return sorted(filter(None, (build_id_of(name) for (name,) in rows)))


def drop_build(conn: psycopg.Connection, build_id: str) -> None:
    """Remove a build's schema and its tables (in the caller's transaction)."""
    conn.execute(
        sql.SQL("DROP SCHEMA IF EXISTS {} CASCADE").format(sql.Identifier(schema_name(build_id)))
    )


def hold_build(conn: psycopg.Connection, build_id: str) -> None:
    """Lock the build's tables for reading until the transaction ends, so a writer cannot drop
    them halfway through this reader."""
    ident = sql.Identifier(schema_name(build_id))
    names = sql.SQL(", ").join(
        sql.SQL("{}.{}").format(ident, sql.Identifier(n)) for n in ("meta", *TABLE_NAMES)
    )
    conn.execute(sql.SQL("LOCK TABLE {} IN ACCESS SHARE MODE").format(names))


def read_build(
    conn: psycopg.Connection, build_id: str, skip: frozenset[str] = frozenset()
) -> tuple[Tables, dict[str, str]]:
    """Every table of one build as a DataFrame (dtypes as read from SQLite), plus its meta
    rows; a table named in `skip` comes back empty, with its columns."""
    schema = schema_name(build_id)
    ident = sql.Identifier(schema)
    meta = dict(conn.execute(sql.SQL("SELECT key, value FROM {}.meta").format(ident)).fetchall())
    if meta.get("schema_version") != SCHEMA_VERSION:
        raise StoreError(
            f"{schema}: schema version {meta.get('schema_version')!r}, expected "
            f"{SCHEMA_VERSION!r}; rebuild with `python -m etl build`"
        )
    tables = {}
    for name in TABLE_NAMES:
        query = sql.SQL("SELECT * FROM {}.{}{}").format(
            ident, sql.Identifier(name), sql.SQL(" LIMIT 0" if name in skip else "")
        )
        with conn.cursor() as cur:
            cur.execute(query)
            columns = [column.name for column in cur.description]
            # as pandas.read_sql_query builds a frame from sqlite3's rows: same dtypes
            tables[name] = pd.DataFrame.from_records(
                cur.fetchall(), columns=columns, coerce_float=True
            )
    return tables, meta
