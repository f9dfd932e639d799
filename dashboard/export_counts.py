"""The timeline as counts drawn with matplotlib for exports: what the page's count timeline
(`dashboard.timeline_counts`) draws when there are too many events to draw one by one
(`aggregate.aggregated`): a lane per area with events, stacked bars of events per day, week or
month and event type, in the palette's colours. The counts are the page's own
(`aggregate.timeline_counts`, same bins and window), so the slide draws one bar per bin, type
and lane whatever the number of events (a mark each took past 14 CPU-minutes at 100,000).
"""

from __future__ import annotations

import matplotlib.dates as mdates
import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.ticker import MaxNLocator, StrMethodFormatter

from dashboard.aggregate import timeline_bins, timeline_counts
from dashboard.export_timeline import date_axis
from dashboard.timeline_layout import DAY, Window, date_range

#: Room above each lane for its area's name (inches).
TITLE_IN = 0.26
#: The least height a lane is given where the page has room (inches): its name and a few
#: counts on its axis.
MIN_LANE_IN = 0.9
#: A bar's share of its bin's width (the page's `timeline_counts._bar_columns`).
BAR_SHARE = 0.9
GRID = "#E5E8EB"


def lanes_of(view: pd.DataFrame, areas: tuple[str, ...]) -> list[str]:
    """The lanes drawn: the `areas` with events, in their order."""
    present = set(view["area"].dropna().unique().tolist())
    return [a for a in areas if a in present]


def draw_count_timeline(
    ax: Axes, view: pd.DataFrame, areas: tuple[str, ...], window: Window = None
) -> list[Axes]:
    """Draw the counts into `ax`'s box, split into a lane (an axes) per area with events, top
    to bottom in `areas`' order, sharing the date axis; return the lanes. Each type's bars are
    stacked in the order the page stacks them (its traces by type, the first at the bottom)."""
    span = date_range(view, window)
    bins = timeline_bins(view, window)
    assert bins is not None, "counts are drawn only above aggregate.MAX_MARKS events"
    counts = timeline_counts(view, bins, window)
    present = set(counts["area"].tolist())
    named = [a for a in areas if a in present]
    lanes = _lane_axes(ax, len(named))
    if not lanes:
        ax.text(0.5, 0.5, "None of these events has a date, area and type to count",
                ha="center", va="center", transform=ax.transAxes, fontsize=12,
                parse_math=False)  # fmt: skip
        ax.set_axis_off()
        return []
    area_of = counts["area"].to_numpy(dtype=object)
    for lane, area in zip(lanes, named):
        _bars(lane, counts[area_of == area])
        _style(lane, area, span)
    for lane in lanes[:-1]:
        lane.tick_params(axis="x", labelbottom=False)
    return lanes


def _lane_axes(ax: Axes, n: int) -> list[Axes]:
    """`ax` made the first of `n` lanes stacked in its box, each under its name's room; the
    others added to the figure below it, sharing its dates."""
    if n == 0:
        return []
    fig = ax.figure
    box = ax.get_position()
    title = TITLE_IN / fig.get_figheight()
    slot = box.height / n
    lanes = []
    for i in range(n):
        rect = (box.x0, box.y1 - (i + 1) * slot, box.width, slot - title)
        if i == 0:
            ax.set_position(rect)
            lanes.append(ax)
        else:
            lanes.append(fig.add_axes(rect, sharex=ax))
    return lanes


def _bars(lane: Axes, rows: pd.DataFrame) -> None:
    """One lane's bars: a `bar` call per type (a rectangle per bin), stacked on the types
    before it. `rows` are in order of (type, bin), as `timeline_counts` lists them."""
    count = rows["count"].to_numpy()
    below = rows.groupby("start", sort=False)["count"].cumsum().to_numpy() - count
    start, end = rows["start"], rows["end"]
    middle = mdates.date2num((start + (end - start) / 2).to_numpy())
    width = ((end - start) / DAY).to_numpy() * BAR_SHARE
    kind = rows["event_type"].to_numpy(dtype=object)
    edges = [0, *(np.flatnonzero(kind[1:] != kind[:-1]) + 1).tolist(), len(kind)]
    colours, labels = rows["colour"].tolist(), rows["label"].tolist()
    for first, end_at in zip(edges[:-1], edges[1:]):
        part = slice(first, end_at)
        lane.bar(middle[part], count[part], width[part], bottom=below[part], linewidth=0,
                 color=colours[first], label=labels[first], zorder=3)  # fmt: skip


def _style(lane: Axes, area: str, span: tuple[pd.Timestamp, pd.Timestamp]) -> None:
    """The lane's name above it, counts from zero on its left, the dates' grid, as the page."""
    start, end = span
    lane.set_xlim(mdates.date2num(start), mdates.date2num(end))
    lane.set_ylim(bottom=0)
    lane.set_title(area, loc="left", fontsize=10, fontweight="bold", pad=3)
    lane.set_ylabel("events", fontsize=9, color="#333333")
    lane.yaxis.set_major_locator(MaxNLocator(nbins=4, integer=True, min_n_ticks=2))
    lane.yaxis.set_major_formatter(StrMethodFormatter("{x:,.0f}"))
    lane.tick_params(axis="y", labelsize=9, colors="#333333", length=0)
    date_axis(lane, start, end)
    lane.grid(axis="y", color=GRID, zorder=1)
    lane.set_axisbelow(True)
    for name in ("top", "right"):
        lane.spines[name].set_visible(False)
    for name in ("left", "bottom"):
        lane.spines[name].set_color("#CCCCCC")
