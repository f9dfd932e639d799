"""Writing a build a chunk of rows at a time (flat memory at 100,000 articles) gives the same
bytes, digest and rows as writing each table whole."""

from __future__ import annotations

import pandas as pd
import pytest

from etl import database, exports, store
from etl.csvwriter import frame_csv_bytes

FRAME = pd.DataFrame(
    {
        "claim_id": [f"cl_{i}" for i in range(7)],
        "quote": ["=HYPERLINK(1)", "plain", None, "-12", "+ tab", "@x", "ok"],
        "value_low": [1.0, None, 3.5, -2.0, 0.0, 5.0, None],
        "n": [1, 2, 3, 4, 5, 6, 7],
    }
)


@pytest.mark.parametrize("frame", [FRAME, FRAME.iloc[:0]], ids=["rows", "empty"])
def test_csv_in_chunks_is_the_same_bytes(frame, tmp_path, monkeypatch):
    monkeypatch.setattr(exports, "CSV_CHUNK", 2)
    exports.write_frame(tmp_path / "t.csv", frame)
    written = (tmp_path / "t.csv").read_bytes()
    assert written == frame_csv_bytes(frame)
    assert written.count(b"claim_id") == 1  # one header
    assert b"'=HYPERLINK" in written or frame.empty  # still defused


def test_content_hash_in_chunks_is_the_same_digest(project_tables, monkeypatch):
    whole = store.content_hash(project_tables)
    monkeypatch.setattr(store, "HASH_CHUNK", 3)
    assert store.content_hash(project_tables) == whole
    changed = dict(project_tables)
    changed["claims"] = changed["claims"].assign(quote=changed["claims"]["quote"].str.upper())
    assert store.content_hash(changed) != whole


def test_database_rows_in_chunks_read_back_equal(project_tables, tmp_path, monkeypatch):
    monkeypatch.setattr(database, "ROW_CHUNK", 5)
    database.write_database(tmp_path / "c.sqlite", project_tables)
    back, meta = database.read_database(tmp_path / "c.sqlite")
    assert meta["schema_version"] == database.SCHEMA_VERSION
    for name, frame in project_tables.items():
        key = frame.columns[0]  # the primary key
        assert len(back[name]) == len(frame) > 0
        assert list(back[name][key]) == list(frame[key])
    figures = back["figures"].set_index("figure_id")["value_low"]
    expected = project_tables["figures"].set_index("figure_id")["value_low"]
    pd.testing.assert_series_equal(figures, expected, check_dtype=False)


MIXED = FRAME.assign(
    late=[None, None, None, "a", None, "b", None],  # text only after the first row groups
    nothing=[None] * 7,
    counts=pd.Series([None, 2, None, 4, 5, None, 7], dtype=object),  # ints and None
    flag=[True, False, True, True, False, False, True],
    text=pd.Series(["x", None, "z", "", "w", "v", None], dtype="str"),
)


@pytest.mark.parametrize("frame", [MIXED, MIXED.iloc[:0]], ids=["rows", "empty"])
def test_parquet_a_row_group_at_a_time_is_what_to_parquet_writes(frame, tmp_path, monkeypatch):
    """Each row group made Arrow and written on its own (docs/scale.md, "Session 33 (hI23)"):
    the same schema and pandas metadata as `to_parquet` of the whole frame, the same values
    read back (by pyarrow and by pandas), though a row group's values of a column may all be
    missing; fails with the whole frame written at once (one row group)."""
    import pyarrow.parquet as pq

    monkeypatch.setattr(exports, "PARQUET_ROWS", 2)
    frame.to_parquet(tmp_path / "whole.parquet", index=False)
    exports.write_parquet(tmp_path / "parts.parquet", frame)
    whole, parts = (pq.ParquetFile(tmp_path / f"{n}.parquet") for n in ("whole", "parts"))
    assert parts.schema_arrow.equals(whole.schema_arrow, check_metadata=True)
    assert parts.read().equals(whole.read())
    pd.testing.assert_frame_equal(pd.read_parquet(tmp_path / "parts.parquet"), pd.read_parquet(
        tmp_path / "whole.parquet"))  # fmt: skip
    assert [parts.metadata.row_group(i).num_rows for i in range(parts.num_row_groups)] == [
        2, 2, 2, 1][: parts.num_row_groups] and parts.metadata.num_rows == len(frame)  # fmt: skip
    assert parts.num_row_groups == (len(frame) + 1) // 2


def test_parquet_exports_of_a_build_read_back_as_the_tables(project_tables, tmp_path, monkeypatch):
    import pyarrow.parquet as pq

    monkeypatch.setattr(exports, "PARQUET_ROWS", 7)
    exports.write_exports(tmp_path / "exports", project_tables, "b1")
    for name, frame in project_tables.items():
        path = tmp_path / "exports" / f"{name}.parquet"
        frame.to_parquet(tmp_path / "whole.parquet", index=False)
        whole = pq.ParquetFile(tmp_path / "whole.parquet")
        assert pq.ParquetFile(path).schema_arrow.equals(whole.schema_arrow, check_metadata=True)
        assert pq.read_table(path).equals(whole.read()), name
        assert pq.ParquetFile(path).num_row_groups == max(-(-len(frame) // 7), 0), name
