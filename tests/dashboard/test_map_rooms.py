"""Each marker keeps its own ring's room in a fit (`map_layout.map_view`, `fit_rooms`), not the
widest ring's: Airstrike then *Week* at 100,000 events (one spot's ring of markers 190 px
across, the other spots single markers) was fitted as if every marker had that ring round it,
and zoomed out to the whole basemap with white round it (issue 10)."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from dashboard.map_layout import (
    MIN_ZOOM,
    _points,
    _rooms,
    fit_rooms,
    fit_view,
    map_view,
    shows,
)
from tests.dashboard.test_map_view_kept import SITES

#: The spots of Airstrike in the first week of the 100,000-event synthetic store (lon, lat,
#: ring px: a marker's radius and its ring's), as laid out for the 844 px map.
WEEK = [
    (44.83739, 31.58738, 9.0), (47.07507, 31.80943, 9.0), (45.66529, 32.44643, 9.0),
    (35.91062, 33.00077, 9.0), (42.88226, 33.64993, 9.0), (36.29766, 33.68932, 21.0),
    (41.06717, 34.57404, 22.4), (36.48296, 35.46365, 21.0), (38.97157, 35.93487, 9.0),
    (36.66382, 35.98760, 9.0), (37.14597, 36.17677, 21.0), (40.70464, 36.35926, 9.0),
    (36.96971, 36.42984, 9.0), (37.68775, 36.48512, 9.0), (38.92502, 36.71482, 192.5),
    (43.16471, 36.83968, 9.0), (42.64880, 37.08475, 9.0),
]  # fmt: skip


def _markers(spots) -> pd.DataFrame:
    """Markers as the fit reads them (`dx_px`: laid out in rings round their spots)."""
    lons, lats, rings = zip(*spots)
    return pd.DataFrame(
        {
            "place_lon": lons,
            "place_lat": lats,
            "ring_px": rings,
            "spot_radius_m": [2000.0] * len(spots),
            "dx_px": [0.0] * len(spots),
        }
    )


@pytest.mark.parametrize(("width", "least"), [(844, 4.5), (460, MIN_ZOOM + 0.3)])
def test_one_wide_ring_does_not_zoom_the_map_out_to_the_basemap(width, least):
    markers = _markers(WEEK)
    view = map_view(markers, SITES, width, 520)
    # every marker with its own ring inside: the widest ring for all is a whole level wider
    lons, lats = _points(markers, SITES)
    widest = np.tile(_rooms(markers, SITES, view, 12).max(axis=0), (len(lons), 1))
    assert view.zoom >= least
    assert view.zoom > fit_rooms(lons, lats, widest, width, 520).zoom + 0.3
    assert shows(view, markers, SITES)
    for lon, lat, ring in WEEK:  # each marker whole, with its ring
        x, y = view.to_px(lon, lat)
        assert ring <= x <= width - ring and ring <= y <= 520 - ring


def test_the_wide_ring_keeps_its_room_and_a_small_marker_only_its_own():
    markers = _markers(WEEK)
    view = map_view(markers, SITES, 844, 520)
    x, y = view.to_px(38.92502, 36.71482)  # the ring of 192.5 px: near the top, whole
    assert 192.5 <= y < 192.5 + 40
    rooms = _rooms(markers, SITES, view, 12)
    assert rooms[14, 1] == pytest.approx(192.5 + 12)
    assert rooms[0, 1] == pytest.approx(9 + 12)  # a single marker's halo (2 km) is smaller


def test_grid_cells_keep_the_widest_cells_room_all_round():
    """Cells (no ring of markers: no `dx_px`) change size with their counts at every filter
    click: they keep the widest cell's room, as every fit did before, so the view is kept."""
    cells = _markers(WEEK).drop(columns="dx_px")
    rooms = _rooms(cells, SITES, None, 12)
    assert (rooms == rooms[0]).all()
    lons, lats = _points(cells, SITES)
    ring = 192.5 + 12
    assert map_view(cells, SITES, 844, 520) == fit_view(
        lons, lats, 844, 520, (ring, ring, 192.5 + 120, ring)
    )


def test_uniform_rooms_fit_as_a_padded_box():
    """With one room for every point, the per-pair fit is the padded box's: the zoom at which
    the points' span fills the map less its padding, the box centred."""
    view = fit_view([36.0, 44.0], [33.0, 37.0], 400, 300, (50, 20, 30, 20))
    west, east = view.to_px(36.0, 33.0)[0], view.to_px(44.0, 37.0)[0]
    north, south = view.to_px(44.0, 37.0)[1], view.to_px(36.0, 33.0)[1]
    assert (west, 400 - east) == (pytest.approx(50), pytest.approx(30)) or (
        north,
        300 - south,
    ) == (pytest.approx(20), pytest.approx(20))
    assert west >= 50 - 1e-6 and east <= 370 + 1e-6 and north >= 20 - 1e-6 and south <= 280 + 1e-6
