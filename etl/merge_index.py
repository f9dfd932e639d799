"""What the merge decided for every mention, kept so a new batch is merged without redoing it.

One row per mention a build merged, with the fields the merge reads (type, date window and
its source, place, article, offsets, trigger) and what it decided: `group`, the mention that
opened the cluster it joined, and `host`, the mention that opened the cluster it ended in once
tolls were folded into their strikes (etl/extraction/merge.py). Mentions are named by `seq`,
their position in the build's input order (article by article, as extraction found them).

From these rows `etl/merge_replay.py` rebuilds the state of any cluster at any point of the
merge, as light mentions (no sentence; of the figures only the toll's sign, `toll`: 0 'no
casualties', 1 a count of dead, which `merge.tolls_agree` reads): enough to decide again, not
to write rows.
The index is derived data (see etl/merge_state.py for where it is kept).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import pandas as pd

from etl.extraction.mentions import DateWindow, Figure, Mention
from etl.extraction.merge import Cluster, fold_casualties, group_mentions, toll_sign

COLUMNS = [
    "seq", "article_id", "event_type", "start", "end", "source", "char_start", "char_end",
    "trigger", "trigger_start", "place_id", "latitude", "longitude", "geo_precision",
    "place_note", "group", "host", "pos", "place_name", "country", "event_id", "toll",
]  # fmt: skip
_TOLL = COLUMNS.index("toll")

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
    (_, article, kind, start, end, source, c0, c1, trigger, t0, place, lat, lon, precision,
     note) = row[:15]  # fmt: skip
    precision = _none(precision)
    sign = _none(row[_TOLL])
    # the toll's sign stands in for the figures ('no casualties' 0, 'N killed' 1)
    figures = () if sign is None else (Figure("killed", float(sign), float(sign), "", "", 0, 0),)
    return Mention(
        article_id=article, event_type=kind, trigger=trigger, trigger_start=int(t0),
        trigger_end=int(t0), sentence="", char_start=int(c0), char_end=int(c1),
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
    """Index rows for these mentions and decisions, in merge order (event ids to be set)."""
    frame = pd.DataFrame(
        {
            "seq": list(seqs),
            "article_id": [m.article_id for m in mentions],
            "event_type": [m.event_type for m in mentions],
            "start": [m.date.start.toordinal() for m in mentions],
            "end": [m.date.end.toordinal() for m in mentions],
            "source": [m.date.source for m in mentions],
            "char_start": [m.char_start for m in mentions],
            "char_end": [m.char_end for m in mentions],
            "trigger": [m.trigger for m in mentions],
            "trigger_start": [m.trigger_start for m in mentions],
            "place_id": [m.place_id for m in mentions],
            "latitude": pd.array([m.latitude for m in mentions], dtype="Float64"),
            "longitude": pd.array([m.longitude for m in mentions], dtype="Float64"),
            "geo_precision": pd.array([m.geo_precision for m in mentions], dtype="Int64"),
            "place_note": [m.place_note for m in mentions],
            "group": list(group),
            "host": list(host),
            "pos": list(pos),
            "place_name": [m.place_name for m in mentions],
            "country": [m.country for m in mentions],
            "event_id": [None] * len(mentions),
            "toll": pd.array([toll_sign(m) for m in mentions], dtype="Int64"),
        },
        columns=COLUMNS,
    )
    return sort_index(frame)


def sort_index(frame: pd.DataFrame) -> pd.DataFrame:
    """Rows in merge order."""
    keys = [key_of(*k) for k in zip(frame["source"] == "article", frame["start"], frame["end"],
                                    frame["article_id"], frame["char_start"],
                                    frame["trigger_start"], frame["seq"])]  # fmt: skip
    order = sorted(range(len(keys)), key=keys.__getitem__)
    return frame.iloc[order].reset_index(drop=True)


def seq_of(clusters: Sequence[Cluster], seqs: dict[int, int]) -> dict[int, int]:
    """id(mention) -> seq of the mention that opened its cluster."""
    return {id(m): seqs[id(c.mentions[0])] for c in clusters for m in c.mentions}


def merge_all(mentions: Sequence[Mention]) -> tuple[list[Cluster], pd.DataFrame]:
    """`merge.cluster_mentions`, and the index of what it decided (mentions named by their
    position in `mentions`)."""
    seqs = {id(m): i for i, m in enumerate(mentions)}
    groups = group_mentions(mentions)
    group = seq_of(groups, seqs)  # before folding: a cluster's first mention opened it
    clusters = fold_casualties(groups)
    host = {id(m): group[id(c.mentions[0])] for c in clusters for m in c.mentions}
    index = rows_of(mentions, range(len(mentions)), [group[id(m)] for m in mentions],
                    [host[id(m)] for m in mentions], positions(mentions))  # fmt: skip
    return sorted(clusters, key=lambda c: (c.start, c.end, c.event_type, c.event_id)), index
