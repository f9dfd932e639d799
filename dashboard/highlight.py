"""Which words of a sentence the extractor read each field from (pure).

The claims table keeps, for every extracted claim, the character spans behind its fields in
the article text (trigger, date, place, claimant); figures keep their raw text. Here they
become runs of the sentence, each marked with the field it supports, for the review page
(`dashboard.text.marked_html` makes the HTML).
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

#: The fields, in legend order; where two spans of the same length overlap, the first wins.
FIELDS = ("type", "place", "date", "figure", "claimant")
#: Light fills that keep black text readable, each with a darker edge (not colour alone).
COLOURS = {
    "type": "#FFE08A",
    "date": "#B9DCF5",
    "place": "#BFE8C5",
    "figure": "#F9C9DF",
    "claimant": "#DCCFF5",
}
EDGES = {
    "type": "#B8860B",
    "date": "#1F6FB2",
    "place": "#2E8B57",
    "figure": "#C2185B",
    "claimant": "#6A4BB5",
}
LABELS = {
    "type": "event type (trigger)",
    "date": "date",
    "place": "place",
    "figure": "figures",
    "claimant": "who says so",
}
_COLUMNS = (
    ("trigger_start", "trigger_end", "type"),
    ("date_text_start", "date_text_end", "date"),
    ("place_start", "place_end", "place"),
    ("claimant_start", "claimant_end", "claimant"),
)


@dataclass(frozen=True)
class Span:
    """Characters start..end of a sentence support `field`."""

    start: int
    end: int
    field: str


def _offset(value: object) -> int | None:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    try:
        return int(value)  # type: ignore[call-overload]
    except (TypeError, ValueError):
        return None


def _find(sentence: str, raw: str) -> int:
    at = sentence.find(raw)
    return at if at >= 0 else sentence.casefold().find(raw.casefold())


def claim_spans(claim: Mapping[str, object], figure_texts: Iterable[str] = ()) -> list[Span]:
    """The spans of a claim's sentence (offsets relative to the sentence) behind each field.

    `claim` is a row of the claims table; `figure_texts` are the raw texts of its figures,
    found in the sentence by their words (the figures table keeps no offsets)."""
    base = _offset(claim.get("sentence_start")) or 0
    spans = []
    for first, last, field in _COLUMNS:
        start, end = _offset(claim.get(first)), _offset(claim.get(last))
        if start is not None and end is not None and end > start:
            spans.append(Span(start - base, end - base, field))
    sentence = str(claim.get("sentence") or "")
    for raw in dict.fromkeys(t for t in figure_texts if isinstance(t, str) and t.strip()):
        at = _find(sentence, raw)
        if at >= 0:
            spans.append(Span(at, at + len(raw), "figure"))
    return spans


def segments(text: str, spans: Sequence[Span]) -> list[tuple[str, str | None]]:
    """The text cut into runs, each with the field it supports (None: no field). Spans are
    clipped to the text; where they overlap, the narrower one shows (a trigger such as
    "entered Baghouz on Tuesday" keeps its place and date visible), then the first in FIELDS."""
    marks: list[str | None] = [None] * len(text)
    rank = {field: i for i, field in enumerate(FIELDS)}
    painted_last = sorted(spans, key=lambda s: (s.start - s.end, -rank.get(s.field, 0)))
    for span in painted_last:
        if span.field not in rank:
            continue
        for i in range(max(0, span.start), min(len(text), span.end)):
            marks[i] = span.field
    runs: list[tuple[str, str | None]] = []
    start = 0
    for i in range(1, len(text) + 1):
        if i == len(text) or marks[i] != marks[start]:
            runs.append((text[start:i], marks[start]))
            start = i
    return runs


def fields_found(spans: Iterable[Span]) -> list[str]:
    """The fields a sentence shows, in legend order."""
    present = {s.field for s in spans}
    return [f for f in FIELDS if f in present]
