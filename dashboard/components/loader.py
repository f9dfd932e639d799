"""The published data, loaded once per build and shared by both pages (Streamlit cache).

The store is opened lazily (`dashboard.lazy_tables`): the small tables are read, the event
frame from the build's columnar file (`dashboard.frame_file`; made from the events, claims and
figures' columns when the build has none); one event's claims and figures are read when its
detail is shown. The loaded frames are kept by
`st.cache_resource`: one copy for every session and rerun, keyed
by the build readers see. (`st.cache_data` pickled them and unpickled a fresh copy on every
rerun: 583 MB and 5.3 s at 100,000 events.) They are shared, so they are read-only: page
code derives new frames (filtering copies) and never assigns into these.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import pandas as pd
import streamlit as st

from dashboard.basemap_url import basemap_images, basemap_url
from dashboard.data import Loaded, batch_names, load_basemap, load_tables
from dashboard.derived import Derived, Source
from dashboard.event_detail import EventDetail
from dashboard.filters import Filters, Options, filter_options
from dashboard.frame_file import reader_frame
from dashboard.heap import freeze, thaw
from dashboard.mapview import BASEMAP_STYLE
from dashboard.page_cache import BoundedCache
from etl import inbox
from etl.inbox import Snapshot
from etl.schemas import AREAS
from etl.settings import Paths
from etl.store import current_build


@dataclass(frozen=True)
class Data:
    """What the pages draw: the tables, the reader's frames, the basemap and batch names."""

    loaded: Loaded
    view: pd.DataFrame
    detail: EventDetail  # one event's claims and figures (read for it from a large store)
    basemap: dict[str, Any] | None
    batch_names: dict[str, str]
    options: Options  # what the filters offer (a pass over every event: made once per build)
    source: Source  # what the reader's page derives from (the view, tables, basemap)
    #: the reader's page per filter state of this build (dropped with the build)
    pages: BoundedCache[Derived] = field(
        default_factory=lambda: BoundedCache(weight=events_held), compare=False
    )

    def page(self, filters: Filters, map_style: str | None = None) -> Derived:
        """What the reader's page draws for these filters, made once per state and kept."""
        return self.pages.get(
            (filters, map_style), lambda: Derived(self.source, filters, map_style)
        )


def events_held(page: Derived) -> int:
    """The events a kept page's filtered frame holds (0 until it is made: it is made on first
    use, `functools.cached_property`); the charts' columns alone (`Derived.charted`, a few
    codes and numbers an event, about a tenth of the whole row) count a tenth."""
    shown, charted = page.__dict__.get("shown"), page.__dict__.get("charted")
    if shown is not None:
        return len(shown)
    return 0 if charted is None else len(charted) // 10


def store_stamp(paths: Paths) -> str:
    """Changes whenever a build is published: the current build's id (the `current` pointer's
    target, or with PostgreSQL the database's pointer), else the file's or folder's
    modification time, else '' when there is no store."""
    build = current_build(paths.store)
    if build is not None:
        return build.name
    return str(paths.store.stat().st_mtime_ns) if paths.store.exists() else ""


def static_serving() -> bool:
    """Whether Streamlit serves `dashboard/static/` (then the browser fetches the basemap once)."""
    return bool(st.get_option("server.enableStaticServing"))


@st.cache_resource(show_spinner="Loading events…", max_entries=2)
def _load(store: str, stamp: str) -> Data:  # stamp: reload when a new build is published
    thaw()  # a build dropped since the last load can be collected whole (dashboard.heap)
    data = _read(store)
    freeze()  # full collections (one after every script run) skip the loaded build
    return data


def _read(store: str) -> Data:
    paths = Paths.from_env()
    loaded = load_tables(paths, lazy=True)  # claims, figures, articles: columns or on demand
    tables = loaded.tables
    # the build's reader file when it has one (dashboard.frame_file), else made from the tables
    frame = reader_frame(tables, loaded.build_id)
    view = frame.view
    # the inbox names batches; a dashboard without it (another machine) uses the build's record
    names = batch_names(paths.store) or loaded.batch_names
    basemap = load_basemap(paths.basemap)
    rows = (frame.claim_rows, frame.figure_rows) if frame.claim_rows is not None else None
    return Data(
        loaded,
        view,
        EventDetail(tables, view["event_id"], rows),
        basemap,
        names,
        filter_options(view, tables["outlets"], tables["actors"], AREAS, names),
        Source(
            view,
            tables,
            basemap,
            AREAS,
            basemap_url(paths.basemap, static_serving()),
            basemap_images(basemap, paths.basemap, static_serving(), BASEMAP_STYLE),
        ),
    )


@st.cache_data(show_spinner=False)
def _snapshot(store: str, stamp: str) -> Snapshot:
    return inbox.read(Paths.from_env().store)


def load_data(paths: Paths) -> Data:
    """The current build's data (raises one of dashboard.data.LOAD_ERRORS)."""
    return _load(str(paths.store), store_stamp(paths))


def load_snapshot(paths: Paths) -> Snapshot:
    """The analysts' inbox as of the current build: batches, articles, decisions."""
    return _snapshot(str(paths.store), store_stamp(paths))
