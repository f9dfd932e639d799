"""The reader's filters driven through their widgets (Streamlit AppTest, default data):
Reset puts every widget back, presets and typed dates move the slider, the event search
matches days as days."""

from __future__ import annotations

import datetime as dt
import re

from streamlit.testing.v1 import AppTest

from etl.settings import ROOT

APP = str(ROOT / "dashboard" / "app.py")
WHOLE = (dt.date(2019, 1, 1), dt.date(2019, 3, 4))


def _run(at: AppTest) -> AppTest:
    assert not at.exception, at.exception
    return at


def _header(at: AppTest) -> str:
    line = next(md.value for md in at.markdown if re.search(r"\d+ of \d+ events? shown", md.value))
    return re.sub(r"\\(.)", r"\1", line)


def _shown(at: AppTest) -> int:
    return int(re.search(r"(\d+) of \d+ events? shown", _header(at))[1])


def _widgets(at: AppTest) -> dict[str, object]:
    """Every filter widget's value as drawn (a toggle the data has no events for is not drawn,
    nor the event search when no event is shown)."""
    sb = at.sidebar
    toggles = {t.key: t.value for t in sb.toggle}
    finds = [t.value for t in at.text_input if t.key == "event_find"]
    return {
        "dates": sb.slider(key="f_dates").value,
        "from": sb.date_input(key="f_from").value,
        "to": sb.date_input(key="f_to").value,
        **{
            k: sb.multiselect(key=k).value
            for k in ("f_types", "f_areas", "f_outlets", "f_claimants", "f_batches")
        },  # fmt: skip
        "pending": toggles.get("f_pending", False),
        "background": toggles["f_background"],
        "find": finds[0] if finds else None,
    }


DEFAULTS = {
    "dates": WHOLE,
    "from": WHOLE[0],
    "to": WHOLE[1],
    "f_types": [],
    "f_areas": [],
    "f_outlets": [],
    "f_claimants": [],
    "f_batches": [],
    "pending": False,
    "background": False,
    "find": "",
}


def test_reset_puts_every_widget_back_and_nothing_comes_back_later(reader):
    default_count = _shown(reader)
    assert _widgets(reader) == DEFAULTS
    sb = reader.sidebar
    _run(sb.multiselect(key="f_outlets").set_value(["cbc"]).run())
    _run(sb.multiselect(key="f_types").set_value(["evacuation"]).run())
    _run(sb.multiselect(key="f_claimants").set_value(["sdf"]).run())
    _run(sb.toggle(key="f_background").set_value(True).run())
    if any(t.key == "f_pending" for t in reader.sidebar.toggle):  # extracted events to review
        _run(reader.sidebar.toggle(key="f_pending").set_value(True).run())
    _run(sb.slider(key="f_dates").set_value((dt.date(2019, 2, 1), dt.date(2019, 2, 28))).run())
    assert _shown(reader) > 0
    _run(reader.text_input(key="event_find").set_value("convoy").run())
    assert "reported by CBC News" in _header(reader)
    assert _widgets(reader)["background"] is True

    _run(reader.sidebar.button(key="f_reset").click().run())
    assert _widgets(reader) == DEFAULTS
    assert _shown(reader) == default_count
    header = _header(reader)
    assert "reported by" not in header and "claimed by" not in header
    assert "without 5 background events" in header

    # the next change of another widget does not bring the old choices back
    _run(reader.sidebar.multiselect(key="f_areas").set_value(["Idlib"]).run())
    after = _widgets(reader)
    assert after["f_outlets"] == [] and after["f_types"] == [] and after["f_claimants"] == []
    assert after["pending"] is False and after["background"] is False
    assert after["dates"] == WHOLE
    assert "reported by" not in _header(reader)
    assert 0 < _shown(reader) < default_count


def test_presets_and_typed_dates_move_the_slider(app):
    sb = app.sidebar
    _run(sb.date_input(key="f_from").set_value(dt.date(2019, 2, 20)).run())
    assert sb.slider(key="f_dates").value == (dt.date(2019, 2, 20), WHOLE[1])
    _run(sb.button(key="f_preset_day").click().run())
    assert app.sidebar.slider(key="f_dates").value == (dt.date(2019, 2, 20),) * 2
    assert app.sidebar.date_input(key="f_to").value == dt.date(2019, 2, 20)
    assert "dated 20 Feb 2019" in _header(app)
    _run(app.sidebar.button(key="f_preset_later").click().run())
    assert app.sidebar.slider(key="f_dates").value == (dt.date(2019, 2, 21),) * 2
    one_day = _shown(app)
    _run(app.sidebar.button(key="f_preset_week").click().run())
    assert app.sidebar.slider(key="f_dates").value == (dt.date(2019, 2, 21), dt.date(2019, 2, 27))
    assert _shown(app) >= one_day
    # a 'to' typed before the 'from' drags the range to that one day
    _run(app.sidebar.date_input(key="f_to").set_value(dt.date(2019, 2, 10)).run())
    assert app.sidebar.slider(key="f_dates").value == (dt.date(2019, 2, 10),) * 2
    _run(app.sidebar.button(key="f_preset_all").click().run())
    assert app.sidebar.slider(key="f_dates").value == WHOLE
    assert "over the whole range" in _header(app)


def _steps(at: AppTest) -> tuple[bool, bool]:
    """Whether Earlier and Later are disabled."""
    return tuple(at.sidebar.button(key=f"f_preset_{n}").disabled for n in ("earlier", "later"))


def _range_caption(at: AppTest) -> str:
    return next(c.value for c in at.sidebar.caption if c.value.startswith("Showing "))


def test_earlier_and_later_are_disabled_at_the_range_edges(app):
    """They clamped silently at the range's edge: a click changed nothing and said nothing."""
    assert _steps(app) == (True, True)  # the whole range: nothing before or after it
    assert _range_caption(app) == "Showing the whole range."
    _run(app.sidebar.button(key="f_preset_day").click().run())  # the first day
    assert app.sidebar.slider(key="f_dates").value == (WHOLE[0],) * 2
    assert _steps(app) == (True, False)
    assert "nothing earlier" in _range_caption(app)
    assert "the data's first day" in app.sidebar.button(key="f_preset_earlier").help
    _run(app.sidebar.button(key="f_preset_later").click().run())
    assert _steps(app) == (False, False)
    assert _range_caption(app) == "Showing one day."
    _run(app.sidebar.date_input(key="f_from").set_value(WHOLE[1]).run())  # the last day
    assert app.sidebar.slider(key="f_dates").value == (WHOLE[1],) * 2
    assert _steps(app) == (False, True)
    assert "nothing later" in _range_caption(app)


def test_the_event_search_matches_a_day_as_a_day(reader, project_tables):
    _run(reader.text_input(key="event_find").set_value("20 Feb").run())
    options = reader.selectbox(key="event_choice").options
    assert options, "nothing found for 20 Feb"
    for label in options:  # every option's date window holds 20 Feb
        found = re.match(r"(\d{4})-(\d\d)-(\d\d)(?: → (?:(\d{4})-)?(\d\d)-(\d\d))? · ", label)
        assert found, label
        y, m, d, y2, m2, d2 = found.groups()
        start = dt.date(int(y), int(m), int(d))
        end = dt.date(int(y2 or y), int(m2), int(d2)) if m2 else start
        assert start <= dt.date(2019, 2, 20) <= end, label
    assert any("20 Feb 2019 ·" in o for o in options)  # the day itself
    assert any(" → " in o for o in options)  # and windows holding it
    chosen = reader.selectbox(key="event_choice").value
    events = project_tables["events"].set_index("event_id")
    assert (
        str(events.at[chosen, "date_start"]) <= "2019-02-20" <= str(events.at[chosen, "date_end"])
    )
    everything = len(project_tables["events"])
    assert len(options) < everything / 2


def test_presets_write_the_link_and_a_link_restores_the_widgets(tmp_path, monkeypatch):
    from dashboard.date_presets import one_week

    monkeypatch.setenv("CONFLICT_STORE", str(tmp_path / "absent.sqlite"))
    at = AppTest.from_file(APP, default_timeout=90)
    at.run()
    _run(at.sidebar.date_input(key="f_from").set_value(dt.date(2019, 2, 20)).run())
    _run(at.sidebar.button(key="f_preset_week").click().run())
    _run(at.sidebar.multiselect(key="f_claimants").set_value(["un"]).run())
    week = one_week((dt.date(2019, 2, 20),) * 2, WHOLE)
    params = {k: at.query_params[k] for k in at.query_params}
    assert params["from"] in ("2019-02-20", ["2019-02-20"])
    assert params["to"] in (week[1].isoformat(), [week[1].isoformat()])
    assert params["by"] in ("un", ["un"])

    # a fresh session opened on that link shows the same widgets
    linked = AppTest.from_file(APP, default_timeout=90)
    for key, value in params.items():
        linked.query_params[key] = value[0] if isinstance(value, list) else value
    linked.run()
    assert not linked.exception, linked.exception
    assert linked.sidebar.slider(key="f_dates").value == week
    assert linked.sidebar.date_input(key="f_from").value == week[0]
    assert linked.sidebar.date_input(key="f_to").value == week[1]
    assert linked.sidebar.multiselect(key="f_claimants").value == ["un"]
    assert _header(linked) == _header(at)

    # an old link that names the UN's rights office opens on the United Nations
    old = AppTest.from_file(APP, default_timeout=90)
    old.query_params["by"] = "un_ohchr"
    old.run()
    assert old.sidebar.multiselect(key="f_claimants").value == ["un"]
    assert "claimed by United Nations" in _header(old)


def test_one_event_shown_is_counted_as_one_event(tmp_path, monkeypatch):
    """The map's heading read 'Where: 1 events, 1 Jan 2019' on a day of one event."""
    monkeypatch.setenv("CONFLICT_STORE", str(tmp_path / "absent.sqlite"))
    at = AppTest.from_file(APP, default_timeout=90)
    at.query_params["from"] = at.query_params["to"] = "2019-01-01"
    _run(at.run())
    assert _shown(at) == 1
    headings = [h.value for h in at.subheader if h.value.startswith("Where:")]
    assert headings == ["Where: 1 event, 1 Jan 2019"]


def test_default_state_gives_every_sidebar_widget_a_value(project_tables):
    from dashboard.components.sidebar import FILTER_KEYS
    from dashboard.filters import filter_options
    from dashboard.permalink import default_state
    from dashboard.views import event_frame
    from etl.schemas import AREAS

    view = event_frame(project_tables)
    options = filter_options(view, project_tables["outlets"], project_tables["actors"], AREAS)
    state = default_state(options)
    assert set(FILTER_KEYS) <= set(state)  # none left out (a missing key is a stale widget)
    assert state["f_dates"] == (options.date_min, options.date_max)
    assert state["f_background"] is False and state["f_pending"] is False
    assert all(state[k] == [] for k in FILTER_KEYS if k not in ("f_dates", "f_background",
                                                                "f_pending"))  # fmt: skip


def _subtitle(at: AppTest) -> str:
    line = next(c.value for c in at.caption if "every event traced" in c.value)
    return re.sub(r"\\(.)", r"\1", line)


def test_the_subtitle_names_the_areas_and_dates_shown_s35(tmp_path, monkeypatch):
    """A briefer's screenshot of '/?areas=Idlib' said 'Baghouz, Al-Hol and Idlib · 1 Jan – 4
    Mar 2019' under the title, whatever areas and dates were chosen: now the areas of the
    events shown (as the slide's default title) and the dates of the filter's window."""
    monkeypatch.setenv("CONFLICT_STORE", str(tmp_path / "absent.sqlite"))

    def subtitle(query: dict[str, str]) -> str:
        at = AppTest.from_file(APP, default_timeout=90)
        for key, value in query.items():
            at.query_params[key] = value
        return _subtitle(_run(at.run()))

    assert subtitle({"areas": "Idlib"}).startswith("Idlib · 1 Jan – 4 Mar 2019 · ")
    assert subtitle({}).startswith("Baghouz, Al-Hol, Idlib and elsewhere · 1 Jan – 4 Mar 2019")
    assert subtitle({"areas": "Baghouz", "from": "2019-03-01", "to": "2019-03-04"}).startswith(
        "Baghouz · 1–4 Mar 2019 · "
    )
    assert subtitle({"areas": "Elsewhere", "types": "statement"}).startswith("Syria · ")
