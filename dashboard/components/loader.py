"""The published data, loaded once per build and shared by both pages (Streamlit cache)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pandas as pd
import streamlit as st

from dashboard.data import Loaded, batch_names, load_basemap, load_tables
from dashboard.views import claim_frame, event_frame
from etl import inbox
from etl.inbox import Snapshot
from etl.settings import Paths


@dataclass(frozen=True)
class Data:
    """What the pages draw: the tables, the reader's frames, the basemap and batch names."""

    loaded: Loaded
    view: pd.DataFrame
    claims: pd.DataFrame
    basemap: dict[str, Any] | None
    batch_names: dict[str, str]


def store_stamp(paths: Paths) -> float:
    """Changes whenever a build is published (the `current` pointer is swapped in the folder)."""
    return paths.store.stat().st_mtime if paths.store.exists() else 0.0


@st.cache_data(show_spinner="Loading events…")
def _load(store: str, stamp: float) -> Data:  # stamp: reload when the store is rebuilt
    paths = Paths.from_env()
    loaded = load_tables(paths)
    tables = loaded.tables
    return Data(
        loaded,
        event_frame(tables),
        claim_frame(tables),
        load_basemap(paths.basemap),
        batch_names(paths.store),
    )


@st.cache_data(show_spinner=False)
def _snapshot(store: str, stamp: float) -> Snapshot:
    return inbox.read(Paths.from_env().store)


def load_data(paths: Paths) -> Data:
    """The current build's data (raises one of dashboard.data.LOAD_ERRORS)."""
    return _load(str(paths.store), store_stamp(paths))


def load_snapshot(paths: Paths) -> Snapshot:
    """The analysts' inbox as of the current build: batches, articles, decisions."""
    return _snapshot(str(paths.store), store_stamp(paths))
