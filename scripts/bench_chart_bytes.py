"""Bytes of the reader's two chart protos (timeline and map) on the default filters (issue 10).

    .venv/bin/python scripts/bench_chart_bytes.py [--inline] STORE [STORE ...]

Builds each chart as `dashboard/app_pages/reader.py` does and serialises it as Streamlit does
(`plotly.io.to_json` for the timeline, the deck's `to_json` for the map, with its
evacuation arcs): the JSON in the
proto, which is what the browser is sent on every rerun. The basemap is a URL the browser
fetches once, as under `streamlit run` with the project's config (`--inline`: inside the map,
as before static serving). Prints one line per store.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import pandas as pd
import plotly.io as pio

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from dashboard.basemap_url import basemap_url  # noqa: E402
from dashboard.data import load_basemap, load_tables  # noqa: E402
from dashboard.filters import apply_filters, default_filters, filter_options  # noqa: E402
from dashboard.map_flows import flow_arcs  # noqa: E402
from dashboard.mapview import build_map, reference_sites  # noqa: E402
from dashboard.timeline import build_timeline  # noqa: E402
from dashboard.views import event_frame  # noqa: E402
from etl.schemas import AREAS  # noqa: E402
from etl.settings import Paths  # noqa: E402

MIB = 2**20


def measure(store: Path, inline: bool = False) -> str:
    paths = Paths(store=store)
    tables = load_tables(paths).tables
    view = event_frame(tables)
    basemap = load_basemap(paths.basemap)
    options = filter_options(view, tables["outlets"], tables["actors"], AREAS)
    filters = default_filters(options)
    shown = apply_filters(view, filters)
    window = (pd.Timestamp(filters.date_from), pd.Timestamp(filters.date_to))
    started = time.perf_counter()
    figure = build_timeline(shown, AREAS, "bench", window=window)
    timeline = pio.to_json(figure, validate=False)
    timeline_s = time.perf_counter() - started
    started = time.perf_counter()
    arcs = flow_arcs(tables["flows"], shown, tables["places"], tables["articles"])
    url = basemap_url(paths.basemap, serving=not inline)
    deck = build_map(
        shown, reference_sites(tables["places"]), basemap, None, arcs=arcs, basemap_url=url
    )
    deck_json = deck.to_json()
    map_s = time.perf_counter() - started
    t, m = len(timeline.encode()) / MIB, len(deck_json.encode()) / MIB
    return (
        f"{len(shown):>9,} events shown: timeline {t:7.3f} MiB ({timeline_s:5.2f} s), "
        f"map {m:7.3f} MiB ({map_s:5.2f} s), both {t + m:7.3f} MiB"
    )


if __name__ == "__main__":
    inline = "--inline" in sys.argv[1:]
    for arg in (a for a in sys.argv[1:] if a != "--inline"):
        print(measure(Path(arg), inline), flush=True)
