"""The basemap drawn as images (dashboard.basemap_tiles) and shown by the map as BitmapLayers."""

from __future__ import annotations

import json
import math

import pytest

from dashboard.basemap_tiles import STEP, Tiles, _lonlat, _world, tile_level
from dashboard.basemap_url import basemap_images
from dashboard.data import load_basemap
from dashboard.map_layout import View
from dashboard.mapview import BASEMAP_STYLE, build_map, raster_layers
from tests.dashboard.test_basemap_url import SHIPPED

BACKGROUND = (255, 255, 255)


def rgb(style_colour) -> tuple[int, int, int]:
    return tuple(style_colour[:3])


@pytest.fixture(scope="module")
def shipped():
    return load_basemap(SHIPPED)


def pixel_at(tiles: Tiles, tile, lon: float, lat: float):
    """The colour of `tile`'s image at a place (found from the tile's own bounds)."""
    from PIL import Image

    image = Image.open(tile.path)
    west, south, east, north = tile.bounds
    (x,), (y,) = _world([lon], [lat])
    (x0,), (y0,) = _world([west], [north])
    (x1,), (y1,) = _world([east], [south])
    px = ((x - x0) / (x1 - x0) * image.width, (y - y0) / (y1 - y0) * image.height)
    return image.getpixel((int(px[0]), int(px[1])))


def close(a, b, tol=12) -> bool:
    return all(abs(int(p) - int(q)) <= tol for p, q in zip(a, b))


def test_levels_step_up_from_the_zoom():
    assert tile_level(5.0) == 5.0
    assert tile_level(5.01) == 5.5
    assert tile_level(5.5) == 5.5
    assert tile_level(5.6) == 6.0
    for zoom in (3.0, 3.3, 4.7, 8.99):  # a tile is shown at 71-100 % of its size
        assert 2**-STEP <= 2 ** (zoom - tile_level(zoom)) <= 1


def test_mercator_round_trip():
    (x,), (y,) = _world([40.9], [34.4])
    lon, lat = _lonlat(x, y)
    assert math.isclose(lon, 40.9, abs_tol=1e-9) and math.isclose(lat, 34.4, abs_tol=1e-9)


def test_tiles_cover_the_view_and_draw_the_basemap(shipped, tmp_path):
    tiles = Tiles(shipped, tmp_path, "app/static/tiles", BASEMAP_STYLE)
    view = View(39.0, 35.5, 5.6, 440, 520)  # Syria, as the default data's map
    drawn = tiles.for_view(view.longitude, view.latitude, view.zoom, view.width, view.height)
    assert drawn and all(t.path.is_file() for t in drawn)
    assert {t.path.parent.name for t in drawn} == {"6"}  # the level of zoom 5.6
    # every corner of the view falls in a tile
    for px, py in ((0, 0), (view.width, 0), (0, view.height), (view.width, view.height)):
        world = 512 * 2**view.zoom
        (cx,), (cy,) = _world([view.longitude], [view.latitude])
        lon, lat = _lonlat(cx + (px - view.width / 2) / world, cy + (py - view.height / 2) / world)
        assert any(w <= lon <= e and s <= lat <= n for w, s, e, n in (t.bounds for t in drawn))

    def at(lon, lat):
        tile = next(
            t
            for t in drawn
            if t.bounds[0] <= lon <= t.bounds[2] and t.bounds[1] <= lat <= t.bounds[3]
        )
        return pixel_at(tiles, tile, lon, lat)

    assert close(at(38.5, 34.8), rgb(BASEMAP_STYLE["country"][0]))  # the Syrian desert
    assert close(at(34.5, 35.0), BACKGROUND)  # the sea between Cyprus and Syria
    from PIL import Image

    lake = rgb(BASEMAP_STYLE["lake"][0])  # Lake Assad, Lake Tharthar: pixels of lake blue
    colours = [c for t in drawn for c in Image.open(t.path).getcolors(2**21)]
    assert sum(n for n, c in colours if close(c, lake, 4)) > 500
    # the Euphrates: a point of the river's own line is river blue
    river = next(
        f for f in shipped["features"]
        if f["properties"]["layer"] == "river" and "Euphrates" in json.dumps(f["properties"])
    )  # fmt: skip
    lon, lat = river["geometry"]["coordinates"][0][len(river["geometry"]["coordinates"][0]) // 2]
    if drawn[0].bounds[0] <= lon <= drawn[-1].bounds[2]:
        assert close(at(lon, lat), rgb(BASEMAP_STYLE["river"][1]), tol=40)


def test_holes_keep_enclaves_and_translucent_lines_blend(tmp_path):
    square = [[0, 0], [4, 0], [4, 4], [0, 4], [0, 0]]
    hole = [[1, 1], [3, 1], [3, 3], [1, 3], [1, 1]]
    enclave = [[1.5, 1.5], [2.5, 1.5], [2.5, 2.5], [1.5, 2.5], [1.5, 1.5]]
    basemap = {"features": [
        {"properties": {"layer": "country"},
         "geometry": {"type": "Polygon", "coordinates": [square, hole]}},
        {"properties": {"layer": "country"},
         "geometry": {"type": "MultiPolygon", "coordinates": [[enclave]]}},
        {"properties": {"layer": "admin1"},
         "geometry": {"type": "LineString", "coordinates": [[0.5, 0.2], [0.5, 3.8]]}},
    ]}  # fmt: skip
    style = dict(BASEMAP_STYLE, admin1=([0, 0, 0, 0], [170, 170, 170, 160], 6))  # wide: whole px
    tiles = Tiles(basemap, tmp_path, "app/static/tiles", style)
    overview = tiles.overview()
    fill = rgb(BASEMAP_STYLE["country"][0])
    assert close(pixel_at(tiles, overview, 2.0, 2.0), fill)  # the enclave, not cleared
    assert close(pixel_at(tiles, overview, 1.2, 2.0), BACKGROUND)  # the hole around it
    assert close(pixel_at(tiles, overview, 3.5, 0.5), fill)
    line = pixel_at(tiles, overview, 0.5, 2.0)  # grey at alpha 160 over the country's fill
    a = style["admin1"][1][3] / 255
    expected = tuple(round(c * a + f * (1 - a)) for c, f in zip(style["admin1"][1], fill))
    assert close(line, expected, tol=20) and line != fill


def test_images_are_drawn_once_and_named_by_content(shipped, tmp_path):
    tiles = Tiles(shipped, tmp_path, "app/static/tiles", BASEMAP_STYLE)
    first = tiles.overview()
    stamp = first.path.stat().st_mtime_ns
    again = Tiles(shipped, tmp_path, "app/static/tiles", BASEMAP_STYLE).overview()
    assert again == first and again.path.stat().st_mtime_ns == stamp  # not drawn again
    other = dict(BASEMAP_STYLE, river=([0, 0, 0, 0], [200, 0, 0, 255], 2))
    changed = Tiles(shipped, tmp_path, "app/static/tiles", other)
    assert changed.digest != tiles.digest and changed.overview().path != first.path
    assert tiles.url(first) == f"app/static/tiles/{tiles.digest}/overview.png"


def test_the_map_draws_images_instead_of_shapes(shipped, tmp_path, mini):
    from dashboard.map_layout import reference_sites
    from dashboard.views import event_frame
    from etl.build import build_tables

    tables = build_tables(mini, extract=False)
    view, sites = event_frame(tables), reference_sites(tables["places"])
    tiles = Tiles(shipped, tmp_path / "tiles", "app/static/tiles", BASEMAP_STYLE)
    deck = build_map(view, sites, shipped, basemap_url="app/static/b.geojson", basemap_tiles=tiles)
    kinds = [layer.type for layer in deck.layers]
    assert "GeoJsonLayer" not in kinds and kinds[0] == "BitmapLayer"
    bitmaps = [layer for layer in deck.layers if layer.type == "BitmapLayer"]
    assert bitmaps[0].id == "basemap-overview.png" and len(bitmaps) >= 2
    text = deck.to_json()
    assert f"app/static/tiles/{tiles.digest}/" in text and "@@=app/static" not in text
    assert "SYRIA" in text  # the country labels are still drawn as text
    # a configured tile style keeps the shapes (their fill see-through over the tiles)
    styled = build_map(view, sites, shipped, map_style="https://example.org/style.json",
                       basemap_url="app/static/b.geojson", basemap_tiles=tiles)  # fmt: skip
    assert "GeoJsonLayer" in [layer.type for layer in styled.layers]
    # images that cannot be written: the shapes, as before
    blocked = tmp_path / "file"
    blocked.write_text("not a folder")
    broken = Tiles(shipped, blocked, "app/static/tiles", BASEMAP_STYLE)
    fallback = build_map(view, sites, shipped, basemap_url="u.geojson", basemap_tiles=broken)
    assert fallback.layers[0].type == "GeoJsonLayer"


def test_raster_layers_follow_the_view(shipped, tmp_path):
    tiles = Tiles(shipped, tmp_path, "app/static/tiles", BASEMAP_STYLE)
    near = raster_layers(tiles, View(40.9, 34.4, 8.2, 440, 520))
    far = raster_layers(tiles, View(40.9, 34.4, 4.2, 440, 520))
    assert {layer.id for layer in near[1:]}.isdisjoint(layer.id for layer in far[1:])
    assert all(layer.id.startswith("basemap-8.5/") for layer in near[1:])


def test_images_only_where_the_static_folder_serves_them(shipped, tmp_path):
    geo = tmp_path / "basemap.geojson"
    geo.write_text(json.dumps(shipped))
    assert (
        basemap_images(shipped, geo, serving=False, style=BASEMAP_STYLE, static_dir=tmp_path)
        is None
    )
    assert basemap_images(None, geo, serving=True, style=BASEMAP_STYLE, static_dir=tmp_path) is None
    tiles = basemap_images(shipped, geo, serving=True, style=BASEMAP_STYLE, static_dir=tmp_path)
    assert tiles is not None and tiles.directory.parent == tmp_path / "tiles"
    assert tiles.route == f"app/static/tiles/{tiles.digest}/"


def test_tiles_drawn_ahead_are_the_ones_views_need(shipped, tmp_path):
    from dashboard.basemap_tiles import draw_ahead_in_background

    tiles = Tiles(shipped, tmp_path, "app/static/tiles", BASEMAP_STYLE)
    assert tiles.bbox == (33.0, 28.0, 50.0, 40.0)  # the basemap's area of interest
    count = tiles.draw_ahead(top=5.0)  # levels 3 to 5
    drawn = {p: p.stat().st_mtime_ns for p in tmp_path.rglob("*.png")}
    assert count == len(drawn) and {p.parent.name for p in drawn} == {"3", "3.5", "4", "4.5", "5"}
    # a view fitted over Syria and Iraq at zoom 5 finds every tile it needs drawn already
    needed = tiles.for_view(41.5, 34.1, 5.0, 440, 520)
    assert needed and all(drawn.get(t.path) == t.path.stat().st_mtime_ns for t in needed)
    assert tiles.draw_ahead(top=5.0) == count  # nothing new
    assert draw_ahead_in_background(None) is None
    other = Tiles(shipped, tmp_path / "other", "app/static/tiles", BASEMAP_STYLE)
    thread = draw_ahead_in_background(other)
    thread.join(timeout=600)
    assert not thread.is_alive() and len(list((tmp_path / "other").rglob("*.png"))) > count
