"""Hostile and clumsy input, through the real command line: a clear message, nothing changed.

One row per case: an id, the bytes of one input file (or a function that makes them), the
file they replace in a small project (the `mini` fixture, plus `in/in.jsonl` for `extract`),
the command, the exit code, and the line and words the message must give. For every case:
the exit code; the message names the file, its line (where there is one) and the reason; no
traceback; and when the command refuses, every file under tmp_path (inputs, the previous
output of `extract`, the previous build of the store) is byte for byte as it was.

Decisions these rows pin down: a UTF-8 byte-order mark is accepted silently (Excel and Notepad
write one); control characters in article text are kept (feeds carry form feeds and escapes,
and offsets must count them) but a NUL is refused (it marks a binary or UTF-16 file read as
text); an empty batch is refused (an upstream failure must not replace a good output).
"""

from __future__ import annotations

import hashlib
import json
import os
import stat
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from etl.cli import main
from etl.extraction.extract import MAX_CHARS
from etl.settings import Paths
from tests.conftest import MINI_FILES

TEXT = "Rockets hit the market in Alpha on Monday, killing at least 4 people."
GOOD = {"id": "a", "text": TEXT, "published": "2020-01-07"}
IN, OUT = "in/in.jsonl", "out/mentions.csv"
PREVIOUS = b"article_id,event_type\nold,shelling\n"  # the output of an earlier good run


def jl(*records: object) -> bytes:
    """JSON Lines bytes: dicts are dumped as they are; strings are lines written by hand."""
    lines = [r if isinstance(r, str) else json.dumps(r, ensure_ascii=False) for r in records]
    return ("\n".join(lines) + "\n").encode("utf-8")


def good(**changes: object) -> dict:
    return {**GOOD, **changes}


def nested(depth: int) -> str:
    return "[" * depth + "]" * depth


def junk() -> bytes:
    return bytes((i * 7919 + 13) % 256 for i in range(4096))


def bad_rows(n: int) -> bytes:
    return jl(*[good(id=f"x{i}", published="someday") for i in range(n)])


def replaced(name: str, old: str, new: str) -> bytes:
    """A file of the mini project with one piece of text changed."""
    assert old in MINI_FILES[name]
    return MINI_FILES[name].replace(old, new).encode("utf-8")


def with_line(name: str, line: str, at: int = 3) -> bytes:
    """A file of the mini project with `line` inserted as line `at` (1-based)."""
    lines = MINI_FILES[name].splitlines(keepends=True)
    return "".join(lines[: at - 1] + [line + "\n"] + lines[at - 1 :]).encode("utf-8")


def actors_with_bad_rows(n: int) -> bytes:
    rows = "".join(f"Bad Actor {i},Name,group,\n" for i in range(n))
    return (MINI_FILES["curated/actors.csv"] + rows).encode("utf-8")


# --- setups: what a case does to the folders before the command runs -----------------


def out_is_input(tmp: Path) -> Path:
    return tmp / IN


def out_symlinks_to_input(tmp: Path) -> Path:
    link = tmp / "out" / "link.csv"
    link.symlink_to(tmp / IN)
    return link


def out_hardlinks_to_input(tmp: Path) -> Path:
    link = tmp / "out" / "hard.csv"
    os.link(tmp / IN, link)
    return link


def out_is_curated_input(tmp: Path) -> Path:
    return tmp / "curated" / "places.csv"


def out_is_a_folder(tmp: Path) -> Path:
    return tmp / "out"


def out_folder_read_only(tmp: Path) -> Path:
    (tmp / "out").chmod(0o555)
    return tmp / OUT


@dataclass(frozen=True)
class Case:
    id: str
    command: str  # extract | check | build
    file: str  # the input file the bytes replace, relative to the project folder
    data: bytes | Callable[[], bytes]
    code: int
    line: int | None  # the line the message names (None: the file as a whole)
    says: str  # the message's line for "<file>:<line>: " (or "<file>: ") must contain this
    out: Callable[[Path], Path] | None = None  # extract's --out, when not out/mentions.csv
    names: str | None = None  # the file the message names, when not `file`


E = "extract"
CASES = [
    # publication dates: implausible, or not an ISO date
    Case("year-1-relative", E, IN, jl(good(text="Rockets hit Alpha three days ago.", published="0001-01-01")), 2, 1, "published 0001-01-01 is not a plausible publication date (accepted: 1900-01-01 to"),
    Case("year-9999-relative", E, IN, jl(good(text="A day later, rockets hit Alpha.", published="9999-12-31")), 2, 1, "published 9999-12-31 is not a plausible publication date"),
    Case("year-1800", E, IN, jl(GOOD, good(id="b", published="1800-06-01")), 2, 2, "published 1800-06-01 is not a plausible publication date"),
    Case("year-2999", E, IN, jl(good(published="2999-01-01T00:00:00Z")), 2, 1, "published 2999-01-01 is not a plausible publication date"),
    Case("published-with-garbage", E, IN, jl(good(published="2019-02-22garbage")), 2, 1, "published '2019-02-22garbage' is not an ISO date or date-time"),
    Case("published-a-number", E, IN, jl(good(published=20190222)), 2, 1, "published must be a string (e.g. 2019-03-14 or 2019-03-14T10:00:00Z), not number"),
    Case("published-datetime-ok", E, IN, jl(good(published="2020-01-07T23:30:00+03:00")), 0, None, ""),
    # Unicode that no file can hold, numbers and nesting the JSON reader cannot take
    Case("lone-surrogate-in-text", E, IN, b'{"id": "a", "text": "ab\\ud800cd", "published": "2020-01-07"}\n', 2, 1, "text: lone surrogate \\ud800 at character 3"),
    Case("lone-surrogate-in-title", E, IN, jl(GOOD, '{"id": "b", "text": "x", "title": "\\udfff", "published": "2020-01-07"}'), 2, 2, "title: lone surrogate \\udfff at character 1"),
    Case("surrogate-bytes", E, IN, b'{"id": "a", "text": "ab\xed\xa0\x80", "published": "2020-01-07"}\n', 2, 1, "not valid UTF-8: byte 0xed at byte 24 of the line (invalid continuation byte)"),
    Case("5000-digit-id", E, IN, jl(GOOD, '{"id": ' + "7" * 5000 + ', "text": "x", "published": "2020-01-07"}'), 2, 2, "not readable JSON: a number has over 4,300 digits"),
    Case("deep-nesting-value", E, IN, jl(GOOD, '{"id": "b", "text": "x", "published": "2020-01-07", "extra": ' + nested(100_000) + "}"), 2, 2, "not readable JSON: arrays or objects nested too deeply"),
    Case("deep-nesting-top-level", E, IN, jl(nested(100_000), GOOD), 2, 1, "not readable JSON: arrays or objects nested too deeply"),
    # ids
    Case("id-true", E, IN, jl(good(id=True)), 2, 1, "id must be a non-empty string or an integer, not boolean"),
    Case("id-float", E, IN, jl(good(id=1.5)), 2, 1, "id must be a non-empty string or an integer, not number"),
    Case("id-empty", E, IN, jl(good(id="")), 2, 1, "id must not be empty or blank"),
    Case("id-blank", E, IN, jl(good(id="  \t ")), 2, 1, "id must not be empty or blank"),
    Case("id-null", E, IN, jl(good(id=None)), 2, 1, "id must be a non-empty string or an integer, not null"),
    Case("id-with-newline", E, IN, jl(good(id="a\nb")), 2, 1, "id has an unprintable character '\\n' at character 2"),
    Case("lone-surrogate-in-id", E, IN, b'{"id": "a\\udc00", "text": "x", "published": "2020-01-07"}\n', 2, 1, "id has an unprintable character '\\udc00' at character 2"),
    Case("duplicate-ids", E, IN, jl(GOOD, good(text="Other text.")), 2, 2, "id 'a' is used twice"),
    Case("duplicate-id-int-and-string", E, IN, jl(good(id=7), good(id="7")), 2, 2, "id '7' is used twice"),
    Case("integer-id-ok", E, IN, jl(good(id=7)), 0, None, ""),
    # missing and wrong-typed fields, several said at once
    Case("missing-fields", E, IN, jl(GOOD, {"text": "x"}), 2, 2, "missing field(s): id, published"),
    Case("text-a-number", E, IN, jl(good(text=5)), 2, 1, "text must be a string, not number"),
    Case("outlet-an-object", E, IN, jl(good(outlet={"name": "AP"})), 2, 1, "outlet must be a string or null, not object"),
    Case("several-wrong-fields", E, IN, jl(good(id=False, text=None, published="soon")), 2, 1, "id must be a non-empty string or an integer, not boolean; text must be a string, not null; published 'soon' is not an ISO date"),
    # the shape of the file
    Case("empty-file", E, IN, b"", 2, None, "no articles: the file is empty (or only blank lines)"),
    Case("blank-lines-only", E, IN, b"\n  \n\t\n", 2, None, "no articles: the file is empty"),
    Case("binary-junk", E, IN, junk, 2, 1, "not valid UTF-8"),
    Case("utf16-with-bom", E, IN, jl(GOOD).decode().encode("utf-16"), 2, 1, "the file is UTF-16 (it starts with a UTF-16 byte-order mark); save the file as UTF-8"),
    Case("utf16-without-bom", E, IN, jl(GOOD).decode().encode("utf-16-le"), 2, 1, "it has NUL bytes: is the file UTF-16 without a byte-order mark, or binary?"),
    Case("latin1-bytes", E, IN, jl(good(text="café")).decode().encode("latin-1"), 2, 1, "not valid UTF-8: byte 0xe9 at byte 25 of the line (invalid continuation byte); perhaps Latin-1"),
    Case("utf8-bom-accepted", E, IN, b"\xef\xbb\xbf" + jl(GOOD), 0, None, ""),
    Case("crlf-accepted", E, IN, jl(GOOD).replace(b"\n", b"\r\n"), 0, None, ""),
    Case("json-array-over-lines", E, IN, b"[\n" + json.dumps(GOOD).encode() + b"\n]\n", 2, 1, "not valid JSON (Expecting value, column 2); JSON Lines needs one whole object per line, not an array or an object over several lines"),
    Case("json-array-on-one-line", E, IN, jl(json.dumps([GOOD, GOOD])), 2, 1, "each line must be a JSON object, got array: JSON Lines needs one whole object per line"),
    Case("pretty-printed-object", E, IN, json.dumps(GOOD, indent=2).encode(), 2, 1, "not valid JSON (Expecting property name enclosed in double quotes, column 2); JSON Lines needs one whole object per line"),
    Case("not-json", E, IN, jl(GOOD, "id=b text=x"), 2, 2, "not valid JSON (Expecting value, column 1)"),
    # control characters: kept in text (escaped or raw), NUL refused
    Case("nul-in-text", E, IN, jl(good(text="ab\x00cd")), 2, 1, "text: NUL character at character 3"),
    Case("control-characters-kept", E, IN, jl(good(text=TEXT + "\x0c\x1b[0m\x07 Page 2.")), 0, None, ""),
    Case("raw-tab-in-string-kept", E, IN, jl(GOOD).replace(b"hit the", b"hit\tthe"), 0, None, ""),
    # size
    Case("huge-text-cut-with-warning", E, IN, lambda: jl(good(id="big", text=(TEXT + " ") * 15_000)), 0, 1, f"id 'big': text has 1,050,000 characters; only the first {MAX_CHARS:,} were read"),
    Case("huge-broken-line", E, IN, lambda: jl(GOOD, '{"id": "b", "text": "' + "x" * 3_000_000), 2, 2, "not valid JSON (Unterminated string starting at column 21)"),
    Case("20000-bad-lines", E, IN, lambda: bad_rows(20_000), 2, 1, "published 'someday' is not an ISO date"),
    # where the output goes
    Case("out-is-the-input", E, IN, jl(GOOD), 2, None, "is the input", out=out_is_input, names=IN),
    Case("out-symlinks-to-input", E, IN, jl(GOOD), 2, None, "through a link; writing it would destroy it: choose another --out", out=out_symlinks_to_input, names="out/link.csv"),
    Case("out-hardlinks-to-input", E, IN, jl(GOOD), 2, None, "through a link; writing it would destroy it", out=out_hardlinks_to_input, names="out/hard.csv"),
    Case("out-is-a-curated-input", E, IN, jl(GOOD), 2, None, "is the input", out=out_is_curated_input, names="curated/places.csv"),
    Case("out-is-a-folder", E, IN, jl(GOOD), 2, None, "is a folder; --out needs a file name", out=out_is_a_folder, names="out"),
    Case("out-folder-read-only", E, IN, jl(GOOD), 2, None, "permission denied (read-only)", out=out_folder_read_only, names=OUT),
    # curated CSV tables, through check and build
    Case("csv-field-over-limit", "check", "curated/actors.csv", lambda: with_line("curated/actors.csv", 'x,"unclosed' + "y" * 140_000), 2, 3, "a field is longer than 131,072 characters; probably an unclosed quote"),
    Case("csv-field-over-limit-build", "build", "curated/actors.csv", lambda: with_line("curated/actors.csv", 'x,"unclosed' + "y\n" * 70_000), 2, 3, "a field is longer than 131,072 characters; the row runs from line 3 to line"),
    Case("csv-unclosed-quote", "build", "curated/actors.csv", with_line("curated/actors.csv", 'x,"Unclosed,group,'), 2, 3, "2 cells where the header has 4; the row runs from line 3 to line 6: probably an unclosed quote"),
    Case("csv-utf8-bom-accepted", "check", "curated/actors.csv", b"\xef\xbb\xbf" + MINI_FILES["curated/actors.csv"].encode(), 0, None, ""),
    Case("csv-utf16", "build", "curated/actors.csv", MINI_FILES["curated/actors.csv"].encode("utf-16"), 2, 1, "the file is UTF-16"),
    Case("csv-latin1", "build", "curated/places.csv", replaced("curated/places.csv", "Idlib,Syria", "Idlíb,Syria").decode().encode("latin-1"), 2, 2, "not valid UTF-8: byte 0xed at byte 49 of the line"),
    Case("csv-binary-junk", "check", "curated/places.csv", junk, 2, 1, "not valid UTF-8"),
    Case("csv-nul", "build", "curated/actors.csv", replaced("curated/actors.csv", "The Army", "The\x00Army"), 2, 2, "NUL character at character 9 of the line: is the file UTF-16 or binary?"),
    Case("csv-empty", "build", "curated/actors.csv", b"", 2, 1, "no header row: the file is empty"),
    Case("csv-duplicate-key", "build", "curated/actors.csv", with_line("curated/actors.csv", "army,Another Army,state force,", 4), 2, 4, "actor_id 'army' already used on line 2"),
    Case("csv-wrong-type", "check", "curated/places.csv", replaced("curated/places.csv", "35.93,36.63", "north,36.63"), 2, 2, "latitude: Input should be a valid number"),
    Case("csv-20000-bad-rows", "build", "curated/actors.csv", lambda: actors_with_bad_rows(20_000), 2, 6, "actor_id: String should match pattern"),
    # the seed manifest and article texts
    Case("manifest-year-1800", "build", "seeds/manifest.csv", replaced("seeds/manifest.csv", "2020-01-07", "1800-01-07"), 2, 2, "published 1800-01-07 is not a plausible publication date"),
    Case("manifest-year-2999", "check", "seeds/manifest.csv", replaced("seeds/manifest.csv", "2020-01-08", "2999-01-08"), 2, 3, "published 2999-01-08 is not a plausible publication date"),
    Case("manifest-year-1", "build", "seeds/manifest.csv", replaced("seeds/manifest.csv", "2020-01-07", "0001-01-07"), 2, 2, "published 0001-01-07 is not a plausible publication date"),
    Case("manifest-published-garbage", "build", "seeds/manifest.csv", replaced("seeds/manifest.csv", "2020-01-07", "2020-01-07garbage"), 2, 2, "published: must be a date written YYYY-MM-DD"),
    Case("manifest-published-unix-time", "build", "seeds/manifest.csv", replaced("seeds/manifest.csv", "2020-01-07", "1578355200"), 2, 2, "published: must be a date written YYYY-MM-DD (got '1578355200')"),
    Case("events-date-compact", "build", "curated/events.csv", replaced("curated/events.csv", "2020-01-06,2020-01-06", "20200106,2020-01-06"), 2, 2, "date_start: must be a date written YYYY-MM-DD"),
    Case("manifest-field-over-limit", "check", "seeds/manifest.csv", lambda: with_line("seeds/manifest.csv", 'c.txt,paper,,,"T' + "x" * 140_000), 2, 3, "a field is longer than 131,072 characters"),
    Case("manifest-utf16", "build", "seeds/manifest.csv", MINI_FILES["seeds/manifest.csv"].encode("utf-16"), 2, 1, "the file is UTF-16"),
    Case("seed-text-latin1", "build", "seeds/b.txt", "Officials said at least 5 people were killed in Alphà.".encode("latin-1"), 2, 1, "not valid UTF-8: byte 0xe0 at byte 53 of the line"),
]  # fmt: skip


# --- running a case ---------------------------------------------------------------


def snapshot(folder: Path) -> dict[str, str]:
    """Every entry under `folder`: files by content, links by target, folders as such."""
    found = {}
    for path in sorted(folder.rglob("*")):
        key = str(path.relative_to(folder))
        if path.is_symlink():
            found[key] = "-> " + str(path.readlink())
        elif path.is_dir():
            found[key] = "folder"
        else:
            found[key] = hashlib.sha256(path.read_bytes()).hexdigest()
    return found


def _project_args(mini: Paths) -> list[str]:
    return ["--seeds", str(mini.seeds), "--curated", str(mini.curated)]


def _command(case: Case, mini: Paths, tmp: Path, out: Path) -> list[str]:
    if case.command == "extract":
        return ["extract", str(tmp / IN), "--out", str(out), "--curated", str(mini.curated)]
    store = ["--store", str(tmp / "store")] if case.command == "build" else []
    return [case.command, *_project_args(mini), *store]


def _prepare(case: Case, mini: Paths, tmp: Path, monkeypatch) -> Path:
    """Write a previous good output, then the case's bytes; return extract's --out."""
    if case.command == "build":  # a good build first: the refused one must leave it current
        assert main(["build", *_project_args(mini), "--store", str(tmp / "store")]) == 0
    (tmp / "in").mkdir()
    (tmp / "out").mkdir()
    (tmp / OUT).write_bytes(PREVIOUS)
    if case.file == IN:
        (tmp / IN).write_bytes(jl(GOOD))
    data = case.data() if callable(case.data) else case.data
    (tmp / case.file).write_bytes(data)
    if case.out is out_folder_read_only and os.geteuid() == 0:
        # root writes anywhere: answer as the kernel would for anyone else
        monkeypatch.setattr(os, "access", lambda p, mode: bool(os.stat(p).st_mode & stat.S_IWUSR))
    return case.out(tmp) if case.out else tmp / OUT


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_hostile_input(case, mini, tmp_path, capsys, monkeypatch):
    out = _prepare(case, mini, tmp_path, monkeypatch)
    capsys.readouterr()
    before = snapshot(tmp_path)
    try:
        code = main(_command(case, mini, tmp_path, out))
    finally:
        (tmp_path / "out").chmod(0o755)
    printed = capsys.readouterr()
    assert "Traceback" not in printed.err + printed.out
    assert code == case.code, printed.err
    if case.code != 0:
        where = str(tmp_path / (case.names or case.file))
        where += f":{case.line}" if case.line is not None else ""
        said = [line for line in printed.err.splitlines() if line.startswith(f"  - {where}: ")]
        assert any(case.says in line for line in said), printed.err[:2000]
        assert "nothing was written" in printed.err
        assert snapshot(tmp_path) == before
    elif case.line is not None:  # accepted, with a warning naming file and line
        assert f"warning: {tmp_path / case.file}:{case.line}: {case.says}" in printed.err
    else:
        assert printed.err == ""


@pytest.mark.parametrize(
    ("command", "file", "data"),
    [
        ("extract", IN, bad_rows(20_000)),
        ("build", "curated/actors.csv", actors_with_bad_rows(20_000)),
    ],
    ids=["jsonl", "curated-csv"],
)
def test_twenty_thousand_problems_stay_readable(command, file, data, mini, tmp_path, capsys):
    case = Case("many", command, file, data, 2, None, "")
    out = _prepare(case, mini, tmp_path, None)
    capsys.readouterr()
    assert main(_command(case, mini, tmp_path, out)) == 2
    err = capsys.readouterr().err
    assert "error: 20000 problem(s) in the input:" in err
    assert err.count("\n  - ") == 50
    assert "  ... and 19950 more" in err
    assert len(err.splitlines()) <= 55 and max(len(line) for line in err.splitlines()) < 300


def test_accepted_control_characters_reach_the_csv_as_they_were(mini, tmp_path):
    text = "Rockets hit\tthe market in Alpha on Monday,\x1b[0m killing at least 4 people."
    case = Case("tab-and-escape", E, IN, jl(good(text=text)), 0, None, "")
    out = _prepare(case, mini, tmp_path, None)
    assert main(_command(case, mini, tmp_path, out)) == 0
    assert text in out.read_text(encoding="utf-8")
