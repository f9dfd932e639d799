"""The timeline's margins set on the server, so that Plotly draws it once (pure).

Every axis of the screen's timeline has Plotly's automatic margins (`automargin`, from the
template): after drawing the chart, Plotly measures the tick labels and, when one needs more
room than the margin leaves (a long lane name on the left; on a week's axis the last date's
label, centred on the axis' end, on the right; the count lanes' numbers and their 'events'
title), it moves the margins and draws the whole chart again, in the same call. In headless
Chromium that second drawing was half or more of Plotly's time for a click (issue 10).

`fixed_margins` sets each margin to at least the room Plotly will ask for, estimated from the
labels' text: the widths of DejaVu Sans, the font Chromium draws "Arial, Helvetica,
sans-serif" with where Arial is not installed (`screen_font_widths.json`, written by
`scripts/screen_font_widths.py`); Arial is narrower, so elsewhere the estimate is an upper
bound (a few pixels of blank margin, no second drawing). Plotly moves a margin only when its
own figure differs from the set one by more than a pixel. `automargin` stays on: where the
estimate falls short (a wider font, characters outside the table), Plotly moves the margin
as before, so no label is ever cut off.

The room asked for is Plotly's own arithmetic (plotly.js `axes.drawOne` and
`plots.autoMargin`, checked against the margins Chromium drew with): a left axis' widest label,
the margin's `pad`, 12 px and 1 px of label stand-off, plus the title's depth (0.7 of its font
size) and its `standoff` when it has one; a date axis whose ticks are given (`tick0`,
`dtick`: a day's or a week's window) and end on the axis' end, half the last label's widest
line and 12 px on the right (half the first one's on the left); an x axis at the plot's top
(the timeline's dates over a tall plot) its labels' lines above it (`top_room`). A count
lane's ticks are Plotly's own choice (`auto_ticks`, as plotly.js picks them for a linear axis
from 0).
"""

from __future__ import annotations

import html
import json
import math
import re
from functools import lru_cache
from pathlib import Path
from typing import Any

import pandas as pd

WIDTHS_FILE = Path(__file__).with_name("screen_font_widths.json")
#: Plotly's padding around whatever pushes a margin (`plots.autoMargin`, when none is given).
PUSH_PAD = 12
#: A tick label's distance from a left axis beyond the margin's `pad` (half a line's width and
#: half a pixel; measured: 90.42 px asked for a 69.42 px label with `pad` 8).
LABEL_STANDOFF = 1.0
#: An axis title's depth, in font sizes, when it has a `standoff` (plotly.js `CAP_SHIFT`).
TITLE_DEPTH_EM = 0.7
#: Plotly's share of a bar axis's range left above the highest bar (5%).
BAR_PADDING = 0.05
_TAG = re.compile(r"<[^>]*>")


@lru_cache(maxsize=1)
def _widths() -> dict[str, dict[str, float]]:
    return json.loads(WIDTHS_FILE.read_text(encoding="utf-8"))


def text_width(text: str, size: float, bold: bool = False) -> float:
    """Width in px of one line of plain `text` at `size` px (a character the table lacks counts
    as one em: wider than most)."""
    table = _widths()["bold" if bold else "regular"]
    return sum(table.get(char, 1.0) for char in text) * size


def label_width(label: str, size: float) -> float:
    """Width of a Plotly label (HTML: `<b>` bold, `<br>` or a newline between lines, entities
    escaped): its widest line."""
    bold = "<b>" in label.lower()
    lines = re.split(r"<br\s*/?>|\n", label, flags=re.IGNORECASE)
    return max(text_width(html.unescape(_TAG.sub("", line)), size, bold) for line in lines)


def _size(font: Any, default: float = 12.0) -> float:
    size = font.get("size") if isinstance(font, dict) else None
    return float(size) if isinstance(size, int | float) else default


def _round(value: float) -> int:
    """As plotly.js rounds a margin (`Math.round`)."""
    return math.floor(value + 0.5)


def auto_ticks(top: float, length_px: float) -> list[float]:
    """The ticks Plotly draws on a linear axis from 0 to `top`, `length_px` long, when it
    chooses them (plotly.js `prepTicks` and `autoTicks`: about one per 40 px, 4 to 9, at a
    step of 1, 2 or 5 times a power of ten, the first one above the rough step)."""
    if top <= 0:
        return [0.0]
    count = min(max(length_px / 40, 4), 9) + 1
    rough = top / count
    base = 10 ** math.floor(math.log10(rough))
    step = base * next(r for r in (2, 5, 10) if r > rough / base + 1e-12)
    return [k * step for k in range(int(top / step + 1e-9) + 1)]


def tick_text(value: float, top: float, step: float) -> str:
    """A tick's label as Plotly writes it on a linear axis: as many decimals as the step
    needs, trailing zeros dropped; 'k' for thousands when the axis reaches 10,000."""
    if top >= 10_000:
        value, step = value / 1000, step / 1000
        return tick_text(value, 0, step) + "k"
    decimals = max(0, -math.floor(math.log10(step) + 1e-9)) if step > 0 else 0
    text = f"{value:.{decimals}f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def _stack_tops(data: list[dict[str, Any]]) -> dict[str, float]:
    """Per y axis ('y', 'y2' ...), the highest stack of its vertical bars."""
    sums: dict[str, dict[Any, float]] = {}
    for trace in data:
        if trace.get("type") != "bar" or trace.get("orientation") == "h":
            continue
        axis = str(trace.get("yaxis") or "y")
        column = sums.setdefault(axis, {})
        for x, y in zip(trace.get("x") or [], trace.get("y") or []):
            if isinstance(y, int | float) and y > 0:
                column[x] = column.get(x, 0.0) + y
    return {axis: max(column.values(), default=0.0) for axis, column in sums.items()}


def _axis_labels(name: str, axis: dict, layout: dict, tops: dict[str, float]) -> list[str]:
    """The labels Plotly will draw on a y axis: its own `ticktext`, or the ticks it chooses
    for a count lane's bars (nothing known: none)."""
    if axis.get("tickmode") == "array":
        return [str(t) for t in axis.get("ticktext") or axis.get("tickvals") or []]
    top = tops.get("y" + name[len("yaxis") :])
    if top is None or axis.get("range") is not None or "height" not in layout:
        return []
    margin = layout.get("margin") or {}
    plot = layout["height"] - margin.get("t", 100) - margin.get("b", 80)
    low, high = axis.get("domain") or (0, 1)
    ticks = auto_ticks(top / (1 - BAR_PADDING), (high - low) * plot)
    step = ticks[1] - ticks[0] if len(ticks) > 1 else 1.0
    return [tick_text(t, ticks[-1], step) for t in ticks]


def _left_room(name: str, axis: dict, layout: dict, tops: dict[str, float]) -> float:
    labels = _axis_labels(name, axis, layout, tops)
    if not labels or axis.get("showticklabels") is False or axis.get("side", "left") != "left":
        return 0.0
    size = _size(axis.get("tickfont"), _size(layout.get("font")))
    room = max(label_width(label, size) for label in labels)
    room += PUSH_PAD + (layout.get("margin") or {}).get("pad", 0) + LABEL_STANDOFF
    title = axis.get("title") if isinstance(axis.get("title"), dict) else {}
    if title.get("text") and "standoff" in title:
        room += TITLE_DEPTH_EM * _size(title.get("font"), 14.0) + title["standoff"]
    return room


def _strftime(when: pd.Timestamp, fmt: str) -> str:
    return when.strftime(fmt.replace("%-d", "%d"))


def _end_room(axis: dict, layout: dict) -> tuple[float, float]:
    """(left, right) room a date axis' first and last labels ask for when its ticks are given
    and fall on its ends (a label is centred on its tick)."""
    if axis.get("type") != "date" or "tick0" not in axis or "dtick" not in axis:
        return 0.0, 0.0
    if axis.get("showticklabels") is False or not axis.get("range"):
        return 0.0, 0.0
    start, end = (pd.Timestamp(v) for v in axis["range"])
    tick0, step = pd.Timestamp(axis["tick0"]), pd.Timedelta(milliseconds=float(axis["dtick"]))
    size = _size(axis.get("tickfont"), _size(layout.get("font")))
    fmt = axis.get("tickformat") or "%b %d, %Y"
    out = []
    for edge in (start, end):
        on_tick = ((edge - tick0) / step) % 1 == 0
        out.append(label_width(_strftime(edge, fmt), size) / 2 + PUSH_PAD if on_tick else 0.0)
    return out[0], out[1]


#: A top axis' labels, as plotly.js stacks them over the plot (measured in Chromium, Plotly
#: 4.1.1 as Streamlit ships it: a top margin of 50 px asked for the timeline's two lines of
#: 12 px in the page; in a bare page 32.4 px for one line, 48 for two, 58 for two of 16 px):
#: the first line 1.2 font sizes deep, each further one 1.3, and 8 px between them and the
#: plot (6 in the bare page: 2 px over is a blank strip, never a second drawing).
FIRST_LINE_EM, LINE_EM, TOP_STANDOFF = 1.2, 1.3, 8.0


def top_room(axis: dict, layout: dict) -> float:
    """The top margin Plotly asks for an x axis drawn at the plot's top (`side` 'top'): its
    labels' lines (a date axis' format; one for any other) and Plotly's pad."""
    if axis.get("side") != "top" or axis.get("showticklabels") is False:
        return 0.0
    size = _size(axis.get("tickfont"), _size(layout.get("font")))
    lines = str(axis.get("tickformat") or "").count("\n") + 1 if axis.get("type") == "date" else 1
    return PUSH_PAD + TOP_STANDOFF + size * (FIRST_LINE_EM + LINE_EM * (lines - 1))


def fixed_margins(layout: dict[str, Any], data: list[dict[str, Any]]) -> dict[str, Any]:
    """`layout` (themed: its axes with their template's settings) with its left and right
    margins, and its top one under a top axis, at least as wide as Plotly's automatic
    margins will make them."""
    margin = dict(layout.get("margin") or {})
    if not margin:
        return layout
    tops = _stack_tops(data)
    left, right = float(margin.get("l", 80)), float(margin.get("r", 80))
    top = float(margin.get("t", 100))
    for name, axis in layout.items():
        if not isinstance(axis, dict) or not axis.get("automargin"):
            continue
        if re.fullmatch(r"yaxis\d*", name):
            left = max(left, _left_room(name, axis, layout, tops))
        elif re.fullmatch(r"xaxis\d*", name):
            first, last = _end_room(axis, layout)
            left, right = max(left, first), max(right, last)
            top = max(top, top_room(axis, layout))
    margin["l"], margin["r"] = _round(left), _round(right)
    if top > margin.get("t", 100):  # a top axis' labels (the timeline's dates, tall charts)
        margin["t"] = _round(top)
    return {**layout, "margin": margin}
