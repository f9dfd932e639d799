"""A store whose text columns hold hostile strings: markup, scripts, links, formulas.

Used by the AppTest runs (tests/dashboard) and the browser test (tests/browser) to check that
every place the dashboard shows data shows it as plain text.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from etl.build import build_tables
from etl.settings import Paths
from etl.store import write_store
from etl.tables import Tables

#: What each text column is set to; `{id}` is the row's own id (names stay unique).
HOSTILE = {
    ("events", "summary"): '=HYPERLINK("http://x") <script>window.__pwned=1</script> **bold**',
    ("events", "date_note"): '<img src=x onerror="window.__pwned=2"> www.evil.example',
    ("events", "place_note"): "placed at <b>x</b> [here](http://evil.example/p) $x$",
    ("events", "acled_event_type"): "[acled](http://evil.example/a) $x^2$",
    ("outlets", "name"): "[click {id}](javascript:window.__pwned=3) **bold**",
    ("articles", "outlet"): "[click {id}](javascript:window.__pwned=3) **bold**",
    ("articles", "title"): "![img](http://evil.example/p.png) ~~strike~~ `code` :streamlit:",
    ("claims", "claimant"): "mail@evil.example $x$ *claimant*",
    ("claims", "quote"): "# heading\n- item <b>bold</b> a -> b http://evil.example/q",
    ("claims", "sentence"): "> sentence &lt;b&gt; [x](http://evil.example/y) 1. list",
    ("places", "name"): '<a href="javascript:window.__pwned=4">{id}</a> www.evil.example',
    ("event_types", "label"): "<i>{id}</i> **bold** <script>window.__pwned=5</script>",
    ("actors", "name"): '<img src=x onerror="window.__pwned=6"> _{id}_',
}
ID_COLUMNS = {
    "outlets": "outlet_id",
    "articles": "outlet_id",
    "places": "place_id",
    "event_types": "event_type",
    "actors": "actor_id",
}


def hostile_tables(tables: Tables) -> Tables:
    """A copy of `tables` with every column of HOSTILE overwritten (ids and numbers kept)."""
    out = {name: frame.copy() for name, frame in tables.items()}
    for (name, column), template in HOSTILE.items():
        frame = out[name]
        ids = frame[ID_COLUMNS[name]] if name in ID_COLUMNS else pd.Series("", index=frame.index)
        frame[column] = [template.format(id=i) for i in ids]
    return out


def hostile_value(name: str, column: str, row_id: str = "") -> str:
    """The hostile text a given row's column holds."""
    return HOSTILE[(name, column)].format(id=row_id)


def write_hostile_store(store: Path) -> Tables:
    """Write the hostile store at `store` (a path without suffix: a file or a folder of
    builds, whichever etl.store writes); return its tables."""
    tables = hostile_tables(build_tables(Paths()))
    write_store(store, tables)
    return tables
