"""What the reader's page draws for one filter state of one build (pure; no Streamlit).

Each part (the events shown, the timeline, the map, the sources, the table's rows...) is made
on first use and then kept with the state, so a rerun that changes nothing, or only the
selection, reuses them (`dashboard.page_cache` keeps the states). Kept values are shared by
every session and rerun: read-only. A caller that marks a selection on a chart takes a copy
first (`timeline_copy`, `deck_copy`).
"""

from __future__ import annotations

import copy
import threading
from dataclasses import dataclass
from functools import cached_property
from typing import Any

import numpy as np
import pandas as pd
import plotly.graph_objects as go
import pydeck as pdk

from dashboard.aggregate import MAP_MAX_MARKS, aggregated, page_line
from dashboard.basemap_tiles import Tiles
from dashboard.briefing import outlets_of
from dashboard.filters import Filters, apply_filters
from dashboard.map_flows import ARC_COLUMNS, Movements, movements, of_shown
from dashboard.mapview import SCREEN_WIDTH_PX, build_map, reference_sites
from dashboard.selection import marker_events
from dashboard.sources_line import is_cut, outlets_summary
from dashboard.timeline import build_timeline
from dashboard.views import TABLE_ROWS, format_date_window, newest, table_frame
from etl.tables import Tables

#: Held while a kept timeline is copied (see `Derived.timeline_copy`).
_COPYING = threading.Lock()


@dataclass(frozen=True)
class Source:
    """One build's data, as the page derives from it."""

    view: pd.DataFrame
    tables: Tables
    basemap: dict[str, Any] | None
    areas: tuple[str, ...]
    basemap_url: str | None = None  # where the browser fetches the basemap (None: inline)
    basemap_tiles: Tiles | None = None  # the basemap as images (None: drawn as shapes)

    @cached_property
    def sites(self) -> pd.DataFrame:
        return reference_sites(self.tables["places"])

    @cached_property
    def articles(self) -> pd.DataFrame:
        """What the arcs need of the articles (a lazily opened store reads just these)."""
        columns = ["article_id", "outlet"]
        read = getattr(self.tables, "columns", None)
        return read("articles", columns) if read else self.tables["articles"][columns]

    @cached_property
    def movements(self) -> Movements:
        """Every event's movements, drawable arcs ready to draw (a filter takes its events')."""
        return movements(self.tables["flows"], self.tables["places"], self.articles)


class Derived:
    """The page's frames and charts for `filters` (and a map style), each made once."""

    def __init__(self, source: Source, filters: Filters, map_style: str | None = None) -> None:
        self.source, self.filters, self.map_style = source, filters, map_style

    @cached_property
    def shown(self) -> pd.DataFrame:
        return apply_filters(self.source.view, self.filters)

    @cached_property
    def span(self) -> tuple[pd.Timestamp, pd.Timestamp]:
        return pd.Timestamp(self.filters.date_from), pd.Timestamp(self.filters.date_to)

    @cached_property
    def window(self) -> str:
        return format_date_window(*self.span)

    @cached_property
    def outlets(self) -> list[str]:
        """The outlets reporting the events shown, sorted (both sources lines use them): as
        `briefing.outlets_of`, over each distinct list once (events share their lists)."""
        values = self.shown["outlets"].to_numpy(dtype=object)
        # one of each distinct list object: by identity, hashed as integers (a dict of 1M
        # ids was 0.1-0.3 s at 1,000,000 events)
        ids = np.fromiter(map(id, values), dtype=np.int64, count=len(values))
        firsts = pd.Series(ids).drop_duplicates().index.to_numpy()
        lists = [v for v in values[firsts].tolist() if isinstance(v, list)]
        return outlets_of(pd.DataFrame({"outlets": lists}))

    @cached_property
    def sources_line(self) -> str:
        """As `dashboard.briefing.sources_line` (plain text, for the chart's footer), cut to
        one line when long (the footer does not wrap; the map's caption lists them all)."""
        more = " (all under the map)" if is_cut(self.outlets) else ""
        return "Sources: " + outlets_summary(self.outlets) + more

    @cached_property
    def shown_as(self) -> str:
        """'' when every event has its mark, else the sentence saying they are counts."""
        return page_line(self.shown, self.span)

    @cached_property
    def timeline(self) -> go.Figure:
        """The timeline, nothing selected (shared: mark a `timeline_copy`)."""
        view = self.source.view
        title = f"Events by date and area, {self.window} ({len(self.shown):,} of {len(view):,})"
        return build_timeline(
            self.shown, self.source.areas, title, footer=self.sources_line, window=self.span
        )

    def timeline_copy(self) -> go.Figure:
        # one copy at a time: Plotly's figure constructor is not thread-safe (8 threads
        # copying one figure at once raised "Invalid property ... Scatter: 'width'")
        with _COPYING:
            return go.Figure(self.timeline)

    @cached_property
    def arcs(self) -> pd.DataFrame:
        """As `map_flows.flow_arcs` of the events shown: their rows of the build's arcs."""
        arcs = of_shown(self.source.movements.arcs, self.shown)
        return arcs if not arcs.empty else pd.DataFrame(columns=ARC_COLUMNS)

    @cached_property
    def not_drawn(self) -> list[str]:
        """The shown events' movements the map cannot draw as arcs, in words."""
        return of_shown(self.source.movements.not_drawn, self.shown)["line"].tolist()

    def deck(self, width: int = SCREEN_WIDTH_PX) -> pdk.Deck:
        """The map fitted to `width` px, nothing selected (kept per width; shared: mark a
        `deck_copy`)."""
        kept = self.__dict__.setdefault("_decks", {})
        if width not in kept:
            src = self.source
            kept[width] = build_map(
                self.shown,
                src.sites,
                src.basemap,
                self.map_style,
                width=width,
                arcs=self.arcs,
                basemap_url=src.basemap_url,
                basemap_tiles=src.basemap_tiles,
            )
        return kept[width]

    def deck_copy(self, width: int = SCREEN_WIDTH_PX) -> pdk.Deck:
        """A copy whose list of layers is its own (marking a selection adds a layer)."""
        deck = copy.copy(self.deck(width))
        deck.layers = list(deck.layers)
        return deck

    @cached_property
    def by_marker(self) -> dict[str, list[str]]:
        """Marker key -> its events (none when the map draws grid cells: no marker keys)."""
        return {} if aggregated(self.shown, MAP_MAX_MARKS) else marker_events(self.shown)

    @cached_property
    def ids(self) -> list[str]:
        """The ids of the events shown, oldest first."""
        return self.shown["event_id"].tolist()

    def table(self, rows: int = TABLE_ROWS) -> pd.DataFrame:
        """The table's rows: the newest `rows` events shown (kept per number of rows)."""
        kept = self.__dict__.setdefault("_tables", {})
        if rows not in kept:
            kept[rows] = table_frame(newest(self.shown, rows))
        return kept[rows]
