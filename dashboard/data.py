"""Where the dashboard's data comes from: the store if built, else the embedded default data."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from etl.build import build_tables
from etl.settings import Paths
from etl.store import current_build, read_store
from etl.tables import Tables


@dataclass(frozen=True)
class Loaded:
    tables: Tables
    origin: str  # a sentence for the page footer


def load_tables(paths: Paths) -> Loaded:
    """Read the store; when there is none yet, build the tables in memory from seeds + curated.

    Nothing is written here: the app never changes the store behind the analyst's back.
    """
    if paths.store.is_file() or current_build(paths.store):
        tables, meta = read_store(paths.store)
        build = meta.get("build_id") or paths.store.name
        return Loaded(tables, f"Data: store build {build} (schema {meta.get('schema_version')}).")
    tables = build_tables(paths)
    return Loaded(
        tables,
        "Data: built from seeds/ and data/curated/ (no store yet; "
        "`python -m etl build` writes one).",
    )


def load_basemap(path: Path) -> dict[str, Any] | None:
    """The shipped offline basemap, or None if it is missing (the map still draws events)."""
    if not path.exists():
        return None
    return json.loads(path.read_text(encoding="utf-8"))
