"""Plain exports of the tidy tables: one CSV (defused for spreadsheets) and one Parquet per table.

Exports live inside the build they were made from (see etl/store.py), with a manifest naming
that build, so a store and its exports are always a matching pair.
"""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from etl.atomic import replacing, write_bytes
from etl.csvwriter import defused_frame
from etl.heap import release
from etl.row_chunks import row_ranges
from etl.tables import TABLE_NAMES, Tables

MANIFEST = "manifest.json"
CSV_CHUNK = 10_000  # rows defused and encoded at a time (fewer when they are long:
# etl/row_chunks.py): memory stays flat as tables grow
PARQUET_ROWS = 65_536  # rows made Arrow and written as one row group at a time
PARQUET_CHARS = 16_000_000  # characters of text a row group holds at most (one row at least)


def write_frame(path: Path, frame: pd.DataFrame) -> None:
    """`frame` as a defused UTF-8 CSV file, atomically, a chunk of rows at a time (the same
    bytes as `etl.csvwriter.write_frame`, without the whole table's text in memory)."""
    with replacing(path, "wb") as handle:
        for rows in list(row_ranges(frame, CSV_CHUNK)) or [range(0)]:  # (empty: the header)
            chunk = defused_frame(frame.iloc[rows.start : rows.stop])
            text = chunk.to_csv(index=False, header=rows.start == 0)
            handle.write(text.encode("utf-8", errors="replace"))


def write_parquet(path: Path, frame: pd.DataFrame) -> None:
    """`frame` as Parquet, as `frame.to_parquet(path, index=False)` writes it (the same
    schema, its pandas metadata, the same values), a row group at a time: only a row
    group's rows are made Arrow and encoded at once, not the whole table (+149 MiB at 16,000
    news-length articles: docs/scale.md, "Session 33 (hI23)"). The schema is inferred over
    the whole frame, a column at a time, so a row group whose values of a column are all
    missing keeps the column's type."""
    schema = pa.Schema.from_pandas(frame, preserve_index=False)
    with pq.ParquetWriter(path, schema, compression="snappy") as writer:
        for rows in row_ranges(frame, PARQUET_ROWS, PARQUET_CHARS):
            part = frame.iloc[rows.start : rows.stop]
            writer.write_table(pa.Table.from_pandas(part, schema=schema, preserve_index=False))
            del part


def write_exports(folder: Path, tables: Tables, build_id: str) -> list[Path]:
    """Write every table into `folder` (which must be new and private to this build)."""
    folder.mkdir()
    for name in TABLE_NAMES:
        write_frame(folder / f"{name}.csv", tables[name])
        release()  # each file's freed transients back to the system before the next's: they
        # stacked up, the exports' peak at 16,000 news-length articles (+169 MiB, each file's
        # pages kept: docs/scale.md, "Session 33 (hI23)")
        write_parquet(folder / f"{name}.parquet", tables[name])
        release()
    manifest = {"build_id": build_id, "rows": {n: len(tables[n]) for n in TABLE_NAMES}}
    write_bytes(folder / MANIFEST, json.dumps(manifest, indent=2).encode("utf-8"))
    return sorted(folder.iterdir())


def read_manifest(folder: Path) -> dict:
    """The manifest of an exports folder: which build it belongs to and its row counts."""
    return json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
