"""Plain exports of the tidy tables: one CSV (defused for spreadsheets) and one Parquet per table.

Exports live inside the build they were made from (see etl/store.py), with a manifest naming
that build, so a store and its exports are always a matching pair.
"""

from __future__ import annotations

import json
from pathlib import Path

from etl.atomic import write_bytes
from etl.csvwriter import write_frame
from etl.tables import TABLE_NAMES, Tables

MANIFEST = "manifest.json"


def write_exports(folder: Path, tables: Tables, build_id: str) -> list[Path]:
    """Write every table into `folder` (which must be new and private to this build)."""
    folder.mkdir()
    for name in TABLE_NAMES:
        write_frame(folder / f"{name}.csv", tables[name])
        tables[name].to_parquet(folder / f"{name}.parquet", index=False)
    manifest = {"build_id": build_id, "rows": {n: len(tables[n]) for n in TABLE_NAMES}}
    write_bytes(folder / MANIFEST, json.dumps(manifest, indent=2).encode("utf-8"))
    return sorted(folder.iterdir())


def read_manifest(folder: Path) -> dict:
    """The manifest of an exports folder: which build it belongs to and its row counts."""
    return json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
