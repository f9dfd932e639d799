"""The merge in two passes, so a build does not hold every whole mention at once.

First pass: each article's mentions are decoded and kept only as `Light` rows: the fields
the merge reads (`merge.group_mentions`, `fold_casualties`, `match_curated`, the merge index's
columns, `extracted._best`) and the mention's `seq`, its position in the build's input
order. The clusters are made of these. Second pass (`etl/extracted.add_extracted_by_article`):
the whole mentions are read back an article at a time (the mention cache and its spill,
`read_back`) and each makes its claim, figure and flow rows; of the other mentions of a new
event, the event row's counts of actors, background and largest figures are gathered as they
are read, and whole mentions are kept only for each new event's best and place mentions.

A decoded news-length mention holds about 1,070 B (its sentence, figures, spans, actors...);
a light one about a quarter of that (docs/scale.md, "Session 23 (hI11)").
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator, Sequence
from contextlib import closing

from etl.extraction.mentions import Figure, Mention
from etl.mention_cache import MentionCache, from_json
from etl.merge import further, toll_sign

#: The toll's sign stands in for the figures while merging, as in `merge_index.light`: what
#: `merge.toll_sign` reads ('no casualties' 0, 'N killed' 1; no toll, no figure).
_SIGNED = {
    None: (),
    0: (Figure("killed", 0.0, 0.0, "", "", 0, 0),),
    1: (Figure("killed", 1.0, 1.0, "", "", 0, 0),),
}
READ_CHUNK = 500  # articles whose cached JSON is read (and decoded) at a time


class Light:
    """What merging a mention reads, and its seq. `figures` is the toll's sign only (see
    `_SIGNED`); `actor1`, `actor2` and `background` are always None, None and False: the
    second pass reads them from the whole mention and keeps none of them here.

    `sentence` is the mention's sentence only when `merge.further` counts the mention a
    further happening of its article ('Hours later, ...'), else '': `further` is the merge's
    only reader of it (tests/etl/test_light_mentions.py checks so), and for it '' and the
    whole sentence answer alike whenever `further` says no. So the light rows do not keep
    every sentence alive (about 40 MiB at 16,000 news-length articles)."""

    __slots__ = (
        "seq", "article_id", "event_type", "trigger", "trigger_start", "char_start",
        "char_end", "date", "place_id", "latitude", "longitude", "geo_precision",
        "place_note", "place_name", "country", "sentence", "figures",
    )  # fmt: skip
    # the same for every light row (the merge reads them; the second pass reads the whole
    # mention's): class constants, no slot per row
    actor1: str | None = None
    actor2: str | None = None
    background: bool = False

    def __init__(self, m: Mention, seq: int = 0) -> None:
        self.seq = seq
        self.article_id = m.article_id
        self.event_type = m.event_type
        self.trigger = m.trigger
        self.trigger_start = m.trigger_start
        self.char_start = m.char_start
        self.char_end = m.char_end
        self.date = m.date
        self.place_id = m.place_id
        self.latitude = m.latitude
        self.longitude = m.longitude
        self.geo_precision = m.geo_precision
        self.place_note = m.place_note
        self.place_name = m.place_name
        self.country = m.country
        self.sentence = m.sentence if further(m) else ""
        self.figures = _SIGNED[toll_sign(m) if m.figures else None]

    def __repr__(self) -> str:
        return f"Light(seq={self.seq}, {self.article_id}:{self.char_start}:{self.event_type})"


def lights(mentions: Sequence[Mention]) -> list[Light]:
    """Light rows of one article's mentions (seq set later, once the order is known)."""
    return [Light(m) for m in mentions]


def cached_json(
    cache: MentionCache, keys: Sequence[str], spill: bool
) -> Iterator[tuple[str, str | None]]:
    """(key, the cached JSON or None) for each key in order, `READ_CHUNK` keys at a time:
    from the cache under its fingerprint, and (with `spill`) from what this build staged.
    A file that cannot be read gives None (its articles are extracted again)."""
    for start in range(0, len(keys), READ_CHUNK):
        chunk = list(keys[start : start + READ_CHUNK])
        marks = ",".join("?" * len(chunk))
        texts: dict[str, str] = {}
        sources = []
        if spill and cache.spill is not None:
            sources.append((cache.spill, f"SELECT key, mentions FROM staged WHERE key IN ({marks})",
                            chunk))  # fmt: skip
        if cache.path.exists():
            query = f"SELECT key, mentions FROM mentions WHERE fingerprint = ? AND key IN ({marks})"
            sources.append((cache.path, query, [cache.fingerprint, *chunk]))
        for path, query, args in sources:
            try:
                with closing(sqlite3.connect(path, timeout=30.0)) as db:
                    for key, text in db.execute(query, args):
                        texts.setdefault(key, text)
            except sqlite3.DatabaseError:
                continue
        for key in chunk:
            yield key, texts.pop(key, None)


def read_back(
    cache: MentionCache, keys: Sequence[str], extract: Callable[[int], list[Mention]]
) -> Iterator[list[Mention]]:
    """The whole mentions of each article in order, decoded one article at a time from the
    cache or its spill; an article found in neither (a spill that could not be written) is
    extracted again by `extract(its position)` (extraction is a pure function of it)."""
    strings: dict[str, str] = {}
    for i, (_key, text) in enumerate(cached_json(cache, keys, spill=True)):
        if i % READ_CHUNK == 0:
            strings = {}  # short strings shared within a chunk only: the pass keeps nothing
        found = None
        if text is not None:
            try:
                found = from_json(text, strings)
            except (ValueError, TypeError, KeyError):
                found = None
        yield extract(i) if found is None else found
