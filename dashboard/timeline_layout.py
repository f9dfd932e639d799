"""Where each mark of the timeline goes (pure): lanes per area, rows packed so nothing
overlaps, and which marks have room for a label. Shared by the screen's Plotly figure
(`dashboard.timeline`) and the server-side exports (`dashboard.export_timeline`).
"""

from __future__ import annotations

import pandas as pd

from dashboard.text import html_text

DAY = pd.Timedelta(days=1)
#: A point still takes this much room in its row, so neighbours do not overlap.
POINT_ROOM = pd.Timedelta(days=1.6)
#: The plot area's width the screen labels are fitted to: the narrowest it is drawn (about
#: 680 px at 1280x720 with the sidebar open); on a wider screen the labels just have more room.
SCREEN_PLOT_PX = 660
#: Average width of a character of the label font, in font sizes (Arial/DejaVu at 11 px).
CHAR_EM = 0.58
LABEL_FONT_PX = 11
POINT_RADIUS_PX = 7
#: Below this many characters a label says too little to be worth drawing.
MIN_LABEL_CHARS = 8
#: An axis this short or shorter gets a tick a day: Plotly's own ticks over a few days fall
#: every 12 hours and its day-only labels repeat ('31 Dec', '31 Dec', '01 Jan', '01 Jan').
DAY_TICKS_UP_TO = pd.Timedelta(days=12)


def pack_rows(starts: pd.Series, ends: pd.Series) -> list[int]:
    """Greedy interval packing: the lowest row whose last item ends before this one starts."""
    starts, ends = list(starts), list(ends)  # plain values: .iloc per item was most of it
    order = sorted(range(len(starts)), key=lambda i: (starts[i], ends[i]))
    row_end: list[pd.Timestamp] = []
    rows = [0] * len(starts)
    for i in order:
        start, end = starts[i], max(ends[i] + DAY, starts[i] + POINT_ROOM)
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


Window = tuple[pd.Timestamp, pd.Timestamp] | None


def date_range(view: pd.DataFrame, window: Window = None) -> tuple[pd.Timestamp, pd.Timestamp]:
    """The x axis' range: a day of margin before, two after (room for the last label); within
    the filters' `window` (a long window event is cut at the edge, not stretching the axis)."""
    start, end = view["date_start"].min() - DAY, view["date_end"].max() + 2 * DAY
    if window is not None:
        start, end = max(start, window[0] - DAY), min(end, window[1] + 2 * DAY)
    return start, end


def day_ticks(span: tuple[pd.Timestamp, pd.Timestamp]) -> dict:
    """Plotly x-axis settings for a tick at each midnight when the axis spans at most
    `DAY_TICKS_UP_TO` (a day's or a week's window); {} leaves a longer axis to Plotly."""
    start, end = span
    if end - start > DAY_TICKS_UP_TO:
        return {}
    return {"tick0": start.normalize().strftime("%Y-%m-%d"), "dtick": DAY / pd.Timedelta("1ms")}


#: The height of the smallest screen the page is fitted to (1280x720, as `SCREEN_PLOT_PX`).
SCREEN_HEIGHT_PX = 720
#: A plot area taller than this gets its date labels at its top too (`top_dates`): the
#: screen's height less the app's bar over the page (60 px), the chart's title (its 60 px
#: top margin) and the bottom date labels (45 px) is what a reader sees of the plot with
#: the dates under it. Taller, the top lanes and the dates are never in view together (the
#: default data's 24 rows are 780 px; the dates were 800 px down the page, under the fold).
TOP_DATES_OVER_PX = SCREEN_HEIGHT_PX - 60 - 60 - 45
#: The room added above the plot for its top date labels, under the title (its text to 34-35
#: px down): the labels (two lines of 12 px) reach 38 px above the plot (measured in
#: Chromium: Plotly asked a top margin of 50 px for them, its 12 px pad included,
#: `screen_margins.top_room`), so 96 px leaves over 20 px between title and dates.
TOP_DATES_PX = 36

#: The title's pad over a tall plot's top dates (at the chart's top, `yanchor` 'top'): its
#: text 15-34 px down, where Plotly centres it in a 60 px margin (measured in Chromium).
TITLE_PAD_PX = 19


def top_dates(plot_px: float) -> bool:
    """Whether a plot area `plot_px` tall is drawn with its date labels at its top too."""
    return plot_px > TOP_DATES_OVER_PX


def top_date_axis(xaxis: dict) -> dict:
    """The date labels of `xaxis` (the layout's 'xaxis') drawn again at the plot's top: an
    axis overlaying it (no trace of its own) that `matches` it, so its range follows the
    bottom one's at every zoom and pan, with the same ticks and format; no grid of its own
    (the bottom axis draws it). Plotly draws it only with a trace on it
    (`timeline._top_dates_key`)."""
    keep = ("type", "range", "tickformat", "tick0", "dtick")
    return {
        **{key: xaxis[key] for key in keep if key in xaxis},
        "matches": "x",
        "overlaying": "x",
        "side": "top",
        "showgrid": False,
        # an overlaying axis' ticks default to 'sync' (spread over the overlaid axis' tick
        # count: '19 Jan 2019' over the 20 Jan grid line, the year on every label): the
        # bottom axis' mode, Plotly's default for it ('linear' when `dtick` is given, a
        # tick a day; else its own choice, on the same range and length the bottom's)
        "tickmode": xaxis.get("tickmode") or ("linear" if "dtick" in xaxis else "auto"),
    }


def clip_label(text: str, room_px: float, font_px: float = LABEL_FONT_PX) -> str:
    """The text cut at a word to fit `room_px` ('…' marks the cut); '' when too little fits."""
    fits = int(room_px / (CHAR_EM * font_px))
    text = " ".join(str(text).split())
    if len(text) <= fits:
        return text
    if fits < MIN_LABEL_CHARS:
        return ""
    cut = text[: fits - 1]
    if " " in cut[MIN_LABEL_CHARS - 1 :]:
        cut = cut[: cut.rindex(" ")]
    return cut.rstrip(" ,;:·-") + "…"


def _extent(precision: str, start: pd.Timestamp, end: pd.Timestamp, x) -> tuple[float, float]:
    """The mark's left and right edge in px: a dot of a day, or a bar over its window."""
    if precision == "day":
        centre = x(start + DAY / 2)
        return centre - POINT_RADIUS_PX, centre + POINT_RADIUS_PX
    return x(start), x(end + DAY)


def mark_labels(
    view: pd.DataFrame,
    y: pd.Series,
    plot_px: float,
    font_px: float = LABEL_FONT_PX,
    window: Window = None,
) -> pd.DataFrame:
    """Per event, the label drawn on its mark (`text`, '' where there is no room) and its
    `side` ('inside' a bar, 'right' or 'left' of a dot): the summary, cut to fit. A dot's label
    takes the free space right of it up to the next mark in its row, or left of it back to the
    previous mark and its label when there is more room there."""
    start, end = date_range(view, window)
    px_per_day = plot_px / ((end - start) / DAY)

    def x(when: pd.Timestamp) -> float:  # clamped: what lies off the axis is not drawn
        return min(max((when - start) / DAY * px_per_day, 0.0), plot_px)

    texts: dict = {}
    sides: dict = {}
    gap = 5.0
    # one sort of every mark by row, then date (a pandas sort per row was 1 s for 54 events);
    # within a row no two marks start on one day, so the order is the per-row order it was
    ordered = view.assign(_row=y).sort_values(["_row", "date_start", "date_end"], kind="stable")
    rows = ordered["_row"].tolist()
    columns = ("date_start", "date_end", "date_precision", "summary")
    values = list(zip(ordered.index, *(ordered[c].tolist() for c in columns)))
    bounds = [k for k in range(1, len(rows)) if rows[k] != rows[k - 1]]
    for first, last in zip([0, *bounds], [*bounds, len(rows)]):
        marks = values[first:last]
        extents = [_extent(p, s, e, x) for _, s, e, p, _ in marks]
        used = 0.0  # right edge of what is already drawn in this row (marks and labels)
        for k, (index, _, _, precision, summary) in enumerate(marks):
            x0, x1 = extents[k]
            if precision != "day":
                texts[index] = clip_label(summary, x1 - x0 - 8, font_px)
                sides[index] = "inside"
                used = max(used, x1)
                continue
            nxt = extents[k + 1][0] if k + 1 < len(extents) else plot_px
            right, left = nxt - x1 - 2 * gap, x0 - used - 2 * gap
            side, room = (
                ("right", right) if right >= min(left, _width(summary, font_px)) else ("left", left)
            )
            text = clip_label(summary, room, font_px)
            texts[index], sides[index] = text, side
            width = len(text) * CHAR_EM * font_px + gap if text else 0.0
            used = max(used, x1 + width if side == "right" else x1)
    out = pd.DataFrame({"text": "", "side": "right"}, index=view.index, dtype=object)
    if texts:
        out["text"] = pd.Series(texts, dtype=object).reindex(view.index).fillna("")
        out["side"] = pd.Series(sides, dtype=object).reindex(view.index).fillna("right")
    return out


def _width(summary: str, font_px: float) -> float:
    return len(" ".join(str(summary).split())) * CHAR_EM * font_px


#: Legend entries a row, at every width of the plot (`legend_below`); the layouts reserve
#: `legend_rows` rows for them.
LEGEND_PER_ROW = 3


def legend_rows(n_entries: int) -> int:
    """The rows the legend of `n_entries` takes (`LEGEND_PER_ROW` a row)."""
    return -(-n_entries // LEGEND_PER_ROW)


def legend_below(plot_px: int) -> dict:
    """The legend of both timelines: horizontal, under the date labels whatever the plot's
    height (45 px below the plot area), `LEGEND_PER_ROW` entries a row whatever its width, so
    the rows the layout reserves are the rows drawn, and no type name runs into the next
    swatch."""
    return dict(
        orientation="h",
        yanchor="top",
        y=-45 / plot_px,
        x=0,
        # a share of the plot's width, swatch included: Plotly wraps before an entry when
        # the row's entries, each with a 5 px gap, would pass the plot's width (three of a
        # third do), so 0.32. Entries of 170 px (plus the swatch) held three a row at 1280
        # px but six at 1920 (a 1,340 px plot), and two reserved rows were left blank
        # above the sources line; of 185 px, two a row at 1280 px when the last date label
        # widened the right margin, and the sources line ran over the legend's rows
        entrywidth=0.32,
        entrywidthmode="fraction",
        font=dict(size=11),
    )


def footer_note(footer: str, below_px: int, plot_px: int) -> dict:
    """The sources line under the legend, `below_px` under the plot area (plain text), as
    a layout annotation."""
    return {
        "font": {"color": "#555555", "size": 11},
        "showarrow": False,
        "text": html_text(footer),
        "x": 0,
        "xanchor": "left",
        "xref": "paper",
        "y": -below_px / plot_px,
        "yanchor": "top",
        "yref": "paper",
    }


def add_footer(fig, footer: str, below_px: int, plot_px: int) -> None:
    """The sources line under the legend, `below_px` under the plot area (plain text)."""
    fig.add_annotation(footer_note(footer, below_px, plot_px))
