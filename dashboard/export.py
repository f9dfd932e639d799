"""The briefing view as a file, made on the server: PNG, SVG or PDF, with matplotlib (no
browser, no network), from the same frames, layout and palette as the screen.

    python -m dashboard.export {map|timeline|both} --out FILE.png|.svg|.pdf
        [--size slide|a4|1920x1080] [--scale 2] [--title TEXT]
        [--query "from=2019-02-20&to=2019-03-05&outlets=ap"]

`--query` takes the page's own URL parameters (read by `dashboard.permalink`), so a link
copied from the browser makes the same slide from a script.
"""

from __future__ import annotations

import dataclasses
import io
import sys
import textwrap
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import matplotlib
import pandas as pd
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.font_manager import FontProperties
from matplotlib.lines import Line2D
from matplotlib.patches import Patch
from matplotlib.path import Path
from matplotlib.textpath import TextPath

from dashboard.aggregate import aggregated, map_as_cells
from dashboard.briefing import (
    Briefing,
    LegendEntry,
    Size,
    briefing_params,
    default_title,
    filters_from_state,
    make_briefing,
)
from dashboard.export_counts import MIN_LANE_IN, draw_count_timeline, lanes_of
from dashboard.export_map import draw_map
from dashboard.export_timeline import MAX_ROW_IN, MIN_ROW_IN, draw_timeline, row_count
from dashboard.filters import Filters, Options, apply_filters, filter_options
from dashboard.map_cells import MAX_ROUTES
from dashboard.map_flows import FLOW_COLOUR, FLOW_LEGEND, arcs_within, flow_arcs
from dashboard.map_layout import basemap_bounds, reference_sites
from dashboard.permalink import from_params
from dashboard.sources_line import wrapped_lines
from dashboard.timeline_layout import Window
from etl.schemas import AREAS
from etl.tables import Tables

FORMATS = ("png", "svg", "pdf")
#: Text stays text: no $…$ mathematics from article words, searchable SVG/PDF, fixed ids.
RC = {
    "text.parse_math": False,
    "svg.fonttype": "none",
    "svg.hashsalt": "conflict-timeline",
    "pdf.fonttype": 42,
    "font.family": "DejaVu Sans",
}
MARGIN = 0.35  # inches


@dataclass(frozen=True)
class Selection:
    """The events a URL selects, and what the slide says about them."""

    shown: pd.DataFrame
    total: int
    filters: Filters
    options: Options


def select(view: pd.DataFrame, tables: Tables, names: Mapping[str, str], params) -> Selection:
    """Apply the page's URL parameters to the event frame, as the reader's page would."""
    options = filter_options(view, tables["outlets"], tables["actors"], AREAS, names)
    filters = filters_from_state(from_params(params, options), options)
    return Selection(apply_filters(view, filters), len(view), filters, options)


def default_title_of(view: pd.DataFrame, options: Options, params: Mapping[str, str]) -> str:
    """The title a slide of the URL's filters has when none is given (`briefing.default_title`:
    what it shows); `options` are the page's (`filter_options` of `view`)."""
    filters = filters_from_state(from_params(params, options), options)
    return default_title(apply_filters(view, filters), filters, options)


def _chars(width_in: float, points: float) -> int:
    """The characters a line of this width holds (DejaVu Sans averages 0.55 em a character)."""
    return max(20, int(width_in * 72 / (0.56 * points)))


def _lines(text: str, width_in: float, points: float) -> list[str]:
    """Wrap to the width."""
    return textwrap.wrap(text, _chars(width_in, points)) or [""]


#: The footer's lines for the sources at most.
SOURCE_LINES = 3


def _source_lines(briefing: Briefing, width_in: float) -> list[str]:
    """The sources in at most SOURCE_LINES lines, cut after a whole name with how many more."""
    if not briefing.outlets:  # a briefing made without its list of outlets
        return _lines(briefing.sources, width_in, 9)[:SOURCE_LINES]
    chars = _chars(width_in, 9)
    return wrapped_lines(briefing.outlets, briefing.chosen_outlets, chars, SOURCE_LINES)


def _handle(entry: LegendEntry):
    """The legend's swatch: a dot of the type's colour, or the look of the mark it explains."""
    dot = dict(ls="", marker="o", markersize=9, label=entry.label)
    if entry.kind == "type":
        return Line2D([], [], color=entry.colour, markeredgecolor="#FFFFFF", **dot)
    if entry.kind == "pending":
        return Line2D([], [], markerfacecolor="w", markeredgecolor=entry.colour, **dot)
    if entry.kind == "halo":
        return Patch(facecolor=entry.colour, alpha=0.25, label=entry.label)
    if entry.kind == "window":
        return Patch(facecolor=entry.colour, label=entry.label)
    if entry.kind == "flow":
        return Line2D([], [], color=entry.colour, linewidth=2.5, label=entry.label)
    # a number on a grey disc, as on the screen's legend and the map's count markers (a
    # hollow circle, as it was, read as the hollow mark of an event awaiting review)
    disc = Line2D([], [], ls="", marker="o", markersize=11, color="#666666")
    number = Line2D([], [], ls="", marker=_THREE, markersize=6, color="#FFFFFF", markeredgewidth=0)
    return (disc, number)


def _digit_marker(digit: str) -> Path:
    """A digit's outline as a marker, centred (the slide reads no text as maths, so a '$3$'
    marker would be drawn as those three characters)."""
    glyph = TextPath((0, 0), digit, size=1, prop=FontProperties(weight="bold"))
    low, high = glyph.vertices.min(axis=0), glyph.vertices.max(axis=0)
    return Path(glyph.vertices - (low + high) / 2, glyph.codes)


_THREE = _digit_marker("3")


def _legend(fig: Figure, briefing: Briefing, y_in: float, size: Size) -> float:
    """Draw the legend with its bottom at `y_in`; its top, in inches from the page's bottom."""
    handles = [_handle(entry) for entry in briefing.legend]
    labels = [entry.label for entry in briefing.legend]  # a tuple (drawn over each other) has none
    if not handles:
        return y_in
    inner = size.width_in - 2 * MARGIN
    renderer = fig.canvas.get_renderer()
    for ncol in range(min(len(handles), 6), 0, -1):  # the most columns that fit the width
        legend = fig.legend(handles=handles, labels=labels, loc="lower left", ncol=ncol,
                            frameon=False, fontsize=9.5, bbox_to_anchor=(MARGIN / size.width_in,
                            y_in / size.height_in), borderaxespad=0, handletextpad=0.4,
                            columnspacing=1.4)  # fmt: skip
        box = legend.get_window_extent(renderer)
        if box.width / fig.dpi <= inner or ncol == 1:
            return y_in + box.height / fig.dpi
        legend.remove()
    return y_in


def compose(
    briefing: Briefing,
    shown: pd.DataFrame,
    sites: pd.DataFrame,
    basemap: Mapping[str, Any] | None,
    size: Size,
    window: Window = None,
    arcs: pd.DataFrame | None = None,
) -> Figure:
    """The slide: title, caption and filters; the map and/or timeline (over the filters' date
    `window`); legend and footer."""
    width, height = size.width_in, size.height_in
    inner = width - 2 * MARGIN
    fig = Figure(figsize=(width, height), dpi=size.dpi, facecolor="white")
    FigureCanvasAgg(fig)  # a renderer to measure the legend with (no GUI, no pyplot)
    title = _lines(briefing.title, inner, 22)[:2]
    filters = _lines(briefing.filters, inner, 10.5)[:3]
    y = height - MARGIN  # inches from the bottom, going down
    for line in title:
        fig.text(MARGIN / width, y / height, line, fontsize=22, weight="bold", va="top")
        y -= 22 * 1.3 / 72
    y -= 0.04
    fig.text(MARGIN / width, y / height, briefing.caption, fontsize=13, va="top", color="#222")
    y -= 13 * 1.4 / 72
    said = [briefing.map_line, briefing.timeline_line]  # what each chart draws, when said
    for line in [part for text in said if text for part in _lines(text, inner, 10.5)[:3]]:
        fig.text(MARGIN / width, y / height, line, fontsize=10.5, va="top", color="#222")
        y -= 10.5 * 1.35 / 72
    for line in filters:
        fig.text(MARGIN / width, y / height, line, fontsize=10.5, va="top", color="#444")
        y -= 10.5 * 1.35 / 72
    top = y - 0.12
    sources = _source_lines(briefing, inner)
    credits = _lines(f"{briefing.credits} {briefing.stamp}", inner, 8)[:3]
    footer = [(s, 9, "#333") for s in sources] + [(c, 8, "#666") for c in credits]
    footer_h = sum(p * 1.35 / 72 for _, p, _ in footer)
    yf = MARGIN + footer_h
    below = []  # the footer's lines and the legend: moved up under a shrunk timeline
    for text, points, colour in footer:
        below.append(
            fig.text(MARGIN / width, yf / height, text, fontsize=points, va="top", color=colour)
        )
        yf -= points * 1.35 / 72
    n_legends = len(fig.legends)
    bottom = _legend(fig, briefing, MARGIN + footer_h + 0.12, size) + 0.15
    below += fig.legends[n_legends:]
    _body(fig, briefing.show, shown, sites, basemap, size, (top, bottom), window, arcs)
    if briefing.show == "timeline":
        _close_up(fig, below, bottom + AXIS_ROOM)
    return fig


def _close_up(fig: Figure, below: list, box_bottom_in: float) -> None:
    """Move the legend and the footer up by what the timeline's box shrank from its bottom
    (`export_timeline._fit_height`: rows are not stretched): a timeline of one lane on a slide
    left 1.7 in of blank page between its dates and the legend."""
    ax = fig.axes[-1]
    gap = ax.get_position().y0 - box_bottom_in / fig.get_figheight()
    if gap <= 0:
        return
    for artist in below:
        if hasattr(artist, "set_bbox_to_anchor"):  # the legend
            box = artist.get_bbox_to_anchor().transformed(fig.transFigure.inverted())
            artist.set_bbox_to_anchor((box.x0, box.y0 + gap), transform=fig.transFigure)
        else:
            x, y = artist.get_position()
            artist.set_position((x, y + gap))


#: Inches under the timeline's box for its date labels.
AXIS_ROOM = 0.35
#: On a portrait page with both, the map's least share of their height (it had half).
MIN_MAP_SHARE = 0.45
#: On a landscape page with both, a timeline goes across the page above the map when the
#: map keeps this share of their height (a slide: up to 3 rows).
STACK_MAP_SHARE = 0.55


def _body(fig, show, shown, sites, basemap, size: Size, span, window: Window, arcs=None) -> None:
    """Place the map and the timeline between the header and the legend (`span`: their
    top and bottom, in inches from the page's bottom)."""
    top, bottom = span
    width, height = size.width_in, size.height_in
    inner, body = width - 2 * MARGIN, top - bottom
    lane_room, axis_room = 1.0, AXIS_ROOM  # lane names left of the timeline, dates under it
    boxes: dict[str, tuple[float, float, float, float]] = {}  # left, bottom, w, h in inches
    if show == "map":
        boxes["map"] = (MARGIN, bottom, inner, body)
    elif show == "timeline":
        boxes["timeline"] = (
            MARGIN + lane_room,
            bottom + axis_room,
            inner - lane_room,
            body - axis_room,
        )
    elif size.portrait:
        # the timeline's rows get MIN_ROW_IN where the map can spare it (half of the body
        # each left 24 rows 0.13 in, their labels touching), the map the rest
        need = _timeline_need(shown) + axis_room + 0.2
        map_h = max(body * MIN_MAP_SHARE, min(body * 0.5, body - need))
        fitted = _fitted(shown)
        if fitted is not None:  # a few rows: the map takes what they leave (it left it blank)
            map_h = max(map_h, body - fitted - axis_room - 0.2)
        boxes["map"] = (MARGIN, top - map_h, inner, map_h)
        boxes["timeline"] = (MARGIN + lane_room, bottom + axis_room,
                             inner - lane_room, body - map_h - axis_room - 0.2)  # fmt: skip
    elif (stacked := _stacked(shown, body)) is not None:
        # a timeline of few rows across the page's top at its rows' height, the map under
        # it: beside the map, its box shrank to its rows and left most of its column blank
        boxes["timeline"] = (MARGIN + lane_room, top - stacked, inner - lane_room, stacked)
        boxes["map"] = (MARGIN, bottom, inner, body - stacked - axis_room - 0.2)
    else:
        map_w = min(inner * 0.42, body * 1.1)
        boxes["map"] = (MARGIN, bottom, map_w, body)
        left = MARGIN + map_w + 0.25 + lane_room
        boxes["timeline"] = (left, bottom + axis_room, width - MARGIN - left, body - axis_room)
    # beside the map, the rows fill the map's height (4-5 rows at MAX_ROW_IN left the
    # column's lower 40% blank: `?areas=Elsewhere&briefing=slide`)
    beside = "map" in boxes and boxes["map"][1] == bottom and boxes["map"][3] == body
    for name, (x, y, w, h) in boxes.items():
        ax = fig.add_axes((x / width, y / height, w / width, h / height))
        if name == "map":
            draw_map(ax, shown, sites, basemap, round(w * 96), round(h * 96), arcs)
        elif aggregated(shown):  # as the page: counts when too many to draw one by one
            draw_count_timeline(ax, shown, AREAS, window)
        else:
            draw_timeline(ax, shown, AREAS, w * 96, window, fill=beside)


def _fitted(shown: pd.DataFrame) -> float | None:
    """The most height (inches) the timeline's rows are drawn in (MAX_ROW_IN each: its box
    shrinks to them, `export_timeline._fit_height`); None for counts, which fill their box."""
    if shown.empty or aggregated(shown):
        return None
    return row_count(shown, AREAS) * MAX_ROW_IN


def _stacked(shown: pd.DataFrame, body: float) -> float | None:
    """On a landscape page with both, the height (inches) of a timeline drawn across the
    page above the map, its rows at MAX_ROW_IN, when the map under it keeps STACK_MAP_SHARE
    of the `body`'s height; else None (the map and the timeline side by side)."""
    height = _fitted(shown)
    if height is None or body - height - AXIS_ROOM - 0.2 < STACK_MAP_SHARE * body:
        return None
    return height


def _timeline_need(shown: pd.DataFrame) -> float:
    """The height (inches) the timeline's rows, or its lanes of counts, read well in."""
    if aggregated(shown):
        return len(lanes_of(shown, AREAS)) * MIN_LANE_IN
    return row_count(shown, AREAS) * MIN_ROW_IN


def render(figure: Figure, fmt: str, scale: float = 1.0) -> bytes:
    """The figure as PNG, SVG or PDF bytes (PNG at `scale` × its size in pixels)."""
    if fmt not in FORMATS:
        raise ValueError(f"format {fmt!r}: use one of {', '.join(FORMATS)}")
    out = io.BytesIO()
    with matplotlib.rc_context(RC):
        meta = {"Creator": "conflict-timeline"} if fmt != "png" else None
        figure.savefig(out, format=fmt, dpi=figure.dpi * scale, facecolor="white", metadata=meta)
    return out.getvalue()


def slide(
    view: pd.DataFrame,
    tables: Tables,
    basemap: Mapping[str, Any] | None,
    params: Mapping[str, str],
    show: str | None = None,
    names: Mapping[str, str] | None = None,
    build: str | None = None,
    now=None,
) -> tuple[Figure, Briefing]:
    """The briefing figure for the page's URL parameters (`show` overrides `show=`)."""
    shown_param, title, size = briefing_params(params)
    chosen = select(view, tables, names or {}, params)
    briefing = make_briefing(chosen.shown, chosen.total, chosen.filters, chosen.options,
                             show or shown_param, title, now, build)  # fmt: skip
    arcs = flow_arcs(tables["flows"], chosen.shown, tables["places"], tables["articles"])
    inside = arcs_within(arcs, basemap_bounds(basemap))
    if briefing.show in ("map", "both") and len(inside) < len(arcs):
        gone = len(arcs) - len(inside)
        beyond = f"{gone:,} movement{'' if gone == 1 else 's'} to or from beyond the map not drawn."
        briefing = dataclasses.replace(briefing, map_line=f"{briefing.map_line} {beyond}")
    arcs = inside
    if briefing.show in ("map", "both") and not arcs.empty and map_as_cells(chosen.shown):
        busiest = f"Arcs: at most the {MAX_ROUTES} busiest routes between cells, as on the page."
        briefing = dataclasses.replace(briefing, map_line=f"{briefing.map_line} {busiest}")
    if briefing.show in ("map", "both") and not arcs.empty:
        flow = LegendEntry("flow", FLOW_LEGEND, FLOW_COLOUR)
        briefing = dataclasses.replace(briefing, legend=(*briefing.legend, flow))
    with matplotlib.rc_context(RC):
        window = (pd.Timestamp(chosen.filters.date_from), pd.Timestamp(chosen.filters.date_to))
        sites = reference_sites(tables["places"])
        figure = compose(briefing, chosen.shown, sites, basemap, size, window, arcs)
    return figure, briefing


def main(argv: list[str] | None = None) -> int:
    from dashboard.export_cli import run

    return run(argv)


if __name__ == "__main__":
    sys.exit(main())
