"""A build's article texts held in a file mapped into memory, not in the heap.

A build holds `article_texts` from the inbox's read to the inbox's commit: extraction and the
sources read it first, then nothing until the writers, each of which reads it once, a chunk
of rows at a time (the digest, the database, the exports), and the inbox commit. In the heap
it is resident all along: 49.5 MiB at 16,000 news-length articles, 3.1 MiB per 1,000, about
300 MiB at 100,000, under the merge's peak and every writer's (docs/scale.md, "Session 34
(hI24)"). `mapped` writes the column to a temporary file (Arrow's IPC format, unlinked at
once: nothing is left behind, whatever happens) and gives the same frame back with the text
column's strings read from the file's mapping, not copied: the same values and dtype, so
every reader of the tables reads it as before. Its pages are resident only once touched, and
`etl.heap.drop_mapped` (called between the writers' chunks of rows and their parts) gives
them back, so a writer holds about a chunk's texts, not the column.

Where the platform cannot (no `madvise`), or the file cannot be written, the frame is kept
as it was: mapping only saves memory.
"""

from __future__ import annotations

import io
import mmap
import tempfile
from collections.abc import Iterable
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
from pandas.arrays import ArrowStringArray

from etl.heap import droppable


def mapped(frame: pd.DataFrame, column: str = "text") -> pd.DataFrame:
    """`frame` with `column` (Arrow text) read from a temporary file's mapping: the same
    frame, its strings out of the heap (or `frame` itself when it cannot be)."""
    if not len(frame) or not hasattr(mmap, "MADV_DONTNEED"):
        return frame
    values = frame[column]
    if not isinstance(values.array, ArrowStringArray):
        return frame
    strings = values.array.__arrow_array__()
    try:
        from_file = _from_file(strings.type, strings.chunks)
    except OSError:  # (a full disk: kept in memory)
        return frame
    values = pd.Series(pd.array(from_file, dtype=values.dtype), index=frame.index)
    return frame.assign(**{column: values})


def read_mapped(path: Path, column: str = "text") -> pd.DataFrame:
    """`pd.read_parquet(path)` (a build's `article_texts.parquet`), with `column` read into a
    file's mapping a row group at a time: the whole column is never in the heap (an ingest
    merged into the current build reads its texts back: etl/incremental.py)."""
    parquet = pq.ParquetFile(path)
    if not hasattr(mmap, "MADV_DONTNEED") or not parquet.metadata.num_rows:
        return pd.read_parquet(path)
    empty = io.BytesIO()  # (the file's schema without its rows: the dtypes read_parquet gives)
    pq.write_table(parquet.schema_arrow.empty_table(), empty)
    whole = pd.read_parquet(empty)
    frame = pd.read_parquet(path, columns=[c for c in whole.columns if c != column])
    kind = parquet.schema_arrow.field(column).type
    chunks = (parquet.read_row_group(i, columns=[column]).column(0).combine_chunks()
              for i in range(parquet.num_row_groups))  # fmt: skip
    try:
        from_file = _from_file(kind, chunks)
    except OSError:
        return pd.read_parquet(path)
    values = pd.array(from_file, dtype=whole[column].dtype)
    frame.insert(list(whole.columns).index(column), column, pd.Series(values, index=frame.index))
    return frame


def in_a_mapping(values: pd.Series) -> bool:
    """Whether every chunk of this Arrow text column is in a region `etl.heap` drops."""
    from etl.heap import mapped_regions

    spans = [(b.address, b.address + b.size) for b in map(pa.py_buffer, mapped_regions())]
    chunks = values.array.__arrow_array__().chunks
    return all(
        any(lo <= c.buffers()[2].address < hi for lo, hi in spans) for c in chunks if len(c)
    )


def _from_file(kind: pa.DataType, chunks: Iterable[pa.Array]) -> pa.ChunkedArray:
    """The chunks written to an unlinked temporary file (Arrow's IPC format) and read back
    from its mapping, zero-copy; its pages made droppable (`etl.heap.drop_mapped`)."""
    region = _written(kind, chunks)
    table = pa.ipc.open_file(pa.py_buffer(region)).read_all()  # (the mapping's buffers)
    droppable(region)
    return table.column(0)


def _written(kind: pa.DataType, chunks: Iterable[pa.Array]) -> mmap.mmap:
    """The strings written to an unlinked temporary file, mapped read-only."""
    schema = pa.schema([("text", kind)])
    with tempfile.TemporaryFile(prefix="article-texts-") as handle:
        with pa.ipc.new_file(handle, schema) as writer:
            for chunk in chunks:
                writer.write_batch(pa.record_batch([chunk], schema=schema))
        handle.flush()
        return mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ)  # (outlives the handle)
