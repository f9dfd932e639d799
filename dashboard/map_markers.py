"""The event markers of the map (pure): one per event type at each spot, spread on a ring so
none hides another, each with its count, colour and plain-text tooltip.

A spot is a point, whatever its places are called (a camp and the region around it share
one); spots that would overlap at the map's zoom (Idlib city and Khan Sheikhun at country
scale) join one ring. Shared by the screen (`dashboard.mapview`) and the exports
(`dashboard.export_map`).
"""

from __future__ import annotations

import math

import pandas as pd

from dashboard.map_layout import View, map_view, mercator_y
from dashboard.palette import edge_of, rgb, text_on, with_palette
from dashboard.text import plain_text

#: Metres of uncertainty drawn around an event for each geo_precision code.
UNCERTAINTY_M = {1: 2_000, 2: 12_000, 3: 60_000}
#: Pixels kept between two spots' rings before they are joined.
SPOT_GAP_PX = 3.0

MARKER_COLUMNS = [
    "lon",
    "lat",
    "place_id",
    "spot",
    "event_type",
    "label",
    "colour",
    "pending",
    "count",
    "count_text",
    "radius_px",
    "color",
    "line_color",
    "text_color",
    "tip",
    "radius_m",
    "spot_radius_m",
    "place_lon",
    "place_lat",
    "ring_px",
    "dx_px",
    "dy_px",
    "event_ids",
]


def marker_radius_px(count: int) -> float:
    return 6 + 3 * math.sqrt(count)


def ring_radius_px(radii: list[float], gap: float = 3.0) -> float:
    """Radius of a ring on which circles of these radii sit side by side without overlap."""
    if len(radii) < 2:
        return 0.0
    return max(sum(2 * r + gap for r in radii) / (2 * math.pi), max(radii) + gap)


def _tip(group: pd.DataFrame) -> str:
    """The marker's tooltip: plain text (the deck's "text" tooltip), one line per event."""
    first = group.iloc[0]
    count = f"{len(group)} event" + ("" if len(group) == 1 else "s")
    lines = [plain_text(f"{first['label']} · {first['place']} · {count}")]
    lines += [
        plain_text(f"{d}: {s}")
        for d, s in zip(group["date_text"].head(6), group["summary"].head(6))
    ]
    if len(group) > 6:
        lines.append(f"… and {len(group) - 6} more")
    return "\n".join(lines)


def _spot_keys(located: pd.DataFrame) -> pd.Series:
    return (
        located["latitude"].round(4).astype(str) + "," + located["longitude"].round(4).astype(str)
    )


def _groups(rows: pd.DataFrame) -> list[pd.DataFrame]:
    """The markers of one ring: per event type and review state (and spot, when joined)."""
    pending = rows["review_status"].eq("pending") if "review_status" in rows else False
    keyed = rows.assign(pending=pending)
    return [g for _, g in keyed.groupby(["event_type", "pending", "spot"], sort=True)]


def _outer_px(rows: pd.DataFrame) -> float:
    radii = [marker_radius_px(len(g)) for g in _groups(rows)]
    return ring_radius_px(radii) + max(radii)


def join_spots(located: pd.DataFrame, zoom: float) -> pd.Series:
    """Per row, the spot whose ring it joins: spots whose rings would touch at `zoom` are one
    ring, centred on the spot with the most events (union-find over the pairs)."""
    spots = {key: rows for key, rows in located.groupby("spot", sort=True)}
    world = 512 * 2**zoom
    centre = {
        key: (
            (float(r["longitude"].iloc[0]) + 180) / 360 * world,
            mercator_y(float(r["latitude"].iloc[0])) * world,
        )
        for key, r in spots.items()
    }
    outer = {key: _outer_px(rows) for key, rows in spots.items()}
    parent = {key: key for key in spots}

    def root(key: str) -> str:
        while parent[key] != key:
            parent[key] = parent[parent[key]]
            key = parent[key]
        return key

    keys = list(spots)
    for i, a in enumerate(keys):
        for b in keys[i + 1 :]:
            distance = math.dist(centre[a], centre[b])
            if distance < outer[a] + outer[b] + SPOT_GAP_PX:
                parent[root(b)] = root(a)
    members: dict[str, list[str]] = {}
    for key in keys:
        members.setdefault(root(key), []).append(key)
    leader = {}
    for group in members.values():
        head = max(group, key=lambda k: (len(spots[k]), k))
        leader.update({k: head for k in group})
    return located["spot"].map(leader)


def spread_markers(view: pd.DataFrame, zoom: float = 6.0, join: bool = False) -> pd.DataFrame:
    """One marker per (spot, event type, reviewed or not); a spot's markers sit on a ring, so
    every type present at a spot is visible, each with its count. With `join`, spots whose
    rings would overlap at `zoom` share one ring.

    Unreviewed extracted events get their own marker, white with a coloured rim.
    The ring is sized in pixels (`ring_px`); `lon`/`lat` place it for `zoom`.
    """
    located = view.dropna(subset=["latitude", "longitude"]) if not view.empty else view
    if located.empty:
        return pd.DataFrame(columns=MARKER_COLUMNS)
    located = with_palette(located)
    located = located.assign(spot=_spot_keys(located))
    ring_of = join_spots(located, zoom) if join else located["spot"]
    records = []
    for ring_key, rows in located.assign(ring=ring_of).groupby("ring", sort=True):
        at_ring = rows[rows["spot"] == ring_key]
        lat0, lon0 = float(at_ring["latitude"].iloc[0]), float(at_ring["longitude"].iloc[0])
        halo_m = UNCERTAINTY_M.get(int(rows["geo_precision"].max()), 12_000)
        groups = _groups(rows)
        radii = [marker_radius_px(len(g)) for g in groups]
        ring_px = ring_radius_px(radii)
        for k, (group, radius) in enumerate(zip(groups, radii)):
            angle = math.pi / 2 - 2 * math.pi * k / len(groups)
            dx, dy = ring_px * math.cos(angle), ring_px * math.sin(angle)
            records.append(
                _marker(group, radius, (lon0, lat0), (dx, dy), ring_key, ring_px, halo_m)
            )
    return at_zoom(pd.DataFrame.from_records(records, columns=MARKER_COLUMNS), zoom)


def _marker(group, radius, centre, offset, spot, ring_px, halo_m) -> dict:
    colour, hollow = group["colour"].iloc[0], bool(group["pending"].iloc[0])
    return {
        "lon": centre[0],
        "lat": centre[1],
        "place_id": sorted(group["place_id"])[0],
        "spot": spot,
        "event_type": group["event_type"].iloc[0],
        "label": group["label"].iloc[0],
        "colour": colour,
        "pending": hollow,
        "count": len(group),
        "count_text": str(len(group)),
        "radius_px": radius,
        "color": [255, 255, 255, 255] if hollow else rgb(colour),
        "line_color": rgb(colour) if hollow else rgb(edge_of(colour)),
        "text_color": rgb("#000000" if hollow else text_on(colour)),
        "tip": _tip(group),
        "radius_m": UNCERTAINTY_M.get(int(group["geo_precision"].max()), 12_000),
        "spot_radius_m": halo_m,
        "place_lon": centre[0],
        "place_lat": centre[1],
        "ring_px": ring_px + radius,
        "dx_px": offset[0],
        "dy_px": offset[1],
        # what a click on the marker selects (dashboard.selection): a spot may join several
        # places, so the ids are listed rather than looked up
        "event_ids": [str(i) for i in group["event_id"]],
    }


def layout_markers(
    shown: pd.DataFrame, sites: pd.DataFrame, width: int, height: int
) -> tuple[pd.DataFrame, View]:
    """The markers and the view of a `width` × `height` map: fit, join the spots that would
    overlap at that zoom, fit again (joined rings are larger) and place the markers."""
    first = map_view(spread_markers(shown), sites, width, height)
    markers = spread_markers(shown, first.zoom, join=True)
    view = map_view(markers, sites, width, height)
    return at_zoom(markers, view.zoom), view


def at_zoom(markers: pd.DataFrame, zoom: float) -> pd.DataFrame:
    """The markers placed for another zoom: their ring keeps its size in pixels."""
    degrees_per_px = 360 / (512 * 2**zoom)
    shrink = markers["place_lat"].astype(float).map(lambda lat: math.cos(math.radians(lat)))
    return markers.assign(
        lon=markers["place_lon"] + markers["dx_px"] * degrees_per_px,
        lat=markers["place_lat"] + markers["dy_px"] * degrees_per_px * shrink,
    )
