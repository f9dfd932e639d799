"""The timeline drawn with matplotlib for exports: the same lanes, rows, colours and labels
as the screen's Plotly figure (both come from `dashboard.timeline_layout` and the palette).
"""

from __future__ import annotations

import matplotlib.dates as mdates
import pandas as pd
from matplotlib.axes import Axes

from dashboard.palette import edge_of, text_on, with_palette
from dashboard.timeline_layout import (
    DAY,
    DAY_TICKS_UP_TO,
    LABEL_FONT_PX,
    POINT_RADIUS_PX,
    Window,
    date_range,
    lane_layout,
    mark_labels,
)

PT = 72 / 96  # points per CSS pixel
#: The tallest a row is drawn (inches; 38 CSS px): a few rows in a tall box are not stretched
#: into slabs, the box shrinks from the bottom to the rows it holds, its top kept.
MAX_ROW_IN = 0.4
#: The least a row is given where the page has the room (inches; 16 CSS px): an 11 px label
#: and the air around it. A4 with the map gave the shipped data's 24 rows 0.13 in each.
MIN_ROW_IN = 0.15
#: Below this row height (CSS px) a bar fills TIGHT_BAR of its row, not 0.6, and its label's
#: font is cut to fit inside the bar (11 px labels ran over the bars above and below).
TIGHT_ROW_PX = 20
TIGHT_BAR = 0.8
#: The thickest a bar is drawn when the rows are stretched to fill a box (inches; 29 CSS px,
#: half as thick again as a bar in a MAX_ROW_IN row): the rows spread, the bars stay bars.
FILL_BAR_IN = 0.3


def _num(when: pd.Timestamp | pd.Series):
    return mdates.date2num(when)


def draw_timeline(
    ax: Axes,
    shown: pd.DataFrame,
    areas: tuple[str, ...],
    width_px: float,
    window: Window = None,
    fill: bool = False,
) -> None:
    """Draw the lanes and marks into `ax`, whose plot area is about `width_px` CSS px wide,
    over the filters' date `window` (marks reaching beyond it are cut at the edge). With
    `fill` the rows are spread over the whole box (beside a map of the box's height: a few
    rows at MAX_ROW_IN left 40% of the column blank), their bars at most FILL_BAR_IN thick;
    without it the box shrinks to rows of MAX_ROW_IN."""
    if shown.empty:
        ax.text(0.5, 0.5, "No events match the filters", ha="center", va="center",
                transform=ax.transAxes, fontsize=12, parse_math=False)  # fmt: skip
        ax.set_axis_off()
        return
    view = with_palette(shown)
    y, bands = lane_layout(view, areas)
    labels = mark_labels(view, y, width_px, window=window)
    start, end = date_range(view, window)
    for i, (top, bottom) in enumerate(bands.values()):
        ax.axhspan(top, bottom, color="#F3F5F7" if i % 2 == 0 else "#FFFFFF", zorder=0, lw=0)
    total = max(b for _, b in bands.values())
    row_in = _row_in(ax, total, fill)
    bar, font = bar_and_font(row_in * 96)
    bar = min(bar, FILL_BAR_IN / row_in)
    for index, event in view.iterrows():
        colour, pending = event["colour"], event.get("review_status") == "pending"
        text, side = labels.loc[index, "text"], labels.loc[index, "side"]
        if event["date_precision"] != "day":
            left = _num(max(event["date_start"], start))
            width = _num(min(event["date_end"] + DAY, end)) - left
            ax.barh(y[index], width, left=left, height=bar, zorder=3,
                    color="#FFFFFF" if pending else colour, edgecolor=colour,
                    hatch="///" if pending else None, linewidth=1.2)  # fmt: skip
            if text:
                # on a hatched bar the label sits on white, so the hatching does not cross it
                box = dict(facecolor="white", edgecolor="none", pad=0.6) if pending else None
                ax.text(left + 0.15, y[index], text, fontsize=font, va="center", ha="left",
                        color="#000000" if pending else text_on(colour), zorder=4, bbox=box,
                        parse_math=False, clip_on=True)  # fmt: skip
            continue
        centre = _num(event["date_start"] + DAY / 2)
        ax.scatter([centre], [y[index]], s=(2 * POINT_RADIUS_PX * PT) ** 2, zorder=5,
                   facecolor="#FFFFFF" if pending else colour,
                   edgecolor=colour if pending else edge_of(colour),
                   linewidths=1.8 if pending else 1.1)  # fmt: skip
        if text:
            offset = (POINT_RADIUS_PX + 4) * PT
            shift = offset if side == "right" else -offset
            ax.annotate(text, (centre, y[index]), xytext=(shift, 0),
                        textcoords="offset points", fontsize=font, va="center",
                        ha="left" if side == "right" else "right", color="#333333", zorder=6,
                        parse_math=False, annotation_clip=True)  # fmt: skip
    if not fill:
        _fit_height(ax, total)
    ax.set_ylim(total, 0)
    ax.set_xlim(_num(start), _num(end))
    ax.set_yticks([(t + b) / 2 for t, b in bands.values()], list(bands), fontweight="bold")
    ax.tick_params(axis="y", length=0, labelsize=10)
    date_axis(ax, start, end)
    for name in ("top", "right", "left"):
        ax.spines[name].set_visible(False)
    ax.spines["bottom"].set_color("#CCCCCC")


def date_axis(ax: Axes, start: pd.Timestamp, end: pd.Timestamp) -> None:
    """The x axis' dates and grid over `start`..`end` (both the marks and the counts)."""
    ax.tick_params(axis="x", labelsize=9, colors="#333333")
    # a few days' axis: a tick each midnight (the auto locator's 12-hour ticks repeated a day)
    short = end - start <= DAY_TICKS_UP_TO
    locator = mdates.DayLocator() if short else mdates.AutoDateLocator(minticks=4, maxticks=10)
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(mdates.DateFormatter("%d %b\n%Y"))
    ax.grid(axis="x", color="#E5E8EB", zorder=1)


def bar_and_font(row_px: float) -> tuple[float, float]:
    """A bar's height (a share of its row) and the labels' font (points) for rows of
    `row_px` CSS px: the screen's 0.6 and 11 px where there is room, else a fuller bar and
    a label no taller than it."""
    if row_px >= TIGHT_ROW_PX:
        return 0.6, LABEL_FONT_PX * PT
    return TIGHT_BAR, min(LABEL_FONT_PX, TIGHT_BAR * row_px * 0.85) * PT


def _row_in(ax: Axes, rows: float, fill: bool = False) -> float:
    """A row's height (inches) once `_fit_height` has fitted `ax` to `rows` (with `fill`,
    the box's height shared by the rows)."""
    height_in = ax.get_position().height * ax.figure.get_figheight()
    return height_in / rows if fill else min(height_in / rows, MAX_ROW_IN)


def row_count(shown: pd.DataFrame, areas: tuple[str, ...]) -> float:
    """How many rows `draw_timeline` draws `shown` in (0 for none)."""
    if shown.empty:
        return 0.0
    _, bands = lane_layout(with_palette(shown), areas)
    return max(b for _, b in bands.values())


def _fit_height(ax: Axes, rows: float) -> None:
    """Shrink `ax` (top kept) so that no row is taller than MAX_ROW_IN."""
    box = ax.get_position()
    height_in = box.height * ax.figure.get_figheight()
    if height_in > rows * MAX_ROW_IN:
        kept = box.height * rows * MAX_ROW_IN / height_in
        ax.set_position((box.x0, box.y1 - kept, box.width, kept))
