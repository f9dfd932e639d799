"""The app run headless by Streamlit's AppTest on the real default data."""

from __future__ import annotations

import datetime as dt
import io
import json
import re

import pytest
from streamlit.testing.v1 import AppTest

from dashboard.components.events_table import TABLE_KEY
from dashboard.text import WORD_JOINER, markdown_text, plain_text
from etl.settings import ROOT
from tests.dashboard.analyst_helpers import ask_for_map
from tests.dashboard.hostile import hostile_value, write_hostile_store

APP = str(ROOT / "dashboard" / "app.py")


def _as_read(markdown: str) -> str:
    """What a reader sees of escaped Markdown: escapes undone, invisible joiners dropped."""
    return re.sub(r"\\(.)", r"\1", markdown).replace(WORD_JOINER, "")


def _description(at: AppTest) -> str:
    return next(
        md.value for md in at.markdown if "events shown" in md.value or "event shown" in md.value
    )


def _counts(at: AppTest) -> tuple[int, int]:
    for md in at.markdown:
        found = re.search(r"(\d+) of (\d+) events? shown", md.value)
        if found:
            return int(found[1]), int(found[2])
    raise AssertionError("no 'N of M events shown' line")


def test_default_page_shows_every_news_event(app, project_tables):
    shown, total = _counts(app)
    events = project_tables["events"]
    reviewed = events["review_status"] != "pending"
    assert total == reviewed.sum()  # those awaiting review are counted when included
    assert shown == len(events[~events["background"].astype(bool) & reviewed]) < total
    assert app.title[0].value == "Conflict timeline"
    assert len(app.get("plotly_chart")) == 1
    # the map follows in a second run, once the browser asks for it (width_probe): its place
    # is held meanwhile by a box of its height
    assert not app.get("deck_gl_json_chart")
    assert "Drawing the map…" in [c.value for c in app.caption]
    ask_for_map(app)
    assert len(app.get("deck_gl_json_chart")) == 1
    assert "Drawing the map…" not in [c.value for c in app.caption]
    assert not app.dataframe  # the table is made when its expander is opened
    table = _table(app)
    assert len(table) == shown
    assert app.sidebar.slider(key="f_dates").value == (
        dt.date(2019, 1, 1),
        dt.date(2019, 3, 4),
    )  # the news events' own range
    app.sidebar.toggle(key="f_background").set_value(True).run()
    assert _counts(app) == (int(reviewed.sum()), total)
    app.sidebar.toggle(key="f_pending").set_value(True).run()
    assert _counts(app) == (len(events), len(events))  # now counted, and shown
    assert "not yet reviewed" in _description(app)
    assert app.sidebar.slider(key="f_dates").value[0].year == 2014
    assert app.selectbox(key="event_choice").value in set(project_tables["events"]["event_id"])


def _table(at: AppTest):
    """The events table, its expander opened first (what the browser sends when the reader
    opens it: the table is made only while it is open)."""
    at.session_state[TABLE_KEY] = True
    at.run()
    assert not at.exception, at.exception
    return at.dataframe[-1].value


def _set_and_count(app: AppTest, key: str, value) -> tuple[int, int]:
    widget = app.sidebar.multiselect(key=key) if key != "f_dates" else app.sidebar.slider(key=key)
    widget.set_value(value).run()
    assert not app.exception, app.exception
    return _counts(app)


def _counts_default(tables) -> tuple[int, int]:
    events = tables["events"]
    visible = ~events["background"].astype(bool) & (events["review_status"] != "pending")
    return int(visible.sum()), int((events["review_status"] != "pending").sum())


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
def test_each_filter_changes_what_is_shown(reader, project_tables, key, value, field):
    app = reader  # the table is drawn with the map
    total = _counts_default(project_tables)[1]
    shown, all_events = _set_and_count(app, key, value)
    assert all_events == total
    assert 0 < shown < total
    assert shown == _expected(project_tables, **{field: tuple(value)})
    assert len(_table(app)) == shown


def test_date_filter_narrows_and_reset_restores(app, project_tables):
    shown, total = _set_and_count(app, "f_dates", (dt.date(2019, 2, 18), dt.date(2019, 2, 18)))
    assert 0 < shown < total
    assert shown == _expected(
        project_tables, date_from=dt.date(2019, 2, 18), date_to=dt.date(2019, 2, 18)
    )
    app.sidebar.button(key="f_reset").click().run()
    assert _counts(app) == _counts_default(project_tables)


def test_detail_shows_the_quotes_of_the_chosen_event(reader, project_tables):
    claims = project_tables["claims"]
    busiest = claims["event_id"].value_counts().index[0]
    reader.selectbox(key="event_choice").set_value(busiest).run()
    # folded claims are made when their expander is opened: open every one
    for key in ("detail_fold_0", "detail_fold_1", "detail_fold_2", "detail_fold_rest"):
        reader.session_state[key] = True
    reader.run()
    shown_text = _as_read(" ".join(m.value for m in reader.markdown))
    quotes = claims[claims["event_id"] == busiest]["quote"]
    assert len(quotes) >= 2
    for quote in quotes:
        assert plain_text(quote) in shown_text


def test_no_match_says_so(reader):
    reader.sidebar.multiselect(key="f_areas").set_value(["Al-Hol"]).run()
    reader.sidebar.multiselect(key="f_types").set_value(["airstrike"]).run()
    assert _counts(reader)[0] == 0
    assert any("No events match" in i.value for i in reader.info)


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


def _param(at: AppTest, key: str) -> str | None:
    value = at.query_params.get(key)
    return value[0] if isinstance(value, list) else value


def test_the_detail_follows_the_first_screenful_and_its_event_goes_in_the_link(app, project_tables):
    """A session's first run leaves the event detail out (below the fold, asked for by the
    browser with the map, issue 10): a box of its size holds its place and the link names no
    event yet; once asked, the chooser and the detail, and the link names the chosen event
    (synced in the detail's own run, which a choice reruns alone in the browser)."""
    assert not [s for s in app.selectbox if s.key == "event_choice"]
    assert "Drawing the event detail…" in [c.value for c in app.caption]
    assert _param(app, "event") is None
    ask_for_map(app)
    assert "Drawing the event detail…" not in [c.value for c in app.caption]
    chooser = app.selectbox(key="event_choice")
    assert _param(app, "event") == chooser.value
    events = project_tables["events"]
    shown = events[~events["background"].astype(bool) & (events["review_status"] != "pending")]
    other = next(e for e in shown["event_id"] if e != chooser.value)
    chooser.set_value(other).run()
    assert not app.exception, app.exception
    assert app.selectbox(key="event_choice").value == _param(app, "event") == other


def test_a_linked_event_is_kept_until_the_detail_is_drawn(tmp_path, monkeypatch, project_tables):
    """The link's event is no widget's value in the first run (the chooser is not drawn): it
    stays in the link and is the chooser's choice once the detail is drawn."""
    events = project_tables["events"]
    shown = events[~events["background"].astype(bool) & (events["review_status"] != "pending")]
    linked = shown["event_id"].iloc[0]
    monkeypatch.setenv("CONFLICT_STORE", str(tmp_path / "absent.sqlite"))
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params["event"] = linked
    at.run()
    assert not at.exception, at.exception
    assert _param(at, "event") == linked
    ask_for_map(at)
    assert at.selectbox(key="event_choice").value == _param(at, "event") == linked


def test_repeated_url_values_are_named_once(tmp_path, monkeypatch):
    monkeypatch.setenv("CONFLICT_STORE", str(tmp_path / "absent"))
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params["outlets"] = ",".join(["ap"] * 1000)
    at.run()
    assert not at.exception, at.exception
    assert at.sidebar.multiselect(key="f_outlets").value == ["ap"]
    assert _description(at).count("Associated Press") == 1


@pytest.fixture(scope="module")
def hostile_store(tmp_path_factory):
    store = tmp_path_factory.mktemp("hostile") / "store"
    return store, write_hostile_store(store)


def _run(monkeypatch, store) -> AppTest:
    monkeypatch.setenv("CONFLICT_STORE", str(store))
    at = AppTest.from_file(APP, default_timeout=60)
    at.run()
    assert not at.exception, at.exception
    return ask_for_map(at)  # the detail, as the browser asks for it


def test_hostile_data_is_shown_as_escaped_text(hostile_store, monkeypatch):
    store, tables = hostile_store
    at = _run(monkeypatch, store)
    shown = [m.value for m in [*at.markdown, *at.caption]]
    summary = hostile_value("events", "summary")
    assert markdown_text(summary) in shown  # the detail's summary, exactly as escaped
    quote = markdown_text(hostile_value("claims", "quote"))
    assert "> " + quote in shown
    # session 36: where a borrowed point came from, in the detail's caption, as text
    told = "How the place is known: " + markdown_text(hostile_value("events", "place_note"))
    assert any(told in c.value for c in at.caption)
    sources = next(c for c in shown if c.startswith("Sources: "))
    # a long list is cut to one line, with every outlet in the expander under it
    every = [m.value for e in at.expander if e.label.startswith("All ") for m in e.markdown]
    sources = " ".join([sources, *every])
    for outlet in tables["outlets"]["outlet_id"]:
        if outlet in sources:
            assert markdown_text(hostile_value("outlets", "name", outlet)) in sources
    # the event picker's options are plain text (Streamlit does not read them as Markdown)
    options = at.selectbox(key="event_choice").options
    assert all(option.endswith(": " + summary) for option in options)


def _deferred_csvs(monkeypatch) -> dict[str, object]:
    """File name -> the function a download button was given (run on click, not per rerun)."""
    from streamlit.runtime.media_file_manager import MediaFileManager

    made: dict[str, object] = {}
    keep = MediaFileManager.add_deferred

    def spy(self, data_callable, mimetype, coordinates, file_name=None, **kwargs):
        if mimetype == "text/csv":
            made[file_name] = data_callable
        return keep(self, data_callable, mimetype, coordinates, file_name, **kwargs)

    monkeypatch.setattr(MediaFileManager, "add_deferred", spy)
    return made


def _table_csv(made: dict[str, object]) -> str:
    """The events table's CSV (events_<from>_<to>.csv), built as a click would build it."""
    name = next(n for n in made if re.fullmatch(r"events_[\d-]+_[\d-]+\.csv", n))
    return made[name]().decode("utf-8")


def test_csv_download_defuses_formulas(hostile_store, monkeypatch):
    made = _deferred_csvs(monkeypatch)
    _run(monkeypatch, hostile_store[0])
    text = _table_csv(made)
    assert '\'=HYPERLINK(""http://x"")' in text  # CSV doubles the quotes inside a cell
    assert ",=HYPERLINK" not in text and '"=HYPERLINK' not in text


def test_table_and_chooser_list_the_newest_events_and_say_so(tmp_path, monkeypatch):
    import pandas as pd

    from dashboard import views
    from dashboard.components import linked

    monkeypatch.setattr(views, "TABLE_ROWS", 5)
    monkeypatch.setattr(linked, "CHOOSER_LIMIT", 4)
    made = _deferred_csvs(monkeypatch)
    monkeypatch.setenv("CONFLICT_STORE", str(tmp_path / "absent.sqlite"))
    at = AppTest.from_file(APP, default_timeout=60)
    at.run()
    ask_for_map(at)  # the chooser, as the browser asks for it
    assert not at.exception, at.exception
    shown, _ = _counts(at)
    every = pd.read_csv(io.StringIO(_table_csv(made)), keep_default_na=False)
    assert len(every) == shown > 5  # the CSV holds every event shown
    table = _table(at)
    assert list(table["event_id"]) == list(every["event_id"].iloc[-5:])  # the newest five
    captions = [c.value for c in at.caption]
    assert f"The table lists the newest 5 of the {shown:,} events shown; " in " ".join(captions)
    options = at.selectbox(key="event_choice").options
    assert len(options) == 4
    assert any(f"newest 4 of the {shown:,} events shown" in c for c in captions)
    # an older event is still found by the search box
    oldest = every.iloc[0]
    at.text_input(key="event_find").set_value(oldest["date_start"]).run()
    assert any(o.startswith(oldest["date_start"]) for o in at.selectbox(key="event_choice").options)


@pytest.mark.parametrize(
    "content",
    [
        b"this is not a database",
        b"SQLite format 3\x00" + b"\x00" * 200,  # a store cut off after its header
    ],
)
def test_unreadable_store_gives_a_message_not_a_traceback(tmp_path, monkeypatch, caplog, content):
    store = tmp_path / "store"
    store.write_bytes(content)
    at = _run(monkeypatch, store)
    assert [e.value for e in at.error] == [
        "The event store **…\\/store** could not be read: it is damaged, incomplete or from another "
        "version. Rebuild it with `python -m etl build`, then reload this page. "
        "The details are in the dashboard's server log."
    ]
    assert str(tmp_path) not in " ".join(m.value for m in [*at.markdown, *at.error])
    logged = [r for r in caplog.records if r.name == "dashboard"]
    assert logged and str(store) in logged[0].getMessage() and logged[0].exc_info


def test_timeline_caption_says_where_the_sources_are_as_the_chart_does(reader):
    """The chart's footer cuts a long sources line '(all under the map)'; the words under the
    chart must send the reader to the same place, not to a list under the chart."""
    app = reader  # the map's caption comes with the map

    def said(at: AppTest) -> tuple[bool, str]:
        spec = at.get("plotly_chart")[0].proto.spec
        caption = next(c.value for c in at.caption if c.value.startswith(("Dots:", "Bars:")))
        return "(all under the map)" in spec, caption

    cut, caption = said(app)
    assert cut  # the default page's five outlets do not fit the footer's line
    assert "all are listed under the map" in caption and "listed under the chart" not in caption
    listed = next(c.value for c in app.caption if c.value.startswith("Sources:"))
    assert " more" not in listed.split(". Basemap")[0]  # and the map's caption names them all
    app.sidebar.multiselect(key="f_areas").set_value(["Idlib"]).run()  # AFP's alone
    cut, caption = said(app)
    assert not cut
    assert "the sources are named under the chart" in caption and "map" not in caption
    # one outlet chosen: the footer names it and counts the others, listed under the map
    app.sidebar.multiselect(key="f_areas").set_value([]).run()
    app.sidebar.multiselect(key="f_outlets").set_value(["cbc"]).run()
    cut, caption = said(app)
    assert cut and "all are listed under the map" in caption
    listed = next(c.value for c in app.caption if c.value.startswith("Sources:"))
    assert listed.startswith(
        "Sources: " + markdown_text("CBC News; also reporting these events: Agence")
    )


def test_the_table_is_sent_only_once_its_expander_is_opened(reader):
    """Below the map, out of sight on a first page: its grid (script and canvas) is not
    drawn until the reader asks for it; closed again, it is not sent."""
    app = reader  # the folded table comes with the map
    shown, _ = _counts(app)
    table = next(e for e in app.expander if e.label.startswith("Table: "))
    assert table.label == f"Table: the {shown:,} events shown"
    assert not app.dataframe and not app.session_state[TABLE_KEY]
    assert len(_table(app)) == shown
    app.session_state[TABLE_KEY] = False
    app.run()
    assert not app.dataframe


def test_a_first_run_leaves_what_is_under_the_map_to_the_map_run(app, project_tables):
    """A session's first run holds the map's and the detail's places and sends nothing else
    below the timeline: the map's legend and captions, the briefing link, the print style,
    the table, the downloads and the origin line come in the map's own run, once the browser
    asks for it (the browser's work for them was ~0.2 CPU-s before the first screenful,
    issue 10). Nothing above them changes between the two runs."""

    def below(at: AppTest) -> dict[str, object]:
        return {
            "table": [e.label for e in at.expander if e.label.startswith("Table: ")],
            "downloads": len(at.get("download_button")),
            "html": len(at.get("html")),
            "sources": [c.value for c in at.caption if c.value.startswith("Sources:")],
            "briefing": [m.value for m in at.markdown if "Briefing view" in m.value],
        }

    first = below(app)
    assert first == {"table": [], "downloads": 0, "html": 0, "sources": [], "briefing": []}
    assert "Drawing the map…" in [c.value for c in app.caption]
    title, header = app.title[0].value, _description(app)
    timeline = app.get("plotly_chart")[0].proto.spec
    ask_for_map(app)
    assert not app.exception, app.exception
    after = below(app)
    shown, _ = _counts(app)
    assert after["table"] == [f"Table: the {shown:,} events shown"]
    assert after["downloads"] >= 1 and after["html"] == 1
    assert len(after["sources"]) == 1 and len(after["briefing"]) == 1
    assert app.title[0].value == title and _description(app) == header
    assert app.get("plotly_chart")[0].proto.spec == timeline  # the timeline as it was


def test_the_downloads_sit_in_one_row(reader):
    """The four downloads (the table's CSV, then the same events for other tools) in one
    horizontal row, each as wide as its label, a small gap between them: the table's CSV
    had a row of its own and the other three sat in three equal columns, far apart at 1920
    px (287 px between one and the next)."""
    parents = {}

    def walk(node) -> None:
        for child in getattr(node, "children", {}).values():
            if getattr(child, "type", None) == "download_button":
                parents[child.label] = node
            walk(child)

    walk(reader._tree)
    assert list(parents) == [
        "Download these events (CSV)", "Events with their sources (CSV)",
        "Map layer (GeoJSON)", "ACLED format (CSV)"]  # fmt: skip
    rows = {id(p): p for p in parents.values()}
    assert len(rows) == 1
    row = next(iter(rows.values())).proto
    assert row.id.endswith("-downloads")  # the key the print style hides the row by
    flex = row.flex_container
    assert flex.direction == flex.Direction.HORIZONTAL and flex.wrap
    gaps = flex.gap_config.DESCRIPTOR.fields_by_name["gap_size"].enum_type
    assert gaps.values_by_number[flex.gap_config.gap_size].name == "SMALL"
    assert not any(b.proto.use_container_width for b in reader.get("download_button"))


def test_the_timeline_is_sent_themed_so_the_browser_draws_it_once(reader):
    """Streamlit's theme is applied in the browser through a template, which made Plotly draw
    the chart a second time after mounting it (issue 10): the timeline goes with the theme
    already in its layout, no template, no typed arrays, a data revision and the selection
    modes set, drawn with theme=None. A selection marked on it goes the same way."""
    import json

    def sent(at: AppTest) -> tuple[dict, str]:
        chart = at.get("plotly_chart")[0].proto
        return json.loads(chart.spec), chart.theme

    spec, theme = sent(reader)
    layout = spec["layout"]
    assert theme == "" and "template" not in layout and "bdata" not in json.dumps(spec)
    assert layout["datarevision"] and layout["clickmode"] == "event+select"
    assert "Source Sans" in layout["hoverlabel"]["font"]["family"]  # Streamlit's, applied here
    reader.session_state["sel_events"] = [reader.selectbox(key="event_choice").value]
    reader.run()
    marked, theme = sent(reader)
    assert theme == "" and "template" not in marked["layout"]
    assert marked["layout"]["datarevision"] != layout["datarevision"]  # the marks changed


def test_on_a_wide_screen_the_timeline_footer_names_every_outlet_it_has_room_for(app):
    """At 1920x1080 (the map's column 840 px, as its probe measured) the footer cut the
    default page's five outlets to 'AP story ..., Agence France-Presse and 3 more (all under
    the map)', 900 px of its line left blank; it names all five now, and the words under the
    chart say so. At 1280x720 (440 px) it is cut as before."""
    from dashboard.sources_line import footer_chars

    def footer(at: AppTest) -> tuple[str, str]:
        spec = json.loads(at.get("plotly_chart")[0].proto.spec)
        (note,) = spec["layout"]["annotations"]
        caption = next(c.value for c in at.caption if c.value.startswith(("Dots:", "Bars:")))
        return note["text"], caption

    assert footer_chars(440) == 80  # the narrowest timeline keeps its share
    narrow, _ = footer(app)
    assert "and 3 more (all under the map)" in narrow
    # as column_width leaves it once the map's probe measured 840 px (or the cookie said so)
    app.session_state["map_width_seen"] = app.session_state["map_width_px"] = 840
    app.run()
    wide, caption = footer(app)
    assert wide.startswith("Sources: AP story in a newspaper reprint, Agence France-Presse, ")
    assert " more" not in wide and "(all under the map)" not in wide
    assert wide.count(", ") == 4  # five outlets
    assert "the sources are named under the chart" in caption
    app.session_state["map_width_seen"] = app.session_state["map_width_px"] = 440
    app.run()
    assert "and 3 more (all under the map)" in footer(app)[0]


def test_the_table_reads_when_what_where_who_first_s33(reader):
    """Session 33 (hD23): the grid's first screen at 1280x720 was date, date_start, date_end,
    date_precision, event_type, acled_event_type ...: the summary and the outlets 13 columns
    to the right. On screen they come first, in words; every column is still there, and the
    CSV keeps the table's own order and names."""
    app = reader
    table = _table(app)
    proto = app.dataframe[-1].proto
    order = list(proto.column_order)
    assert order[:8] == [
        "date", "event_type", "area", "place", "summary", "outlets", "claimants",
        "independent_sources",
    ]  # fmt: skip
    assert sorted(order) == sorted(table.columns)  # nothing hidden
    headings = {c: v.get("label") for c, v in json.loads(proto.columns).items()}
    assert headings["outlets"] == "reported by" and headings["event_type"] == "type"
    assert list(table.columns[:4]) == ["date", "date_start", "date_end", "date_precision"]
