"""Evacuation flows as arcs: one per event's movement between two places, with its ends, count
and sources; in the deck the reader sees, under the markers."""

from __future__ import annotations

import datetime as dt
import json

import numpy as np
import pandas as pd
import pytest

from dashboard.map_flows import (
    FLOW_COLOUR,
    FLOW_LEGEND,
    FLOWS_LAYER,
    LAND_RGB,
    WIDTH_NO_COUNT_PX,
    flow_arcs,
    flow_layer,
    flows_not_drawn,
    width_for,
)
from dashboard.mapview import BASEMAP_STYLE, build_map, reference_sites
from dashboard.palette import TYPE_COLOURS
from dashboard.views import event_frame
from etl.ids import event_id


@pytest.fixture(scope="module")
def arcs(project_tables):
    t = project_tables
    return flow_arcs(t["flows"], t["events"], t["places"], t["articles"])


def test_one_arc_per_drawn_flow_with_its_ends_and_count(arcs, project_tables):
    places = project_tables["places"].set_index("place_id")
    camps = event_id("curated", "civilians-moved-to-camps-2019-02")
    # five curated flows: two reports of one movement to the camps (one arc), detention,
    # Al-Hol; the reception area is at the Baghouz point itself, so it has no arc to draw
    assert len(arcs) == 3
    assert set(arcs["destination"]) == {"ne_syria_camps", "sdf_held_northeast", "al_hol"}
    row = arcs.set_index("event_id").loc[camps]
    assert (row["from_lon"], row["from_lat"]) == (
        places.at["baghouz_tent_camp", "longitude"],
        places.at["baghouz_tent_camp", "latitude"],
    )
    assert (row["to_lon"], row["to_lat"]) == (
        places.at["ne_syria_camps", "longitude"],
        places.at["ne_syria_camps", "latitude"],
    )
    assert row["count"] == 15000.0
    assert row["sources"] == "Agence France-Presse, CBC News"
    assert row["tip"].splitlines() == [
        "Moved: Baghouz tent camp (last IS-held pocket) → Camps for the displaced in north-east "
        "Syria",
        "How many: 15,000 people (“an estimated 15,000 people”)",
        "Sources: Agence France-Presse, CBC News",
    ]
    alhol = arcs.set_index("destination").loc["al_hol"]
    assert pd.isna(alhol["count"]) and alhol["width_px"] == WIDTH_NO_COUNT_PX
    assert alhol["sources"] == "Agence France-Presse"


def test_the_flow_with_both_ends_at_one_point_is_named_not_lost(project_tables):
    t = project_tables
    # the reception area is only said to be "outside" Baghouz: it shares the village's point
    assert flows_not_drawn(t["flows"], t["events"], t["places"]) == [
        "Baghouz tent camp (last IS-held pocket) → Reception area and civilian collection point "
        "outside Baghouz (both ends at one map point)"
    ]
    places = t["places"].copy()
    places.loc[places["place_id"] == "al_hol", ["latitude", "longitude"]] = float("nan")
    lines = flows_not_drawn(t["flows"], t["events"], places)
    assert len(lines) == 2 and lines[1].endswith("(a place without coordinates)")
    assert "Al-Hol" in lines[1]
    assert flows_not_drawn(t["flows"], t["events"].iloc[0:0], t["places"]) == []


def test_only_the_flows_of_events_shown(project_tables):
    t = project_tables
    alhol = event_id("curated", "al-hol-deaths-2019-01-02")
    shown = t["events"][t["events"]["event_id"] == alhol]
    arcs = flow_arcs(t["flows"], shown, t["places"], t["articles"])
    assert arcs["destination"].tolist() == ["al_hol"]
    assert flow_arcs(t["flows"], shown.iloc[0:0], t["places"], t["articles"]).empty


def test_width_grows_with_the_count_and_is_capped():
    assert width_for(None) == width_for(float("nan")) == WIDTH_NO_COUNT_PX
    assert width_for(10) == pytest.approx(3.0)
    assert width_for(15_000) > width_for(1_000) > width_for(10)
    assert width_for(10_000_000) == 9.0


def test_tooltip_is_plain_text_on_lines(project_tables):
    """An outlet name with markup or newlines stays text, on its line."""
    t = project_tables
    articles = t["articles"].assign(outlet="<b>Evil</b>\nNews")
    arcs = flow_arcs(t["flows"], t["events"], t["places"], articles)
    tip = arcs.set_index("destination").at["al_hol", "tip"]
    assert tip.splitlines()[-1] == "Sources: <b>Evil</b> News"


def test_the_layer_draws_each_route_as_a_chain_of_pieces_in_the_evacuation_colour(arcs):
    """Each route a curve of points made on the server (deck.gl's ArcLayer cost two thirds of
    software WebGL's work at a click), drawn as its straight pieces from the origin to the
    destination, fading in from the land's colour to the Evacuation blue, each piece
    answering the pointer with the route's tooltip; only what the page draws and shows is
    sent."""
    layer = json.loads(flow_layer(arcs).to_json())
    assert layer["@@type"] == "LineLayer" and layer["id"] == FLOWS_LAYER and layer["pickable"]
    assert TYPE_COLOURS["evacuation"] == FLOW_COLOUR
    # k of the Okabe-Ito blue (as the markers), the rest the basemap's land
    assert layer["getColor"] == (
        "@@=[0 * k + 242 * (1 - k), 114 * k + 239 * (1 - k), 178 * k + 233 * (1 - k), 255]"
    )
    assert list(LAND_RGB) == BASEMAP_STYLE["country"][0][:3]
    assert "NaN" not in flow_layer(arcs).to_json()
    pieces = layer["data"]
    assert len(pieces) % len(arcs) == 0 and len(pieces) // len(arcs) > 2
    per_route = len(pieces) // len(arcs)
    for k, arc in enumerate(arcs.itertuples()):
        route = pieces[k * per_route : (k + 1) * per_route]
        assert all(set(p) == {"s", "t", "k", "w", "tip"} for p in route)
        assert route[0]["s"] == pytest.approx([arc.from_lon, arc.from_lat], abs=1e-5)
        assert route[-1]["t"] == pytest.approx([arc.to_lon, arc.to_lat], abs=1e-5)
        shares = [p["k"] for p in route]
        assert shares == sorted(shares) and shares[0] < shares[-1] == 1.0
        assert {p["w"] for p in route} == {arc.width_px} and {p["tip"] for p in route} == {arc.tip}


def test_the_map_draws_the_arcs_under_the_markers(arcs, project_tables):
    t = project_tables
    view, sites = event_frame(t), reference_sites(t["places"])
    ids = [layer.id for layer in build_map(view, sites, None, arcs=arcs).layers]
    assert ids.index("uncertainty") < ids.index(FLOWS_LAYER) < ids.index("events")
    assert FLOWS_LAYER not in [layer.id for layer in build_map(view, sites, None).layers]


def test_the_briefing_map_draws_each_arc_with_an_arrow_to_its_destination(arcs, project_tables):
    from matplotlib.figure import Figure
    from matplotlib.patches import FancyArrowPatch

    from dashboard.export_map import draw_map

    t = project_tables
    ax = Figure(figsize=(8, 5)).add_axes((0, 0, 1, 1))
    view = draw_map(ax, event_frame(t), reference_sites(t["places"]), None, 768, 480, arcs)
    drawn = [p for p in ax.patches if isinstance(p, FancyArrowPatch)]
    assert len(drawn) == len(arcs) == 3
    ends = {tuple(round(v, 3) for v in p._posA_posB[1]) for p in drawn}
    expected = {
        tuple(round(v, 3) for v in view.to_px(a.to_lon, a.to_lat)) for a in arcs.itertuples()
    }
    assert ends == expected
    assert all(p.get_edgecolor()[:3] == pytest.approx((0, 114 / 255, 178 / 255)) for p in drawn)


def test_the_briefing_legend_has_the_arc_only_when_a_map_with_flows_is_shown(project_tables):
    from dashboard.export import slide

    t = project_tables
    _, both = slide(event_frame(t), t, None, {}, show="both")
    assert both.legend[-1].kind == "flow" and both.legend[-1].label == FLOW_LEGEND
    _, timeline = slide(event_frame(t), t, None, {}, show="timeline")
    assert "flow" not in [e.kind for e in timeline.legend]
    _, idlib = slide(event_frame(t), t, None, {"areas": "Idlib"}, show="map")
    assert "flow" not in [e.kind for e in idlib.legend]


@pytest.fixture(scope="module")
def synthetic():
    from etl.synthetic import synthetic_tables

    tables = synthetic_tables(6_000, seed=11)
    return tables, event_frame(tables)


def _reference_arcs(flows, shown, places, articles) -> dict:
    """The arcs by a plain loop over every report: (event, origin, destination) -> (count,
    count_text, sources) for the movements with both ends placed apart."""
    where = places.drop_duplicates("place_id").set_index("place_id")
    outlet = dict(zip(articles["article_id"], articles["outlet"]))
    wanted, found = set(shown["event_id"]), {}
    for report in flows.itertuples(index=False):
        ends = (report.origin_place_id, report.destination_place_id)
        if report.event_id not in wanted or not all(e in where.index for e in ends):
            continue
        (o_lon, o_lat), (d_lon, d_lat) = (where.loc[e, ["longitude", "latitude"]] for e in ends)
        if abs(o_lon - d_lon) < 1e-4 and abs(o_lat - d_lat) < 1e-4:
            continue
        arc = found.setdefault((report.event_id, *ends), {"best": None, "names": set()})
        arc["names"].add(outlet.get(report.article_id, report.article_id))
        low = report.count_low
        if not pd.isna(low) and (arc["best"] is None or low > arc["best"].count_low):
            arc["best"] = report
    return {
        key: (
            None if arc["best"] is None else float(arc["best"].count_low),
            ", ".join(sorted(arc["names"])),
        )
        for key, arc in found.items()
    }


def test_the_builds_arcs_taken_per_filter_are_the_arcs_of_the_events_shown(synthetic):
    from dashboard.derived import Derived, Source
    from dashboard.filters import Filters

    tables, view = synthetic
    source = Source(view, tables, None, ("Baghouz", "Al-Hol", "Idlib", "Elsewhere"))
    for shown in (view, view.sample(frac=0.3, random_state=2), view.head(50), view.iloc[0:0]):
        direct = flow_arcs(tables["flows"], shown, tables["places"], tables["articles"])
        page = Derived(source, Filters(dt.date(1900, 1, 1), dt.date(2100, 1, 1)))
        # the filter's result, given: the events' positions in the view
        page.__dict__["rows"] = np.sort(view.index.get_indexer(shown.index))
        pd.testing.assert_frame_equal(page.arcs, direct)
        assert page.not_drawn == flows_not_drawn(tables["flows"], shown, tables["places"])
        expected = _reference_arcs(tables["flows"], shown, tables["places"], tables["articles"])
        got = {
            (a.event_id, a.origin, a.destination): (
                None if pd.isna(a.count) else a.count,
                a.sources,
            )
            for a in direct.itertuples(index=False)
        }
        assert got == expected
        assert len(shown) < 100 or len(direct) > 10
