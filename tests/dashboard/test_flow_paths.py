"""A route's curve as points made on the server: the half ellipse deck.gl's ArcLayer drew
(`get_tilt=90`, `get_height=0.5`), checked in screen pixels against the ArcLayer's own
formula; its straight pieces, and their colour fading in from the origin."""

from __future__ import annotations

import math

import numpy as np
import pytest

from dashboard.flow_paths import ALPHA_FROM, ALPHA_TO, route_pieces, route_points, shares
from dashboard.map_layout import View

VIEW = View(longitude=40.0, latitude=35.0, zoom=6.0, width=800, height=600)


def _px(points) -> np.ndarray:
    return np.array([VIEW.to_px(lon, lat) for lon, lat in points])


def _arc_layer(start, end, ratio, height=0.5) -> np.ndarray:
    """The ArcLayer's flat arc (its vertex shader's `interpolateFlat` with a tilt of 90
    degrees) in screen px, y down: the point at `ratio` along the chord moved by
    sqrt(r (1 - r)) * d * height along the chord's normal (-dy, dx) of y up."""
    (x0, y0), (x1, y1) = start, end
    dx, dy_up = x1 - x0, -(y1 - y0)
    d = math.hypot(dx, dy_up)
    z = math.sqrt(ratio * (1 - ratio)) * d * height
    nx, ny_up = -dy_up / d, dx / d
    return np.array([x0 + ratio * dx + nx * z, y0 + ratio * (y1 - y0) - ny_up * z])


@pytest.mark.parametrize(
    "start, end",
    [((38.0, 35.0), (42.0, 35.0)), ((42.0, 34.0), (38.5, 36.5)), ((40.0, 33.0), (40.2, 37.0))],
)
def test_every_point_lies_on_the_arc_layers_curve(start, end):
    points = route_points([start[0]], [start[1]], [end[0]], [end[1]], segments=12)[0]
    px = _px(points)
    a, b = VIEW.to_px(*start), VIEW.to_px(*end)
    assert px[0] == pytest.approx(a, abs=1e-6) and px[-1] == pytest.approx(b, abs=1e-6)
    chord = np.subtract(b, a)
    for point in px[1:-1]:
        ratio = float(np.dot(point - a, chord) / np.dot(chord, chord))
        assert 0 < ratio < 1
        assert point == pytest.approx(_arc_layer(a, b, ratio), abs=1e-6)


def test_the_bulge_is_a_quarter_of_the_chord_on_the_left_of_the_way_travelled():
    east = _px(route_points([38.0], [35.0], [42.0], [35.0], segments=12)[0])
    width = east[-1][0] - east[0][0]
    middle = east[6]  # t = pi/2: the chord's middle, the bulge's top
    assert middle[0] == pytest.approx((east[0][0] + east[-1][0]) / 2, abs=1e-6)
    assert east[0][1] - middle[1] == pytest.approx(width / 4, rel=1e-9)  # north: up the screen
    west = _px(route_points([42.0], [35.0], [38.0], [35.0], segments=12)[0])
    assert west[6][1] - west[0][1] == pytest.approx(width / 4, rel=1e-9)  # south
    north = _px(route_points([40.0], [33.0], [40.0], [37.0], segments=12)[0])
    assert north[6][0] < north[0][0]  # going north, the bulge is west


def test_routes_are_made_together_and_their_points_are_ordered_from_the_origin():
    points = route_points([38.0, 41.0, 36.0], [35.0, 36.0, 32.0], [42.0, 39.0, 36.5],
                          [35.0, 33.0, 33.0], segments=8)  # fmt: skip
    assert points.shape == (3, 9, 2)
    for one, (a, b, c, d) in zip(points, [(38, 35, 42, 35), (41, 36, 39, 33), (36, 32, 36.5, 33)]):
        alone = route_points([a], [b], [c], [d], segments=8)[0]
        assert one == pytest.approx(alone)
        px = _px(one)
        along = (px - px[0]) @ (px[-1] - px[0])
        assert np.all(np.diff(along) > 0)  # each point further along the chord than the last


def test_pieces_chain_the_curve_each_running_on_a_little_past_its_bend():
    ends = ([38.123456789, 41.0], [35.0, 36.0], [42.0, 39.0], [35.987654321, 33.0])
    starts, stops = route_pieces(*map(np.array, ends), segments=12, overlap=0.1)
    assert len(starts) == len(stops) == 24
    assert all(isinstance(v, float) for point in starts + stops for v in point)
    assert starts[0] == [38.12346, 35.0] and stops[11] == [42.0, 35.98765]  # rounded ends
    assert starts[12] == [41.0, 36.0] and stops[23] == [39.0, 33.0]
    points = np.round(route_points(*map(np.array, ends), segments=12), 5)
    for route in range(2):
        curve = points[route]
        for i in range(12):
            k = 12 * route + i
            assert starts[k] == pytest.approx(curve[i].tolist(), abs=1e-5)
            if i < 11:  # on past the next point, along its own way, by a tenth of its length
                past = curve[i + 1] + 0.1 * (curve[i + 1] - curve[i])
                assert stops[k] == pytest.approx(past.tolist(), abs=2e-5)
    assert route_pieces(np.array([]), np.array([]), np.array([]), np.array([])) == ([], [])
    with pytest.raises(ValueError):
        route_points([38.0], [35.0], [42.0], [35.0], segments=0)


def test_the_colour_shares_fade_in_from_the_origin():
    cue = shares(12)
    assert len(cue) == 12
    assert cue[0] == pytest.approx(ALPHA_FROM / ALPHA_TO, abs=1e-3) and cue[-1] == 1.0
    assert all(b > a for a, b in zip(cue, cue[1:]))
    with pytest.raises(ValueError):
        shares(0)
