"""The fitted map shows as little as it can beyond the offline basemap's extent
(`map_layout.fit_view`'s `within`): past it the map has nothing to draw, a blank band on a
briefer's slide. At 100,000 events, every event on the 1280 px page's 440-460 x 520 px map
was fitted up to 42.87 N, 0.8 degrees past the basemap's north edge (42.10 N)."""

from __future__ import annotations

import json
import math
from pathlib import Path

import pandas as pd
import pytest

from dashboard.derived import Derived, Source
from dashboard.filters import default_filters, filter_options
from dashboard.map_layout import (
    basemap_bounds,
    fit_view,
    latitude_of,
    map_view,
    mercator_y,
    shows,
)
from dashboard.views import event_frame
from etl.schemas import AREAS

ROOT = Path(__file__).resolve().parents[2]
SITES = pd.DataFrame(
    {
        "label": ["Baghouz", "Al-Hol camp", "Idlib"],
        "longitude": [40.93, 41.13, 36.63],
        "latitude": [34.46, 36.38, 35.93],
        "area": ["Baghouz", "Al-Hol", "Idlib"],
    }
)
#: The outermost grid cells of the 100,000-event store's whole range (/tmp/s100000 in
#: session 16: west, east, south, north), their widest ring 26 px.
SPREAD = [(35.85, 33.09), (48.38, 30.15), (48.25, 29.92), (43.14, 37.15)]


@pytest.fixture(scope="module")
def basemap() -> dict:
    return json.loads((ROOT / "data" / "geo" / "basemap.geojson").read_text(encoding="utf-8"))


def _marks(points: list[tuple[float, float]], ring: float = 26.0) -> pd.DataFrame:
    lons, lats = zip(*points)
    return pd.DataFrame(
        {
            "place_lon": list(lons),
            "place_lat": list(lats),
            "ring_px": [ring] * len(points),
            "spot_radius_m": [0.0] * len(points),
        }
    )


def _edges(view) -> tuple[float, float, float, float]:
    """The view's west, south, east, north edges in degrees."""
    world = 512 * 2**view.zoom
    half_w, half_h = view.width / 2 / world, view.height / 2 / world
    centre = mercator_y(view.latitude)
    return (
        view.longitude - half_w * 360,
        latitude_of(centre + half_h),
        view.longitude + half_w * 360,
        latitude_of(centre - half_h),
    )


def test_the_shipped_basemap_ends_at_turkey_in_the_north(basemap):
    west, south, east, north = basemap_bounds(basemap)
    # whole countries touching lon 33-50 E, lat 28-40 N: Egypt to Iran, Saudi Arabia to Turkey
    assert 24.6 < west < 24.7 and 16.3 < south < 16.4
    assert 63.3 < east < 63.4 and 42.0 < north < 42.2


def test_bounds_of_any_geometry_and_of_none():
    collection = {
        "features": [
            {"geometry": {"type": "Point", "coordinates": [30.0, 20.0]}},
            {"geometry": {"type": "LineString", "coordinates": [[31.0, 19.0], [33.5, 21.0]]}},
            {
                "geometry": {
                    "type": "MultiPolygon",
                    "coordinates": [[[[32.0, 22.0, 5.0], [32.5, 22.0, 5.0], [32.0, 23.0, 5.0]]]],
                }
            },
            {"geometry": None},
        ]
    }
    assert basemap_bounds(collection) == (30.0, 19.0, 33.5, 23.0)
    assert basemap_bounds(None) is None
    assert basemap_bounds({"features": []}) is None


@pytest.mark.parametrize("width", [440, 460])
def test_a_tall_narrow_map_of_every_event_stops_at_the_basemaps_north_edge(basemap, width):
    bounds = basemap_bounds(basemap)
    marks = _marks(SPREAD)
    free = map_view(marks, SITES, width, 520)
    assert _edges(free)[3] > bounds[3] + 0.3  # the blank band, as before
    view = map_view(marks, SITES, width, 520, bounds)
    west, south, east, north = _edges(view)
    assert math.isclose(north, bounds[3], abs_tol=1e-6)  # moved south just enough
    assert west >= bounds[0] and east <= bounds[2] and south >= bounds[1]
    assert view.zoom == free.zoom and math.isclose(view.longitude, free.longitude)
    assert shows(view, marks, SITES)  # every cell with its ring, every site with its label


def test_a_view_inside_the_basemap_is_not_moved(basemap):
    marks = _marks(SPREAD)
    free = map_view(marks, SITES, 844, 520)
    view = map_view(marks, SITES, 844, 520, basemap_bounds(basemap))
    assert view.zoom == free.zoom
    assert math.isclose(view.longitude, free.longitude, abs_tol=1e-9)
    assert math.isclose(view.latitude, free.latitude, abs_tol=1e-9)


def test_a_view_taller_than_the_basemap_is_centred_on_it():
    bounds = (30.0, 30.0, 45.0, 38.0)  # 8 degrees of latitude: less than the view's height
    view = fit_view([36.0, 40.0], [34.5, 35.0], 200, 900, (10, 10, 10, 10), within=bounds)
    _, south, _, north = _edges(view)
    beyond_north = mercator_y(bounds[3]) - mercator_y(north)
    beyond_south = mercator_y(south) - mercator_y(bounds[1])
    assert beyond_north > 0 and math.isclose(beyond_north, beyond_south, rel_tol=1e-9)


def test_the_points_room_is_never_given_up_for_the_basemap():
    # a point 0.1 degrees below the basemap's north edge, with 100 px of room above it
    bounds = (30.0, 20.0, 50.0, 40.0)
    pad = (100, 100, 100, 100)
    free = fit_view([35.0, 45.0], [39.9, 30.0], 600, 600, pad)
    assert _edges(free)[3] > bounds[3]
    view = fit_view([35.0, 45.0], [39.9, 30.0], 600, 600, pad, within=bounds)
    x, y = view.to_px(35.0, 39.9)
    assert math.isclose(y, 100, abs_tol=1e-6)  # as near the edge as its room allows
    assert _edges(view)[3] > bounds[3]  # so the view still crosses it


def test_the_page_fits_its_map_within_the_shipped_basemap(project_tables, basemap):
    view = event_frame(project_tables)
    options = filter_options(view, project_tables["outlets"], project_tables["actors"], AREAS)
    source = Source(view, project_tables, basemap, AREAS)
    page = Derived(source, default_filters(options))
    bounds = source.map_bounds
    assert bounds == basemap_bounds(basemap)
    for width in (440, 844):
        markers, fitted = page.fit(width)
        west, south, east, north = _edges(fitted)
        assert west >= bounds[0] and south >= bounds[1], width
        assert east <= bounds[2] and north <= bounds[3] + 1e-6, width
        assert shows(fitted, markers, source.sites)
    # a map so narrow that the shipped events' rings hold it at the least zoom (3): taller
    # than the basemap, centred on it (before: centred on the events, 9.7 degrees past its
    # north edge and 1.5 past its south edge)
    markers, fitted = page.fit(200)
    assert fitted.zoom == 3.0
    _, south, _, north = _edges(fitted)
    beyond_north = mercator_y(bounds[3]) - mercator_y(north)
    beyond_south = mercator_y(south) - mercator_y(bounds[1])
    assert beyond_north > 0 and math.isclose(beyond_north, beyond_south, rel_tol=1e-6)
    ring = float(markers["ring_px"].max())
    for lat in [*markers["place_lat"], *source.sites["latitude"]]:
        assert ring <= fitted.to_px(fitted.longitude, lat)[1] <= 520 - ring  # no ring cut
