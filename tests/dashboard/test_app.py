"""The app run headless by Streamlit's AppTest on the real default data."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from streamlit.testing.v1 import AppTest

from etl.settings import ROOT

APP = str(ROOT / "dashboard" / "app.py")


@pytest.fixture
def app(tmp_path, monkeypatch):
    monkeypatch.setenv("CONFLICT_STORE", str(tmp_path / "absent.sqlite"))  # embedded default data
    at = AppTest.from_file(APP, default_timeout=60)
    at.run()
    assert not at.exception, at.exception
    return at


def _description(at: AppTest) -> str:
    return next(md.value for md in at.markdown if "events shown" in md.value or "event shown" in md.value)


def _counts(at: AppTest) -> tuple[int, int]:
    for md in at.markdown:
        found = re.search(r"(\d+) of (\d+) events? shown", md.value)
        if found:
            return int(found[1]), int(found[2])
    raise AssertionError("no 'N of M events shown' line")


def test_default_page_shows_every_news_event(app, project_tables):
    shown, total = _counts(app)
    events = project_tables["events"]
    assert total == len(events)
    reviewed = events["review_status"] != "pending"
    assert shown == len(events[~events["background"].astype(bool) & reviewed]) < total
    assert app.title[0].value == "Conflict timeline"
    assert len(app.get("plotly_chart")) == 1
    assert len(app.get("deck_gl_json_chart")) == 1
    table = app.dataframe[-1].value
    assert len(table) == shown
    assert app.sidebar.slider(key="f_dates").value == (
        dt.date(2019, 1, 1),
        dt.date(2019, 3, 4),
    )  # the news events' own range
    app.sidebar.toggle(key="f_background").set_value(True).run()
    assert _counts(app) == (int(reviewed.sum()), total)
    app.sidebar.toggle(key="f_pending").set_value(True).run()
    assert _counts(app) == (total, total)
    assert "not yet reviewed" in _description(app)
    assert app.sidebar.slider(key="f_dates").value[0].year == 2014
    assert app.selectbox(key="event_choice").value in set(project_tables["events"]["event_id"])


def _set_and_count(app: AppTest, key: str, value) -> tuple[int, int]:
    widget = app.sidebar.multiselect(key=key) if key != "f_dates" else app.sidebar.slider(key=key)
    widget.set_value(value).run()
    assert not app.exception, app.exception
    return _counts(app)


def _counts_default(tables) -> tuple[int, int]:
    events = tables["events"]
    visible = ~events["background"].astype(bool) & (events["review_status"] != "pending")
    return int(visible.sum()), len(events)


def _expected(tables, **where) -> int:
    from dashboard.filters import Filters, apply_filters, default_filters, filter_options
    from dashboard.views import event_frame
    from etl.schemas import AREAS

    view = event_frame(tables)
    options = filter_options(view, tables["outlets"], tables["actors"], AREAS)
    filters = Filters(**{**default_filters(options).__dict__, **where})
    return len(apply_filters(view, filters))


@pytest.mark.parametrize(
    ("key", "value", "field"),
    [
        ("f_types", ["evacuation"], "event_types"),
        ("f_areas", ["Idlib"], "areas"),
        ("f_outlets", ["cbc"], "outlets"),
        ("f_claimants", ["sohr"], "claimants"),
    ],
)
def test_each_filter_changes_what_is_shown(app, project_tables, key, value, field):
    total = len(project_tables["events"])
    shown, all_events = _set_and_count(app, key, value)
    assert all_events == total
    assert 0 < shown < total
    assert shown == _expected(project_tables, **{field: tuple(value)})
    assert len(app.dataframe[-1].value) == shown


def test_date_filter_narrows_and_reset_restores(app, project_tables):
    shown, total = _set_and_count(app, "f_dates", (dt.date(2019, 2, 18), dt.date(2019, 2, 18)))
    assert 0 < shown < total
    assert shown == _expected(
        project_tables, date_from=dt.date(2019, 2, 18), date_to=dt.date(2019, 2, 18)
    )
    app.sidebar.button[0].click().run()
    assert _counts(app) == _counts_default(project_tables)


def test_detail_shows_the_quotes_of_the_chosen_event(app, project_tables):
    claims = project_tables["claims"]
    busiest = claims["event_id"].value_counts().index[0]
    app.selectbox(key="event_choice").set_value(busiest).run()
    shown_text = re.sub(r"\\(.)", r"\1", " ".join(m.value for m in app.markdown))
    quotes = claims[claims["event_id"] == busiest]["quote"]
    assert len(quotes) >= 2
    for quote in quotes:
        assert quote.replace("\n", " ") in shown_text


def test_no_match_says_so(app):
    app.sidebar.multiselect(key="f_areas").set_value(["Al-Hol"]).run()
    app.sidebar.multiselect(key="f_types").set_value(["airstrike"]).run()
    assert _counts(app)[0] == 0
    assert any("No events match" in i.value for i in app.info)


def test_link_restores_the_view(tmp_path, monkeypatch, project_tables):
    monkeypatch.setenv("CONFLICT_STORE", str(tmp_path / "absent.sqlite"))
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params["areas"] = "Idlib"
    at.query_params["types"] = "explosion"
    at.run()
    assert not at.exception
    assert at.sidebar.multiselect(key="f_areas").value == ["Idlib"]
    shown, _ = _counts(at)
    assert shown == _expected(project_tables, areas=("Idlib",), event_types=("explosion",)) >= 1


def test_filters_are_written_to_the_url(app):
    app.sidebar.multiselect(key="f_areas").set_value(["Al-Hol"]).run()
    assert app.query_params["areas"] == ["Al-Hol"] or app.query_params["areas"] == "Al-Hol"
