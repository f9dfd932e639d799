"""The map as counts: one circle per grid cell, sized by its events, with the count on it.
Drawn instead of a marker per type and place when there are too many events to read
(`dashboard.aggregate`): the browser gets one mark per cell, whatever the number of events.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import numpy as np
import pandas as pd
import pydeck as pdk

from dashboard.aggregate import grouped_first, grouped_max, grouped_means, map_cells

#: The largest cell's circle, in px; the others by the square root of their share.
CELL_MAX_PX = 26
CELL_MIN_PX = 5
CELL_FILL = [68, 68, 68, 200]
WHITE = [255, 255, 255, 255]
#: The layer's id: not the markers' ("events"), so a click on a cell selects nothing.
CELLS_LAYER = "event-cells"
#: A cell's count is written on its circle from this radius (px): it fits in circles this
#: large (the page's deck and the slide alike).
COUNT_MIN_RADIUS_PX = 8

#: At scale, only this many routes between grid cells are drawn: the busiest (most reported
#: movements, then the widest). 945 routes at 100,000 synthetic events were a blue fog
#: over the map and its labels; 40 still covered the sites' names.
MAX_ROUTES = 12


#: A `TextLayer`'s glyph atlas holds only the characters its texts use (deck.gl's 'auto'),
#: not its default of all 96 printable ASCII ones: in software WebGL each layer's atlas is
#: drawn on the page's main thread and uploaded as a texture (with its reductions) before
#: the map's first frame, and a count needs ten digits.
TEXT_CHARACTERS = "'auto'"


#: No offset from a text's anchor (px), sent per text (`per_row`).
NO_OFFSET = [0, 0]


def per_row(frame: pd.DataFrame, **same: Any) -> pd.DataFrame:
    """`frame` with a column per `same` value, the same in every row. The map's layers of
    one kind (its text layers; its circle layers) all take their colours, radii and offsets
    from columns, so that the browser draws them all with one vertex layout: a value given
    as a constant is a layout of its own, and in software WebGL (SwiftShader) each layout is
    compiled again before the map's first frame (issue 10)."""
    return frame.assign(**{name: [value] * len(frame) for name, value in same.items()})


#: A cell's count's text size (px), on the page and the slide.
COUNT_FONT_PX = 9
#: The least radius (px) a circle is shrunk to, to keep clear of a neighbour's.
APART_MIN_PX = 2.0


def count_text(n: int) -> str:
    """A cell's count, short enough for its circle: '612', '9.0k' (9,041: cut, not rounded,
    so 9,960 is '9.9k', not '10.0k'), '12k'. '9,041' ran over the circle's rim and, cut by
    its neighbour's or the map's frame, read '9,04' or ',612'."""
    if n < 1_000:
        return str(n)
    if n < 10_000:
        return f"{n // 100 / 10:.1f}k"
    return f"{n // 1000}k"


def cell_marks(view: pd.DataFrame, size: float | None = None) -> pd.DataFrame:
    """The cells with what the map needs: `radius_px`, `count_text`, and the columns the view
    fitting reads (`place_lon`, `place_lat`, `ring_px`, `spot_radius_m`)."""
    cells = map_cells(view, size)
    if cells.empty:
        return cells.assign(
            radius_px=[], count_text=[], place_lon=[], place_lat=[], ring_px=[], spot_radius_m=[]
        )
    share = np.sqrt(cells["count"] / cells["count"].max())
    radius = CELL_MIN_PX + (CELL_MAX_PX - CELL_MIN_PX) * share
    return cells.assign(
        radius_px=radius.round(1),
        count_text=cells["count"].map(count_text),
        place_lon=cells["lon"],
        place_lat=cells["lat"],
        ring_px=radius,
        spot_radius_m=0.0,
    )


def within_cells(cells: pd.DataFrame, degrees_per_px: float) -> pd.DataFrame:
    """The circles shrunk to fit their cell at the map's zoom, so neighbours never overlap."""
    if cells.empty:
        return cells
    cap = max(0.5 * float(cells["size"].iloc[0]) / degrees_per_px - 1, CELL_MIN_PX)
    radius = cells["radius_px"].clip(upper=cap).round(1)
    return cells.assign(radius_px=radius, ring_px=radius)


ToPx = Callable[[float, float], tuple[float, float]]


def apart(cells: pd.DataFrame, to_px: ToPx) -> pd.DataFrame:
    """The circles shrunk where two would overlap, the larger cells first: each keeps clear
    (by 1 px) of the larger ones' circles, never below APART_MIN_PX (`to_px`: a point's place
    on the map, px). A cell sits on the mean of its events, not at its middle, so two
    neighbours can be closer than a cell (`within_cells` alone left circles over circles and
    counts over counts at 100,000 events); halving both would shrink two busy cells at a
    cell's edge (Baghouz) to dots. `into`: for a cell whose centre lies inside a larger one's
    circle, that cell's position (its count is written with the larger's,
    `count_labels`), else -1: Idlib's events split by the 36th parallel were 17,093 and a
    dot of 7,363 under them."""
    if len(cells) < 2:
        return cells.assign(into=[-1] * len(cells))
    xy = np.array([to_px(lon, lat) for lon, lat in zip(cells["lon"], cells["lat"])], dtype=float)
    radius = cells["radius_px"].to_numpy(dtype=float).copy()
    into = np.full(len(cells), -1, dtype=np.int64)
    order = np.argsort(-cells["count"].to_numpy(dtype=float), kind="stable")
    for k, i in enumerate(order.tolist()):
        larger = order[:k][into[order[:k]] < 0]  # the circles drawn as themselves
        if len(larger):
            distance = np.hypot(*(xy[larger] - xy[i]).T)
            radius[i] = max(min(radius[i], float((distance - radius[larger] - 1).min())),
                            APART_MIN_PX)  # fmt: skip
            inside = distance < radius[larger]
            if inside.any():
                into[i] = int(larger[inside][np.argmin(distance[inside])])
    radius = radius.round(1)
    return cells.assign(radius_px=radius, ring_px=radius, into=into)


Box = tuple[float, float, float, float]  # left, top, right, bottom, px


def _overlaps(a: Box, b: Box) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def count_labels(
    cells: pd.DataFrame,
    to_px: ToPx,
    size_px: tuple[float, float],
    width_of: Callable[[str], float],
    avoid: Sequence[Box] = (),
) -> list[str]:
    """Each cell's count as written on the map ('' for none): only where it fits inside its
    circle (white on grey: past the rim it is white on the pale land), lies whole within the
    map's `size_px` (width, height) and clear of `avoid` (the sites' names and dots) and of
    the counts already written, the largest cells first. `width_of(text)`: its width, px."""
    labels = [""] * len(cells)
    width, height = size_px
    placed = list(avoid)
    half_h = COUNT_FONT_PX * 0.75 / 2  # a digit's height is about 0.73 em
    totals = cells["count"].to_numpy(dtype=np.int64).copy()
    into = cells["into"].to_numpy(dtype=np.int64) if "into" in cells else np.full(len(cells), -1)
    for i, j in enumerate(into.tolist()):
        if j >= 0:
            totals[j] += totals[i]
    order = np.argsort(-totals, kind="stable")
    for i in order.tolist():
        row = cells.iloc[i]
        if into[i] >= 0:  # written with the circle it lies in
            continue
        text = count_text(int(totals[i])) if totals[i] != row["count"] else row["count_text"]
        half_w = width_of(text) / 2
        if half_w > row["radius_px"] - 1 or half_h > row["radius_px"] - 1:
            continue
        x, y = to_px(row["lon"], row["lat"])
        box = (x - half_w, y - half_h, x + half_w, y + half_h)
        if box[0] < 1 or box[1] < 1 or box[2] > width - 1 or box[3] > height - 1:
            continue
        if any(_overlaps(box, other) for other in placed):
            continue
        labels[i] = text
        placed.append(box)
    return labels


def cell_layers(cells: pd.DataFrame, font: str) -> list[pdk.Layer]:
    """The circles (with a plain-text tooltip) and their counts; only the columns drawn."""
    data = cells[["lon", "lat", "radius_px", "count_text", "tip"]]
    counts = data[data["radius_px"] >= COUNT_MIN_RADIUS_PX][["lon", "lat", "count_text"]]
    return [
        pdk.Layer(
            "ScatterplotLayer",
            per_row(data, fill=CELL_FILL, line=WHITE),  # per row: `per_row`
            id=CELLS_LAYER,
            get_position=["lon", "lat"],
            get_radius="radius_px",
            radius_units="'pixels'",
            get_fill_color="fill",
            get_line_color="line",
            stroked=True,
            line_width_min_pixels=1,
            pickable=True,
            auto_highlight=True,
        ),
        pdk.Layer(
            "TextLayer",
            per_row(counts, color=WHITE, offset=NO_OFFSET),
            id="event-cell-counts",
            get_position=["lon", "lat"],
            get_text="count_text",
            get_size=9,
            font_family=font,
            character_set=TEXT_CHARACTERS,
            get_color="color",
            get_pixel_offset="offset",
            font_weight=700,
            pickable=False,
        ),
    ]


def route_arcs(arcs: pd.DataFrame, size: float, keep: int = MAX_ROUTES) -> pd.DataFrame:
    """One arc per route between two grid cells of `size` degrees instead of one per event's
    movement: at scale thousands of arcs are a blue fog and most of the map's bytes. An arc
    joins the mean ends of its movements, as wide as the widest; the tooltip says how many
    movements it stands for. Only the `keep` busiest routes are kept (the page says so)."""
    if arcs is None or arcs.empty:
        return arcs
    keys = [np.floor(arcs[c].to_numpy(dtype=float) / size).astype(np.int64) for c in
            ("from_lon", "from_lat", "to_lon", "to_lat")]  # fmt: skip
    # the routes numbered in the order of their four cell numbers (as grouping by them
    # sorts), over numpy arrays: pandas' grouping, each aggregate and the frames between
    # them were 0.02-0.03 s a filter state for a dozen routes kept
    order = np.lexsort(keys[::-1])
    sorted_keys = np.stack([k[order] for k in keys])
    starts = np.ones(len(order), dtype=bool)
    starts[1:] = (sorted_keys[:, 1:] != sorted_keys[:, :-1]).any(axis=0)
    route = np.empty(len(order), dtype=np.int64)
    route[order] = np.cumsum(starts) - 1
    n_routes = int(starts.sum())
    moves = np.bincount(route, minlength=n_routes)
    widest = grouped_max(arcs["width_px"].to_numpy(dtype=float), route, n_routes)
    kept = np.arange(n_routes)
    if n_routes > keep:  # the busiest, drawn in route order as before
        kept = np.sort(np.lexsort((-widest, -moves))[:keep])
    out: dict[str, object] = {}
    for column in ("event_id", "origin", "destination", "tip"):  # each route's first
        values = arcs[column].array
        first = grouped_first(~np.asarray(values.isna()), route, n_routes)[kept]
        out[column] = values.take(first, allow_fill=True)  # -1: none (a null)
    ends = ["from_lon", "from_lat", "to_lon", "to_lat"]
    ends_of = np.column_stack([arcs[c].to_numpy(dtype=float) for c in ends])
    means = grouped_means(ends_of, route, n_routes)[kept]
    out |= {column: means[:, k] for k, column in enumerate(ends)}
    out["count"] = grouped_max(arcs["count"].to_numpy(dtype=float), route, n_routes)[kept]
    out["width_px"] = widest[kept]
    out["count_text"] = out["sources"] = ""
    out["tip"] = [
        tip if n == 1 else f"Moved between these cells: {n:,} reported movements"
        for tip, n in zip(list(out["tip"]), moves[kept].tolist())
    ]
    return pd.DataFrame(out)[list(arcs.columns)]
