"""The timeline figure: one lane per area, events as points (exact day) or bars (date windows).

The layout (lanes, rows, which marks have room for a label) is pure and shared with the
server-side exports (`dashboard.export_timeline`), so the slide shows what the screen shows.
"""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from dashboard.aggregate import aggregated
from dashboard.palette import edge_of, text_on, with_palette
from dashboard.text import html_lines, html_text
from dashboard.timeline_counts import build_count_timeline
from dashboard.timeline_layout import (
    DAY,
    LABEL_FONT_PX,
    POINT_RADIUS_PX,
    SCREEN_PLOT_PX,
    Window,
    add_footer,
    date_range,
    lane_layout,
    legend_below,
    mark_labels,
)


def _pending(event: pd.Series) -> bool:
    return event.get("review_status") == "pending"


def _hover(view: pd.DataFrame) -> list[str]:
    """Hover text, escaped and wrapped: summaries and names come from data, never trusted as
    HTML, and a long line would run off the chart (Plotly's hover box does not wrap)."""
    texts = []
    for _, e in view.iterrows():
        outlets = ", ".join(e["outlets"]) if isinstance(e["outlets"], list) else ""
        lines = [f"<b>{line}</b>" for line in html_lines(f"{e['label']} · {e['place']}")]
        lines += html_lines(e["summary"])
        lines += html_lines(f"Date: {e['date_text']} ({e['precision_text']})")
        lines += html_lines(
            f"Reported by: {outlets} · {int(e['independent_sources'])} independent source(s)"
        )
        if _pending(e):
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
    fig = go.Figure()
    if view.empty:
        fig.update_layout(
            title=title,
            height=260,
            template="plotly_white",
            annotations=[
                dict(
                    text="No events match the filters",
                    showarrow=False,
                    xref="paper",
                    yref="paper",
                    x=0.5,
                    y=0.5,
                )
            ],
        )
        return fig
    view = with_palette(view)
    y, bands = lane_layout(view, areas)
    hover = pd.Series(_hover(view), index=view.index)
    labels = mark_labels(view, y, plot_px, window=window)
    span = date_range(view, window)
    labels["text"] = labels["text"].map(html_text)  # Plotly reads text as HTML
    windows = view["date_precision"] != "day"
    for event_type, group in view.groupby("event_type", sort=False):
        # Plotly reads legend names as HTML: the type's label is data, so it is escaped
        colour, label = group["colour"].iloc[0], html_text(group["label"].iloc[0])
        spans, days = group[windows[group.index]], group[~windows[group.index]]
        if not spans.empty:
            bars = _bars(spans, y, colour, label, event_type, hover, labels, days.empty, span)
            fig.add_trace(bars)
        if not days.empty:
            fig.add_trace(_points(days, y, colour, label, event_type, hover, labels))
    if view["review_status"].eq("pending").any():
        fig.add_trace(_pending_key())
    _decorate(fig, bands, title, view, footer, span)
    return fig


def _bars(spans, y, colour, label, event_type, hover, texts, in_legend, span) -> go.Bar:
    """Opaque bars in the type's colour; hatched (colour on white) when awaiting review. A bar
    starts where the axis does when its window starts before it (its label stays in view)."""
    pending = [_pending(e) for _, e in spans.iterrows()]
    starts = spans["date_start"].clip(lower=span[0])
    ends = (spans["date_end"] + DAY).clip(upper=span[1])
    return go.Bar(
        orientation="h",
        y=y[spans.index],
        base=starts,
        x=[(e - s).total_seconds() * 1000 for s, e in zip(starts, ends)],
        width=0.6,
        marker=dict(
            color=colour,
            line=dict(color=colour, width=1.5),
            pattern=dict(
                shape=["/" if p else "" for p in pending],
                fgcolor=colour,
                bgcolor="white",
                fillmode="replace",
                solidity=0.45,
            ),
        ),
        text=texts.loc[spans.index, "text"],
        textposition="inside",
        insidetextanchor="start",
        textangle=0,
        constraintext="none",
        textfont=dict(
            size=LABEL_FONT_PX, color=["#000000" if p else text_on(colour) for p in pending]
        ),
        name=label,
        legendgroup=event_type,
        showlegend=in_legend,
        customdata=spans["event_id"],
        hovertext=hover[spans.index],
        hoverinfo="text",
    )


def _points(days, y, colour, label, event_type, hover, texts) -> go.Scatter:
    """Dots of the type's colour, hollow when awaiting review, labelled where there is room."""
    return go.Scatter(
        mode="markers+text",
        x=days["date_start"] + DAY / 2,
        y=y[days.index],
        marker=dict(
            color=colour,
            size=2 * POINT_RADIUS_PX,
            line=dict(color=edge_of(colour), width=1.5),
            symbol=["circle-open" if _pending(e) else "circle" for _, e in days.iterrows()],
        ),
        text=texts.loc[days.index, "text"],
        textposition=["middle " + side for side in texts.loc[days.index, "side"]],
        textfont=dict(size=LABEL_FONT_PX, color="#333333"),
        name=label,
        legendgroup=event_type,
        showlegend=True,
        customdata=days["event_id"],
        hovertext=hover[days.index],
        hoverinfo="text",
    )


def _pending_key() -> go.Scatter:
    """A legend entry (no mark) for what hollow dots and hatched bars mean."""
    return go.Scatter(
        x=[None],
        y=[None],
        mode="markers",
        marker=dict(color="#333333", size=2 * POINT_RADIUS_PX, symbol="circle-open"),
        name="Hollow: unreviewed",
        showlegend=True,
        hoverinfo="skip",
    )


def _decorate(
    fig: go.Figure,
    bands: dict[str, tuple[float, float]],
    title: str,
    view: pd.DataFrame,
    footer: str,
    span: tuple[pd.Timestamp, pd.Timestamp],
) -> None:
    for i, (top, bottom) in enumerate(bands.values()):
        fig.add_hrect(
            y0=top,
            y1=bottom,
            line_width=0,
            layer="below",
            fillcolor="#F3F5F7" if i % 2 == 0 else "#FFFFFF",
        )
    total_rows = max(b for _, b in bands.values())
    plot_px = int(60 + 30 * total_rows)
    n_types = int(view["event_type"].nunique() + view["review_status"].eq("pending").any())
    legend_rows = -(-n_types // 3)  # 3 entries of 185 px a row: the narrowest plot (660 px)
    bottom = 60 + 24 * legend_rows + (30 if footer else 0)
    start, end = span
    fig.update_layout(
        title=dict(text=title, x=0, xanchor="left", font=dict(size=16)),
        template="plotly_white",
        barmode="overlay",
        height=plot_px + 60 + bottom,
        margin=dict(l=100, r=20, t=60, b=bottom),
        font=dict(family="Arial, Helvetica, sans-serif", size=12),
        # below the date labels, whatever the plot's height: 45 px under the plot area;
        # fixed-width entries, so a long type name never runs into the next swatch
        legend=legend_below(plot_px),
        hoverlabel=dict(align="left"),
        xaxis=dict(
            type="date",
            range=[start, end],
            showgrid=True,
            gridcolor="#E5E8EB",
            tickformat="%d %b\n%Y",
        ),
        yaxis=dict(
            range=[total_rows, 0],
            tickmode="array",
            showgrid=False,
            zeroline=False,
            automargin=True,
            tickvals=[(t + b) / 2 for t, b in bands.values()],
            ticktext=[f"<b>{html_text(a)}</b>" for a in bands],
        ),
    )
    if footer:
        add_footer(fig, footer, 45 + 24 * legend_rows + 20, plot_px)
