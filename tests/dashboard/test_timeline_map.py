from __future__ import annotations

import html
import json
import math
import re

import pandas as pd
import pytest

from dashboard.briefing import filters_from_state
from dashboard.data import load_basemap
from dashboard.filters import apply_filters, filter_options
from dashboard.map_layout import COUNTRY_LETTER_PX, View, country_labels, features
from dashboard.mapview import NO_BASEMAP, build_map, reference_sites, spread_markers
from dashboard.palette import legend_colours
from dashboard.permalink import from_params
from dashboard.timeline import build_timeline
from dashboard.timeline_layout import day_ticks, lane_layout, pack_rows
from dashboard.views import event_frame
from etl.build import build_tables
from etl.schemas import AREAS
from etl.settings import ROOT


def _dates(*pairs):
    return (
        pd.Series([pd.Timestamp(s) for s, _ in pairs]),
        pd.Series([pd.Timestamp(e) for _, e in pairs]),
    )


@pytest.mark.parametrize(
    ("pairs", "rows"),
    [
        ([("2019-02-20", "2019-02-20"), ("2019-02-25", "2019-02-25")], [0, 0]),
        ([("2019-02-20", "2019-02-20"), ("2019-02-20", "2019-02-20")], [0, 1]),
        (
            [
                ("2019-02-01", "2019-02-28"),
                ("2019-02-20", "2019-02-20"),
                ("2019-03-04", "2019-03-04"),
            ],
            [0, 1, 0],
        ),
    ],
)
def test_pack_rows_never_overlaps(pairs, rows):
    assert pack_rows(*_dates(*pairs)) == rows


def test_lanes_follow_area_order(mini):
    view = event_frame(build_tables(mini, extract=False))
    y, bands = lane_layout(view, AREAS)
    assert list(bands) == ["Baghouz", "Idlib"]
    by_area = dict(zip(view["area"], y))
    assert by_area["Baghouz"] < by_area["Idlib"]


def test_timeline_traces_carry_event_ids_and_escaped_hover(mini):
    view = event_frame(build_tables(mini, extract=False))
    view.loc[0, "summary"] = "<b>bold</b> claim"
    fig = build_timeline(view, AREAS, "Title")
    ids = {i for trace in fig.data for i in trace.customdata}
    assert ids == set(view["event_id"])
    hover = " ".join(t for trace in fig.data for t in trace.hovertext)
    assert "&lt;b&gt;bold&lt;/b&gt; claim" in hover and "<b>bold</b> claim" not in hover
    assert list(fig.layout.yaxis.ticktext) == ["<b>Baghouz</b>", "<b>Idlib</b>"]


def test_timeline_legend_names_and_hover_show_data_as_text(mini):
    view = event_frame(build_tables(mini, extract=False))
    view["label"] = "<i>Shelling</i> &\n\n<b>x</b>"
    view.loc[0, "place"] = '<a href="javascript:alert(1)">Alpha</a>'
    fig = build_timeline(view, AREAS, "T")
    assert {t.name for t in fig.data} == {"&lt;i&gt;Shelling&lt;/i&gt; &amp; &lt;b&gt;x&lt;/b&gt;"}
    hover = " ".join(t for trace in fig.data for t in trace.hovertext)
    assert '&lt;a href="javascript:alert(1)"&gt;Alpha&lt;/a&gt;' in hover
    assert "<a " not in hover and "<i>" not in hover
    view["summary"] = "A long summary that goes on " * 8
    fig = build_timeline(view, AREAS, "T")
    lines = [
        html.unescape(re.sub(r"</?b>", "", line))
        for t in fig.data[0].hovertext
        for line in t.split("<br>")
    ]
    assert max(len(line) for line in lines) <= 80  # wrapped, not cut off at the chart's edge
    assert sum(line.startswith("A long summary") for line in lines) >= 1


def test_timeline_legend_lists_the_types_in_the_maps_order(project_tables):
    """The timeline's legend lists the types by label, as the map's legend under it and the
    slide's do (`palette.legend_colours`); it listed them as they first appear in the data
    (Deaths, Displacement, Killing of civilians, ... above the map's Airstrike, Bombing ...)."""
    view = event_frame(project_tables)
    view = view[~view["background"].astype(bool) & (view["review_status"] != "pending")]
    fig = build_timeline(view, AREAS, "T")
    entries = [(t.legendrank, i, t.name) for i, t in enumerate(fig.data) if t.showlegend]
    listed = [name for _, _, name in sorted(entries)]  # as Plotly orders them: rank, then trace
    mapped = [html.escape(label, quote=False) for _, label, _ in legend_colours(view)]
    assert listed == mapped and len(listed) >= 10
    drawn = [name for _, _, name in entries]  # the traces' own order: not the label order
    assert drawn != listed and sorted(drawn) == sorted(listed)


def test_map_tooltip_is_plain_text_one_line_per_event(mini):
    tables = build_tables(mini, extract=False)
    view = event_frame(tables)
    view.loc[0, "summary"] = "<b>Rockets</b>\nhit **Alpha**"
    deck = build_map(view, reference_sites(tables["places"]), None)
    assert deck._tooltip["text"] == "{tip}"  # deck.gl sets "text" tooltips as innerText
    assert "html" not in deck._tooltip
    tips = spread_markers(view)["tip"]
    first = tips[tips.str.contains("Rockets")].iloc[0]
    assert first.split("\n")[1] == "6 Jan 2020: <b>Rockets</b> hit **Alpha**"


def test_window_events_are_bars_and_day_events_are_markers(mini):
    view = event_frame(build_tables(mini, extract=False))
    view.loc[0, "date_end"] = view.loc[0, "date_start"] + pd.Timedelta(days=3)
    view.loc[0, "date_precision"] = "days"
    fig = build_timeline(view, AREAS, "T")
    kinds = {(trace.type, trace.customdata[0]) for trace in fig.data}
    assert ("bar", view.loc[0, "event_id"]) in kinds
    assert ("scatter", view.loc[1, "event_id"]) in kinds
    bar = next(t for t in fig.data if t.type == "bar")
    assert bar.x[0] == pytest.approx(4 * 86_400_000)  # a 4-day window drawn 4 days long


def test_empty_selection_gives_a_message_not_a_blank(mini):
    view = event_frame(build_tables(mini, extract=False)).iloc[0:0]
    fig = build_timeline(view, AREAS, "T")
    assert fig.layout.annotations[0].text == "No events match the filters"


def test_empty_timeline_draws_no_axes_s33(mini):
    """Session 33 (hD23): *Week* on a week with none of the chosen type drew Plotly's default
    axes under the title naming that week (-1 to 5 across, 0 to 4 up): numbers with no
    meaning. As sent to the browser, neither axis is drawn (as on the slide)."""
    from dashboard.screen_figure import screen_figure

    view = event_frame(build_tables(mini, extract=False)).iloc[0:0]
    window = (pd.Timestamp("2019-01-01"), pd.Timestamp("2019-01-07"))
    spec = screen_figure(build_timeline(view, AREAS, "T", window=window)).to_dict()
    assert spec["data"] == []
    assert spec["layout"]["xaxis"]["visible"] is False
    assert spec["layout"]["yaxis"]["visible"] is False


def test_map_has_no_network_basemap_by_default(mini):
    tables = build_tables(mini, extract=False)
    view = event_frame(tables)
    deck = build_map(
        view, reference_sites(tables["places"]), {"type": "FeatureCollection", "features": []}
    )
    spec = deck.to_json()
    assert NO_BASEMAP in spec and "cartocdn" not in spec and "mapbox://" not in spec
    ids = [layer.id for layer in deck.layers]
    assert {"basemap", "country-labels", "events", "site-labels"} <= set(ids)
    with_tiles = build_map(
        view, reference_sites(tables["places"]), None, "https://tiles.example/style.json"
    )
    assert with_tiles.map_style == "https://tiles.example/style.json"


def test_markers_group_by_place_and_type(mini):
    view = event_frame(build_tables(mini, extract=False))
    markers = spread_markers(pd.concat([view, view.iloc[[0]]], ignore_index=True))
    assert sorted(markers["count"].tolist()) == [1, 2]
    assert all(len(c) == 4 for c in markers["color"])
    assert "Rockets hit Alpha market" in " ".join(markers["tip"])


def test_unreviewed_events_are_drawn_hollow_and_say_so(mini):
    view = event_frame(build_tables(mini, extract=False))
    view.loc[0, "review_status"] = "pending"
    fig = build_timeline(view, AREAS, "T")
    symbols = {
        i: s
        for trace in fig.data
        if trace.type == "scatter" and trace.customdata is not None
        for i, s in zip(trace.customdata, trace.marker.symbol)
    }
    assert symbols[view.loc[0, "event_id"]] == "circle-open"
    assert symbols[view.loc[1, "event_id"]] == "circle"
    hover = " ".join(
        t for trace in fig.data if trace.hovertext is not None for t in trace.hovertext
    )
    assert hover.count("not yet reviewed") == 1


def test_unreviewed_events_get_their_own_hollow_marker(mini):
    view = event_frame(build_tables(mini, extract=False))
    both = pd.concat(
        [view.iloc[[0]], view.iloc[[0]].assign(review_status="pending")], ignore_index=True
    )
    markers = spread_markers(both)
    assert len(markers) == 2
    hollow = markers[markers["color"].map(lambda c: c == [255, 255, 255, 255])]
    assert len(hollow) == 1 and hollow.iloc[0]["line_color"] != [255, 255, 255, 255]


def test_an_event_without_a_place_goes_elsewhere_and_off_the_map(mini):
    tables = build_tables(mini, extract=False)
    tables = {
        **tables,
        "events": tables["events"].assign(
            place_id=lambda e: e["place_id"].where(e["event_key"] != "beta-convoy", None)
        ),
    }
    view = event_frame(tables)
    placeless = view.set_index("event_key").loc["beta-convoy"]
    assert (placeless["area"], placeless["place"]) == ("Elsewhere", "place unknown")
    only = view[view["event_key"] == "beta-convoy"]
    deck = build_map(only, reference_sites(tables["places"]), None)
    assert math.isfinite(deck.initial_view_state.latitude)
    assert spread_markers(only).empty
    fig = build_timeline(view, AREAS, "T")
    assert "Elsewhere" in "".join(fig.layout.yaxis.ticktext)


def test_country_names_cut_by_the_maps_edge_are_left_out(project_tables):
    """Reader at 1280 px, every event: the view is fitted close around Syria and a country's
    name falls a few px inside an edge (TURKEY's was drawn as 'EY'; with the map framed on
    the events shown, session 33, it is LEBANON's and PALESTINE's). Only names whole in view
    are sent."""
    basemap = load_basemap(ROOT / "data" / "geo" / "basemap.geojson")
    tables = project_tables
    view = event_frame(tables)
    options = filter_options(view, tables["outlets"], tables["actors"], AREAS)
    filters = filters_from_state(from_params({}, options), options)
    deck = build_map(apply_filters(view, filters), reference_sites(tables["places"]), basemap,
                     width=460)  # fmt: skip
    state = deck.initial_view_state
    fitted = View(state.longitude, state.latitude, state.zoom, 460, 520)
    sent = next(layer for layer in deck.layers if layer.id == "country-labels").data
    every = country_labels(features(basemap, "country"))

    def whole(label) -> bool:
        x, y = fitted.to_px(*label["position"])
        half = len(label["name"]) * COUNTRY_LETTER_PX / 2
        return half <= x <= fitted.width - half and 0 < y < fitted.height

    def seen(label) -> bool:  # some part of it on the map
        x, y = fitted.to_px(*label["position"])
        half = len(label["name"]) * COUNTRY_LETTER_PX / 2
        return -half < x < fitted.width + half and 0 < y < fitted.height

    cut = [lb["name"] for lb in every if seen(lb) and not whole(lb)]
    # the reviewer saw TURKEY cut; since markers keep only their own ring's room (the fit
    # of this view is tighter) IRAQ and LEBANON are the labels the edge cuts
    assert cut
    assert sent and all(whole(lb) for lb in sent)
    assert not {lb["name"] for lb in sent} & set(cut)
    assert "SYRIA" in {lb["name"] for lb in sent}


def test_map_does_not_take_the_page_scroll_and_stops_zooming_out_where_the_basemap_ends(mini):
    tables = build_tables(mini, extract=False)
    view = event_frame(tables)
    spec = json.loads(build_map(view, reference_sites(tables["places"]), None).to_json())
    (map_view,) = spec["views"]
    assert map_view["@@type"] == "MapView"
    # a wheel turned over the map scrolls the page; drag, double-click, pinch and keys still move it
    assert map_view["controller"]["scrollZoom"] is False
    assert map_view["controller"]["dragPan"] and map_view["controller"]["doubleClickZoom"]
    state = spec["initialViewState"]
    assert state["minZoom"] == pytest.approx(max(0.0, state["zoom"] - 1.5))
    assert state["minZoom"] < state["zoom"]


@pytest.mark.parametrize("days", [1, 7])
def test_a_short_axis_has_one_tick_a_day_so_day_labels_do_not_repeat(mini, days):
    """A Day or Week window: Plotly's own ticks fell every 12 hours, labelled by the day
    ('31 Dec', '31 Dec', '01 Jan', '01 Jan'); now one at each midnight of the axis."""
    view = event_frame(build_tables(mini, extract=False))
    first = view["date_start"].min()
    window = (first, first + pd.Timedelta(days=days - 1))
    shown = view[view["date_start"].between(*window)]
    axis = build_timeline(shown, AREAS, "T", window=window).layout.xaxis
    assert axis.dtick == 86_400_000
    assert pd.Timestamp(axis.tick0) == (first - pd.Timedelta(days=1)).normalize()
    # a long axis keeps Plotly's own ticks (a tick a day would crowd it)
    assert day_ticks((first, first + pd.Timedelta(days=63))) == {}


def test_hover_counts_sources_in_words_s33(mini):
    """Session 33 (hD23): the timeline's hover said "1 independent source(s)" where the detail
    beside it said "Single source"; now "1 independent source", "2 independent sources"."""
    view = event_frame(build_tables(mini, extract=False))
    fig = build_timeline(view, AREAS, "T")
    hovers = [h for trace in fig.data for h in (trace.hovertext or ())]
    counted = dict(zip(view["event_id"], view["independent_sources"]))
    assert hovers and not any("source(s)" in h for h in hovers)
    for trace in fig.data:
        for event_id, hover in zip(trace.customdata or (), trace.hovertext or ()):
            n = int(counted[event_id])
            assert f"· {n} independent source{'' if n == 1 else 's'}" in hover
