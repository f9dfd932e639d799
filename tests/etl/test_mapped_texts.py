"""etl/mapped_texts.py: a writer's build holds its article texts in a file's mapping, whose
pages the writers give back a chunk of rows at a time (docs/scale.md, "Session 34 (hI24)")."""

from __future__ import annotations

import mmap

import pandas as pd
import pytest

from etl import heap
from etl.mapped_texts import in_a_mapping as _in_a_mapping
from etl.mapped_texts import mapped

pytestmark = pytest.mark.skipif(not hasattr(mmap, "MADV_DONTNEED"), reason="no madvise")


def _rss_mib() -> float:
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * 4096 / 2**20


def _texts(n: int, size: int) -> pd.DataFrame:
    return pd.DataFrame({"article_id": [f"a{i}" for i in range(n)],
                         "text": [None if i == 7 else f"text {i} " + "y" * (size + i % 13)
                                  for i in range(n)]})  # fmt: skip


def test_mapped_texts_are_the_same_frame_read_from_a_file():
    frame = _texts(3_000, 300)
    got = mapped(frame)
    pd.testing.assert_frame_equal(got, frame)
    assert got["text"].dtype == frame["text"].dtype
    assert _in_a_mapping(got["text"]) and not _in_a_mapping(frame["text"])
    assert mapped(frame.iloc[:0]) is not None and len(mapped(frame.iloc[:0])) == 0


def test_a_mapped_columns_pages_are_given_back_once_read():
    """Read whole, the texts are resident; `drop_mapped` gives the pages back, and they read
    the same after."""
    got = mapped(_texts(6_000, 10_000))  # about 60 MB of text
    total = sum(len(t) for t in got["text"].dropna())  # (every string read: resident)
    read = _rss_mib()
    heap.drop_mapped()
    dropped = _rss_mib()
    assert read - dropped > 40, (read, dropped)
    assert sum(len(t) for t in got["text"].dropna()) == total


def test_the_writers_chunks_give_the_mapped_pages_back_between_them(monkeypatch):
    from etl import row_chunks

    calls = []
    monkeypatch.setattr(row_chunks, "drop_mapped", lambda: calls.append(1))
    frame = _texts(100, 50)
    ranges = list(row_chunks.row_ranges(frame, 30))
    assert [len(r) for r in ranges] == [30, 30, 30, 10] and len(calls) == 4


def test_a_writer_s_build_holds_its_article_texts_mapped(tmp_path):
    """With a mention cache (a writer's build), `article_texts` comes out of the build in a
    file's mapping, the same rows as a reader's build (no cache) holds in the heap."""
    from etl import build
    from etl.mention_cache import MentionCache
    from etl.settings import ROOT, Paths

    paths = Paths(seeds=ROOT / "seeds", curated=ROOT / "data" / "curated", store=tmp_path)
    written = build.build_all(paths, cache=MentionCache(tmp_path))[0]["article_texts"]
    read = build.build_all(paths)[0]["article_texts"]
    assert len(written) == 5  # (the seeds)
    pd.testing.assert_frame_equal(written, read)
    assert _in_a_mapping(written["text"]) and not _in_a_mapping(read["text"])


def test_a_builds_exported_texts_are_read_back_into_a_mapping(tmp_path, monkeypatch):
    """`read_mapped` of an `article_texts.parquet` in several row groups (as the exports
    write it) is `pd.read_parquet`'s frame, its texts in a mapping (an ingest merged into the
    current build reads them so: etl/incremental.py)."""
    from etl import exports
    from etl.mapped_texts import read_mapped

    frame = _texts(2_000, 400)
    path = tmp_path / "article_texts.parquet"
    monkeypatch.setattr(exports, "PARQUET_CHARS", 100_000)
    exports.write_parquet(path, frame)
    import pyarrow.parquet as pq

    assert pq.ParquetFile(path).num_row_groups > 5
    got = read_mapped(path)
    pd.testing.assert_frame_equal(got, pd.read_parquet(path))
    assert _in_a_mapping(got["text"])
    exports.write_parquet(tmp_path / "none.parquet", frame.iloc[:0])
    pd.testing.assert_frame_equal(read_mapped(tmp_path / "none.parquet"),
                                  pd.read_parquet(tmp_path / "none.parquet"))  # fmt: skip
