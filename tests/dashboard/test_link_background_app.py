"""A link naming a background event opens it; a link naming no event of the data says so."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from dashboard.permalink import BACKGROUND_NOTE
from dashboard.text import markdown_text
from tests.dashboard.analyst_helpers import ask_for_map
from tests.dashboard.conftest import APP, browser_asks


def _param(at: AppTest, key: str) -> str | None:
    value = at.query_params.get(key)
    return value[0] if isinstance(value, list) else value


def _linked(tmp_path, monkeypatch, event: str) -> AppTest:
    monkeypatch.setenv("CONFLICT_STORE", str(tmp_path / "absent.sqlite"))
    at = browser_asks(AppTest.from_file(APP, default_timeout=90))
    at.query_params["event"] = event
    at.run()
    assert not at.exception, at.exception
    ask_for_map(at)
    assert not at.exception, at.exception
    return at


def test_a_link_to_a_background_event_opens_it(tmp_path, monkeypatch, project_tables):
    events = project_tables["events"]
    background = events[events["background"].astype(bool) & (events["review_status"] != "pending")]
    linked = background["event_id"].iloc[0]
    at = _linked(tmp_path, monkeypatch, linked)
    # the named event is opened (it opened the best-documented news event instead)
    assert at.selectbox(key="event_choice").value == linked
    assert _param(at, "event") == linked
    # background events are on, in the sidebar's box and in the link alike, and the page says why
    assert at.sidebar.toggle(key="f_background").value is True
    assert _param(at, "bg") == "1"
    assert [i.value for i in at.info].count(markdown_text(BACKGROUND_NOTE)) == 1
    # turned off by the reader, the line goes (it no longer holds)
    at.sidebar.toggle(key="f_background").set_value(False).run()
    assert not at.exception, at.exception
    assert markdown_text(BACKGROUND_NOTE) not in [i.value for i in at.info]
    assert _param(at, "bg") is None


def test_a_link_to_a_shown_event_says_nothing(tmp_path, monkeypatch, project_tables):
    events = project_tables["events"]
    shown = events[~events["background"].astype(bool) & (events["review_status"] != "pending")]
    at = _linked(tmp_path, monkeypatch, shown["event_id"].iloc[0])
    assert at.sidebar.toggle(key="f_background").value is False
    assert _param(at, "bg") is None
    assert markdown_text(BACKGROUND_NOTE) not in [i.value for i in at.info]


def test_a_link_to_no_event_of_the_data_says_so(tmp_path, monkeypatch, project_tables):
    missing = "ev_000000000000"
    assert missing not in set(project_tables["events"]["event_id"])
    at = _linked(tmp_path, monkeypatch, missing)
    assert markdown_text(f"No event {missing} in this data") in [i.value for i in at.info]
    assert at.sidebar.toggle(key="f_background").value is False
