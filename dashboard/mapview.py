"""The map: an offline basemap from shipped data, labelled reference sites and the events.

No tile server is needed: borders, rivers and lakes come from `data/geo/basemap.geojson`
(Natural Earth, public domain). A tile basemap is used only when a style URL is configured.
Tooltips are plain text (deck.gl puts them in as text, not HTML), so article-derived strings
cannot inject markup.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

import pandas as pd
import pydeck as pdk

from dashboard.text import plain_text

#: Streamlit reads this pydeck default as "no basemap": nothing is fetched.
NO_BASEMAP = "__MAP_STYLE__"
#: Metres of uncertainty drawn around an event for each geo_precision code.
UNCERTAINTY_M = {1: 2_000, 2: 12_000, 3: 60_000}
REFERENCE_SITES = ("Baghouz", "Al-Hol", "Idlib")
#: Quoted whole so pydeck passes it as a literal, not an expression.
FONT = "'Source Sans, Source Sans Pro, Helvetica Neue, Arial, sans-serif'"
#: A "text" tooltip is set as innerText (never HTML); long lines wrap instead of running off
#: the map's edge, where the map would cut them.
TOOLTIP = {
    "text": "{tip}",
    "style": {"maxWidth": "320px", "whiteSpace": "pre-wrap", "overflowWrap": "anywhere"},
}


def hex_to_rgb(colour: str, alpha: int = 255) -> list[int]:
    colour = colour.lstrip("#")
    return [int(colour[i : i + 2], 16) for i in (0, 2, 4)] + [alpha]


def _features(basemap: Mapping[str, Any] | None, layer: str) -> dict[str, Any]:
    features = [
        f for f in (basemap or {}).get("features", []) if f["properties"].get("layer") == layer
    ]
    return {"type": "FeatureCollection", "features": features}


def _label_points(countries: dict[str, Any]) -> list[dict[str, Any]]:
    """A label point per country: the centre of its largest ring's bounding box."""
    points = []
    for feature in countries["features"]:
        if feature["properties"].get("minor"):
            continue  # slivers such as Akrotiri would crowd their neighbours
        geometry = feature["geometry"]
        polygons = (
            geometry["coordinates"]
            if geometry["type"] == "MultiPolygon"
            else [geometry["coordinates"]]
        )
        ring = max((poly[0] for poly in polygons), key=len)
        lons, lats = [p[0] for p in ring], [p[1] for p in ring]
        points.append(
            {
                "name": feature["properties"].get("name", "").upper(),
                "position": [(min(lons) + max(lons)) / 2, (min(lats) + max(lats)) / 2],
            }
        )
    return points


def basemap_layers(basemap: Mapping[str, Any] | None, over_tiles: bool) -> list[pdk.Layer]:
    """Countries, first-level boundaries, lakes and rivers, drawn from shipped GeoJSON."""
    countries = _features(basemap, "country")
    fill_alpha = 0 if over_tiles else 255
    return [
        pdk.Layer(
            "GeoJsonLayer",
            countries,
            id="countries",
            stroked=True,
            filled=True,
            get_fill_color=[242, 239, 233, fill_alpha],
            get_line_color=[120, 120, 120, 255],
            line_width_min_pixels=1.2,
            pickable=False,
        ),
        pdk.Layer(
            "GeoJsonLayer",
            _features(basemap, "admin1"),
            id="admin1",
            stroked=True,
            filled=False,
            get_line_color=[170, 170, 170, 160],
            line_width_min_pixels=0.6,
            pickable=False,
        ),
        pdk.Layer(
            "GeoJsonLayer",
            _features(basemap, "lake"),
            id="lakes",
            stroked=False,
            filled=True,
            get_fill_color=[165, 200, 228, 255],
            pickable=False,
        ),
        pdk.Layer(
            "GeoJsonLayer",
            _features(basemap, "river"),
            id="rivers",
            stroked=True,
            filled=False,
            get_line_color=[74, 140, 200, 255],
            line_width_min_pixels=2,
            pickable=False,
        ),
        pdk.Layer(
            "TextLayer",
            _label_points(countries),
            id="country-labels",
            get_position="position",
            get_text="name",
            get_size=12,
            font_family=FONT,
            get_color=[150, 150, 150, 200],
            font_weight=600,
            pickable=False,
        ),
    ]


MARKER_COLUMNS = [
    "lon",
    "lat",
    "place_id",
    "label",
    "count",
    "count_text",
    "radius_px",
    "color",
    "line_color",
    "tip",
    "radius_m",
    "place_lon",
    "place_lat",
    "ring_px",
]


def marker_radius_px(count: int) -> float:
    return 6 + 3 * math.sqrt(count)


def ring_radius_px(radii: list[float], gap: float = 3.0) -> float:
    """Radius of a ring on which circles of these radii sit side by side without overlap."""
    if len(radii) < 2:
        return 0.0
    return max(sum(2 * r + gap for r in radii) / (2 * math.pi), max(radii) + gap)


def _tip(group: pd.DataFrame) -> str:
    """The marker's tooltip: plain text (the deck's "text" tooltip), one line per event."""
    first = group.iloc[0]
    count = f"{len(group)} event" + ("" if len(group) == 1 else "s")
    lines = [plain_text(f"{first['label']} · {first['place']} · {count}")]
    lines += [
        plain_text(f"{d}: {s}")
        for d, s in zip(group["date_text"].head(6), group["summary"].head(6))
    ]
    if len(group) > 6:
        lines.append(f"… and {len(group) - 6} more")
    return "\n".join(lines)


def spread_markers(view: pd.DataFrame, zoom: float = 6.0) -> pd.DataFrame:
    """One marker per (place, event type, reviewed or not); a place's markers sit on a ring.

    Unreviewed extracted events get their own marker, white with a coloured rim.

    The ring is sized in pixels for the initial zoom, so markers touch but never overlap there.
    """
    if view.empty:
        return pd.DataFrame(columns=MARKER_COLUMNS)
    degrees_per_px = 360 / (512 * 2**zoom)
    records = []
    for place, at_place in view.dropna(subset=["latitude", "longitude"]).groupby(
        "place_id", sort=True
    ):
        pending = at_place["review_status"].eq("pending") if "review_status" in at_place else False
        groups = [
            g
            for _, g in at_place.assign(pending=pending).groupby(
                ["event_type", "pending"], sort=True
            )
        ]
        radii = [marker_radius_px(len(g)) for g in groups]
        ring_px = ring_radius_px(radii)
        lat0, lon0 = float(at_place["latitude"].iloc[0]), float(at_place["longitude"].iloc[0])
        for k, (group, radius) in enumerate(zip(groups, radii)):
            angle = math.pi / 2 - 2 * math.pi * k / len(groups)
            ring = ring_px * degrees_per_px
            records.append(
                {
                    "lon": lon0 + ring * math.cos(angle) / math.cos(math.radians(lat0)),
                    "lat": lat0 + ring * math.sin(angle),
                    "place_id": place,
                    "label": group["label"].iloc[0],
                    "count": len(group),
                    "count_text": str(len(group)),
                    "radius_px": radius,
                    "color": [255, 255, 255, 255]
                    if group["pending"].iloc[0]
                    else hex_to_rgb(group["colour"].iloc[0]),
                    "line_color": hex_to_rgb(group["colour"].iloc[0])
                    if group["pending"].iloc[0]
                    else [255, 255, 255, 255],
                    "tip": _tip(group),
                    "radius_m": UNCERTAINTY_M.get(int(group["geo_precision"].max()), 12_000),
                    "place_lon": lon0,
                    "place_lat": lat0,
                    "ring_px": ring_px + radius,
                }
            )
    return pd.DataFrame.from_records(records, columns=MARKER_COLUMNS)


def view_state(view: pd.DataFrame, sites: pd.DataFrame, width_px: int = 640) -> pdk.ViewState:
    """A view that fits the events (or the reference sites when no event is shown)."""
    located = view.dropna(subset=["latitude", "longitude"]) if not view.empty else view
    points = located if not located.empty else sites
    lons, lats = points["longitude"].astype(float), points["latitude"].astype(float)
    span = max(lons.max() - lons.min(), (lats.max() - lats.min()) * 1.6, 0.6)
    zoom = math.log2(width_px / 512 * 360 / (span * 1.3))  # deck.gl: world = 512 px at zoom 0
    return pdk.ViewState(
        longitude=float((lons.min() + lons.max()) / 2),
        latitude=float((lats.min() + lats.max()) / 2),
        zoom=max(3.0, min(zoom, 9.0)),
        pitch=0,
        bearing=0,
    )


def build_map(
    view: pd.DataFrame,
    sites: pd.DataFrame,
    basemap: Mapping[str, Any] | None,
    map_style: str | None = None,
) -> pdk.Deck:
    """The deck: basemap, uncertainty halos, event markers, reference site labels."""
    state = view_state(view, sites)
    markers = spread_markers(view, state.zoom)
    sites = _offset_labels(sites, markers)
    layers = basemap_layers(basemap, over_tiles=bool(map_style))
    dots, labels = site_layers(sites)
    halos, marks = event_layers(markers)
    # drawn in this order: halos under everything, site labels over everything
    layers += [halos, dots, *marks, labels]
    return pdk.Deck(
        layers=layers,
        initial_view_state=state,
        map_style=map_style or NO_BASEMAP,
        map_provider=None if not map_style else "carto",
        tooltip=TOOLTIP,
    )


def event_layers(markers: pd.DataFrame) -> tuple[pdk.Layer, list[pdk.Layer]]:
    """Uncertainty halos, and the event markers with their counts."""
    halos = pdk.Layer(
        "ScatterplotLayer",
        markers,
        id="uncertainty",
        get_position=["place_lon", "place_lat"],
        get_radius="radius_m",
        get_fill_color=[90, 90, 90, 20],
        radius_max_pixels=70,  # a vague place is a halo, not a fog over the map
        stroked=False,
        pickable=False,
    )
    marks = [
        pdk.Layer(
            "ScatterplotLayer",
            markers,
            id="events",
            get_position=["lon", "lat"],
            get_fill_color="color",
            get_line_color="line_color",
            stroked=True,
            line_width_min_pixels=1.5,
            radius_units="'pixels'",
            get_radius="radius_px",
            pickable=True,
            auto_highlight=True,
        ),
        pdk.Layer(
            "TextLayer",
            markers[markers["count"] > 1] if not markers.empty else markers,
            id="event-counts",
            get_position=["lon", "lat"],
            get_text="count_text",
            get_size=11,
            font_family=FONT,
            get_color=[255, 255, 255, 255],
            font_weight=700,
            pickable=False,
        ),
    ]
    return halos, marks


def site_layers(sites: pd.DataFrame) -> tuple[pdk.Layer, pdk.Layer]:
    """The reference sites: a dark dot and a bold label, kept clear of the markers."""
    dots = pdk.Layer(
        "ScatterplotLayer",
        sites,
        id="sites",
        get_position=["longitude", "latitude"],
        get_radius=5,
        radius_units="'pixels'",
        get_fill_color=[30, 30, 30, 255],
        pickable=False,
    )
    labels = pdk.Layer(
        "TextLayer",
        sites,
        id="site-labels",
        get_position=["longitude", "latitude"],
        get_text="label",
        get_size=16,
        font_family=FONT,
        get_color=[20, 20, 20, 255],
        font_weight=700,
        get_text_anchor="'start'",
        get_alignment_baseline="'center'",
        get_pixel_offset="offset",
        outline_width=3,
        outline_color=[255, 255, 255, 255],
        font_settings={"sdf": True},
        pickable=False,
    )
    return dots, labels


def _offset_labels(sites: pd.DataFrame, markers: pd.DataFrame) -> pd.DataFrame:
    """Push each site label clear of the ring of markers drawn around it."""
    near = {}
    for _, m in markers.iterrows():
        for _, s in sites.iterrows():
            if (
                abs(m["place_lon"] - s["longitude"]) < 0.05
                and abs(m["place_lat"] - s["latitude"]) < 0.05
            ):
                near[s["label"]] = max(near.get(s["label"], 0.0), float(m["ring_px"]))
    return sites.assign(offset=[[near.get(label, 4.0) + 8, 0] for label in sites["label"]])


def reference_sites(places: pd.DataFrame) -> pd.DataFrame:
    """The labelled sites (Baghouz, the Al-Hol camp, Idlib): the most precise place of each area."""
    rank = {"village": 0, "camp": 0, "city": 0, "town": 1}
    rows = []
    for area in REFERENCE_SITES:
        candidates = places[places["area"] == area].copy()
        if candidates.empty:
            continue
        candidates["rank"] = candidates["kind"].map(rank).fillna(9)
        best = candidates.sort_values(["rank", "geo_precision"]).iloc[0]
        label = (
            f"{best['name']} camp"
            if best["kind"] == "camp" and "camp" not in best["name"].lower()
            else best["name"]
        )
        rows.append(
            {
                "label": label,
                "longitude": float(best["longitude"]),
                "latitude": float(best["latitude"]),
                "area": area,
            }
        )
    return pd.DataFrame.from_records(rows, columns=["label", "longitude", "latitude", "area"])
