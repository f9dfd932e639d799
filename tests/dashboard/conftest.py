"""Shared fixtures of the dashboard's tests."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from etl.settings import ROOT

APP = str(ROOT / "dashboard" / "app.py")


@pytest.fixture
def app(tmp_path, monkeypatch):
    """The app run once in AppTest on the embedded default data (no store folder)."""
    monkeypatch.setenv("CONFLICT_STORE", str(tmp_path / "absent.sqlite"))
    at = AppTest.from_file(APP, default_timeout=90)
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
