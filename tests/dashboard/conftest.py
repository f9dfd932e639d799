"""Shared fixtures of the dashboard's tests."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from etl.settings import ROOT

APP = str(ROOT / "dashboard" / "app.py")


def browser_asks(at: AppTest) -> AppTest:
    """`at` whose every run is followed, as in the browser, by the event detail's own run
    when the run left the detail to it (a filter change: the reader's page draws a
    placeholder and `dashboard/components/after_draw.py` asks for the detail once the
    timeline is redrawn; JavaScript AppTest does not run). The run alone: `at.run_once`."""
    once = at._run

    def run(widget_state=None, timeout=None):
        result = once(widget_state, timeout)
        state = result.session_state
        if "_detail_pending" in state and state["_detail_pending"]:
            result = once(result._tree.get_widget_states(), timeout)
        return result

    at._run = run
    at.run_once = lambda: once(at._tree.get_widget_states(), None)
    return at


@pytest.fixture
def app(tmp_path, monkeypatch):
    """The app run once in AppTest on the embedded default data (no store folder)."""
    monkeypatch.setenv("CONFLICT_STORE", str(tmp_path / "absent.sqlite"))
    at = browser_asks(AppTest.from_file(APP, default_timeout=90))
    at.run()
    assert not at.exception, at.exception
    return at


@pytest.fixture
def reader(app):
    """The app as the browser has it once the first screenful is drawn: the map and the event
    detail asked for (`ask_for_map`: a session's first run leaves both out)."""
    from tests.dashboard.analyst_helpers import ask_for_map

    ask_for_map(app)
    assert not app.exception, app.exception
    return app


@pytest.fixture
def store(tmp_path, monkeypatch):
    """An empty store folder the page reads and writes (CONFLICT_STORE); a test module may
    define its own `store`, which wins."""
    path = tmp_path / "store"
    monkeypatch.setenv("CONFLICT_STORE", str(path))
    return path
