"""The map: an offline basemap from shipped data, labelled reference sites and the events.

No tile server is needed: borders, rivers and lakes come from `data/geo/basemap.geojson`
(Natural Earth, public domain), which the browser fetches once as a static file when it can
(`dashboard.basemap_url`). A tile basemap is used only when a style URL is configured.
Tooltips are plain text (deck.gl puts them in as text, not HTML), so article-derived strings
cannot inject markup.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Mapping
from typing import Any

import pandas as pd
import pydeck as pdk
from pydeck.bindings.json_tools import default_serialize

from dashboard.aggregate import map_as_cells
from dashboard.basemap_tiles import Tiles
from dashboard.map_cells import (
    NO_OFFSET,
    TEXT_CHARACTERS,
    apart,
    cell_layers,
    cell_marks,
    per_row,
    route_arcs,
    within_cells,
)
from dashboard.map_flows import flow_layer
from dashboard.map_layout import (
    COUNTRY_LABEL_PX,
    HALO_MAX_PX,
    Bounds,
    View,
    basemap_bounds,
    country_labels,
    features,
    labels_inside,
    map_view,
    offset_labels,
    reference_sites,
    sites_inside,
)
from dashboard.map_markers import at_zoom, layout_markers, spread_markers
from dashboard.map_names import NAME_PX, spot_names
from dashboard.palette import HALO, rgb

__all__ = [
    "NO_BASEMAP",
    "build_map",
    "fit_marks",
    "marks_at",
    "reference_sites",
    "spread_markers",
    "view_state",
]

#: Streamlit reads this pydeck default as "no basemap": nothing is fetched.
NO_BASEMAP = "__MAP_STYLE__"
#: How the reader moves the map: drag to pan, double-click (shift: out), pinch or the +/- keys
#: to zoom. Not the mouse wheel: the map sits in a long page, and a wheel turned over it to
#: scroll the page zoomed the map out to a speck instead (deck.gl has no "hold Ctrl to zoom").
CONTROLLER = {
    "scrollZoom": False,
    "dragPan": True,
    "dragRotate": False,
    "doubleClickZoom": True,
    "touchZoom": True,
    "touchRotate": False,
    "keyboard": True,
}
#: How far out the reader may zoom from the fitted view (zoom levels): one level shows four
#: times the area; past that the offline basemap ends and the map is mostly blank.
ZOOM_OUT_LEVELS = 1.5
#: Quoted whole so pydeck passes it as a literal, not an expression.
FONT = "'Source Sans, Source Sans Pro, Helvetica Neue, Arial, sans-serif'"
#: The view is fitted to the narrowest the reader's map is drawn (460 px: its column at
#: 1280 px with the sidebar open, measured in Chromium), so a wider map only has more room
#: around it, never less. (Streamlit does not tell the server the chart's real width.)
SCREEN_WIDTH_PX = 440
SCREEN_HEIGHT_PX = 520
#: A "text" tooltip is set as innerText (never HTML); long lines wrap instead of running off
#: the map's edge. `translate` (which adds to deck.gl's own `transform`) moves the box left of
#: the pointer by a share of its width (`tooltip_for`).
TOOLTIP = {
    "text": "{tip}",
    "style": {
        "maxWidth": "260px",
        "whiteSpace": "pre-wrap",
        "overflowWrap": "anywhere",
        "translate": "-50% 14px",
        "fontSize": "12px",
    },
}


#: A tooltip is this wide at most, and at least this wide even where that means a cut edge.
TIP_MAX_PX, TIP_MIN_PX = 260, 160


def tooltip_for(left: float, right: float) -> dict[str, Any]:
    """The tooltip for a view that leaves `left` px free left of its westmost marker and
    `right` px right of its eastmost (the site labels' room, mostly): as wide as both
    together, opening left of the pointer by the left room's share of its width, so that no
    marker's tooltip is cut by either edge of the map as first drawn."""
    left, right = max(float(left), 0.0), max(float(right), 0.0)
    box = int(min(TIP_MAX_PX, max(TIP_MIN_PX, left + right - 8)))
    share = round(100 * left / (left + right)) if left + right > 0 else 50
    style = {"maxWidth": f"{box}px", "translate": f"-{share}% 14px"}
    return TOOLTIP | {"style": TOOLTIP["style"] | style}


def free_sides(markers: pd.DataFrame, view: View) -> tuple[float, float]:
    """The room (px) left of the westmost and right of the eastmost marker in `view`."""
    if markers is None or markers.empty:
        return view.width / 2, view.width / 2
    xs = [view.to_px(lon, lat)[0] for lon, lat in zip(markers["lon"], markers["lat"])]
    return min(xs), view.width - max(xs)


class CompactDeck(pdk.Deck):
    """A deck whose JSON (what Streamlit sends on every rerun) has no indentation: pydeck
    pretty-prints with indent=2, which doubled the map's bytes."""

    def to_json(self) -> str:
        return json.dumps(self, sort_keys=True, default=default_serialize, separators=(",", ":"))


#: How each layer of the basemap is drawn: fill, line colour, line width in px.
BASEMAP_STYLE = {
    "country": ([242, 239, 233, 255], [120, 120, 120, 255], 1.2),
    "lake": ([165, 200, 228, 255], [0, 0, 0, 0], 0),
    "admin1": ([0, 0, 0, 0], [170, 170, 170, 160], 0.6),
    "river": ([0, 0, 0, 0], [74, 140, 200, 255], 2),
}


def by_layer(values: Mapping[str, Any], otherwise: Any) -> str:
    """A deck.gl JSON expression giving each feature the value of its basemap layer
    (`properties.layer`), `otherwise` for any other."""
    expression = json.dumps(otherwise)
    for layer, value in reversed(list(values.items())):
        expression = f"properties.layer == '{layer}' ? {json.dumps(value)} : {expression}"
    return expression


def basemap_layers(
    basemap: Mapping[str, Any] | None,
    over_tiles: bool,
    url: str | None = None,
    view: View | None = None,
) -> list[pdk.Layer]:
    """Countries, first-level boundaries, lakes and rivers, drawn from shipped GeoJSON: one
    layer, styled per feature, whose data is `url` when the browser can fetch the file (its
    JSON is then the same on every rerun, so deck.gl keeps the shapes it has built), else
    the features themselves; and the country names, only those whole in `view` when given
    (a name cut by the map's edge, 'EY' of TURKEY, reads as a stray mark)."""
    fills = {k: fill for k, (fill, _, _) in BASEMAP_STYLE.items()}
    if over_tiles:
        fills["country"] = [*fills["country"][:3], 0]
    shapes = pdk.Layer(
        "GeoJsonLayer",
        url or {"type": "FeatureCollection", "features": (basemap or {}).get("features", [])},
        id="basemap",
        stroked=True,
        filled=True,
        get_fill_color=by_layer(fills, [0, 0, 0, 0]),
        get_line_color=by_layer({k: v[1] for k, v in BASEMAP_STYLE.items()}, [0, 0, 0, 0]),
        get_line_width=by_layer({k: v[2] for k, v in BASEMAP_STYLE.items()}, 0),
        line_width_units="'pixels'",
        pickable=False,
    )
    names = country_labels(features(basemap, "country"))
    names = labels_inside(names, view) if view is not None else names
    labels = pdk.Layer(
        "TextLayer",
        [name | {"color": COUNTRY_LABEL_COLOUR, "offset": NO_OFFSET} for name in names],
        id="country-labels",
        get_position="position",
        get_text="name",
        get_size=COUNTRY_LABEL_PX,
        font_family=FONT,
        character_set=TEXT_CHARACTERS,
        get_color="color",  # per label, as the other text layers' (`per_row`)
        get_pixel_offset="offset",
        font_weight=600,
        pickable=False,
    )
    return [shapes, labels]


def raster_layers(tiles: Tiles, view: View) -> list[pdk.Layer]:
    """The basemap as images (`dashboard.basemap_tiles`): the overview of the whole basemap,
    then the tiles covering `view`, each a `BitmapLayer` whose id and image stay the same
    while the tile is shown (deck.gl keeps its texture across reruns)."""
    images = [
        tiles.overview(),
        *tiles.for_view(view.longitude, view.latitude, view.zoom, view.width, view.height),
    ]
    return [
        pdk.Layer(
            "BitmapLayer",
            None,
            id=f"basemap-{tile.name}",
            image=f"'{tiles.url(tile)}'",  # quoted: a literal for pydeck, not an expression
            bounds=[round(v, 7) for v in tile.bounds],
            # the nearest of the texture's reductions, not a blend of the two nearest (the
            # default): drawn at 1.4-2.8 image px a screen px, a blend halves thin lines
            texture_parameters={"mipmapFilter": "nearest"},
            pickable=False,
        )
        for tile in images
    ]


def view_state(
    markers: pd.DataFrame,
    sites: pd.DataFrame,
    width: int = SCREEN_WIDTH_PX,
    height: int = SCREEN_HEIGHT_PX,
) -> pdk.ViewState:
    """The view that fits the markers, their halos and the reference sites."""
    view = map_view(markers, sites, width, height)
    return pdk.ViewState(
        longitude=view.longitude, latitude=view.latitude, zoom=view.zoom, pitch=0, bearing=0
    )


def fit_marks(
    view: pd.DataFrame,
    sites: pd.DataFrame,
    width: int = SCREEN_WIDTH_PX,
    height: int = SCREEN_HEIGHT_PX,
    within: Bounds | None = None,
) -> tuple[pd.DataFrame, View]:
    """The events' marks (grid cells, `dashboard.map_cells`, when too many to read one by
    one; else the markers, `dashboard.map_markers`) and the view that fits them with the
    reference sites, showing as little as they allow beyond the basemap's extent `within`
    (`map_layout.basemap_bounds`); the markers as placed for that view."""
    if map_as_cells(view):
        cells = cell_marks(view)
        return cells, map_view(cells, sites, width, height, within)
    return layout_markers(view, sites, width, height, within)


def marks_at(
    view: pd.DataFrame,
    fitted: tuple[pd.DataFrame, View],
    at: View,
    arcs: pd.DataFrame | None = None,
) -> tuple[pd.DataFrame, pd.DataFrame | None]:
    """The marks and the flows' arcs drawn at the view `at`, from `fitted` (`fit_marks` of
    these events): grid cells (`aggregate.map_as_cells`) shrunk to fit their cell at its zoom,
    with one arc per route between cells (`map_cells.route_arcs`); else the markers, their
    spots joined and rings placed again when `at` is not the fitted view. The page's deck
    (`build_map`) and the slide's export (`dashboard.export_map`) both draw these."""
    markers, fit = fitted
    if map_as_cells(view):
        markers = apart(within_cells(markers, at.degrees_per_px()), at.to_px)
        size = float(markers["size"].iloc[0]) if not markers.empty else 1.0
        return markers, route_arcs(arcs, size) if arcs is not None else None
    if at != fit:  # spots joined and rings placed for the zoom drawn
        markers = at_zoom(spread_markers(view, at.zoom, join=True), at.zoom)
    return markers, arcs


def build_map(
    view: pd.DataFrame,
    sites: pd.DataFrame,
    basemap: Mapping[str, Any] | None,
    map_style: str | None = None,
    width: int = SCREEN_WIDTH_PX,
    height: int = SCREEN_HEIGHT_PX,
    arcs: pd.DataFrame | None = None,
    basemap_url: str | None = None,
    basemap_tiles: Tiles | None = None,
    at: View | None = None,
    fitted: tuple[pd.DataFrame, View] | None = None,
) -> pdk.Deck:
    """The deck: basemap (as images from `basemap_tiles` when given and no tile style is set,
    else shapes fetched from `basemap_url` when given), uncertainty halos,
    evacuation flows (`dashboard.map_flows.flow_arcs`), event markers, reference site labels.
    Too many events to read one by one are drawn as counts per grid cell
    (`dashboard.map_cells`): one mark per cell, whatever their number.
    Drawn at the view `at` (`map_layout.view_to_show`: a session's view kept across a filter
    change), else at the view fitting the events; `fitted` is `fit_marks` of these events
    when already made."""
    if fitted is None:
        fitted = fit_marks(view, sites, width, height, basemap_bounds(basemap))
    shown = at if at is not None else fitted[1]
    markers, arcs = marks_at(view, fitted, shown, arcs)
    if map_as_cells(view):
        halos, marks = [], cell_layers(markers, FONT)
    else:
        halo, marks = event_layers(markers)
        halos = [halo]
    state = pdk.ViewState(
        longitude=shown.longitude,
        latitude=shown.latitude,
        zoom=shown.zoom,
        min_zoom=max(0.0, shown.zoom - ZOOM_OUT_LEVELS),
        pitch=0,
        bearing=0,
    )
    sites = offset_labels(sites, markers)
    layers = basemap_layers(basemap, over_tiles=bool(map_style), url=basemap_url, view=shown)
    if basemap_tiles is not None and not map_style:
        try:
            layers[0:1] = raster_layers(basemap_tiles, shown)
        except OSError as exc:  # an image could not be written: the shapes, as before
            logging.getLogger("dashboard").warning("basemap images not used: %s", exc)
    # the sites whose dot is in view (no name cut at an edge); a few markers' places named
    # beside them (none for grid cells, nor on a map framed with every site: `spot_names`)
    dots, labels = site_layers(sites_inside(sites, shown))
    names = spot_names(markers, sites, shown)
    named = [place_name_layer(names)] if not names.empty else []
    # drawn in this order: halos under everything, site labels over everything
    flows = [flow_layer(arcs)] if arcs is not None and not arcs.empty else []
    layers += [*halos, *flows, dots, *marks, *named, labels]
    return CompactDeck(
        layers=layers,
        initial_view_state=state,
        views=[pdk.View(type="MapView", controller=CONTROLLER)],
        map_style=map_style or NO_BASEMAP,
        map_provider=None if not map_style else "carto",
        tooltip=tooltip_for(*free_sides(markers, shown)),
    )


#: Colours drawn the same for every row of a layer, sent per row all the same (`per_row`).
COUNTRY_LABEL_COLOUR = [150, 150, 150, 200]
SITE_COLOUR = [30, 30, 30, 255]
SITE_LABEL_COLOUR = [20, 20, 20, 255]
#: The box behind a site's name: white, a little of what is under it showing through.
SITE_LABEL_BOX = [255, 255, 255, 215]
RING_COLOUR = [102, 102, 102, 200]


def event_layers(markers: pd.DataFrame) -> tuple[pdk.Layer, list[pdk.Layer]]:
    """Uncertainty halos, and the event markers with their counts."""
    spots = markers.drop_duplicates("spot") if not markers.empty else markers
    spots = spots.assign(ring=spots["ring_px"] - spots["radius_px"])
    halo_rows = per_row(
        spots[["place_lon", "place_lat", "spot_radius_m"]], fill=rgb(HALO, 28), line=rgb(HALO, 28)
    )
    rings = spots[spots["ring"] > 0][["place_lon", "place_lat", "ring"]]
    rings = per_row(rings, fill=RING_COLOUR, line=RING_COLOUR)
    halos = pdk.Layer(
        "ScatterplotLayer",
        halo_rows,  # one halo a spot (stacked halos would darken where several types meet)
        id="uncertainty",
        get_position=["place_lon", "place_lat"],
        get_radius="spot_radius_m",
        get_fill_color="fill",
        get_line_color="line",
        radius_max_pixels=HALO_MAX_PX,  # a vague place is a halo, not a fog over the map
        stroked=False,
        pickable=False,
    )
    marks = [
        pdk.Layer(  # a thin circle through a place's markers: they are one spot
            "ScatterplotLayer",
            rings,
            id="spot-rings",
            get_position=["place_lon", "place_lat"],
            get_radius="ring",
            radius_units="'pixels'",
            filled=False,
            stroked=True,
            get_fill_color="fill",
            get_line_color="line",
            line_width_units="'pixels'",
            get_line_width=1,
            pickable=False,
        ),
        pdk.Layer(
            "ScatterplotLayer",
            markers.drop(columns="spot_place", errors="ignore"),  # named by `spot_names`
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
            per_row(markers[["lon", "lat", "count_text", "text_color"]], offset=NO_OFFSET),
            id="event-counts",
            get_position=["lon", "lat"],
            get_text="count_text",
            get_size=11,
            font_family=FONT,
            character_set=TEXT_CHARACTERS,
            get_color="text_color",
            get_pixel_offset="offset",
            font_weight=700,
            pickable=False,
        ),
    ]
    return halos, marks


def site_layers(sites: pd.DataFrame) -> tuple[pdk.Layer, pdk.Layer]:
    """The reference sites: a dark dot and a bold label, kept clear of the markers."""
    dots = pdk.Layer(
        "ScatterplotLayer",
        per_row(sites[["longitude", "latitude"]], radius=5, fill=SITE_COLOUR, line=SITE_COLOUR),
        id="sites",
        get_position=["longitude", "latitude"],
        get_radius="radius",
        radius_units="'pixels'",
        get_fill_color="fill",
        get_line_color="line",
        pickable=False,
    )
    # a pale box behind each name: at 100,000 events the grid cells and the flows' arcs under a
    # site hid its letters ('ldlib'), the outline alone too thin over dark cells; the slide's
    # export draws its names on such a box too (`export_map.site_places`)
    rows = per_row(sites[["longitude", "latitude", "label", "offset"]], color=SITE_LABEL_COLOUR)
    labels = _name_layer(rows, "site-labels", size=16, anchor="'start'")
    return dots, labels


#: A marker's place's name (`map_names.spot_names`): smaller and greyer than a site's.
PLACE_NAME_COLOUR = [55, 55, 55, 255]


def place_name_layer(names: pd.DataFrame) -> pdk.Layer:
    """The names of a few markers' places, beside their rings, on the sites' pale box (the
    same font, weight and characters as the sites' names: one font atlas for both)."""
    columns = ["longitude", "latitude", "label", "offset", "anchor"]
    rows = per_row(names[columns], color=PLACE_NAME_COLOUR)
    return _name_layer(rows, "place-names", size=NAME_PX, anchor="anchor")


def _name_layer(rows: pd.DataFrame, layer_id: str, size: int, anchor: str) -> pdk.Layer:
    """A layer of bold names on a pale box (`rows` with position, label, offset, colour)."""
    return pdk.Layer(
        "TextLayer",
        rows,
        id=layer_id,
        get_position=["longitude", "latitude"],
        get_text="label",
        get_size=size,
        font_family=FONT,
        character_set=TEXT_CHARACTERS,
        get_color="color",
        font_weight=700,
        get_text_anchor=anchor,
        get_alignment_baseline="'center'",
        get_pixel_offset="offset",
        outline_width=3,
        outline_color=[255, 255, 255, 255],
        font_settings={"sdf": True},
        background=True,
        get_background_color=SITE_LABEL_BOX,
        background_padding=[4, 1, 4, 1],
        pickable=False,
    )
