"""The slide's map at scale (issue 10): the export draws what the page draws, by the page's own
functions: grid cells with their counts above `MAP_MAX_MARKS` events, and no flow arc running
past the basemap."""

from __future__ import annotations

import pytest
from matplotlib.collections import PatchCollection

from dashboard.aggregate import MAP_MAX_MARKS, map_as_cells, map_cell_size
from dashboard.data import load_basemap
from dashboard.export import select, slide
from dashboard.export_map import map_marks
from dashboard.map_cells import CELL_FILL
from dashboard.map_flows import arcs_within, flow_arcs
from dashboard.map_layout import basemap_bounds, reference_sites
from dashboard.mapview import build_map
from dashboard.views import event_frame
from etl.settings import Paths
from etl.synthetic import synthetic_tables


@pytest.fixture(scope="module")
def basemap():
    return load_basemap(Paths().basemap)


@pytest.fixture(scope="module")
def big():
    tables = synthetic_tables(1_000, seed=3)
    return tables, event_frame(tables)


def _located(view):
    return int(view[["latitude", "longitude"]].notna().all(axis=1).sum())


def test_the_slide_of_many_events_draws_the_pages_grid_cells(big, basemap):
    tables, every = big
    view = select(every, tables, {}, {}).shown  # as the slide filters them (no background)
    assert len(view) > MAP_MAX_MARKS and map_as_cells(view)
    sites = reference_sites(tables["places"])
    markers, fitted, _ = map_marks(view, sites, basemap, 600, 500)
    # the cells, each event counted once: not a marker per type and place
    assert {"count", "size", "tip"} <= set(markers.columns)
    assert int(markers["count"].sum()) == _located(view)
    assert len(markers) < len(view) / 5
    assert float(markers["size"].iloc[0]) == map_cell_size(view)
    # the page's deck at the same size and view draws the same circles
    deck = build_map(view, sites, basemap, width=600, height=500, at=fitted)
    layer = next(layer for layer in deck.layers if layer.id == "event-cells")
    assert [row["radius_px"] for row in layer.data] == markers["radius_px"].tolist()

    figure, briefing = slide(every, tables, basemap, {}, show="map")
    kinds = [entry.kind for entry in briefing.legend]
    assert "cell" in kinds and not {"type", "halo", "count", "pending"} & set(kinds)
    assert f"{len(view):,} events as counts per {map_cell_size(view):g}° grid cell" in (
        briefing.map_line
    )
    grey = [
        c
        for c in figure.axes[0].collections
        if isinstance(c, PatchCollection)
        and len(c.get_facecolor())
        and list(c.get_facecolor()[0][:3]) == [v / 255 for v in CELL_FILL[:3]]
    ]
    assert len(grey) == 1 and len(grey[0].get_paths()) == len(markers)


def test_a_slide_of_few_events_says_they_are_single(big, basemap):
    tables, view = big
    few = view.head(MAP_MAX_MARKS)
    _, briefing = slide(few, tables, basemap, {}, show="both")
    assert briefing.map_line.startswith("Map: single events")
    assert "halo" in [entry.kind for entry in briefing.legend]
    _, timeline_only = slide(few, tables, basemap, {}, show="timeline")
    assert timeline_only.map_line == ""


def test_the_slides_arcs_stay_inside_the_basemap(big, basemap):
    tables, view = big
    # one movement's destination taken to Paris, as the 100,000-event store's arcs to Europe;
    # a movement of an event the slide shows (it leaves background events out), whichever the
    # synthetic draw puts first
    shown = set(select(view, tables, {}, {}).shown["event_id"])
    flows = tables["flows"]
    moved = flows.loc[flows["event_id"].isin(shown), "destination_place_id"].iloc[0]
    places = tables["places"].copy()
    paris = places["place_id"] == moved
    places.loc[paris, ["longitude", "latitude"]] = (2.35, 48.86)
    tables = {**tables, "places": places}
    bounds = basemap_bounds(basemap)
    west, south, east, north = bounds
    arcs = flow_arcs(tables["flows"], view, tables["places"], tables["articles"])

    def inside(frame):
        return (
            frame["from_lon"].between(west, east)
            & frame["to_lon"].between(west, east)
            & frame["from_lat"].between(south, north)
            & frame["to_lat"].between(south, north)
        )

    outside = int((~inside(arcs)).sum())
    assert outside > 0
    kept = arcs_within(arcs, bounds)
    assert len(kept) == len(arcs) - outside and inside(kept).all()
    assert arcs_within(arcs, None) is arcs

    sites = reference_sites(tables["places"])
    _, _, drawn = map_marks(view, sites, basemap, 600, 500, kept)
    assert not drawn.empty and inside(drawn).all()  # routes join mean ends: still inside

    _, briefing = slide(view, tables, basemap, {}, show="map")
    noun = "movement" if outside == 1 else "movements"
    assert f"{outside:,} {noun} to or from beyond the map not drawn." in briefing.map_line


def test_the_slide_says_its_arcs_are_the_busiest_routes_as_the_page_does(big, basemap):
    """With grid cells the map keeps only the MAX_ROUTES busiest routes (`route_arcs`); the page's
    caption says so, and so must the slide's map line (review finding, session 16)."""
    from dashboard.map_cells import MAX_ROUTES

    tables, every = big
    view = select(every, tables, {}, {}).shown
    arcs = flow_arcs(tables["flows"], view, tables["places"], tables["articles"])
    assert map_as_cells(view) and not arcs_within(arcs, basemap_bounds(basemap)).empty
    _, briefing = slide(every, tables, basemap, {}, show="map")
    assert f"at most the {MAX_ROUTES} busiest routes between cells" in briefing.map_line
    few = every.head(MAP_MAX_MARKS)
    _, single = slide(few, tables, basemap, {}, show="map")
    assert "busiest routes" not in single.map_line


def test_a_map_of_events_with_no_place_says_none_is_drawn(big):
    """Many events, none placed: the map draws nothing, and the line says why instead of
    'single events' (review finding, session 16)."""
    from dashboard.aggregate import map_line

    _, every = big
    unplaced = every.head(MAP_MAX_MARKS + 5).assign(latitude=None, longitude=None)
    assert map_line(unplaced) == "Map: none of these events has a known place, so none is drawn."
    placed = every.head(3)
    assert map_line(placed).startswith("Map: single events")


@pytest.mark.parametrize("size", ["slide", "a4"])
def test_the_slides_sources_end_at_a_whole_name_and_count_the_rest(big, basemap, size):
    """30 outlets do not fit the footer's three lines: it was cut at the third line in the
    middle of a name ('UN Office of the High Commissioner for Human'); it now ends after a
    whole name and says how many more."""
    tables, every = big
    figure, briefing = slide(every, tables, basemap, {"briefing": size}, show="both")
    outlets = list(briefing.outlets)
    assert len(outlets) == 30 and briefing.sources == "Sources: " + ", ".join(outlets)
    lines = [t.get_text() for t in figure.texts if t.get_fontsize() == 9]
    assert 1 <= len(lines) <= 3
    text = " ".join(lines)
    named, more = text.removeprefix("Sources: 30 outlets: ").rsplit(" and ", 1)
    names = named.split(", ")
    assert names == outlets[: len(names)] and more == f"{30 - len(names)} more"
