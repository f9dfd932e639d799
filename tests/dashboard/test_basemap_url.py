"""The basemap as a static file the browser caches, not inside the map's JSON (issue 10)."""

from __future__ import annotations

import hashlib
import json
import re
import tomllib
from pathlib import Path

from dashboard.basemap_url import STATIC_DIR, basemap_url
from dashboard.data import load_basemap
from dashboard.mapview import BASEMAP_STYLE, basemap_layers, build_map, by_layer, reference_sites
from dashboard.views import event_frame
from etl.build import build_tables
from etl.settings import ROOT, Paths

SHIPPED = Paths().basemap


def _evaluate(expression: str, layer: str):
    """What deck.gl's JSON expression gives a feature of `layer` (only the chain of
    `properties.layer == '...' ? value :` that `by_layer` writes)."""
    for name, value in re.findall(
        r"properties\.layer == '(\w+)' \? (\[[^\]]*\]|[\d.]+) : ", expression
    ):
        if name == layer:
            return json.loads(value)
    return json.loads(expression.rsplit(" : ", 1)[-1])


def test_the_shipped_basemap_is_served_under_a_url_versioned_by_its_content():
    digest = hashlib.sha256(SHIPPED.read_bytes()).hexdigest()[:12]
    assert basemap_url(SHIPPED, serving=True) == f"app/static/basemap.geojson?v={digest}"
    assert (STATIC_DIR / "basemap.geojson").resolve() == SHIPPED.resolve()  # one file


def test_no_url_when_static_files_are_not_served_or_the_file_is_elsewhere(tmp_path):
    assert basemap_url(SHIPPED, serving=False) is None
    elsewhere = tmp_path / "basemap.geojson"
    elsewhere.write_text(SHIPPED.read_text(encoding="utf-8"), encoding="utf-8")
    assert basemap_url(elsewhere, serving=True) is None
    assert basemap_url(tmp_path / "missing.geojson", serving=True, static_dir=tmp_path) is None


def test_a_changed_basemap_gets_a_new_url(tmp_path):
    path = tmp_path / "geo" / "basemap.geojson"
    path.parent.mkdir()
    path.write_text('{"type": "FeatureCollection", "features": []}', encoding="utf-8")
    first = basemap_url(path, serving=True, static_dir=tmp_path)
    path.write_text('{"type": "FeatureCollection", "features": [] }', encoding="utf-8")
    second = basemap_url(path, serving=True, static_dir=tmp_path)
    assert first.startswith("app/static/geo/basemap.geojson?v=") and first != second
    assert second.endswith(hashlib.sha256(path.read_bytes()).hexdigest()[:12])


def test_static_serving_is_switched_on_for_streamlit_run():
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert config["server"]["enableStaticServing"] is True
    assert STATIC_DIR == ROOT / "dashboard" / "static"  # beside dashboard/app.py


def test_each_basemap_layer_keeps_its_look_in_the_one_deck_layer():
    basemap = load_basemap(SHIPPED)
    layers = {f["properties"]["layer"] for f in basemap["features"]}
    assert layers == set(BASEMAP_STYLE)  # every layer of the file has a style
    shapes = basemap_layers(basemap, over_tiles=False, url="app/static/basemap.geojson")[0]
    for layer, (fill, line, width) in BASEMAP_STYLE.items():
        assert _evaluate(shapes.get_fill_color.removeprefix("@@="), layer) == fill
        assert _evaluate(shapes.get_line_color.removeprefix("@@="), layer) == line
        assert _evaluate(shapes.get_line_width.removeprefix("@@="), layer) == width
    assert _evaluate(by_layer({"a": 1}, 0), "unknown") == 0
    over = basemap_layers(basemap, over_tiles=True)[0]
    assert _evaluate(over.get_fill_color.removeprefix("@@="), "country")[3] == 0  # tiles show


def test_the_map_json_carries_the_url_instead_of_the_shapes(mini):
    tables = build_tables(mini, extract=False)
    view, sites = event_frame(tables), reference_sites(tables["places"])
    basemap = load_basemap(SHIPPED)
    url = basemap_url(SHIPPED, serving=True)
    inline = build_map(view, sites, basemap).to_json()
    served = build_map(view, sites, basemap, basemap_url=url).to_json()
    assert url in served and "MultiPolygon" not in served and "MultiPolygon" in inline
    assert len(inline) - len(served) > 0.9 * len(Path(SHIPPED).read_bytes())
    assert "SYRIA" in served  # country labels still come with the map
