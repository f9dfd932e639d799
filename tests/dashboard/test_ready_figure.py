"""Figures written as Plotly's JSON directly (issue 10: the count timeline without Plotly's
property checks) are the figures the checked way gives: every property valid, the same JSON."""

from __future__ import annotations

import datetime as dt
import json

import numpy as np
import pandas as pd
import plotly.graph_objects as go
import plotly.io as pio
import pytest
from plotly.subplots import make_subplots

from dashboard.aggregate import bins_for, timeline_counts
from dashboard.ready_figure import ReadyFigure, axis_names, merged, stacked_rows
from dashboard.text import html_text
from dashboard.timeline_counts import LANE_PX, SPACING, _bar_columns, build_count_timeline
from dashboard.timeline_layout import add_footer, date_range, legend_below
from dashboard.views import event_frame
from etl.schemas import AREAS
from etl.synthetic import synthetic_tables


@pytest.fixture(scope="module")
def view():
    return event_frame(synthetic_tables(4_000, seed=5))


def _json(figure) -> dict:
    return json.loads(pio.to_json(figure, validate=False))


def _checked_count_timeline(view, areas, title, footer, window):
    """The count timeline as it was built before: make_subplots, a go.Bar per lane and type,
    update_layout / update_xaxes / update_yaxes, every property checked by Plotly."""
    span = date_range(view, window)
    bins = bins_for(*span)
    counts = timeline_counts(view, bins, window)
    lanes = [a for a in areas if a in set(counts["area"])]
    fig = make_subplots(
        rows=max(len(lanes), 1),
        cols=1,
        shared_xaxes=True,
        vertical_spacing=SPACING,
        row_titles=[f"<b>{html_text(a)}</b>" for a in lanes] or None,
    )
    columns = _bar_columns(counts, bins)
    bars = counts.assign(**{c: columns[c] for c in ("middle", "width_ms", "hover")})
    seen = set()
    # the legend in label order, as the map's and the slide's (each type's rank, from 1)
    labels = bars.drop_duplicates("event_type").set_index("event_type")["label"]
    rank = {t: i for i, t in enumerate(sorted(labels.index, key=lambda t: labels[t].casefold()), 1)}
    for row, area in enumerate(lanes, start=1):
        for event_type, group in bars[bars["area"] == area].groupby("event_type", sort=True):
            fig.add_trace(
                go.Bar(
                    x=group["middle"].to_numpy(),
                    y=group["count"].to_numpy(),
                    width=group["width_ms"].to_numpy(),
                    marker=dict(color=group["colour"].iloc[0], line=dict(width=0)),
                    name=html_text(group["label"].iloc[0]),
                    legendgroup=event_type,
                    legendrank=rank[event_type],
                    showlegend=event_type not in seen,
                    hovertext=group["hover"].tolist(),
                    hoverinfo="text",
                ),
                row=row,
                col=1,
            )
            seen.add(event_type)
    legend_rows = -(-len(seen) // 3)
    bottom = 60 + 24 * legend_rows + (30 if footer else 0)
    plot_px = LANE_PX * max(len(lanes), 1)
    fig.update_layout(
        title=dict(text=title, x=0, xanchor="left", font=dict(size=16)),
        template="plotly_white",
        barmode="stack",
        bargap=0,
        height=plot_px + 60 + bottom,
        margin=dict(l=60, r=100, t=60, b=bottom),
        font=dict(family="Arial, Helvetica, sans-serif", size=12),
        legend=legend_below(plot_px),
        hoverlabel=dict(align="left"),
    )
    fig.update_xaxes(type="date", range=list(span), gridcolor="#E5E8EB", tickformat="%d %b\n%Y")
    fig.update_yaxes(title_text="events", rangemode="tozero", gridcolor="#E5E8EB")
    if footer:
        add_footer(fig, footer, 45 + 24 * legend_rows + 30, plot_px)
    return fig


@pytest.mark.parametrize(
    "window, footer",
    [
        (None, "Sources: AFP, <b>Reuters</b>"),
        ((pd.Timestamp("2018-03-01"), pd.Timestamp("2018-05-20")), ""),  # daily bins
    ],
)
def test_count_timeline_is_the_checked_figure(view, window, footer):
    shown = view if window is None else view[view["date_start"].between(*window)]
    ready, _ = build_count_timeline(shown, AREAS, "Events <i>by</i> date", footer, window)
    checked = _checked_count_timeline(shown, AREAS, "Events <i>by</i> date", footer, window)
    assert isinstance(ready, ReadyFigure)
    assert len(ready.data) == len(checked.data) > 1
    assert _json(ready) == _json(checked)
    assert ready.layout.height == checked.layout.height
    assert sum(sum(t.y) for t in ready.data) == len(shown)


def test_a_copy_of_a_ready_figure_is_checked_and_equal(view):
    ready, _ = build_count_timeline(view, AREAS, "t", "Sources: AP")
    copy = go.Figure(ready)  # every property goes through Plotly's checks: none is unknown
    assert not isinstance(copy, ReadyFigure)
    assert _json(copy) == _json(ready)
    copy.update_layout(height=10)  # the copy is the caller's; the kept figure is unchanged
    assert ready.layout.height != 10 and _json(ready)["layout"]["height"] != 10


def test_a_property_plotly_does_not_know_fails_when_checked():
    ready = ReadyFigure([{"type": "bar", "y": [1, 2], "colour": "red"}], {"height": 200})
    with pytest.raises(ValueError):
        go.Figure(ready)


def test_stacked_rows_are_make_subplots_axes():
    made = make_subplots(rows=3, cols=1, shared_xaxes=True, vertical_spacing=0.06,
                         row_titles=["a", "b", "c"]).to_dict()["layout"]  # fmt: skip
    rows = stacked_rows(["a", "b", "c"], 0.06)
    assert {k: v for k, v in made.items() if k != "template"} == rows
    assert axis_names(rows, "xaxis") == ["xaxis", "xaxis2", "xaxis3"]
    assert "annotations" not in stacked_rows([], 0.06)


def test_merged_is_update_layout():
    base = {"legend": {"x": 0, "font": {"size": 9}}, "height": 100}
    extra = {"legend": {"font": {"color": "red"}}, "height": 200, "title": {"text": "t"}}
    out = merged(base, extra)
    assert out == {
        "legend": {"x": 0, "font": {"size": 9, "color": "red"}},
        "height": 200,
        "title": {"text": "t"},
    }
    assert base["legend"]["font"] == {"size": 9}  # not changed
    checked = go.Figure(layout=base).update_layout(extra).to_dict()["layout"]
    assert out == {k: v for k, v in checked.items() if k != "template"}


@pytest.mark.parametrize("n", [0, 40, 600])
def test_the_single_event_timeline_is_valid_plotly_and_checks_to_the_same_json(view, n):
    from dashboard.timeline import build_timeline

    shown = view.head(n).copy()
    if n:  # some awaiting review: hatched bars, hollow dots and the legend's key
        shown.loc[shown.index[::7], "review_status"] = "pending"
    ready = build_timeline(shown, AREAS, "t <b>x</b>", footer="Sources: AP")
    assert isinstance(ready, ReadyFigure)
    checked = go.Figure(ready)  # every property through Plotly's checks
    assert _json(checked) == _json(ready)
    ids = [i for t in ready.data if t.customdata is not None for i in t.customdata]
    assert sorted(ids) == sorted(shown["event_id"])
    if n:
        assert any(t.name == "Hollow: unreviewed" for t in ready.data)


def test_threads_asking_for_the_traces_at_once_all_see_every_trace(view):
    from concurrent.futures import ThreadPoolExecutor

    for _ in range(5):
        ready, _ = build_count_timeline(view, AREAS, "t")
        n = len(ready.to_dict()["data"])
        with ThreadPoolExecutor(8) as pool:
            seen = list(pool.map(lambda _, figure=ready: len(figure.data), range(16)))
        assert seen == [n] * 16


def test_sessions_copying_one_kept_timeline_at_once_each_get_all_of_it(view):
    from concurrent.futures import ThreadPoolExecutor

    from dashboard.derived import Derived, Source
    from dashboard.filters import Filters

    page = Derived(Source(view, {}, None, AREAS), Filters(dt.date(1900, 1, 1), dt.date(2100, 1, 1)))
    page.__dict__["shown"], page.__dict__["sources_line"] = view, "Sources: AP"
    n = len(page.timeline.to_dict()["data"])
    with ThreadPoolExecutor(8) as pool:
        copies = list(pool.map(lambda _: page.timeline_copy(), range(16)))
    assert [len(c.data) for c in copies] == [n] * 16


@pytest.mark.parametrize(
    "values",
    [
        np.array([1, 2, 3], dtype=np.int64),
        np.array([-200, 5], dtype=np.int64),
        np.array([70_000, -3], dtype=np.int64),
        np.array([2**40, 1], dtype=np.int64),
        np.array([300, 2], dtype=np.uint64),
        np.array([2**33], dtype=np.uint64),
        np.array([0.5, -1.25e9], dtype=np.float64),
        np.array([1.5], dtype=np.float32),
        np.array([7], dtype=np.int16),
        np.array(["2019-02-20T12:00", "2019-03-01"], dtype="datetime64[ns]"),
        np.array([True, False]),
        np.array(["a", "b"], dtype=object),
        np.array([], dtype=np.float64),
        np.arange(6, dtype=np.float64)[::2],
        np.arange(6, dtype=np.int64).reshape(2, 3),
    ],
)
def test_typed_array_is_plotlys_spec(values):
    from _plotly_utils.utils import to_typed_array_spec

    from dashboard.ready_figure import typed_array

    mine, plotlys = typed_array(values), to_typed_array_spec(values)
    if isinstance(plotlys, dict):
        assert mine == plotlys
    else:
        assert isinstance(mine, np.ndarray) and mine.dtype == plotlys.dtype
        assert np.array_equal(mine, plotlys) and not mine.flags["WRITEABLE"]
        assert mine is not values  # a copy: the kept figure never shares a caller's array
