"""Putting an event at the right place: spellings, candidates, the picking grid (pure)."""

from __future__ import annotations

import json

import pytest

from dashboard.picking import GRID_CELLS, centre_of, grid, picked_point, picker_figure
from dashboard.place_choice import (
    PlaceChoice,
    candidates_frame,
    moved_summary,
    rank_candidates,
    teach_by_default,
)
from etl.place_rename import name_variants, same_name, summary_for_place
from etl.places.geonames import haversine_km
from etl.places.place_search import Candidate


@pytest.mark.parametrize(
    ("name", "variants"),
    [
        ("Jisr al-Shughur", ["Jisr al-Shughur", "Jisr el-Shughur", "Jisr ash-Shughur",
                             "Jisr esh-Shughur", "Jisr Shughur"]),
        ("al-Bab", ["al-Bab", "el-Bab", "Bab"]),  # b is a moon letter: no assimilation
        ("Deir ez-Zor", ["Deir ez-Zor", "Deir al-Zor", "Deir el-Zor", "Deir az-Zor", "Deir Zor"]),
        ("Manbij", ["Manbij"]),
        ("  ", []),
    ],
)  # fmt: skip
def test_name_variants(name, variants):
    assert name_variants(name) == variants


def cand(name, lat, lon, place_id=None, km=None, population=None):
    return Candidate(name, lat, lon, "SY", "curated" if place_id else "GeoNames 1", place_id,
                     population, km)  # fmt: skip


def test_rank_candidates_project_places_first_then_near_and_populous():
    found = [cand("Far big", 30, 30, km=900, population=10**6), cand("Near", 35, 36, km=12),
             cand("Curated", 34, 40, place_id="c1"), cand("Near big", 35.1, 36, km=40, population=5000),
             cand("Near", 35, 36, km=12)]  # fmt: skip
    assert [c.name for c in rank_candidates(found)] == ["Curated", "Near big", "Near", "Far big"]
    frame = candidates_frame(rank_candidates(found))
    assert frame.columns.tolist()[:3] == ["name", "country", "from"]
    assert frame["km from the article's other places"].tolist() == ["", "40", "12", "900"]
    # GeoNames' ISO code and the curated gazetteer's name read alike; unknown numbers blank
    assert set(frame["country"]) == {"Syria"}
    assert frame["population"].tolist() == ["", "5,000", "", "1,000,000"]


@pytest.mark.parametrize(("lat", "radius"), [(35.8, 2), (35.8, 50), (0.0, 200), (70.0, 10)])
def test_grid_reaches_the_radius_each_way(lat, radius):
    points = grid((lat, 36.3), radius)
    assert len(points) == GRID_CELLS**2
    north = points["latitude"].max()
    assert haversine_km((lat, 36.3), (north, 36.3)) == pytest.approx(radius, rel=0.01)
    east = points["longitude"].max()
    assert haversine_km((lat, 36.3), (lat, east)) == pytest.approx(radius, rel=0.02)


@pytest.mark.parametrize(
    ("selection", "point"),
    [
        (None, None),
        ({"selection": {"points": []}}, None),
        (  # as Streamlit reports a click (customdata of a typed array comes as a dict)
            {
                "selection": {
                    "points": [
                        {
                            "curve_number": 0,
                            "x": 36.79,
                            "y": 35.98,
                            "customdata": {"0": 35.98, "1": 36.79},
                        }
                    ]
                }
            },
            (35.98, 36.79),
        ),
        ({"selection": {"points": [{"customdata": "ev_1"}]}}, None),
        ({"selection": {"points": [{"x": "a", "y": 1}, {"x": 36.3, "y": 35.8}]}}, (35.8, 36.3)),
        ({"selection": {"points": [{"x": 500, "y": 35.8}]}}, None),
    ],
)
def test_picked_point(selection, point):
    assert picked_point(selection) == point


def test_picker_figure_has_a_clickable_grid_and_escaped_labels():
    basemap = {
        "features": [
            {
                "properties": {"layer": "country"},
                "geometry": {
                    "type": "MultiPolygon",
                    "coordinates": [[[[35, 35], [37, 35], [37, 37], [35, 35]]]],
                },
            }
        ]
    }
    fig = picker_figure((35.8, 36.3), 10, basemap, [(35.8, 36.3, "<b>Jisr</b>")], (35.7, 36.2))
    names = [t.name for t in fig.data]
    assert names == ["country", "grid", "places", "picked"]
    grid_trace = fig.data[1]
    assert len(grid_trace.customdata) == GRID_CELLS**2
    assert list(fig.data[2].text) == ["&lt;b&gt;Jisr&lt;/b&gt;"]
    assert json.loads(fig.to_json())["layout"]["yaxis"]["scaleanchor"] == "x"


def test_choice_lines_and_centre():
    c = cand("Jisr ash Shughūr", 35.81418, 36.31983, km=3.4)
    assert PlaceChoice(candidate=c).line() == (
        "Jisr ash Shughūr (Syria, GeoNames 1) at 35.81418, 36.31983, 3 km from the article's "
        "other places")  # fmt: skip
    assert PlaceChoice(name=None, latitude=1, longitude=2).line() == (
        "a picked point at 1.00000, 2.00000")  # fmt: skip
    assert centre_of(None, (1.0, 2.0)) == (1.0, 2.0)
    assert centre_of(None, None) == (35.0, 38.5)


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [("Jisr al-Shughur", "Jisr ash Shughūr", True), ("Idlib", "Baghouz", False),
     ("al-Bab", "Bab", True), ("Deir ez-Zor", "Deir al-Zour", False)],
)  # fmt: skip
def test_same_name(a, b, same):
    assert same_name(a, b) is same


POINT = PlaceChoice(name="Jisr al-Shughur", latitude=35.8, longitude=36.3)


@pytest.mark.parametrize(
    ("spellings", "choice", "teach"),
    [
        (["Jisr al-Shughur"], PlaceChoice(candidate=cand("Jisr ash Shughūr", 35.8, 36.3)), True),
        (["Idlib"], PlaceChoice(candidate=cand("Baghouz", 34.5, 40.9, place_id="baghouz")), False),
        ([], PlaceChoice(candidate=cand("Baghouz", 34.5, 40.9, place_id="baghouz")), True),
        (["Jisr al-Shughur"], POINT, True),  # a point named as the sentence names it
        (["Idlib"], POINT, False),
    ],
)  # fmt: skip
def test_teach_by_default(spellings, choice, teach):
    assert teach_by_default(spellings, choice) is teach


def test_a_moved_event_s_summary_names_the_new_place():
    moved = summary_for_place(
        "Air strikes by US-led coalition on Al-Hol camp: at least 12 killed (SOHR)",
        ["Al-Hol camp"],
        "Baghouz",
    )
    assert moved == "Air strikes by US-led coalition on Baghouz: at least 12 killed (SOHR)"
    # as the article wrote it, in any case; the longest spelling first
    assert (
        summary_for_place("Shelling of KHAN SHEIKHUN: 7 killed", ["Khan", "Khan Sheikhun"], "Ariha")
        == "Shelling of Ariha: 7 killed"
    )
    # whole names only: 'Al-Hol campus' is another word
    assert summary_for_place("From Al-Hol campus", ["Al-Hol camp"], "Hasakah") is None


def test_a_place_confirmed_or_unnamed_leaves_the_summary():
    # the same place under GeoNames' spelling: the article's spelling stays
    assert (
        summary_for_place("Shelling of Jisr al-Shughur", ["Jisr al-Shughur"], "Jisr ash Shughūr")
        is None
    )
    assert summary_for_place("Shelling of Idlib", ["Idlib"], None) is None  # a point, no name
    assert summary_for_place("Shelling of Idlib", [], "Ariha") is None
    assert summary_for_place("Shelling near the river", ["Idlib"], "Ariha") is None


def test_a_moved_summary_from_the_event_s_place_to_the_choice():
    """The decision's pure part (moved from the Streamlit component, session 30 hR19): the
    summary names the chosen place when the event moves, not when its point stays."""
    summary = "Shelling of Jisr al-Shughur: 7 killed"
    now = (35.81418, 36.31983, "Jisr ash Shughūr")
    idlib = PlaceChoice(candidate=cand("Idlib", 35.93, 36.63))
    # moved: the article's spelling of the old place gives way to the gazetteer's new name
    assert moved_summary(summary, now, idlib, ["Jisr al-Shughur"]) == "Shelling of Idlib: 7 killed"
    # ... and the old place's own name when the article's spelling is not known
    assert moved_summary("Shelling of Jisr ash Shughūr", now, idlib, []) == "Shelling of Idlib"
    # the same point confirmed (to 5 decimals), under any name: left as it is
    same = PlaceChoice(candidate=cand("Jisr al-Shughur", 35.814181, 36.319834))
    assert moved_summary(summary, now, same, ["Jisr al-Shughur"]) is None
    # a point picked without a name names nothing; a named point names its name
    assert moved_summary(summary, now, PlaceChoice(latitude=35.9, longitude=36.6), []) is None
    named = PlaceChoice(name="Kafr Nabl", latitude=35.61, longitude=36.56)
    assert (
        moved_summary(summary, now, named, ["Jisr al-Shughur"]) == "Shelling of Kafr Nabl: 7 killed"
    )
    # only the spellings given are looked for: the summary spells it otherwise than the place
    assert moved_summary(summary, now, named, []) is None
    # an event with no place yet: only the article's spellings are looked for
    assert moved_summary(summary, None, idlib, ["Jisr al-Shughur"]) == "Shelling of Idlib: 7 killed"


def test_the_picker_is_sent_the_basemap_near_it_only():
    """Session 33: the whole basemap (16,700 points, 345 KB) went with every review rerun.
    A feature reaching within four windows of the centre is sent whole (a country's ring cut
    would fill wrongly); one beyond is not; a large radius reaches further."""
    from dashboard.picking import BASEMAP_AROUND, basemap_box

    def ring(west, south, size=0.5):
        return [[[west, south], [west + size, south], [west + size, south + size], [west, south]]]

    basemap = {
        "features": [
            {"properties": {"layer": "lake"}, "geometry": {"type": "Polygon", "coordinates": c}}
            for c in (ring(36.5, 35.8), ring(40.0, 35.8), ring(48.0, 35.8))
        ]
    }
    box = basemap_box((36.0, 36.7), 50)
    reach = 50 * 1.08 / 111.32 * BASEMAP_AROUND  # degrees of latitude
    assert box[1] == pytest.approx(36.0 - reach) and box[3] == pytest.approx(36.0 + reach)
    near = picker_figure((36.0, 36.7), 50, basemap)
    lake = next(t for t in near.data if t.name == "lake")
    assert [x for x in lake.x if x is not None] == [36.5, 37.0, 37.0, 36.5]  # the near one, whole
    wide = picker_figure((36.0, 36.7), 200, basemap)
    lake = next(t for t in wide.data if t.name == "lake")
    assert {x for x in lake.x if x is not None} == {36.5, 37.0, 40.0, 40.5}  # not 48


def test_the_picker_shows_every_country_panned_or_zoomed_out_s34():
    """Session 33 sent the picker the basemap within four of its windows only; panned or
    zoomed out past them (Plotly's *Zoom out* six times: the whole region) it showed the
    sea's colour where the countries not sent were. Every country is sent: the near ones
    whole, the far ones a point in FAR_STEP (their land, coarse); far lakes, rivers and
    governorates are not (checked in headless Chromium: /tmp/hD24/picker_coarse_zoomout.png)."""
    from dashboard.picking import FAR_STEP

    def ring(west, south, size=0.5, points=4):
        side = [[west + size * k / points, south] for k in range(points)]
        return [[*side, [west + size, south + size], [west, south + size], side[0]]]

    def feature(layer, coordinates):
        return {"properties": {"layer": layer},
                "geometry": {"type": "Polygon", "coordinates": coordinates}}  # fmt: skip

    near, far = ring(36.5, 35.8, points=16), ring(48.0, 35.8, points=16)
    basemap = {"features": [feature("country", near), feature("country", far),
                            feature("lake", ring(48.0, 30.0))]}  # fmt: skip
    figure = picker_figure((36.0, 36.7), 50, basemap)
    country = next(t for t in figure.data if t.name == "country")
    xs = list(country.x)
    cut = xs.index(None)
    assert xs[:cut] == [p[0] for p in near[0]]  # the near one whole
    sent_far = xs[cut + 1 : -1]
    assert sent_far[0] == sent_far[-1] == 48.0  # the far one closed
    assert len(sent_far) == len(far[0][:-1:FAR_STEP]) + 1 < len(far[0])  # and coarse
    assert "lake" not in {t.name for t in figure.data}  # a far lake is not sent
    assert figure.layout.xaxis.minallowed is None  # free to pan and zoom out


def test_close_places_labels_are_not_written_over_each_other_s34():
    """The walk's picker (Maarat al-Numan, ±50 km) wrote 'now: Ma'arrat an Nu'mān' over
    the gazetteer's 'Ma'arrat al Nu'mān' 3 km away, and 'Kafrūya' over 'al Fu'ah'."""
    from dashboard.picking import label_positions

    centre = (35.648, 36.677)
    places = [(35.648, 36.677, "now: Ma'arrat an Nu'mān")]
    known = [(35.65, 36.70, "Ma'arrat al Nu'mān"), (35.2, 36.2, "Khan Sheikhun")]
    at_place, at_known = label_positions([places, known], centre, 50)
    assert at_place == ["top center"]  # the first placed keeps the usual spot
    assert at_known[0] != "top center"  # the close one moves
    assert at_known[1] == "top center"  # a lone one does not
    figure = picker_figure(centre, 50, None, places, known=known)
    by_name = {t.name: t for t in figure.data}
    assert list(by_name["known"].textposition) == at_known
    assert list(by_name["places"].textposition) == at_place


def test_a_crowded_label_takes_the_spot_least_covered_s34():
    """Saraqib's picker (±50 km): Kafriya's every spot meets al-Fu'ah's or Idlib's label; it
    was written over al-Fu'ah's, now beside them (the spot least covered)."""
    from dashboard.picking import label_positions

    centre = (35.86447, 36.80591)
    known = [(35.93062, 36.63393, "Idlib"), (35.98167, 36.70167, "al-Fu'ah"),
             (35.98972, 36.6775, "Kafriya")]  # fmt: skip
    (at_known,) = label_positions([known], centre, 50)
    assert at_known[:2] == ["top center", "top center"] and at_known[2] != "top center"
