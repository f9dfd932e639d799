"""The writing's chunks are bounded by text as well as by rows (etl/row_chunks.py), and every
writer gives the same output whatever the chunks."""

from __future__ import annotations

import pandas as pd
import pytest

from etl import database, exports, row_chunks, store
from etl.csvwriter import frame_csv_bytes

TEXTS = ["a" * 50, None, "é" * 300, "b" * 10, "c" * 1000, "d" * 5, "e" * 5, "f" * 700]


def frame_of(dtype) -> pd.DataFrame:
    return pd.DataFrame({
        "article_id": pd.Series([f"art_{i}" for i in range(len(TEXTS))], dtype=dtype),
        "text": pd.Series(TEXTS, dtype=dtype),
        "n": range(len(TEXTS)),
    })  # fmt: skip


@pytest.mark.parametrize("dtype", ["str", object])
def test_chunks_end_at_the_text_bound_and_cover_every_row_in_order(dtype):
    frame = frame_of(dtype)
    sizes = [5 + (len(t) if t else 0) for t in TEXTS]  # the id's 5 characters, the text's
    ranges = list(row_chunks.row_ranges(frame, rows=3, chars=400))
    assert [list(r) for r in ranges] == [[0, 1, 2], [3], [4], [5, 6], [7]]
    assert [i for r in ranges for i in r] == list(range(len(TEXTS)))
    for r in ranges:
        assert len(r) <= 3
        assert sum(sizes[i] for i in r) <= 400 or len(r) == 1  # one long row alone
    # the rows bound still holds where the text is short
    assert [list(r) for r in row_chunks.row_ranges(frame, rows=3, chars=10**9)] == [
        [0, 1, 2], [3, 4, 5], [6, 7]]  # fmt: skip


def test_a_frame_without_text_or_rows():
    numbers = pd.DataFrame({"n": range(7), "x": [0.5] * 7})
    assert [list(r) for r in row_chunks.row_ranges(numbers, rows=3, chars=1)] == [
        [0, 1, 2], [3, 4, 5], [6]]  # fmt: skip
    assert list(row_chunks.row_ranges(frame_of("str").iloc[:0], rows=3)) == []


def test_the_digest_turns_at_most_a_chunk_of_text_into_python_strings(monkeypatch):
    """Hashing turns rows into Python strings (`store._as_text`): a chunk of long rows is
    that copy's size, so it ends at the text bound (without it: one chunk of 8 rows)."""
    frame = frame_of("str")
    whole = store.row_hashes(frame)
    seen = []
    real = store._as_text
    monkeypatch.setattr(store, "_as_text", lambda rows: seen.append(len(rows)) or real(rows))
    monkeypatch.setattr(row_chunks, "CHARS", 400)
    assert (store.row_hashes(frame) == whole).all()
    assert seen == [4, 1, 2, 1]  # 380 characters, 1,005 alone, 20, 705 alone


def test_every_writer_gives_the_same_output_in_small_chunks(project_tables, tmp_path,
                                                            monkeypatch):  # fmt: skip
    digest = store.content_hash(project_tables)
    claims = project_tables["claims"]
    database.write_database(tmp_path / "whole.sqlite", project_tables)
    monkeypatch.setattr(row_chunks, "CHARS", 500)  # a few rows of claims at a time
    assert len(list(row_chunks.row_ranges(claims, 10_000))) > 10
    assert store.content_hash(project_tables) == digest
    exports.write_frame(tmp_path / "claims.csv", claims)
    assert (tmp_path / "claims.csv").read_bytes() == frame_csv_bytes(claims)
    database.write_database(tmp_path / "chunked.sqlite", project_tables)
    back = database.read_database(tmp_path / "chunked.sqlite")[0]
    for name, frame in database.read_database(tmp_path / "whole.sqlite")[0].items():
        pd.testing.assert_frame_equal(back[name], frame, obj=name)
