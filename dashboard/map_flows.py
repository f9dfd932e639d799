"""Evacuation flows on the map: an arc from where people were moved from to where they were
taken, as wide as the count the articles give, with the count and the sources in its tooltip.

Pure: the store's flows, places and articles and the events the filters show in, arcs (and a
pydeck layer) out. A flow on the map is one event's movement between two places; when several
articles report it, their sources are listed together and the largest count is drawn.
"""

from __future__ import annotations

import math

import pandas as pd
import pydeck as pdk

from dashboard.columns import among
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


def _movements(flows: pd.DataFrame, shown: pd.DataFrame, places: pd.DataFrame):
    """The reports of shown events' flows (`on`) and one row per movement (`arcs`) with both
    ends' coordinates and names, and `drawable`: False where an end has no coordinates or the
    two ends are one point. None when there is nothing to draw."""
    if flows is None or flows.empty or shown.empty:
        return None
    where = places.drop_duplicates("place_id").set_index("place_id")
    on = flows[among(flows["event_id"], shown["event_id"])]  # Arrow's isin: 2.9 s -> 0.03
    on = on[on["origin_place_id"].isin(where.index) & on["destination_place_id"].isin(where.index)]
    if on.empty:
        return None
    on = on.reset_index(drop=True)
    arcs = on.drop_duplicates(KEYS)[KEYS].reset_index(drop=True)  # in order of first report
    for end, column in (("o", "origin_place_id"), ("d", "destination_place_id")):
        for axis in ("longitude", "latitude", "name"):
            arcs[f"{end}_{axis}"] = arcs[column].map(where[axis]).to_numpy()
    ends = arcs[["o_longitude", "o_latitude", "d_longitude", "d_latitude"]].astype(float)
    same = ((ends["o_longitude"] - ends["d_longitude"]).abs() < SAME_POINT_DEG) & (
        (ends["o_latitude"] - ends["d_latitude"]).abs() < SAME_POINT_DEG
    )
    arcs["unplaced"] = ends.isna().any(axis=1).to_numpy()
    arcs["drawable"] = ~(arcs["unplaced"] | same.to_numpy())
    return on, arcs


def flows_not_drawn(flows: pd.DataFrame, shown: pd.DataFrame, places: pd.DataFrame) -> list[str]:
    """In words, each movement of a shown event that the map cannot draw as an arc: its two
    ends share one point (a site only said to be "outside" a village) or one has no
    coordinates. The page lists them under the map so no reported movement goes missing."""
    found = _movements(flows, shown, places)
    if found is None:
        return []
    _, arcs = found
    lines = []
    for arc in arcs[~arcs["drawable"]].itertuples(index=False):
        why = "a place without coordinates" if arc.unplaced else "both ends at one map point"
        lines.append(f"{plain_text(arc.o_name)} → {plain_text(arc.d_name)} ({why})")
    return lines


def flow_arcs(
    flows: pd.DataFrame, shown: pd.DataFrame, places: pd.DataFrame, articles: pd.DataFrame
) -> pd.DataFrame:
    """One row per flow of an event shown whose two ends are placed apart, ready to draw.

    Several reports of one movement (same event, origin and destination) are one arc: its
    count is the report with the largest low bound (the first on a tie), its sources every
    outlet that reported it. Column operations, not a loop per flow (100,000 events: 19.5 s
    as a loop)."""
    found = _movements(flows, shown, places)
    if found is None:
        return pd.DataFrame(columns=ARC_COLUMNS)
    on, arcs = found
    keys = KEYS
    arcs = arcs[arcs["drawable"]].reset_index(drop=True)
    if arcs.empty:
        return pd.DataFrame(columns=ARC_COLUMNS)
    counted = on.dropna(subset=["count_low"])
    counted = counted.assign(_order=range(len(counted)))  # a tie goes to the first report
    best = counted.sort_values(["count_low", "_order"], ascending=[False, True])
    best = best.drop_duplicates(keys)
    arcs = arcs.merge(
        best[[*keys, "count_low", "count_high", "count_unit", "count_raw"]], on=keys, how="left"
    )
    outlet = articles.drop_duplicates("article_id").set_index("article_id")["outlet"]
    named = on["article_id"].map(outlet)
    named = named.where(among(on["article_id"], outlet.index), on["article_id"])
    shown_names = {name: plain_text(name) for name in named.unique()}
    reports = on[keys].assign(_name=named.map(shown_names).to_numpy()).drop_duplicates()
    reports = reports.sort_values([*keys, "_name"])  # one pass joins each arc's names
    sources: dict[tuple, list[str]] = {}
    for *key, name in zip(*(reports[c].tolist() for c in (*keys, "_name"))):
        sources.setdefault(tuple(key), []).append(name)
    arcs["sources"] = [
        ", ".join(sources.get(key, [])) or None for key in zip(*(arcs[c].tolist() for c in keys))
    ]
    plain = _memo(plain_text)  # place names and counts repeat: each made plain once
    columns = ("event_id", "origin_place_id", "destination_place_id", "o_longitude",
               "o_latitude", "d_longitude", "d_latitude", "count_low", "count_high",
               "count_unit", "count_raw", "o_name", "d_name", "sources")  # fmt: skip
    rows = []
    for (event, origin, destination, o_lon, o_lat, d_lon, d_lat, low, high, unit, raw,
         o_name, d_name, named_by) in zip(*(arcs[c].tolist() for c in columns)):  # fmt: skip
        given = not pd.isna(low)
        count = float(low) if given else None
        count_text = _count_text(low, high, unit, raw) if given else "count not given"
        tip = "\n".join(
            [
                f"Moved: {plain(o_name)} → {plain(d_name)}",
                f"How many: {plain(count_text)}",
                f"Sources: {named_by}",
            ]
        )
        rows.append([
            event, origin, destination, o_lon, o_lat, d_lon, d_lat, count, count_text,
            named_by, width_for(count), tip,
        ])  # fmt: skip
    return pd.DataFrame(rows, columns=ARC_COLUMNS)


def _memo(function):
    """`function` remembering its answer per argument (for one call of flow_arcs)."""
    known: dict = {}

    def remembered(value):
        if value not in known:
            known[value] = function(value)
        return known[value]

    return remembered


def flow_layer(arcs: pd.DataFrame) -> pdk.Layer:
    """The arcs, in the Evacuation colour (fading from the origin), hovered for the tooltip."""
    return pdk.Layer(
        "ArcLayer",
        arcs.drop(columns=["count"]),  # NaN is not JSON; the count is in count_text
        id=FLOWS_LAYER,
        get_source_position=["from_lon", "from_lat"],
        get_target_position=["to_lon", "to_lat"],
        get_source_color=rgb(FLOW_COLOUR, 150),
        get_target_color=rgb(FLOW_COLOUR, 255),
        get_width="width_px",
        width_units="'pixels'",
        get_height=0.5,
        get_tilt=90,  # the arc's bulge laid on the ground, so it reads as a curve from above
        great_circle=False,
        pickable=True,
        auto_highlight=True,
    )
