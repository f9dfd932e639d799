"""The map's layers of one kind draw with one vertex layout (issue 10): every text layer and
every circle layer takes its colours, radii and offsets per row, none as a constant, so that
software WebGL compiles one pipeline per kind before the map's first frame, not one per layer
(`dashboard.map_cells.per_row`); the colours drawn are the ones the layers had as constants."""

from __future__ import annotations

import json

import pytest

from dashboard.data import load_basemap
from dashboard.map_cells import CELL_FILL, CELLS_LAYER, per_row
from dashboard.mapview import build_map, reference_sites
from dashboard.selection import RING_COLOUR, SELECTED_LAYER, mark_map, marker_events
from dashboard.views import event_frame
from etl.settings import ROOT
from etl.synthetic import synthetic_tables

#: The accessors of each kind that become a vertex attribute in deck.gl (the text layer's
#: anchor and alignment are read on the CPU into its characters' offsets).
ATTRIBUTES = {
    "TextLayer": ("getPosition", "getSize", "getAngle", "getColor", "getPixelOffset"),
    "ScatterplotLayer": ("getPosition", "getRadius", "getFillColor", "getLineColor",
                         "getLineWidth"),
}  # fmt: skip


def _per_row(value) -> bool:
    """Whether an accessor in the deck's JSON reads each row (a column's name, an
    expression), not one constant (a number, a colour, absent: deck.gl's default)."""
    return isinstance(value, str) and not value.removeprefix("@@=").startswith("'")


def _layouts(spec: dict) -> dict[str, set[tuple[bool, ...]]]:
    layouts: dict[str, set[tuple[bool, ...]]] = {}
    for layer in spec["layers"]:
        names = ATTRIBUTES.get(layer["@@type"])
        if names:
            layout = tuple(_per_row(layer.get(name)) for name in names)
            layouts.setdefault(layer["@@type"], set()).add(layout)
    return layouts


@pytest.fixture(scope="module")
def basemap():
    return load_basemap(ROOT / "data" / "geo" / "basemap.geojson")


def _by_id(spec: dict) -> dict[str, dict]:
    return {layer["id"]: layer for layer in spec["layers"]}


def test_markers_text_and_circles_one_layout_each(project_tables, basemap):
    tables = project_tables
    view, sites = event_frame(tables), reference_sites(tables["places"])
    deck = build_map(view, sites, basemap)
    chosen = [str(view["event_id"].iloc[0])]
    spec = json.loads(mark_map(deck, chosen, marker_events(view)).to_json())
    layers = _by_id(spec)
    assert {"country-labels", "site-labels", "event-counts"} <= set(layers)
    assert {"uncertainty", "spot-rings", "events", "sites", SELECTED_LAYER} <= set(layers)
    layouts = _layouts(spec)
    assert layouts == {
        "TextLayer": {(True, False, False, True, True)},
        "ScatterplotLayer": {(True, True, True, True, False)},
    }
    # what is drawn is what the constants drew
    assert {tuple(row["color"]) for row in layers["country-labels"]["data"]} == {
        (150, 150, 150, 200)
    }
    assert {tuple(row["color"]) for row in layers["site-labels"]["data"]} == {(20, 20, 20, 255)}
    # session 33: a pale box behind the sites' names, legible over 100,000 events' cells
    site_labels = layers["site-labels"]
    assert site_labels["background"] is True
    assert site_labels["getBackgroundColor"] == [255, 255, 255, 215]
    assert {tuple(row["offset"]) for row in layers["event-counts"]["data"]} == {(0, 0)}
    assert {(row["radius"], tuple(row["fill"])) for row in layers["sites"]["data"]} == {
        (5, (30, 30, 30, 255))
    }
    assert {tuple(row["line"]) for row in layers["spot-rings"]["data"]} == {(102, 102, 102, 200)}
    assert len(layers["sites"]["data"]) == len(sites) > 0
    rings = layers[SELECTED_LAYER]["data"]
    assert len(rings) == 1 and tuple(rings[0]["ring"]) == tuple(RING_COLOUR)


def test_grid_cells_text_and_circles_one_layout_each(basemap):
    tables = synthetic_tables(6_000, seed=3)
    spec = json.loads(build_map(event_frame(tables), reference_sites(tables["places"]),
                                basemap).to_json())  # fmt: skip
    layers = _by_id(spec)
    assert {CELLS_LAYER, "event-cell-counts", "site-labels", "sites"} <= set(layers)
    assert "events" not in layers  # drawn as cells
    assert len(_layouts(spec)["TextLayer"]) == 1
    assert len(_layouts(spec)["ScatterplotLayer"]) == 1
    assert {tuple(row["fill"]) for row in layers[CELLS_LAYER]["data"]} == {tuple(CELL_FILL)}
    assert {tuple(row["color"]) for row in layers["event-cell-counts"]["data"]} == {
        (255, 255, 255, 255)
    }


def test_per_row_repeats_each_value_in_every_row(project_tables):
    sites = reference_sites(project_tables["places"])
    out = per_row(sites, colour=[1, 2, 3, 4], radius=5)
    assert list(out["colour"]) == [[1, 2, 3, 4]] * len(sites) and set(out["radius"]) == {5}
    assert list(out.columns[: len(sites.columns)]) == list(sites.columns)
    assert per_row(sites.iloc[0:0], colour=[1, 2, 3, 4]).empty
