"""The map drawn with matplotlib for exports: the same basemap, markers, halos and site labels
as the screen's deck (both come from `dashboard.map_layout`), with no browser and no network.

The axes' data unit is one CSS pixel of Web Mercator at the fitted zoom, so markers, rings
and halos have the same size in pixels as on the screen.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import lru_cache
from typing import Any

import pandas as pd
from matplotlib.axes import Axes
from matplotlib.collections import LineCollection, PatchCollection
from matplotlib.font_manager import FontProperties
from matplotlib.patches import Circle, FancyArrowPatch, Polygon
from matplotlib.textpath import TextPath

from dashboard.aggregate import map_as_cells
from dashboard.map_cells import CELL_FILL, COUNT_FONT_PX, Box, count_labels
from dashboard.map_flows import FLOW_COLOUR
from dashboard.map_layout import (
    COUNTRY_LABEL_PX,
    HALO_MAX_PX,
    View,
    basemap_bounds,
    country_labels,
    features,
    labels_inside,
    offset_labels,
    sites_inside,
)
from dashboard.map_names import NAME_PX, spot_names
from dashboard.mapview import fit_marks, marks_at
from dashboard.palette import HALO

#: Points per CSS pixel (text sizes are given in points).
PT = 72 / 96
LAND, BORDER, ADMIN, WATER, RIVER = "#F2EFE9", "#787878", "#AAAAAA", "#A5C8E4", "#4A8CC8"


def _project(view: View, ring: list[list[float]]) -> list[tuple[float, float]]:
    return [view.to_px(lon, lat) for lon, lat, *_ in ring]


def _polygons(collection: dict[str, Any]) -> list[list[list[float]]]:
    """The outer ring of every polygon of a layer."""
    rings = []
    for feature in collection["features"]:
        geometry = feature["geometry"]
        if geometry["type"] == "Polygon":
            rings.append(geometry["coordinates"][0])
        elif geometry["type"] == "MultiPolygon":
            rings += [poly[0] for poly in geometry["coordinates"]]
    return rings


def _lines(collection: dict[str, Any]) -> list[list[list[float]]]:
    lines = []
    for feature in collection["features"]:
        geometry = feature["geometry"]
        if geometry["type"] == "LineString":
            lines.append(geometry["coordinates"])
        elif geometry["type"] == "MultiLineString":
            lines += geometry["coordinates"]
    return lines


def _basemap(ax: Axes, view: View, basemap: Mapping[str, Any] | None) -> None:
    countries = features(basemap, "country")
    patches = [Polygon(_project(view, r), closed=True) for r in _polygons(countries)]
    ax.add_collection(
        PatchCollection(patches, facecolor=LAND, edgecolor=BORDER, linewidth=1.2 * PT, zorder=1)
    )
    admin = [_project(view, line) for line in _lines(features(basemap, "admin1"))]
    ax.add_collection(LineCollection(admin, colors=ADMIN, linewidths=0.6 * PT, zorder=2))
    lakes = [Polygon(_project(view, r), closed=True) for r in _polygons(features(basemap, "lake"))]
    ax.add_collection(PatchCollection(lakes, facecolor=WATER, edgecolor="none", zorder=2))
    rivers = [_project(view, line) for line in _lines(features(basemap, "river"))]
    ax.add_collection(LineCollection(rivers, colors=RIVER, linewidths=2 * PT, zorder=3))
    for label in labels_inside(country_labels(countries), view):  # none cut by the edge
        x, y = view.to_px(*label["position"])
        ax.text(x, y, label["name"], fontsize=COUNTRY_LABEL_PX * PT, color="#969696",
                weight="bold", ha="center", va="center", zorder=4, parse_math=False,
                clip_on=True)  # fmt: skip


def _markers(ax: Axes, view: View, markers: pd.DataFrame) -> None:
    halos, marks = [], []
    for _, m in markers.drop_duplicates("spot").iterrows():
        radius = min(HALO_MAX_PX, m["spot_radius_m"] / view.metres_per_px())
        halos.append(Circle(view.to_px(m["place_lon"], m["place_lat"]), radius))
    ax.add_collection(
        PatchCollection(halos, facecolor=HALO, alpha=0.11, edgecolor="none", zorder=5)
    )
    for _, m in markers.iterrows():
        centre = view.to_px(m["lon"], m["lat"])
        fill = "#FFFFFF" if m["pending"] else m["colour"]
        edge = [c / 255 for c in m["line_color"][:3]]
        marks.append(
            Circle(centre, m["radius_px"], facecolor=fill, edgecolor=edge, linewidth=1.5 * PT)
        )
        text = [c / 255 for c in m["text_color"][:3]]
        ax.text(*centre, m["count_text"], fontsize=11 * PT, weight="bold", color=text,
                ha="center", va="center", zorder=8, parse_math=False)  # fmt: skip
    ax.add_collection(PatchCollection(marks, match_original=True, zorder=7))


def _cells(ax: Axes, cells: pd.DataFrame, view: View, avoid: Sequence[Box] = ()) -> None:
    """The grid cells as the page draws them (`map_cells.cell_layers`): a grey circle with a
    white rim per cell, its count on it where it fits in the circle, within the map and clear
    of the sites' names and of the other counts (`map_cells.count_labels`)."""
    fill = [c / 255 for c in CELL_FILL]
    # the larger over the smaller: a cell shrunk to a dot inside a busier one's circle
    # (`map_cells.apart`) lay over that one's count
    order = cells.sort_values("count", kind="stable")
    circles = [
        Circle(view.to_px(lon, lat), radius)
        for lon, lat, radius in zip(order["lon"], order["lat"], order["radius_px"])
    ]
    ax.add_collection(
        PatchCollection(circles, facecolor=fill, edgecolor="#FFFFFF", linewidth=1 * PT, zorder=7)
    )
    size = (view.width, view.height)
    labels = count_labels(cells, view.to_px, size, lambda t: text_width(t, COUNT_FONT_PX), avoid)
    for lon, lat, text in zip(cells["lon"], cells["lat"], labels):
        if text:
            ax.text(*view.to_px(lon, lat), text, fontsize=COUNT_FONT_PX * PT, weight="bold",
                    color="white", ha="center", va="center", zorder=8,
                    parse_math=False)  # fmt: skip


@lru_cache(maxsize=4096)
def text_width(text: str, size_px: float) -> float:
    """The width (px) of `text` in the slide's bold font at `size_px`: its outline's extent."""
    if not text:
        return 0.0
    prop = FontProperties(family="DejaVu Sans", weight="bold")
    return float(TextPath((0, 0), text, size=size_px, prop=prop).get_extents().width)


#: The sites' names (px), and the white halo around them (px each side).
SITE_LABEL_PX, SITE_HALO_PX = 16, 2.0


def _hits(box: Box, x: float, y: float, r: float) -> bool:
    """Whether the circle at (x, y) of radius r reaches into the box."""
    near_x, near_y = min(max(x, box[0]), box[2]), min(max(y, box[1]), box[3])
    return (near_x - x) ** 2 + (near_y - y) ** 2 < r * r


def site_places(view: View, sites: pd.DataFrame, cells: pd.DataFrame | None = None) -> list:
    """Where each site's name is written: (x, y, ha, box), its box in px. Right of its dot
    (`offset`, clear of the markers' rings) as on the page; with grid cells, the first of
    right, left, above and below that lies within the map, clear of the earlier names and
    over no cell's circle (at 100,000 events 'Idlib' lay over the busiest cell and hid its
    count), else the one within the map, clear of the names, over the fewest circles."""
    half_h = 0.6 * SITE_LABEL_PX + SITE_HALO_PX
    circles = []
    if cells is not None and not cells.empty:
        circles = [(*view.to_px(lon, lat), r) for lon, lat, r in
                   zip(cells["lon"], cells["lat"], cells["radius_px"])]  # fmt: skip
    placed: list[Box] = []
    out = []
    for _, s in sites.iterrows():
        x, y = view.to_px(s["longitude"], s["latitude"])
        w, dx = text_width(s["label"], SITE_LABEL_PX) + 2 * SITE_HALO_PX, s["offset"][0]
        under = max([r for cx, cy, r in circles if (cx - x) ** 2 + (cy - y) ** 2 < r * r] or [0])
        dx_cells = max(dx, under + 6)
        options = [(x + dx, y, "left")]
        if circles:
            up, down = y - under - 6 - half_h, y + under + 6 + half_h
            options = [(x + dx_cells, y, "left"), (x - dx_cells, y, "right"), (x, up, "center"),
                       (x, down, "center")]  # fmt: skip
        options = [(*o, _name_box(*o, w, half_h)) for o in options]

        def cost(option) -> tuple[int, int, int]:
            box = option[3]
            outside = box[0] < 0 or box[1] < 0 or box[2] > view.width or box[3] > view.height
            names = sum(_overlap(box, other) for other in placed)
            return int(outside), names, sum(_hits(box, cx, cy, r) for cx, cy, r in circles)

        best = min(options, key=cost)  # the first of the best: right when it is clear
        placed.append(best[3])
        out.append(best)
    return out


def _name_box(x: float, y: float, ha: str, width: float, half_h: float) -> Box:
    """The box of a name `width` px wide (its halo included) written at (x, y), aligned `ha`."""
    left = {"left": x - SITE_HALO_PX, "right": x - width + SITE_HALO_PX}.get(ha, x - width / 2)
    return (left, y - half_h, left + width, y + half_h)


def _overlap(a: Box, b: Box) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def map_marks(
    shown: pd.DataFrame,
    sites: pd.DataFrame,
    basemap: Mapping[str, Any] | None,
    width_px: int,
    height_px: int,
    arcs: pd.DataFrame | None = None,
) -> tuple[pd.DataFrame, View, pd.DataFrame | None]:
    """What the slide's map draws, by the page's own functions: the marks (grid cells or
    markers, `mapview.fit_marks`), the view fitting them within the basemap, and the arcs
    as drawn at that view (`mapview.marks_at`: one per route between cells)."""
    fitted = fit_marks(shown, sites, width_px, height_px, basemap_bounds(basemap))
    markers, arcs = marks_at(shown, fitted, fitted[1], arcs)
    return markers, fitted[1], arcs


def _arcs(ax: Axes, view: View, arcs: pd.DataFrame | None) -> None:
    """Each evacuation flow as a curved line with an arrow at the destination, as wide as on
    the screen (`dashboard.map_flows`), under the markers."""
    for _, a in (arcs if arcs is not None else pd.DataFrame()).iterrows():
        start, end = view.to_px(a["from_lon"], a["from_lat"]), view.to_px(a["to_lon"], a["to_lat"])
        ax.add_patch(
            FancyArrowPatch(start, end, connectionstyle="arc3,rad=0.3", arrowstyle="-|>",
                            mutation_scale=8 + 2 * a["width_px"], linewidth=a["width_px"] * PT,
                            color=FLOW_COLOUR, alpha=0.9, zorder=6, shrinkA=0, shrinkB=4)
        )  # fmt: skip


def _sites(ax: Axes, view: View, sites: pd.DataFrame, places: list) -> None:
    for (_, s), (tx, ty, ha, _box) in zip(sites.iterrows(), places):
        x, y = view.to_px(s["longitude"], s["latitude"])
        ax.add_patch(Circle((x, y), 5, facecolor="#1E1E1E", edgecolor="none", zorder=6))
        text = ax.text(tx, ty, s["label"], fontsize=SITE_LABEL_PX * PT, weight="bold",
                       color="#141414", ha=ha, va="center", zorder=9,
                       parse_math=False)  # fmt: skip
        text.set_path_effects(_halo_effect())


def _names(ax: Axes, view: View, names: pd.DataFrame) -> None:
    """A few markers' places named beside their rings, as on the page (`map_names`)."""
    for _, n in names.iterrows():
        x, y = view.to_px(n["longitude"], n["latitude"])
        text = ax.text(x + n["offset"][0], y, n["label"], fontsize=NAME_PX * PT, weight="bold",
                       color="#373737", ha="left" if n["anchor"] == "start" else "right",
                       va="center", zorder=9, parse_math=False)  # fmt: skip
        text.set_path_effects(_halo_effect())


def _halo_effect() -> list:
    from matplotlib import patheffects

    return [patheffects.withStroke(linewidth=3, foreground="white")]


def draw_map(
    ax: Axes,
    shown: pd.DataFrame,
    sites: pd.DataFrame,
    basemap: Mapping[str, Any] | None,
    width_px: int,
    height_px: int,
    arcs: pd.DataFrame | None = None,
) -> View:
    """Draw the map into `ax` (which is `width_px` × `height_px` CSS px on the page), as the
    page draws it (`map_marks`: grid cells when too many events to draw one by one), with
    the evacuation flows' `arcs` (`dashboard.map_flows.flow_arcs`) if given."""
    markers, view, arcs = map_marks(shown, sites, basemap, width_px, height_px, arcs)
    sites = offset_labels(sites, markers)
    drawn = sites_inside(sites, view)  # a site beyond the edge: no name cut at it
    ax.set_facecolor("#FFFFFF")
    _basemap(ax, view, basemap)
    _arcs(ax, view, arcs)
    cells = map_as_cells(shown)
    places = site_places(view, drawn, markers if cells else None)
    if cells:
        _cells(ax, markers, view, [box for *_, box in places])
    else:
        _markers(ax, view, markers)
        _names(ax, view, spot_names(markers, sites, view))
    _sites(ax, view, drawn, places)
    ax.set_xlim(0, width_px)
    ax.set_ylim(height_px, 0)
    ax.set_aspect("equal", adjustable="box")
    ax.set_xticks([])
    ax.set_yticks([])
    for spine in ax.spines.values():
        spine.set_edgecolor("#CCCCCC")
    return view
