from __future__ import annotations

import itertools
import math

import pandas as pd
import pytest

from dashboard.map_layout import (
    MAX_ZOOM,
    SITE_LABEL_PX,
    fit_view,
    framed_sites,
    map_view,
    reference_sites,
)
from dashboard.map_markers import at_zoom, layout_markers, spread_markers
from dashboard.mapview import build_map
from dashboard.palette import TYPE_COLOURS, rgb
from dashboard.views import event_frame


@pytest.fixture
def project(project_tables):
    view = event_frame(project_tables)
    shown = view[~view["background"] & view["review_status"].ne("pending")]
    return shown, reference_sites(project_tables["places"])


def test_fit_view_puts_points_inside_the_padding():
    view = fit_view([36.6, 40.9, 41.0], [35.9, 34.5, 36.4], 800, 500, (30, 20, 150, 10))
    for lon, lat in [(36.6, 35.9), (40.9, 34.5), (41.0, 36.4)]:
        x, y = view.to_px(lon, lat)
        assert 30 - 1e-6 <= x <= 800 - 150 + 1e-6
        assert 20 - 1e-6 <= y <= 500 - 10 + 1e-6
    # one of the two directions is tight (the zoom is the largest that fits)
    xs = [view.to_px(lon, 35)[0] for lon in (36.6, 41.0)]
    ys = [view.to_px(38, lat)[1] for lat in (34.5, 36.4)]
    assert math.isclose(xs[0], 30, abs_tol=0.5) or math.isclose(ys[0], 20, abs_tol=0.5)


@pytest.mark.parametrize(("width", "height"), [(520, 520), (844, 520), (1200, 900), (700, 1000)])
def test_every_event_shows_every_reference_site_with_its_label(project, width, height):
    view, sites = project
    fitted = map_view(spread_markers(view), sites, width, height)
    assert len(sites) == 3
    for lon, lat in zip(sites["longitude"], sites["latitude"]):
        x, y = fitted.to_px(lon, lat)
        assert 0 < x < width - SITE_LABEL_PX + 1 and 0 < y < height  # the label fits too


@pytest.mark.parametrize(("width", "height"), [(460, 520), (844, 520), (1200, 900)])
@pytest.mark.parametrize("area", ["Idlib", "Baghouz", "Al-Hol"])
def test_one_area_is_framed_on_its_own_with_its_site(project, area, width, height):
    """Session 33: the briefer's Idlib-only map kept Baghouz and Al-Hol in frame, Idlib's
    markers at its left edge and the rest a slide of empty desert. The view of one area's
    events is centred on them, its own site and label whole, the others' left out."""
    view, sites = project
    shown = view[view["area"] == area]
    fitted = map_view(spread_markers(shown), sites, width, height)
    site = sites[sites["area"] == area].iloc[0]
    x, y = fitted.to_px(site["longitude"], site["latitude"])
    assert 0 < x < width - SITE_LABEL_PX + 1 and 0 < y < height
    # the events' middle is near the map's middle: within a quarter of its size
    mx, my = fitted.to_px(shown["longitude"].mean(), shown["latitude"].mean())
    assert abs(mx - width / 2) < width / 4 and abs(my - height / 2) < height / 4
    for _, other in sites[sites["area"] != area].iterrows():
        ox, oy = fitted.to_px(other["longitude"], other["latitude"])
        assert not (0 < ox < width and 0 < oy < height), other["label"]
    assert fitted.zoom == MAX_ZOOM  # a few spots close together: the least extent


def test_a_lone_event_far_from_every_site_keeps_the_nearest_one_in_frame(project):
    """One event at Palmyra (no site within half a degree): its map still names a place,
    the nearest site, and fits both; the sites farther away do not widen it."""
    view, sites = project
    one = view.head(1).assign(place_lon=38.27, place_lat=34.56, longitude=38.27, latitude=34.56)
    markers = spread_markers(one)
    assert list(framed_sites(markers, sites)["label"]) == ["Idlib"]
    fitted = map_view(markers, sites, 844, 520)
    for lon, lat in [(38.27, 34.56), (36.63393, 35.93062)]:
        x, y = fitted.to_px(lon, lat)
        assert 0 < x < 844 and 0 < y < 520
    ax, ay = fitted.to_px(41.14861, 36.37556)  # Al-Hol
    assert not (0 < ax < 844 and 0 < ay < 520)


@pytest.mark.parametrize("width", [520, 844, 1280])
def test_every_marker_and_its_halo_stays_inside_the_map(project, width):
    view, sites = project
    markers = spread_markers(view)
    fitted = map_view(markers, sites, width, 520)
    placed = at_zoom(markers, fitted.zoom)
    for _, m in placed.iterrows():
        x, y = fitted.to_px(m["lon"], m["lat"])
        r = m["radius_px"]
        assert r <= x <= width - r and r <= y <= 520 - r, m["place_id"]
        halo = min(70, m["radius_m"] / fitted.metres_per_px())
        hx, hy = fitted.to_px(m["place_lon"], m["place_lat"])
        assert halo <= hx <= width - halo and halo <= hy <= 520 - halo


def test_types_at_one_spot_are_all_visible_with_their_counts(project):
    view, sites = project
    spot = view[view["place_id"] == "baghouz"]
    types = set(spot["event_type"])
    assert len(types) >= 5  # Baghouz holds many types at one point
    markers = spread_markers(spot)
    assert set(markers["event_type"]) == types
    assert markers["count"].sum() == len(spot)
    assert list(markers["count_text"]) == [str(c) for c in markers["count"]]
    fitted = map_view(markers, sites, 844, 520)
    placed = at_zoom(markers, fitted.zoom)
    for (_, a), (_, b) in itertools.combinations(placed.iterrows(), 2):
        ax, ay = fitted.to_px(a["lon"], a["lat"])
        bx, by = fitted.to_px(b["lon"], b["lat"])
        assert math.hypot(ax - bx, ay - by) >= a["radius_px"] + b["radius_px"] - 0.5


def test_markers_take_the_palette_colour_with_a_readable_count(project):
    view, _ = project
    view = view.assign(colour="#123456")  # whatever the store says, the palette decides
    markers = spread_markers(view)
    for _, m in markers.iterrows():
        assert m["color"] == rgb(TYPE_COLOURS[m["event_type"]])
    deaths = markers[markers["event_type"] == "deaths"].iloc[0]
    assert deaths["text_color"] == [255, 255, 255, 255]


def test_the_deck_has_a_tooltip_that_stays_inside_and_counts_on_every_marker(project):
    view, sites = project
    deck = build_map(view, sites, None)
    assert deck._tooltip["text"] == "{tip}"  # set as text, never HTML
    counts = next(layer for layer in deck.layers if layer.id == "event-counts")
    assert len(counts.data) == len(spread_markers(view))


def test_pending_markers_are_hollow_in_their_type_colour(project):
    view, _ = project
    one = pd.concat([view.head(1), view.head(1).assign(review_status="pending")])
    markers = spread_markers(one)
    hollow = markers[markers["pending"]].iloc[0]
    assert hollow["color"] == [255, 255, 255, 255]
    assert hollow["line_color"] == rgb(TYPE_COLOURS[hollow["event_type"]])


def test_two_places_at_one_point_share_a_ring_so_neither_hides_the_other(project):
    # the case: a Displacement (NE Syria camps) exactly under a Detention (SDF-held NE)
    view, sites = project
    both = view[view["place_id"].isin(["ne_syria_camps", "sdf_held_northeast"])]
    assert both[["latitude", "longitude"]].drop_duplicates().shape[0] == 1
    assert {"displacement", "detention"} <= set(both["event_type"])
    markers = spread_markers(both)
    assert markers["spot"].nunique() == 1
    assert set(markers["event_type"]) == set(both["event_type"])
    fitted = map_view(markers, sites, 844, 520)
    placed = at_zoom(markers, fitted.zoom)
    points = [fitted.to_px(lon, lat) for lon, lat in zip(placed["lon"], placed["lat"])]
    for (a, ra), (b, rb) in itertools.combinations(zip(points, placed["radius_px"]), 2):
        assert math.hypot(a[0] - b[0], a[1] - b[1]) >= ra + rb - 0.5


def test_a_marker_lists_the_events_a_click_selects_across_places_at_one_spot(project):
    view, _ = project
    spot = view[view["place_id"].isin(["baghouz", "baghouz_tent_camp"])]
    markers = spread_markers(spot)
    assert markers["spot"].nunique() == 1  # the tent camp is drawn at Baghouz itself
    listed = [i for ids in markers["event_ids"] for i in ids]
    assert sorted(listed) == sorted(spot["event_id"])


@pytest.mark.parametrize(("width", "height"), [(520, 520), (844, 520), (600, 400)])
def test_no_marker_hides_another_anywhere_on_the_map(project, width, height):
    # Idlib city, Khan Sheikhun and the Idlib region are apart in degrees but touch on a
    # country-wide map: their spots join one ring there
    view, sites = project
    markers, fitted = layout_markers(view, sites, width, height)
    assert markers["count"].sum() == view[["latitude", "longitude"]].notna().all(axis=1).sum()
    points = [fitted.to_px(lon, lat) for lon, lat in zip(markers["lon"], markers["lat"])]
    for (a, ra), (b, rb) in itertools.combinations(zip(points, markers["radius_px"]), 2):
        assert math.hypot(a[0] - b[0], a[1] - b[1]) >= ra + rb - 0.5
    for (x, y), r in zip(points, markers["radius_px"]):
        assert r <= x <= width - r and r <= y <= height - r


def test_spots_far_apart_keep_their_own_rings(project):
    view, sites = project
    markers, fitted = layout_markers(view, sites, 844, 520)
    rings = set(markers["spot"])
    assert len(rings) >= 5  # Baghouz, Al-Hol, Idlib, central Syria, Iraq ... stay apart
    joined = spread_markers(view, 12.0, join=True)  # close up, nothing needs joining
    assert set(joined["spot"]) == set(spread_markers(view)["spot"])


@pytest.mark.parametrize("width", [440, 680])
def test_the_tooltip_fits_the_room_beside_the_outermost_markers(project, width):
    from dashboard.mapview import free_sides, tooltip_for

    view, sites = project
    markers, fitted = layout_markers(view, sites, width, 520)
    left, right = free_sides(markers, fitted)
    xs = [fitted.to_px(lon, lat)[0] for lon, lat in zip(markers["lon"], markers["lat"])]
    assert (left, right) == (min(xs), width - max(xs))
    style = tooltip_for(left, right)["style"]
    box = int(style["maxWidth"].removesuffix("px"))
    share = int(style["translate"].split("%")[0].removeprefix("-")) / 100
    assert 160 <= box <= 260
    # the westmost marker's tooltip opens share*box to its left, the eastmost's the rest right
    assert share * box <= left + 2 and (1 - share) * box <= right + 2
    assert build_map(view, sites, None, width=width)._tooltip["style"] == style


def test_the_tooltip_of_a_cramped_view_is_never_narrower_than_160():
    from dashboard.mapview import tooltip_for

    assert tooltip_for(10, 20)["style"]["maxWidth"] == "160px"
    assert tooltip_for(400, 400)["style"]["maxWidth"] == "260px"
    assert tooltip_for(50, 150)["style"]["translate"] == "-25% 14px"
