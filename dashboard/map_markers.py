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

from dashboard.map_layout import Bounds, View, map_view, mercator_y
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
    "spot_place",
]


def marker_radius_px(count: int) -> float:
    return 6 + 3 * math.sqrt(count)


def ring_radius_px(radii: list[float], gap: float = 3.0) -> float:
    """Radius of a ring on which circles of these radii sit side by side without overlap."""
    if len(radii) < 2:
        return 0.0
    return max(sum(2 * r + gap for r in radii) / (2 * math.pi), max(radii) + gap)


def _tip(rows: Rows, members: list[int]) -> str:
    """The marker's tooltip: plain text (the deck's "text" tooltip), one line per event."""
    first, n = members[0], len(members)
    count = f"{n} event" + ("" if n == 1 else "s")
    place = str(rows["place"][first])
    if _coarsest(rows, members) >= 2:  # a region, or a town borrowed from another
        place += " (approximate)"  # sentence: not the town itself
    lines = [plain_text(f"{rows['label'][first]} · {place} · {count}")]
    lines += [plain_text(f"{rows['date_text'][k]}: {rows['summary'][k]}") for k in members[:6]]
    if n > 6:
        lines.append(f"… and {n - 6} more")
    return "\n".join(lines)


def _spot_keys(located: pd.DataFrame) -> pd.Series:
    return (
        located["latitude"].round(4).astype(str) + "," + located["longitude"].round(4).astype(str)
    )


#: The located events' columns as plain lists (pandas per group: 4.3 s for 562 events).
Rows = dict[str, list]
COLUMNS = ("spot", "event_type", "pending", "label", "place", "colour", "place_id", "event_id",
           "date_text", "summary", "geo_precision", "latitude", "longitude")  # fmt: skip


def _rows(located: pd.DataFrame) -> Rows:
    pending = located["review_status"].eq("pending") if "review_status" in located else False
    frame = located.assign(pending=pending)
    rows = {c: frame[c].tolist() for c in COLUMNS}
    # an extracted region's or borrowed town's reach, km (a store keeps it as text)
    reach = frame["radius_km"] if "radius_km" in frame else pd.Series(index=frame.index)
    rows["reach_m"] = (pd.to_numeric(reach, errors="coerce").fillna(0.0) * 1000).tolist()
    return rows


def _coarsest(rows: Rows, members: list[int]) -> int:
    """The least exact geo precision of a spot's events (1 exact ... 3 region)."""
    return max(int(rows["geo_precision"][k]) for k in members)


def _halo_m(rows: Rows, members: list[int]) -> float:
    """The spot's halo: the uncertainty of its coarsest precision, or the reach an event's
    place was given if larger (a town borrowed from another sentence, 25-50 km)."""
    precision = _coarsest(rows, members)
    return max(UNCERTAINTY_M.get(precision, 12_000), *(rows["reach_m"][k] for k in members))


def _by(keys: list, members: list[int]) -> list[list[int]]:
    """`members` grouped by their key, groups in key order, members in their order."""
    groups: dict = {}
    for k in members:
        groups.setdefault(keys[k], []).append(k)
    return [groups[key] for key in sorted(groups)]


def _groups(rows: Rows, members: list[int]) -> list[list[int]]:
    """The markers of one ring: per event type and review state (and spot, when joined)."""
    keys = [(t, bool(p), s) for t, p, s in zip(rows["event_type"], rows["pending"], rows["spot"])]
    return _by(keys, members)


def _outer_px(rows: Rows, members: list[int]) -> float:
    radii = [marker_radius_px(len(g)) for g in _groups(rows, members)]
    return ring_radius_px(radii) + max(radii)


def join_spots(rows: Rows, zoom: float) -> list[str]:
    """Per row, the spot whose ring it joins: spots whose rings would touch at `zoom` are one
    ring, centred on the spot with the most events (union-find over the pairs)."""
    spots = {rows["spot"][g[0]]: g for g in _by(rows["spot"], list(range(len(rows["spot"]))))}
    world = 512 * 2**zoom
    centre = {
        key: (
            (float(rows["longitude"][g[0]]) + 180) / 360 * world,
            mercator_y(float(rows["latitude"][g[0]])) * world,
        )
        for key, g in spots.items()
    }
    outer = {key: _outer_px(rows, g) for key, g in spots.items()}
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
    return [leader[s] for s in rows["spot"]]


def spread_markers(view: pd.DataFrame, zoom: float = 6.0, join: bool = False) -> pd.DataFrame:
    """One marker per (spot, event type, reviewed or not); a spot's markers sit on a ring, so
    every type present at a spot is visible, each with its count. With `join`, spots whose
    rings would overlap at `zoom` share one ring.

    Unreviewed extracted events get their own marker, white with a coloured rim.
    The ring is sized in pixels (`ring_px`); `lon`/`lat` place it for `zoom`.
    """
    # only the columns the markers read (the event frame has dozens, copied at each step)
    wanted = [
        c
        for c in (*COLUMNS, "review_status", "radius_km")
        if c in view and c not in ("spot", "pending")
    ]
    located = view[wanted].dropna(subset=["latitude", "longitude"]) if not view.empty else view
    if located.empty:
        return pd.DataFrame(columns=MARKER_COLUMNS)
    located = with_palette(located)
    located = located.assign(spot=_spot_keys(located))
    rows = _rows(located)
    ring_of = join_spots(rows, zoom) if join else rows["spot"]
    records = []
    for members in _by(ring_of, list(range(len(ring_of)))):
        ring_key = ring_of[members[0]]
        first = next(k for k in members if rows["spot"][k] == ring_key)
        lat0, lon0 = float(rows["latitude"][first]), float(rows["longitude"][first])
        halo_m = _halo_m(rows, members)
        groups = _groups(rows, members)
        radii = [marker_radius_px(len(g)) for g in groups]
        ring_px = ring_radius_px(radii)
        place = _ring_place(rows, members, first)
        for k, (group, radius) in enumerate(zip(groups, radii)):
            angle = math.pi / 2 - 2 * math.pi * k / len(groups)
            dx, dy = ring_px * math.cos(angle), ring_px * math.sin(angle)
            marker = _marker(rows, group, radius, (lon0, lat0), (dx, dy), ring_key, ring_px, halo_m)
            records.append(marker | {"spot_place": place})
    return at_zoom(pd.DataFrame.from_records(records, columns=MARKER_COLUMNS), zoom)


def _ring_place(rows: Rows, members: list[int], first: int) -> str:
    """What a ring's place is called: its centre's place, 'and nearby' when it joins others."""
    names = {str(rows["place"][k]) for k in members}
    name = str(rows["place"][first])
    return name if len(names) == 1 else f"{name} and nearby"


def _marker(rows, members, radius, centre, offset, spot, ring_px, halo_m) -> dict:
    first = members[0]
    colour, hollow = rows["colour"][first], bool(rows["pending"][first])
    return {
        "lon": centre[0],
        "lat": centre[1],
        "place_id": min(rows["place_id"][k] for k in members),
        "spot": spot,
        "event_type": rows["event_type"][first],
        "label": rows["label"][first],
        "colour": colour,
        "pending": hollow,
        "count": len(members),
        "count_text": str(len(members)),
        "radius_px": radius,
        "color": [255, 255, 255, 255] if hollow else rgb(colour),
        "line_color": rgb(colour) if hollow else rgb(edge_of(colour)),
        "text_color": rgb("#000000" if hollow else text_on(colour)),
        "tip": _tip(rows, members),
        "radius_m": UNCERTAINTY_M.get(_coarsest(rows, members), 12_000),
        "spot_radius_m": halo_m,
        "place_lon": centre[0],
        "place_lat": centre[1],
        "ring_px": ring_px + radius,
        "dx_px": offset[0],
        "dy_px": offset[1],
        # what a click on the marker selects (dashboard.selection): a spot may join several
        # places, so the ids are listed rather than looked up
        "event_ids": [str(rows["event_id"][k]) for k in members],
    }


def layout_markers(
    shown: pd.DataFrame,
    sites: pd.DataFrame,
    width: int,
    height: int,
    within: Bounds | None = None,
) -> tuple[pd.DataFrame, View]:
    """The markers and the view of a `width` × `height` map: fit, join the spots that would
    overlap at that zoom, fit again (joined rings are larger) and place the markers; the
    view kept within the basemap's extent `within` as far as they allow (`map_view`)."""
    apart = spread_markers(shown)
    first = map_view(apart, sites, width, height)
    markers = spread_markers(shown, first.zoom, join=True)
    view = map_view(markers, sites, width, height, within, frame=apart)
    return at_zoom(markers, view.zoom), view


def at_zoom(markers: pd.DataFrame, zoom: float) -> pd.DataFrame:
    """The markers placed for another zoom: their ring keeps its size in pixels."""
    degrees_per_px = 360 / (512 * 2**zoom)
    shrink = markers["place_lat"].astype(float).map(lambda lat: math.cos(math.radians(lat)))
    return markers.assign(
        lon=markers["place_lon"] + markers["dx_px"] * degrees_per_px,
        lat=markers["place_lat"] + markers["dy_px"] * degrees_per_px * shrink,
    )
