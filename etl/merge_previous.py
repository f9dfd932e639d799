"""The previous build's merge, as a replay of a new batch reads it (etl/merge_replay.py).

`Replay` holds the merge index of the published build (etl/merge_index.py) in merge order,
with the look-ups the replay asks for: the mentions of each cluster, the founders and the
mentions of each (type, week) bucket, the mentions of each article; a mention's light copy is
made when first asked for.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from etl.extraction.mentions import Mention
from etl.merge import SLACK, Cluster, _join
from etl.merge_index import Key, light

_EPOCH = 719163  # dt.date(1970, 1, 1).toordinal()


def weeks(start: int, end: int) -> range:
    """`merge._weeks` on ordinals: the week buckets a window touches, slack included."""
    return range((start - SLACK.days - _EPOCH) // 7, (end + SLACK.days - _EPOCH) // 7 + 1)


def _shared(column: pd.Series) -> list:
    """The column's values as iterating it gives them (what `DataFrame.itertuples` reads),
    equal strings and equal integers one object each: the index names a few thousand
    articles, places, triggers and days, its clusters' openers and its few precisions and
    toll signs hundreds of thousands of times (docs/scale.md, "Session 35 (hI25)"). Shared
    by type and value, so no value changes its type; floats are not (0.0 and -0.0 are
    equal), nor missing values and flags."""
    seen: dict = {}
    return [seen.setdefault((type(v), v), v) if type(v) in _SHARED else v for v in column]


_SHARED = frozenset({str, int, np.int64, np.int32, np.int8})


class Replay:
    """The previous build's merge (its index, in merge order) and the state of the replay."""

    def __init__(self, index: pd.DataFrame) -> None:
        # (`index.itertuples(index=False, name=None)`'s tuples, each column's equal strings
        # and ints one object: a row's own were 369 MiB at 16,000 news-length articles)
        self.rows = list(zip(*(_shared(index[c]) for c in index.columns)))
        cols = index.columns
        at = {c: cols.get_loc(c) for c in ("seq", "group", "host", "article_id", "event_type")}
        self.seq = [r[at["seq"]] for r in self.rows]
        self.group = [r[at["group"]] for r in self.rows]
        self.host = [r[at["host"]] for r in self.rows]
        self.keys: list[Key] = [
            (r[5] == "article", r[4] - r[3], r[3], r[4], r[1], r[6], r[9], r[0]) for r in self.rows
        ]
        self.pos = {s: p for p, s in enumerate(self.seq)}
        self.members: dict[int, list[int]] = {}
        self.registered: dict[tuple[str, int], list[int]] = {}  # founders by bucket
        self.bucket: dict[tuple[str, int], list[int]] = {}  # every mention by bucket
        self.by_article: dict[tuple[str, str], list[int]] = {}
        self.of_article: dict[str, list[int]] = {}
        for p, r in enumerate(self.rows):
            kind, article = r[2], r[1]
            self.members.setdefault(self.group[p], []).append(p)
            for w in weeks(r[3], r[4]):
                self.bucket.setdefault((kind, w), []).append(p)
                if self.group[p] == self.seq[p]:
                    self.registered.setdefault((kind, w), []).append(p)
            self.by_article.setdefault((kind, article), []).append(p)
            self.of_article.setdefault(article, []).append(p)
        self._light: dict[int, Mention] = {}

    def mention(self, p: int) -> Mention:
        if p not in self._light:
            self._light[p] = light(self.rows[p])
        return self._light[p]

    def opener_key(self, cid: int) -> Key:
        return self.keys[self.pos[cid]]

    def rebuilt(self, cid: int, before: Key | None = None) -> tuple[Cluster, list[int]]:
        """An old cluster as it stood before `before` (whole when None), and its seqs."""
        first = self.rows[self.pos[cid]]
        cluster = Cluster(first[2], self.mention(self.pos[cid]).date.start,
                          self.mention(self.pos[cid]).date.end)  # fmt: skip
        seqs = []
        for p in self.members.get(cid, ()):
            if before is not None and self.keys[p] >= before:
                break
            _join(cluster, self.mention(p))
            seqs.append(self.seq[p])
        return cluster, seqs
