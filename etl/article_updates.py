"""New facts about an article already stored: an explicit, logged update, never a silent one.

The text of a stored article never changes (it is its identity). Its publication facts can:
a later upload of the same text with a corrected date, title or outlet is reported as a
duplicate whose metadata differs, and only with `--update-metadata` (or the page's matching
choice) is it recorded, as an `update_article` decision in the append-only log. The build
applies the latest value of each field (pure functions here).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from etl.inbox import Decision

#: Publication facts an update may change (the text, and so the id, never changes).
FIELDS = ("outlet_id", "wire", "title", "published", "url", "byline", "dateline", "language")


def metadata_changes(stored: Mapping[str, object], offered: Mapping[str, object]) -> dict:
    """The fields `offered` gives a different, non-empty value for."""
    return {
        k: offered[k]
        for k in FIELDS
        if offered.get(k) not in (None, "") and offered.get(k) != stored.get(k)
    }


def with_updates(articles: Iterable[dict], decisions: Iterable[Decision]) -> list[dict]:
    """Article rows with every `update_article` decision applied, in order (latest wins)."""
    latest: dict[str, dict] = {}
    for d in decisions:
        if d.action == "update_article":
            latest.setdefault(d.target, {}).update(
                {k: v for k, v in d.changes.items() if k in FIELDS}
            )
    return [{**a, **latest.get(a["article_id"], {})} for a in articles]


def describe(source: str, changes: Mapping[str, object], recorded: bool) -> str:
    """One line for the report."""
    fields = ", ".join(f"{k} {v!r}" for k, v in changes.items())
    if recorded:
        return f"{source}: already stored; its metadata updated ({fields})"
    return (
        f"{source}: already stored, with other metadata ({fields}); nothing changed "
        "(--update-metadata records the new values)"
    )
