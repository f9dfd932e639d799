from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from dashboard.briefing import (
    CREDITS,
    SIZES,
    briefing_params,
    clean_title,
    default_title,
    filters_from_state,
    legend_entries,
    make_briefing,
    outlets_of,
    parse_size,
    stamp,
)
from dashboard.filters import apply_filters, describe, events, filter_options
from dashboard.palette import TYPE_COLOURS
from dashboard.permalink import from_params
from dashboard.views import event_frame
from etl.schemas import AREAS

NOW = dt.datetime(2026, 12, 1, 0, 55, tzinfo=dt.UTC)


@pytest.fixture
def page(project_tables):
    view = event_frame(project_tables)
    options = filter_options(view, project_tables["outlets"], project_tables["actors"], AREAS)
    return view, options


def _select(page, query: dict[str, str]):
    view, options = page
    filters = filters_from_state(from_params(query, options), options)
    return apply_filters(view, filters), filters


def test_legend_lists_only_the_types_shown_in_palette_colours(page):
    shown, _ = _select(page, {"types": "airstrike,evacuation"})
    entries = legend_entries(shown, "both")
    types = [(e.label, e.colour) for e in entries if e.kind == "type"]
    assert types == [
        ("Airstrike", TYPE_COLOURS["airstrike"]),
        ("Evacuation", TYPE_COLOURS["evacuation"]),
    ]
    kinds = {e.kind for e in entries}
    assert "pending" not in kinds  # nothing awaiting review is shown
    assert {"halo", "count"} <= kinds  # the map is on the slide


def test_legend_explains_hollow_marks_only_when_pending_events_are_shown(page):
    shown, _ = _select(page, {"pending": "1"})
    assert shown["review_status"].eq("pending").any()
    kinds = [e.kind for e in legend_entries(shown, "both")]
    assert "pending" in kinds
    timeline_only = legend_entries(shown, "timeline")
    assert not {"halo", "count"} & {e.kind for e in timeline_only}  # no map, no halo entry


def test_a_map_of_grid_cells_is_explained_as_cells(page):
    shown, _ = _select(page, {"pending": "1"})
    cells = legend_entries(shown, "map", cells=True)
    assert [e.kind for e in cells] == ["cell"]  # grey cells: no type colours, halo, hollow
    assert "grid cell" in cells[0].label and "marker" not in cells[0].label
    both = {e.kind for e in legend_entries(shown, "both", cells=True)}
    assert {"type", "pending", "cell"} <= both and not {"halo", "count"} & both  # timeline's


def test_map_legend_leaves_out_types_the_map_cannot_place(page):
    shown, _ = _select(page, {"types": "airstrike,evacuation"})
    shown = shown.copy()
    shown.loc[shown["event_type"] == "airstrike", ["latitude", "longitude"]] = None
    labels = [e.label for e in legend_entries(shown, "map") if e.kind == "type"]
    assert labels == ["Evacuation"]
    labels = [e.label for e in legend_entries(shown, "timeline") if e.kind == "type"]
    assert labels == ["Airstrike", "Evacuation"]  # the timeline still draws them
    assert legend_entries(shown.iloc[0:0], "both") == []


def test_caption_filters_sources_credits_and_stamp_in_words(page):
    view, options = page
    shown, filters = _select(page, {"from": "2019-02-20", "to": "2019-02-20", "outlets": "ap"})
    briefing = make_briefing(
        shown, len(view), filters, options, "both", "  My\tbrief\x00 ", NOW, "b1"
    )
    assert briefing.title == "My brief"
    assert briefing.caption == f"{len(shown)} events, 20 Feb 2019"
    assert briefing.filters.startswith(
        f"{len(shown)} of {len(view) - options.n_pending} events shown:"
    )
    assert (
        "dated 20 Feb 2019" in briefing.filters
        and "reported by Associated Press" in briefing.filters
    )
    assert briefing.sources.startswith("Sources: ") and "Associated Press" in briefing.sources
    assert briefing.credits == CREDITS and "Natural Earth" in CREDITS and "GeoNames" in CREDITS
    assert briefing.stamp == "Generated 1 Dec 2026 00:55 UTC from store build b1."
    # a timeline alone draws no basemap: its credit would name a map that is not there
    timeline = make_briefing(shown, len(view), filters, options, "timeline", now=NOW)
    assert "GeoNames" in timeline.credits and "Natural Earth" not in timeline.credits
    with pytest.raises(ValueError, match="show 'slides'"):
        make_briefing(shown, len(view), filters, options, "slides")


def test_one_event_is_singular_and_no_outlet_says_none(page):
    view, options = page
    shown, filters = _select(page, {"from": "2019-02-20", "to": "2019-02-20"})
    one = make_briefing(shown.head(1), len(view), filters, options, now=NOW)
    assert one.caption == "1 event, 20 Feb 2019"
    nothing = make_briefing(shown.head(0), len(view), filters, options, now=NOW)
    assert nothing.sources == "Sources: none" and nothing.legend == ()


def test_stamp_without_a_store_names_the_seed_data():
    local = dt.datetime(2026, 12, 1, 2, 55, tzinfo=dt.timezone(dt.timedelta(hours=2)))
    assert stamp(local, None) == (
        "Generated 1 Dec 2026 00:55 UTC from the seed articles and curated rows."
    )


def test_titles_are_one_clean_line():
    assert clean_title(None) == ""  # none given: the slide names what it shows
    assert clean_title("\n\n") == ""
    assert clean_title("a\nb\u202ec") == "a bc"
    assert len(clean_title("x" * 500)) == 120


def test_sizes():
    assert SIZES["slide"].pixels == (1920, 1080)
    assert parse_size("a4").portrait and parse_size("A4") == SIZES["a4"]
    assert parse_size("1280x720").pixels == (1280, 720)
    for bad in ("huge", "10x10", "1920x99999", "1920×1080"):
        with pytest.raises(ValueError, match="size"):
            parse_size(bad)


def test_briefing_params_fall_back_to_defaults():
    assert briefing_params({"briefing": "1"}) == ("both", "", SIZES["slide"])
    show, title, size = briefing_params({"briefing": "a4", "show": "map", "title": "T"})
    assert (show, title, size) == ("map", "T", SIZES["a4"])
    assert briefing_params({"briefing": "nonsense", "show": "<b>"})[0::2] == (
        "both",
        SIZES["slide"],
    )


def test_filters_from_state_match_the_url(page):
    view, options = page
    state = from_params({"types": "airstrike", "from": "2019-02-01", "to": "2019-02-28"}, options)
    filters = filters_from_state(state, options)
    assert filters.event_types == ("airstrike",)
    assert (filters.date_from, filters.date_to) == (dt.date(2019, 2, 1), dt.date(2019, 2, 28))
    shown = apply_filters(view, filters)
    assert set(shown["event_type"]) == {"airstrike"}
    assert (shown["date_end"] >= pd.Timestamp("2019-02-01")).all()
    default = filters_from_state({}, options)
    assert (default.date_from, default.date_to) == (options.date_min, options.date_max)


def test_slide_leaves_out_the_events_awaiting_review_it_does_not_show(page):
    """The screen says 'without N extracted events awaiting review'; a briefing audience is
    not told about the desk's queue: the slide's total counts only what could be briefed."""
    view, options = page
    assert options.n_pending  # the seed data has events awaiting review
    shown, filters = _select(page, {})
    briefing = make_briefing(shown, len(view), filters, options, now=NOW)
    assert "awaiting review" not in briefing.filters
    reviewed = len(view) - options.n_pending
    assert briefing.filters.startswith(f"{len(shown)} of {reviewed} events shown:")
    screen = describe(filters, options, len(shown), len(view))
    assert screen.endswith(
        f" Not counted: {events(options.n_pending, 'extracted event')} awaiting review."
    )
    # shown on the slide, they are still said to be unreviewed
    shown, filters = _select(page, {"pending": "1"})
    included = make_briefing(shown, len(view), filters, options, now=NOW)
    assert included.filters.startswith(f"{len(shown)} of {len(view)} events shown:")
    assert "not yet reviewed" in included.filters


@pytest.mark.parametrize("query", [{}, {"outlets": "afp"}, {"pending": "1"}, {"bg": "1"}])
def test_screen_and_slide_count_the_same_total(page, project_tables, query):
    """The reader's page said '41 of 47 events shown' (the extracted event awaiting review
    counted though not shown) and its timeline '(41 of 47)', while the slide of the same view
    said '41 of 46': each view's 'N of M' is one pair on the page, its chart and the slide."""
    from dashboard.derived import Derived, Source

    view, options = page
    shown, filters = _select(page, query)
    slide = make_briefing(shown, len(view), filters, options, now=NOW).filters
    screen = describe(filters, options, len(shown), len(view))
    counted = slide.split(" shown:")[0]  # '41 of 46 events'
    assert screen.startswith(counted + " shown:")
    assert counted.split(" of ")[1].split()[0] == str(
        len(view) - (0 if filters.include_pending else options.n_pending)
    )
    chart = Derived(Source(view, project_tables, None, AREAS), filters).timeline.layout.title.text
    assert chart.endswith(f"({counted.removesuffix(' events')})")


def test_the_sources_lines_follow_the_outlet_filter(page, project_tables):
    """Filtered to AFP, the timeline's last line said 'Sources: 5 outlets: AP story in a
    newspaper reprint, Agence France-Presse and 3 more' and the slide listed all five, as if
    the filter had done nothing: the outlet chosen comes first, then the others that report
    the same events (the detail still shows every claim)."""
    from dashboard.derived import Derived, Source

    view, options = page
    shown, filters = _select(page, {"outlets": "afp"})
    others = [o for o in outlets_of(shown) if o != "Agence France-Presse"]
    assert len(others) == 4  # the same events are reported by four more outlets
    slide = make_briefing(shown, len(view), filters, options, now=NOW).sources
    assert slide == "Sources: Agence France-Presse; also reporting these events: " + ", ".join(
        others
    )
    derived = Derived(Source(view, project_tables, None, AREAS), filters)
    assert derived.sources_line == (
        "Sources: Agence France-Presse; 4 other outlets also report these events "
        "(all under the map)"
    )
    footer = derived.timeline.layout.annotations[-1].text
    assert footer.startswith("Sources: Agence France-Presse; 4 other outlets")
    # unfiltered, the lines are as they were
    shown, filters = _select(page, {})
    assert make_briefing(shown, len(view), filters, options, now=NOW).sources == (
        "Sources: " + ", ".join(outlets_of(shown))
    )


def test_the_default_title_names_what_the_slide_shows_s34(page):
    """With only Idlib chosen the slide was titled 'Baghouz, Al-Hol and Idlib' (the one
    default title whatever was shown)."""
    view, options = page

    def title(query: dict[str, str]) -> str:
        shown, filters = _select(page, query)
        return make_briefing(shown, len(view), filters, options, now=NOW).title

    assert title({"areas": "Idlib"}) == "Idlib"
    assert title({"areas": "Baghouz,Idlib"}) == "Baghouz and Idlib"
    assert title({}) == "Baghouz, Al-Hol, Idlib and elsewhere"  # the seeds' 7 events elsewhere
    # the events shown, not the areas chosen: airstrikes are all at Baghouz
    assert title({"types": "airstrike", "areas": "Baghouz,Idlib"}) == "Baghouz"
    # all elsewhere: their places when few, else beyond the named areas
    shown, filters = _select(page, {"areas": "Elsewhere", "types": "statement"})
    assert set(shown["place"]) == {"Syria"}
    assert default_title(shown, filters, options) == "Syria"
    assert title({"areas": "Elsewhere"}) == "Beyond Baghouz, Al-Hol and Idlib"
    # nothing shown: the areas chosen
    empty, filters = _select(page, {"areas": "Idlib", "types": "airstrike"})
    assert empty.empty and default_title(empty, filters, options) == "Idlib"
    # a title given is kept
    shown, filters = _select(page, {"areas": "Idlib"})
    given = make_briefing(shown, len(view), filters, options, title="Idlib strikes", now=NOW)
    assert given.title == "Idlib strikes"
