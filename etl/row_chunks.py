"""Row ranges of a table small enough to copy at a time, by row count and by text size.

The writing of a build (its content digest, its database, its CSV exports) turns a table into
text a chunk of rows at a time, so its memory is a chunk's, not the table's. A chunk of a
fixed row count is not enough where rows are long: 10,000 rows of `article_texts` are about
30 MB of news text, and hashing them made about three times that at once (the digest was
the build's peak at 16,000 news-length articles; docs/scale.md, "Session 25 (hI13)"). So a
chunk also ends once its text columns hold `chars` characters. Every writer's output is the
same whatever the chunks (tests/etl/test_scale.py).
"""

from __future__ import annotations

from collections.abc import Iterator

import numpy as np
import pandas as pd

from etl.heap import drop_mapped

CHARS = 2_000_000  # characters of text per chunk, at most (and at least one row)


def _text_chars(frame: pd.DataFrame) -> np.ndarray | None:
    """Characters of text per row, over the frame's text columns (None: none has text)."""
    total = None
    for column in frame.columns:
        series = frame[column]
        if pd.api.types.is_numeric_dtype(series) or pd.api.types.is_bool_dtype(series):
            continue
        if isinstance(series.dtype, pd.StringDtype):  # counted where the text is (Arrow's
            # strings are not made into Python ones: that is the very copy chunks bound)
            lengths = series.str.len().fillna(0).to_numpy(dtype=np.int64)
        else:
            lengths = np.fromiter(
                (len(v) if isinstance(v, str) else 0 for v in series), np.int64, len(series)
            )
        total = lengths if total is None else total + lengths
    return total


def row_ranges(frame: pd.DataFrame, rows: int, chars: int | None = None) -> Iterator[range]:
    """Ranges of row positions covering the frame in order: at most `rows` rows each, and at
    most `chars` characters of text (CHARS when None) unless one row alone holds more."""
    n = len(frame)
    sizes = _text_chars(frame) if n else None
    if sizes is None:
        yield from (range(start, min(start + rows, n)) for start in range(0, n, rows))
        return
    ends = np.cumsum(sizes)
    chars = CHARS if chars is None else chars
    start = 0
    while start < n:
        before = int(ends[start - 1]) if start else 0
        # past the last row whose running total stays within `chars` of the chunk's start
        stop = int(np.searchsorted(ends, before + chars, side="right"))
        stop = min(max(stop, start + 1), start + rows, n)
        yield range(start, stop)
        drop_mapped()  # the chunk done: the pages of mapped text it read go (a build's
        # article texts, etl/mapped_texts.py), so a writer holds a chunk's, not the column's
        start = stop
