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
import functools
import hashlib
import json
import os
import sqlite3
import tempfile
import weakref
from collections.abc import Iterable, Mapping, Sequence
from contextlib import closing
from pathlib import Path
from typing import Any

from etl.extraction.mentions import DateWindow, Figure, Mention
from etl.settings import ROOT

CACHE = Path("cache") / "mentions.sqlite"

#: The code and data whose every byte extraction depends on: the text engine and the place
#: resolver (code and rule tables), the actor lexicon, the facilities the resolver reads
#: beside their kind's word (etl/places/facilities.py: a site's id and point are in its
#: mentions), and this cache's own encoding.
RULE_FILES = ("etl/mention_cache.py", "data/geo/facilities.csv")
RULE_DATA = ("etl/extraction", "etl/places", "data/lexicon", "data/rules")
#: Files in those folders that extraction never runs, so a change to them keeps the cache: the
#: text engine's evaluation against the development sets and the events' summaries (written
#: by the build from the merged mentions). The merge itself is the build's (etl/merge.py,
#: etl/merge_cells.py, session 36), outside these folders. tests/etl/test_mention_cache.py
#: checks that extraction loads none of these and that every module it loads is covered.
NOT_RUN = ("etl/extraction/evaluate.py", "etl/extraction/summary.py")


SPILL_PREFIX = "conflict-mentions-"


def _unlink(path: Path) -> None:
    path.unlink(missing_ok=True)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OSError):
        return True  # someone else's process, or cannot tell: leave its file alone
    return True


def sweep_spills(folder: Path | None = None) -> list[Path]:
    """Remove spill files left by processes that ended without cleaning up (killed by a
    signal: `weakref.finalize` runs only on a normal exit). A spill's name carries its
    process id; files of processes still running are kept. Returns what was removed."""
    removed = []
    for path in Path(folder or tempfile.gettempdir()).glob(f"{SPILL_PREFIX}*-*.sqlite"):
        pid = path.name[len(SPILL_PREFIX) :].split("-", 1)[0]
        if pid.isdigit() and int(pid) != os.getpid() and not _alive(int(pid)):
            try:
                path.unlink()
            except OSError:
                continue
            removed.append(path)
    return removed


def rule_files() -> list[Path]:
    """The files whose bytes the fingerprint covers, in the order it reads them."""
    files = [ROOT / f for f in RULE_FILES]
    for folder in RULE_DATA:
        files += sorted(
            path
            for path in (ROOT / folder).rglob("*")
            if "__pycache__" not in path.parts and path.relative_to(ROOT).as_posix() not in NOT_RUN
        )
    return [path for path in files if path.is_file()]


def fingerprint(places: Iterable[Mapping[str, Any]], geonames_version: str) -> str:
    """A digest of the rules, word lists and gazetteers extraction reads."""
    digest = hashlib.sha256(geonames_version.encode())
    for path in rule_files():
        digest.update(path.relative_to(ROOT).as_posix().encode() + b"\0" + path.read_bytes())
    rows = [json.dumps(dict(p), sort_keys=True, default=str) for p in places]
    digest.update("\n".join(rows).encode())
    return digest.hexdigest()[:20]


def article_key(
    article_id: str, published: str, title: str | None = None, outlet: str | None = None
) -> str:
    """The cache key of one article as extraction saw it: its id (a digest of its text), its
    date (it anchors relative dates) and, when it has one, a digest of its title (a day that
    closes it dates a live blog's entries: etl/extraction/title_day.py), so an article whose
    title is corrected (etl/article_updates.py) is extracted again; and of its outlet's name
    when extraction is given one (the countries it names place a note that names none:
    `PlaceResolver.outlet_places`, session 34). An article with neither keeps the key it
    always had."""
    key = f"{article_id}@{published}"
    if title:
        key += f"#{hashlib.sha256(title.encode()).hexdigest()[:12]}"
    if outlet:
        key += f"~{hashlib.sha256(outlet.encode()).hexdigest()[:12]}"
    return key


_AS_IS = frozenset({str, int, float, bool, type(None)})
_FIELDS: dict[type, tuple[str, ...]] = {}  # a dataclass's field names, () for other types


def _plain(value: object) -> object:
    kind = type(value)
    if kind in _AS_IS:  # the most common case first: a third of the cache's encoding time
        return value
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, tuple):
        return [_plain(v) for v in value]
    names = _FIELDS.get(kind)
    if names is None:
        is_data = dataclasses.is_dataclass(value)
        names = tuple(f.name for f in dataclasses.fields(value)) if is_data else ()
        if not isinstance(value, type):  # (a class's answer is its own, not every class's)
            _FIELDS[kind] = names
    if names:
        return {name: _plain(getattr(value, name)) for name in names}
    return value


def to_json(mentions: Sequence[Mention]) -> str:
    """Mentions as compact JSON."""
    return json.dumps([_plain(m) for m in mentions], ensure_ascii=False, separators=(",", ":"))


#: strings this short (types, sources, precisions, place names and ids, countries, quantities
#: and qualifiers, which every article repeats) are kept once per batch, in the `strings` dict
#: its reader passes to `from_json`; longer ones (the sentence) once per article. Not
#: `sys.intern`: these come from article text, and interned strings are immortal on CPython
#: 3.12.0-3.12.5 (gh-113993), so a long-running process (the dashboard's ingest) would keep
#: every distinct one for its lifetime; a batch's dict goes with the batch.
SHORT = 40


@functools.lru_cache(maxsize=1 << 14)
def _day(iso: str) -> dt.date:
    return dt.date.fromisoformat(iso)


def _shared(row: dict, seen: dict, strings: dict) -> dict:
    """The row's strings, each kept once: short ones per batch (`strings`), the others per
    article (`seen`: a sentence is read by each of its mentions)."""
    for key, value in row.items():
        if type(value) is str:
            row[key] = (strings if len(value) <= SHORT else seen).setdefault(value, value)
    return row


def from_json(text: str, strings: dict[str, str] | None = None) -> list[Mention]:
    """Mentions back from `to_json` (one article's). A batch's parent holds every mention
    until it is merged (about 2 KB each decoded as they are), so what the mentions of an
    article, or of a batch, repeat is kept once: equal strings, days, and equal date windows
    and figures (frozen: nothing changes them) within the article; short strings within the
    batch when its reader passes one `strings` dict to every article's call (a fresh dict
    otherwise: nothing outlives the caller's dict). The same values as decoding each field
    afresh (`tests/etl/test_mention_cache.py`)."""
    found = []
    seen: dict = {}  # this article's long strings, and its date windows and figures by value
    if strings is None:
        strings = {}
    for row in json.loads(text):
        date = _shared(row["date"], seen, strings)
        date["start"], date["end"] = _day(date["start"]), _day(date["end"])
        key = ("date", *date.values())
        window = seen.get(key)
        if window is None:
            window = seen[key] = DateWindow(**date)
        figures = []
        for f in row["figures"]:
            key = ("figure", repr(tuple(_shared(f, seen, strings).values())))  # 0.0 is not -0.0
            figure = seen.get(key)
            if figure is None:
                figure = seen[key] = Figure(**f)
            figures.append(figure)
        row = _shared(row, seen, strings)
        row["date"], row["figures"] = window, tuple(figures)
        found.append(Mention(**row))
    return found


class MentionCache:
    """Per-article mentions under one fingerprint; entries under other fingerprints are
    ignored (and dropped when the cache is next written).

    New entries are staged (in a spill file) and written by `flush`, which a writer calls
    only after its build was published: a failed build leaves the cache, like everything
    else, unchanged.
    """

    def __init__(self, store: Path, print_: str = "") -> None:
        self.path = store / CACHE
        self.spill: Path | None = None  # a temporary file, outside the store
        self.fingerprint = print_
        self.staged = 0  # articles staged in the spill file since the last flush

    def bind(self, print_: str) -> None:
        """Use this fingerprint (of the rules and gazetteers of the build at hand)."""
        if print_ != self.fingerprint:
            self.fingerprint = print_
            self._drop_spill()

    def stage(self, entries: Mapping[str, Sequence[Mention]]) -> None:
        """Keep these on `flush`. They wait as JSON in a spill file beside the cache, not in
        memory: a build of 100,000 articles would otherwise hold every mention object (about
        400 MiB) until it is published. The spill is a temporary file outside the store (a
        failed build leaves the store as it was), removed by `flush`, by `bind` to another
        fingerprint, or when this object goes. A spill that cannot be written costs time."""
        if entries:
            self.stage_json([(key, to_json(found)) for key, found in entries.items()])

    def stage_json(self, entries: Sequence[tuple[str, str]]) -> None:
        """`stage` for mentions already encoded by `to_json` (an extraction worker's)."""
        if not entries:
            return
        try:
            if self.spill is None:
                sweep_spills()
                prefix = f"{SPILL_PREFIX}{os.getpid()}-"
                handle, name = tempfile.mkstemp(prefix=prefix, suffix=".sqlite")
                os.close(handle)
                self.spill = Path(name)
                self._finalizer = weakref.finalize(self, _unlink, self.spill)
            with closing(sqlite3.connect(self.spill, timeout=30.0)) as db:
                # a spill is read only by this object, and dropped, never reused, when a
                # build fails: no need to wait for the disk at each of a batch's chunks
                db.execute("PRAGMA synchronous = OFF")
                with db:
                    db.execute(
                        "CREATE TABLE IF NOT EXISTS staged (key TEXT PRIMARY KEY NOT NULL, "
                        "mentions TEXT NOT NULL)"
                    )
                    db.executemany("INSERT OR REPLACE INTO staged VALUES (?, ?)", entries)
            self.staged += len(entries)
        except (OSError, sqlite3.Error):
            self._drop_spill()

    def flush(self) -> bool:
        """Write what was staged; False (and the cache as it was) if it cannot be written:
        the cache only saves time, so a full disk here must not fail a published build."""
        if not self.staged:
            return True
        try:
            try:
                self._copy_spill()
            except sqlite3.DatabaseError:  # a damaged cache file is replaced
                self.path.unlink(missing_ok=True)
                self._copy_spill()
        except (OSError, sqlite3.Error):
            return False
        finally:
            self._drop_spill()
        return True

    def _drop_spill(self) -> None:
        self.staged = 0
        if self.spill is not None:
            self._finalizer()  # removes the file, once
            self.spill = None

    def _copy_spill(self) -> None:
        """Staged entries into the cache, in one transaction; other fingerprints dropped."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with closing(sqlite3.connect(self.path, timeout=30.0)) as db:
            db.execute("ATTACH DATABASE ? AS spill", (str(self.spill),))
            with db:
                db.execute(
                    "CREATE TABLE IF NOT EXISTS mentions (key TEXT PRIMARY KEY NOT NULL, "
                    "fingerprint TEXT NOT NULL, mentions TEXT NOT NULL)"
                )
                db.execute("DELETE FROM mentions WHERE fingerprint != ?", (self.fingerprint,))
                db.execute(
                    "INSERT OR REPLACE INTO mentions SELECT key, ?, mentions FROM spill.staged",
                    (self.fingerprint,),
                )

    def get(self, keys: Sequence[str]) -> dict[str, list[Mention]]:
        """The cached mentions of those article keys that are cached."""
        if not self.path.exists():
            return {}
        found: dict[str, list[Mention]] = {}
        strings: dict[str, str] = {}  # the batch's short strings, each kept once
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
                    found.update((key, from_json(text, strings)) for key, text in rows)
        except (sqlite3.DatabaseError, ValueError, TypeError, KeyError):
            return {}  # a damaged cache is no cache: everything is extracted again
        return found
