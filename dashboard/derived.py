"""What the reader's page draws for one filter state of one build (pure; no Streamlit).

Each part (the events shown, the timeline, the map, the sources, the table's rows...) is made
on first use and then kept with the state, so a rerun that changes nothing, or only the
selection, reuses them (`dashboard.page_cache` keeps the states). Kept values are shared by
every session and rerun: read-only. A caller that marks a selection on a chart takes a copy
first (`timeline_copy`, `deck_copy`).

The events shown are kept as their positions in the build's event frame (`rows`). The frame of
every column for them (`shown`) is made only when something needs it whole (the downloads, a
search, below the count thresholds): at 1,000,000 events copying its text columns for the
464,000 events of half the date range was 0.47 s of a 0.79 s rerun. Above `MAX_MARKS` events the
charts, the legend and the 'shown as' line read `charted`, the few columns they use with
their text as categories (`Source.counted`: a code per event, copied instead of the text);
the chooser, the detail and the table take the rows they show from the event frame.
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

from dashboard.aggregate import MAX_MARKS, map_as_cells, page_line
from dashboard.basemap_tiles import Tiles
from dashboard.briefing import LegendEntry, areas_named, legend_entries
from dashboard.columns import among
from dashboard.filters import Filters, Options, counted_total, filter_rows, list_numbers
from dashboard.map_flows import ARC_COLUMNS, Movements, movements
from dashboard.map_layout import Bounds, View, basemap_bounds, view_to_show
from dashboard.mapview import SCREEN_WIDTH_PX, build_map, fit_marks, reference_sites
from dashboard.screen_figure import screen_figure
from dashboard.selection import marker_events
from dashboard.sources_line import footer_line
from dashboard.timeline import build_timeline
from dashboard.views import TABLE_ROWS, format_date_window, newest, table_frame
from etl.tables import Tables

#: Held while a kept timeline is copied (see `Derived.timeline_copy`).
_COPYING = threading.Lock()
#: Held while a map is added to or dropped from a state's kept maps (`Derived.deck`).
_DECKS = threading.Lock()
#: Maps kept per filter state (one per width and view: a view kept from another state's map
#: makes another): the newest this many.
DECKS_KEPT = 4
#: What the charts drawn as counts, the map's legend and the 'shown as' line read of the
#: events (`Derived.charted`); those of text are categories in `Source.counted`.
COUNTED = (
    "event_type", "label", "colour", "area", "review_status", "date_precision",
    "date_start", "date_end", "latitude", "longitude",
)  # fmt: skip
COUNTED_TEXT = COUNTED[:6]
#: The newest events shown looked through first for the chooser's events (it lists 500).
CHOOSER_ROWS = 2_000


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
    def map_bounds(self) -> Bounds | None:
        """The basemap's extent: the map's fitted view shows as little beyond it as it can."""
        return basemap_bounds(self.basemap)

    @cached_property
    def articles(self) -> pd.DataFrame:
        """What the arcs need of the articles (a lazily opened store reads just these)."""
        columns = ["article_id", "outlet"]
        read = getattr(self.tables, "columns", None)
        return read("articles", columns) if read else self.tables["articles"][columns]

    @cached_property
    def n_pending(self) -> int:
        """How many events await review (counted in a total only when included)."""
        return int((self.view["review_status"] == "pending").sum())

    @cached_property
    def movements(self) -> Movements:
        """Every event's movements, drawable arcs ready to draw (a filter takes its events')."""
        return movements(self.tables["flows"], self.tables["places"], self.articles)

    @cached_property
    def movement_rows(self) -> tuple[np.ndarray, np.ndarray]:
        """For each row of the movements' arcs and of those not drawn, the position of its
        event in `view` (-1: not in it). Event ids are unique in the view."""
        moves = self.movements
        return self._rows_of_events(moves.arcs["event_id"]), self._rows_of_events(
            moves.not_drawn["event_id"]
        )

    def _rows_of_events(self, ids: pd.Series) -> np.ndarray:
        if ids.empty:
            return np.zeros(0, dtype=np.int64)
        # the view's rows of these few events (hashing their ids, not every event's)
        hits = np.flatnonzero(among(self.view["event_id"], ids.unique()))
        at = pd.Index(self.view["event_id"].iloc[hits].to_numpy(dtype=object))
        found = at.get_indexer(ids.to_numpy(dtype=object))
        return np.where(found >= 0, hits[found], -1)

    @cached_property
    def outlet_lists(self) -> tuple[np.ndarray, np.ndarray, list[str]]:
        """Each event's outlet list as a number; per list number, which outlets it names (a
        row of booleans); the outlets, sorted. The event frame shares one list object between
        the events with the same outlets (1,000,000 events have 75,000 lists), so this is
        made once per build and a filter state counts numbers instead of a Python pass over
        its events' lists."""
        # by identity, hashed as integers (a dict of 1M ids was 0.1-0.3 s at 1,000,000 events)
        codes, distinct = self.list_numbers("outlets")
        lists = [v if isinstance(v, list) else [] for v in distinct]
        every = [o for outlets in lists for o in outlets]
        names = sorted(set(every))  # as briefing.outlets_of
        column = {name: k for k, name in enumerate(names)}
        named = np.zeros((len(lists), len(names)), dtype=bool)
        rows = np.repeat(np.arange(len(lists)), [len(outlets) for outlets in lists])
        named[rows, [column[o] for o in every]] = True
        return codes.astype(np.int32), named, names

    def list_numbers(self, column: str) -> tuple[np.ndarray, list]:
        """`filters.list_numbers` of a list column of the view (made once per build)."""
        kept = self.__dict__.setdefault("_list_numbers", {})
        if column not in kept:
            kept[column] = list_numbers(self.view[column])
        return kept[column]

    @cached_property
    def counted(self) -> pd.DataFrame:
        """The view's `COUNTED` columns, its text as categories (made once per build)."""
        frame = self.view[list(COUNTED)]
        return frame.assign(**{c: frame[c].astype("category") for c in COUNTED_TEXT})


class Derived:
    """The page's frames and charts for `filters` (and a map style), each made once."""

    def __init__(self, source: Source, filters: Filters, map_style: str | None = None) -> None:
        self.source, self.filters, self.map_style = source, filters, map_style

    @cached_property
    def rows(self) -> np.ndarray:
        """The positions in the view of the events shown, in order."""
        src = self.source
        return filter_rows(src.view, self.filters, coded=src.counted, numbers=src.list_numbers)

    @property
    def count(self) -> int:
        """How many events are shown."""
        return len(self.rows)

    @cached_property
    def in_shown(self) -> np.ndarray:
        """Per row of the view, whether its event is shown."""
        mask = np.zeros(len(self.source.view), dtype=bool)
        mask[self.rows] = True
        return mask

    @cached_property
    def shown(self) -> pd.DataFrame:
        """Every column of the events shown (as `filters.apply_filters` gives them)."""
        return self._take(self.rows, 0)

    def _take(self, rows: np.ndarray, first: int) -> pd.DataFrame:
        """The view's rows at `rows`, labelled as `shown` labels them (from `first` on)."""
        frame = self.source.view.take(rows)
        frame.index = pd.RangeIndex(first, first + len(rows))
        return frame

    @cached_property
    def charted(self) -> pd.DataFrame:
        """What the charts, the legend and the 'shown as' line are made from: above
        `MAX_MARKS` events the `COUNTED` columns, text as categories; else `shown`."""
        if self.count <= MAX_MARKS:
            return self.shown
        frame = self.source.counted.take(self.rows)
        frame.index = pd.RangeIndex(len(frame))
        return frame

    def newest(self, limit: int) -> pd.DataFrame:
        """The newest `limit` events shown, oldest first (`views.newest` of `shown`)."""
        if "shown" in self.__dict__ or self.count <= limit:
            return newest(self.shown, limit)
        return self._take(self.rows[-limit:], self.count - limit)

    def newest_ids(self, limit: int) -> list[str]:
        """The ids of the newest `limit` events shown, oldest first (`newest(limit)`'s ids,
        without taking their other columns); `rows_of` finds these by position."""
        at = self.rows[-limit:] if limit else self.rows[:0]
        ids = self.source.view["event_id"].iloc[at].tolist()
        self.__dict__["_newest"] = (ids, at)
        return ids

    def holds(self, ids: list[str]) -> list[str]:
        """Those of `ids` that are shown, in their order."""
        rows = self._shown_rows_of(ids)
        present = set(self.source.view["event_id"].iloc[rows].tolist())
        return [i for i in ids if i in present]

    def rows_of(self, ids: list[str]) -> pd.DataFrame:
        """The events shown among `ids`, in the order shown, labelled as in `shown`
        (`shown[shown["event_id"].isin(ids)]`)."""
        rows = self._shown_rows_of(ids)
        frame = self.source.view.take(rows)
        frame.index = pd.Index(np.searchsorted(self.rows, rows), dtype=np.int64)
        return frame

    def _shown_rows_of(self, ids: list[str]) -> np.ndarray:
        """The view's positions of the events shown among `ids`, in order: looked for among
        the newest shown first (the chooser lists them), else among every event."""
        if not ids or not self.count:
            return np.zeros(0, dtype=np.int64)
        newest_ = self.__dict__.get("_newest")
        if newest_ is not None and ids == newest_[0]:  # the chooser's list: by position
            return np.asarray(newest_[1], dtype=np.int64)
        wanted = set(ids)
        tail = self.rows[-CHOOSER_ROWS:]
        tail_ids = self.source.view["event_id"].iloc[tail].tolist()
        found = [row for row, event in zip(tail.tolist(), tail_ids) if event in wanted]
        if len(found) == len(wanted):
            return np.asarray(found, dtype=np.int64)
        hits = np.flatnonzero(among(self.source.view["event_id"], list(wanted)))
        return hits[self.in_shown[hits]]

    @cached_property
    def span(self) -> tuple[pd.Timestamp, pd.Timestamp]:
        return pd.Timestamp(self.filters.date_from), pd.Timestamp(self.filters.date_to)

    @cached_property
    def window(self) -> str:
        return format_date_window(*self.span)

    def areas_named(self, options: Options) -> str:
        """The areas of the events shown, as a slide without a title names them
        (`briefing.default_title`): 'Idlib', 'Baghouz and Idlib', 'Syria', ... (the areas
        from the charted columns, the places read only when every event is elsewhere);
        `options` are the page's, of the same build. Made once."""
        if "_areas_named" not in self.__dict__:
            present = set(self.charted["area"].unique().tolist()) if self.count else set()

            def places() -> list[str]:
                column = self.source.view["place"].iloc[self.rows]
                return list(dict.fromkeys(column.dropna().astype(str)))

            self.__dict__["_areas_named"] = areas_named(present, places, self.filters, options)
        return self.__dict__["_areas_named"]

    @cached_property
    def outlets(self) -> list[str]:
        """The outlets reporting the events shown, sorted (both sources lines use them): as
        `briefing.outlets_of`, over each distinct list once (events share their lists)."""
        codes, named, names = self.source.outlet_lists
        present = np.bincount(codes[self.rows], minlength=len(named)) > 0
        return [names[k] for k in np.flatnonzero(named[present].any(axis=0)).tolist()]

    @cached_property
    def chosen_outlets(self) -> list[str]:
        """The names of the outlets the *Reported by* filter chose (the sources lines name
        them first)."""
        if not self.filters.outlets:
            return []
        outlets = self.source.tables["outlets"]
        names = dict(zip(outlets["outlet_id"].tolist(), outlets["name"].tolist()))
        return [names.get(o, o) for o in self.filters.outlets]

    @cached_property
    def sources_line(self) -> str:
        """As `dashboard.briefing.sources_line` (plain text, for the chart's footer), cut to
        one line when long (the footer does not wrap; the map's caption lists them all)."""
        return footer_line(self.outlets, self.chosen_outlets)

    @cached_property
    def shown_as(self) -> str:
        """'' when every event has its mark, else the sentence saying they are counts."""
        return page_line(self.charted, self.span)

    @cached_property
    def timeline(self) -> go.Figure:
        """The timeline, nothing selected (shared: mark a `timeline_copy`)."""
        total = counted_total(
            len(self.source.view), self.source.n_pending, self.filters.include_pending
        )  # as the sentence above the chart counts them (`filters.describe`)
        title = f"Events by date and area, {self.window} ({self.count:,} of {total:,})"
        return build_timeline(
            self.charted, self.source.areas, title, footer=self.sources_line, window=self.span
        )

    @cached_property
    def screen_timeline(self) -> go.Figure:
        """The timeline as the page sends it, nothing selected (`dashboard.screen_figure`:
        drawn once per rerun in the browser; shared, read-only)."""
        return screen_figure(self.timeline)

    def timeline_copy(self) -> go.Figure:
        # one copy at a time: Plotly's figure constructor is not thread-safe (8 threads
        # copying one figure at once raised "Invalid property ... Scatter: 'width'")
        with _COPYING:
            return go.Figure(self.timeline)

    def _of_shown(self, frame: pd.DataFrame, rows: np.ndarray) -> pd.DataFrame:
        """As `map_flows.of_shown`: the rows of `frame` (their events at `rows` of the
        view) whose event is shown, in their order."""
        if frame.empty or not self.count:
            return frame.iloc[0:0]
        keep = (rows >= 0) & self.in_shown[np.maximum(rows, 0)]
        return frame[keep].reset_index(drop=True)

    @cached_property
    def arcs(self) -> pd.DataFrame:
        """As `map_flows.flow_arcs` of the events shown: their rows of the build's arcs."""
        arcs = self._of_shown(self.source.movements.arcs, self.source.movement_rows[0])
        return arcs if not arcs.empty else pd.DataFrame(columns=ARC_COLUMNS)

    @cached_property
    def not_drawn(self) -> list[str]:
        """The shown events' movements the map cannot draw as arcs, in words."""
        frame, rows = self.source.movements.not_drawn, self.source.movement_rows[1]
        return self._of_shown(frame, rows)["line"].tolist()

    @cached_property
    def cells(self) -> bool:
        """Whether the map draws grid cells, not markers (`aggregate.map_as_cells`, as
        `mapview.build_map` decides for the same events)."""
        return map_as_cells(self.charted)

    @cached_property
    def legend(self) -> list[LegendEntry]:
        """The map's legend entries (`briefing.legend_entries` of the events shown), for the
        cells or the markers the map draws."""
        return legend_entries(self.charted, "map", cells=self.cells)

    def fit(self, width: int = SCREEN_WIDTH_PX) -> tuple[pd.DataFrame, View]:
        """The map's marks and the view fitting them at `width` px (`mapview.fit_marks`;
        kept per width, shared: read-only)."""
        kept = self.__dict__.setdefault("_fits", {})
        if width not in kept:
            source = self.source
            kept[width] = fit_marks(
                self.charted, source.sites, width=width, within=source.map_bounds
            )
        return kept[width]

    def view_after(self, previous: View | None, width: int = SCREEN_WIDTH_PX) -> View:
        """The view a session's map shows for these filters when it showed `previous`
        (`map_layout.view_to_show`): kept when the events shown are drawn whole in it."""
        markers, fitted = self.fit(width)
        return view_to_show(previous, fitted, markers, self.source.sites)

    def deck(self, width: int = SCREEN_WIDTH_PX, at: View | None = None) -> pdk.Deck:
        """The map at `width` px, drawn at the view `at` (else the fitted one), nothing
        selected (kept per width and view, the last `DECKS_KEPT`; shared: mark a
        `deck_copy`)."""
        kept = self.__dict__.setdefault("_decks", {})
        key = (width, at if at is not None else self.fit(width)[1])
        if key in kept:
            return kept[key]
        src = self.source
        deck = build_map(
            self.charted,
            src.sites,
            src.basemap,
            self.map_style,
            width=width,
            arcs=self.arcs,
            basemap_url=src.basemap_url,
            basemap_tiles=src.basemap_tiles,
            at=key[1],
            fitted=self.fit(width),
        )
        with _DECKS:  # sessions share this state: one at a time adds or drops a deck
            kept.setdefault(key, deck)
            while len(kept) > DECKS_KEPT:
                kept.pop(next(iter(kept)))
        return deck

    def deck_copy(self, width: int = SCREEN_WIDTH_PX, at: View | None = None) -> pdk.Deck:
        """A copy whose list of layers is its own (marking a selection adds a layer)."""
        deck = copy.copy(self.deck(width, at))
        deck.layers = list(deck.layers)
        return deck

    @cached_property
    def by_marker(self) -> dict[str, list[str]]:
        """Marker key -> its events (none when the map draws grid cells: no marker keys)."""
        return {} if self.cells else marker_events(self.shown)

    @cached_property
    def ids(self) -> list[str]:
        """The ids of the events shown, oldest first."""
        return self.source.view["event_id"].iloc[self.rows].tolist()

    def table(self, rows: int = TABLE_ROWS) -> pd.DataFrame:
        """The table's rows: the newest `rows` events shown (kept per number of rows)."""
        kept = self.__dict__.setdefault("_tables", {})
        if rows not in kept:
            kept[rows] = table_frame(self.newest(rows))
        return kept[rows]
