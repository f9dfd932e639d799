"""The slide's timeline at scale (issue 10): above `MAX_MARKS` events the export draws the
page's counts (same bins, lanes, type colours and legend), bars whose heights are the counts
`aggregate.timeline_counts` computed, and says so on the slide; an empty store gives the
'No events match' slide."""

from __future__ import annotations

import matplotlib.dates as mdates
import numpy as np
import pandas as pd
import pytest
from matplotlib.colors import to_hex
from matplotlib.patches import Rectangle

from dashboard.aggregate import MAX_MARKS, aggregated, timeline_bins, timeline_counts
from dashboard.data import load_basemap
from dashboard.export import AXIS_ROOM, MIN_MAP_SHARE, render, select, slide
from dashboard.export_counts import MIN_LANE_IN, TITLE_IN
from dashboard.palette import legend_colours
from dashboard.timeline_counts import build_count_timeline
from dashboard.views import event_frame
from etl.schemas import AREAS
from etl.settings import Paths
from etl.synthetic import synthetic_tables


@pytest.fixture(scope="module")
def basemap():
    return load_basemap(Paths().basemap)


@pytest.fixture(scope="module")
def big():
    tables = synthetic_tables(20_000, seed=3)
    return tables, event_frame(tables)


def _chosen(every, tables):
    """The events the slide draws, and its date window, as `slide` selects them."""
    chosen = select(every, tables, {}, {})
    window = (pd.Timestamp(chosen.filters.date_from), pd.Timestamp(chosen.filters.date_to))
    return chosen.shown, window


def _bars(lane) -> list[Rectangle]:
    return [p for p in lane.patches if isinstance(p, Rectangle)]


def _texts(figure) -> str:
    return "\n".join(t.get_text() for t in figure.texts)


def _drawn(lane) -> pd.DataFrame:
    """Each bar of a lane: its colour, bin start (as the page's day), height and bottom."""
    rows = []
    for bar in _bars(lane):
        middle = bar.get_x() + bar.get_width() / 2
        rows.append(
            {
                "colour": to_hex(bar.get_facecolor()),
                "day": pd.Timestamp(mdates.num2date(middle)).tz_localize(None).normalize(),
                "height": bar.get_height(),
                "bottom": bar.get_y(),
            }
        )
    return pd.DataFrame(rows)


def test_the_slide_of_many_events_draws_the_pages_counts(big, basemap):
    tables, every = big
    shown, window = _chosen(every, tables)
    assert aggregated(shown) and len(shown) > 10 * MAX_MARKS
    bins = timeline_bins(shown, window)
    counts = timeline_counts(shown, bins, window)
    figure, briefing = slide(every, tables, basemap, {}, show="timeline")

    lanes = figure.axes
    names = [a for a in AREAS if a in set(counts["area"].tolist())]
    assert [lane.get_title(loc="left") for lane in lanes] == names
    for lane, area in zip(lanes, names):
        want = counts[counts["area"] == area]
        drawn = _drawn(lane)
        # a bar per (type, bin), its height the count, in the type's palette colour
        assert len(drawn) == len(want)
        middles = (want["start"] + (want["end"] - want["start"]) / 2).dt.normalize()
        expected = pd.DataFrame(
            {
                "colour": [to_hex(c) for c in want["colour"]],
                "day": middles.to_numpy(),
                "height": want["count"].to_numpy(dtype=float),
            }
        )
        key = ["colour", "day"]
        got = drawn.sort_values(key, ignore_index=True)
        pd.testing.assert_frame_equal(
            got[key + ["height"]], expected.sort_values(key, ignore_index=True), check_dtype=False
        )
        # stacked: each bin's bars reach its total, none overlapping
        tops = (drawn["bottom"] + drawn["height"]).groupby(drawn["day"]).max()
        totals = drawn.groupby("day")["height"].sum()
        assert np.allclose(tops.sort_index(), totals.sort_index())
        assert (drawn["bottom"] >= 0).all()

    # bounded by bins x types x lanes, not by the events
    n_bins = counts["start"].nunique()
    n_types = counts["event_type"].nunique()
    n_bars = sum(len(_bars(lane)) for lane in lanes)
    assert n_bars == len(counts) <= n_bins * n_types * len(names) < len(shown)

    # the slide says which view the reader is looking at
    assert briefing.timeline_line == (
        f"Timeline: {len(shown):,} events as {bins.adjective} counts per area and event type, "
        "stacked (too many to draw one by one)."
    )
    assert "weekly counts" in briefing.timeline_line
    assert "too many to draw one by" in _texts(figure)
    # the legend: the types' colours, as the page's count timeline has them; no marks' meanings
    assert [(e.kind, e.label, e.colour) for e in briefing.legend] == [
        ("type", label, colour) for _, label, colour in legend_colours(shown)
    ]


def test_the_slide_and_the_page_draw_the_same_bars(big, basemap):
    """The page's count timeline (Plotly) and the slide's, per lane and colour: the same
    heights at the same bins."""
    tables, every = big
    shown, window = _chosen(every, tables)
    page, _ = build_count_timeline(shown, AREAS, "t", window=window)
    figure, _ = slide(every, tables, basemap, {}, show="timeline")

    def page_bars(trace):
        lane = int(trace.yaxis[1:] or 1) - 1
        days = pd.DatetimeIndex(np.asarray(trace.x)).normalize()
        return {(lane, trace.marker.color.lower(), d, float(y)) for d, y in zip(days, trace.y)}

    want = set().union(*(page_bars(t) for t in page.data))
    got = {
        (i, row.colour, row.day, row.height)
        for i, lane in enumerate(figure.axes)
        for row in _drawn(lane).itertuples()
    }
    assert got == want


def test_both_on_a4_says_what_each_chart_draws_and_gives_the_lanes_room(big, basemap):
    tables, every = big
    figure, briefing = slide(every, tables, basemap, {"briefing": "a4"}, show="both")
    assert briefing.map_line.startswith("Map: ") and briefing.timeline_line
    text = _texts(figure).replace("\n", " ")
    assert "Timeline: " in text and "counts per area and event type" in text
    assert "cell" in [e.kind for e in briefing.legend]
    drawn, *lanes = figure.axes
    inches = figure.get_figheight()
    assert len(lanes) == 4
    # four lanes need more than the map can spare: it keeps its least share, the lanes the rest
    map_h = drawn.get_position(original=True).height * inches  # its box, before its aspect
    slots = (lanes[0].get_position().y1 - lanes[-1].get_position().y0) * inches + TITLE_IN
    assert slots < 4 * MIN_LANE_IN
    assert map_h == pytest.approx(MIN_MAP_SHARE * (map_h + slots + AXIS_ROOM + 0.2))
    heights = {round(lane.get_position().height * inches, 6) for lane in lanes}
    assert len(heights) == 1 and heights.pop() >= 0.4
    for lane in lanes:
        assert lane.get_position().y1 < drawn.get_position().y0  # under the map
    assert render(figure, "png")[:4] == b"\x89PNG"


def test_few_events_keep_a_mark_each_and_no_line(big, basemap):
    tables, every = big
    few = every.head(MAX_MARKS)
    figure, briefing = slide(few, tables, basemap, {}, show="timeline")
    assert briefing.timeline_line == ""
    assert len(figure.axes) == 1 and "Timeline: " not in _texts(figure)


def test_a_slide_from_an_empty_store_says_no_events_match(project_tables, basemap):
    """An empty store has no date range: its slide crashed on NaT in format_date_window."""
    empty = {name: frame.iloc[:0] for name, frame in project_tables.items()}
    view = event_frame(empty)
    assert view.empty
    for show in ("timeline", "both", "map"):
        figure, briefing = slide(view, empty, basemap, {}, show=show)
        assert briefing.caption == "0 events, no dates"
        assert briefing.timeline_line == ""
        assert render(figure, "png")[:4] == b"\x89PNG"
        axes_text = [t.get_text() for ax in figure.axes for t in ax.texts]
        assert ("No events match the filters" in axes_text) == (show != "map")
