"""The previous build's merge, as a replay of a new batch reads it (etl/merge_replay.py).

`Replay` holds the merge index of the published build (etl/merge_index.py) in merge order,
with the look-ups the replay asks for: the mentions of each cluster, the founders and the
mentions of each (type, week) bucket, the mentions of each article; a mention's light copy is
made when first asked for.

It holds them as columns (numpy arrays; a text column as codes into its distinct values) and
each look-up as positions sorted by what it looks up, a slice found by binary search: no
Python object for each stored mention. A row's merge-order key, its seq, cluster and host
are made (as Python values) when asked for. Until session 36 it held the index's rows as
tuples, their keys as tuples and every look-up as a dict of lists: 176 MiB at 16,000
news-length articles (244,060 mentions), held through the replay, for a batch of new days
that looks at a few of them (docs/scale.md, "Session 36 (hI26)").
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Hashable, Sequence

import numpy as np
import pandas as pd

from etl.extraction.mentions import Mention
from etl.merge import SLACK, Cluster, _join
from etl.merge_index import Key, light_of

_EPOCH = 719163  # dt.date(1970, 1, 1).toordinal()
_NONE = np.empty(0, np.int64)  # no positions


def weeks(start: int, end: int) -> range:
    """`merge._weeks` on ordinals: the week buckets a window touches, slack included."""
    return range((start - SLACK.days - _EPOCH) // 7, (end + SLACK.days - _EPOCH) // 7 + 1)


class _Text:
    """A text column as codes into its distinct values; a missing value is None."""

    def __init__(self, column: pd.Series) -> None:
        codes, uniques = pd.factorize(column, use_na_sentinel=True)
        self.codes = codes.astype(np.int32 if len(uniques) < 2**31 else np.int64)
        self.values: list = [*list(uniques), None]  # code -1: the last, None
        self.code = {v: i for i, v in enumerate(self.values[:-1])}

    def __getitem__(self, p) -> object:
        return self.values[self.codes[p]]


class _Ints:
    """An integer column whose values are asked for one at a time, as Python ints."""

    def __init__(self, values: np.ndarray) -> None:
        self.array = values

    def __getitem__(self, p) -> int:
        return int(self.array[p])

    def __len__(self) -> int:
        return len(self.array)


class _Positions:
    """seq -> its row's position (`in` for whether the index has it)."""

    def __init__(self, seq: np.ndarray) -> None:
        self.at = np.full(int(seq.max()) + 1 if len(seq) else 0, -1, np.int64)
        self.at[seq] = np.arange(len(seq))

    def __contains__(self, seq: object) -> bool:
        return isinstance(seq, (int, np.integer)) and 0 <= seq < len(self.at) and self.at[seq] >= 0

    def __getitem__(self, seq: int) -> int:
        if seq not in self:
            raise KeyError(seq)
        return int(self.at[seq])


class _Lookup:
    """key -> the positions of the rows filed under it, in merge order (`get` as a dict's).
    Rows are filed under integer keys (`numbered` turns a look-up key into one, None when no
    row can be filed under it); the positions sorted by key, each key's a slice."""

    def __init__(self, keys: np.ndarray, positions: np.ndarray, numbered) -> None:
        order = np.argsort(keys, kind="stable")  # (positions come in merge order)
        self.keys, self.positions, self.numbered = keys[order], positions[order], numbered

    def __contains__(self, key: Hashable) -> bool:
        return len(self.get(key)) > 0

    def get(self, key: Hashable, default: Sequence[int] = _NONE) -> Sequence[int]:
        k = self.numbered(key)
        if k is None:
            return default
        lo, hi = np.searchsorted(self.keys, [k, k + 1])
        return self.positions[lo:hi] if hi > lo else default


def _float(column: pd.Series) -> np.ndarray:
    return pd.to_numeric(column).astype("Float64").to_numpy(np.float64, na_value=np.nan)


class Replay:
    """The previous build's merge (its index, in merge order) and the state of the replay."""

    def __init__(self, index: pd.DataFrame) -> None:
        n = len(index)

        def ints(name: str) -> np.ndarray:
            return index[name].to_numpy(np.int64)

        self.start, self.end = ints("start"), ints("end")
        self.char_start, self.char_end = ints("char_start"), ints("char_end")
        self.trigger_start = ints("trigger_start")
        self.seq, self.group, self.host = (_Ints(ints(c)) for c in ("seq", "group", "host"))
        self.article, self.kind = _Text(index["article_id"]), _Text(index["event_type"])
        self.source, self.trigger = _Text(index["source"]), _Text(index["trigger"])
        self.place, self.note = _Text(index["place_id"]), _Text(index["place_note"])
        self.latitude, self.longitude = _float(index["latitude"]), _float(index["longitude"])
        self.precision, self.toll = _float(index["geo_precision"]), _float(index["toll"])
        self.further = index["further"].to_numpy(bool)
        self.undated = self.source.codes == self.source.code.get("article", -2)
        self.keys = _Keys(self)
        self.pos = _Positions(self.seq.array)
        at = np.arange(n, dtype=np.int64)
        articles = len(self.article.values)
        kind, article = self.kind.codes.astype(np.int64), self.article.codes.astype(np.int64)
        self.members = _Lookup(self.group.array, at, _integer)
        self.of_article = _Lookup(article, at, lambda a: self.article.code.get(a))
        self.by_article = _Lookup(kind * articles + article, at, self._kind_article)
        # every (type, week) bucket a row's window touches, and the founders' among them
        first = (self.start - SLACK.days - _EPOCH) // 7
        count = (self.end + SLACK.days - _EPOCH) // 7 - first + 1
        self._weeks = (int(first.min()), int((first + count - 1).max())) if n else (0, 0)
        rows = np.repeat(at, count)
        offset = np.arange(len(rows)) - np.repeat(count.cumsum() - count, count)
        week = np.repeat(first, count) + offset
        bucket = kind[rows] * (self._weeks[1] - self._weeks[0] + 1) + (week - self._weeks[0])
        self.bucket = _Lookup(bucket, rows, self._kind_week)
        founder = (self.group.array == self.seq.array)[rows]
        self.registered = _Lookup(bucket[founder], rows[founder], self._kind_week)
        self._light: dict[int, Mention] = {}

    def _kind_article(self, key: tuple[str, str]) -> int | None:
        kind, article = self.kind.code.get(key[0]), self.article.code.get(key[1])
        if kind is None or article is None:
            return None
        return kind * len(self.article.values) + article

    def _kind_week(self, key: tuple[str, int]) -> int | None:
        kind, (low, high) = self.kind.code.get(key[0]), self._weeks
        if kind is None or not low <= key[1] <= high:
            return None
        return kind * (high - low + 1) + (key[1] - low)

    def mention(self, p: int) -> Mention:
        if p not in self._light:
            self._light[p] = light_of(
                self.article[p], self.kind[p], int(self.start[p]), int(self.end[p]),
                self.source[p], int(self.char_start[p]), int(self.char_end[p]),
                self.trigger[p], int(self.trigger_start[p]), self.place[p],
                _number(self.latitude[p]), _number(self.longitude[p]),
                _number(self.precision[p]), self.note[p], _number(self.toll[p]),
                bool(self.further[p]),
            )  # fmt: skip
        return self._light[p]

    def cut(self, key: Key) -> int:
        """How many rows come before `key` in the merge order (the rows are in it)."""
        return bisect_left(range(len(self.start)), key, key=self.keys.__getitem__)

    def opener_key(self, cid: int) -> Key:
        return self.keys[self.pos[cid]]

    def rebuilt(self, cid: int, before: Key | None = None) -> tuple[Cluster, list[int]]:
        """An old cluster as it stood before `before` (whole when None), and its seqs."""
        first = self.mention(self.pos[cid])
        cluster = Cluster(first.event_type, first.date.start, first.date.end)
        seqs = []
        for p in self.members.get(cid, ()):
            if before is not None and self.keys[p] >= before:
                break
            _join(cluster, self.mention(p))
            seqs.append(self.seq[p])
        return cluster, seqs


def _integer(key: object) -> int | None:
    return int(key) if isinstance(key, (int, np.integer)) else None


def _number(value: float) -> float | None:
    return None if value != value else float(value)


class _Keys:
    """A row's place in the merge order (`merge_index.key_of`), made when asked for."""

    def __init__(self, old: Replay) -> None:
        self.old = old

    def __getitem__(self, p) -> Key:
        old = self.old
        start, end = int(old.start[p]), int(old.end[p])
        return (bool(old.undated[p]), end - start, start, end, old.article[p],
                int(old.char_start[p]), int(old.trigger_start[p]), old.seq[p])  # fmt: skip
