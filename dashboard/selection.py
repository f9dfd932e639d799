"""Linked selection between the timeline and the map (pure: chart events in, ids out, and
figures/decks marked with what is selected).

Streamlit's chart selections are read-only and belong to one chart, so the page keeps its own
selection (event ids): a click or box on the timeline, or a click on a map marker, replaces it;
both charts are then drawn with it marked. The timeline dims what is not selected (Plotly's
`selectedpoints`); the map rings the selected markers in a layer of its own.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

import pandas as pd
import plotly.graph_objects as go
import pydeck as pdk

#: The map layer whose markers carry `event_ids` (dashboard.mapview).
EVENTS_LAYER = "events"
SELECTED_LAYER = "selected-events"
RING_COLOUR = [20, 20, 20, 255]


def _selection(state: Any) -> Mapping[str, Any]:
    if not state:
        return {}
    selection = state.get("selection") if hasattr(state, "get") else None
    return selection or {}


def ids_from_timeline(state: Any) -> list[str]:
    """Event ids of the marks picked on the timeline (click, box or lasso), in order, once."""
    ids: dict[str, None] = {}
    for point in _selection(state).get("points", []) or []:
        value = point.get("customdata")
        if isinstance(value, list | tuple):
            value = value[0] if value else None
        if isinstance(value, str) and value:
            ids[value] = None
    return list(ids)


def marker_key(marker: Mapping[str, Any]) -> str:
    """A map marker stands for the events of one type at one place, reviewed or not."""
    return f"{marker.get('place_id')}|{marker.get('event_type')}|{bool(marker.get('pending'))}"


def marker_events(view: pd.DataFrame) -> dict[str, list[str]]:
    """marker key -> the events behind that marker, for the events shown."""
    out: dict[str, list[str]] = {}
    pending = view["review_status"].eq("pending") if "review_status" in view else False
    # the four columns as lists, zipped (itertuples over the whole view: 3.6 s at 100,000)
    keyed = view[["place_id", "event_type", "event_id"]].assign(pending=pending)
    columns = (keyed[c].tolist() for c in ("place_id", "event_type", "pending", "event_id"))
    for place, event_type, waiting, event_id in zip(*columns):
        key = marker_key({"place_id": place, "event_type": event_type, "pending": waiting})
        out.setdefault(key, []).append(event_id)
    return out


def _marker_ids(marker: Mapping[str, Any], by_marker: Mapping[str, list[str]]) -> list[str]:
    return list(marker.get("event_ids") or by_marker.get(marker_key(marker), []))


def ids_from_map(state: Any, by_marker: Mapping[str, list[str]]) -> list[str]:
    """Event ids behind the markers picked on the map (a marker stands for every event of one
    type at one place: `by_marker` is marker_events(shown))."""
    objects = (_selection(state).get("objects") or {}).get(EVENTS_LAYER, []) or []
    ids: dict[str, None] = {}
    for marker in objects:
        for event_id in _marker_ids(marker, by_marker):
            ids[str(event_id)] = None
    return list(ids)


def still_shown(selected: Iterable[str], shown_ids: Iterable[str]) -> list[str]:
    """The selection less the events the filters now hide."""
    shown = set(shown_ids)
    return [i for i in selected if i in shown]


def mark_timeline(fig: go.Figure, selected: Iterable[str]) -> go.Figure:
    """The figure with the selected events' marks selected (the others dimmed); nothing is
    dimmed when nothing is selected."""
    chosen = set(selected)
    for trace in fig.data:
        ids = list(trace.customdata) if trace.customdata is not None else []
        ids = [i[0] if isinstance(i, list | tuple) else i for i in ids]
        trace.selectedpoints = [k for k, i in enumerate(ids) if i in chosen] if chosen else None
    if chosen:
        # the marks' labels fade with them (a bright label on a faded bar reads as chosen)
        fig.update_traces(
            unselected=dict(marker=dict(opacity=0.25), textfont=dict(color="#B8B8B8"))
        )
    return fig


def selected_markers(
    markers: Iterable[Mapping[str, Any]],
    selected: Iterable[str],
    by_marker: Mapping[str, list[str]],
) -> list[dict]:
    """The map's marker records that stand for a selected event."""
    chosen = set(selected)
    return [dict(m) for m in markers if chosen.intersection(_marker_ids(m, by_marker))]


def mark_map(
    deck: pdk.Deck, selected: Iterable[str], by_marker: Mapping[str, list[str]]
) -> pdk.Deck:
    """The deck with a dark ring around every marker that stands for a selected event."""
    chosen = list(selected)
    events = next((layer for layer in deck.layers if layer.id == EVENTS_LAYER), None)
    data = getattr(events, "data", None)
    records = data.to_dict("records") if hasattr(data, "to_dict") else data
    rings = selected_markers(records or [], chosen, by_marker) if chosen else []
    # the colours per record, as every circle layer's (`map_cells.per_row`: one vertex layout)
    rings = [{**ring, "ring": RING_COLOUR} for ring in rings]
    deck.layers.append(
        pdk.Layer(
            "ScatterplotLayer",
            rings,
            id=SELECTED_LAYER,
            get_position=["lon", "lat"],
            get_radius="radius_px + 4",
            radius_units="'pixels'",
            filled=False,
            stroked=True,
            get_fill_color="ring",
            get_line_color="ring",
            line_width_min_pixels=3,
            pickable=False,
        )
    )
    return deck
