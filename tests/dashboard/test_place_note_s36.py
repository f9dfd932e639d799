"""Session 36 (hP26): a point the extractor borrowed from another sentence or from the
article's main place reads as approximate on the map: its marker's tooltip says so (geo
precision 2-3; the halo by precision is drawn as before), and the detail tells where the
point came from (events.place_note: tests/dashboard/test_app.py's hostile store)."""

from __future__ import annotations

from dashboard.mapview import spread_markers
from dashboard.views import event_frame
from etl.build import build_tables


def test_an_approximate_point_says_so_in_its_tooltip(mini):
    view = event_frame(build_tables(mini, extract=False))
    view["geo_precision"] = 1
    exact = spread_markers(view)["tip"].str.split("\n").str[0]
    assert not exact.str.contains("approximate").any()
    view.loc[0, "geo_precision"] = 2  # a town named in another sentence
    first = spread_markers(view)["tip"].str.split("\n").str[0]
    place = str(view.loc[0, "place"])
    assert first.str.contains(f"{place} (approximate)", regex=False).sum() == 1
    view.loc[0, "geo_precision"] = 3  # a country borrowed, or a province
    first = spread_markers(view)["tip"].str.split("\n").str[0]
    assert first.str.contains(f"{place} (approximate)", regex=False).sum() == 1


def test_a_borrowed_points_halo_is_its_reach(mini):
    view = event_frame(build_tables(mini, extract=False))
    view["geo_precision"] = 2
    halos = spread_markers(view)["spot_radius_m"]
    assert set(halos) == {12_000}  # precision 2, no reach given: as before
    view["radius_km"] = None
    view.loc[0, "radius_km"] = "50.0"  # the article's main place (a store keeps it as text)
    markers = spread_markers(view)
    place = (view.loc[0, "longitude"], view.loc[0, "latitude"])
    mine = markers[(markers["place_lon"] == place[0]) & (markers["place_lat"] == place[1])]
    assert set(mine["spot_radius_m"]) == {50_000}
    assert set(markers.drop(mine.index)["spot_radius_m"]) <= {12_000}
