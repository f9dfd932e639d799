"""Counting independent sources: a wire story reprinted by five outlets is one source."""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Iterable

import pandas as pd


def source_of(outlet_id: str, wire: str | None) -> str:
    """The independent source behind an article: its wire if it carries one, else the outlet."""
    return wire or outlet_id


def independent_sources(pairs: Iterable[tuple[str, str | None]]) -> list[str]:
    """Distinct sources behind a set of (outlet_id, wire) pairs, sorted for stable output."""
    return sorted({source_of(outlet, wire) for outlet, wire in pairs})


_WIRE_MARKS = {
    "ap": re.compile(r"\((?:AP|The Associated Press)\)|\bAssociated Press\b"),
    "afp": re.compile(r"\(AFP\)|\bAgence France-Presse\b|\bAFP\b"),
    "reuters": re.compile(r"\(Reuters\)|\bReuters\b"),
}
_FILES_FROM = re.compile(
    r"(?:With files from|Material from|Reporting by)\s+(?:the\s+)?"
    r"(Associated Press|AP|Reuters|AFP|Agence France-Presse)"
)
_BODY_CREDIT = re.compile(
    r"(?:[Tt]old|[Aa]n|[Aa]|[Bb]y|[Tt]o)\s+(AP|AFP|Reuters|Associated Press)\b"
    r"(?:\s+(?:correspondent|reporter|team|photographer))?"
)
_LONG_SENTENCE = 60


def sources_by_event(
    claims: Iterable[tuple[str, str]], articles: Iterable[tuple[str, str, str | None, str | None]]
) -> dict[str, list[str]]:
    """event_id -> its independent sources, from (event_id, article_id) claim pairs and
    (article_id, text, outlet, wire) articles: by wire, credit line or shared copy."""
    source = source_ids(articles)
    found: dict[str, set[str]] = {}
    for event, article in claims:
        if article in source:
            found.setdefault(event, set()).add(source[article])
    return {event: sorted(ids) for event, ids in found.items()}


def count_sources(
    events: pd.DataFrame,
    claims: pd.DataFrame,
    source: Callable[[str], str],
    only: Collection[str] | None = None,
) -> pd.DataFrame:
    """`events` with independent_sources and source_ids counted from `claims` (event_id,
    article_id), each article's source given by `source`; with `only`, just those events are
    counted again and the others kept as they are (an event with no claim left counts 0)."""
    found: dict[str, set[str]] = {}
    for event, article in zip(claims["event_id"], claims["article_id"]):
        found.setdefault(event, set()).add(source(article))
    if only is None:
        lists = events["event_id"].map(lambda e: sorted(found.get(e, ())))
        return events.assign(independent_sources=lists.map(len), source_ids=lists.map("|".join))
    at = events["event_id"].isin(only)
    lists = events.loc[at, "event_id"].map(lambda e: sorted(found.get(e, ())))
    events = events.copy()
    events.loc[at, "independent_sources"] = lists.map(len)
    events.loc[at, "source_ids"] = lists.map("|".join)
    return events


def detect_wire(text: str) -> str | None:
    """The wire whose copy an article carries, from its credit lines ('(AP)', 'With files from')."""
    credit = _FILES_FROM.search(text)
    if credit:
        name = credit.group(1)
        return {"Associated Press": "ap", "AP": "ap", "Reuters": "reuters"}.get(name, "afp")
    head, tail = text[:400], text[-300:]
    for wire, pattern in _WIRE_MARKS.items():
        if pattern.search(head) or pattern.search(tail):
            return wire
    body = _BODY_CREDIT.search(text)
    if body:
        return {"AP": "ap", "Associated Press": "ap", "Reuters": "reuters"}.get(
            body.group(1), "afp"
        )
    return None


def _long_sentences(text: str) -> set[str]:
    return {s.strip() for s in re.split(r"(?<=[.!?])\s+", text) if len(s.strip()) >= _LONG_SENTENCE}


def source_ids(
    articles: Iterable[tuple[str, str, str | None, str | None]], min_shared: int = 2
) -> dict[str, str]:
    """article_id -> its independent source, from (article_id, text, outlet, wire) rows.

    The source is the wire when there is one (given, or detected from credit lines); articles
    that share `min_shared` whole long sentences are one source (one reuses the other's copy),
    found through a sentence index rather than by comparing every pair.
    """
    rows = list(articles)
    parent = {a: a for a, _, _, _ in rows}

    def find(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    shared: dict[tuple[str, str], int] = {}
    seen: dict[str, str] = {}
    for article, text, _, _ in rows:
        for sentence in _long_sentences(text):
            other = seen.setdefault(sentence, article)
            if other != article:
                pair = (min(other, article), max(other, article))
                shared[pair] = shared.get(pair, 0) + 1
    wires = {a: wire or detect_wire(text) for a, text, _, wire in rows}
    for (a, b), count in sorted(shared.items()):
        # Two wires quoting the same statement are still two sources.
        if count >= min_shared and not (wires[a] and wires[b] and wires[a] != wires[b]):
            parent[find(b)] = find(a)
    label = {a: source_of(outlet or a, wires[a]) for a, _, outlet, _ in rows}
    group_label: dict[str, str] = {}
    for article, *_ in sorted(rows):
        root = find(article)
        group_label.setdefault(root, label[article])
    return {a: group_label[find(a)] for a, *_ in rows}
