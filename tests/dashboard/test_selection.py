"""Linked selection: chart events to event ids, and both charts marked with the selection."""

from __future__ import annotations

from dashboard.mapview import build_map, reference_sites
from dashboard.selection import (
    SELECTED_LAYER,
    ids_from_map,
    ids_from_timeline,
    mark_map,
    mark_timeline,
    marker_events,
    marker_key,
    still_shown,
)
from dashboard.timeline import build_timeline
from dashboard.views import event_frame
from etl.schemas import AREAS


def test_timeline_points_and_boxes_give_event_ids_once_in_order():
    state = {
        "selection": {
            "points": [
                {"customdata": "ev_b", "x": 1},
                {"customdata": ["ev_a"]},
                {"customdata": "ev_b"},
                {"x": 3},  # a mark without an id (a label) selects nothing
            ],
            "box": [{"x": [0, 1]}],
        }
    }
    assert ids_from_timeline(state) == ["ev_b", "ev_a"]
    assert ids_from_timeline({"selection": {"points": []}}) == []  # a click on empty space
    assert ids_from_timeline(None) == []


def test_a_map_marker_stands_for_every_event_of_its_type_at_its_place():
    by_marker = {"baghouz|airstrike|False": ["ev_1", "ev_2"]}
    state = {
        "selection": {
            "indices": {"events": [0, 1]},
            "objects": {
                "events": [
                    {"place_id": "baghouz", "event_type": "airstrike", "pending": False},
                    {"event_ids": ["ev_9"]},
                ],
                "sites": [{"event_ids": ["not an event layer"]}],
            },
        }
    }
    assert ids_from_map(state, by_marker) == ["ev_1", "ev_2", "ev_9"]
    assert ids_from_map({"selection": {"indices": {}, "objects": {}}}, by_marker) == []


def test_the_selection_keeps_only_events_still_shown():
    assert still_shown(["a", "b", "c"], ["c", "a"]) == ["a", "c"]


def test_both_charts_mark_the_same_events(project_tables):
    view = event_frame(project_tables)
    shown = view[~view["background"] & (view["review_status"] != "pending")].reset_index(drop=True)
    by_marker = marker_events(shown)
    # a place with two events of one type: the marker's events
    key, ids = next((k, v) for k, v in by_marker.items() if len(v) >= 2)
    fig = mark_timeline(build_timeline(shown, AREAS, "t"), ids[:1])
    marked = [
        trace.customdata[i]
        for trace in fig.data
        if trace.selectedpoints is not None
        for i in trace.selectedpoints
    ]
    assert marked == ids[:1]
    deck = mark_map(build_map(shown, reference_sites(project_tables["places"]), None), ids[:1],
                    by_marker)  # fmt: skip
    rings = next(layer for layer in deck.layers if layer.id == SELECTED_LAYER)
    assert [marker_key(m) for m in rings.data] == [key]
    # nothing selected: nothing dimmed, no ring
    plain = mark_timeline(build_timeline(shown, AREAS, "t"), [])
    assert all(trace.selectedpoints is None for trace in plain.data)
    bare = mark_map(build_map(shown, reference_sites(project_tables["places"]), None), [],
                    by_marker)  # fmt: skip
    assert next(layer for layer in bare.layers if layer.id == SELECTED_LAYER).data == []
