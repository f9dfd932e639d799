"""Batches of articles in (JSON Lines) and mentions out (CSV): the `extract` command's contract.

Input: UTF-8, one JSON object per line with `id` (a non-empty string or an integer), `text`,
`published` (an ISO date or date-time, 1900 to tomorrow) and optionally `outlet`, `title`,
`url` (strings). Control characters in text are kept (offsets count them); a NUL or a lone
surrogate is refused. Output: one CSV row per mention with the columns in MENTION_COLUMNS.
A bad line is reported with its file and line number and nothing is written.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

from etl.articles import ISO_EXAMPLES, parse_published
from etl.csvwriter import write_rows
from etl.encoding import bad_characters, not_utf8, strip_bom, wide_encoding
from etl.extraction.extract import ArticleInput
from etl.extraction.figures import fatalities
from etl.extraction.mentions import Mention
from etl.problems import Problem

MENTION_COLUMNS = [
    "article_id",
    "event_type",
    "acled_event_type",
    "acled_sub_event_type",
    "date_start",
    "date_end",
    "date_precision",
    "date_source",
    "date_text",
    "place_name",
    "latitude",
    "longitude",
    "geo_precision",
    "place_note",
    "actor1",
    "actor2",
    "claimant",
    "claimant_actor",
    "fatalities_low",
    "fatalities_high",
    "figures",
    "trigger",
    "sentence",
    "char_start",
    "char_end",
]


_DECODER = json.JSONDecoder(strict=False)  # control characters inside strings are text
_JSON_TYPES = {dict: "object", list: "array", str: "string", bool: "boolean", type(None): "null"}
_OPTIONAL = ("outlet", "title", "url")
_ONE_PER_LINE = "JSON Lines needs one whole object per line"


def _json_type(value: object) -> str:
    return _JSON_TYPES.get(type(value), "number")


def _id_problem(value: object) -> str | None:
    """Ids are non-empty strings without control characters, or integers (not booleans)."""
    if isinstance(value, bool) or not isinstance(value, (str, int)):
        return f"id must be a non-empty string or an integer, not {_json_type(value)}"
    if isinstance(value, str):
        if not value.strip():
            return "id must not be empty or blank"
        if not value.isprintable():
            at = next(i for i, c in enumerate(value) if not c.isprintable())
            return f"id has an unprintable character {value[at]!r} at character {at + 1}"
    return None


def _published(value: object) -> tuple[dt.date | None, str | None]:
    if not isinstance(value, str):
        return None, f"published must be a string ({ISO_EXAMPLES}), not {_json_type(value)}"
    return parse_published(value)


def _field_problems(record: dict) -> list[str]:
    """Every field that does not fit, each said once."""
    id_reason = _id_problem(record["id"])  # names an id's bad character itself
    reasons = [id_reason] if id_reason else []
    if not isinstance(record["text"], str):
        reasons.append(f"text must be a string, not {_json_type(record['text'])}")
    for name in _OPTIONAL:
        if record.get(name) is not None and not isinstance(record[name], str):
            reasons.append(f"{name} must be a string or null, not {_json_type(record[name])}")
    for name in ("text", *_OPTIONAL) if id_reason else ("id", "text", *_OPTIONAL):
        if isinstance(record.get(name), str) and (bad := bad_characters(name, record[name])):
            reasons.append(bad)
    return reasons


def _article(record: object, label: str, line: int) -> ArticleInput | Problem:
    """The article a parsed line describes, or the problem with it."""
    if not isinstance(record, dict):
        hint = f": {_ONE_PER_LINE}, not an array" if isinstance(record, list) else ""
        reason = f"each line must be a JSON object, got {_json_type(record)}{hint}"
        return Problem(label, line, reason)
    missing = [k for k in ("id", "text", "published") if k not in record]
    if missing:
        return Problem(label, line, f"missing field(s): {', '.join(missing)}")
    reasons = _field_problems(record)
    published, reason = _published(record["published"])
    if reasons or reason:
        return Problem(label, line, "; ".join([*reasons, *([reason] if reason else [])]))
    optional = {k: record[k] for k in _OPTIONAL if record.get(k) is not None}
    return ArticleInput(
        str(record["id"]), record["text"], published, **optional, source=label, line=line
    )


def iter_jsonl(path: Path, label: str | None = None) -> Iterator[ArticleInput | Problem]:
    """Articles of a JSON Lines file one at a time (memory stays flat), or their problems.

    The file is UTF-8; a UTF-8 byte-order mark is dropped silently. An empty file is a
    problem: a batch that lost its content upstream must not replace an earlier output.
    """
    label = label or str(path)
    seen: set[str] = set()
    try:
        handle = path.open("rb")
    except OSError as exc:
        yield Problem(label, None, f"cannot read: {exc.strerror}")
        return
    blank = True
    with handle:
        for number, raw in enumerate(handle, start=1):
            if number == 1:
                if reason := wide_encoding(raw[:4]):
                    yield Problem(label, 1, reason)
                    return
                raw = strip_bom(raw)
            if raw.strip():
                blank = False
                yield _parse_line(raw, label, number, seen)
    if blank:
        yield Problem(label, None, "no articles: the file is empty (or only blank lines)")


def _json_hint(line: str, number: int) -> str:
    """What a line that is not JSON probably is, when it is one of the usual mistakes."""
    if number == 1 and line.strip() in ("[", "{"):
        return f"; {_ONE_PER_LINE}, not an array or an object over several lines"
    if "\x00" in line:
        return "; it has NUL bytes: is the file UTF-16 without a byte-order mark, or binary?"
    return ""


def _decode(raw: bytes, label: str, number: int) -> object | Problem:
    """One line's JSON value, or why it cannot be read."""
    try:
        line = raw.rstrip(b"\r\n").decode("utf-8")  # so columns count within the line
    except UnicodeDecodeError as exc:
        return Problem(label, number, not_utf8(exc))
    try:
        return _DECODER.decode(line)
    except json.JSONDecodeError as exc:
        at = " " if exc.msg.endswith(" at") else ", "  # "Unterminated string starting at"
        reason = f"not valid JSON ({exc.msg}{at}column {exc.colno}){_json_hint(line, number)}"
        return Problem(label, number, reason)
    except RecursionError:
        return Problem(label, number, "not readable JSON: arrays or objects nested too deeply")
    except ValueError:  # Python's limit on the digits of an integer
        limit = sys.get_int_max_str_digits()
        return Problem(label, number, f"not readable JSON: a number has over {limit:,} digits")


def _parse_line(raw: bytes, label: str, number: int, seen: set[str]) -> ArticleInput | Problem:
    record = _decode(raw, label, number)
    if isinstance(record, Problem):
        return record
    article = _article(record, label, number)
    if isinstance(article, Problem):
        return article
    if article.article_id in seen:
        return Problem(label, number, f"id {article.article_id!r} is used twice")
    seen.add(article.article_id)
    return article


def read_jsonl(path: Path, label: str | None = None) -> tuple[list[ArticleInput], list[Problem]]:
    """Every article of a JSON Lines file, and every problem (file, line, reason)."""
    articles, problems = [], []
    for item in iter_jsonl(path, label):
        (problems if isinstance(item, Problem) else articles).append(item)
    return articles, problems


def _same_file(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:  # either is missing or unreadable: not the same existing file
        return False


def _overwrites_input(out: Path, inputs: Iterable[Path]) -> Problem | None:
    """The input `out` is, or links to (symbolic or hard link), if any."""
    for path in inputs:
        if _same_file(out, path):
            link = out.is_symlink() or path.is_symlink() or out.resolve() != path.resolve()
            how = " through a link" if link else ""
            reason = f"is the input {path}{how}; writing it would destroy it: choose another --out"
            return Problem(str(out), None, reason)
    return None


def output_problem(out: Path, inputs: Iterable[Path]) -> Problem | None:
    """Why the output file cannot be written safely, or None: it is an input (or a link to
    one), a folder, or inside a folder this user cannot write."""
    if problem := _overwrites_input(out, inputs):
        return problem
    if out.is_dir():
        return Problem(str(out), None, "is a folder; --out needs a file name")
    folder = out.absolute().parent
    while not folder.exists() and folder != folder.parent:
        folder = folder.parent  # the writer creates the missing folders
    if not folder.is_dir():
        return Problem(str(out), None, f"cannot write there: {folder} is not a folder")
    if not os.access(folder, os.W_OK | os.X_OK):
        return Problem(str(out), None, f"cannot write in {folder}: permission denied (read-only)")
    return None


def _number(value: float | None) -> float | int | None:
    """12.0 -> 12: counts read as counts; real fractions (1.5 million) stay as they are."""
    return int(value) if value is not None and float(value).is_integer() else value


def mention_row(m: Mention, acled: dict[str, tuple[str, str]]) -> dict[str, object]:
    """One output row; figures as a JSON list of {quantity, low, high, qualifier, text}."""
    low, high = fatalities(list(m.figures))
    acled_type, acled_sub = acled.get(m.event_type, ("", ""))
    figures = [
        {
            "quantity": f.quantity,
            "low": _number(f.low),
            "high": _number(f.high),
            "qualifier": f.qualifier,
            "text": f.text,
        }
        for f in m.figures
    ]
    return {
        "article_id": m.article_id,
        "event_type": m.event_type,
        "acled_event_type": acled_type,
        "acled_sub_event_type": acled_sub,
        "date_start": m.date.start.isoformat(),
        "date_end": m.date.end.isoformat(),
        "date_precision": m.date.precision,
        "date_source": m.date.source,
        "date_text": m.date.text or "",
        "place_name": m.place_name or "",
        "latitude": "" if m.latitude is None else round(m.latitude, 5),
        "longitude": "" if m.longitude is None else round(m.longitude, 5),
        "geo_precision": m.geo_precision or "",
        "place_note": m.place_note or "",
        "actor1": m.actor1 or "",
        "actor2": m.actor2 or "",
        "claimant": m.claimant or "",
        "claimant_actor": m.claimant_actor or "",
        "fatalities_low": "" if low is None else _number(low),
        "fatalities_high": "" if high is None else _number(high),
        "figures": json.dumps(figures, ensure_ascii=False),
        "trigger": m.trigger,
        "sentence": m.sentence,
        "char_start": m.char_start,
        "char_end": m.char_end,
    }


def write_csv(path: Path, rows: Iterable[dict[str, object]]) -> int:
    """Write mention rows atomically (the file appears whole or not at all), defused for
    spreadsheets: a sentence that starts with "=" is text, not a formula."""
    return write_rows(path, MENTION_COLUMNS, rows)
