"""The timeline figure: one lane per area, events as points (exact day) or bars (date windows).

The layout (lanes, rows, which marks have room for a label) is pure and shared with the
server-side exports (`dashboard.export_timeline`), so the slide shows what the screen shows.
The figure is written as Plotly's JSON (`dashboard.ready_figure`): the same figure as
`go.Bar` / `go.Scatter` traces and `update_layout` give, without Plotly checking each
property (1-3 s for a few hundred events on a loaded machine).
"""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from dashboard.aggregate import aggregated
from dashboard.palette import edge_of, legend_ranks, text_on, with_palette
from dashboard.ready_figure import ReadyFigure, template
from dashboard.text import html_lines, html_text
from dashboard.timeline_counts import build_count_timeline
from dashboard.timeline_layout import (
    DAY,
    LABEL_FONT_PX,
    POINT_RADIUS_PX,
    SCREEN_PLOT_PX,
    TITLE_PAD_PX,
    TOP_DATES_PX,
    Window,
    date_range,
    day_ticks,
    footer_note,
    lane_layout,
    legend_below,
    legend_rows,
    mark_labels,
    top_date_axis,
    top_dates,
)


def _pending(view: pd.DataFrame) -> list[bool]:
    """Per event, whether it awaits review (extracted automatically)."""
    if "review_status" not in view:
        return [False] * len(view)
    return [status == "pending" for status in view["review_status"].tolist()]


def _hover(view: pd.DataFrame) -> list[str]:
    """Hover text, escaped and wrapped: summaries and names come from data, never trusted as
    HTML, and a long line would run off the chart (Plotly's hover box does not wrap)."""
    texts = []
    columns = ("outlets", "label", "place", "summary", "date_text", "precision_text")
    columns += ("independent_sources",)
    rows = zip(*(view[c].tolist() for c in columns), _pending(view))
    for outlets, label, place, summary, when, precision, sources, pending in rows:
        named = ", ".join(outlets) if isinstance(outlets, list) else ""
        lines = [f"<b>{line}</b>" for line in html_lines(f"{label} · {place}")]
        lines += html_lines(summary)
        lines += html_lines(f"Date: {when} ({precision})")
        n = int(sources)  # in the detail's words: "1 independent source(s)" read as a draft
        counted = f"{n} independent source" + ("" if n == 1 else "s")
        lines += html_lines(f"Reported by: {named} · {counted}")
        if pending:
            lines.append("<i>Extracted automatically, not yet reviewed</i>")
        texts.append("<br>".join(lines))
    return texts


def build_timeline(
    view: pd.DataFrame,
    areas: tuple[str, ...],
    title: str,
    footer: str = "",
    plot_px: int = SCREEN_PLOT_PX,
    window: Window = None,
) -> go.Figure:
    """Plotly figure: bars for date windows, markers for known days, one palette colour per
    event type; the summary labels every mark that has room for it. `footer` (plain text,
    such as the sources) is printed under the legend, so the camera's PNG carries it. The
    axis spans the filters' `window` (a longer window event is cut at the edge), as the
    briefing slide does. Too many events to read one by one are drawn as counts per bin
    (`dashboard.timeline_counts`): one bar per bin and type, whatever their number."""
    if aggregated(view):
        return build_count_timeline(view, areas, title, footer, window)[0]
    if view.empty:
        return ReadyFigure([], _empty_layout(title))
    view = with_palette(view)
    y, bands = lane_layout(view, areas)
    labels = mark_labels(view, y, plot_px, window=window)
    span = date_range(view, window)
    labels["text"] = labels["text"].map(html_text)  # Plotly reads text as HTML
    # only the columns the traces read (the event frame has dozens: each group copied them)
    marks = view[["event_id", "event_type", "label", "colour", "date_start", "date_end"]].assign(
        _y=y, _hover=_hover(view), _text=labels["text"], _side=labels["side"],
        _pending=_pending(view), _window=view["date_precision"] != "day",
    )  # fmt: skip
    traces = []
    # the legend in label order, as the map's and the slide's (the traces drawn in their own)
    ranks = legend_ranks(marks["event_type"], marks["label"])
    for event_type, group in marks.groupby("event_type", sort=False):
        # Plotly reads legend names as HTML: the type's label is data, so it is escaped
        colour, label = group["colour"].iloc[0], html_text(group["label"].iloc[0])
        spans, days = group[group["_window"]], group[~group["_window"]]
        rank = {"legendrank": ranks[event_type]}
        if not spans.empty:
            traces.append(_bars(spans, colour, label, event_type, days.empty, span) | rank)
        if not days.empty:
            traces.append(_points(days, colour, label, event_type) | rank)
    if any(marks["_pending"]):
        traces.append(_pending_key())
    layout = _layout(bands, title, view, footer, span)
    if "xaxis2" in layout:
        traces.append(_top_dates_key(span))
    return ReadyFigure(traces, layout)


def _empty_layout(title: str) -> dict:
    """The message alone, as the slide draws it (`export_timeline`): no axes. Plotly's own
    axes for a chart with no traces read -1 to 6 and 0 to 4, numbers that meant nothing
    under a title naming a week (the reader's page after *Week* with no event in it)."""
    return {
        "annotations": [
            {
                "showarrow": False,
                "text": "No events match the filters",
                "font": {"size": 14},
                "x": 0.5,
                "xref": "paper",
                "y": 0.5,
                "yref": "paper",
            }
        ],
        "height": 260,
        "template": template("plotly_white"),
        "title": {"text": title},
        "xaxis": {"visible": False},
        "yaxis": {"visible": False},
    }


def _bars(spans, colour, label, event_type, in_legend, span) -> dict:
    """Opaque bars in the type's colour; hatched (colour on white) when awaiting review. A bar
    starts where the axis does when its window starts before it (its label stays in view)."""
    pending = spans["_pending"].tolist()
    starts = spans["date_start"].clip(lower=span[0])
    ends = (spans["date_end"] + DAY).clip(upper=span[1])
    return {
        "base": starts.to_numpy(),
        "constraintext": "none",
        "customdata": spans["event_id"].to_numpy(),
        "hoverinfo": "text",
        "hovertext": spans["_hover"].to_numpy(),
        "insidetextanchor": "start",
        "legendgroup": event_type,
        "marker": {
            "color": colour,
            "line": {"color": colour, "width": 1.5},
            "pattern": {
                "bgcolor": "white",
                "fgcolor": colour,
                "fillmode": "replace",
                "shape": ["/" if p else "" for p in pending],
                "solidity": 0.45,
            },
        },
        "name": label,
        "orientation": "h",
        "showlegend": in_legend,
        "text": spans["_text"].to_numpy(),
        "textangle": 0,
        "textfont": {
            "color": ["#000000" if p else text_on(colour) for p in pending],
            "size": LABEL_FONT_PX,
        },
        "textposition": "inside",
        "width": 0.6,
        "x": [(e - s).total_seconds() * 1000 for s, e in zip(starts, ends)],
        "y": spans["_y"].to_numpy(),
        "type": "bar",
    }


def _points(days, colour, label, event_type) -> dict:
    """Dots of the type's colour, hollow when awaiting review, labelled where there is room."""
    return {
        "customdata": days["event_id"].to_numpy(),
        "hoverinfo": "text",
        "hovertext": days["_hover"].to_numpy(),
        "legendgroup": event_type,
        "marker": {
            "color": colour,
            "line": {"color": edge_of(colour), "width": 1.5},
            "size": 2 * POINT_RADIUS_PX,
            "symbol": ["circle-open" if p else "circle" for p in days["_pending"].tolist()],
        },
        "mode": "markers+text",
        "name": label,
        "showlegend": True,
        "text": days["_text"].to_numpy(),
        "textfont": {"color": "#333333", "size": LABEL_FONT_PX},
        "textposition": ["middle " + side for side in days["_side"].tolist()],
        "x": (days["date_start"] + DAY / 2).to_numpy(),
        "y": days["_y"].to_numpy(),
        "type": "scatter",
    }


def _pending_key() -> dict:
    """A legend entry (no mark) for what hollow dots and hatched bars mean."""
    return {
        "hoverinfo": "skip",
        "marker": {"color": "#333333", "size": 2 * POINT_RADIUS_PX, "symbol": "circle-open"},
        "mode": "markers",
        "name": "Hollow: unreviewed",
        "showlegend": True,
        "x": [None],
        "y": [None],
        "type": "scatter",
    }


def _top_dates_key(span: tuple[pd.Timestamp, pd.Timestamp]) -> dict:
    """A trace of no mark on the top date axis: Plotly draws only the axes a trace is on."""
    return {
        "hoverinfo": "skip",
        "mode": "markers",
        "showlegend": False,
        "x": [span[0].isoformat()],
        "xaxis": "x2",
        "y": [None],
        "type": "scatter",
    }


def _layout(
    bands: dict[str, tuple[float, float]],
    title: str,
    view: pd.DataFrame,
    footer: str,
    span: tuple[pd.Timestamp, pd.Timestamp],
) -> dict:
    """Lanes as bands of alternating shade, the axes, the legend and the sources."""
    shapes = [
        {
            "fillcolor": "#F3F5F7" if i % 2 == 0 else "#FFFFFF",
            "layer": "below",
            "line": {"width": 0},
            "type": "rect",
            "x0": 0,
            "x1": 1,
            "xref": "x domain",
            "y0": top,
            "y1": bottom,
            "yref": "y",
        }
        for i, (top, bottom) in enumerate(bands.values())
    ]
    total_rows = max(b for _, b in bands.values())
    plot_px = int(60 + 30 * total_rows)
    n_types = int(view["event_type"].nunique() + any(_pending(view)))
    rows = legend_rows(n_types)  # as legend_below lays them out, at any width
    bottom = 60 + 24 * rows + (30 if footer else 0)
    # taller than a screen's room: the dates at the plot's top too, under the title
    tall = top_dates(plot_px)
    top = 60 + (TOP_DATES_PX if tall else 0)
    height = plot_px + top + bottom
    start, end = span
    layout = {
        "shapes": shapes,
        "template": template("plotly_white"),
        "title": {"font": {"size": 16}, "text": title, "x": 0, "xanchor": "left"},
        "margin": {"b": bottom, "l": 100, "r": 20, "t": top},
        "font": {"family": "Arial, Helvetica, sans-serif", "size": 12},
        # below the date labels, whatever the plot's height: 45 px under the plot area;
        # fixed-width entries, so a long type name never runs into the next swatch
        "legend": legend_below(plot_px),
        "hoverlabel": {"align": "left"},
        "xaxis": {
            "type": "date",
            "range": [start, end],
            "showgrid": True,
            "gridcolor": "#E5E8EB",
            "tickformat": "%d %b\n%Y",
            **day_ticks(span),
        },
        "yaxis": {
            "range": [total_rows, 0],
            "tickmode": "array",
            "showgrid": False,
            "zeroline": False,
            "automargin": True,
            "tickvals": [(t + b) / 2 for t, b in bands.values()],
            "ticktext": [f"<b>{html_text(a)}</b>" for a in bands],
        },
        "barmode": "overlay",
        "height": height,
    }
    if tall:
        layout["xaxis2"] = top_date_axis(layout["xaxis"])
        # the title where Plotly puts it in a 60 px margin, above the dates: its text 15-34
        # px down (Chromium; y at the top and 19 px of pad, whatever the chart's height)
        layout["title"] |= {"y": 1, "yanchor": "top", "pad": {"t": TITLE_PAD_PX}}
    if footer:
        layout["annotations"] = [footer_note(footer, 45 + 24 * rows + 20, plot_px)]
    return layout
