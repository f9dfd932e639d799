"""Downloads of the filtered view: CSV with provenance, GeoJSON and an ACLED-format CSV.

Each button is given a function, not bytes: Streamlit (1.50+) runs it only when the reader
clicks (on a thread of its own, after the page has drawn), so a rerun of the page never builds
a file nobody asked for. The functions close over the frames of this run, so the file is
exactly the view on screen when the button was drawn.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping

import pandas as pd
import streamlit as st

from dashboard.views import shown_claims, shown_tables
from etl.formats.acled import acled_csv
from etl.formats.geojson import geojson_bytes
from etl.formats.provenance import provenance_csv
from etl.tables import Tables


def download_makers(
    shown: pd.DataFrame | Callable[[], pd.DataFrame],
    tables: Tables,
    batch_names: Mapping[str, str],
) -> dict[str, Callable[[], bytes]]:
    """Format -> a function that builds that file of the events in `shown`, or of those a
    function given as `shown` returns when called (nothing is built here). `shown` is not
    copied (0.6 s at 100,000 events on every rerun): the page's frames are kept per filter
    state and never changed in place (dashboard.derived)."""
    names = dict(batch_names)
    events = shown if callable(shown) else (lambda: shown)

    def sources() -> bytes:
        claims = shown_claims(tables["claims"])  # no rejected claim
        return provenance_csv(events(), claims, tables["articles"], names)

    def acled() -> bytes:
        readable = {n: tables[n] for n in ("places", "actors", "outlets")}
        return acled_csv(events(), readable | shown_tables(tables), int(time.time()))

    return {"sources": sources, "geojson": lambda: geojson_bytes(events()), "acled": acled}


#: The row of download buttons (a key: the print style hides it whole).
DOWNLOADS_KEY = "downloads"


def render_downloads(
    shown: pd.DataFrame | Callable[[], pd.DataFrame],
    tables: Tables,
    batch_names: Mapping[str, str],
    stem: str,
    empty: bool | None = None,
    first: Callable[[], None] | None = None,
) -> None:
    """The buttons under the table, in one row: the same events, as files for other tools
    (`shown`: the events, or a function that gives them when a button is clicked; then
    `empty` says whether there are none), after the one `first` draws (the table's CSV).
    Each button as wide as its label, a small gap between them, wrapped onto a second row
    only when they do not fit: in three equal columns the three sat far apart at 1920 px
    (starting 492 px apart, 287 px between two), under the table's CSV on a row of its own."""
    makers = download_makers(shown, tables, batch_names)
    buttons = (
        ("sources", "Events with their sources (CSV)", "_sources.csv", "text/csv",
         "One row per claim: who says so, the exact quote, outlet, URL and batch."),
        ("geojson", "Map layer (GeoJSON)", ".geojson", "application/geo+json",
         "One point per event, for QGIS or geojson.io."),
        ("acled", "ACLED format (CSV)", "_acled.csv", "text/csv",
         "ACLED's columns, one row per event (see Methodology for how fields map)."),
    )  # fmt: skip
    with st.container(horizontal=True, gap="small", key=DOWNLOADS_KEY):
        if first is not None:
            first()
        for fmt, label, suffix, mime, tip in buttons:
            st.download_button(
                label,
                data=makers[fmt],  # built when clicked, not on every rerun
                file_name=stem + suffix,
                mime=mime,
                help=tip,
                key=f"download_{fmt}",
                on_click="ignore",
                disabled=shown.empty if empty is None else empty,
            )
