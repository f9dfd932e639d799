"""A store opened lazily (issue 10): the reader's frames are the ones a whole read gives, an
event's claims and figures are read for it alone, and what a page derives is kept per state."""

from __future__ import annotations

import dataclasses

import numpy as np
import pandas as pd
import pytest

from dashboard.columns import among
from dashboard.data import load_tables
from dashboard.derived import Derived, Source
from dashboard.event_detail import EventDetail
from dashboard.filters import apply_filters, default_filters, filter_options
from dashboard.lazy_tables import LazyTables, RowsByKey
from dashboard.page_cache import BoundedCache
from dashboard.sources_line import is_cut, outlets_summary
from dashboard.views import claim_frame, event_frame
from etl.schemas import AREAS
from etl.settings import Paths
from etl.store import write_store
from etl.synthetic import synthetic_tables


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    path = tmp_path_factory.mktemp("lazy") / "store"
    write_store(path, synthetic_tables(1_200, seed=5), {"synthetic": "test"}, exports=False)
    return Paths(store=path)


@pytest.fixture(scope="module")
def whole(store):
    return load_tables(store).tables


@pytest.fixture(scope="module")
def lazy(store):
    return load_tables(store, lazy=True).tables


def test_lazy_store_reads_the_big_tables_only_when_asked(lazy):
    assert isinstance(lazy, LazyTables)
    assert not any(lazy.loaded(name) for name in ("claims", "figures", "articles", "events"))
    assert lazy.loaded("places") and lazy.loaded("flows")
    assert lazy["article_texts"].empty  # never read by the dashboard, as with a whole read


def test_the_event_frame_is_the_same_from_a_lazy_store(whole, lazy):
    pd.testing.assert_frame_equal(event_frame(lazy), event_frame(whole))
    assert not lazy.loaded("claims")  # its columns were read, the table was not kept


def test_rows_by_rowid_and_by_key(whole, lazy):
    claims = whole["claims"]
    picked = lazy.by_rowid("claims", [3, 1, 2, 3])  # row ids count from 1, in insert order
    key = ["claim_id", "event_id", "quote", "char_start"]
    pd.testing.assert_frame_equal(picked[key], claims.iloc[[0, 1, 2]][key].reset_index(drop=True))
    wanted = whole["articles"]["article_id"].iloc[[5, 9]].tolist()
    assert sorted(lazy.by_key("articles", "article_id", wanted)["article_id"]) == sorted(wanted)
    assert lazy.by_rowid("claims", []).empty and list(lazy.by_rowid("claims", []).columns)


def test_rows_by_key_finds_every_row_of_a_key():
    universe = pd.Series(["a", "b", "c"])
    keys = pd.Series(["c", "a", "c", "x", "b", "c"])
    rows = RowsByKey(universe, keys, np.arange(10, 16))
    assert rows("c").tolist() == [10, 12, 15]
    assert rows("a").tolist() == [11] and rows("x").tolist() == [] and rows("z").tolist() == []


def test_one_events_detail_is_the_same_read_alone(whole, lazy):
    view = event_frame(whole)
    in_memory, read_alone = (
        EventDetail(whole, view["event_id"]),
        EventDetail(lazy, view["event_id"]),
    )
    assert read_alone.claims is None and in_memory.claims is not None
    all_claims = claim_frame(whole)
    for event in view["event_id"].sample(25, random_state=1):
        claims, figures = read_alone(event)
        expected = all_claims[all_claims["event_id"] == event]
        assert sorted(claims["claim_id"]) == sorted(expected["claim_id"]) and len(claims) > 0
        key = ["claim_id", "outlet", "title", "claimant_org", "quote"]
        pd.testing.assert_frame_equal(
            claims.sort_values("claim_id")[key].reset_index(drop=True),
            in_memory(event)[0].sort_values("claim_id")[key].reset_index(drop=True),
            check_dtype=False,
        )
        assert sorted(figures["figure_id"]) == sorted(in_memory(event)[1]["figure_id"])
    assert not lazy.loaded("claims")


def test_derived_parts_are_those_of_the_builders(whole):
    view = event_frame(whole)
    options = filter_options(view, whole["outlets"], whole["actors"], AREAS)
    filters = dataclasses.replace(default_filters(options), event_types=("clash", "airstrike"))
    page = Derived(Source(view, whole, None, AREAS), filters)
    pd.testing.assert_frame_equal(page.shown, apply_filters(view, filters))
    assert page.ids == page.shown["event_id"].tolist()
    outlets = sorted({o for names in page.shown["outlets"] for o in names})
    assert page.outlets == outlets
    # the footer's line: every outlet when they fit, else as many as fit and how many more
    whole = "Sources: " + ", ".join(outlets)
    cut = f"Sources: {outlets_summary(outlets)} (all under the map)"
    assert page.sources_line == (cut if is_cut(outlets) else whole)
    marked = page.deck_copy()
    marked.layers.append("ring")
    assert len(page.deck().layers) == len(marked.layers) - 1  # the kept deck is not changed
    assert page.timeline_copy() is not page.timeline


def test_bounded_cache_keeps_the_most_recent_states():
    cache: BoundedCache[int] = BoundedCache(size=2)
    made = []

    def make(k):
        return lambda: made.append(k) or k * 10

    assert [cache.get(k, make(k)) for k in (1, 2, 1, 3, 1, 2)] == [10, 20, 10, 30, 10, 20]
    assert made == [1, 2, 3, 2]  # 2 was dropped when 3 came (1 had been used since)
    assert len(cache) == 2 and 1 in cache and 3 not in cache
    with pytest.raises(ValueError):
        BoundedCache(size=0)


def test_among_is_isin():
    values = pd.Series(["a", None, "b", "c"])
    assert among(values, pd.Series(["b", "c", None])).tolist() == [False, False, True, True]
    assert among(values.astype("category"), ["a"]).tolist() == [True, False, False, False]
    assert among(values, []).tolist() == [False] * 4


def test_bounded_cache_drops_old_states_beyond_its_budget_of_events():
    cache: BoundedCache[int] = BoundedCache(size=8, weight=lambda n: n, budget=100)
    for key, events in enumerate((60, 30, 50, 5)):
        cache.get(key, lambda e=events: e)
    # 60 + 30 + 50 was over 100 besides the newest (5): the oldest went; 30 + 50 fits
    assert [k in cache for k in range(4)] == [False, True, True, True]
    assert cache.get(9, lambda: 500) == 500 and len(cache) == 4  # the newest is not counted
    cache.get(10, lambda: 40)  # now the 500 is counted: everything before the newest goes
    assert [k in cache for k in (1, 2, 3, 9, 10)] == [False, False, False, False, True]
    alone = BoundedCache(size=8, weight=lambda n: n, budget=10)
    assert alone.get("big", lambda: 1_000) == 1_000 and len(alone) == 1  # never dropped alone
