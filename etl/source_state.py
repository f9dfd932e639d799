"""Independent sources kept up to date article by article (what `sources.source_ids` gives).

`source_ids` groups articles that share two long sentences (one reprints the other) and
labels each group with the source of its smallest article id. Read from scratch that is every
article's text on every build (20 s at 100,000 articles). Kept instead: per article its wire
(given or detected), its own label and its group (the smallest article id in it), and which
article each long sentence was first seen in. A new article then pairs only with the first
article of each of its long sentences, exactly as `source_ids` pairs it when it comes last;
groups only ever join, so old pairs never need counting again.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable

import pandas as pd

from etl.sources import _long_sentences, detect_wire, source_of

Row = tuple[str, str, str | None, str | None]  # (article_id, text, outlet, wire)


def _digest(sentence: str) -> str:
    return hashlib.blake2b(sentence.encode("utf-8"), digest_size=12).hexdigest()


class Sources:
    """article -> independent source, for articles added in order."""

    def __init__(self, articles: pd.DataFrame | None = None,
                 sentences: pd.DataFrame | None = None) -> None:  # fmt: skip
        articles = articles if articles is not None else pd.DataFrame(
            columns=["article_id", "wire", "label", "group"])  # fmt: skip
        self.wire = dict(zip(articles["article_id"], articles["wire"]))
        self.label = dict(zip(articles["article_id"], articles["label"]))
        self.group = dict(zip(articles["article_id"], articles["group"]))
        self.members: dict[str, list[str]] = {}
        for article, group in self.group.items():
            self.members.setdefault(group, []).append(article)
        self.first = dict(zip(sentences["digest"], sentences["article_id"])) if (
            sentences is not None) else {}  # fmt: skip

    def add(self, rows: Iterable[Row], min_shared: int = 2) -> set[str]:
        """Add articles (after every one already added); the articles whose source changed
        (the new ones included)."""
        shared: dict[tuple[str, str], int] = {}
        changed: set[str] = set()
        for article, text, outlet, wire in rows:  # (walked once: a text at a time may be held)
            changed.add(article)
            self.wire[article] = wire or detect_wire(text)
            self.label[article] = source_of(outlet or article, self.wire[article])
            self.group[article] = article
            self.members[article] = [article]
            for sentence in _long_sentences(text):
                other = self.first.setdefault(_digest(sentence), article)
                if other != article:
                    pair = (min(other, article), max(other, article))
                    shared[pair] = shared.get(pair, 0) + 1
        for (a, b), count in sorted(shared.items()):
            wa, wb = self.wire[a], self.wire[b]
            if count >= min_shared and not (wa and wb and wa != wb):
                changed |= self._join(a, b)
        return changed

    def _join(self, a: str, b: str) -> set[str]:
        ga, gb = self.group[a], self.group[b]
        if ga == gb:
            return set()
        keep, drop = min(ga, gb), max(ga, gb)
        moved = self.members.pop(drop)
        for article in moved:
            self.group[article] = keep
        self.members[keep] += moved
        # a group's source is its smallest article's: the other side's articles change
        return set(moved) if self.label[keep] != self.label[drop] else set()

    def source(self, article: str) -> str:
        return self.label[self.group[article]]

    def frames(self) -> tuple[pd.DataFrame, pd.DataFrame]:
        """The state as two frames (to keep between builds)."""
        articles = pd.DataFrame({"article_id": list(self.group),
                                 "wire": [self.wire[a] for a in self.group],
                                 "label": [self.label[a] for a in self.group],
                                 "group": list(self.group.values())})  # fmt: skip
        sentences = pd.DataFrame({"digest": list(self.first),
                                  "article_id": list(self.first.values())})  # fmt: skip
        return articles, sentences


def sources_of_events(claims: pd.DataFrame, sources: Sources) -> dict[str, list[str]]:
    """event_id -> its independent sources (`sources.sources_by_event`, from the state)."""
    found: dict[str, set[str]] = {}
    for event, article in zip(claims["event_id"], claims["article_id"]):
        if article in sources.group:
            found.setdefault(event, set()).add(sources.source(article))
    return {event: sorted(s) for event, s in found.items()}
