"""The store: a folder of immutable builds and one pointer to the build readers see.

    <store>/current -> builds/<build_id>        a symlink, swapped in one atomic rename
    <store>/builds/<build_id>/conflict.sqlite   the tables (etl/database.py)
    <store>/builds/<build_id>/exports/          CSV + Parquet, manifest.json names the build
    <store>/.lock                               one writer at a time (etl/lock.py)

A build is written into a staging folder, renamed to its id when complete, and published by
swapping the pointer. So the database and its exports change together or not at all; a crash
at any step leaves the previous build current; a reader never sees half a build; and the next
writer removes what a crashed one left behind. The build before the current one is kept, so a
reader that followed the pointer just before a swap can finish reading.

With `CONFLICT_DATABASE_URL` set (etl/backend.py) the tables of each build go to a schema of
that PostgreSQL database instead of `conflict.sqlite`, and its pointer row is what readers
follow (etl/pg_store.py); the build folder keeps the exports, and `current` follows the
database's pointer. Every function here works the same way on both.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import shutil
from collections.abc import Callable, Iterator
from contextlib import contextmanager, nullcontext
from pathlib import Path

import numpy as np
import pandas as pd

from etl.arrow_pool import system_pool
from etl.atomic import STAGING_PREFIX, fsync_dir, make_staging_dir, point
from etl.backend import database_url
from etl.database import read_database, write_database
from etl.exports import write_exports
from etl.heap import release
from etl.lock import exclusive
from etl.problems import StoreError
from etl.row_chunks import row_ranges
from etl.tables import TABLE_NAMES, Tables

__all__ = ["StoreError", "current_build", "publish", "read_store", "write_store", "writing"]

DATABASE = "conflict.sqlite"
EXPORTS = "exports"
CURRENT = "current"
BUILDS = "builds"
LOCK = ".lock"
HASH_CHUNK = 10_000  # rows turned to text at a time by content_hash (fewer when they are long:
# etl/row_chunks.py)


def content_hash(tables: Tables) -> str:
    """A digest of every table's contents: equal tables, equal digest (rebuilds can be compared).
    Rows count in any order (a batch merged into a build, etl/incremental.py, appends the rows
    it changes where a full build sorts them in: the same content), and a missing value is
    missing whether pandas holds it as None or NaN."""
    digest = hashlib.sha256()
    for name in TABLE_NAMES:
        frame = tables[name]
        digest.update(f"{name}:{','.join(map(str, frame.columns))}:{len(frame)}\n".encode())
        hashes = row_hashes(frame)
        if len(hashes):
            digest.update(np.sort(hashes).tobytes())
        del hashes
        release()  # a table's freed text back to the system before the next's (they stacked
        # up: +51 MiB at 16,000 news-length articles, docs/scale.md, "Session 33 (hI23)")
    return digest.hexdigest()


def row_hashes(frame: pd.DataFrame) -> np.ndarray:
    """One 64-bit hash per row of `frame`, as `content_hash` counts them (chunks of rows give
    the same values, so a store written a chunk at a time can be digested alike)."""
    parts = [
        pd.util.hash_pandas_object(
            _as_text(frame.iloc[part.start : part.stop]), index=False
        ).to_numpy()  # fmt: skip
        for part in row_ranges(frame, HASH_CHUNK)
    ]
    return np.concatenate(parts) if parts else np.empty(0, dtype=np.uint64)


def _pg():
    """etl.pg_store, imported only when CONFLICT_DATABASE_URL is set (psycopg is optional)."""
    try:
        from etl import pg_store
    except ImportError as exc:
        raise StoreError(
            f"CONFLICT_DATABASE_URL is set but psycopg is not installed ({exc}); install it with "
            "`.venv/bin/pip install -e '.[postgresql]'`"
        ) from exc
    return pg_store


def _as_text(rows: pd.DataFrame) -> pd.DataFrame:
    """Rows as text, every missing value alike (None, NaN: NULL in the database, null in the
    exports), whatever text dtype the frame came in."""
    return rows.astype(object).where(rows.notna(), None).astype(str)


def current_build(store: Path) -> Path | None:
    """The folder of the published build, or None when nothing has been published yet.

    With PostgreSQL, the folder its exports are in (its name is the build id, which the
    database's pointer names; the folder need not exist on a reader's machine)."""
    url = database_url()
    if url:
        build_id = _pg().current_build_id(url)
        return store / BUILDS / build_id if build_id else None
    try:
        target = os.readlink(store / CURRENT)
    except OSError:
        return None
    build = store / target
    return build if (build / DATABASE).is_file() else None


def read_store(store: Path, skip: frozenset[str] = frozenset()) -> tuple[Tables, dict[str, str]]:
    """Every table of the published build, plus its meta rows; a table named in `skip` comes
    back empty (with its columns), unread.

    A plain database file (the layout before versioned builds) is read as it is.
    """
    url = database_url()
    if url:
        return _pg().read_current(url, skip)
    if store.is_file():
        return read_database(store, skip)
    build = current_build(store)
    if build is None:
        raise StoreError(f"{store}: no build here; run `python -m etl build` first")
    return read_database(build / DATABASE, skip)


@contextmanager
def writing(
    store: Path, wait_seconds: float = 600.0, on_wait: Callable[[str], None] | None = None
) -> Iterator[None]:
    """Be the store's only writer for the block: read inputs, build and publish inside it, so
    two writers cannot publish builds made from each other's half-old inputs."""
    if store.exists() and not store.is_dir():
        raise StoreError(
            f"{store}: is a file; the store is now a folder of builds. Point --store (or "
            "CONFLICT_STORE) at a folder, for example data/store"
        )
    url = database_url()
    database = _pg().locked(url, wait_seconds, on_wait) if url else nullcontext()
    with exclusive(store / LOCK, wait_seconds, on_wait), database, system_pool():
        remove_leftovers(store)  # Arrow's buffers from malloc while building (etl/arrow_pool.py)
        yield


def publish(
    store: Path, tables: Tables, meta: dict[str, str] | None = None, exports: bool = True
) -> Path:
    """Write and publish a new build of `tables` (and their exports); return its folder.

    The caller holds `writing(store)`."""
    staged, build_id = stage_build(store, tables, meta or {}, exports)
    return finish(store, staged, build_id)


def record_then_publish(
    store: Path, tables: Tables, record: Callable[[], object], meta: dict[str, str] | None = None
) -> Path:
    """Stage a build of `tables`; only if that worked, run `record` (commit a batch or a
    decision to the inbox); then publish. A failure anywhere before `record` leaves
    everything as it was. The caller holds `writing(store)`."""
    staged, build_id = stage_build(store, tables, meta or {}, True)
    try:
        record()
    except BaseException:
        unstage(staged, build_id)
        raise
    return finish(store, staged, build_id)


def finish(store: Path, staged: Path, build_id: str) -> Path:
    """Publish a staged build (see stage_build): name it, point `current` at it, tidy up.

    Writers that must record something else only if the build can be written (a batch, a
    decision) stage first, record, then finish; the caller holds `writing(store)`."""
    build = commit_build(staged, store / BUILDS / build_id)
    publish_build(store, build)
    remove_old_builds(store)
    return build


def write_store(
    store: Path,
    tables: Tables,
    meta: dict[str, str] | None = None,
    exports: bool = True,
    wait_seconds: float = 600.0,
    on_wait: Callable[[str], None] | None = None,
) -> Path:
    """Take the lock, then write and publish a new build of `tables`; return its folder."""
    with writing(store, wait_seconds, on_wait):
        return publish(store, tables, meta, exports)


def stage_build(
    store: Path, tables: Tables, meta: dict[str, str], exports: bool
) -> tuple[Path, str]:
    """Write a complete build into a new staging folder; nothing readers see changes."""
    digest = content_hash(tables)
    release()  # each writer's freed transients back to the system before the next's
    # (etl/heap.py): they do not stack up (docs/scale.md, "Session 29 (hI17)")
    stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%S%fZ")
    build_id = f"{stamp}-{digest[:10]}"
    staging = make_staging_dir(store / BUILDS / build_id)
    url = database_url()
    try:
        info = {"build_id": build_id, "content_sha256": digest, "exports": str(exports).lower()}
        if url:
            _pg().stage(url, build_id, tables, {**meta, **info})
        else:
            write_database(staging / DATABASE, tables, {**meta, **info})
            release()
            write_reader_file(staging, build_id)
            release()
        if exports:
            write_exports(staging / EXPORTS, tables, build_id)
            release()
    except BaseException:
        unstage(staging, build_id)
        raise
    return staging, build_id


def write_reader_file(build: Path, build_id: str) -> Path:
    """The dashboard's event frame of a SQLite build as a columnar file beside its database
    (`dashboard/frame_file.py`: made from the database just written, read by the dashboard
    instead of making it again on every start; keyed by the build id)."""
    from dashboard.frame_file import write_frame_file  # the reader's format, made by its code

    return write_frame_file(build / DATABASE, build_id)


def unstage(staging: Path, build_id: str) -> None:
    """Remove a staged build that will not be published (its folder, its schema)."""
    shutil.rmtree(staging, ignore_errors=True)
    url = database_url()
    if url:
        _pg().unstage(url, build_id)


def commit_build(staging: Path, build: Path) -> Path:
    """Give a complete staged build its final name (still not what readers see)."""
    staging.rename(build)
    fsync_dir(build.parent)
    return build


def publish_build(store: Path, build: Path) -> None:
    """Point `current` at `build`: the one step that changes what readers see (with
    PostgreSQL, the database's pointer row; `current` then follows it for the exports)."""
    url = database_url()
    if url:
        _pg().publish(url, build.name)
    point(store / CURRENT, f"{BUILDS}/{build.name}")
    fsync_dir(store)


def remove_leftovers(store: Path) -> list[Path]:
    """Remove what an interrupted writer left: staging folders and files, complete builds it
    never published (newer than the current one), and the files of the single-file layout."""
    url = database_url()
    if url:
        _pg().prune(url)  # the database's unpublished builds and those before the previous
    found = [*store.glob(f"{STAGING_PREFIX}*"), *(store / BUILDS).glob(f"{STAGING_PREFIX}*")]
    current = current_build(store)
    if url and current and _pointed(store) != current.name:  # a writer stopped in between
        point(store / CURRENT, f"{BUILDS}/{current.name}")
    found += [b for b in _builds(store) if current is None or b.name > current.name]
    found += [p for p in store.glob(f"{DATABASE}*") if p.is_file()]
    for path in found:
        if path.is_dir() and not path.is_symlink():
            shutil.rmtree(path, ignore_errors=True)
        else:
            path.unlink(missing_ok=True)
    return found


def remove_old_builds(store: Path) -> list[Path]:
    """Keep the current build and the newest one before it; remove every other build."""
    url = database_url()
    if url:
        _pg().prune(url)
    current = current_build(store)
    if current is None:
        return []
    builds = _builds(store)
    older = [p for p in builds if p.name < current.name]
    keep = {current.name, *(p.name for p in older[-1:])}
    removed = [p for p in builds if p.name not in keep]
    for path in removed:
        shutil.rmtree(path, ignore_errors=True)
    return removed


def _pointed(store: Path) -> str | None:
    """The build folder `current` names, or None."""
    try:
        return Path(os.readlink(store / CURRENT)).name
    except OSError:
        return None


def _builds(store: Path) -> list[Path]:
    """Complete build folders, oldest first (their names start with a UTC timestamp)."""
    folder = store / BUILDS
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir() if p.is_dir() and not p.name.startswith("."))
