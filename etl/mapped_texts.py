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

import mmap
import tempfile

import pandas as pd
import pyarrow as pa
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
        region = _written(strings)
    except OSError:  # (a full disk: kept in memory)
        return frame
    table = pa.ipc.open_file(pa.py_buffer(region)).read_all()  # (zero-copy: the mapping's)
    droppable(region)
    from_file = pd.Series(pd.array(table.column(0), dtype=values.dtype), index=frame.index)
    return frame.assign(**{column: from_file})


def _written(strings: pa.ChunkedArray) -> mmap.mmap:
    """The strings written to an unlinked temporary file, mapped read-only."""
    schema = pa.schema([("text", strings.type)])
    with tempfile.TemporaryFile(prefix="article-texts-") as handle:
        with pa.ipc.new_file(handle, schema) as writer:
            for chunk in strings.chunks:
                writer.write_batch(pa.record_batch([chunk], schema=schema))
        handle.flush()
        return mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ)  # (outlives the handle)
