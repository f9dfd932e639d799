"""How good extraction is: scored against the curated seed events and the development set.

A mention *supports* a curated event when it comes from the same article, its sentence
overlaps one of the event's claims, and it has the event's type. Recall counts curated
events with at least one supporting mention; precision counts merged extracted events
(clusters) with at least one supporting mention. Date, place and figure accuracy are
measured over supporting pairs.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from etl.extract import ArticleInput, Extractor
from etl.mentions import Mention
from etl.merge import cluster_mentions, distance_km

PLACE_KM = 10.0


@dataclass
class Scores:
    """Counts behind every ratio, so a reader can check the arithmetic."""

    name: str
    expected: int = 0
    found: int = 0
    clusters: int = 0
    true_clusters: int = 0
    mentions: int = 0
    true_mentions: int = 0
    pairs: int = 0
    date_overlap: int = 0
    date_exact: int = 0
    place_pairs: int = 0
    place_ok: int = 0
    figures: int = 0
    figures_ok: int = 0
    typed: int = 0  # evidence with any mention in it
    typed_ok: int = 0  # ... of which a mention has the right type
    background: int = 0
    notes: list[str] = field(default_factory=list)

    @staticmethod
    def _ratio(a: int, b: int) -> float:
        return a / b if b else float("nan")

    def table(self) -> list[tuple[str, float, str]]:
        r = self._ratio
        return [
            ("event recall", r(self.found, self.expected), f"{self.found}/{self.expected}"),
            (
                "event precision",
                r(self.true_clusters, self.clusters),
                f"{self.true_clusters}/{self.clusters}",
            ),
            (
                "mention precision",
                r(self.true_mentions, self.mentions),
                f"{self.true_mentions}/{self.mentions}",
            ),
            (
                "type (evidence found)",
                r(self.typed_ok, self.typed),
                f"{self.typed_ok}/{self.typed}",
            ),
            (
                "date: window overlaps",
                r(self.date_overlap, self.pairs),
                f"{self.date_overlap}/{self.pairs}",
            ),
            (
                "date: exact window",
                r(self.date_exact, self.pairs),
                f"{self.date_exact}/{self.pairs}",
            ),
            (
                f"place within {PLACE_KM:.0f} km",
                r(self.place_ok, self.place_pairs),
                f"{self.place_ok}/{self.place_pairs}",
            ),
            (
                "figures found",
                r(self.figures_ok, self.figures),
                f"{self.figures_ok}/{self.figures}",
            ),
        ]

    def lines(self) -> list[str]:
        out = [f"{self.name}"]
        out += [f"  {label:<24} {value:6.3f}   ({counts})" for label, value, counts in self.table()]
        if self.background:
            out.append(
                "  background mentions (dated >180 days before publication, not scored): "
                f"{self.background}"
            )
        return out


def _overlaps(m: Mention, start: int, end: int) -> bool:
    return m.char_start < end and start < m.char_end


def _date_scores(scores: Scores, m: Mention, start: dt.date, end: dt.date) -> None:
    scores.pairs += 1
    scores.date_overlap += m.date.start <= end and start <= m.date.end
    scores.date_exact += (m.date.start, m.date.end) == (start, end)


def _place_score(scores: Scores, m: Mention, lat: float | None, lon: float | None) -> None:
    if lat is None or lon is None or pd.isna(lat):
        return
    scores.place_pairs += 1
    if m.latitude is not None:
        scores.place_ok += (
            distance_km((m.latitude, m.longitude), (float(lat), float(lon))) <= PLACE_KM
        )


def _figure_found(mentions: list[Mention], low: float | None, high: float | None) -> bool:
    def same(a: float | None, b: float | None) -> bool:
        return (a is None and b is None) or (a is not None and b is not None and abs(a - b) < 1e-9)

    return any(same(f.low, low) and same(f.high, high) for m in mentions for f in m.figures)


def score_seeds(tables: dict[str, pd.DataFrame], mentions: list[Mention]) -> Scores:
    """Compare mentions extracted from the seed articles with the curated events."""
    scores = Scores("seeds: extraction vs curated events")
    events = tables["events"].merge(
        tables["places"][["place_id", "latitude", "longitude"]], on="place_id"
    )
    events = events.set_index("event_id")
    claims = tables["claims"]
    figures = tables["figures"]
    supporting: dict[str, list[Mention]] = {}
    by_article: dict[str, list[Mention]] = {}
    for m in mentions:
        by_article.setdefault(m.article_id, []).append(m)
    true_mentions: set[int] = set()
    for claim in claims.itertuples():
        event = events.loc[claim.event_id]
        near = [
            m
            for m in by_article.get(claim.article_id, [])
            if _overlaps(m, claim.char_start, claim.char_end)
        ]
        hits = [m for m in near if m.event_type == event["event_type"]]
        scores.typed += bool(near)
        scores.typed_ok += bool(hits)
        supporting.setdefault(claim.event_id, []).extend(hits)
        true_mentions.update(id(m) for m in hits)
        for m in hits:
            _date_scores(
                scores,
                m,
                dt.date.fromisoformat(event["date_start"]),
                dt.date.fromisoformat(event["date_end"]),
            )
            _place_score(scores, m, event["latitude"], event["longitude"])
        for fig in figures[figures["claim_id"] == claim.claim_id].itertuples():
            scores.figures += 1
            low = None if pd.isna(fig.value_low) else fig.value_low
            high = None if pd.isna(fig.value_high) else fig.value_high
            scores.figures_ok += _figure_found(hits, low, high)
    scores.expected = len(events)
    scores.found = sum(1 for e in events.index if supporting.get(e))
    scores.notes = [
        f"missed: {events.at[e, 'event_key']}" for e in events.index if not supporting.get(e)
    ]
    clusters = cluster_mentions(mentions)
    scores.clusters = len(clusters)
    scores.true_clusters = sum(
        1 for c in clusters if any(id(m) in true_mentions for m in c.mentions)
    )
    scores.mentions, scores.true_mentions = len(mentions), len(true_mentions)
    return scores


def load_devset(path: Path) -> list[dict]:
    """The development passages, one JSON object per line."""
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def score_devset(
    passages: Iterable[dict], extractor: Extractor, name: str = "development set"
) -> Scores:
    """Per passage: merged mentions vs the expected events, matched by type and evidence."""
    scores = Scores(f"{name}: extraction vs expected events")
    for passage in passages:
        article = ArticleInput(
            passage["id"], passage["text"], dt.date.fromisoformat(passage["published"])
        )
        mentions, _ = extractor.extract(article)
        # The set annotates news events only; mentions dated long before publication are
        # kept by the extractor as background, flagged, and not scored here.
        scores.background += sum(m.background for m in mentions)
        mentions = [m for m in mentions if not m.background]
        clusters = cluster_mentions(mentions)
        scores.clusters += len(clusters)
        scores.mentions += len(mentions)
        matched: set[int] = set()
        for expected in passage.get("expected", []):
            scores.expected += 1
            start = passage["text"].find(expected["evidence"])
            end = start + len(expected["evidence"])
            near = [m for m in mentions if _overlaps(m, start, end)]
            hits = [m for m in near if m.event_type == expected["event_type"]]
            scores.typed += bool(near)
            scores.typed_ok += bool(hits)
            if not hits:
                scores.notes.append(
                    f"missed: {passage['id']} {expected['event_type']}: {expected['evidence'][:60]}"
                )
                continue
            scores.found += 1
            matched.update(id(m) for m in hits)
            best = hits[0]
            _date_scores(
                scores,
                best,
                dt.date.fromisoformat(expected["date_start"]),
                dt.date.fromisoformat(expected["date_end"]),
            )
            _place_score(scores, best, expected.get("latitude"), expected.get("longitude"))
            for fig in expected.get("figures", []):
                scores.figures += 1
                scores.figures_ok += _figure_found(hits, fig.get("low"), fig.get("high"))
        scores.true_mentions += len(matched)
        scores.true_clusters += sum(
            1 for c in clusters if any(id(m) in matched for m in c.mentions)
        )
        for c in clusters:
            if not any(id(m) in matched for m in c.mentions):
                first = c.mentions[0]
                scores.notes.append(
                    f"extra: {passage['id']} {c.event_type}: {first.trigger!r} "
                    f"in {first.sentence[:60]!r}"
                )
    return scores
