"""Rows kept a chunk at a time (etl/extracted.py `Columns`): the same frame as one made of
every row at once, with only one chunk's rows held as Python objects."""

from __future__ import annotations

import random

import numpy as np
import pandas as pd
import pytest

from etl import extracted
from etl.extracted import Columns
from tests.etl.test_light_mentions import _new, _old, _same, inputs  # noqa: F401

POOLS = [
    [None],
    ["a", "bb", None],
    [1, 2, 300_000],
    [1, None],
    [1.5, None, 2],
    [True, False],
    [True, None],
    ["x", 1, None],
    [float("nan"), 1.0],
]


def _whole(rows: list[dict], order: np.ndarray | None) -> pd.DataFrame:
    """What Columns made before: one DataFrame of every row's values at once."""
    keys = list(rows[0]) if rows else []
    picked = rows if order is None else [rows[i] for i in order]
    return pd.DataFrame({k: [r[k] for r in picked] for k in keys})


def test_chunks_make_the_frame_of_every_row():
    """Random columns (None-only chunks, ints beside floats, mixed objects) in random chunk
    sizes and orders: every dtype and value as the whole frame has them."""
    r = random.Random(7)
    for _ in range(300):
        n, chunk = r.randint(0, 60), r.randint(1, 12)
        pools = {f"c{i}": r.choice(POOLS) for i in range(6)}
        rows = [
            {k: r.choice(v if r.random() < 0.9 else v[:1]) for k, v in pools.items()}
            for _ in range(n)
        ]
        order = np.argsort(np.array([r.randint(0, 5) for _ in range(n)]), kind="stable")
        for wanted in (None, order):
            made = Columns(chunk)
            for row in rows:
                made.append(row)
            pd.testing.assert_frame_equal(made.frame(wanted), _whole(rows, wanted))


def test_dtypes_that_differ_between_chunks_are_inferred_over_all_values():
    rows = [{"s": None, "n": 1}, {"s": None, "n": None}, {"s": "a", "n": 2.5}, {"s": "b", "n": 3}]
    made = Columns(2)
    for row in rows:
        made.append(row)
    out = made.frame()
    assert out["s"].dtype == "str" and out["s"].tolist()[2:] == ["a", "b"]
    assert out["s"].isna().tolist() == [True, True, False, False]
    assert out["n"].dtype == "float64" and out["n"].tolist()[2:] == [2.5, 3.0]


def test_only_one_chunk_is_python_objects():
    made = Columns(10)
    for i in range(25):
        made.append({"text": f"sentence {i}", "at": i * 1000})
    assert made.filled == 5 and all(len(v) == 5 for v in made.columns.values())
    assert [len(p) for p in made.parts["text"]] == [10, 10]
    assert all(p.dtype == "str" for p in made.parts["text"])  # compact, not Python strings
    out = made.frame(np.arange(24, -1, -1))
    assert out["text"].tolist() == [f"sentence {i}" for i in range(24, -1, -1)]
    assert out["at"].dtype == "int64" and out["at"].iloc[0] == 24_000
    assert made.parts == {} and made.columns == {}  # released once the frame is made


def test_two_passes_in_small_chunks_make_the_same_tables(inputs, monkeypatch):  # noqa: F811
    """The build's own rows (claims, figures, flows of 24 news-length articles) in chunks of 7:
    every table and the merge index as the whole-mention merge makes them."""
    monkeypatch.setattr(extracted, "ROW_CHUNK", 7)
    curated, articles, per_article = inputs
    old = _old(curated, articles, per_article)
    assert len(old[0]["claims"]) > 100 and len(old[0]["figures"]) > 50
    _same(old, _new(curated, articles, per_article))


@pytest.mark.parametrize("chunk", [1, 3])
def test_tiny_chunks_on_the_seeds_and_bench(inputs, monkeypatch, chunk):  # noqa: F811
    monkeypatch.setattr(extracted, "ROW_CHUNK", chunk)
    curated, articles, per_article = inputs
    _same(_old(curated, articles, per_article), _new(curated, articles, per_article))
