"""Compiled patterns kept on disk (etl/pattern_cache.py): the same patterns as `re` makes."""

from __future__ import annotations

import marshal
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from etl import pattern_cache
from etl.pattern_cache import PatternTable

PATTERNS = [
    (r"(?P<n>\d+)\s+(?:people|civilians)\s+(?P<trigger>killed)\b", 0),
    (r"(?<![\w'’-])(?:Deir ez-Zor|Raqqa)(?![\w'’-])", 0),
    (r"\b(?:air\s*strikes?|shell(?:ing|ed))\b", re.I),
    (r"\b(?:air\s*strikes?|shell(?:ing|ed))\b", re.I | re.A),
    (r"[^\W\d_]{2,}?\.(?=\s)|^\s*[-•]", re.M),
    (r"(?s:.*)(?:[,;:—]|\bbut\b)", 0),
    (r"İstanbul|ſtrike", re.I),
]
TEXTS = [
    "12 people killed in Raqqa; Deir ez-Zor's shelling, but air strikes.",
    "ISTANBUL — İstanbul STRIKE ſtrike\n - bullet. Another",
    "",
]


def _same(a: re.Pattern[str], b: re.Pattern[str]) -> None:
    assert a == b  # equal patterns: same text, flags and code
    assert (a.flags, a.groups, a.groupindex) == (b.flags, b.groups, b.groupindex)
    for text in TEXTS:
        assert [(m.span(), m.groups()) for m in a.finditer(text)] == [
            (m.span(), m.groups()) for m in b.finditer(text)
        ]


@pytest.mark.parametrize(("pattern", "flags"), PATTERNS)
def test_table_gives_the_pattern_re_gives(tmp_path, pattern, flags):
    table = PatternTable(tmp_path / "patterns.marshal")
    _same(table.compile(pattern, flags), pattern_cache._original(pattern, int(flags)))


def _extracting(table: PatternTable) -> PatternTable:
    table.extracted = True  # as stop_recording marks it after a process's first article
    return table


def test_a_saved_table_serves_the_next_process_without_parsing(tmp_path, monkeypatch):
    path = tmp_path / "sub" / "patterns.marshal"
    first = _extracting(PatternTable(path))
    for pattern, flags in PATTERNS:
        first.compile(pattern, flags)
    assert first.save() and path.exists()
    assert not first.save()  # nothing new since

    def no_parse(pattern, flags):
        raise AssertionError(f"parsed again: {pattern!r}")

    monkeypatch.setattr(pattern_cache, "_entry", no_parse)
    second = PatternTable(path)
    for pattern, flags in PATTERNS:
        _same(second.compile(pattern, flags), pattern_cache._original(pattern, int(flags)))


def test_an_unreadable_file_is_an_empty_table(tmp_path):
    path = tmp_path / "patterns.marshal"
    path.write_bytes(b"\x00not marshal at all")
    table = _extracting(PatternTable(path))
    assert table.kept == {}
    _same(table.compile(r"\bkilled\b", 0), re.compile(r"\bkilled\b"))
    assert table.save()
    assert list(PatternTable(path).kept) == [(r"\bkilled\b", 0)]


def test_a_bad_pattern_raises_as_re_does(tmp_path):
    table = _extracting(PatternTable(tmp_path / "patterns.marshal"))
    with pytest.raises(re.error):
        table.compile(r"(unclosed", 0)
    assert not table.save()


def test_nothing_is_noted_once_recording_stops(tmp_path):
    path = tmp_path / "patterns.marshal"
    table = _extracting(PatternTable(path))
    table.compile(r"\brules\b", 0)
    table.recording = False
    table.compile(r"\bAleppo\b|\bHoms\b", 0)  # made of an article's words
    assert table.save()
    assert list(PatternTable(path).kept) == [(r"\brules\b", 0)]


def test_a_full_table_keeps_only_what_the_process_used(tmp_path, monkeypatch):
    path = tmp_path / "patterns.marshal"
    old = _extracting(PatternTable(path))
    for n in range(5):
        old.compile(rf"\bold{n}\b", 0)
    old.save()
    monkeypatch.setattr(pattern_cache, "MAX_KEPT", 5)
    table = _extracting(PatternTable(path))
    table.compile(r"\bold1\b", 0)  # read from the file
    table.compile(r"\bnew\b", 0)  # compiled here
    assert table.save()
    assert sorted(PatternTable(path).kept) == [(r"\bnew\b", 0), (r"\bold1\b", 0)]


def test_a_file_grown_too_large_is_cut_to_what_the_process_used(tmp_path, monkeypatch):
    path = tmp_path / "patterns.marshal"
    old = _extracting(PatternTable(path))
    for n in range(4):
        old.compile(rf"\bold{n}\b", 0)
    old.save()
    monkeypatch.setattr(pattern_cache, "MAX_KEPT", 3)
    table = _extracting(PatternTable(path))
    table.compile(r"\bold2\b", 0)  # nothing new compiled
    assert table.save()
    assert list(PatternTable(path).kept) == [(r"\bold2\b", 0)]


def test_a_process_that_read_no_article_writes_nothing(tmp_path):
    path = tmp_path / "patterns.marshal"
    table = PatternTable(path)
    table.compile(r"\bdashboard-only\b", 0)
    assert not table.save() and not path.exists()


def test_this_process_compiles_through_the_table():
    table = pattern_cache.install()  # as building an extractor does (once per process)
    if table is None:
        pytest.skip("pattern cache off (CONFLICT_PATTERN_CACHE=0 or another Python)")
    compiled = re.compile(r"\bpattern-cache-probe-\d+\b")
    assert compiled.search("a pattern-cache-probe-7 here")
    assert compiled == pattern_cache._original(r"\bpattern-cache-probe-\d+\b", 0)
    assert pattern_cache._works()


def test_build_key_names_the_python_build():
    key = pattern_cache.build_key()
    assert re.fullmatch(r"[0-9a-f]{16}", key)
    assert pattern_cache.default_path().name == f"patterns-{key}.marshal"


@pytest.mark.parametrize(
    "damaged",
    [
        (0, b"odd", 0, {}, ()),  # code bytes cut short
        (0, b"\x00" * 8, 0, {}, ()),  # code _sre refuses
        (1, 2),  # another layout of entry
        "not an entry",
    ],
)
def test_a_damaged_entry_is_compiled_afresh_and_replaced(tmp_path, damaged):
    path = tmp_path / "patterns.marshal"
    path.write_bytes(marshal.dumps({(r"\bkilled\b", 0): damaged}))
    table = _extracting(PatternTable(path))
    _same(table.compile(r"\bkilled\b", 0), re.compile(r"\bkilled\b"))
    assert table.save()
    kept = PatternTable(path).kept[(r"\bkilled\b", 0)]
    assert kept == pattern_cache._entry(r"\bkilled\b", 0)


def test_no_home_folder_leaves_re_alone(monkeypatch):
    def no_home():
        raise RuntimeError("Could not determine home directory.")

    monkeypatch.setattr(pattern_cache, "_table", None)
    monkeypatch.setattr(pattern_cache, "default_path", no_home)
    assert pattern_cache.install() is None


def test_an_unwritable_folder_is_no_error(tmp_path):
    blocker = tmp_path / "a file"
    blocker.write_text("")
    table = _extracting(PatternTable(blocker / "sub" / "patterns.marshal"))
    table.compile(r"\bkilled\b", 0)
    assert not table.save()


_PROBE = """
import re, sys
from re import _compiler
original = _compiler.compile
import {module}
from etl import pattern_cache
before = (pattern_cache._table is None, _compiler.compile is original)
{then}
after = (pattern_cache._table is None, _compiler.compile is original)
print(before, after)
"""


def _fresh_process(module: str, cache: Path, then: str = "") -> str:
    """What a new Python process reports about the cache after importing `module` (and
    running `then`), with its cache folder `cache`."""
    env = {**os.environ, "CONFLICT_PATTERN_CACHE": "1", "CONFLICT_CACHE": str(cache)}
    run = subprocess.run(
        [sys.executable, "-c", _PROBE.format(module=module, then=then)],
        capture_output=True, text=True, env=env, timeout=300,
        cwd=Path(__file__).resolve().parents[2],
    )  # fmt: skip
    assert run.returncode == 0, run.stderr
    return run.stdout.strip().splitlines()[-1]


def test_importing_etl_or_the_dashboard_reads_no_pattern_file(tmp_path):
    # `import etl` used to read the whole file (9.4 MB) in every process, the dashboard's too
    assert _fresh_process("etl", tmp_path) == "(True, True) (True, True)"
    assert _fresh_process("dashboard.app", tmp_path) == "(True, True) (True, True)"


def test_building_an_extractor_installs_the_cache(tmp_path):
    then = "from etl.extraction.extract import Extractor; Extractor([], None)"
    assert _fresh_process("etl.extraction.extract", tmp_path, then) == "(True, True) (False, False)"
    assert list(tmp_path.glob("patterns-*")) == []  # it read no article: it writes nothing
