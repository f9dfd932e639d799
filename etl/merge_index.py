"""What the merge decided for every mention, kept so a new batch is merged without redoing it.

One row per mention a build merged, with the fields the merge reads (type, date window and
its source, place, article, offsets, trigger) and what it decided: `group`, the mention that
opened the cluster it joined, and `host`, the mention that opened the cluster it ended in once
tolls were folded into their strikes (etl/merge.py). Mentions are named by `seq`,
their position in the build's input order (article by article, as extraction found them).

From these rows `etl/merge_replay.py` rebuilds the state of any cluster at any point of the
merge, as light mentions (of the figures only the toll's sign, `toll`: 0 'no casualties', 1 a
count of dead, which `merge.tolls_agree` reads; of the sentence only whether `merge.further`
counts the mention a further happening of its article, `further`, e.g. a sentence opening
'Hours later, ...', which `merge.told_apart` reads): enough to decide again, not to write
rows.
The index is derived data (see etl/merge_state.py for where it is kept).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from operator import attrgetter

import numpy as np
import pandas as pd

from etl.extraction.mentions import DateWindow, Figure, Mention
from etl.merge import Cluster, distinct_ids, fold_casualties, further, group_mentions, toll_sign

COLUMNS = [
    "seq", "article_id", "event_type", "start", "end", "source", "char_start", "char_end",
    "trigger", "trigger_start", "place_id", "latitude", "longitude", "geo_precision",
    "place_note", "group", "host", "pos", "place_name", "country", "event_id", "toll",
    "further",
]  # fmt: skip
_TOLL = COLUMNS.index("toll")
_FURTHER = COLUMNS.index("further")
_EMPTY = {"latitude": "Float64", "longitude": "Float64", "geo_precision": "Int64", "toll": "Int64",
          "further": "bool"}  # fmt: skip
#: The sentence of a light mention whose index row says `further` and whose trigger follows
#: its sentence's start (`light`): `merge.further` says yes on it whatever made the whole
#: mention a further one (an opening 'Hours later, ...', an answer 'responded by shelling',
#: its trigger 'a second bomb'). Where the trigger opens the sentence, the light sentence is
#: the trigger itself: all of the sentence `further` reads then (up to the trigger's end).
#: A row that does not say so gets '', on which only the trigger can say yes, and it did not.
LATER = "Hours later"


def _sentence(further: bool, trigger: str, char_start: int, trigger_start: int) -> str:
    if not further:
        return ""
    return LATER if trigger_start > char_start else trigger

Key = tuple  # (undated, width, start, end, article_id, char_start, trigger_start, seq)


def key_of(undated: bool, start: int, end: int, article: str, char_start: int,
           trigger_start: int, seq: int) -> Key:  # fmt: skip
    """A mention's place in the merge order (`merge.merge_order`, ties in input order)."""
    return (undated, end - start, start, end, article, char_start, trigger_start, seq)


def mention_key_of(m: Mention, seq: int) -> Key:
    start, end = m.date.start.toordinal(), m.date.end.toordinal()
    return key_of(m.date.source == "article", start, end, m.article_id, m.char_start,
                  m.trigger_start, seq)  # fmt: skip


def _none(value: object) -> object:
    return None if value is None or value is pd.NA or value != value else value


def light(row: tuple) -> Mention:
    """A mention rebuilt from an index row (a tuple in COLUMNS order): what merging reads."""
    return light_of(*row[1:15], row[_TOLL], row[_FURTHER])


def light_of(article, kind, start, end, source, c0, c1, trigger, t0, place, lat, lon,
             precision, note, toll, further) -> Mention:  # fmt: skip
    """`light` from an index row's values (a missing one None, NA or NaN)."""
    precision = _none(precision)
    sign = _none(toll)
    # the toll's sign stands in for the figures ('no casualties' 0, 'N killed' 1)
    figures = () if sign is None else (Figure("killed", float(sign), float(sign), "", "", 0, 0),)
    return Mention(
        article_id=article, event_type=kind, trigger=trigger, trigger_start=int(t0),
        trigger_end=int(t0), sentence=_sentence(bool(further), trigger, int(c0), int(t0)),
        char_start=int(c0), char_end=int(c1),
        date=DateWindow(dt.date.fromordinal(int(start)), dt.date.fromordinal(int(end)), "",
                        source),
        place_id=_none(place), latitude=_none(lat), longitude=_none(lon),
        geo_precision=None if precision is None else int(precision), place_note=_none(note),
        figures=figures,
    )  # fmt: skip


def positions(mentions: Sequence[Mention]) -> list[int]:
    """Each mention's place among its article's mentions (they come article by article)."""
    found, last, n = [], None, 0
    for m in mentions:
        n = n + 1 if m.article_id == last else 0
        last = m.article_id
        found.append(n)
    return found


def rows_of(mentions: Sequence[Mention], seqs: Sequence[int], group: Sequence[int],
            host: Sequence[int], pos: Sequence[int]) -> pd.DataFrame:  # fmt: skip
    """Index rows for these mentions and decisions, in merge order (event ids to be set).

    The order is found on numpy columns of the sort key and the rows are made in it, so
    the frame is built once: no key tuple per mention, no second (sorted) copy of the frame
    (at 16,000 news-length articles these were about 130 MiB held beside every mention;
    docs/scale.md, "Session 22")."""
    n = len(mentions)
    if not n:  # (as it always was)
        empty = {c: pd.array([], dtype=_EMPTY[c]) if c in _EMPTY else [] for c in COLUMNS}
        return sort_index(pd.DataFrame(empty, columns=COLUMNS))
    seq = np.fromiter(seqs, np.int64, n)
    start = np.fromiter((m.date.start.toordinal() for m in mentions), np.int64, n)
    end = np.fromiter((m.date.end.toordinal() for m in mentions), np.int64, n)
    char_start = np.fromiter((m.char_start for m in mentions), np.int64, n)
    trigger_start = np.fromiter((m.trigger_start for m in mentions), np.int64, n)
    undated = np.fromiter((m.date.source == "article" for m in mentions), bool, n)
    articles = [m.article_id for m in mentions]
    order = _merge_order(undated, start, end, articles, char_start, trigger_start, seq)
    mentions = [mentions[i] for i in order]
    frame = pd.DataFrame(
        {
            "seq": seq[order],
            "article_id": [articles[i] for i in order],
            "event_type": [m.event_type for m in mentions],
            "start": start[order],
            "end": end[order],
            "source": [m.date.source for m in mentions],
            "char_start": char_start[order],
            "char_end": np.fromiter((m.char_end for m in mentions), np.int64, n),
            "trigger": [m.trigger for m in mentions],
            "trigger_start": trigger_start[order],
            "place_id": [m.place_id for m in mentions],
            "latitude": pd.array([m.latitude for m in mentions], dtype="Float64"),
            "longitude": pd.array([m.longitude for m in mentions], dtype="Float64"),
            "geo_precision": pd.array([m.geo_precision for m in mentions], dtype="Int64"),
            "place_note": [m.place_note for m in mentions],
            "group": np.asarray(group, np.int64)[order],
            "host": np.asarray(host, np.int64)[order],
            "pos": np.asarray(pos, np.int64)[order],
            "place_name": [m.place_name for m in mentions],
            "country": [m.country for m in mentions],
            "event_id": [None] * n,
            "toll": pd.array([toll_sign(m) for m in mentions], dtype="Int64"),
            "further": np.fromiter((further(m) for m in mentions), bool, n),
        },
        columns=COLUMNS,
    )
    return frame


def _merge_order(undated, start, end, articles, char_start, trigger_start, seq) -> np.ndarray:
    """Positions in the order of `key_of` (seq last, so no two rows tie): a stable sort on
    each key from the last to the first, the article ids ranked as Python orders them."""
    rank = {a: i for i, a in enumerate(sorted(set(articles)))}
    article = np.fromiter((rank[a] for a in articles), np.int64, len(articles))
    start, end = np.asarray(start, np.int64), np.asarray(end, np.int64)
    return np.lexsort((np.asarray(seq, np.int64), np.asarray(trigger_start, np.int64),
                       np.asarray(char_start, np.int64), article, end, start, end - start,
                       np.asarray(undated, bool)))  # fmt: skip


def sort_index(frame: pd.DataFrame) -> pd.DataFrame:
    """Rows in merge order."""
    if frame.empty:
        return frame.iloc[[]].reset_index(drop=True)
    order = _merge_order((frame["source"] == "article").to_numpy(bool), frame["start"],
                         frame["end"], list(frame["article_id"]), frame["char_start"],
                         frame["trigger_start"], frame["seq"])  # fmt: skip
    return frame.take(order).reset_index(drop=True)


def seq_of(clusters: Sequence[Cluster], seqs: dict[int, int]) -> dict[int, int]:
    """id(mention) -> seq of the mention that opened its cluster."""
    return {id(m): seqs[id(c.mentions[0])] for c in clusters for m in c.mentions}


def merge_all(mentions: Sequence[Mention]) -> tuple[list[Cluster], pd.DataFrame]:
    """`merge.cluster_mentions`, and the index of what it decided (mentions named by their
    position in `mentions`)."""
    at = _position(mentions)
    groups = group_mentions(mentions)
    group = [0] * len(mentions)  # by seq: the seq of the mention that opened its cluster
    for c in groups:  # (before folding: a cluster's first mention opened it)
        opener = at(c.mentions[0])
        for m in c.mentions:
            group[at(m)] = opener
    clusters = fold_casualties(groups)
    host = [0] * len(mentions)
    for c in clusters:
        opener = group[at(c.mentions[0])]
        for m in c.mentions:
            host[at(m)] = opener
    del at
    index = rows_of(mentions, range(len(mentions)), group, host, positions(mentions))
    distinct_ids(clusters)
    return sorted(clusters, key=lambda c: (c.start, c.end, c.event_type, c.event_id)), index


def _position(mentions: Sequence[Mention]) -> Callable[[Mention], int]:
    """mention -> its position in `mentions`: a light row's own `seq` when every row's is its
    position (etl/light_mentions.py: a build's are), else by a dict of every mention's id (a
    dict of every light row's was 1.5 MiB per 1,000 news-length articles held through the
    clustering: docs/scale.md, "Session 35 (hI25)")."""
    if all(getattr(m, "seq", None) == i for i, m in enumerate(mentions)):
        return attrgetter("seq")
    seqs = {id(m): i for i, m in enumerate(mentions)}
    return lambda m: seqs[id(m)]
