"""The warm launcher (`python -m dashboard.serve`): the first visit finds its work done."""

from __future__ import annotations

import logging

import pytest
from streamlit.testing.v1 import AppTest

from dashboard import serve
from dashboard.components import loader
from dashboard.mapview import SCREEN_WIDTH_PX
from dashboard.views import TABLE_ROWS
from etl.settings import ROOT, Paths

APP = str(ROOT / "dashboard" / "app.py")
#: What a first run may still add to the default view: the event chooser's newest events
#: (the detail column's, not derived ahead).
FIRST_RUN_OWN = {"_newest"}


@pytest.fixture
def default_data(tmp_path, monkeypatch):
    monkeypatch.setenv("CONFLICT_STORE", str(tmp_path / "absent.sqlite"))  # embedded default data
    loader._load.clear()
    yield
    loader._load.clear()


def test_the_first_visit_uses_what_the_warm_start_made(default_data):
    assert serve.warm_up() > 0
    data = loader.load_data(Paths.from_env())
    assert len(data.pages) == 1  # the default view, derived before any visit
    (page,) = data.pages._values.values()
    kept_decks, kept_tables = dict(page._decks), dict(page._tables)
    fitted = (SCREEN_WIDTH_PX, page.fit(SCREEN_WIDTH_PX)[1])  # kept per width and view
    assert list(kept_decks) == [fitted] and list(kept_tables) == [TABLE_ROWS]
    timeline = page.timeline
    made = set(vars(page))  # what the warm start derived (cached properties)

    at = AppTest.from_file(APP, default_timeout=60)
    at.run()
    assert not at.exception, at.exception
    # the first run derived nothing more of the default view (the timeline as sent and the
    # map's legend were made in the first visit's run before 2026-12-03)
    assert {"screen_timeline", "legend"} <= made
    assert set(vars(page)) - made <= FIRST_RUN_OWN, set(vars(page)) - made
    # the same loaded data (a cache hit), and the page's first run asked for the state the
    # warm start derived: no second state, the same figure, map and table objects
    assert loader.load_data(Paths.from_env()) is data
    assert len(data.pages) == 1 and data.pages.hits >= 1
    assert page.timeline is timeline
    assert page._decks[fitted] is kept_decks[fitted]
    assert page._tables[TABLE_ROWS] is kept_tables[TABLE_ROWS]
    title = at.get("plotly_chart")[0].proto.spec
    assert f"({len(page.shown)} of " in title  # M counts published events only (acac64a)


def test_an_unreadable_store_is_left_to_the_page(tmp_path, monkeypatch, caplog):
    store = tmp_path / "store"
    store.write_bytes(b"this is not a database")
    monkeypatch.setenv("CONFLICT_STORE", str(store))
    loader._load.clear()
    with caplog.at_level(logging.WARNING, logger="dashboard.serve"):
        assert serve.warm_up() >= 0  # no traceback out of the launcher
    assert any("warm start skipped" in r.getMessage() for r in caplog.records)
    at = AppTest.from_file(APP, default_timeout=60)
    at.run()
    assert [e.value for e in at.error][0].startswith("The event store **")
    loader._load.clear()


def test_the_warm_start_leaves_streamlits_warnings_on(default_data):
    serve.warm_up()
    for name in serve.NO_RUN_WARNINGS:
        assert logging.getLogger(name).level != logging.ERROR


def test_flags_are_streamlit_runs_own():
    args, flags = serve.parse(
        ["--server.port", "8605", "--browser.gatherUsageStats", "false", "--", "extra"]
    )
    assert args == ["extra"]
    assert flags["server_port"] == 8605 and flags["browser_gatherUsageStats"] is False
    assert flags["server_address"] is None  # unset flags leave the config file's value
    with pytest.raises(Exception, match="no-such"):
        serve.parse(["--no-such.option", "1"])
