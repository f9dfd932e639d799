"""What extraction found in each article, kept so a rebuild extracts only new articles.

Extraction is a pure function of an article's text and date, the rules and the gazetteers.
So its result is kept per article under a fingerprint of everything else it depends on: the
source of the extraction modules, the word lists, the gazetteer rows and the GeoNames data
version. Change any of those (a rule, an analyst's new place) and the fingerprint changes:
every article is read again. Otherwise a batch of 1,000 added to a store of 100,000 costs
1,000 extractions, and a review decision costs none.

The cache is derived data (`<store>/cache/mentions.sqlite`), safe to delete. Mentions are
stored as JSON, not pickles: the file never holds anything that runs when read.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import json
import sqlite3
from collections.abc import Iterable, Mapping, Sequence
from contextlib import closing
from pathlib import Path
from typing import Any

from etl.extraction.mentions import DateWindow, Figure, Mention
from etl.settings import ROOT

CACHE = Path("cache") / "mentions.sqlite"

#: The code and data whose every byte extraction depends on: the text engine and the place
#: resolver (code and rule tables), the actor lexicon, and this cache's own encoding.
RULE_FILES = ("etl/mention_cache.py",)
RULE_DATA = ("etl/extraction", "etl/places", "data/lexicon", "data/rules")


def fingerprint(places: Iterable[Mapping[str, Any]], geonames_version: str) -> str:
    """A digest of the rules, word lists and gazetteers extraction reads."""
    digest = hashlib.sha256(geonames_version.encode())
    files = [ROOT / f for f in RULE_FILES]
    for folder in RULE_DATA:
        files += sorted(
            path for path in (ROOT / folder).rglob("*") if "__pycache__" not in path.parts
        )
    for path in files:
        if path.is_file():
            digest.update(path.relative_to(ROOT).as_posix().encode() + b"\0" + path.read_bytes())
    rows = [json.dumps(dict(p), sort_keys=True, default=str) for p in places]
    digest.update("\n".join(rows).encode())
    return digest.hexdigest()[:20]


def article_key(article_id: str, published: str) -> str:
    """The cache key of one article as extraction saw it (its date anchors relative dates)."""
    return f"{article_id}@{published}"


def _plain(value: object) -> object:
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, tuple):
        return [_plain(v) for v in value]
    if dataclasses.is_dataclass(value):
        return {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    return value


def to_json(mentions: Sequence[Mention]) -> str:
    """Mentions as compact JSON."""
    return json.dumps([_plain(m) for m in mentions], ensure_ascii=False, separators=(",", ":"))


def from_json(text: str) -> list[Mention]:
    """Mentions back from `to_json`."""
    found = []
    for row in json.loads(text):
        date = dict(row["date"])
        date["start"], date["end"] = (dt.date.fromisoformat(date[k]) for k in ("start", "end"))
        figures = tuple(Figure(**f) for f in row["figures"])
        found.append(Mention(**{**row, "date": DateWindow(**date), "figures": figures}))
    return found


class MentionCache:
    """Per-article mentions under one fingerprint; entries under other fingerprints are
    ignored (and dropped when the cache is next written).

    New entries are staged and written by `flush`, which a writer calls only after its
    build was published: a failed build leaves the cache, like everything else, unchanged.
    """

    def __init__(self, store: Path, print_: str = "") -> None:
        self.path = store / CACHE
        self.fingerprint = print_
        self.staged: dict[str, str] = {}  # key -> mentions as JSON (a third of the objects)

    def bind(self, print_: str) -> None:
        """Use this fingerprint (of the rules and gazetteers of the build at hand)."""
        if print_ != self.fingerprint:
            self.fingerprint, self.staged = print_, {}

    def stage(self, entries: Mapping[str, Sequence[Mention]]) -> None:
        """Keep these on `flush`. Held as JSON until then, so a build of 100,000 articles
        does not keep every mention object alive while it writes its tables."""
        self.staged.update((key, to_json(found)) for key, found in entries.items())

    def flush(self) -> bool:
        """Write what was staged; False (and the cache as it was) if it cannot be written:
        the cache only saves time, so a full disk here must not fail a published build."""
        try:
            if self.staged:
                self._write(self.staged)
        except (OSError, sqlite3.Error):
            return False
        self.staged = {}
        return True

    def get(self, keys: Sequence[str]) -> dict[str, list[Mention]]:
        """The cached mentions of those article keys that are cached."""
        if not self.path.exists():
            return {}
        found: dict[str, list[Mention]] = {}
        try:
            with closing(sqlite3.connect(self.path, timeout=30.0)) as db:
                for start in range(0, len(keys), 500):
                    chunk = list(keys[start : start + 500])
                    marks = ",".join("?" * len(chunk))
                    rows = db.execute(
                        f"SELECT key, mentions FROM mentions WHERE fingerprint = ? "
                        f"AND key IN ({marks})",
                        [self.fingerprint, *chunk],
                    )
                    found.update((key, from_json(text)) for key, text in rows)
        except (sqlite3.DatabaseError, ValueError, TypeError, KeyError):
            return {}  # a damaged cache is no cache: everything is extracted again
        return found

    def put(self, entries: Mapping[str, Sequence[Mention]]) -> None:
        """Keep these articles' mentions (one transaction; other fingerprints dropped). A
        damaged cache file is replaced."""
        self._write({key: to_json(found) for key, found in entries.items()})

    def _write(self, rows: Mapping[str, str]) -> None:
        try:
            self._put(rows)
        except sqlite3.DatabaseError:
            self.path.unlink(missing_ok=True)
            self._put(rows)

    def _put(self, rows: Mapping[str, str]) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with closing(sqlite3.connect(self.path, timeout=30.0)) as db, db:
            db.execute(
                "CREATE TABLE IF NOT EXISTS mentions (key TEXT PRIMARY KEY NOT NULL, "
                "fingerprint TEXT NOT NULL, mentions TEXT NOT NULL)"
            )
            db.execute("DELETE FROM mentions WHERE fingerprint != ?", (self.fingerprint,))
            db.executemany(
                "INSERT OR REPLACE INTO mentions VALUES (?, ?, ?)",
                ((key, self.fingerprint, text) for key, text in rows.items()),
            )
