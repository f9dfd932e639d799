from __future__ import annotations

import pandas as pd
import pytest

from dashboard.palette import TYPE_COLOURS
from dashboard.timeline import build_timeline
from dashboard.timeline_counts import LANE_PX
from dashboard.timeline_layout import (
    CHAR_EM,
    LABEL_FONT_PX,
    SCREEN_PLOT_PX,
    TITLE_PAD_PX,
    TOP_DATES_OVER_PX,
    TOP_DATES_PX,
    clip_label,
    lane_layout,
    mark_labels,
)
from dashboard.views import event_frame
from etl.build import build_tables
from etl.schemas import AREAS


def _event(key, start, end, summary, area="Baghouz", precision=None):
    return {
        "event_id": key,
        "event_type": "clash",
        "label": "Clash",
        "area": area,
        "date_start": pd.Timestamp(start),
        "date_end": pd.Timestamp(end),
        "date_precision": precision or ("day" if start == end else "days"),
        "summary": summary,
    }


def test_clip_label_cuts_at_a_word_and_marks_the_cut():
    text = "SDF convoy of at least 22 trucks leaves Baghouz"
    assert clip_label(text, 1000) == text
    room = 20 * CHAR_EM * LABEL_FONT_PX
    cut = clip_label(text, room)
    assert cut == "SDF convoy of at…" and len(cut) <= 20
    assert clip_label(text, 5 * CHAR_EM * LABEL_FONT_PX) == ""  # too little room: no label


def test_a_lone_mark_is_labelled_and_a_crowded_one_is_not():
    view = pd.DataFrame(
        [
            _event("a", "2019-02-01", "2019-02-01", "First strike on the town"),
            _event("b", "2019-02-02", "2019-02-02", "Second strike one day later"),
            _event("c", "2019-02-20", "2019-02-20", "A lone surrender far from the rest"),
        ]
    )
    y, _ = lane_layout(view, AREAS)
    labels = mark_labels(view, y, plot_px=800)["text"]
    assert labels[2] == "A lone surrender far from the rest"
    # a and b share a row only if b starts after a's room: a's label must stop before b
    if y[0] == y[1]:
        assert labels[0] == "" or len(labels[0]) < len(view.loc[0, "summary"])


def test_bars_label_inside_only_when_wide_enough():
    view = pd.DataFrame(
        [
            _event("w", "2019-02-01", "2019-02-28", "A siege that lasts the whole month"),
            _event("n", "2019-03-01", "2019-03-02", "Two-day clash with a long summary here"),
        ]
    )
    y, _ = lane_layout(view, AREAS)
    labels = mark_labels(view, y, plot_px=800)["text"]
    assert labels[0] == "A siege that lasts the whole month"
    assert labels[1] == ""  # 2 of 32 days = 50 px: under eight characters


def test_screen_timeline_is_opaque_in_palette_colours_with_labels(mini):
    view = event_frame(build_tables(mini, extract=False)).assign(colour="#999999")
    view.loc[0, "date_end"] = view.loc[0, "date_start"] + pd.Timedelta(days=3)
    view.loc[0, "date_precision"] = "days"
    fig = build_timeline(view, AREAS, "T", footer="Sources: AP <b>x</b>")
    for trace in fig.data:
        if trace.customdata is None:
            continue
        assert trace.marker.color in set(TYPE_COLOURS.values())
        assert trace.marker.opacity in (None, 1)
    texts = [t for trace in fig.data if trace.text is not None for t in trace.text]
    assert any(texts), "no mark carries a label"
    # columns a share of the plot, swatch (40 px) included, as wide as the longest name at
    # the narrowest screen plot: names cannot run together
    longest = max(len(t.name) for t in fig.data)
    legend = fig.layout.legend
    assert legend.entrywidthmode == "fraction" and legend.entrywidth * 3 < 1  # three a row
    column = legend.entrywidth * SCREEN_PLOT_PX - 40
    assert column >= longest * CHAR_EM * legend.font.size + 20
    assert fig.layout.margin.l >= 90  # room for 'Elsewhere'
    assert "Sources: AP &lt;b&gt;x&lt;/b&gt;" in [a.text for a in fig.layout.annotations]


def test_pending_legend_entry_only_when_pending_events_are_shown(mini):
    view = event_frame(build_tables(mini, extract=False))
    names = {t.name for t in build_timeline(view, AREAS, "T").data}
    assert not any("awaiting review" in n for n in names)
    view.loc[0, "review_status"] = "pending"
    names = {t.name for t in build_timeline(view, AREAS, "T").data}
    assert "Hollow: unreviewed" in names


def test_screen_axis_spans_the_filters_window_and_cuts_longer_bars(mini):
    view = event_frame(build_tables(mini, extract=False))
    view.loc[0, "date_start"] = pd.Timestamp("2019-12-01")  # a window reaching far back
    view.loc[0, "date_precision"] = "weeks"
    window = (pd.Timestamp("2020-01-05"), pd.Timestamp("2020-01-08"))
    fig = build_timeline(view, AREAS, "T", window=window)
    start, end = (pd.Timestamp(v) for v in fig.layout.xaxis.range)
    assert (start, end) == (pd.Timestamp("2020-01-04"), pd.Timestamp("2020-01-09"))
    bar = next(t for t in fig.data if t.type == "bar")
    assert pd.Timestamp(bar.base[0]) == start  # cut at the axis, so its label is in view
    assert bar.text[0]  # and it has room for one
    unbounded = build_timeline(view, AREAS, "T")
    assert pd.Timestamp(unbounded.layout.xaxis.range[0]) == pd.Timestamp("2019-11-30")


def test_a_tall_timeline_has_its_dates_at_the_top_too_and_a_short_one_not(project_tables):
    """Session 32 (hD22): the default data's lanes are 780 px tall, their dates were only under
    them (800 px down the page at 1280x720); a plot taller than a screen's room has them over
    it too, on an axis that matches the bottom one (same range at every zoom, same ticks)."""
    view = event_frame(project_tables)
    shown = view[~view["background"].astype(bool) & (view["review_status"] != "pending")]
    fig = build_timeline(shown, AREAS, "T", footer="Sources: x")
    layout = fig.to_dict()["layout"]
    margin = layout["margin"]
    assert layout["height"] - margin["t"] - margin["b"] > TOP_DATES_OVER_PX
    top, bottom = layout["xaxis2"], layout["xaxis"]
    assert (top["side"], top["overlaying"], top["matches"]) == ("top", "x", "x")
    assert top["range"] == bottom["range"] and top["tickformat"] == bottom["tickformat"]
    assert top["type"] == "date" and top["tickmode"] == "auto"  # not Plotly's 'sync'
    assert margin["t"] == 60 + TOP_DATES_PX  # the dates between the title and the plot
    # the title where a 60 px margin has it (Plotly would centre it in the 96 px, on the dates)
    assert (layout["title"]["y"], layout["title"]["yanchor"]) == (1, "top")
    assert layout["title"]["pad"]["t"] == TITLE_PAD_PX
    # Plotly draws an axis only with a trace on it: one, with no mark, no legend, no hover
    on_top = [t for t in fig.to_dict()["data"] if t.get("xaxis") == "x2"]
    assert len(on_top) == 1 and on_top[0]["y"] == [None] and not on_top[0]["showlegend"]
    assert on_top[0]["hoverinfo"] == "skip"
    # the legend and the sources stay under the bottom dates (placed from the plot's height)
    plot_px = layout["height"] - margin["t"] - margin["b"]
    assert layout["legend"]["y"] == pytest.approx(-45 / plot_px)
    # the lanes' shading spans the plot's width whatever its axes
    assert all(s["xref"] == "x domain" for s in layout["shapes"])

    # a week's axis has a tick a day (`day_ticks`): the top one too, not Plotly's choice
    week = (pd.Timestamp("2019-02-18"), pd.Timestamp("2019-02-23"))
    days = build_timeline(shown, AREAS, "T", window=week).to_dict()["layout"]
    top, bottom = days["xaxis2"], days["xaxis"]
    assert (top["tick0"], top["dtick"], top["range"]) == (
        bottom["tick0"],
        bottom["dtick"],
        bottom["range"],
    )
    assert top["tickmode"] == "linear"  # Plotly's mode for the bottom's given ticks

    short = build_timeline(shown[shown["area"] == "Idlib"], AREAS, "T").to_dict()
    assert "xaxis2" not in short["layout"] and short["layout"]["margin"]["t"] == 60
    assert not any(t.get("xaxis") == "x2" for t in short["data"])
    assert "y" not in short["layout"]["title"]  # Plotly's own place, as before


def test_the_count_timeline_stays_under_the_top_dates_threshold():
    """The count timeline has no top dates (session 32, hD22): its lanes, one per area, are
    never taller than a screen's room; more areas or taller lanes would need them."""
    assert LANE_PX * len(AREAS) <= TOP_DATES_OVER_PX
