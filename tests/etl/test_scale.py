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
