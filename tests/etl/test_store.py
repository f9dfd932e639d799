from __future__ import annotations

import pandas as pd
import pytest

from etl import store
from etl.build import build_tables
from etl.store import StoreError, read_store, write_store


def test_round_trip_keeps_every_table(mini):
    tables = build_tables(mini)
    write_store(mini.store, tables)
    back, meta = read_store(mini.store)
    assert meta["schema_version"] == store.SCHEMA_VERSION
    for name, frame in tables.items():
        assert list(back[name].columns) == list(frame.columns)
        assert len(back[name]) == len(frame)
    assert back["claims"]["quote"].tolist() == tables["claims"]["quote"].tolist()


def test_failed_write_leaves_old_store_and_no_temp_files(mini):
    tables = build_tables(mini)
    write_store(mini.store, tables)
    before = mini.store.read_bytes()
    broken = dict(tables)
    broken["figures"] = tables["figures"].assign(claim_id="cl_missing")  # foreign key fails
    with pytest.raises(StoreError, match="FOREIGN KEY constraint failed"):
        write_store(mini.store, broken)
    assert mini.store.read_bytes() == before
    assert [p.name for p in mini.store.parent.iterdir()] == [mini.store.name]


def test_primary_keys_are_enforced(mini):
    tables = build_tables(mini)
    doubled = dict(tables)
    doubled["events"] = pd.concat([tables["events"], tables["events"]])
    with pytest.raises(StoreError, match="UNIQUE constraint failed: events.event_id"):
        write_store(mini.store, doubled)
    assert not mini.store.exists()


def test_reading_garbage_is_a_clear_error(tmp_path):
    path = tmp_path / "x.sqlite"
    path.write_bytes(b"not a database at all" * 100)
    with pytest.raises(StoreError, match="not a readable store"):
        read_store(path)
    with pytest.raises(StoreError, match="run `python -m etl build`"):
        read_store(tmp_path / "absent.sqlite")
