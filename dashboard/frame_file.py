"""The reader's event frame of one build, kept beside its database as a columnar file.

At 1,000,000 events the event frame took 53 CPU-s and a 2.4 GiB peak to make from SQLite on
every server start (issue 10): 3,000,000 claims and their figures came through Python objects
to be grouped into one row per event. The frame is the same every time for one build, so it
is made once, when the build is written (`etl.store`, `etl.delta_write`, `etl.synthetic`, or
`python -m etl reader-frame` for a build written before), and kept as
`<build>/reader_frame.arrow`: an Arrow IPC file, uncompressed, read memory-mapped.

Each row is an event as `dashboard.views.event_frame` gives it, in its order, and the row ids
of its claims and figures (`claim_rowids`, `figure_rowids`: what `EventDetail` reads one
event's detail by). Outlet and claimant lists are stored once per distinct list (a dictionary
of lists: a million events have a few thousand), every other column as pandas stores it.

The file names its build id and a digest of the code that made it (`views.py` and this
module): a file of another build, or made by other code, is not read, and the frame is made
from the database as before (the dashboard never writes it: the store is the ETL's). A
PostgreSQL build has no file (its readers may be on other machines).
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.ipc as ipc

from dashboard import views
from dashboard.lazy_tables import ROWID, LazyTables, RowsByKey
from etl.heap import release
from etl.problems import StoreError

FILE = "reader_frame.arrow"
#: Columns of lists, shared between events (stored as a dictionary of distinct lists).
LIST_COLUMNS = ("outlet_ids", "outlets", "claimant_actors", "claimant_orgs")
#: Row-id columns: table -> column of the file.
INDEXES = {"claims": "claim_rowids", "figures": "figure_rowids"}
LOG = logging.getLogger("dashboard")


def code_digest() -> str:
    """A digest of the code that makes the frame: a file made by other code is not read."""
    digest = hashlib.sha256()
    for path in (Path(views.__file__), Path(__file__)):
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


@dataclass(frozen=True)
class ReaderFrame:
    """The event frame and, for a lazily opened store, the row ids of each event's claims
    and figures (None: the tables are in memory)."""

    view: pd.DataFrame
    claim_rows: RowsByKey | None = None
    figure_rows: RowsByKey | None = None


def make_frame(tables) -> ReaderFrame:
    """The frame made from the tables (the path without a file)."""
    view = views.event_frame(tables)
    if not isinstance(tables, LazyTables) or tables.loaded("claims"):
        return ReaderFrame(view)
    rows = {}
    for name in INDEXES:
        found = tables.columns(name, ["event_id"], rowid=True)
        rows[name] = RowsByKey(view["event_id"], found["event_id"], found[ROWID].to_numpy())
        del found
    return ReaderFrame(view, rows["claims"], rows["figures"])


def _list_column(values: pd.Series) -> pa.DictionaryArray:
    """Lists as indices into the distinct lists (a missing value: a null index)."""
    codes: dict[object, int] = {}
    by_object: dict[int, int] = {}
    distinct: list[list[str]] = []
    indices = np.empty(len(values), dtype=np.int32)
    for at, value in enumerate(values.tolist()):
        if not isinstance(value, list):
            indices[at] = -1
            continue
        code = by_object.get(id(value))
        if code is None:
            key = tuple(value)
            code = codes.setdefault(key, len(distinct))
            if code == len(distinct):
                distinct.append(list(value))
            by_object[id(value)] = code
        indices[at] = code
    index_array = pa.array(indices, mask=indices < 0, type=pa.int32())
    return pa.DictionaryArray.from_arrays(
        index_array, pa.array(distinct, type=pa.list_(pa.large_string()))
    )


def _rows_column(rows: RowsByKey) -> pa.ListArray:
    return pa.ListArray.from_arrays(
        pa.array(rows.offsets.astype(np.int32)), pa.array(rows.rowids, type=pa.int64())
    )


def frame_table(frame: ReaderFrame, build_id: str) -> pa.Table:
    """The frame as one Arrow table, its build id and code digest in the schema's metadata."""
    view = frame.view
    plain = view.drop(columns=list(LIST_COLUMNS))
    table = pa.Table.from_pandas(plain, preserve_index=False)
    table = table.replace_schema_metadata(None)
    for name in LIST_COLUMNS:
        table = table.append_column(name, _list_column(view[name]))
    for name, column in INDEXES.items():
        rows = frame.claim_rows if name == "claims" else frame.figure_rows
        table = table.append_column(column, _rows_column(rows))
    objects = [c for c in plain.columns if plain[c].dtype == object]
    meta = {
        "build_id": build_id,
        "code": code_digest(),
        "columns": json.dumps(list(view.columns)),
        "objects": json.dumps(objects),
    }
    return table.replace_schema_metadata(meta)


class _Released(LazyTables):
    """`LazyTables` whose every read gives the heap's freed pages back once it is done: the
    rows fetched a chunk at a time as Python objects, freed once the chunk is a frame, stayed
    resident under the next read's (the claims' columns, then the figures', then their row
    ids: +142 MiB at 16,000 news-length articles, the reader file's peak in a build;
    docs/scale.md, "Session 33 (hI23)")."""

    def _query(self, sql: str, params=()) -> pd.DataFrame:
        try:
            return super()._query(sql, params)
        finally:
            release()


def write_frame_file(database: Path, build_id: str, folder: Path | None = None) -> Path:
    """Make the frame from the build's database and write it beside it (atomically: a
    reader sees the whole file or none); return its path."""
    tables = _Released(database, skip=frozenset({"article_texts"}))
    table = frame_table(make_frame(tables), build_id)
    release()
    target = (folder or database.parent) / FILE
    partial = target.with_name(f".{FILE}.partial")
    with pa.OSFile(str(partial), "wb") as sink, ipc.new_file(sink, table.schema) as writer:
        writer.write_table(table)
    with open(partial, "rb") as handle:
        os.fsync(handle.fileno())
    os.replace(partial, target)
    return target


def _decode_lists(column: pa.ChunkedArray) -> np.ndarray:
    """An object array with one shared list per distinct list (missing: NaN, as a merge
    leaves an event without claims)."""
    if len(column) == 0:  # no events (pyarrow makes no empty array of a dictionary of lists)
        return np.empty(0, dtype=object)
    column = column.unify_dictionaries().combine_chunks() if column.num_chunks > 1 else column
    array = column.chunk(0)
    lists = array.dictionary.to_pylist() + [np.nan]
    shared = np.empty(len(lists), dtype=object)
    for at, value in enumerate(lists):  # one at a time: equal lengths would make a 2-D array
        shared[at] = value
    indices = array.indices.fill_null(len(lists) - 1).to_numpy(zero_copy_only=False)
    return shared[indices]


def _rows(column: pa.ChunkedArray, event_ids: pd.Series) -> RowsByKey:
    array = column.combine_chunks()
    offsets = array.offsets.to_numpy(zero_copy_only=False).astype(np.int64)
    values = array.values.to_numpy(zero_copy_only=False)
    return RowsByKey.from_offsets(event_ids, offsets - offsets[0], values[offsets[0] :])


def read_frame_file(database: Path, build_id: str) -> ReaderFrame | None:
    """The frame from the build's file, or None when there is none, or it is of another
    build or code, or unreadable (the reason goes to the server log)."""
    path = database.parent / FILE
    if not path.is_file():
        return None
    try:
        with pa.memory_map(str(path)) as source:
            table = ipc.open_file(source).read_all()
    except (pa.ArrowException, OSError) as exc:
        LOG.warning("%s not read (%s); the event frame is made from the database", path, exc)
        return None
    meta = {k.decode(): v.decode() for k, v in (table.schema.metadata or {}).items()}
    if meta.get("build_id") != build_id or meta.get("code") != code_digest():
        LOG.info("%s is of another build or code; the event frame is made from the database", path)
        return None
    return frame_from_table(table, meta)


def frame_from_table(table: pa.Table, meta: dict[str, str]) -> ReaderFrame:
    """The frame as `frame_table` stored it (the same columns, values and dtypes)."""
    special = {*LIST_COLUMNS, *INDEXES.values()}
    plain = table.select([c for c in table.column_names if c not in special]).to_pandas()
    for name in json.loads(meta["objects"]):
        values = plain[name].astype(object)
        plain[name] = values.where(values.notna(), None)
    for name in LIST_COLUMNS:
        plain[name] = _decode_lists(table.column(name))
    view = plain[json.loads(meta["columns"])]
    rows = [_rows(table.column(INDEXES[name]), view["event_id"]) for name in INDEXES]
    return ReaderFrame(view, *rows)


def reader_frame(tables, build_id: str | None) -> ReaderFrame:
    """The build's frame: from its file when it has a valid one, else made from the tables."""
    if isinstance(tables, LazyTables) and build_id:
        try:
            found = read_frame_file(tables.database, build_id)
        except (KeyError, ValueError, pa.ArrowException) as exc:  # another layout: columns
            # or metadata this code does not know, a column pyarrow cannot turn into pandas
            LOG.warning("%s not read (%s)", tables.database.parent / FILE, exc)
            found = None
        if found is not None:
            return found
    return make_frame(tables)


def ensure_frame_file(build: Path, build_id: str) -> Path:
    """The build's file, written if missing or stale (`python -m etl reader-frame`)."""
    from etl.store import DATABASE

    database = build / DATABASE
    if not database.is_file():
        raise StoreError(f"{build}: no SQLite database here (a PostgreSQL build has no file)")
    if read_frame_file(database, build_id) is not None:
        return database.parent / FILE
    return write_frame_file(database, build_id)
