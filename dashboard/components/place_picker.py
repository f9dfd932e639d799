"""Correcting an event's place: the gazetteers' candidates for the article's spelling, a
search over every gazetteer, or a point picked on a map (or typed)."""

from __future__ import annotations

import hashlib
import logging
import sqlite3
from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import Any

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from dashboard.picking import RADII_KM, centre_of, landmarks, picked_point, picker_figure
from dashboard.place_choice import (
    PlaceChoice,
    candidates_frame,
    rank_candidates,
    teach_by_default,
)
from dashboard.review_items import dateline_places
from dashboard.text import markdown_text
from etl.build import analyst_places
from etl.corrections import curated_place_rows, nearby_points, spellings
from etl.inbox import Snapshot
from etl.place_rename import name_variants
from etl.places.geonames import GeoNamesIndex
from etl.places.place_search import Candidate, find_places
from etl.tables import Tables

LOG = logging.getLogger("dashboard")
Point = tuple[float, float, str]


@st.cache_resource(show_spinner="Opening the GeoNames gazetteer (built once, about 12 s)…")
def _geonames() -> GeoNamesIndex | None:
    try:
        return GeoNamesIndex.open()
    except (OSError, sqlite3.Error, ValueError) as error:
        LOG.warning("GeoNames not available: %s", error)
        return None


def search_places(
    name: str, tables: Tables, snapshot: Snapshot, near: Sequence[tuple[float, float]]
) -> list[Candidate]:
    """Every place `name` (or its other spellings of 'al-') may mean, best first."""
    analysts, curated, geonames = analyst_places(snapshot), curated_place_rows(tables), _geonames()
    found = [
        c
        for variant in name_variants(name)
        for c in find_places(variant, analysts, curated, geonames, near)
    ]
    return rank_candidates(found)


def _key(event_id: str) -> Callable[[str], str]:
    return lambda name: f"place_{name}_{event_id}"


def _changed(k: Callable[[str], str], source: str, value: object) -> bool:
    """Whether a source of the place (a table, the map, the inputs) gave a new value since
    the last run: the latest change is the analyst's choice."""
    key = k("seen_" + source)
    changed = value is not None and st.session_state.get(key) != value
    st.session_state[key] = value
    return changed


def _candidate_table(
    found: list[Candidate], k: Callable[[str], str], table: str, typed: str
) -> None:
    """Candidates to choose from; `typed` is the spelling they were found by (the analysts'
    gazetteer learns it with the place chosen)."""
    state = st.dataframe(
        candidates_frame(found),
        hide_index=True,
        width="stretch",
        key=k(table),
        on_select="rerun",
        selection_mode="single-row",
    )
    rows = [i for i in state.selection.rows if i < len(found)]
    chosen = found[rows[0]] if rows else None
    if _changed(k, table, chosen):
        st.session_state[k("choice")] = PlaceChoice(candidate=chosen, name=typed.strip() or None)
    st.caption("Choose a row to put the event there.")


def _map_tab(
    k: Callable[[str], str],
    known: pd.DataFrame,
    basemap: dict[str, Any] | None,
    places: list[Point],
    start: str,
) -> None:
    clicked = picked_point(st.session_state.get(k("map")))
    if _changed(k, "map", clicked):  # before the inputs are drawn, so they show the click
        st.session_state[k("lat")], st.session_state[k("lon")] = clicked
    radius = st.segmented_control(
        "Area shown", RADII_KM, default=50, format_func=lambda r: f"±{r} km", key=k("radius")
    )
    lat, lon = st.session_state.get(k("lat")), st.session_state.get(k("lon"))
    picked = (lat, lon) if lat is not None and lon is not None else None
    centre = centre_of(picked, *((p[0], p[1]) for p in places))
    radius = radius or 50
    st.plotly_chart(
        _figure(k, centre, radius, basemap, places, picked, landmarks(known, centre, radius)),
        key=k("map"),
        on_select="rerun",
        selection_mode="points",
        config={"scrollZoom": True, "displaylogo": False, "displayModeBar": False},
    )
    cols = st.columns([1, 1, 2])
    for axis in ("lat", "lon"):
        st.session_state.setdefault(k(axis), None)  # empty until picked or typed
    typed = {"format": "%.5f", "step": 0.001}
    lat = cols[0].number_input("Latitude", -90.0, 90.0, key=k("lat"), **typed)
    lon = cols[1].number_input("Longitude", -180.0, 180.0, key=k("lon"), **typed)
    name = cols[2].text_input("Name of the place", value=start, key=k("name")).strip() or None
    point = (lat, lon, name) if lat is not None and lon is not None else None
    if _changed(k, "point", point):
        st.session_state[k("choice")] = PlaceChoice(name=name, latitude=lat, longitude=lon)
    st.caption(
        "Click a faint dot on the map (hover shows its coordinates; a smaller area gives a "
        "finer grid around the point picked), or type the latitude and longitude: the map "
        "shows the point. Blue dots: the current place, the candidates and the article's "
        "other places. Scroll to zoom, drag to pan."
    )


def _figure(k: Callable[[str], str], centre, radius, basemap, places, picked, known) -> go.Figure:
    """`picker_figure`, made again only when what it shows changed: kept in the session per
    picker (an Accept's two runs, the click's and its rerun, each built it again from its
    5,570 points, 0.17 s of the run's 0.9 s; Plotly checks every point). The basemap is kept
    with the key, so its id names it while the figure is kept."""
    key = (centre, radius, id(basemap), tuple(places), picked, tuple(known))
    kept = st.session_state.get(k("figure"))
    if kept is None or kept[0] != key:
        kept = (key, picker_figure(centre, radius, basemap, places, picked, known), basemap)
        st.session_state[k("figure")] = kept
    return kept[1]


def _places_to_show(
    current: Point | None,
    found: list[Candidate],
    near: list[tuple[float, float]],
    dateline: list[Candidate],
) -> list[Point]:
    """What the picking map shows, in the order its centre is chosen from."""
    places = [(*current[:2], f"now: {current[2]}")] if current else []
    places += [(c.latitude, c.longitude, c.name) for c in found[:5]]
    places += [(lat, lon, "another event of the article") for lat, lon in near[:5]]
    places += [(c.latitude, c.longitude, f"dateline: {c.name}") for c in dateline[:1]]
    return places


def render_place_picker(
    tables: Tables,
    snapshot: Snapshot,
    basemap: dict[str, Any] | None,
    event_id: str,
    current: Point | None,
    single: bool = True,
) -> PlaceChoice | None:
    """The ways to a place, and the one chosen last (None: keep the place). `single`: one
    event (its spelling's candidates, and the offer to teach the gazetteer that spelling);
    else several events edited together (a key of their own as `event_id`)."""
    k = _key(event_id)
    seen, near = spellings(tables, event_id), nearby_points(tables, event_id)
    found = rank_candidates(c for name in seen for c in search_places(name, tables, snapshot, near))
    start = seen[0] if seen else ""
    names = ["Candidates", "Search the gazetteer", "Pick on the map"][0 if single else 1 :]
    tabs = st.tabs(names)
    if single:
        with tabs[0]:
            _candidates_tab(k, seen, found, current)
    with tabs[-2]:
        query, results = _search_tab(k, tables, snapshot, near, start)
    with tabs[-1]:
        dateline = [c for town in dateline_places(tables, event_id)
                    for c in search_places(town, tables, snapshot, near)]  # fmt: skip
        shown = _places_to_show(current, found or results, near, dateline)
        _map_tab(k, tables["places"], basemap, shown, start or query)
    return _chosen(k, seen, single)


def _candidates_tab(
    k: Callable[[str], str], seen: list[str], found: list[Candidate], current: Point | None
) -> None:
    start = seen[0] if seen else ""
    if found:
        shown = ", ".join(f"“{s}”" for s in seen)
        st.caption(f"Places the gazetteers know as {markdown_text(shown)}:")
        _candidate_table(found, k, "candidates", start)
    elif seen:
        st.caption(
            f"No gazetteer knows “{markdown_text(start)}”: search another spelling "
            "or pick the point on the map."
        )
    elif current is not None:  # "names no place" beside an event shown placed: a contradiction
        st.caption(
            f"The sentence names no place itself: the extractor placed the event at "
            f"{markdown_text(current[2])} from the sentences around it. To move it, search the "
            "gazetteer or pick the point on the map."
        )
    else:
        st.caption(
            "The sentence names no place the extractor could read: search the "
            "gazetteer or pick the point on the map."
        )


def _search_tab(
    k: Callable[[str], str],
    tables: Tables,
    snapshot: Snapshot,
    near: list[tuple[float, float]],
    start: str,
) -> tuple[str, list[Candidate]]:
    query = st.text_input(
        "Place name",
        value=start,
        key=k("query"),
        help="Analysts' places, the curated gazetteer and GeoNames; "
        "'al-' is also tried as 'ash-', 'el-', ... and left out.",
    )
    results = search_places(query, tables, snapshot, near) if query.strip() else []
    if results:
        _candidate_table(results, k, "results", query)
    elif query.strip():
        st.caption(
            "No place of that name in the gazetteers: try another spelling, or "
            "pick it on the map and name it."
        )
    return query, results


def _chosen(k: Callable[[str], str], seen: list[str], teaching: bool) -> PlaceChoice | None:
    """The place chosen last, and whether the articles' spellings should teach it."""
    choice = st.session_state.get(k("choice"))
    if not isinstance(choice, PlaceChoice):
        return None
    cols = st.columns([5, 1], vertical_alignment="center")
    cols[0].markdown("**New place:** " + markdown_text(choice.line()))
    cols[1].button("Undo", key=k("undo"), on_click=st.session_state.pop, args=(k("choice"), None))
    spelled = [s for s in seen if s] or ([choice.name] if choice.name else [])
    if not (spelled and teaching):
        return replace(choice, teach=teaching and choice.teach)
    names = markdown_text(" / ".join(f"“{s}”" for s in spelled))  # spellings come from articles
    teach = st.checkbox(
        f"Teach the gazetteer: {names} means this place (later batches naming it are placed here)",
        value=teach_by_default(seen, choice),
        key=k("teach_" + hashlib.sha256(choice.line().encode()).hexdigest()[:10]),
        help="Leave it off when the sentence names one place but the event happened at "
        "another: the name would otherwise be read as this place in every later article.",
    )
    return replace(choice, teach=teach)
