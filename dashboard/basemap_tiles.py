"""The offline basemap as images (issue 10): drawn once per tile with Pillow, cached as PNG
files in the static folder, shown by deck.gl as `BitmapLayer`s.

Why: in software WebGL (Chromium with no GPU: SwiftShader, as on a server or an analyst's VM)
the basemap's `GeoJsonLayer` (16,316 vertices of paths and polygons, every frame) was most of
the map's GPU time, on the first page and on every redraw after a filter click. A textured
quad costs a small fraction of that.

The images follow deck.gl's Web Mercator (512 px wide world at zoom 0): a tile of level `L`
is `TILE_PX` px on screen at zoom `L` (1/2^L of the world's width is 512 px), from an image
`RES` times as many pixels (sharp on a high-density screen). The page's view at zoom `Z` gets
the tiles of level `L = ceil(2 Z) / 2` covering it (shown at 71-100 % of their size; line
widths are drawn for 71 %), over one `overview` image of the whole basemap at
`OVERVIEW_LEVEL` (what a reader sees after panning away from the first view, less sharp).
Tiles are opaque (the page's white where there is no land: the sea), so the overview never
shows through them. A tile's file is written once (atomically) and kept: the folder's name is
a digest of the GeoJSON, the style and this module's drawing parameters, so a changed
basemap or style is never drawn from a stale image.

Pure but for the cache files; no Streamlit.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import math
import os
import tempfile
import threading
import time
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any

import numpy as np
from PIL import Image, ImageChops, ImageDraw

from dashboard.map_layout import latitude_of

__all__ = ["Tile", "Tiles", "draw_ahead_in_background", "tile_level"]

#: A tile's size on screen at its level's zoom, and image pixels per screen pixel. Small
#: tiles: the texels deck.gl uploads (and reduces for its mipmaps, in software WebGL on the
#: CPU) are those of the tiles touching the view, not much more than the view's.
TILE_PX = 256
RES = 2
#: Drawn this many times larger, then reduced: anti-aliased edges and lines.
SUPERSAMPLE = 2
#: Levels in steps of this (a tile is shown at 71-100 % of its size with 0.5).
STEP = 0.5
#: The overview under the tiles: the whole basemap at this level.
OVERVIEW_LEVEL = 3.0
#: ... drawn at one image px per screen px (it is mostly hidden under the tiles).
OVERVIEW_RES = 1
#: The page's background (the theme's `backgroundColor`, `.streamlit/config.toml`): the sea.
BACKGROUND = (255, 255, 255)
#: Levels drawn ahead of need (`Tiles.draw_ahead`, by `python -m dashboard.serve`): the
#: fitted views of whole regions and of a governorate (the map's zoom is 3 to 9).
MIN_LEVEL, AHEAD_LEVEL = 3.0, 6.5
#: Screen px around the view also covered by tiles (a small pan stays sharp).
MARGIN_PX = 64
#: Bump when the drawing changes (part of the cache folder's name).
VERSION = 3


def tile_level(zoom: float) -> float:
    """The level of the tiles for a view at `zoom`: the next step at or above it."""
    return math.ceil(zoom / STEP - 1e-9) * STEP


def _world(lon: np.ndarray, lat: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Longitude, latitude -> Web Mercator x, y in world units [0, 1) (y 0 at the north)."""
    lon, lat = np.asarray(lon, dtype=float), np.clip(np.asarray(lat, dtype=float), -85.0, 85.0)
    x = (lon + 180.0) / 360.0
    y = (1 - np.log(np.tan(np.pi / 4 + np.radians(lat) / 2)) / np.pi) / 2
    return x, y


def _lonlat(x: float, y: float) -> tuple[float, float]:
    return x * 360.0 - 180.0, latitude_of(y)


@dataclass(frozen=True)
class Tile:
    """One image and where it goes: `bounds` is [west, south, east, north] in degrees."""

    name: str
    path: Path
    bounds: tuple[float, float, float, float]


@dataclass(frozen=True)
class _Shape:
    layer: str
    kind: str  # "polygon" (rings: exterior then holes, per polygon) or "line"
    parts: tuple[tuple[np.ndarray, ...], ...]  # per polygon its rings; per line one array
    box: tuple[float, float, float, float]  # x0, y0, x1, y1 in world units


def _shapes(basemap: Mapping[str, Any]) -> list[_Shape]:
    out = []
    for feature in basemap.get("features", []):
        geometry = feature.get("geometry") or {}
        layer = (feature.get("properties") or {}).get("layer", "")
        kind, coords = geometry.get("type"), geometry.get("coordinates") or []
        if kind == "Polygon":
            kind, coords = "MultiPolygon", [coords]
        if kind == "LineString":
            kind, coords = "MultiLineString", [coords]
        if kind == "MultiPolygon":
            parts = tuple(tuple(_ring(r) for r in polygon if len(r) > 2) for polygon in coords)
            shape_kind = "polygon"
        elif kind == "MultiLineString":
            parts = tuple((_ring(line),) for line in coords if len(line) > 1)
            shape_kind = "line"
        else:
            continue
        arrays = [a for part in parts for a in part]
        if not arrays:
            continue
        xy = np.concatenate(arrays)
        box = (xy[:, 0].min(), xy[:, 1].min(), xy[:, 0].max(), xy[:, 1].max())
        out.append(_Shape(layer, shape_kind, parts, tuple(float(v) for v in box)))
    return out


def _ring(points: Iterable[Iterable[float]]) -> np.ndarray:
    a = np.asarray([p[:2] for p in points], dtype=float)
    x, y = _world(a[:, 0], a[:, 1])
    return np.column_stack([x, y])


class Tiles:
    """The basemap's images in `directory` (served at `route`), drawn in `style`: layer ->
    (fill RGBA, line RGBA, line width px), as `dashboard.mapview.BASEMAP_STYLE`."""

    def __init__(
        self,
        basemap: Mapping[str, Any],
        directory: Path,
        route: str,
        style: Mapping[str, tuple[Any, Any, float]],
    ) -> None:
        self.style = {k: (tuple(f), tuple(c), float(w)) for k, (f, c, w) in style.items()}
        key = json.dumps(
            [basemap, sorted(self.style.items()), TILE_PX, RES, SUPERSAMPLE, STEP,
             OVERVIEW_LEVEL, OVERVIEW_RES, BACKGROUND, MARGIN_PX, VERSION],
            sort_keys=True,
        )  # fmt: skip
        self.digest = hashlib.sha256(key.encode()).hexdigest()[:12]
        self.directory = Path(directory) / self.digest
        self.route = f"{route.rstrip('/')}/{self.digest}/"
        self.shapes = _shapes(basemap)
        box = (basemap.get("metadata") or {}).get("bbox")
        self.bbox = (
            tuple(float(v) for v in box) if isinstance(box, list) and len(box) == 4 else None
        )

    @cached_property
    def extent(self) -> tuple[float, float, float, float]:
        """The basemap's x0, y0, x1, y1 in world units."""
        boxes = np.array([s.box for s in self.shapes]) if self.shapes else np.zeros((1, 4))
        return (boxes[:, 0].min(), boxes[:, 1].min(), boxes[:, 2].max(), boxes[:, 3].max())

    def url(self, tile: Tile) -> str:
        return self.route + tile.name

    def overview(self) -> Tile:
        """The whole basemap in one image at `OVERVIEW_LEVEL`, drawn if not yet on disk."""
        x0, y0, x1, y1 = self.extent
        return self._ensure("overview.png", OVERVIEW_LEVEL, x0, y0, x1, y1, res=OVERVIEW_RES)

    def for_view(
        self, longitude: float, latitude: float, zoom: float, width: int, height: int
    ) -> list[Tile]:
        """The tiles covering a `width` x `height` px view (and `MARGIN_PX` around it), drawn
        where not yet on disk; none beyond the basemap's extent."""
        level = tile_level(zoom)
        world = 512 * 2**zoom
        cx, cy = _world(np.array([longitude]), np.array([latitude]))
        half_w, half_h = (width / 2 + MARGIN_PX) / world, (height / 2 + MARGIN_PX) / world
        box = (cx[0] - half_w, cy[0] - half_h, cx[0] + half_w, cy[0] + half_h)
        return self._cover(level, box)

    def _cover(self, level: float, box: tuple[float, float, float, float]) -> list[Tile]:
        """The tiles of `level` over `box` (world x0, y0, x1, y1) within the basemap."""
        scale = 2**level * 512 / TILE_PX  # tiles a world's width
        ex0, ey0, ex1, ey1 = self.extent
        x0, x1 = max(box[0], ex0), min(box[2], ex1)
        y0, y1 = max(box[1], ey0), min(box[3], ey1)
        if x0 >= x1 or y0 >= y1:
            return []
        tiles = []
        for j in range(math.floor(y0 * scale), math.ceil(y1 * scale)):
            for i in range(math.floor(x0 * scale), math.ceil(x1 * scale)):
                tx0, ty0 = i / scale, j / scale
                tx1, ty1 = tx0 + 1 / scale, ty0 + 1 / scale
                tiles.append(self._ensure(f"{level:g}/{i}_{j}.png", level, tx0, ty0, tx1, ty1))
        return tiles

    def draw_ahead(self, top: float = AHEAD_LEVEL) -> int:
        """Draw every tile up to level `top` over the basemap's area (its metadata's `bbox`,
        else all of it) that is not on disk yet, so that a filter's new view finds its tiles
        drawn; how many tiles there are. Tiles of views zoomed in further are drawn when
        first needed."""
        area = self.area
        count, level = 0, MIN_LEVEL
        while level <= top:
            count += len(self._cover(level, area))
            level += STEP
        return count

    @cached_property
    def area(self) -> tuple[float, float, float, float]:
        """The basemap's area of interest in world units (metadata `bbox`, else its extent)."""
        box = self.bbox
        if box is None:
            return self.extent
        (x0, x1), (y1, y0) = _world(np.array([box[0], box[2]]), np.array([box[1], box[3]]))
        return (float(x0), float(y0), float(x1), float(y1))

    def _ensure(
        self, name: str, level: float, x0: float, y0: float, x1: float, y1: float, res: int = RES
    ) -> Tile:
        west, north = _lonlat(x0, y0)
        east, south = _lonlat(x1, y1)
        path = self.directory / name
        if not path.is_file():
            image = self.draw(level, x0, y0, x1, y1, res)
            path.parent.mkdir(parents=True, exist_ok=True)
            with tempfile.NamedTemporaryFile(dir=path.parent, suffix=".tmp", delete=False) as f:
                image.save(f, format="PNG", optimize=False)
            os.chmod(f.name, 0o644)  # as the shipped files: readable by whoever serves them
            os.replace(f.name, path)  # another session drawing the same tile: same bytes
        return Tile(name, path, (west, south, east, north))

    def draw(
        self, level: float, x0: float, y0: float, x1: float, y1: float, res: int = RES
    ) -> Image.Image:
        """The basemap between world x0..x1, y0..y1 at `level` (RGB, `res` px per screen px)."""
        px = res * 512 * 2**level  # image px per world unit
        size = (max(1, round((x1 - x0) * px)), max(1, round((y1 - y0) * px)))
        ss = SUPERSAMPLE
        big = (size[0] * ss, size[1] * ss)
        image = Image.new("RGB", big, BACKGROUND)
        # line widths as set for a tile shown at 2^-STEP of its size, the least it is shown at
        # (up to 41 % wider when shown whole: anti-aliased, they look as deck.gl's lines)
        widen = res * ss * 2**STEP
        pad = 16 / px  # shapes this close to the tile may reach it with their lines
        shown = [
            s for s in self.shapes
            if s.box[0] <= x1 + pad and s.box[2] >= x0 - pad
            and s.box[1] <= y1 + pad and s.box[3] >= y0 - pad
        ]  # fmt: skip

        def pixels(a: np.ndarray) -> list[tuple[float, float]]:
            xs, ys = ((a[:, 0] - x0) * px * ss).tolist(), ((a[:, 1] - y0) * px * ss).tolist()
            return list(zip(xs, ys))

        # as deck.gl's GeoJsonLayer: the polygons' fills, then their outlines, then the lines;
        # one mask per basemap layer (its colour laid once, as one translucent layer would be)
        layers = list(dict.fromkeys(s.layer for s in shown))
        box = (x0 - pad, y0 - pad, x1 + pad, y1 + pad)
        for layer in layers:
            fill = self.style.get(layer, _NONE)[0]
            polygons = [
                [pixels(ring) for ring in rings]
                for s in shown if s.layer == layer and s.kind == "polygon" for rings in s.parts
            ]  # fmt: skip
            if fill[3] > 0 and polygons:
                _fill(image, fill, polygons)
        for kind in ("polygon", "line"):
            for layer in layers:
                _, colour, width = self.style.get(layer, _NONE)
                paths = [
                    pixels(run)
                    for s in shown if s.layer == layer and s.kind == kind
                    for part in s.parts for ring in part for run in _runs(ring, box)
                ]  # fmt: skip
                if colour[3] > 0 and width > 0 and paths:
                    _stroke(image, colour, paths, max(1, round(width * widen)))
        return image.reduce(ss) if ss > 1 else image


_NONE = ((0, 0, 0, 0), (0, 0, 0, 0), 0.0)


def _runs(points: np.ndarray, box: tuple[float, float, float, float]) -> list[np.ndarray]:
    """The stretches of a path whose segments may cross `box` (x0, y0, x1, y1): a tile draws
    only these (a country's outline has thousands of points, a few of them on the tile)."""
    a, b = points[:-1], points[1:]
    near = (
        (np.minimum(a[:, 0], b[:, 0]) <= box[2]) & (np.maximum(a[:, 0], b[:, 0]) >= box[0])
        & (np.minimum(a[:, 1], b[:, 1]) <= box[3]) & (np.maximum(a[:, 1], b[:, 1]) >= box[1])
    )  # fmt: skip
    if near.all():
        return [points]
    edges = np.flatnonzero(np.diff(np.concatenate([[0], near.astype(np.int8), [0]])))
    return [points[start : end + 1] for start, end in zip(edges[::2], edges[1::2])]


Points = list[tuple[float, float]]


def _fill(image: Image.Image, rgba: tuple[int, ...], polygons: list[list[Points]]) -> None:
    """Each polygon (its exterior ring, then holes) filled with `rgba` (alpha blended). An
    opaque colour is drawn straight on the image but for polygons with holes (an enclave is
    another polygon of the layer: a hole must not clear it)."""
    opaque = rgba[3] == 255
    plain = [p for p in polygons if len(p) == 1] if opaque else []
    holed = [p for p in polygons if len(p) > 1] if opaque else polygons
    pen = ImageDraw.Draw(image)
    for (exterior,) in plain:
        pen.polygon(exterior, fill=tuple(rgba[:3]))
    if not holed:
        return
    mask = Image.new("L", image.size, 0)
    for rings in holed:
        one = Image.new("L", image.size, 0)
        draw = ImageDraw.Draw(one)
        draw.polygon(rings[0], fill=255)
        for hole in rings[1:]:
            draw.polygon(hole, fill=0)
        mask = ImageChops.lighter(mask, one)
    _paint(image, rgba, mask)


def _stroke(image: Image.Image, rgba: tuple[int, ...], paths: list[Points], width: int) -> None:
    """Lines `width` px wide with round joints in `rgba` (a translucent colour laid once over
    the whole layer, where lines cross too)."""
    opaque = rgba[3] == 255
    target = image if opaque else Image.new("L", image.size, 0)
    pen = ImageDraw.Draw(target)
    ink = tuple(rgba[:3]) if opaque else 255
    for path in paths:
        pen.line(path, fill=ink, width=width, joint="curve")
    if not opaque:
        _paint(image, rgba, target)


def _paint(image: Image.Image, rgba: tuple[int, ...], mask: Image.Image) -> None:
    """`image` with `rgba` laid over it where `mask` is set (its alpha scaling the mask's)."""
    if rgba[3] < 255:
        mask = mask.point(lambda v, a=rgba[3]: v * a // 255)
    image.paste(tuple(rgba[:3]), mask=mask)


def draw_ahead_in_background(tiles: Tiles | None) -> threading.Thread | None:
    """`tiles.draw_ahead()` in a daemon thread at the lowest CPU priority (Linux: a thread's
    own nice value), so that the server answers readers first; None without tiles."""
    if tiles is None:
        return None

    def run() -> None:
        with contextlib.suppress(OSError, AttributeError):
            os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), 19)
        started = time.perf_counter()
        try:
            count = tiles.draw_ahead()
        except OSError as exc:  # the folder cannot be written: drawn when needed, or shapes
            logging.getLogger("dashboard").warning("basemap tiles not drawn ahead: %s", exc)
            return
        logging.getLogger("dashboard").info(
            "basemap: %d tiles ready in %.1f s", count, time.perf_counter() - started
        )

    thread = threading.Thread(target=run, name="basemap-tiles", daemon=True)
    thread.start()
    return thread
