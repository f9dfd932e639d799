"""Stable identifiers: short hashes of content, so rebuilding gives the same ids."""

from __future__ import annotations

import hashlib


def content_hash(*parts: object, length: int = 12) -> str:
    """Hash the parts (joined unambiguously) to a short hex string."""
    joined = "\x1f".join("" if p is None else str(p) for p in parts)
    return hashlib.sha256(joined.encode("utf-8")).hexdigest()[:length]


def text_sha256(text: str) -> str:
    """Full SHA-256 of an article text (UTF-8)."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def article_id(text: str) -> str:
    """An article is identified by its text alone: same text, same id."""
    return "art_" + text_sha256(text)[:16]


def event_id(origin: str, key: str) -> str:
    """Curated events are keyed by their readable slug; the id is its hash."""
    return "ev_" + content_hash(origin, key)


def claim_id(article: str, char_start: int, char_end: int, event: str) -> str:
    return "cl_" + content_hash(article, char_start, char_end, event)


def figure_id(claim: str, quantity: str, raw: str, value_low: object) -> str:
    return "fg_" + content_hash(claim, quantity, raw, value_low)


def mention_key(article: str, char_start: int, char_end: int, event_type: str) -> str:
    """What one sentence of one article says happened: stable across rebuilds and batches
    (texts never change), so review decisions point at it rather than at an event id, which
    moves when a later article reports the event first."""
    return "mn_" + content_hash(article, char_start, char_end, event_type)


def place_id(name: str, latitude: float, longitude: float) -> str:
    """A place an analyst added: its name and point."""
    return "pl_" + content_hash(name.strip().casefold(), round(latitude, 5), round(longitude, 5))


def sentence_key(article: str, char_start: int, char_end: int) -> str:
    """One sentence of one article, whatever the rules read in it: the fallback that lets a
    review decision find its event again after a rule change re-types the sentence."""
    return "sn_" + content_hash(article, int(char_start), int(char_end))
