"""Decoded upload text into records (the fields of one article each), one reader per format.

- Plain text and Markdown: an optional header block at the top ("Title: ...", "Published: ...",
  case-insensitive keys, ending at the first blank line; or a Markdown front matter between
  "---" lines), then the text. Markdown stays text: nothing is rendered.
- HTML: main text and metadata by trafilatura (chosen because it is maintained, works on a
  string with no network access, drops scripts, styles, iframes, menus and footers, and reads
  title, site name, author, date and canonical URL from the page's markup). Its extensive date
  search is off: it reads dates from the prose ("the offensive began on March 1"), which are
  event dates, not the publication date. Nothing is rendered or fetched.
- JSON (one object or an array of objects), JSON Lines, CSV with a header row: the extract
  contract's fields (`text` required; `id`, `published`, `outlet`, `title`, `url`, `byline`,
  `language`, `dateline`, `wire` optional).

Every field goes through `etl.article_meta.check_fields`; a record that fails is a Problem.
"""

from __future__ import annotations

import csv
import io
import json
import re
import sys
from collections.abc import Mapping
from dataclasses import dataclass

from trafilatura import bare_extraction
from trafilatura.settings import Document, set_date_params

from etl.article_meta import FIELDS, check_fields, clean_text, fill, markdown_title
from etl.markdown_plain import plain_text
from etl.problems import Problem

NO_HTML_TEXT = "no article text found in the page (after removing scripts, menus and markup)"
_TEXT_COLUMN = "the article text must be in a column named 'text'"
_OBJECTS = "each article must be a JSON object with a 'text' field"
_ONE_PER_LINE = "not valid JSON (extra data after the object); one object per line"
_JSON_KINDS = {list: "an array", str: "a string", bool: "true or false", type(None): "null"}
_DECODER = json.JSONDecoder(strict=False)  # control characters inside strings are text
_HEADER_KEYS = {
    "title": "title",
    "outlet": "outlet",
    "source": "outlet",
    "published": "published",
    "date": "published",
    "url": "url",
    "byline": "byline",
    "by": "byline",
    "language": "language",
    "dateline": "dateline",
    "wire": "wire",
}
_KNOWN = "Title, Outlet or Source, Published or Date, URL, Byline or By, Language"
_HEADER_LINE = re.compile(r"^[ \t]*(?P<key>[A-Za-z][A-Za-z ]{0,20}?)[ \t]*:[ \t]*(?P<value>.*)$")
_HTML_LANG = re.compile(r"<html\b[^>]*?\blang\s*=\s*[\"']?(?P<lang>[A-Za-z]{2,3}(?:-[\w]{2,8})?)")


@dataclass(frozen=True)
class Record:
    """One article's checked fields (`text` always there) as a file gave them."""

    source: str  # "feed.jsonl:3", "batch.zip/a.txt"
    values: dict[str, object]
    notes: tuple[str, ...] = ()


def record(raw: Mapping[str, object], label: str, line: int, seen: set[str]) -> Record | Problem:
    """The record of one object or row, or one problem naming every field that fails."""
    values, failed = check_fields(raw)
    if failed:
        return Problem(label, line, "; ".join(reason for _, reason in failed))
    if "id" in values and values["id"] in seen:
        return Problem(label, line, f"id {values['id']!r} is used twice in this file")
    ignored = [str(k) for k in raw if k not in FIELDS]
    notes = [f"field(s) ignored: {', '.join(ignored[:12])}"] if ignored else []
    if "id" in values:
        seen.add(str(values["id"]))
        notes.append(f"its id in the file: {values['id']!r}")
    return Record(f"{label}:{line}", values, tuple(notes))


def _front_matter(lines: list[str]) -> int | None:
    """The index of the closing '---' of a Markdown front matter, if the text opens with one."""
    if not lines or lines[0].strip() != "---":
        return None
    return next((i for i, line in enumerate(lines[1:40], start=1) if line.strip() == "---"), None)


def _header(lines: list[str], skipped: int) -> tuple[list[tuple[int, str, str]], int, bool]:
    """(line number in the file, key, value) of each header line, the index where the text
    starts, and whether the block ended properly (at a blank line, a closing '---' or the end).
    `skipped`: blank lines before the first line."""
    closing = _front_matter(lines)
    block = lines[1:closing] if closing else lines
    first = _HEADER_LINE.match(block[0]) if block else None
    if not first or (not closing and first["key"].strip().lower() not in _HEADER_KEYS):
        return [], 0, True
    offset = skipped + (2 if closing else 1)
    found = []
    for index, line in enumerate(block):
        match = _HEADER_LINE.match(line)
        if not match:
            break
        value = match["value"].strip().strip("\"'") if closing else match["value"].strip()
        found.append((index + offset, match["key"].strip(), value))
    end = closing + 1 if closing else len(found)
    return found, end, bool(closing) or end == len(lines) or not lines[end].strip()


def read_text(text: str, label: str) -> list[Record | Problem]:
    """A .txt or .md file: header block (if any) and text."""
    lines = clean_text(text).split("\n")
    skipped = text.replace("\r\n", "\n")[: len(text) - len(text.lstrip())].count("\n")
    header, start, ended = _header(lines, skipped)
    raw: dict[str, object] = {}
    line_of: dict[str, int] = {}
    notes: list[str] = []
    for number, key, value in header:
        field = _HEADER_KEYS.get(key.lower())
        if field is None:
            notes.append(f"header '{key}' on line {number} ignored (known: {_KNOWN})")
        elif field in raw:
            notes.append(f"header '{key}' on line {number} repeats {field}; the first is kept")
        elif value:
            raw[field], line_of[field] = value, number
    if not ended:
        notes.append(
            f"no blank line after the header block; the text starts at line {start + skipped + 1}"
        )
    raw["text"] = "\n".join(lines[start:])
    values, failed = check_fields(raw)
    empty = "no article text after the header block" if header else "no article text"
    reasons = [(f, empty if why == "text is empty" else why) for f, why in failed]
    problems = [Problem(label, line_of.get(field), why) for field, why in reasons]
    return problems or [Record(label, values, tuple(notes))]


def read_markdown(text: str, label: str) -> list[Record | Problem]:
    """A .md file: its header block (if any), a title from its first heading when the header
    gives none, and its text without the Markdown marks (`etl.markdown_plain`): the marks were
    read as words ('**KHAN SHEIKHUN, Syria** — ...' gave no dateline, session 30)."""
    out: list[Record | Problem] = []
    for item in read_text(text, label):
        if isinstance(item, Problem):
            out.append(item)
            continue
        body = str(item.values["text"])
        values = dict(item.values)
        titled, notes = fill(values, markdown_title(body))
        if "title" in titled:
            titled["title"] = plain_text(str(titled["title"])) or titled["title"]
        plain = plain_text(body)
        if not plain.strip():
            out.append(Problem(label, None, "no article text (only Markdown marks)"))
            continue
        out.append(Record(item.source, {**values, **titled, "text": plain}, item.notes + notes))
    return out


def _paragraphs(text: str, title: str | None) -> str:
    """Trafilatura's lines as paragraphs separated by blank lines, without a first line that
    only repeats the title."""
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    if lines and title and lines[0].casefold() == title.strip().casefold():
        lines = lines[1:]
    return "\n\n".join(lines)


def _extracted(text: str) -> Document | None:
    """Trafilatura's reading of a page; a bare fragment ('<p>...</p>') is read as a body."""
    options = {"include_comments": False, "include_images": False, "include_links": False}
    dates = set_date_params(False)  # markup only: no dates from the prose
    doc = bare_extraction(text, with_metadata=True, date_extraction_params=dates, **options)
    if doc is None and not re.search(r"<(html|body)\b", text[:5000], re.IGNORECASE):
        doc = bare_extraction(f"<html><body>{text}</body></html>", **options)
    return doc


def read_html(text: str, label: str) -> list[Record | Problem]:
    """A web page: its main text and what its markup says about it. Never rendered."""
    try:
        doc = _extracted(text)
    except Exception as exc:  # a third-party parser on hostile input: its failure is a problem
        return [Problem(label, None, f"the page could not be read as HTML ({type(exc).__name__})")]
    body = _paragraphs(doc.text or "", doc.title) if doc else ""
    if not body:
        return [Problem(label, None, NO_HTML_TEXT)]
    lang = _HTML_LANG.search(text[:5000])
    meta = {
        "title": doc.title,
        "outlet": doc.sitename,
        "byline": doc.author,
        "published": doc.date,
        "url": doc.url,
        "language": lang["lang"] if lang else None,
    }
    values, failed = check_fields({k: v for k, v in meta.items() if v} | {"text": body})
    read = [k for k in meta if k in values]
    notes = [f"{', '.join(read)} read from the page's markup"] if read else []
    notes += [f"the page's {field} was left out: {why}" for field, why in failed]
    return [Record(label, values, tuple(notes))]


def _json_value(text: str, at: int, label: str, line: int) -> tuple[object, int] | Problem:
    """The JSON value starting at `at`, and where it ends, or why it cannot be read."""
    try:
        return _DECODER.raw_decode(text, at)
    except json.JSONDecodeError as exc:
        return Problem(label, exc.lineno, f"not valid JSON ({exc.msg}, column {exc.colno})")
    except RecursionError:
        return Problem(label, line, "not readable JSON: arrays or objects nested too deeply")
    except ValueError:  # Python's limit on the digits of an integer
        limit = sys.get_int_max_str_digits()
        return Problem(label, line, f"not readable JSON: a number has over {limit:,} digits")


def _line_at(text: str, at: int) -> int:
    return text.count("\n", 0, at) + 1


def _skip_space(text: str, at: int) -> int:
    while at < len(text) and text[at] in " \t\r\n":
        at += 1
    return at


def _array_items(text: str, label: str) -> list[tuple[int, object]] | Problem:
    """(line, value) of each item of a top-level JSON array, read one at a time so each
    item's line is known."""
    items, at = [], _skip_space(text, text.index("[") + 1)
    while at < len(text) and text[at] != "]":
        found = _json_value(text, at, label, _line_at(text, at))
        if isinstance(found, Problem):
            return found
        items.append((_line_at(text, at), found[0]))
        at = _skip_space(text, found[1])
        if at < len(text) and text[at] == ",":
            at = _skip_space(text, at + 1)
        elif at < len(text) and text[at] != "]":
            return Problem(label, _line_at(text, at), "not valid JSON (expected ',' or ']')")
    if at >= len(text):
        return Problem(
            label, _line_at(text, at), "not valid JSON (the array is not closed with ']')"
        )
    if text[at + 1 :].strip():
        return Problem(label, _line_at(text, at), "not valid JSON (extra data after the array)")
    return items


def _object(value: object, label: str, line: int, seen: set[str]) -> Record | Problem:
    if not isinstance(value, dict):
        got = _JSON_KINDS.get(type(value), "a number")
        return Problem(label, line, f"{_OBJECTS}, got {got}")
    return record(value, label, line, seen)


def read_json(text: str, label: str) -> list[Record | Problem]:
    """A .json file: one article object, or an array of them."""
    start = _skip_space(text, 0)
    if start < len(text) and text[start] == "[":
        items = _array_items(text, label)
        if isinstance(items, Problem):
            return [items]
        if not items:
            return [Problem(label, None, "no articles: the JSON array is empty")]
        seen: set[str] = set()
        return [_object(value, label, line, seen) for line, value in items]
    found = _json_value(text, start, label, 1)
    if isinstance(found, Problem):
        return [found]
    if text[found[1] :].strip():
        hint = "; for one article per line name the file .jsonl"
        return [Problem(label, None, f"not valid JSON (extra data after the first value){hint}")]
    return [_object(found[0], label, text.count("\n", 0, start) + 1, set())]


def read_jsonl(text: str, label: str) -> list[Record | Problem]:
    """A .jsonl file: one article object per line; blank lines are skipped."""
    out: list[Record | Problem] = []
    seen: set[str] = set()
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        found = _json_value(line, _skip_space(line, 0), label, number)
        if isinstance(found, Problem):
            out.append(Problem(label, number, found.reason))
        elif line[found[1] :].strip():
            out.append(Problem(label, number, _ONE_PER_LINE))
        else:
            out.append(_object(found[0], label, number, seen))
    return out


def _delimiter(first_line: str) -> str:
    """The separator that makes 'text' one of the header's columns (Excel in some languages
    writes ';'); a comma otherwise."""
    for sep in (",", ";", "\t", "|"):
        if "text" in (c.strip().strip('"').strip().lower() for c in first_line.split(sep)):
            return sep
    return ","


#: A cell a spreadsheet would run rather than show: one that opens with '=' (or the full-width
#: '＝') and an expression (a function call, a cell reference, a number, a bracket, a sign or a
#: quote: '=HYPERLINK(', '=A1', '=1+2'), or with '+', '-' or '@' and a function call or a DDE link
#: ('@SUM(', "-cmd|' /C calc'!"). Exported from a sheet that held formulas (or planted), it is not
#: the article's words. A heading rule such as '==== Update ====' or '= Live =' is text.
_FORMULA = re.compile(
    r"\s*(?:[=＝]\s*(?:[A-Za-z_][\w.]*\s*\(|\$?[A-Za-z]{1,3}\$?\d|[\d.(+\-\"'@])"
    r"|[+\-@＋－＠]\s*[A-Za-z_][\w.]*[(|])|.*\|\s*'[^']*'\s*!",
    re.DOTALL,
)


def _formula_cells(raw: Mapping[str, str]) -> str | None:
    """Why a row whose cells hold spreadsheet formulas is refused, or None."""
    cells = [(k, v) for k, v in raw.items() if _FORMULA.match(v)]
    if not cells:
        return None
    shown = "; ".join(f"{k} {v.strip()[:40]!r}" for k, v in cells)
    return (
        f"a spreadsheet formula where text belongs ({shown}); save the sheet with its values, "
        "not its formulas, or remove them"
    )


def read_csv(text: str, label: str) -> list[Record | Problem]:
    """A .csv file with a header row naming the fields; one article per row."""
    sep = _delimiter(text.split("\n", 1)[0])
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=sep, strict=True)
    try:
        header = [c.strip().lower() for c in next(reader, [])]
    except csv.Error as exc:
        return [Problem(label, 1, f"the header row cannot be read as CSV ({exc})")]
    if "text" not in header:
        shown = ", ".join(repr(c) for c in header if c) or "none"
        return [Problem(label, 1, f"no 'text' column (the columns are: {shown}); {_TEXT_COLUMN}")]
    if len(set(header)) < len(header):
        twice = sorted({c for c in header if header.count(c) > 1})
        return [Problem(label, 1, f"column(s) named twice: {', '.join(twice)}")]
    ignored = [c for c in header if c and c not in FIELDS]
    notes = (f"column(s) ignored: {', '.join(ignored)}",) if ignored else ()
    rows = _csv_rows(reader, header, label)
    if not rows:
        return [Problem(label, None, "no articles: the file has a header row and nothing under it")]
    return [
        Record(r.source, r.values, notes + r.notes) if isinstance(r, Record) else r for r in rows
    ]


def _csv_rows(reader, header: list[str], label: str) -> list[Record | Problem]:
    out: list[Record | Problem] = []
    seen: set[str] = set()
    start = reader.line_num + 1
    try:
        for row in reader:
            if any(cell.strip() for cell in row):
                if len(row) != len(header):
                    counts = f"{len(row)} fields but the header has {len(header)} columns"
                    out.append(Problem(label, start, f"the row has {counts}"))
                else:
                    raw = {k: v for k, v in zip(header, row) if k in FIELDS}
                    formula = _formula_cells(raw)
                    if formula:
                        out.append(Problem(label, start, formula))
                    else:
                        out.append(record(raw, label, start, seen))
            start = reader.line_num + 1
    except csv.Error as exc:
        big = "field larger than field limit" in str(exc)
        why = f"a cell is over {csv.field_size_limit():,} characters" if big else str(exc)
        why = f"cannot be read as CSV ({why}); the rows after it were not read"
        out.append(Problem(label, start, why))
    return out
