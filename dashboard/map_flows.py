"""Evacuation flows on the map: an arc from where people were moved from to where they were
taken, as wide as the count the articles give, with the count and the sources in its tooltip.

Pure: the store's flows, places and articles and the events the filters show in, arcs (and a
pydeck layer) out. A flow on the map is one event's movement between two places; when several
articles report it, their sources are listed together and the largest count is drawn.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import pandas as pd
import pydeck as pdk

from dashboard.columns import among
from dashboard.flow_paths import route_pieces, shares
from dashboard.palette import TYPE_COLOURS, rgb
from dashboard.text import plain_text

FLOWS_LAYER = "flows"
#: The Evacuation type's colour, so an arc reads as a movement like the convoy markers.
FLOW_COLOUR = TYPE_COLOURS["evacuation"]
#: The legend's words for an arc.
FLOW_LEGEND = "Arc: people moved from one place to another (wider: larger count)"
#: Arc width in pixels: a flow with no count is thin; 10 people 3 px ... 100,000 people 9 px.
WIDTH_NO_COUNT_PX = 2.0
WIDTH_MAX_PX = 9.0
#: Ends closer than this (degrees) are one point: no arc can be drawn between them.
SAME_POINT_DEG = 1e-4

ARC_COLUMNS = [
    "event_id",
    "origin",
    "destination",
    "from_lon",
    "from_lat",
    "to_lon",
    "to_lat",
    "count",
    "count_text",
    "sources",
    "width_px",
    "tip",
]


def width_for(count: float | None) -> float:
    """The arc's width for a count (pixels): log-scaled, so 15,000 is not 1,000 times 15."""
    if count is None or pd.isna(count) or count <= 0:
        return WIDTH_NO_COUNT_PX
    return min(WIDTH_MAX_PX, 1.0 + 1.6 * math.log10(max(count, 1.0)) + 0.4)


def _count_text(low: float, high: float, unit: str, raw: str) -> str:
    if pd.isna(low):
        return "count not given"
    number = f"{low:,.0f}" if pd.isna(high) or high == low else f"{low:,.0f} to {high:,.0f}"
    return f"{number} {unit} (“{raw}”)"


KEYS = ["event_id", "origin_place_id", "destination_place_id"]
COUNT_COLUMNS = ("count_low", "count_high", "count_unit", "count_raw")


@dataclass(frozen=True)
class Movements:
    """Every movement of a set of flows, made once (per build, for the reader's page):
    `arcs`, the drawable ones ready to draw (`ARC_COLUMNS`, in order of first report), and
    `not_drawn`, the others in words (`event_id`, `line`). A movement belongs to one event,
    so the arcs of the events a filter shows are these rows of theirs (`of_shown`)."""

    arcs: pd.DataFrame
    not_drawn: pd.DataFrame


def of_shown(frame: pd.DataFrame, shown: pd.DataFrame) -> pd.DataFrame:
    """The rows of `frame` whose `event_id` is one of the events `shown`, in their order."""
    if frame.empty or shown.empty:
        return frame.iloc[0:0]
    ids = shown["event_id"]
    # the shown events that have a row (hashing the few ids of `frame`, not every shown one)
    wanted = ids[among(ids, frame["event_id"].unique())]
    return frame[among(frame["event_id"], wanted)].reset_index(drop=True)


def movements(flows: pd.DataFrame, places: pd.DataFrame, articles: pd.DataFrame) -> Movements:
    """The movements of `flows` (both ends in `places`; sources named from `articles`)."""
    none = Movements(pd.DataFrame(columns=ARC_COLUMNS), pd.DataFrame(columns=["event_id", "line"]))
    if flows is None or flows.empty:
        return none
    where = places.drop_duplicates("place_id").set_index("place_id")
    placed = among(flows["origin_place_id"], where.index)
    on = flows[placed & among(flows["destination_place_id"], where.index)]
    if on.empty:
        return none
    on = on.reset_index(drop=True)
    arc_of = on.groupby(KEYS, sort=False).ngroup().to_numpy()  # in order of first report
    arcs = on.loc[~on.duplicated(KEYS), KEYS].reset_index(drop=True)
    for end, column in (("o", "origin_place_id"), ("d", "destination_place_id")):
        at = where.index.get_indexer(arcs[column])
        for axis in ("longitude", "latitude", "name"):
            arcs[f"{end}_{axis}"] = where[axis].to_numpy()[at]
    ends = arcs[["o_longitude", "o_latitude", "d_longitude", "d_latitude"]].astype(float)
    same = ((ends["o_longitude"] - ends["d_longitude"]).abs() < SAME_POINT_DEG) & (
        (ends["o_latitude"] - ends["d_latitude"]).abs() < SAME_POINT_DEG
    )
    unplaced = ends.isna().any(axis=1).to_numpy()
    drawable = ~(unplaced | same.to_numpy())
    lines = [
        f"{plain_text(o)} → {plain_text(d)} ("
        + ("a place without coordinates" if lost else "both ends at one map point")
        + ")"
        for o, d, lost in zip(
            arcs["o_name"][~drawable], arcs["d_name"][~drawable], unplaced[~drawable]
        )
    ]
    not_drawn = pd.DataFrame({"event_id": arcs["event_id"][~drawable].tolist(), "line": lines})
    drawn = _ready(on, arc_of, arcs, drawable, articles)
    return Movements(drawn if drawn is not None else none.arcs, not_drawn)


def _ready(on, arc_of, arcs, drawable, articles) -> pd.DataFrame | None:
    """The drawable arcs with their count (the report with the largest low bound, the first
    on a tie), sources (every outlet that reported the movement), width and tooltip."""
    if not drawable.any():
        return None
    # the best-counted report of each arc: largest low bound, then the first
    counted = pd.DataFrame({"arc": arc_of, "low": on["count_low"].astype(float)})
    counted = counted[counted["low"].notna()]
    order = np.lexsort((np.arange(len(counted)), -counted["low"].to_numpy()))
    best = counted.iloc[order].drop_duplicates("arc")
    n = len(arcs)
    pick = np.full(n, -1)
    pick[best["arc"].to_numpy()] = best.index.to_numpy()
    has = pick >= 0
    count_columns = {}
    for name in COUNT_COLUMNS:
        values = on[name].to_numpy(dtype=object)[np.where(has, pick, 0)]
        values[~has] = None
        count_columns[name] = values
    # each arc's sources: its reports' outlets (the article id when unknown), sorted, joined
    outlet = articles.drop_duplicates("article_id").set_index("article_id")["outlet"]
    named = on["article_id"].map(outlet)
    named = named.where(among(on["article_id"], outlet.index), on["article_id"])
    shown_names = {name: plain_text(name) for name in named.unique()}
    reports = pd.DataFrame({"arc": arc_of, "name": named.map(shown_names).to_numpy()})
    reports = reports.drop_duplicates().sort_values(["arc", "name"])
    listed: list[list[str]] = [[] for _ in range(n)]
    for arc, name in zip(reports["arc"].tolist(), reports["name"].tolist()):
        listed[arc].append(name)
    sources = np.array([", ".join(names) or None for names in listed], dtype=object)
    keep = np.flatnonzero(drawable)
    drawn = arcs.iloc[keep].reset_index(drop=True)
    low = count_columns["count_low"][keep]
    given = ~pd.isna(pd.Series(low, dtype=object)).to_numpy()
    counts = [float(v) if g else None for v, g in zip(low.tolist(), given.tolist())]
    keyed = zip(*(count_columns[c][keep].tolist() for c in COUNT_COLUMNS))
    count_text = _memo(lambda key: _count_text(*key))  # counts repeat: each written once
    texts = [count_text(key) if g else "count not given" for key, g in zip(keyed, given)]
    plain = _memo(plain_text)  # place names and counts repeat: each made plain once
    named_by = sources[keep]
    tips = [
        f"Moved: {plain(o)} → {plain(d)}\nHow many: {plain(t)}\nSources: {n}"
        for o, d, t, n in zip(drawn["o_name"].tolist(), drawn["d_name"].tolist(), texts, named_by)
    ]
    width = _memo(width_for)
    values = {
        "event_id": drawn["event_id"].tolist(),
        "origin": drawn["origin_place_id"].tolist(),
        "destination": drawn["destination_place_id"].tolist(),
        "from_lon": drawn["o_longitude"].tolist(),
        "from_lat": drawn["o_latitude"].tolist(),
        "to_lon": drawn["d_longitude"].tolist(),
        "to_lat": drawn["d_latitude"].tolist(),
        "count": counts,
        "count_text": texts,
        "sources": named_by.tolist(),
        "width_px": [width(c) for c in counts],
        "tip": tips,
    }
    # built from rows, as one row per arc always was (the columns' types as before)
    return pd.DataFrame(list(zip(*values.values())), columns=ARC_COLUMNS)


def flows_not_drawn(flows: pd.DataFrame, shown: pd.DataFrame, places: pd.DataFrame) -> list[str]:
    """In words, each movement of a shown event that the map cannot draw as an arc: its two
    ends share one point (a site only said to be "outside" a village) or one has no
    coordinates. The page lists them under the map so no reported movement goes missing."""
    if flows is None or flows.empty or shown.empty:
        return []
    found = movements(
        of_shown(flows, shown), places, pd.DataFrame(columns=["article_id", "outlet"])
    )
    return found.not_drawn["line"].tolist()


def flow_arcs(
    flows: pd.DataFrame, shown: pd.DataFrame, places: pd.DataFrame, articles: pd.DataFrame
) -> pd.DataFrame:
    """One row per flow of an event shown whose two ends are placed apart, ready to draw.

    Several reports of one movement (same event, origin and destination) are one arc: its
    count is the report with the largest low bound (the first on a tie), its sources every
    outlet that reported it. Column operations, not a loop per flow (100,000 events: 19.5 s
    as a loop)."""
    if flows is None or flows.empty or shown.empty:
        return pd.DataFrame(columns=ARC_COLUMNS)
    return movements(of_shown(flows, shown), places, articles).arcs


def arcs_within(arcs: pd.DataFrame | None, bounds) -> pd.DataFrame | None:
    """The arcs whose two ends lie inside `bounds` (west, south, east, north in degrees: the
    basemap's extent, `map_layout.basemap_bounds`; None keeps every arc). An arc to a place
    beyond the basemap ran off the slide's map into blank page; the slide says how many
    were left out."""
    if arcs is None or arcs.empty or bounds is None:
        return arcs
    west, south, east, north = bounds
    lons = arcs[["from_lon", "to_lon"]].to_numpy(dtype=float)
    lats = arcs[["from_lat", "to_lat"]].to_numpy(dtype=float)
    inside = ((lons >= west) & (lons <= east) & (lats >= south) & (lats <= north)).all(axis=1)
    return arcs[inside].reset_index(drop=True)


def _memo(function):
    """`function` remembering its answer per argument (for one call of flow_arcs)."""
    known: dict = {}

    def remembered(value):
        if value not in known:
            known[value] = function(value)
        return known[value]

    return remembered


#: What the page's layer sends per piece of a route: its two ends, its share of the colour
#: (`flow_paths.shares`), the route's width and tooltip (the rest of `ARC_COLUMNS` is the
#: server's: ends, counts and sources are in the tooltip's words).
PIECE_COLUMNS = ["s", "t", "k", "w", "tip"]
#: An arc's two ends, as `flow_paths.route_pieces` takes them.
ROUTE_ENDS = ["from_lon", "from_lat", "to_lon", "to_lat"]
#: The basemap's land (`mapview.BASEMAP_STYLE`'s country fill), which a route fades from.
LAND_RGB = (242, 239, 233)


def flow_layer(arcs: pd.DataFrame) -> pdk.Layer:
    """The routes, in the Evacuation colour fading in from the origin, their tooltip shown on
    hover: each curve made here as points (`dashboard.flow_paths`, the bulge deck.gl's
    `ArcLayer` drew) and drawn as its straight pieces in a `LineLayer`, opaque, the fade a
    mix with the land's colour. In software WebGL (SwiftShader) a filter click that took an
    `ArcLayer` or a `PathLayer` away cost the GPU process about 0.3 CPU-s more than one
    taking a `LineLayer` away (issue 10, sessions 18-19). A piece is not highlighted on
    hover (one twelfth of a route lit reads as a flaw)."""
    starts, ends = route_pieces(*(arcs[c].to_numpy(dtype=float) for c in ROUTE_ENDS))
    cue = shares()
    widths = np.repeat(arcs["width_px"].astype(float).to_numpy(), len(cue)).tolist()
    tips = np.repeat(arcs["tip"].to_numpy(dtype=object), len(cue)).tolist()
    pieces = pd.DataFrame(
        list(zip(starts, ends, cue * len(arcs), widths, tips)), columns=PIECE_COLUMNS
    )
    colour = ", ".join(
        f"{mine} * k + {land} * (1 - k)" for mine, land in zip(rgb(FLOW_COLOUR)[:3], LAND_RGB)
    )
    return pdk.Layer(
        "LineLayer",
        pieces,
        id=FLOWS_LAYER,
        get_source_position="s",
        get_target_position="t",
        get_color=f"[{colour}, 255]",  # k of the Evacuation blue, the rest the land's
        get_width="w",
        width_units="'pixels'",
        pickable=True,
    )
