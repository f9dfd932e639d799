"""The claims and figures behind one event, for its detail panel (pure; no Streamlit).

When every table is in memory (the default data, a store read whole) they are cut from the
claim frame; from a store opened lazily (`dashboard.lazy_tables`) they are read by row id for
the one event asked for, so the quotes and sentences of 3,000,000 claims are never all held.
"""

from __future__ import annotations

import threading
from collections import OrderedDict

import pandas as pd

from dashboard.detail import article_names, mentions_article_numbers, readable_note
from dashboard.lazy_tables import ROWID, LazyTables, RowsByKey
from dashboard.views import claim_frame
from etl.tables import Tables

#: Events whose claims and figures are kept (the one open, and the last few looked at).
KEPT = 16


class EventDetail:
    """`detail(event_id)` -> (its claims as `views.claim_frame` rows, its figures)."""

    def __init__(
        self, tables: Tables, event_ids: pd.Series, rows: tuple[RowsByKey, RowsByKey] | None = None
    ) -> None:
        """`rows`: the row ids of each event's claims and figures when already known (the
        build's reader file, `dashboard.frame_file`); else read here from a lazy store."""
        self.tables = tables
        self._kept: OrderedDict[str, tuple[pd.DataFrame, pd.DataFrame]] = OrderedDict()
        self._lock = threading.Lock()
        self._names: dict[str, str] | None = None  # article number -> outlet and title
        if isinstance(tables, LazyTables) and not tables.loaded("claims"):
            self.claims = None
            if rows is None:
                found = tables.columns("claims", ["event_id"], rowid=True)
                claim_rows = RowsByKey(event_ids, found["event_id"], found[ROWID].to_numpy())
                found = tables.columns("figures", ["event_id"], rowid=True)
                rows = claim_rows, RowsByKey(event_ids, found["event_id"], found[ROWID].to_numpy())
            self.claim_rows, self.figure_rows = rows
        else:
            self.claims = claim_frame(tables)

    def __call__(self, event_id: str) -> tuple[pd.DataFrame, pd.DataFrame]:
        with self._lock:
            if event_id in self._kept:
                self._kept.move_to_end(event_id)
                return self._kept[event_id]
        found = self._read(event_id)
        with self._lock:
            self._kept[event_id] = found
            while len(self._kept) > KEPT:
                self._kept.popitem(last=False)
        return found

    def date_note(self, note: object) -> str | None:
        """An event's date note as a reader can follow it: the seed articles it names by
        number ('001 (20 Feb)') named by outlet and title instead (the articles' file, outlet
        and title columns are read once, and only when a note names a number)."""
        if not isinstance(note, str) or not note:
            return None
        if not mentions_article_numbers(note):
            return note
        if self._names is None:
            tables = self.tables
            if isinstance(tables, LazyTables) and not tables.loaded("articles"):
                articles = tables.columns("articles", ["file", "outlet", "title"])
            else:
                articles = tables["articles"]
            self._names = article_names(articles)
        return readable_note(note, self._names)

    def _read(self, event_id: str) -> tuple[pd.DataFrame, pd.DataFrame]:
        tables = self.tables
        if self.claims is not None:
            claims = self.claims[self.claims["event_id"] == event_id]
            figures = tables["figures"][tables["figures"]["event_id"] == event_id]
            figures = figures[figures["claim_id"].isin(claims["claim_id"])]  # none rejected
            return claims.reset_index(drop=True), figures.reset_index(drop=True)
        claims = tables.by_rowid("claims", self.claim_rows(event_id).tolist())
        claims = claims[claims["event_id"] == event_id]
        articles = tables.by_key("articles", "article_id", claims["article_id"].tolist())
        mine = claim_frame({"claims": claims, "articles": articles, "actors": tables["actors"]})
        figures = tables.by_rowid("figures", self.figure_rows(event_id).tolist())
        # the figures of the claims readers see (`claim_frame` leaves rejected ones out)
        figures = figures[
            (figures["event_id"] == event_id) & figures["claim_id"].isin(mine["claim_id"])
        ]
        return mine, figures.reset_index(drop=True)
