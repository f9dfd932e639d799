"""Where the map looks (pure): the view that fits the markers (`dashboard.map_markers`) with
the reference sites near them, the basemap's layers and the site labels.

Shared by the screen's deck (`dashboard.mapview`, pydeck) and the server-side exports
(`dashboard.export_map`, matplotlib), so a slide shows the same marks as the screen.
Positions are in Web Mercator, as deck.gl draws them: the world is 512 px wide at zoom 0.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

#: A vague place is a halo of at most this radius, not a fog over the map.
HALO_MAX_PX = 70
REFERENCE_SITES = ("Baghouz", "Al-Hol", "Idlib")
#: Room kept right of a reference site for its label (bold, 16 px: "Al-Hol camp").
SITE_LABEL_PX = 120
#: A fitted view zooms in no further (the reader may): at 8 a 460 px map spans 1.3 degrees of
#: longitude, a lone place with its governorate round it; at 9 (before session 33) a single
#: spot's map was a river and a halo with nothing to tell where it was.
MAX_ZOOM = 8.0
MIN_ZOOM = 3.0


@dataclass(frozen=True)
class View:
    """The centre and zoom of a map of `width` × `height` px."""

    longitude: float
    latitude: float
    zoom: float
    width: int
    height: int

    def degrees_per_px(self) -> float:
        return 360 / (512 * 2**self.zoom)

    def to_px(self, lon: float, lat: float) -> tuple[float, float]:
        """Where a point falls on the map, in px from its top-left corner."""
        world = 512 * 2**self.zoom
        x = ((lon - self.longitude) / 360) * world + self.width / 2
        y = (mercator_y(lat) - mercator_y(self.latitude)) * world + self.height / 2
        return x, y

    def metres_per_px(self) -> float:
        return 40_075_016.686 * math.cos(math.radians(self.latitude)) / (512 * 2**self.zoom)


def mercator_y(lat: float) -> float:
    """Latitude to Web Mercator y in [0, 1) world units (0 at the north edge)."""
    lat = max(min(lat, 85.0), -85.0)
    return (1 - math.log(math.tan(math.pi / 4 + math.radians(lat) / 2)) / math.pi) / 2


def latitude_of(y: float) -> float:
    return math.degrees(2 * math.atan(math.exp((1 - 2 * y) * math.pi)) - math.pi / 2)


#: A map's extent: west, south, east, north in degrees.
Bounds = tuple[float, float, float, float]


def fit_view(
    lons: list[float],
    lats: list[float],
    width: int,
    height: int,
    pad: tuple[float, float, float, float] = (40, 40, 40, 40),
    within: Bounds | None = None,
) -> View:
    """The view in which every point lies inside `width` × `height` px with `pad` px
    (left, top, right, bottom) to spare: the zoom is the largest that fits both ways.
    With `within` (the basemap's extent, `basemap_bounds`), the view is moved, as far as
    the points allow, so that it shows nothing beyond it (`_slide`)."""
    rooms = np.broadcast_to(np.asarray(pad, dtype=float), (len(lons), 4))
    return fit_rooms(lons, lats, rooms, width, height, within)


#: Above this many distinct places a fit keeps every point's room as wide as the widest one's
#: (the per-pair bound below is quadratic in the places).
ROOMS_APART_MAX = 1500


def fit_rooms(
    lons: list[float] | np.ndarray,
    lats: list[float] | np.ndarray,
    rooms: np.ndarray,
    width: int,
    height: int,
    within: Bounds | None = None,
) -> View:
    """The view in which every point lies inside `width` × `height` px with its own room
    to spare: `rooms` is one row per point, px (left, top, right, bottom). The zoom is the
    largest at which every two points fit side by side with their rooms (a small marker at
    the edge keeps only its own room, not the widest ring's); the centre the middle of the
    centres that show every point, moved into `within` as far as they allow (`_slide`)."""
    xs = (np.asarray(lons, dtype=float) + 180) / 360
    ys = np.array([mercator_y(lat) for lat in lats], dtype=float)
    # one row per place, its widest room on each side (a ring's markers share their spot)
    places = pd.DataFrame(np.asarray(rooms, dtype=float)).groupby([xs, ys]).max()
    if len(places) > ROOMS_APART_MAX or (places.nunique() == 1).all():
        # one room for all (too many places to bound pair by pair): the outermost decide
        widest = places.max().to_numpy()
        at = places.index.to_frame().to_numpy()
        xs, ys = at[:, 0][[at[:, 0].argmin(), at[:, 0].argmax()]], at[:, 1]
        ys = ys[[ys.argmin(), ys.argmax()]]
        rooms = np.tile(widest, (2, 1))
    else:
        at = places.index.to_frame().to_numpy()
        xs, ys, rooms = at[:, 0], at[:, 1], places.to_numpy()
    world = min(
        _widest_world(xs, rooms[:, 0], rooms[:, 2], width),
        _widest_world(ys, rooms[:, 1], rooms[:, 3], height),
    )
    zoom = max(MIN_ZOOM, min(math.log2(world / 512), MAX_ZOOM))
    world = 512 * 2**zoom
    # the centres that show every point with its room, on each axis
    cx_range = _centres(xs, rooms[:, 0], rooms[:, 2], width, world)
    cy_range = _centres(ys, rooms[:, 1], rooms[:, 3], height, world)
    cx, cy = (sum(cx_range) / 2, sum(cy_range) / 2)
    if within is not None:
        west, south, east, north = within
        half_w, half_h = width / 2 / world, height / 2 / world
        cx = _slide(cx, cx_range, ((west + 180) / 360 + half_w, (east + 180) / 360 - half_w))
        cy = _slide(cy, cy_range, (mercator_y(north) + half_h, mercator_y(south) - half_h))
    return View(cx * 360 - 180, latitude_of(cy), zoom, width, height)


def _widest_world(at: np.ndarray, before: np.ndarray, after: np.ndarray, size: int) -> float:
    """The largest world size (px, 512 · 2^zoom) at which points at `at` (world units) fit
    in `size` px with `before` px to spare on their low side and `after` on their high side:
    for every two points i above j, (at_i - at_j) · world + after_i + before_j <= size."""
    if len(at) < 2:
        return math.inf
    apart = at[:, None] - at[None, :]
    room = np.maximum(size - after[:, None] - before[None, :], 50.0)  # as a floor: 50 px
    above = apart > 1e-9
    if not above.any():
        return math.inf
    return float((room[above] / apart[above]).min())


def _centres(
    at: np.ndarray, before: np.ndarray, after: np.ndarray, size: int, world: float
) -> tuple[float, float]:
    """(low, high): the view centres (world units) that show every point with its room; low
    above high when none does (the zoom floor reached)."""
    half = size / 2 / world
    return (
        float((at + after / world).max()) - half,
        float((at - before / world).min()) + half,
    )


def _slide(centre: float, points: tuple[float, float], inside: tuple[float, float]) -> float:
    """A view's centre on one axis (world units), moved from `centre` into `inside` (the
    centres whose view lies within the basemap; when the view is larger than the basemap,
    the basemap's centre), but never out of `points` (the centres whose view holds every
    point with its room; when none does, `centre` is kept): the nearest such centre."""
    if points[0] > points[1]:
        return centre
    low, high = inside
    target = (low + high) / 2 if low > high else min(max(centre, low), high)
    return min(max(target, points[0]), points[1])


def basemap_bounds(basemap: Mapping[str, Any] | None) -> Bounds | None:
    """The extent of the basemap's features (west, south, east, north in degrees): beyond
    it the map has nothing to draw (the page's white, a blank band on a slide); None
    without features."""
    west = south = math.inf
    east = north = -math.inf
    for feature in (basemap or {}).get("features", []):
        points = np.asarray(geometry_points((feature.get("geometry") or {}).get("coordinates")))
        if points.size:
            points = points.reshape(-1, points.shape[-1])
            west, east = min(west, points[:, 0].min()), max(east, points[:, 0].max())
            south, north = min(south, points[:, 1].min()), max(north, points[:, 1].max())
    if west > east:
        return None
    return float(west), float(south), float(east), float(north)


def geometry_points(nested: Any) -> list[list[float]]:
    """The positions of a GeoJSON geometry's `coordinates`, however deeply nested."""
    if not isinstance(nested, list) or not nested:
        return []
    if not isinstance(nested[0], list):
        return [nested[:2]]
    return [p for part in nested for p in geometry_points(part)]


#: A reference site this near the events' extent (degrees, each side) is framed with them.
SITE_NEAR_DEG = 0.5


def framed_sites(markers: pd.DataFrame, sites: pd.DataFrame) -> pd.DataFrame:
    """The reference sites a view frames with `markers`: those within `SITE_NEAR_DEG` of the
    markers' extent, and at least the one nearest to them (so a lone event far from every
    site still has a place name beside it); every site when there are no markers. A site
    left out is still drawn when it falls inside the view: it just does not widen it (an
    Idlib-only map is Idlib's, not Syria's with Idlib at its left edge)."""
    if markers.empty or sites.empty:
        return sites
    lons = markers["place_lon"].to_numpy(dtype=float)
    lats = markers["place_lat"].to_numpy(dtype=float)
    at_lon = sites["longitude"].to_numpy(dtype=float)
    at_lat = sites["latitude"].to_numpy(dtype=float)
    near = (
        (at_lon >= lons.min() - SITE_NEAR_DEG)
        & (at_lon <= lons.max() + SITE_NEAR_DEG)
        & (at_lat >= lats.min() - SITE_NEAR_DEG)
        & (at_lat <= lats.max() + SITE_NEAR_DEG)
    )
    if not near.any():
        apart = np.hypot(at_lon[:, None] - lons[None, :], at_lat[:, None] - lats[None, :])
        near[int(apart.min(axis=1).argmin())] = True
    return sites[near]


def _points(markers: pd.DataFrame, sites: pd.DataFrame) -> tuple[list[float], list[float]]:
    """What a view must show: the markers' places and the reference sites."""
    lons = list(markers["place_lon"]) + list(sites["longitude"].astype(float))
    lats = list(markers["place_lat"]) + list(sites["latitude"].astype(float))
    if not lons:
        lons, lats = [38.0, 42.0], [34.0, 37.0]  # Syria, when there is nothing at all
    return lons, lats


#: Room kept at least left and right of a marker (px): the outermost markers' tooltip fits
#: (`mapview.tooltip_for`: 168 px together), opening mostly right, as the sites' labels do.
TIP_SIDE_PX = 40.0
TIP_RIGHT_PX = 12.0 + SITE_LABEL_PX
#: Room kept round a reference site's dot (px) when no ring of markers is drawn round it.
SITE_DOT_PX = 10.0


def _rooms(
    markers: pd.DataFrame, sites: pd.DataFrame, view: View | None, slack: float
) -> np.ndarray:
    """Each point's px (left, top, right, bottom) kept round it, in `_points`' order: a
    marker's own ring and halo (the halo at `view`'s zoom; none without a view; grid cells
    all the widest cell's), a site's dot and, on its right, its label pushed clear of the
    ring drawn round it (`offset_labels`); each with `slack`."""
    rings = markers["ring_px"].to_numpy(dtype=float) if not markers.empty else np.zeros(0)
    edge = rings
    if view is not None and not markers.empty:
        halo = markers["spot_radius_m"].to_numpy(dtype=float) / view.metres_per_px()
        edge = np.maximum(rings, np.minimum(HALO_MAX_PX, halo))
    edge = edge + slack
    # beside the outermost markers: their tooltip's room (`mapview.tooltip_for`: 168 px
    # together), most of it on the right, where the sites' labels are
    side = np.maximum(edge, TIP_SIDE_PX)
    right = np.maximum(edge, TIP_RIGHT_PX)
    marker_rooms = np.column_stack([side, edge, right, edge])
    if "dx_px" not in markers and len(marker_rooms):
        # grid cells (`map_cells`), not markers in rings: a cell's size follows its count,
        # which a filter click changes; the widest cell's room round every cell and site
        # keeps the view across such clicks (`view_to_show`: the new marks drawn once)
        widest = (edge.max(), edge.max(), max(edge.max(), rings.max() + SITE_LABEL_PX), edge.max())
        return np.tile(widest, (len(markers) + len(sites), 1))
    if markers.empty and sites.empty:  # `_points`' Syria
        return np.full((2, 4), SITE_DOT_PX + slack)
    near = np.array([o[0] for o in offset_labels(sites, markers)["offset"]], dtype=float)
    dot = np.maximum(near - 8.0, SITE_DOT_PX) + slack  # the ring round the site, if any
    site_rooms = np.column_stack([dot, dot, near + SITE_LABEL_PX + slack, dot])
    return np.vstack([marker_rooms.reshape(-1, 4), site_rooms.reshape(-1, 4)])


def map_view(
    markers: pd.DataFrame,
    sites: pd.DataFrame,
    width: int,
    height: int,
    within: Bounds | None = None,
    frame: pd.DataFrame | None = None,
) -> View:
    """The view that shows every marker, its ring and its halo, and the reference sites with
    their labels (so a single event is never a bare river with no place names), each point
    with its own room (`fit_rooms`: a small marker at the edge does not keep the widest
    ring's room); as far as they allow, nothing beyond the basemap's extent `within`. The
    sites are those near the markers (`framed_sites`; near the markers `frame` when given:
    the spots before they were joined, whose extent a joined ring hides): the view frames
    what is shown."""
    sites = framed_sites(markers if frame is None else frame, sites)
    lons, lats = _points(markers, sites)
    view = fit_rooms(lons, lats, _rooms(markers, sites, None, 12), width, height, within)
    if markers.empty:
        return view
    # the halos' size in pixels depends on the zoom: fit again with room for them
    return fit_rooms(lons, lats, _rooms(markers, sites, view, 12), width, height, within)


#: A filter change keeps the map's view when the new events are drawn whole in it and fitting
#: them would zoom in by at most this many levels (half a level: the fitted box is at least
#: 0.71 of the kept one's width or height); else the map is fitted to them anew.
KEEP_ZOOM_IN = 0.5


def shows(view: View, markers: pd.DataFrame, sites: pd.DataFrame) -> bool:
    """Whether every marker with its ring and halo, and every reference site with its label,
    is drawn whole inside `view`: each point's room in the fit (`map_view`, `_rooms`) less
    its 12 px of slack, a marker's on every side as on top (no label or tooltip room). The
    sites are those the fit frames (`framed_sites`)."""
    sites = framed_sites(markers, sites)
    lons, lats = _points(markers, sites)
    rooms = _rooms(markers, sites, view, 0).copy()
    rooms[: len(markers)] = rooms[: len(markers), 1:2]  # a marker has no label: its ring all round
    for (lon, lat), (left, top, right, bottom) in zip(zip(lons, lats), rooms):
        x, y = view.to_px(lon, lat)
        if not (left <= x <= view.width - right and top <= y <= view.height - bottom):
            return False
    return True


def view_to_show(
    previous: View | None, fitted: View, markers: pd.DataFrame, sites: pd.DataFrame
) -> View:
    """The view a session's map shows after a rerun: the `previous` one when it is for a map
    of the same size, shows the new `markers` and `sites` whole (`shows`) and is at most
    `KEEP_ZOOM_IN` levels wider than their `fitted` view; else `fitted`. A kept view is the
    map's view unchanged, so the browser keeps the reader's own pan and zoom and draws the
    new marks once (a changed view is drawn twice: the new marks at the old view first)."""
    if (
        previous is None
        or previous == fitted
        or (previous.width, previous.height) != (fitted.width, fitted.height)
        or fitted.zoom - previous.zoom > KEEP_ZOOM_IN
    ):
        return fitted
    return previous if shows(previous, markers, sites) else fitted


def features(basemap: Mapping[str, Any] | None, layer: str) -> dict[str, Any]:
    """The basemap's features of one layer (country, admin1, lake, river)."""
    found = [
        f for f in (basemap or {}).get("features", []) if f["properties"].get("layer") == layer
    ]
    return {"type": "FeatureCollection", "features": found}


def country_labels(countries: dict[str, Any]) -> list[dict[str, Any]]:
    """A label point per country: the centre of its largest ring's bounding box."""
    points = []
    for feature in countries["features"]:
        if feature["properties"].get("minor"):
            continue  # slivers such as Akrotiri would crowd their neighbours
        geometry = feature["geometry"]
        polygons = (
            geometry["coordinates"]
            if geometry["type"] == "MultiPolygon"
            else [geometry["coordinates"]]
        )
        ring = max((poly[0] for poly in polygons), key=len)
        lons, lats = [p[0] for p in ring], [p[1] for p in ring]
        points.append(
            {
                "name": feature["properties"].get("name", "").upper(),
                "position": [(min(lons) + max(lons)) / 2, (min(lats) + max(lats)) / 2],
            }
        )
    return points


#: The country labels' size (px) and the width of one of their letters (bold capitals,
#: generously: a label kept must fit whole).
COUNTRY_LABEL_PX = 12
COUNTRY_LETTER_PX = COUNTRY_LABEL_PX * 0.8


def labels_inside(labels: list[dict[str, Any]], view: View) -> list[dict[str, Any]]:
    """The country labels (`country_labels`) drawn whole in `view`: one centred so near an
    edge that a part would be cut ('EY' of TURKEY) is left out."""
    kept = []
    for label in labels:
        x, y = view.to_px(*label["position"])
        half = len(label["name"]) * COUNTRY_LETTER_PX / 2
        margin = COUNTRY_LABEL_PX * 0.8
        if half <= x <= view.width - half and margin <= y <= view.height - margin:
            kept.append(label)
    return kept


def sites_inside(sites: pd.DataFrame, view: View) -> pd.DataFrame:
    """The reference sites whose dot falls inside `view`: a site just beyond the map's edge
    drew part of its name at the edge ('dlib' at the left of an Elsewhere map, on the page
    and on the slide, session 34) with no dot to say where it was."""
    if sites.empty:
        return sites
    inside = [
        0 <= x <= view.width and 0 <= y <= view.height
        for x, y in (
            view.to_px(lon, lat) for lon, lat in zip(sites["longitude"], sites["latitude"])
        )
    ]
    return sites[inside]


def offset_labels(sites: pd.DataFrame, markers: pd.DataFrame) -> pd.DataFrame:
    """Push each site label clear of the ring of markers drawn around it (`offset`, px)."""
    near: dict[str, float] = {}
    if not markers.empty:
        lons, lats = (markers[c].to_numpy(dtype=float) for c in ("place_lon", "place_lat"))
        rings = markers["ring_px"].to_numpy(dtype=float)
        for label, lon, lat in zip(sites["label"], sites["longitude"], sites["latitude"]):
            close = (np.abs(lons - lon) < 0.05) & (np.abs(lats - lat) < 0.05)
            if close.any():
                near[label] = max(near.get(label, 0.0), float(rings[close].max()))
    return sites.assign(offset=[[near.get(label, 4.0) + 8, 0] for label in sites["label"]])


def reference_sites(places: pd.DataFrame) -> pd.DataFrame:
    """The labelled sites (Baghouz, the Al-Hol camp, Idlib): the most precise place of each area."""
    rank = {"village": 0, "camp": 0, "city": 0, "town": 1}
    rows = []
    for area in REFERENCE_SITES:
        candidates = places[places["area"] == area].copy()
        if candidates.empty:
            continue
        candidates["rank"] = candidates["kind"].map(rank).fillna(9)
        best = candidates.sort_values(["rank", "geo_precision"]).iloc[0]
        label = (
            f"{best['name']} camp"
            if best["kind"] == "camp" and "camp" not in best["name"].lower()
            else best["name"]
        )
        rows.append(
            {
                "label": label,
                "longitude": float(best["longitude"]),
                "latitude": float(best["latitude"]),
                "area": area,
            }
        )
    return pd.DataFrame.from_records(rows, columns=["label", "longitude", "latitude", "area"])
