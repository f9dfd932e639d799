"""Compiled regular expressions kept on disk, so that a new process does not compile the rules
again.

Every process that extracts compiles some 5,100 patterns (the trigger tables, their ASCII
twins, the date, figure and place rules), and Python's `re` parses and compiles each in Python
code: 3-4 of the 6-7 CPU-seconds an extraction worker spent before its first article was done
(session 16, load 7). The compiler's output for a pattern (its flags, code, groups and group
names) depends only on the pattern text, the flags and the Python build, so it is kept in a
file of the cache folder (`etl.cache_dir`), keyed by the build, and the next process hands it
to `_sre.compile` as `re` itself would: the same compiled pattern (equal to a fresh one: same
code), without the parse.

`install` wraps `re._compiler.compile` (what `re.compile` calls on a miss of its own small
cache) once per process, when the process builds an extractor (`etl.extraction.extract.Extractor`):
`import etl` alone reads nothing (it read the 9.4 MB file in every process until session 17, the
dashboard's included: `import etl` took 58-64 ms instead of 11-15 and held 11 MiB more for
life). The ~690 patterns compiled while the extraction modules are imported are compiled as
always (about 0.1 CPU-s); the ~4,400 the extractor compiles when built and on its first article
go through the file; it checks first that its copy of the compiler's last step gives a
pattern equal to the compiler's own, and stays out of the way if not (another Python). A
pattern not in the file is compiled as always and, while recording lasts, noted; the notes are
added to the file when the process exits, if it read an article (a test run or a dashboard
that extracts nothing leaves the file to the extraction processes). Recording stops
(`stop_recording`) once a process has read its first article, so patterns made from an
article's words are never written out.
CONFLICT_PATTERN_CACHE=0 turns it off.
"""

from __future__ import annotations

import _sre
import array
import atexit
import contextlib
import hashlib
import marshal
import os
import sys
import threading
from pathlib import Path
from re import _compiler, _parser
from typing import Any

from etl.cache_dir import default_cache_dir

ENV = "CONFLICT_PATTERN_CACHE"
#: patterns in the file at most: past it, a process writes only those it compiled or read
#: (a rule edited leaves its old pattern behind; a process compiles some 5,100 for extraction)
MAX_KEPT = 10_000
RELEASE_AFTER = 20  # articles: by then a process has compiled what it reads
#: (pattern, flags) -> (flags, code as array('I') bytes, groups - 1, group index, index group)
Entry = tuple[int, bytes, int, dict[str, int], tuple[str | None, ...]]
_CODE_TYPE = "I" if array.array("I").itemsize == _sre.CODESIZE else "L"


def build_key() -> str:
    """What the compiler's output depends on besides the pattern: the Python build."""
    parts = (sys.version, sys.implementation.cache_tag, _sre.MAGIC, _sre.CODESIZE, _sre.MAXREPEAT)
    return hashlib.sha256(repr(parts).encode()).hexdigest()[:16]


def default_path() -> Path:
    return default_cache_dir() / f"patterns-{build_key()}.marshal"


def _entry(pattern: str, flags: int) -> Entry:
    """The compiler's output for a pattern, as `re._compiler.compile` makes it."""
    parsed = _parser.parse(pattern, flags)
    code = _compiler._code(parsed, flags)
    groupindex = dict(parsed.state.groupdict)
    indexgroup: list[str | None] = [None] * parsed.state.groups
    for name, i in groupindex.items():
        indexgroup[i] = name
    packed = array.array(_CODE_TYPE, code).tobytes()
    return (
        int(flags | parsed.state.flags),
        packed,
        parsed.state.groups - 1,
        groupindex,
        (tuple(indexgroup)),
    )


def _made(pattern: str, entry: Entry) -> Any:
    flags, packed, groups, groupindex, indexgroup = entry
    code = array.array(_CODE_TYPE, packed).tolist()
    return _sre.compile(pattern, flags, code, groups, dict(groupindex), indexgroup)


class PatternTable:
    """The kept patterns of one file, and those compiled since it was read."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.kept: dict[tuple[str, int], Entry] = _read(path)
        self.loaded = len(self.kept)
        self.new: dict[tuple[str, int], Entry] = {}
        self.articles = 0  # articles read (`stop_recording` calls)
        self.used: set[tuple[str, int]] = set()  # kept patterns served while recording
        self.recording = True
        self.extracted = False  # only a process that read an article writes the file
        self._lock = threading.Lock()

    def compile(self, pattern: str, flags: int) -> Any:
        """The compiled pattern, from the table when it holds it."""
        key = (pattern, int(flags))
        entry = self.kept.get(key) or self.new.get(key)
        if entry is not None:
            try:
                made = _made(pattern, entry)
            except Exception:  # noqa: BLE001 - a damaged or foreign entry: compile afresh
                self.kept.pop(key, None)
                self.new.pop(key, None)
            else:
                if self.recording:
                    self.used.add(key)
                return made
        entry = _entry(pattern, int(flags))  # raises re.error as re.compile does
        if self.recording:
            with self._lock:
                self.new[key] = entry  # written over the damaged one when saved
        return _made(pattern, entry)

    def save(self) -> bool:
        """Add the patterns compiled since the file was read to it (what another process
        wrote meanwhile is kept too), or cut a file grown past MAX_KEPT; False when there was
        nothing to do or it failed."""
        if not self.extracted or not (self.new or self.loaded > MAX_KEPT):
            return False
        table = {**_read(self.path), **self.new}
        if len(table) > MAX_KEPT:  # patterns of rules since changed: keep this process's own
            table = {k: table[k] for k in self.used if k in table} | self.new
        temporary = self.path.with_name(f"{self.path.name}.{os.getpid()}.tmp")
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            with temporary.open("wb") as handle:
                marshal.dump(table, handle)
            os.replace(temporary, self.path)  # whole or not at all, whoever writes last
        except OSError:
            with contextlib.suppress(OSError):  # e.g. the folder's parent is a file
                temporary.unlink(missing_ok=True)
            return False
        self.new, self.loaded = {}, len(table)
        return True


def _read(path: Path) -> dict[tuple[str, int], Entry]:
    """The file's table; empty when it is missing or unreadable (it is only a cache)."""
    try:
        with path.open("rb") as handle:
            table = marshal.load(handle)
    except (OSError, EOFError, ValueError, TypeError):
        return {}
    return table if isinstance(table, dict) else {}


_table: PatternTable | None = None
_original = _compiler.compile


def install(path: Path | None = None) -> PatternTable | None:
    """Serve this process's `re` compiles from the file (once; None when turned off or when
    this Python's compiler does not work as expected)."""
    global _table
    if _table is not None:
        return _table
    if os.environ.get(ENV, "1") == "0" or not _works():
        return None
    try:
        path = path or default_path()
    except RuntimeError:  # no home folder to find (no $HOME, a user without a passwd entry)
        return None
    _table = PatternTable(path)

    def compile(p: Any, flags: int = 0) -> Any:
        if type(p) is not str or flags & _compiler.SRE_FLAG_DEBUG:
            return _original(p, flags)  # bytes, a parsed pattern (re.Scanner), re.DEBUG
        return _table.compile(p, flags)

    _compiler.compile = compile
    atexit.register(_table.save)
    return _table


def stop_recording() -> None:
    """Note no more new patterns in this process (those made from article text would be);
    what it noted (the rules, its imports' patterns) is written when it exits."""
    if _table is not None:
        _table.recording = False
        _table.extracted = True
        _table.articles += 1
        if _table.articles == RELEASE_AFTER:  # the rules are compiled: free the table's
            _table.kept = {}  # 6-15 MB (a rare later pattern is compiled as without it)


def _works() -> bool:
    """Our copy of the compiler's last step gives the compiler's own pattern."""
    probe = r"(?P<a>\b[Kk]illed)\s+(?:at\s+least\s+)?(\d+)(?=\W)|[^\W\d_]{2,}?"
    try:
        return all(
            _made(probe, _entry(probe, flags)) == _original(probe, flags)
            for flags in (0, 2, 256 | 2)  # none, re.I, re.A | re.I
        )
    except Exception:  # noqa: BLE001 - any other Python: leave `re` alone
        return False
