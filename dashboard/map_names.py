"""The names of the markers' places on a map of few markers (pure).

A map framed on a few events (one area chosen, `map_layout.framed_sites`) named only the
reference site near them: Khan Sheikhun's marker and the vague Idlib-governorate halo had
their names only in the tooltip. When a map framed without every reference site draws at
most `NAMES_MAX` rings of markers away from them, each is named beside its ring: right of
it, else left, where the name lies within the map, clear of the sites' names, the other
names and every ring; a name with no such room is left out (the tooltip still names it).
Grid cells (many events) are not named. Shared by the screen's deck (`dashboard.mapview`)
and the slide (`dashboard.export_map`).
"""

from __future__ import annotations

import pandas as pd

from dashboard.map_layout import View, framed_sites
from dashboard.screen_margins import text_width

#: At most this many rings are named (more would crowd a 460 px map).
NAMES_MAX = 4
#: The names' size (px, bold, smaller than the sites' 16) and their gap from the ring.
NAME_PX, NAME_GAP_PX = 13, 6.0
#: The sites' names (`mapview.site_layers`: 16 px bold) and their boxes' padding.
SITE_NAME_PX, BOX_PAD_PX = 16, 4.0
#: A ring this near a site (degrees, as `map_layout.offset_labels` reads it) is the site's.
AT_SITE_DEG = 0.05
COLUMNS = ["label", "longitude", "latitude", "offset", "anchor"]

Box = tuple[float, float, float, float]


def _box(x: float, y: float, width: float, size: float) -> Box:
    return (x - BOX_PAD_PX, y - 0.65 * size, x + width + BOX_PAD_PX, y + 0.65 * size)


def _overlap(a: Box, b: Box) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def _inside(box: Box, view: View) -> bool:
    return box[0] >= 0 and box[1] >= 0 and box[2] <= view.width and box[3] <= view.height


def rings(markers: pd.DataFrame) -> pd.DataFrame:
    """One row per ring of markers: its centre, outer radius (px) and place's name."""
    if markers.empty or "dx_px" not in markers or "spot_place" not in markers:
        return pd.DataFrame(columns=["spot", "place_lon", "place_lat", "ring_px", "spot_place"])
    grouped = markers.groupby("spot", sort=False)
    return grouped.agg(
        place_lon=("place_lon", "first"),
        place_lat=("place_lat", "first"),
        ring_px=("ring_px", "max"),
        spot_place=("spot_place", "first"),
    ).reset_index()


def spot_names(markers: pd.DataFrame, sites: pd.DataFrame, view: View) -> pd.DataFrame:
    """The names drawn beside the rings of `markers` in `view` (columns `COLUMNS`: `offset`
    the name's [dx, dy] px from the ring's centre, `anchor` 'start' or 'end'); none when the
    markers are grid cells, when they are framed with every reference site (`framed_sites`:
    a map of the whole region, whose sites name it) or when more than `NAMES_MAX` rings lie
    away from the `sites` (each with its label's `offset`, `map_layout.offset_labels`)."""
    spots = rings(markers)
    if spots.empty or len(framed_sites(markers, sites)) == len(sites):
        return pd.DataFrame(columns=COLUMNS)  # nothing drawn, or a map of every site: unnamed
    site_px = [view.to_px(lon, lat) for lon, lat in zip(sites["longitude"], sites["latitude"])]
    centres = [view.to_px(lon, lat) for lon, lat in zip(spots["place_lon"], spots["place_lat"])]
    site_at = list(zip(sites["longitude"].astype(float), sites["latitude"].astype(float)))
    at_site = [
        any(abs(lon - a) < AT_SITE_DEG and abs(lat - b) < AT_SITE_DEG for a, b in site_at)
        or name in set(sites["label"])
        for lon, lat, name in zip(spots["place_lon"], spots["place_lat"], spots["spot_place"])
    ]
    away = [i for i, at in enumerate(at_site) if not at]
    if not away or len(away) > NAMES_MAX:
        return pd.DataFrame(columns=COLUMNS)
    taken: list[Box] = []
    for (sx, sy), label, offset in zip(site_px, sites["label"], sites["offset"]):
        width = text_width(str(label), SITE_NAME_PX, bold=True)
        taken.append(_box(sx + offset[0], sy, width, SITE_NAME_PX))
    circles = [(x, y, r) for (x, y), r in zip(centres, spots["ring_px"])]
    rows = []
    for i in away:
        (x, y), r, label = centres[i], float(spots["ring_px"].iloc[i]), spots["spot_place"].iloc[i]
        width = text_width(label, NAME_PX, bold=True)
        for anchor, left in (("start", x + r + NAME_GAP_PX), ("end", x - r - NAME_GAP_PX - width)):
            box = _box(left, y, width, NAME_PX)
            clear = _inside(box, view) and not any(_overlap(box, t) for t in taken)
            if clear and not any(_hits(box, c) for j, c in enumerate(circles) if j != i):
                taken.append(box)
                dx = r + NAME_GAP_PX
                rows.append([label, spots["place_lon"].iloc[i], spots["place_lat"].iloc[i],
                             [dx if anchor == "start" else -dx, 0], anchor])  # fmt: skip
                break
    return pd.DataFrame(rows, columns=COLUMNS)


def _hits(box: Box, circle: tuple[float, float, float]) -> bool:
    """Whether the circle reaches into the box."""
    x, y, r = circle
    near_x, near_y = min(max(x, box[0]), box[2]), min(max(y, box[1]), box[3])
    return (near_x - x) ** 2 + (near_y - y) ** 2 < r * r
