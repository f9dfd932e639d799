"""Writing a build that differs from the current one in a few rows, without writing it all.

A merged batch (etl/incremental.py) changes some rows of some tables. The new build is still
a new folder, published like any other (etl/store.py), but made from the current one:

- the database is a copy of the current build's file with the changed rows deleted and
  inserted again, in one transaction, its foreign keys and integrity checked as a new file's
  are (a build is never edited once published: the copy is the staging build's own);
- each export of a table the batch did not change is a hard link to the current build's file
  (builds are immutable, so sharing a file is safe); the others are written anew.

The tables read back equal a full write's, rows aside from their order (new rows come last).
"""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import sqlite3
from collections.abc import Callable, Mapping
from contextlib import closing
from pathlib import Path

import pandas as pd

from etl.atomic import make_staging_dir, write_bytes
from etl.database import PRIMARY_KEYS, SCHEMA_VERSION, plain_rows
from etl.exports import MANIFEST, write_frame
from etl.problems import StoreError
from etl.store import (
    BUILDS,
    DATABASE,
    EXPORTS,
    content_hash,
    current_build,
    finish,
    write_reader_file,
)
from etl.tables import TABLE_NAMES, Tables

Delta = Mapping[str, tuple[set, pd.DataFrame]]  # table -> (keys removed, rows added)


def _apply(path: Path, tables: Tables, delta: Delta, meta: dict[str, str]) -> None:
    with closing(sqlite3.connect(path)) as conn:
        # rows are deleted and inserted again in one transaction: the keys are checked at
        # its end, as a whole (PRAGMA foreign_key_check), not row by row
        conn.execute("PRAGMA foreign_keys = OFF")
        with conn:
            conn.execute("DELETE FROM meta")
            conn.executemany("INSERT INTO meta VALUES (?, ?)", sorted(meta.items()))
            for name in reversed(TABLE_NAMES):  # children first: nothing points at a gap
                gone = list(delta.get(name, (set(), None))[0])
                key = PRIMARY_KEYS[name]
                for start in range(0, len(gone), 500):
                    part = gone[start : start + 500]
                    marks = ",".join("?" * len(part))
                    conn.execute(f'DELETE FROM "{name}" WHERE "{key}" IN ({marks})', part)
            for name in TABLE_NAMES:
                added = delta.get(name, (set(), None))[1]
                if added is None or added.empty:
                    continue
                columns = ", ".join(f'"{c}"' for c in tables[name].columns)
                marks = ", ".join("?" for _ in tables[name].columns)
                conn.executemany(f'INSERT INTO "{name}" ({columns}) VALUES ({marks})',
                                 plain_rows(added[list(tables[name].columns)]))  # fmt: skip
            broken = conn.execute("PRAGMA foreign_key_check").fetchall()
            if broken:
                raise StoreError(f"foreign key check failed: {broken[:5]}")
        if conn.execute("PRAGMA integrity_check").fetchone()[0] != "ok":
            raise StoreError(f"{path}: SQLite integrity check failed on the new store")


def stage_delta(
    store: Path, tables: Tables, delta: Delta, meta: dict[str, str]
) -> tuple[Path, str]:
    """Stage a build of `tables` made from the current build and `delta`; nothing readers
    see changes (see etl/store.stage_build, whose layout and meta it keeps)."""
    current = current_build(store)
    if current is None or not (current / EXPORTS).is_dir():
        raise StoreError(f"{store}: no current build with exports to write a batch into")
    digest = content_hash(tables)
    stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%S%fZ")
    build_id = f"{stamp}-{digest[:10]}"
    staging = make_staging_dir(store / BUILDS / build_id)
    try:
        info = {"build_id": build_id, "content_sha256": digest, "exports": "true"}
        shutil.copyfile(current / DATABASE, staging / DATABASE)
        try:
            _apply(staging / DATABASE, tables, delta,
                   {"schema_version": SCHEMA_VERSION, **meta, **info})  # fmt: skip
        except sqlite3.Error as exc:
            raise StoreError(
                f"{staging / DATABASE}: could not write the new store ({exc})"
            ) from exc
        write_reader_file(staging, build_id)
        folder = staging / EXPORTS
        folder.mkdir()
        for name in TABLE_NAMES:
            removed, added = delta.get(name, (set(), None))
            if not removed and (added is None or added.empty):
                for suffix in (".csv", ".parquet"):
                    os.link(current / EXPORTS / f"{name}{suffix}", folder / f"{name}{suffix}")
            else:
                write_frame(folder / f"{name}.csv", tables[name])
                tables[name].to_parquet(folder / f"{name}.parquet", index=False)
        manifest = {"build_id": build_id, "rows": {n: len(tables[n]) for n in TABLE_NAMES}}
        write_bytes(folder / MANIFEST, json.dumps(manifest, indent=2).encode("utf-8"))
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return staging, build_id


def record_then_publish_delta(
    store: Path, tables: Tables, delta: Delta, record: Callable[[], object], meta: dict[str, str]
) -> Path:
    """`store.record_then_publish` for a build made from the current one and `delta`."""
    staged, build_id = stage_delta(store, tables, delta, meta)
    try:
        record()
    except BaseException:
        shutil.rmtree(staged, ignore_errors=True)
        raise
    return finish(store, staged, build_id)
