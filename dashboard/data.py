"""Where the dashboard's data comes from: the store if built, else the embedded default data."""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from dashboard.lazy_tables import open_build
from dashboard.text import markdown_text
from etl import inbox
from etl.backend import database_url
from etl.build import build_tables
from etl.problems import InputError
from etl.settings import Paths
from etl.store import StoreError, current_build, read_store
from etl.tables import Tables

#: What loading the data may raise that the page explains instead of a traceback.
LOAD_ERRORS = (StoreError, OSError, InputError)


@dataclass(frozen=True)
class Loaded:
    tables: Tables
    origin: str  # a sentence for the page footer
    batch_names: dict[str, str] = field(default_factory=dict)  # as the build recorded them
    build_id: str | None = None  # a store's build (its reader file is keyed by it)


#: Tables the dashboard never reads, left unread (article_texts: 122 of 323 MB at 100k events).
UNREAD = frozenset({"article_texts"})


def load_tables(paths: Paths, lazy: bool = False) -> Loaded:
    """Read the store; when there is none yet, build the tables in memory from seeds + curated.

    Nothing is written here: the app never changes the store behind the analyst's back.
    The tables in `UNREAD` come back empty from a store. `lazy`: read the small tables and
    the events now, the others when asked for, whole or a few columns
    (`dashboard.lazy_tables`: what the app does; at 1,000,000 events the claims alone are
    3,000,000 rows).
    """
    # lazily: the SQLite build's file, read a few columns at a time; a PostgreSQL build is
    # read whole (etl/pg_store.py)
    sqlite = database_url() is None
    if lazy and sqlite and (paths.store.is_file() or current_build(paths.store)):
        tables, meta = open_build(paths.store, skip=UNREAD)
        build = meta.get("build_id") or paths.store.name
        schema = meta.get("schema_version")
        origin = markdown_text(f"Data: store build {build} (schema {schema}).")
        return Loaded(tables, origin, build_id=meta.get("build_id"))
    if paths.store.is_file() or current_build(paths.store):
        tables, meta = read_store(paths.store, skip=UNREAD)
        build = meta.get("build_id") or paths.store.name
        schema = meta.get("schema_version")
        origin = markdown_text(f"Data: store build {build} (schema {schema}).")
        return Loaded(tables, origin, recorded_batch_names(meta))
    tables = build_tables(paths)
    return Loaded(
        tables,
        "Data: built from seeds/ and data/curated/ (no store yet; "
        "`python -m etl build` writes one).",
    )


def recorded_batch_names(meta: dict[str, str]) -> dict[str, str]:
    """Batch id -> name as a build's meta recorded them ({} when it did not, or not readably)."""
    try:
        names = json.loads(meta.get("batch_names") or "{}")
    except ValueError:
        return {}
    if not isinstance(names, dict):
        return {}
    return {str(k): str(v) for k, v in names.items() if isinstance(v, str)}


def load_basemap(path: Path) -> dict[str, Any] | None:
    """The shipped offline basemap, or None if it is missing or unreadable (the map still
    draws the events; the reason goes to the server log)."""
    if not path.exists():
        return None
    try:
        basemap = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError, RecursionError) as exc:
        logging.getLogger("dashboard").warning("basemap %s not used: %s", path, exc)
        return None
    return basemap if isinstance(basemap, dict) else None


def batch_names(store: Path) -> dict[str, str]:
    """Batch id -> the name the analyst gave it (empty when nothing was ingested)."""
    if not store.is_dir():
        return {}
    return {b["batch_id"]: b["name"] for b in inbox.read(store, texts=False).batches}


def _shown_path(path: Path, root: Path) -> str:
    """A path as readers may see it: relative inside the project, else `…/` and its name."""
    if not path.is_absolute():
        return str(path)  # already as the user typed it (problems name files this way)
    try:
        return str(path.resolve().relative_to(root.resolve()))
    except ValueError:
        return "…/" + path.name  # the server's folders are not the reader's business


def load_error_message(error: Exception, paths: Paths) -> str:
    """Markdown for readers: which file could not be loaded and what to do about it.

    The full error (with absolute paths) is for the server log, not for the page.
    """
    return _what_failed(error, paths) + " The details are in the dashboard's server log."


def _what_failed(error: Exception, paths: Paths) -> str:
    if isinstance(error, InputError):
        shown = sorted({_shown_path(Path(p.file), paths.root) for p in error.problems})
        files = ", ".join(markdown_text(f) for f in shown)
        return (
            f"The default data could not be built: {len(error.problems)} problem(s) in "
            f"**{files}**. Run `python -m etl check` to list them, fix those rows, "
            "then reload this page."
        )
    if isinstance(error, StoreError) and database_url():
        return (
            "The event database could not be read: the server is unreachable, or its current "
            "build is damaged or from another version. Check the database server and "
            "`CONFLICT_DATABASE_URL`, or rebuild with `python -m etl build`, then reload this page."
        )
    if isinstance(error, StoreError):
        return (
            f"The event store **{markdown_text(_shown_path(paths.store, paths.root))}** could not "
            "be read: it is damaged, incomplete or from another version. Rebuild it with "
            "`python -m etl build`, then reload this page."
        )
    failed = Path(getattr(error, "filename", None) or paths.store)
    reason = getattr(error, "strerror", None) or "unreadable"
    return (
        f"The file **{markdown_text(_shown_path(failed, paths.root))}** could not be read "
        f"({markdown_text(reason)}). Check that it exists and can be read by the dashboard "
        "(if it is the store, rebuild it with `python -m etl build`), then reload this page."
    )
