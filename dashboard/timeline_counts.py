"""The timeline as counts: one lane per area, stacked bars of events per day, week or month
and event type. Drawn instead of a mark per event when there are too many to read
(`dashboard.aggregate`): the browser gets one bar per bin and type, whatever the number of
events.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from dashboard.aggregate import Bins, bins_for, timeline_counts
from dashboard.palette import legend_ranks
from dashboard.ready_figure import ReadyFigure, axis_names, merged, stacked_rows, template
from dashboard.text import html_text
from dashboard.timeline_layout import (
    Window,
    date_range,
    day_ticks,
    footer_note,
    legend_below,
    legend_rows,
)

LANE_PX = 130
#: The gap between lanes, as a share of the plot's height (`make_subplots`' vertical_spacing).
SPACING = 0.06


def build_count_timeline(
    view: pd.DataFrame,
    areas: tuple[str, ...],
    title: str,
    footer: str = "",
    window: Window = None,
) -> tuple[go.Figure, Bins]:
    """Stacked bars of events per bin, a lane (subplot) per area with events, a palette colour
    per type (a legend entry each); the hover says the bin, type, area and count.

    Written as Plotly's JSON directly (`dashboard.ready_figure`): the same figure as
    `make_subplots` plus a `go.Bar` per lane and type, without Plotly checking each property
    (0.3-0.8 s at 100,000 events)."""
    span = date_range(view, window)
    bins = bins_for(*span)
    counts = timeline_counts(view, bins, window)
    present = set(counts["area"].tolist())  # (iterating the Arrow strings: 2-3 ms)
    lanes = [a for a in areas if a in present]
    layout = stacked_rows([f"<b>{html_text(a)}</b>" for a in lanes], SPACING)
    counts, runs = _runs(counts)
    bars = _bar_columns(counts, bins)
    seen: set[str] = set()
    traces = []
    # the legend in label order, as the map's and the slide's (`palette.legend_ranks`)
    ranks = legend_ranks(counts["event_type"].tolist(), bars["label"])
    for row, area in enumerate(lanes, start=1):
        for (lane, event_type), (first, end) in runs:
            if lane != area:
                continue
            colour, label = bars["colour"][first], html_text(bars["label"][first])
            axes = "" if row == 1 else str(row)
            rank = {"legendrank": ranks[event_type]}
            traces.append(
                _bars(bars, first, end, colour, label, event_type, seen) | _on(axes) | rank
            )
            seen.add(event_type)
    layout = _decorate(layout, title, footer, span, len(lanes), len(seen))
    return ReadyFigure(traces, layout), bins


def _runs(
    counts: pd.DataFrame,
) -> tuple[pd.DataFrame, list[tuple[tuple[str, str], tuple[int, int]]]]:
    """The counts with each (area, event type)'s rows together, and each pair with its rows'
    first and end position, sorted as grouping by both would give them (a pandas group per
    pair was 48 small frames a rerun). `timeline_counts` lists them so already."""
    for _ in range(2):
        area = counts["area"].to_numpy(dtype=object)
        kind = counts["event_type"].to_numpy(dtype=object)
        if not len(area):
            return counts, []
        edges = np.flatnonzero((area[1:] != area[:-1]) | (kind[1:] != kind[:-1])) + 1
        firsts, ends = [0, *edges.tolist()], [*edges.tolist(), len(area)]
        runs = [((area[f], kind[f]), (f, e)) for f, e in zip(firsts, ends)]
        if len({key for key, _ in runs}) == len(runs):
            return counts, sorted(runs)
        # a pair in more than one run: its rows brought together, in their order
        counts = counts.sort_values(["area", "event_type"], kind="stable", ignore_index=True)
    raise AssertionError("rows sorted by area and type form one run per pair")


def _on(axes: str) -> dict:
    """The trace's axes: those of its lane's subplot ('x', 'y' for the first)."""
    return {"xaxis": f"x{axes}", "yaxis": f"y{axes}"}


def _bar_columns(counts: pd.DataFrame, bins: Bins) -> dict:
    """Each bar's middle, width (ms), height, hover text, colour and label, as arrays and
    lists made in one pass over every bar (per lane and type, 48 passes took 1 s at 100,000
    events); a trace takes its run of rows."""
    start, end = counts["start"], counts["end"]
    # each distinct bin's date and each label's and area's escaped text made once (a bar per
    # bin, type and lane: 2,700 at 1,000,000 events)
    firsts, which = np.unique(start.to_numpy(), return_inverse=True)
    dates = pd.DatetimeIndex(firsts).strftime("%d %b %Y").tolist()
    escaped: dict[str, str] = {}

    def html(text: str) -> str:
        if text not in escaped:
            escaped[text] = html_text(text)
        return escaped[text]

    hover = [
        f"{bins.noun} of {dates[w]} · {html(label)} · {html(area)}: {n:,} event(s)"
        for w, label, area, n in zip(
            np.ravel(which).tolist(),
            counts["label"].tolist(),
            counts["area"].tolist(),
            counts["count"].tolist(),
        )
    ]
    return {
        "hover": hover,
        "middle": (start + (end - start) / 2).to_numpy(),
        "width_ms": ((end - start).dt.total_seconds() * 1000 * 0.9).to_numpy(),
        "count": counts["count"].to_numpy(),
        "colour": counts["colour"].tolist(),
        "label": counts["label"].tolist(),
    }


def _bars(bars: dict, first: int, end: int, colour, label, event_type, seen) -> dict:
    """One type's bars in one lane (rows `first` to `end` of `bars`): from the bin's start
    to its end, height its count."""
    return {
        "hoverinfo": "text",
        "hovertext": bars["hover"][first:end],
        "legendgroup": event_type,
        "marker": {"color": colour, "line": {"width": 0}},
        "name": label,
        "showlegend": event_type not in seen,
        "width": bars["width_ms"][first:end],
        "x": bars["middle"][first:end],
        "y": bars["count"][first:end],
        "type": "bar",
    }


def _decorate(layout, title, footer, span, n_lanes, n_types) -> dict:
    """The layout `update_layout`, `update_xaxes`, `update_yaxes` and the footer gave."""
    # as legend_below lays them out at any width (this reserved two a row, for entries of
    # 185 px: the legend took half its rows, and a blank band was left above the sources)
    rows = legend_rows(n_types)
    bottom = 60 + 24 * rows + (30 if footer else 0)
    plot_px = LANE_PX * max(n_lanes, 1)
    x_extra = {
        "type": "date",
        "range": list(span),
        "gridcolor": "#E5E8EB",
        "tickformat": "%d %b\n%Y",
        **day_ticks(span),
    }
    y_extra = {"title": {"text": "events"}, "rangemode": "tozero", "gridcolor": "#E5E8EB"}
    for name in axis_names(layout, "xaxis"):
        layout[name] = merged(layout[name], x_extra)
    for name in axis_names(layout, "yaxis"):
        layout[name] = merged(layout[name], y_extra)
    if footer:
        note = footer_note(footer, 45 + 24 * rows + 30, plot_px)
        layout["annotations"] = [*layout.get("annotations", []), note]
    return merged(
        layout,
        {
            "title": {"font": {"size": 16}, "text": title, "x": 0, "xanchor": "left"},
            "template": template("plotly_white"),
            "barmode": "stack",
            "bargap": 0,
            "height": plot_px + 60 + bottom,
            "margin": {"b": bottom, "l": 60, "r": 100, "t": 60},
            "font": {"family": "Arial, Helvetica, sans-serif", "size": 12},
            "legend": legend_below(plot_px),
            "hoverlabel": {"align": "left"},
        },
    )
