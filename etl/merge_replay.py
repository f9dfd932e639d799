"""Merging a new batch's mentions into a merged store, touching only what they can reach.

`merge.group_mentions` is greedy: mentions are taken in one fixed order and each joins the
best-fitting cluster open so far among those registered in its (type, week) buckets (or one
its own article reports). So a mention decides as it did in the previous build unless a
cluster it could see is different at its turn: one opened, changed or closed by the batch.
The replay walks only those mentions, in the merge order, from a heap:

- the batch's mentions are on it from the start;
- a cluster that starts to differ from the previous build ("diverges") puts on it every later
  mention that could see it: those in its buckets and those of its articles (their undated
  sentences may join it as their own article's event);
- a mention that decides differently, or joins a diverging cluster, puts on it the later
  mentions of its own article and type.

Every other mention keeps its decision without being looked at, and a cluster no replayed
mention touched is rebuilt (from the index's light mentions) only when a replayed mention
needs to see it. Folding tolls into strikes is then redone over the clusters that share an
article, directly or in a chain, with a changed one. The result is the same as merging
everything again (tests/etl/test_merge_replay.py checks it on random batches).
"""

from __future__ import annotations

import heapq
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

import numpy as np

from etl.extraction.mentions import Mention
from etl.merge import (
    CASUALTIES,
    VIOLENT,
    Cluster,
    _fit,
    _join,
    _where,
    fold_casualties,
    places_compatible,
    told_apart,
    tolls_agree,
    windows_meet,
)
from etl.merge_index import Key, mention_key_of
from etl.merge_previous import Replay, weeks

FOLDED = VIOLENT | CASUALTIES  # the types folding moves mentions between


@dataclass
class Outcome:
    """What the batch changed: clusters (after folding) as they are now and the previous
    build's clusters they replace, both named by the seq of the mention that opened them."""

    clusters: dict[int, Cluster]  # new or changed clusters
    seqs: dict[int, list[int]]  # their mentions' seqs, in cluster order
    removed: set[int]  # clusters of the previous build that changed or are gone
    group: dict[int, int] = field(default_factory=dict)  # seq -> cluster opener, as now
    host: dict[int, int] = field(default_factory=dict)  # seq -> folded cluster's opener


class _Run:
    """One replay: the new mentions merged into the old index."""

    def __init__(self, old: Replay, new: Sequence[tuple[int, Mention]]) -> None:
        self.old = old
        self.cursors: dict[int, list] = {}  # cid -> [cluster, seqs, members joined]
        self.new = {seq: m for seq, m in new}
        self.key: dict[int, Key] = {seq: mention_key_of(m, seq) for seq, m in new}
        self.live: dict[int, Cluster] = {}
        self.live_seqs: dict[int, list[int]] = {}
        self.opener: dict[int, Key] = {}  # opener key of clusters the old index lacks
        self.weeks_of: dict[int, range] = {}
        self.new_registered: dict[tuple[str, int], list[int]] = {}
        self.gone: set[int] = set()
        self.assign: dict[int, int] = {}
        self.new_of_article: dict[tuple[str, str], list[int]] = {}
        self.heap: list[tuple[Key, int]] = [(k, s) for s, k in self.key.items()]
        heapq.heapify(self.heap)
        self.queued: set[int] = set(self.key)
        self._now: Key | None = None  # the step's key, and `cuts` of it
        self._cuts = (0, 0)

    # -- what a mention sees ------------------------------------------------------------
    def opener_key(self, cid: int) -> Key:
        return self.opener[cid] if cid in self.opener else self.old.opener_key(cid)

    def state(self, cid: int, now: Key) -> Cluster:
        return self.live[cid] if cid in self.live else self.as_before(cid, now)[0]

    def as_before(self, cid: int, now: Key) -> tuple[Cluster, list[int]]:
        """An unchanged old cluster as it stands at `now`: kept and moved forward as the
        replay goes (`now` only grows), so each of its mentions is joined once."""
        old = self.old
        if cid not in self.cursors:
            first = old.mention(old.pos[cid])
            self.cursors[cid] = [Cluster(first.event_type, first.date.start, first.date.end),
                                 [], 0, old.members.get(cid, ())]  # fmt: skip
        cursor = self.cursors[cid]
        members = cursor[3]
        before = int(np.searchsorted(members, self.cuts(now)[0]))  # (its rows before `now`)
        while cursor[2] < before:
            _join(cursor[0], old.mention(members[cursor[2]]))
            cursor[1].append(old.seq[members[cursor[2]]])
            cursor[2] += 1
        return cursor[0], cursor[1]

    def candidates(self, m: Mention, now: Key) -> set[int]:
        found: set[int] = set()
        added: set[int] = set()
        old, before = self.old, self.cuts(now)[0]
        for w in weeks(m.date.start.toordinal(), m.date.end.toordinal()):
            bucket = old.registered.get((m.event_type, w))
            found.update(old.seq.array[bucket[: np.searchsorted(bucket, before)]].tolist())
            added.update(self.new_registered.get((m.event_type, w), ()))
        return (found - self.gone) | added  # (the batch's own clusters are never gone)

    def cluster_of(self, p: int) -> int:
        return self.assign.get(self.old.seq[p], self.old.group[p])

    def own_article(self, m: Mention, now: Key) -> set[int]:
        old, kind = self.old, (m.event_type, m.article_id)
        rows = old.by_article.get(kind)
        held = {self.cluster_of(p) for p in rows[: np.searchsorted(rows, self.cuts(now)[0])]}
        held.update(self.assign[s] for s in self.new_of_article.get(kind, ()))
        return held - self.gone

    # -- what changes --------------------------------------------------------------------
    def cuts(self, now: Key) -> tuple[int, int]:
        """How many stored rows come before `now` in the merge order, and how many up to it
        (the index is in that order, so a row's position says whether it comes before): a
        stored mention's own position, a new one's found once a step by binary search."""
        if self._now is not now:
            seq = now[-1]
            if seq in self.new:
                before = after = self.old.cut(now)
            else:
                before = self.old.pos[seq]
                after = before + 1
            self._now, self._cuts = now, (before, after)
        return self._cuts

    def push(self, rows: Sequence[int], after: Key) -> None:
        keys = self.old.keys
        for p in rows[np.searchsorted(rows, self.cuts(after)[1]) :]:
            seq = self.old.seq[p]
            if seq not in self.queued:
                self.queued.add(seq)
                heapq.heappush(self.heap, (keys[p], seq))

    def diverge(self, cid: int, now: Key, kind: str) -> None:
        """`cid` differs from the previous build from `now` on: wake what could see it."""
        old = self.old
        if cid in old.pos:
            first = old.pos[cid]
            spans = weeks(int(old.start[first]), int(old.end[first]))
            articles = {old.article[p] for p in old.members.get(cid, ())}
        else:
            spans, articles = self.weeks_of[cid], set()
        if cid in self.live:
            articles |= self.live[cid].articles
        for w in spans:
            self.push(self.old.bucket.get((kind, w), []), now)
        for article in articles:
            self.push(self.old.by_article.get((kind, article), []), now)

    def make_live(self, cid: int, now: Key, kind: str) -> None:
        if cid not in self.live:
            self.live[cid], self.live_seqs[cid] = self.as_before(cid, now)
            del self.cursors[cid]  # from now on the replay changes it
            self.diverge(cid, now, kind)

    def step(self, seq: int, now: Key) -> None:
        is_new = seq in self.new
        p = None if is_new else self.old.pos[seq]
        m = self.new[seq] if is_new else self.old.mention(p)
        kind = m.event_type
        window = (m.date.start, m.date.end)
        fitting = []
        for cid in self.candidates(m, now):
            c = self.state(cid, now)
            if (
                windows_meet((c.start, c.end), window)
                and places_compatible(_where(c.place), _where(m))
                and tolls_agree(c, m)
                and not told_apart(c, m)
            ):
                fitting.append((_fit(c, m), self.opener_key(cid), cid))
        if m.date.source == "article" and not fitting:
            for cid in self.own_article(m, now):
                c = self.state(cid, now)
                if (
                    (m.place_note or places_compatible(_where(c.place), _where(m)))
                    and tolls_agree(c, m)
                    and not told_apart(c, m)
                ):
                    fitting.append((_fit(c, m), self.opener_key(cid), cid))
        target = min(fitting)[2] if fitting else seq
        before = None if is_new else self.old.group[p]
        self.assign[seq] = target
        if is_new:
            self.new_of_article.setdefault((kind, m.article_id), []).append(seq)
        if target == before and target not in self.live:
            return  # as before, into a cluster as it was
        if target not in self.live:
            if target == seq:  # opens a cluster the previous build did not have
                self.live[seq], self.live_seqs[seq] = Cluster(kind, *window), []
                self.opener[seq] = now
                self.weeks_of[seq] = weeks(m.date.start.toordinal(), m.date.end.toordinal())
                for w in self.weeks_of[seq]:
                    self.new_registered.setdefault((kind, w), []).append(seq)
                self.diverge(seq, now, kind)
            else:
                self.make_live(target, now, kind)
        _join(self.live[target], m)
        self.live_seqs[target].append(seq)
        self.push(self.old.by_article.get((kind, m.article_id), []), now)
        if before is not None and before != target:
            if before == seq:  # it opened a cluster before: that cluster is not opened now
                self.gone.add(seq)
                self.diverge(seq, now, kind)
            else:
                self.make_live(before, now, kind)

    def run(self, limit: int | None = None) -> None:
        steps = 0
        while self.heap:
            now, seq = heapq.heappop(self.heap)
            self.step(seq, now)
            steps += 1
            if limit is not None and steps > limit:
                raise TooWide(steps)


def _changed(run: _Run) -> set[int]:
    old = run.old
    changed = set(run.gone)
    for cid, seqs in run.live_seqs.items():
        before = [old.seq[p] for p in old.members.get(cid, ())]
        if seqs != before:
            changed.add(cid)
    return changed


def _articles_of(run: _Run, cid: int) -> set[str]:
    old = run.old
    found = {old.article[p] for p in old.members.get(cid, ())}
    if cid in run.live:
        found |= run.live[cid].articles
    return found


def _kind(run: _Run, cid: int) -> str:
    return run.live[cid].event_type if cid in run.live else run.old.kind[run.old.pos[cid]]


def _fold_scope(run: _Run, changed: set[int]) -> set[int]:
    """Clusters (now and before) linked to a changed one through shared articles, among the
    types folding moves mentions between: folding them again gives every folding change."""
    old = run.old
    by_article: dict[str, set[int]] = {}
    for (kind, article), seqs in run.new_of_article.items():
        if kind in FOLDED:
            by_article.setdefault(article, set()).update(run.assign[s] for s in seqs)
    scope, todo = set(), [c for c in changed if _kind(run, c) in FOLDED]
    while todo:
        cid = todo.pop()
        if cid in scope:
            continue
        scope.add(cid)
        for article in _articles_of(run, cid):
            linked = set(by_article.get(article, ()))
            for p in old.of_article.get(article, ()):
                if old.kind[p] in FOLDED:
                    linked.update((run.cluster_of(p), old.group[p]))
            todo.extend(linked - scope)
    return scope


class TooWide(Exception):
    """The replay looked at more mentions than it was allowed: merging everything again
    costs less (it looks at each mention once, without the heap and the bookkeeping)."""

    def __init__(self, looked_at: int) -> None:
        super().__init__(f"the replay looked at {looked_at:,} mentions")
        self.looked_at = looked_at


def replay(old: Replay, new: Sequence[tuple[int, Mention]], limit: int | None = None) -> Outcome:
    """Merge `new` (seq, mention) into the previous build's merge; what changed. Raises
    `TooWide` once more than `limit` mentions have been looked at (None: no limit)."""
    run = _Run(old, new)
    run.run(limit)
    changed = _changed(run)
    scope = _fold_scope(run, changed)
    alive = sorted((c for c in scope if c not in run.gone), key=run.opener_key)
    groups, seqs = [], {}
    for cid in alive:
        if cid in run.live:
            cluster = Cluster(run.live[cid].event_type, run.live[cid].start, run.live[cid].end,
                              list(run.live[cid].mentions), run.live[cid].place,
                              set(run.live[cid].articles))  # fmt: skip
            seqs[id(cluster)] = list(run.live_seqs[cid])
        else:
            cluster, seqs[id(cluster)] = old.rebuilt(cid)
        groups.append((cid, cluster))
    opened = {id(c): cid for cid, c in groups}
    seq_of = {id(m): s for _, c in groups for m, s in zip(c.mentions, seqs[id(c)])}
    folded = fold_casualties([c for _, c in groups])
    host = {seq_of[id(m)]: opened[id(c)] for c in folded for m in c.mentions}
    outcome = Outcome({}, {}, set(), {s: run.assign[s] for s in run.assign}, host)
    # a folded cluster changed if its mentions differ from the previous build's
    before: dict[int, list[int]] = {}
    for cid in scope | {old.host[old.pos[s]] for c in scope for s in _old_seqs(run, c)}:
        if cid in old.pos:
            for p in old.members.get(cid, ()):
                before.setdefault(old.host[p], []).append(old.seq[p])
    for c in folded:
        cid = opened[id(c)]
        now_seqs = [seq_of[id(m)] for m in c.mentions]
        if sorted(now_seqs) != sorted(before.get(cid, [])):
            outcome.clusters[cid] = c
            outcome.seqs[cid] = now_seqs
    kept = {opened[id(c)] for c in folded}
    outcome.removed = {h for h in before if h not in kept or h in outcome.clusters}
    # changed clusters outside the folding types are what they are before folding
    for cid in changed - scope - run.gone:
        outcome.clusters[cid] = run.live[cid]
        outcome.seqs[cid] = list(run.live_seqs[cid])
        outcome.host.update(dict.fromkeys(run.live_seqs[cid], cid))
    outcome.removed |= {c for c in changed - scope if c in old.members}  # opened before
    return outcome


def _old_seqs(run: _Run, cid: int) -> Iterable[int]:
    return (run.old.seq[p] for p in run.old.members.get(cid, ()))
