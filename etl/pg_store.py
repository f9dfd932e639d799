"""Builds in PostgreSQL: one schema per build (etl/pg_database.py) and one pointer row.

    conflict_meta(key, value)      key 'current' -> the build readers see, 'previous' -> the one
                                   before it (a roll-back target)
    build_<build_id>.<table>       the tables of one build, written once, never edited

A build is written and committed in its own schema first (nobody reads it yet), then published
by updating the pointer row in one transaction: a reader reads the pointer and that build's
tables in one snapshot, with the tables locked against dropping, so it sees the old build or
the new one, never half. One writer at a time: a session-level advisory lock, which PostgreSQL
drops when the writer's connection ends, however it ends. The current build and the one before
it are kept; older ones and unpublished leftovers of a crashed writer are dropped.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager

import psycopg
from psycopg import sql

from etl.backend import shown_url
from etl.pg_database import (
    APPLICATION,
    build_ids,
    connect,
    drop_build,
    hold_build,
    read_build,
    write_build,
)
from etl.problems import StoreError
from etl.tables import Tables

POINTER_NAME = "public.conflict_meta"
POINTER = sql.Identifier("public", "conflict_meta")
LOCK_KEY = (0x636F6E66, 0x6C696374)  # 'conf', 'lict': the writers' advisory lock


def current_id(conn: psycopg.Connection) -> str | None:
    """The published build's id, or None when nothing has been published here yet."""
    if conn.execute("SELECT to_regclass(%s)", [POINTER_NAME]).fetchone()[0] is None:
        return None
    row = conn.execute(
        sql.SQL("SELECT value FROM {} WHERE key = 'current'").format(POINTER)
    ).fetchone()
    return row[0] if row else None


_checking: dict[str, psycopg.Connection] = {}  # url -> a connection kept for pointer checks
_checking_lock = threading.Lock()


def current_build_id(url: str) -> str | None:
    """The published build's id in the database at `url` (None: nothing published yet).

    The dashboard asks on every rerun, so one connection per process is kept for it (a new
    connection costs a login: 5-100 ms); a broken one is replaced once."""
    with _checking_lock:
        for attempt in (1, 2):
            conn = _checking.pop(url, None)
            try:
                if conn is None or conn.closed:
                    conn = psycopg.connect(url, autocommit=True, application_name=APPLICATION)
                found = current_id(conn)
            except psycopg.OperationalError as exc:
                if conn is not None:
                    conn.close()
                if attempt == 2:
                    reason = str(exc).strip().splitlines()[0] if str(exc).strip() else "no reply"
                    raise StoreError(f"{shown_url(url)}: could not connect ({reason})") from exc
            else:
                _checking[url] = conn
                return found
    raise AssertionError("not reached")


def read_current(url: str, skip: frozenset[str] = frozenset()) -> tuple[Tables, dict[str, str]]:
    """Every table of the published build, plus its meta rows, read in one snapshot."""
    with connect(url) as conn:
        conn.isolation_level = psycopg.IsolationLevel.REPEATABLE_READ
        conn.read_only = True
        try:
            with conn.transaction():
                # rows in the order they were written, as from SQLite: one scan from the start
                conn.execute("SET LOCAL synchronize_seqscans = off")
                conn.execute("SET LOCAL max_parallel_workers_per_gather = 0")
                build = current_id(conn)
                if build is None:
                    raise StoreError(
                        f"{shown_url(url)}: no build here; run `python -m etl build` first"
                    )
                hold_build(conn, build)
                return read_build(conn, build, skip)
        except psycopg.Error as exc:
            raise StoreError(f"{shown_url(url)}: not a readable store ({exc})") from exc


def stage(url: str, build_id: str, tables: Tables, meta: dict[str, str]) -> None:
    """Write a build's schema (committed, not yet what readers see)."""
    with connect(url) as conn:
        write_build(conn, build_id, tables, meta)


def unstage(url: str, build_id: str) -> None:
    """Drop a staged build that will not be published (its writer failed after staging).
    Best effort: the writer is already failing, and the next writer drops what is left."""
    try:
        with connect(url) as conn, conn.transaction():
            drop_build(conn, build_id)
    except (StoreError, psycopg.Error):
        pass


def publish(url: str, build_id: str) -> None:
    """Point readers at `build_id` (and remember the build it replaces) in one transaction."""
    table = POINTER
    with connect(url) as conn, conn.transaction():
        conn.execute(
            sql.SQL("CREATE TABLE IF NOT EXISTS {} (key text PRIMARY KEY, value text NOT NULL)")
            .format(table)
        )  # fmt: skip
        conn.execute(sql.SQL("GRANT SELECT ON {} TO PUBLIC").format(table))
        old = conn.execute(
            sql.SQL("SELECT value FROM {} WHERE key = 'current' FOR UPDATE").format(table)
        ).fetchone()
        rows = [("current", build_id)] + ([("previous", old[0])] if old else [])
        conn.cursor().executemany(
            sql.SQL(
                "INSERT INTO {} VALUES (%s, %s) ON CONFLICT (key) DO UPDATE SET value = "
                "excluded.value"
            ).format(table),
            rows,
        )


def prune(url: str, keep_previous: bool = True) -> list[str]:
    """Drop every build schema but the current one and the newest one before it (with
    `keep_previous`), including unpublished builds newer than the current one; return the
    ids dropped (before a first publish, every build is a crashed writer's leftover). The
    caller holds `locked`."""
    with connect(url) as conn, conn.transaction():
        current, builds = current_id(conn), build_ids(conn)
        older = [b for b in builds if current is not None and b < current]
        keep = {current, *(older[-1:] if keep_previous else [])} if current else set()
        dropped = [b for b in builds if b not in keep]
        for build in dropped:
            drop_build(conn, build)
    return dropped


def _holder(conn: psycopg.Connection) -> str:
    row = conn.execute(
        "SELECT a.pid, a.application_name, host(a.client_addr) FROM pg_locks l "
        "JOIN pg_stat_activity a ON a.pid = l.pid WHERE l.locktype = 'advisory' "
        "AND l.classid = %s AND l.objid = %s AND l.objsubid = 2 AND l.granted",
        [LOCK_KEY[0], LOCK_KEY[1]],
    ).fetchone()
    if row is None:
        return "another writer"
    pid, app, addr = row
    return f"another writer (server pid {pid}{f', {app}' if app else ''}, from {addr or 'local'})"


@contextmanager
def locked(
    url: str, wait_seconds: float = 600.0, on_wait: Callable[[str], None] | None = None
) -> Iterator[None]:
    """Be the database's only writer for the block: wait up to `wait_seconds` for another."""
    with connect(url, autocommit=True) as conn:
        deadline = time.monotonic() + wait_seconds
        told = False
        while not conn.execute("SELECT pg_try_advisory_lock(%s, %s)", LOCK_KEY).fetchone()[0]:
            holder = _holder(conn)
            if time.monotonic() >= deadline:
                raise StoreError(
                    f"{shown_url(url)}: {holder} is writing here; waited {wait_seconds:g} s. "
                    "Try again when it has finished."
                )
            if on_wait and not told:
                on_wait(f"waiting for {holder} to finish writing {shown_url(url)} ...")
                told = True
            time.sleep(0.1)
        try:
            yield
        finally:
            if not conn.closed:
                conn.execute("SELECT pg_advisory_unlock(%s, %s)", LOCK_KEY)
