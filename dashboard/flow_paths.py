"""An evacuation route's curve as points and straight pieces, made on the server (issue 10).

deck.gl's `ArcLayer` (flat, `get_tilt=90`, `get_height=0.5`) drew each route as half an
ellipse on the ground, but in software WebGL (SwiftShader) a filter click that took the layer
away cost the GPU process two thirds of its work (session 18); a `PathLayer` of the same
curve cost as much, a `LineLayer` of its pieces a third (session 19). So the curve is made
here and the page draws its pieces as lines. Pure: route ends in; points, pieces and the
colour's fade out.

The ArcLayer's curve (`interpolateFlat` in its vertex shader), in Web Mercator: the point at
ratio r along the chord from the origin to the destination is moved sideways, to the left of
the way travelled with north up, by `sqrt(r (1 - r)) * d * height` (d the chord's length), so
the bulge is `height / 2` of the chord at its middle and leaves each end square to the chord.
Here it is sampled at equal angles (r = (1 - cos t) / 2, the offset then `d * height * sin t
/ 2`), so that a dozen points follow the ends, where the curve turns fastest: 12 segments
stray from it by at most 0.42 % of the chord (1.7 px on a route 400 px long; the ArcLayer's
own 50 segments, equal steps of r, cut its ends more)."""

from __future__ import annotations

import numpy as np

#: The bulge, as the ArcLayer's `get_height` (0.5: a quarter of the chord at the middle).
HEIGHT = 0.5
#: Segments per route (points: one more).
SEGMENTS = 12
#: Decimal places kept of a point's degrees (1e-5 degrees is about a metre).
DECIMALS = 5
#: The direction cue: the route fades in from the origin (this alpha) to the destination.
ALPHA_FROM, ALPHA_TO = 150, 255
#: A piece runs on past its end by this share of its length (`route_pieces`).
OVERLAP = 0.1
#: Web Mercator stops short of the poles, as `map_layout.mercator_y` does.
MAX_LAT = 85.0


def _mercator_y(lat: np.ndarray) -> np.ndarray:
    """Latitude to Web Mercator y in world units (0 at the north edge, growing south)."""
    phi = np.radians(np.clip(lat, -MAX_LAT, MAX_LAT))
    return (1 - np.log(np.tan(np.pi / 4 + phi / 2)) / np.pi) / 2


def _latitude(y: np.ndarray) -> np.ndarray:
    return np.degrees(2 * np.arctan(np.exp((1 - 2 * y) * np.pi)) - np.pi / 2)


def route_points(
    from_lon,
    from_lat,
    to_lon,
    to_lat,
    segments: int = SEGMENTS,
    height: float = HEIGHT,
) -> np.ndarray:
    """The curve of each route from (`from_lon`, `from_lat`) to (`to_lon`, `to_lat`) (arrays
    of one length n, degrees), as an array (n, segments + 1, 2) of longitude and latitude,
    from the origin to the destination, the bulge on the left of the way travelled with
    north up, as the `ArcLayer` drew it. The ends are the given points exactly."""
    if segments < 1:
        raise ValueError("a route needs at least one segment")
    x0 = np.asarray(from_lon, dtype=float)[:, None] / 360
    x1 = np.asarray(to_lon, dtype=float)[:, None] / 360
    y0 = _mercator_y(np.asarray(from_lat, dtype=float))[:, None]
    y1 = _mercator_y(np.asarray(to_lat, dtype=float))[:, None]
    t = np.linspace(0.0, np.pi, segments + 1)[None, :]
    ratio = (1 - np.cos(t)) / 2
    side = height * np.sin(t) / 2  # of the chord's length; the chord's own length cancels
    dx, dy = x1 - x0, y1 - y0
    # left of the way travelled, north up: with y growing south, (dx, dy) turned to (dy, -dx)
    x = x0 + ratio * dx + side * dy
    y = y0 + ratio * dy - side * dx
    points = np.stack([x * 360, _latitude(y)], axis=-1)
    points[:, 0, :] = np.column_stack([x0[:, 0] * 360, _latitude(y0[:, 0])])
    points[:, -1, :] = np.column_stack([x1[:, 0] * 360, _latitude(y1[:, 0])])
    return points


def route_pieces(
    from_lon, from_lat, to_lon, to_lat, segments: int = SEGMENTS, overlap: float = OVERLAP
) -> tuple[list, list]:
    """Each route's curve (`route_points`) as its straight pieces, origin first: the start
    and the end of every piece ([lon, lat], rounded to `DECIMALS` places), route after
    route, `segments` a route. A piece but the last runs on past the next point by `overlap`
    of its own length: drawn as lines without joins, pieces left a light notch on the outer
    side of every bend (seen in the screenshots of session 19); run on, a piece covers most
    of it (at the fitted views of the shipped data and of 100,000 events, 460 and 844 px
    wide: what is left of a notch at most 0.9 px, on short routes) and strays outside the
    curve by 0.15-0.36 px (median; at most 1.4 px)."""
    if len(np.asarray(from_lon)) == 0:
        return [], []
    points = route_points(from_lon, from_lat, to_lon, to_lat, segments)
    starts, ends = points[:, :-1, :], points[:, 1:, :].copy()
    ends[:, :-1, :] += overlap * (ends[:, :-1, :] - starts[:, :-1, :])
    flat = (-1, 2)
    return (
        np.round(starts.reshape(flat), DECIMALS).tolist(),
        np.round(ends.reshape(flat), DECIMALS).tolist(),
    )


def shares(segments: int = SEGMENTS) -> list[float]:
    """The direction cue: per piece, origin first, how much of the route's colour it has
    against the land under it (the rest the land's colour), from `ALPHA_FROM` / 255 to 1:
    how the ArcLayer's fade from alpha 150 to 255 looked over the land, drawn opaque, so the
    pieces' overlaps do not show as darker spots."""
    if segments < 1:
        raise ValueError("a route needs at least one segment")
    return np.round(np.linspace(ALPHA_FROM / ALPHA_TO, 1.0, segments), 3).tolist()
