"""The names of a few markers' places on a framed map (`dashboard.map_names`), on the page's
deck and on the slide."""

from __future__ import annotations

import json

import pandas as pd
import pytest

from dashboard.data import load_basemap
from dashboard.export import slide
from dashboard.map_layout import offset_labels, reference_sites
from dashboard.map_names import NAMES_MAX, spot_names
from dashboard.mapview import build_map, fit_marks
from dashboard.views import event_frame
from etl.settings import Paths


@pytest.fixture(scope="module")
def basemap():
    return load_basemap(Paths().basemap)


@pytest.fixture
def project(project_tables):
    view = event_frame(project_tables)
    shown = view[~view["background"] & view["review_status"].ne("pending")]
    return shown, reference_sites(project_tables["places"]), project_tables


def _names(shown, sites, width=460, height=520):
    markers, view = fit_marks(shown, sites, width, height)
    return spot_names(markers, offset_labels(sites, markers), view), markers, view


@pytest.mark.parametrize(("width", "height"), [(460, 520), (844, 520)])
def test_a_framed_map_names_its_few_markers_places_s34(project, width, height):
    """Session 33's Idlib-only map named only the site 'Idlib': Khan Sheikhun's marker and the
    Idlib-governorate halo had their names in the tooltip alone."""
    shown, sites, _ = project
    names, markers, view = _names(shown[shown["area"] == "Idlib"], sites, width, height)
    assert set(names["label"]) == {"Khan Sheikhun", "Idlib governorate"}
    assert "Idlib" not in set(names["label"])  # the site names itself
    for _, n in names.iterrows():  # beside its ring, whole inside the map
        x, y = view.to_px(n["longitude"], n["latitude"])
        assert 0 < x + n["offset"][0] < width and 0 < y < height
        assert abs(n["offset"][0]) > 6


def test_a_map_of_every_site_or_of_grid_cells_names_no_markers_s34(project):
    shown, sites, _ = project
    names, markers, _ = _names(shown, sites)  # every event: the whole region, the sites name it
    assert names.empty and markers["spot"].nunique() > 1
    names, _, _ = _names(shown[shown["area"] == "Baghouz"], sites)  # all at the site
    assert names.empty


def test_more_than_a_few_rings_are_not_named_s34(project):
    shown, sites, _ = project
    idlib = shown[shown["area"] == "Idlib"].head(1)
    # spread copies of one event to NAMES_MAX + 1 places round Idlib, none at the site
    copies = [
        idlib.assign(latitude=35.6 - 0.12 * k, longitude=36.9 + 0.1 * k, place=f"Place {k}")
        for k in range(NAMES_MAX + 1)
    ]
    many = pd.concat(copies, ignore_index=True).assign(
        event_id=[f"e{k}" for k in range(NAMES_MAX + 1)]
    )
    assert _names(many, sites)[0].empty
    assert len(_names(many.head(NAMES_MAX), sites, 844, 520)[0]) >= 1


def test_the_page_and_the_slide_draw_the_names_s34(project, basemap):
    shown, sites, tables = project
    idlib = shown[shown["area"] == "Idlib"]
    spec = json.loads(build_map(idlib, sites, basemap).to_json())
    layers = {layer["id"]: layer for layer in spec["layers"]}
    assert {row["label"] for row in layers["place-names"]["data"]} == {
        "Khan Sheikhun",
        "Idlib governorate",
    }
    assert "spot_place" not in layers["events"]["data"][0]  # not sent twice
    everything = json.loads(build_map(shown, sites, basemap).to_json())
    assert "place-names" not in {layer["id"] for layer in everything["layers"]}
    figure, _ = slide(event_frame(tables), tables, basemap, {"areas": "Idlib"}, show="map")
    texts = {t.get_text() for ax in figure.axes for t in ax.texts}
    assert {"Khan Sheikhun", "Idlib governorate", "Idlib"} <= texts


def test_a_site_beyond_the_maps_edge_is_not_named_at_it_s34(project, basemap):
    """The walk's Elsewhere map (page and slide) showed 'dlib' / 'Idlib' at its left edge: the
    site's dot was just beyond it, its name drawn into the map. A site is drawn, dot and
    name, only when its dot is inside the view; the sites inside are drawn as before."""
    from dashboard.map_layout import sites_inside

    shown, sites, tables = project
    elsewhere = shown[shown["area"] == "Elsewhere"]
    _, view = fit_marks(elsewhere, sites, 460, 520)
    x, _ = view.to_px(*sites.set_index("label").loc["Idlib", ["longitude", "latitude"]])
    assert x < 0  # Idlib lies just beyond the left edge
    assert set(sites_inside(sites, view)["label"]) == {"Baghouz", "Al-Hol camp"}
    spec = json.loads(build_map(elsewhere, sites, basemap, width=460, height=520).to_json())
    layers = {layer["id"]: layer for layer in spec["layers"]}
    assert {row["label"] for row in layers["site-labels"]["data"]} == {"Baghouz", "Al-Hol camp"}
    figure, _ = slide(event_frame(tables), tables, basemap, {"areas": "Elsewhere"}, show="both")
    texts = {t.get_text() for ax in figure.axes for t in ax.texts}
    assert "Idlib" not in texts and {"Baghouz", "Al-Hol camp"} <= texts
