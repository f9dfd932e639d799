"""Counting independent sources: a wire story reprinted by five outlets is one source."""

from __future__ import annotations

from collections.abc import Iterable


def source_of(outlet_id: str, wire: str | None) -> str:
    """The independent source behind an article: its wire if it carries one, else the outlet."""
    return wire or outlet_id


def independent_sources(pairs: Iterable[tuple[str, str | None]]) -> list[str]:
    """Distinct sources behind a set of (outlet_id, wire) pairs, sorted for stable output."""
    return sorted({source_of(outlet, wire) for outlet, wire in pairs})
