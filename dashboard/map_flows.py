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


def flow_arcs(
    flows: pd.DataFrame, shown: pd.DataFrame, places: pd.DataFrame, articles: pd.DataFrame
) -> pd.DataFrame:
    """One row per flow of an event shown whose two ends are placed apart, ready to draw."""
    if flows is None or flows.empty or shown.empty:
        return pd.DataFrame(columns=ARC_COLUMNS)
    on = flows[flows["event_id"].isin(set(shown["event_id"]))]
    where = places.set_index("place_id")
    outlets = articles.set_index("article_id")["outlet"]
    rows = []
    for (event, origin, dest), group in on.groupby(
        ["event_id", "origin_place_id", "destination_place_id"], sort=False
    ):
        if origin not in where.index or dest not in where.index:
            continue
        a, b = where.loc[origin], where.loc[dest]
        ends = (a["longitude"], a["latitude"], b["longitude"], b["latitude"])
        if any(pd.isna(v) for v in ends) or (
            abs(ends[0] - ends[2]) < SAME_POINT_DEG and abs(ends[1] - ends[3]) < SAME_POINT_DEG
        ):
            continue
        counted = group.dropna(subset=["count_low"])
        best = counted.loc[counted["count_low"].idxmax()] if not counted.empty else None
        count = None if best is None else float(best["count_low"])
        count_text = (
            "count not given"
            if best is None
            else _count_text(
                best["count_low"], best["count_high"], best["count_unit"], best["count_raw"]
            )
        )
        names = sorted({plain_text(outlets.get(i, i)) for i in group["article_id"]})
        sources = ", ".join(names)
        tip = "\n".join(
            [
                f"Moved: {plain_text(a['name'])} → {plain_text(b['name'])}",
                f"How many: {plain_text(count_text)}",
                f"Sources: {sources}",
            ]
        )
        rows.append([event, origin, dest, *ends, count, count_text, sources, width_for(count), tip])
    return pd.DataFrame(rows, columns=ARC_COLUMNS)


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
