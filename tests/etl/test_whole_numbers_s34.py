"""A whole-number column ends in the dtype a whole build of its rows would have, whichever
build made the table (session 34: a merged build kept the previous build's float64
`geo_precision`, with no gap left, where a full build had int64; its CSV said "1.0")."""

from __future__ import annotations

import sqlite3

import numpy as np
import pandas as pd

from etl.database import _ddl, _sql_type
from etl.incremental import _like
from etl.tables import WHOLE_NUMBERS


def test_a_whole_column_without_a_gap_is_int64_whatever_the_previous_build_had():
    old = pd.DataFrame({"event_id": ["a", "b"], "geo_precision": [1.0, np.nan],
                        "radius_km": [1.0, 2.0]})  # fmt: skip
    merged = pd.DataFrame({"event_id": ["a", "c"], "geo_precision": [1.0, 3.0],
                           "radius_km": [1.0, 4.0]})  # fmt: skip
    out = _like(merged, old, WHOLE_NUMBERS["events"])
    assert out["geo_precision"].dtype == np.int64
    assert out["geo_precision"].tolist() == [1, 3]
    assert out["radius_km"].dtype == np.float64  # not a whole-number column: kept


def test_a_whole_column_with_a_gap_is_float64_even_when_the_previous_build_had_none():
    old = pd.DataFrame({"geo_precision": [1, 2]})
    merged = pd.DataFrame({"geo_precision": [1, None]}, dtype=object)
    out = _like(merged, old, WHOLE_NUMBERS["events"])
    assert out["geo_precision"].dtype == np.float64
    assert out["geo_precision"].isna().tolist() == [False, True]


def test_an_int_column_that_gained_a_gap_does_not_raise():
    old = pd.DataFrame({"n_chars": [10, 20]})
    merged = pd.DataFrame({"n_chars": [10, None]}, dtype=object)
    out = _like(merged, old)
    assert out["n_chars"].dtype == np.float64
    assert out["n_chars"].iloc[0] == 10


def test_a_whole_column_is_stored_as_integer_and_reads_back_as_a_full_build_has_it():
    gappy = pd.DataFrame({"event_id": ["a", "b"], "geo_precision": [1.0, np.nan]})
    assert _sql_type(gappy["geo_precision"]) == "REAL"  # what the frame alone would say
    conn = sqlite3.connect(":memory:")
    conn.execute(_ddl("events", gappy))
    conn.executemany("INSERT INTO events VALUES (?, ?)", [("a", 1.0), ("b", None)])
    conn.execute("DELETE FROM events WHERE event_id = 'b'")  # the gap closed by a later batch
    back = pd.read_sql_query("SELECT * FROM events", conn)
    assert back["geo_precision"].dtype == np.int64
    assert back["geo_precision"].tolist() == [1]
