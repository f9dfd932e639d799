"""The merge index spilled to a temporary file (etl/merge_state.spill): read back, saved and
removed as the frame it was made of."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from etl.merge_state import FOLDER, MergeState, save, spill
from etl.source_state import Sources


def _index() -> pd.DataFrame:
    return pd.DataFrame({
        "seq": [2, 0, 1],
        "article_id": ["b", "a", None],
        "latitude": pd.array([35.1, None, 36.0], dtype="Float64"),
        "toll": pd.array([None, 1, 0], dtype="Int64"),
        "further": [False, True, False],
    })  # fmt: skip


def test_a_spilled_index_reads_back_and_saves_the_same_bytes(tmp_path):
    frame = _index()
    handle = spill(frame)
    spilled = MergeState(handle, Sources(), "fp", 3)
    pd.testing.assert_frame_equal(spilled.index, frame)
    assert save(tmp_path / "a", spilled, "digest", "inputs", 2)
    assert save(tmp_path / "b", MergeState(frame, Sources(), "fp", 3), "digest", "inputs", 2)
    a, b = (tmp_path / s / FOLDER for s in ("a", "b"))
    assert (a / "index.parquet").read_bytes() == (b / "index.parquet").read_bytes()
    assert (a / "state.json").read_text() == (b / "state.json").read_text()
    pd.testing.assert_frame_equal(pd.read_parquet(a / "index.parquet"), frame)
    path = Path(handle.name)
    assert path.is_file()
    del spilled
    handle.close()
    assert not path.exists()  # the file goes with its handle


def test_a_spill_that_fails_leaves_no_file(tmp_path, monkeypatch):
    made = []
    real = pd.DataFrame.to_parquet

    def failing(self, path, **kwargs):
        made.append(Path(path))
        real(self, path, **kwargs)
        raise OSError("disk full")

    monkeypatch.setattr(pd.DataFrame, "to_parquet", failing)
    with pytest.raises(OSError, match="disk full"):
        spill(_index())
    assert made and not made[0].exists()
