"""Joined, display-ready frames built from the tidy tables (pure: data in, frame out)."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pandas as pd

from etl.csvwriter import frame_csv_bytes
from etl.extraction.mentions import RUNNING_TOLL, TOLL_QUANTITIES
from etl.extraction.vague_words import VAGUE_QUALIFIERS
from etl.tables import Tables

#: Rows of the events table sent to the browser (all 100,000 were 41 MB on every rerun).
TABLE_ROWS = 1_000

PRECISION_WORDS = {
    "day": "exact day",
    "days": "within a few days",
    "weeks": "within weeks",
    "months": "within months",
}


#: Columns of few distinct values, kept as categories (each text once, a small code per
#: event): the event frame and every filtered copy of it at 1,000,000 events held them as
#: a string per event (about 250 MB a copy). Those the charts compute with (type, label,
#: colour, area, place, dates' texts, status) are still text: the chart code concatenates
#: and merges them as text.
CATEGORIES = (
    "sub_type", "acled_event_type", "acled_sub_event_type", "date_note", "actor1", "actor2",
    "batch_id", "place_kind", "actor1_name", "actor2_name", "source_ids", "figures_text",
)  # fmt: skip


def format_date_window(start: pd.Timestamp, end: pd.Timestamp) -> str:
    """'20 Feb 2019' or '16–17 Feb 2019' or '28 Jan – 19 Feb 2019'; 'no dates' when either
    end is missing (a store without events has no date range)."""
    if pd.isna(start) or pd.isna(end):
        return "no dates"
    if start == end:
        return f"{start.day} {start:%b %Y}"
    if (start.year, start.month) == (end.year, end.month):
        return f"{start.day}–{end.day} {end:%b %Y}"
    if start.year == end.year:
        return f"{start.day} {start:%b} – {end.day} {end:%b %Y}"
    return f"{start.day} {start:%b %Y} – {end.day} {end:%b %Y}"


def _lists_per_event(claims: pd.DataFrame, column: str, events: pd.Index) -> list[list[str]]:
    """For each of `events`, the sorted distinct non-empty texts of `column` among its
    claims. Column operations: a bit per distinct text, or-ed per event, then one list per
    distinct set of bits, shared by every event with that set (a million events have a few
    thousand sets of outlets: a Python pass per claim took 20 s at 100,000 events). The
    lists are shared: read-only."""
    values = claims[column]
    ok = (values.notna() & (values.astype(str) != "")).to_numpy(dtype=bool)
    event = events.get_indexer(claims["event_id"][ok])
    codes, texts = pd.factorize(values[ok], sort=True)
    found = event >= 0
    event, codes = event[found], codes[found].astype(np.int64)
    words = max((len(texts) + 63) // 64, 1)
    bits = np.zeros((len(events), words), dtype=np.uint64)
    one = np.left_shift(np.uint64(1), (codes % 64).astype(np.uint64))
    np.bitwise_or.at(bits, (event, codes // 64), one)
    sets, which = np.unique(bits, axis=0, return_inverse=True)
    names = np.asarray(texts, dtype=object)
    lists = [
        names[np.flatnonzero(np.unpackbits(row.view(np.uint8), bitorder="little"))].tolist()
        for row in sets
    ]
    return [lists[k] for k in np.ravel(which).tolist()]


def _date_texts(starts: pd.Series, ends: pd.Series) -> list[str]:
    """format_date_window of each row, made once per distinct (start, end) pair."""
    pairs = pd.DataFrame({"s": starts.to_numpy(), "e": ends.to_numpy()})
    group = pairs.groupby(["s", "e"], sort=False, dropna=False).ngroup().to_numpy()
    firsts = pairs.drop_duplicates()  # in order of first appearance, as ngroup numbers them
    texts = [format_date_window(s, e) for s, e in zip(firsts["s"], firsts["e"])]
    return [texts[k] for k in group.tolist()]


def _columns(tables: Tables, name: str, columns: list[str] | None) -> pd.DataFrame:
    """Those columns (None: all) of a table: from a store opened lazily, read alone and not
    kept (`dashboard.lazy_tables`), not the whole table with its quotes and sentences."""
    read = getattr(tables, "columns", None)
    if read is not None:
        return read(name, columns)
    return tables[name] if columns is None else tables[name][columns]


def shown_claims(claims: pd.DataFrame) -> pd.DataFrame:
    """The claims readers may see: none an analyst rejected (a rejected event's, or a
    sentence rejected on its own, which stays in the tables for the analysts' review list).
    Every reader's path takes claims through here, and figures through `shown_figures`."""
    return claims[claims["review_status"] != "rejected"]


def shown_figures(figures: pd.DataFrame, claims: pd.DataFrame) -> pd.DataFrame:
    """The figures of `figures` that no rejected claim of `claims` gives."""
    hidden = claims.loc[claims["review_status"] == "rejected", "claim_id"]
    return figures[~figures["claim_id"].isin(hidden)] if len(hidden) else figures


def shown_tables(tables: Tables) -> dict[str, pd.DataFrame]:
    """The claims and figures tables as readers may see them (read whole: for downloads)."""
    claims = tables["claims"]
    return {"claims": shown_claims(claims), "figures": shown_figures(tables["figures"], claims)}


def _claim_links(tables: Tables) -> tuple[pd.DataFrame, pd.DataFrame]:
    """What event_frame needs of the claims readers see: their event, outlet and claimant
    organisation; and the claims they may not see (id and status: for `shown_figures`)."""
    articles = _columns(tables, "articles", ["article_id", "outlet_id", "outlet"])
    actors = _columns(tables, "actors", ["actor_id", "name"]).rename(
        columns={"actor_id": "claimant_actor", "name": "claimant_org"}
    )
    columns = ["claim_id", "event_id", "article_id", "claimant_actor", "review_status"]
    every = _columns(tables, "claims", columns)
    hidden = every.loc[every["review_status"] == "rejected", ["claim_id", "review_status"]]
    claims = shown_claims(every).drop(columns="review_status").reset_index(drop=True)
    del every
    # looked up by key, as left merges would add them, without copying 3,000,000 rows twice
    _add(
        claims, articles.drop_duplicates("article_id").set_index("article_id"), claims["article_id"]
    )
    by_actor = actors.drop_duplicates("claimant_actor").set_index("claimant_actor")
    _add(claims, by_actor, claims["claimant_actor"])
    return claims, hidden


def claim_frame(tables: Tables) -> pd.DataFrame:
    """The claims readers see, with their article, outlet, wire and claimant organisation
    by name."""
    articles = tables["articles"][
        ["article_id", "outlet_id", "outlet", "wire", "title", "published"]
    ]
    actors = tables["actors"][["actor_id", "name"]].rename(
        columns={"actor_id": "claimant_actor", "name": "claimant_org"}
    )
    claims = shown_claims(tables["claims"]).merge(articles, on="article_id", how="left")
    return claims.merge(actors, on="claimant_actor", how="left")


def _add(view: pd.DataFrame, table: pd.DataFrame, keys: pd.Series) -> None:
    """`table`'s columns (by its unique index) on each row of `view` by `keys`, in place;
    missing where a key is not in it (as a left merge gives)."""
    at = table.index.get_indexer(keys)
    for column in table.columns:
        values = table[column]
        found = values.take(at) if (at >= 0).all() else values.reindex(keys)
        view[column] = found.set_axis(view.index)  # the view's rows, in its order


def event_frame(tables: Tables) -> pd.DataFrame:
    """One row per event with everything the timeline, map, filters and table need.

    Events an analyst rejected are not shown to readers (they stay in the tables, and in the
    analysts' history), nor are claims rejected (`shown_claims`): not counted, not among the
    outlets, claimants or figures."""
    events = _columns(tables, "events", None)  # a lazily opened store's events: read, not kept
    events = events[events["review_status"] != "rejected"].reset_index(drop=True)
    types = tables["event_types"][["event_type", "label", "colour"]]
    places = tables["places"][["place_id", "name", "area", "latitude", "longitude", "kind"]].rename(
        columns={"name": "place", "kind": "place_kind"}
    )
    actors = dict(zip(tables["actors"]["actor_id"], tables["actors"]["name"]))
    claims, hidden = _claim_links(tables)
    per_event = claims.groupby("event_id").agg(n_claims=("claim_id", "count"))
    for name, column in (
        ("outlet_ids", "outlet_id"),
        ("outlets", "outlet"),
        ("claimant_actors", "claimant_actor"),
        ("claimant_orgs", "claimant_org"),
    ):
        per_event[name] = _lists_per_event(claims, column, per_event.index)
    per_event = per_event[["outlet_ids", "outlets", "claimant_actors", "claimant_orgs", "n_claims"]]
    del claims  # a row per claim (3,000,000 at a million events): freed before the merges
    # the types', places' and claims' columns looked up by key, as left merges would add them
    # (each merge copied every event: most of the loader's peak at a million events)
    view = events
    _add(view, types.set_index("event_type"), view["event_type"])
    _add(view, places.set_index("place_id"), view["place_id"])
    _add(view, per_event, view["event_id"])
    view["background"] = view["background"].fillna(False).astype(bool)
    # an extracted event whose place no gazetteer knew: in the Elsewhere lane, not on the map
    view["area"] = view["area"].fillna("Elsewhere")
    view["place"] = view["place"].fillna("place unknown")
    view["date_start"] = pd.to_datetime(view["date_start"])
    view["date_end"] = pd.to_datetime(view["date_end"])
    view["date_text"] = _date_texts(view["date_start"], view["date_end"])
    view["precision_text"] = (
        view["date_precision"].map(PRECISION_WORDS).fillna(view["date_precision"])
    )
    view["actor1_name"] = view["actor1"].map(actors)
    view["actor2_name"] = view["actor2"].map(actors)
    figures = _columns(tables, "figures", ["claim_id", "event_id", "quantity", "value_low",
                                           "value_high", "qualifier"])  # fmt: skip
    figures = shown_figures(figures, hidden)
    view["figures_text"] = _figure_texts(figures, view["event_id"])
    view = view.sort_values(["date_start", "date_end", "event_key"], ignore_index=True)
    return compact(view)


def compact(view: pd.DataFrame) -> pd.DataFrame:
    """The view with its `CATEGORIES` as pandas categories (sorted, as the texts sort)."""
    if COMPACT:
        for column in CATEGORIES:
            view[column] = view[column].astype("category")
    return view


#: Whether the event frame keeps `CATEGORIES` as categories (off: as text; for comparing).
COMPACT = True


def _figure_texts(figures: pd.DataFrame, event_ids: pd.Series) -> list[str]:
    """Per event, the range each quantity spans across sources: 'trucks 15–22; killed 15–16'.

    A death toll no source counts, told only by a vague word, is unknown and says so with
    the word and its bounds: 'killed unknown (dozens, 24–99)', not '24–99' as if counted; a
    vague word beside a count is named after the count's range: 'killed 3 (and dozens)', or
    after its own quantity's name when the count is another toll's: 'deaths 72; killed dozens
    (24–99)' (`toll_words`; the toll is 72, as etl.extraction.tolls.fatalities reads it).
    One grouped pass over the figures (a scan per event was quadratic: 14 s at 10k events);
    each distinct number formatted once."""
    vague = toll_words(figures)
    counted = figures[~vague] if vague.any() else figures
    values = pd.concat(
        [counted[["event_id", "quantity", c]].rename(columns={c: "v"})
         for c in ("value_low", "value_high")]
    )  # fmt: skip
    spans = values.groupby(["event_id", "quantity"], sort=True)["v"].agg(["min", "max"])
    numbers = pd.unique(np.concatenate([spans["min"].to_numpy(), spans["max"].to_numpy()]))
    text = pd.Series([f"{v:,.0f}" for v in numbers], index=numbers)
    low, high = spans["min"].map(text).tolist(), spans["max"].map(text).tolist()
    same = (spans["min"] == spans["max"]).tolist()
    names = {q: q.replace("_", " ") for q in figures["quantity"].unique()}
    said = {
        (event, quantity): f"{names[quantity]} {lo if one else lo + '–' + hi}"
        for (event, quantity), lo, hi, one in zip(spans.index, low, high, same)
    }
    if "qualifier" in counted.columns:  # 'hundreds of families' alone: 100 or more, not 100
        open_words = counted[
            counted["value_high"].isna()
            & counted["value_low"].notna()
            & counted["qualifier"].isin(VAGUE_QUALIFIERS)
        ]
        for key in set(zip(open_words["event_id"], open_words["quantity"])):
            if key in said and key in spans.index and spans.at[key, "min"] == spans.at[key, "max"]:
                said[key] += "+"
    keys = spans.index
    if vague.any():
        words = _vague_words(figures[vague])
        # the events whose dead a source counts ('killed', 'deaths', a running total): their
        # toll is known
        counted = set(figures.loc[figures["quantity"].isin(TOLL_FIGURES) & ~vague, "event_id"])
        for key, (word, bounds) in words.items():
            if key in said:
                said[key] += f" (and {word})"
            elif key[0] in counted:  # 'deaths 72; killed dozens (24–99)'
                said[key] = f"{names[key[1]]} {word} ({bounds})"
            else:
                said[key] = f"{names[key[1]]} unknown ({word}, {bounds})"
        keys = keys.union(pd.MultiIndex.from_tuples(list(words), names=keys.names))
    parts: dict[str, list[str]] = {}
    for key in keys:
        parts.setdefault(key[0], []).append(said[key])
    joined = {event: "; ".join(found) for event, found in parts.items()}
    return [joined.get(event, "") for event in event_ids.tolist()]


#: the quantities whose figures tell an event's dead (etl.extraction.mentions)
TOLL_FIGURES = TOLL_QUANTITIES | {RUNNING_TOLL}


def toll_words(figures: pd.DataFrame) -> pd.Series:
    """Which figures tell the dead by a vague word ('dozens of soldiers', 'scores'): a
    death toll (`TOLL_FIGURES`) whose qualifier is a vague word's (figure_vague.csv). Such a
    figure keeps its words and bounds, but counts nobody: with no count beside it the
    event's toll is unknown (the extractor's rule, etl.extraction.tolls.fatalities)."""
    if "qualifier" not in figures.columns:
        return pd.Series(False, index=figures.index)
    return figures["quantity"].isin(TOLL_FIGURES) & figures["qualifier"].isin(VAGUE_QUALIFIERS)


def _vague_words(figures: pd.DataFrame) -> dict[tuple[str, str], tuple[str, str]]:
    """(event, quantity) -> the vague words its sources used ('dozens', 'dozens/scores') and
    the bounds they span ('24–99')."""
    out: dict[tuple[str, str], tuple[str, str]] = {}
    for key, rows in figures.groupby(["event_id", "quantity"], sort=True):
        word = "/".join(sorted({str(q) for q in rows["qualifier"]}))
        lo = rows["value_low"].min()
        hi = rows["value_high"].max()
        shown = [f"{v:,.0f}" for v in (lo, hi) if pd.notna(v)]
        if pd.notna(lo) and rows["value_high"].isna().any():  # 'hundreds': 100 or more (C4)
            shown = [f"{lo:,.0f} or more"]
        out[key] = (word, "–".join(dict.fromkeys(shown)) or "no bounds")
    return out


def best_documented(view: pd.DataFrame) -> str:
    """The event to open first: most independent sources, then most claims, then latest."""
    ranked = view.sort_values(
        ["independent_sources", "n_claims", "date_end", "event_key"],
        ascending=[False, False, False, True],
    )
    return str(ranked["event_id"].iloc[0])


def table_frame(view: pd.DataFrame) -> pd.DataFrame:
    """The filtered events as a reader sees them in the table and the CSV download (text
    columns as text, also those the event frame keeps as categories)."""
    table = pd.DataFrame(
        {
            "date": view["date_text"],
            "date_start": view["date_start"].dt.date.astype(str),
            "date_end": view["date_end"].dt.date.astype(str),
            "date_precision": view["date_precision"],
            "event_type": view["label"],
            "acled_event_type": view["acled_event_type"],
            "acled_sub_event_type": view["acled_sub_event_type"],
            "area": view["area"],
            "place": view["place"],
            "latitude": view["latitude"],
            "longitude": view["longitude"],
            "geo_precision": view["geo_precision"],
            "summary": view["summary"],
            "figures": view["figures_text"],
            "outlets": view["outlets"].map(", ".join),
            "claimants": view["claimant_orgs"].map(", ".join),
            "independent_sources": view["independent_sources"],
            "origin": view["origin"],
            "review_status": view["review_status"],
            "event_id": view["event_id"],
        }
    )
    # categories as text: a table of 1,000 rows sent with every category of 1,000,000 events
    for column in table.columns:
        if isinstance(table[column].dtype, pd.CategoricalDtype):
            table[column] = table[column].astype(table[column].cat.categories.dtype)
    return table


def newest(view: pd.DataFrame, limit: int) -> pd.DataFrame:
    """The last `limit` rows of a view sorted by date: its newest events, still oldest first."""
    return view.iloc[-limit:] if len(view) > limit else view


def table_csv(view: pd.DataFrame) -> Callable[[], bytes]:
    """A function that builds the CSV of the whole table of `view` when called (a download
    button runs it on click, not on every rerun: 31.5 MB at 100,000 events)."""
    return lambda: frame_csv_bytes(table_frame(view))
