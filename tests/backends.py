"""The two places a build's tables can live, as a test fixture: SQLite files in the store
folder (always), and PostgreSQL (when CONFLICT_TEST_DATABASE_URL names a server whose role may
create databases; each test gets a database of its own, dropped after)."""

from __future__ import annotations

import os
import time
import uuid
from dataclasses import dataclass
from urllib.parse import urlsplit, urlunsplit

import pytest

TEST_URL = "CONFLICT_TEST_DATABASE_URL"
HOW_TO = (
    f"PostgreSQL store tests: set {TEST_URL} to a database whose role may create databases "
    "(as root, `make postgres` starts a local one and prints the value)"
)
NAMES = ["sqlite", "postgresql"]


@dataclass(frozen=True)
class Backend:
    """Which backend a test runs on, and what its errors and state look like."""

    name: str
    url: str | None = None  # CONFLICT_DATABASE_URL for this test (None: SQLite)

    @property
    def foreign_key_error(self) -> str:
        return "violates foreign key constraint" if self.url else "FOREIGN KEY constraint failed"

    @property
    def primary_key_error(self) -> str:
        if self.url:
            return 'could not create unique index "events_pkey"'
        return "UNIQUE constraint failed: events.event_id"

    def state(self) -> dict[str, object]:
        """What the database holds besides the store folder: build schemas and the pointer
        rows (empty for SQLite, whose builds are files in the folder)."""
        if not self.url:
            return {}
        import psycopg

        with psycopg.connect(self.url, autocommit=True) as conn:
            schemas = conn.execute(
                "SELECT nspname FROM pg_namespace WHERE nspname LIKE 'build\\_%' ORDER BY 1"
            ).fetchall()
            pointer = None
            if conn.execute("SELECT to_regclass('conflict_meta')").fetchone()[0]:
                pointer = conn.execute("SELECT key, value FROM conflict_meta ORDER BY 1").fetchall()
        return {"schemas": [s for (s,) in schemas], "pointer": pointer}


def _with_database(url: str, name: str) -> str:
    parts = urlsplit(url)
    return urlunsplit(parts._replace(path="/" + name))


@pytest.fixture(params=NAMES)
def backend(request, monkeypatch):
    """Each test that takes it runs once per backend; CONFLICT_DATABASE_URL set accordingly."""
    if request.param == "sqlite":
        monkeypatch.delenv("CONFLICT_DATABASE_URL", raising=False)
        yield Backend("sqlite")
        return
    server = os.environ.get(TEST_URL)
    if not server and os.environ.get("CI") == "true":
        pytest.fail(f"CI runs the PostgreSQL tests: {HOW_TO}")  # .ci/run sets it up
    if not server:
        pytest.skip(HOW_TO)
    psycopg = pytest.importorskip("psycopg", reason="psycopg is not installed (.[postgresql])")
    name = f"conflict_test_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(server, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    url = _with_database(server, name)
    monkeypatch.setenv("CONFLICT_DATABASE_URL", url)
    try:
        yield Backend("postgresql", url)
    finally:
        _drop(psycopg, server, name)


def _drop(psycopg, server: str, name: str, attempts: int = 5) -> None:
    """Drop a test database, again after a moment while a backend the role may not end (a
    worker the server started on it) is still there."""
    for attempt in range(attempts):
        try:
            with psycopg.connect(server, autocommit=True) as conn:
                conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            return
        except (psycopg.errors.InsufficientPrivilege, psycopg.errors.ObjectInUse):
            if attempt == attempts - 1:
                raise
            time.sleep(0.5 * (attempt + 1))
