"""The timeline as counts: one lane per area, stacked bars of events per day, week or month
and event type. Drawn instead of a mark per event when there are too many to read
(`dashboard.aggregate`): the browser gets one bar per bin and type, whatever the number of
events.
"""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from dashboard.aggregate import Bins, bins_for, timeline_counts
from dashboard.text import html_text
from dashboard.timeline_layout import Window, add_footer, date_range, legend_below

LANE_PX = 130


def build_count_timeline(
    view: pd.DataFrame,
    areas: tuple[str, ...],
    title: str,
    footer: str = "",
    window: Window = None,
) -> tuple[go.Figure, Bins]:
    """Stacked bars of events per bin, a lane (subplot) per area with events, a palette colour
    per type (a legend entry each); the hover says the bin, type, area and count."""
    span = date_range(view, window)
    bins = bins_for(*span)
    counts = timeline_counts(view, bins, window)
    lanes = [a for a in areas if a in set(counts["area"])]
    fig = make_subplots(
        rows=max(len(lanes), 1),
        cols=1,
        shared_xaxes=True,
        vertical_spacing=0.06,
        row_titles=[f"<b>{html_text(a)}</b>" for a in lanes] or None,
    )
    seen: set[str] = set()
    bars, traces, rows = _bar_columns(counts, bins), [], []
    for row, area in enumerate(lanes, start=1):
        for event_type, group in bars[bars["area"] == area].groupby("event_type", sort=True):
            colour, label = group["colour"].iloc[0], html_text(group["label"].iloc[0])
            traces.append(_bars(group, colour, label, event_type, seen))
            rows.append(row)
            seen.add(event_type)
    if traces:  # added at once: one layout pass, not one per trace
        fig.add_traces(traces, rows=rows, cols=[1] * len(rows))
    _decorate(fig, title, footer, span, len(lanes), len(seen))
    return fig, bins


def _bar_columns(counts: pd.DataFrame, bins: Bins) -> pd.DataFrame:
    """The counts with each bar's middle, width (ms) and hover text, made in one pass over
    every bar (per lane and type, 48 passes took 1 s at 100,000 events)."""
    start, end = counts["start"], counts["end"]
    when = start.dt.strftime("%d %b %Y").tolist()
    hover = [
        f"{bins.noun} of {w} · {html_text(label)} · {html_text(area)}: {n} event(s)"
        for w, label, area, n in zip(
            when, counts["label"].tolist(), counts["area"].tolist(), counts["count"].tolist()
        )
    ]
    return counts.assign(
        middle=start + (end - start) / 2,
        width_ms=(end - start).dt.total_seconds() * 1000 * 0.9,
        hover=hover,
    )


def _bars(group, colour, label, event_type, seen) -> go.Bar:
    """One type's bars in one lane: from the bin's start to its end, height its count."""
    return go.Bar(
        x=group["middle"].to_numpy(),
        y=group["count"].to_numpy(),
        width=group["width_ms"].to_numpy(),
        marker=dict(color=colour, line=dict(width=0)),
        name=label,
        legendgroup=event_type,
        showlegend=event_type not in seen,
        hovertext=group["hover"].tolist(),
        hoverinfo="text",
    )


def _decorate(fig, title, footer, span, n_lanes, n_types) -> None:
    # entries of 185 px: two a row in the reader's column at 1280 px (measured in Chromium),
    # so the sources under the legend never overlap it
    legend_rows = -(-n_types // 2)
    bottom = 60 + 24 * legend_rows + (30 if footer else 0)
    plot_px = LANE_PX * max(n_lanes, 1)
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
