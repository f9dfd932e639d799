"""The timeline figure: one lane per area, events as points (exact day) or bars (date windows)."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from dashboard.text import html_lines, html_text

DAY = pd.Timedelta(days=1)
#: A point still takes this much room in its row, so neighbours do not overlap.
POINT_ROOM = pd.Timedelta(days=1.6)


def pack_rows(starts: pd.Series, ends: pd.Series) -> list[int]:
    """Greedy interval packing: the lowest row whose last item ends before this one starts."""
    order = sorted(range(len(starts)), key=lambda i: (starts.iloc[i], ends.iloc[i]))
    row_end: list[pd.Timestamp] = []
    rows = [0] * len(starts)
    for i in order:
        start, end = starts.iloc[i], max(ends.iloc[i] + DAY, starts.iloc[i] + POINT_ROOM)
        for r, last in enumerate(row_end):
            if last <= start:
                rows[i], row_end[r] = r, end
                break
        else:
            rows[i] = len(row_end)
            row_end.append(end)
    return rows


def lane_layout(
    view: pd.DataFrame, areas: tuple[str, ...]
) -> tuple[pd.Series, dict[str, tuple[float, float]]]:
    """y of every event, and each lane's (top, bottom) band; lanes follow `areas`' order."""
    y = pd.Series(0.0, index=view.index)
    bands: dict[str, tuple[float, float]] = {}
    top = 0.0
    for area in areas:
        members = view[view["area"] == area]
        if members.empty:
            continue
        rows = pack_rows(members["date_start"], members["date_end"])
        y.loc[members.index] = [top + 0.5 + r for r in rows]
        height = max(rows) + 1
        bands[area] = (top, top + height)
        top += height + 0.4
    return y, bands


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


def build_timeline(view: pd.DataFrame, areas: tuple[str, ...], title: str) -> go.Figure:
    """Plotly figure: bars for date windows, markers for known days, coloured by event type."""
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
    y, bands = lane_layout(view, areas)
    hover = pd.Series(_hover(view), index=view.index)
    windows = view["date_precision"] != "day"
    for event_type, group in view.groupby("event_type", sort=False):
        # Plotly reads legend names as HTML: the type's label is data, so it is escaped
        colour, label = group["colour"].iloc[0], html_text(group["label"].iloc[0])
        spans, days = group[windows[group.index]], group[~windows[group.index]]
        if not spans.empty:
            fig.add_trace(
                go.Bar(
                    orientation="h",
                    y=y[spans.index],
                    base=spans["date_start"],
                    x=[
                        (e + DAY - s).total_seconds() * 1000
                        for s, e in zip(spans["date_start"], spans["date_end"])
                    ],
                    width=0.55,
                    marker=dict(
                        color=colour,
                        opacity=0.45,
                        line=dict(color=colour, width=1.5),
                        pattern=dict(
                            shape=["/" if _pending(e) else "" for _, e in spans.iterrows()]
                        ),
                    ),
                    name=label,
                    legendgroup=event_type,
                    showlegend=days.empty,
                    customdata=spans["event_id"],
                    hovertext=hover[spans.index],
                    hoverinfo="text",
                )
            )
        if not days.empty:
            fig.add_trace(
                go.Scatter(
                    mode="markers",
                    x=days["date_start"] + DAY / 2,
                    y=y[days.index],
                    marker=dict(
                        color=colour,
                        size=13,
                        line=dict(color="white", width=1.5),
                        # unreviewed extracted events are drawn hollow
                        symbol=[
                            "circle-open" if _pending(e) else "circle" for _, e in days.iterrows()
                        ],
                    ),
                    name=label,
                    legendgroup=event_type,
                    showlegend=True,
                    customdata=days["event_id"],
                    hovertext=hover[days.index],
                    hoverinfo="text",
                )
            )
    _decorate(fig, bands, title, view)
    return fig


def _decorate(
    fig: go.Figure, bands: dict[str, tuple[float, float]], title: str, view: pd.DataFrame
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
    start = view["date_start"].min() - DAY
    end = view["date_end"].max() + 2 * DAY
    fig.update_layout(
        title=dict(text=title, x=0, xanchor="left", font=dict(size=16)),
        template="plotly_white",
        barmode="overlay",
        height=plot_px + 60 + 110,
        margin=dict(l=10, r=10, t=60, b=110),
        # below the date labels, whatever the plot's height: 45 px under the plot area
        legend=dict(
            orientation="h", yanchor="top", y=-45 / plot_px, x=0, title_text="Event type: "
        ),
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
            tickvals=[(t + b) / 2 for t, b in bands.values()],
            ticktext=[f"<b>{html_text(a)}</b>" for a in bands],
        ),
    )
