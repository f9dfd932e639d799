"""A map on which the analyst picks the point where an event happened (pure: data in,
figure out).

Plotly reports clicks only on drawn points, so the map carries a grid of faint, clickable
points around the place being corrected; a click on one picks its latitude and longitude
(hover shows them), and a smaller radius gives a finer grid around the pick.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from typing import Any

import pandas as pd
import plotly.graph_objects as go

from dashboard.map_layout import geometry_points
from dashboard.text import html_text

#: Kilometres from the centre to the edge of the picking grid, offered to the analyst.
RADII_KM = (2, 10, 50, 200)
GRID_CELLS = 41  # per side: 1,681 clickable points, a 0.1 km step at the 2 km radius
KM_PER_DEGREE = 111.32
#: Where the map opens when nothing is known about the event's place (the data's region).
DEFAULT_CENTRE = (35.0, 38.5)


def grid(centre: tuple[float, float], radius_km: float, cells: int = GRID_CELLS) -> pd.DataFrame:
    """A square of cells x cells points reaching radius_km from the centre each way."""
    lat, lon = centre
    dlat = radius_km / KM_PER_DEGREE
    dlon = radius_km / (KM_PER_DEGREE * max(math.cos(math.radians(lat)), 0.05))
    steps = [-1 + 2 * i / (cells - 1) for i in range(cells)]
    points = [
        (min(90.0, max(-90.0, lat + a * dlat)), ((lon + b * dlon + 180) % 360) - 180)
        for a in steps
        for b in steps
    ]
    return pd.DataFrame(points, columns=["latitude", "longitude"])


#: The basemap sent with a picker: the features that reach within this many of its windows
#: (the window is the radius and a little each way from the centre) of the centre. Room to
#: pan and zoom out a few steps; the whole basemap (16,700 points, 345 KB of JSON, 0.2-0.3 s
#: of Plotly's checks at load 8, twice a decision) was sent with every review rerun.
BASEMAP_AROUND = 4.0


#: The countries beyond that are sent too, a point in this many of each ring: panned or
#: zoomed out past the basemap sent, the picker showed the sea's colour where they were
#: (session 34); all 18 countries so cost about 1,300 points (the whole layer is 11,065).
FAR_STEP = 8

Box = tuple[float, float, float, float]
#: The last basemap's feature extents: (the basemap itself, kept so that its id is not
#: reused, and each feature's (west, south, east, north) or None): computed once a basemap.
_EXTENTS: tuple[Any, list[Box | None]] = (None, [])


def _extents(basemap: Mapping[str, Any]) -> list[Box | None]:
    global _EXTENTS
    kept, extents = _EXTENTS
    if kept is not basemap:
        extents = []
        for feature in basemap.get("features", []):
            points = geometry_points((feature.get("geometry") or {}).get("coordinates"))
            lons, lats = [p[0] for p in points], [p[1] for p in points]
            extents.append((min(lons), min(lats), max(lons), max(lats)) if points else None)
        _EXTENTS = (basemap, extents)  # one assignment: a session reading it sees either
    return extents


def _meets(extent: Box | None, box: Box | None) -> bool:
    """Whether a feature's extent meets `box` (west, south, east, north); any with no box."""
    if box is None:
        return True
    if extent is None:
        return False
    return (
        extent[2] >= box[0] and extent[0] <= box[2] and extent[3] >= box[1] and extent[1] <= box[3]
    )


def _lines(
    basemap: Mapping[str, Any] | None,
    layer: str,
    box: Box | None = None,
) -> tuple[list, list]:
    """Every ring or line of a basemap layer, as lon and lat lists broken by None: of the
    features that meet `box` (whole: a country's ring cut at the box would fill wrongly);
    the countries beyond it too, a point in `FAR_STEP` of each ring (their land, coarse, so
    that a picker panned or zoomed out past `box` shows no sea where a country is)."""
    lons: list[float | None] = []
    lats: list[float | None] = []
    if not basemap:
        return lons, lats
    for feature, extent in zip(basemap.get("features", []), _extents(basemap)):
        if feature["properties"].get("layer") != layer:
            continue
        step = 1 if _meets(extent, box) else FAR_STEP if layer == "country" else 0
        if not step:
            continue
        geometry = feature["geometry"]
        parts = geometry["coordinates"]
        if geometry["type"] == "MultiPolygon":
            parts = [ring for polygon in parts for ring in polygon]
        elif geometry["type"] in ("LineString", "Point"):
            parts = [parts] if geometry["type"] == "LineString" else []
        for line in parts:  # Polygon rings and MultiLineString lines alike
            line = line if step == 1 else [*line[:-1:step], line[-1]]  # still closed
            lons += [p[0] for p in line] + [None]
            lats += [p[1] for p in line] + [None]
    return lons, lats


_BASE_STYLE = {
    "country": {"line": {"color": "#8C8C8C", "width": 1}, "fill": "toself", "fillcolor": "#F2EFE9"},
    "admin1": {"line": {"color": "#C4C4C4", "width": 0.6, "dash": "dot"}},
    "lake": {"line": {"color": "#A5C8E4", "width": 0.5}, "fill": "toself", "fillcolor": "#A5C8E4"},
    "river": {"line": {"color": "#4A8CC8", "width": 1.6}},
}


def _basemap_traces(basemap: Mapping[str, Any] | None, box: Box | None = None) -> list[go.Scatter]:
    traces = []
    for layer, style in _BASE_STYLE.items():
        lons, lats = _lines(basemap, layer, box)
        if lons:
            traces.append(
                go.Scatter(
                    x=lons,
                    y=lats,
                    mode="lines",
                    hoverinfo="skip",
                    showlegend=False,
                    name=layer,
                    **style,
                )
            )
    return traces


#: Where a point's label may go, in the order tried: each as (Plotly's position, the
#: label box's offset from the point in px, as a function of its width w and height h).
LABEL_SPOTS = (
    ("top center", lambda w, h: (-w / 2, -8 - h)),
    ("bottom center", lambda w, h: (-w / 2, 8)),
    ("middle right", lambda w, h: (8, -h / 2)),
    ("middle left", lambda w, h: (-8 - w, -h / 2)),
)
LABEL_PX, LABEL_LINE_PX = 12, 15  # Plotly's default text size; a line's height


def label_positions(
    groups: Sequence[Sequence[tuple[float, float, str]]],
    centre: tuple[float, float],
    radius_km: float,
    height_px: int = 540,
) -> list[list[str]]:
    """Each labelled point's text position on the picker (`groups` in drawing order, the
    earlier ones placed first): above it, else below, right or left, the first whose box
    meets no label placed before; when none is free, the one least covered. Close places'
    names were written over each other ('now: Ma'arrat an Nu'mān' over the gazetteer's
    'Ma'arrat al Nu'mān', 'Kafriya' over 'al-Fu'ah', session 34)."""
    from dashboard.screen_margins import text_width

    lat0, lon0 = centre
    per_degree = height_px / (2 * radius_km * 1.08 / KM_PER_DEGREE)  # px a degree of latitude
    shrink = max(math.cos(math.radians(lat0)), 0.05)
    placed: list[Box] = []
    out = []
    for group in groups:
        spots = []
        for lat, lon, name in group:
            x, y = (lon - lon0) * per_degree * shrink, (lat0 - lat) * per_degree
            w, h = text_width(str(name), LABEL_PX) + 4, LABEL_LINE_PX
            boxes = [(pos, (x + dx, y + dy, x + dx + w, y + dy + h))
                     for pos, at in LABEL_SPOTS for dx, dy in [at(w, h)]]  # fmt: skip
            # the first spot clear of every label placed, else the one least covered
            pos, box = min(boxes, key=lambda pb: sum(_shared(pb[1], o) for o in placed))
            placed.append(box)
            spots.append(pos)
        out.append(spots)
    return out


def _shared(a: Box, b: Box) -> float:
    """The area two boxes share (px²)."""
    return max(0.0, min(a[2], b[2]) - max(a[0], b[0])) * max(0.0, min(a[3], b[3]) - max(a[1], b[1]))


def _markers(
    points: Sequence[tuple[float, float, str]],
    name: str,
    symbol: str,
    colour: str,
    size: int,
    positions: Sequence[str] | None = None,
) -> go.Scatter:
    """Labelled markers (names escaped: they come from data); clickable like the grid."""
    return go.Scatter(
        x=[p[1] for p in points],
        y=[p[0] for p in points],
        customdata=[[p[0], p[1]] for p in points],
        text=[html_text(p[2]) for p in points],
        mode="markers+text",
        textposition=list(positions) if positions else "top center",
        marker={
            "symbol": symbol,
            "size": size,
            "color": colour,
            "line": {"color": "#FFFFFF", "width": 1},
        },
        hovertemplate="%{text}<br>%{y:.5f}, %{x:.5f}<extra></extra>",
        name=name,
    )


def landmarks(
    places: pd.DataFrame, centre: tuple[float, float], radius_km: float, limit: int = 40
) -> list[tuple[float, float, str]]:
    """Known places (the project's gazetteer) inside the picking window, for orientation."""
    lat, lon = centre
    dlat = radius_km * 1.08 / KM_PER_DEGREE
    dlon = radius_km * 1.08 / (KM_PER_DEGREE * max(math.cos(math.radians(lat)), 0.05))
    inside = places[
        places["latitude"].between(lat - dlat, lat + dlat)
        & places["longitude"].between(lon - dlon, lon + dlon)
        & (places["geo_precision"].fillna(3) <= 2)
    ]
    return list(zip(inside["latitude"], inside["longitude"], inside["name"].astype(str)))[:limit]


def picker_figure(
    centre: tuple[float, float],
    radius_km: float,
    basemap: Mapping[str, Any] | None,
    places: Sequence[tuple[float, float, str]] = (),
    picked: tuple[float, float] | None = None,
    known: Sequence[tuple[float, float, str]] = (),
) -> go.Figure:
    """The map to pick a point on: the basemap, `known` places for orientation, a clickable
    grid around `centre`, the `places` to compare with (the current place, candidates, the
    article's other places), and the point picked so far."""
    points = grid(centre, radius_km)
    fig = go.Figure(_basemap_traces(basemap, basemap_box(centre, radius_km)))
    shown = [(lat, lon) for lat, lon, _ in places]
    known = [k for k in known if not any(_close(k[:2], p) for p in shown)]  # one label a spot
    picks = [(*picked, "picked point")] if picked else []
    at_pick, at_place, at_known = label_positions([picks, list(places), known], centre, radius_km)
    if known:
        fig.add_trace(_markers(known, "known", "diamond", "#8C8C8C", 7, at_known))
    fig.add_trace(
        go.Scatter(
            x=points["longitude"],
            y=points["latitude"],
            customdata=points[["latitude", "longitude"]].to_numpy(),
            mode="markers",
            name="grid",
            marker={"size": 4, "color": "rgba(0,114,178,0.28)", "line": {"width": 0}},
            hovertemplate="%{y:.5f}, %{x:.5f}<extra>click to put the event here</extra>",
        )
    )
    if places:
        fig.add_trace(_markers(places, "places", "circle", "#0072B2", 11, at_place))
    if picked:
        fig.add_trace(_markers(picks, "picked", "x", "#D55E00", 15, at_pick))
    return _frame(fig, centre, radius_km)


def basemap_box(centre: tuple[float, float], radius_km: float) -> Box:
    """The extent (west, south, east, north) whose basemap a picker at `centre` is sent:
    `BASEMAP_AROUND` of its windows (`_frame`) each way."""
    lat, lon = centre
    dlat = radius_km * 1.08 / KM_PER_DEGREE * BASEMAP_AROUND
    dlon = dlat / max(math.cos(math.radians(lat)), 0.05)
    return lon - dlon, lat - dlat, lon + dlon, lat + dlat


def _close(a: tuple[float, float], b: tuple[float, float], degrees: float = 0.02) -> bool:
    return abs(a[0] - b[0]) < degrees and abs(a[1] - b[1]) < degrees


def _frame(fig: go.Figure, centre: tuple[float, float], radius_km: float) -> go.Figure:
    lat, lon = centre
    cos = max(math.cos(math.radians(lat)), 0.05)
    dlat = radius_km * 1.08 / KM_PER_DEGREE
    dlon = radius_km * 1.08 / (KM_PER_DEGREE * cos)
    fig.update_layout(
        height=540,
        margin={"l": 0, "r": 0, "t": 8, "b": 0},
        showlegend=False,
        dragmode="pan",
        plot_bgcolor="#E8F0F7",  # the sea, where no country is drawn
        xaxis={"range": [lon - dlon, lon + dlon], "visible": False, "constrain": "domain"},
        yaxis={
            "range": [lat - dlat, lat + dlat],
            "visible": False,
            "constrain": "domain",
            "scaleanchor": "x",
            "scaleratio": 1 / cos,
        },
        hoverdistance=12,
        clickmode="event+select",
    )
    return fig


def picked_point(selection: Mapping[str, Any] | None) -> tuple[float, float] | None:
    """The latitude and longitude of the point clicked on the picker, if any: every trace
    of the picker is drawn in longitude (x) and latitude (y)."""
    points = ((selection or {}).get("selection") or {}).get("points") or []
    for point in points:
        try:
            lat, lon = float(point["y"]), float(point["x"])
        except (KeyError, TypeError, ValueError):
            continue
        if -90 <= lat <= 90 and -180 <= lon <= 180:
            return lat, lon
    return None


def centre_of(*choices: tuple[float, float] | None) -> tuple[float, float]:
    """The first point known, else the data's region."""
    return next((c for c in choices if c is not None), DEFAULT_CENTRE)
