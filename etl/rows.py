"""Reading CSV files into validated rows, with the line of every row kept for messages."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from pathlib import Path
from typing import Generic, TypeVar

from pydantic import BaseModel, ValidationError

from etl.encoding import decode_file
from etl.problems import Problem

M = TypeVar("M", bound=BaseModel)


@dataclass(frozen=True)
class Located(Generic[M]):
    """A validated row and the line it starts on in its file."""

    line: int
    row: M


def _non_blank(header: list[str], cells: list[str]) -> dict[str, str]:
    """Blank cells are left out, so the schema's default (None, False, ...) applies."""
    return {key: value for key, value in zip(header, cells) if value.strip()}


def _shown(value: object, limit: int = 60) -> str:
    """A value as a message quotes it: repr, cut to `limit` characters."""
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _describe(error: ValidationError) -> str:
    parts = []
    for item in error.errors():
        message = item["msg"].removeprefix("Value error, ")
        if not item["loc"]:  # a rule about the whole row
            parts.append(message)
            continue
        field = ".".join(str(p) for p in item["loc"])
        value = item.get("input")
        shown = f" (got {_shown(value)})" if isinstance(value, (str, int, float)) else ""
        parts.append(f"{field}: {message}{shown}")
    return "; ".join(parts)


def _read_text(path: Path, label: str) -> tuple[str | None, Problem | None]:
    """The file's text (a UTF-8 byte-order mark, as Excel writes, is dropped), or why not."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return None, Problem(label, None, "file is missing")
    except OSError as exc:
        return None, Problem(label, None, f"cannot read: {exc.strerror}")
    text, problem = decode_file(data, label)
    if text is not None and (at := text.find("\x00")) >= 0:  # never typed, nor saved by Excel
        line, column = text.count("\n", 0, at) + 1, at - text.rfind("\n", 0, at)
        reason = f"NUL character at character {column} of the line: is the file UTF-16 or binary?"
        return None, Problem(label, line, reason)
    return text, problem


def _header_problem(header: list[str], model: type[BaseModel], label: str) -> Problem | None:
    if not any(name.strip() for name in header):
        return Problem(label, 1, "no header row: the file is empty or starts with a blank line")
    expected = set(model.model_fields)
    required = {name for name, f in model.model_fields.items() if f.is_required()}
    if missing := sorted(required - set(header)):
        return Problem(label, 1, f"missing column(s): {', '.join(missing)}")
    if unknown := sorted(set(header) - expected):
        shown = ", ".join(repr(u) if not u.isprintable() else u for u in unknown)
        return Problem(label, 1, f"unknown column(s): {shown[:200]}")
    return None


def _unclosed(first: int, last: int) -> str:
    """The hint for a row that runs on too long, or over several lines."""
    lines = f"the row runs from line {first} to line {last}: " if last > first else ""
    return f"{lines}probably an unclosed quote"


def _csv_error(exc: csv.Error) -> str:
    """The csv module's complaint in plain words."""
    if "field larger than field limit" in str(exc):
        return f"a field is longer than {csv.field_size_limit():,} characters"
    return str(exc)


def read_rows(path: Path, model: type[M], label: str) -> tuple[list[Located[M]], list[Problem]]:
    """Parse and validate every row of a CSV file; never stops at the first bad row.

    Line numbers are those an editor shows (only \\n, \\r\\n and \\r end a line).
    """
    text, problem = _read_text(path, label)
    if problem:
        return [], [problem]
    reader = csv.reader(io.StringIO(text, newline=""))
    rows: list[Located[M]] = []
    problems: list[Problem] = []
    line = 0  # the last line read whole
    try:
        header = next(reader, [])
        if problem := _header_problem(header, model, label):
            return [], [problem]
        line = reader.line_num
        for cells in reader:
            first, line = line + 1, reader.line_num
            if any(cell.strip() for cell in cells):
                problems.extend(_validate(cells, header, model, (label, first, line), rows))
    except csv.Error as exc:  # e.g. a field over the csv module's 131,072-character limit
        reason = f"{_csv_error(exc)}; {_unclosed(line + 1, reader.line_num)}"
        problems.append(Problem(label, line + 1, reason))
    return rows, problems


def _validate(
    cells: list[str],
    header: list[str],
    model: type[M],
    where: tuple[str, int, int],
    rows: list[Located[M]],
) -> list[Problem]:
    """Validate one row into `rows`, or say why it does not fit (first and last line)."""
    label, line, last = where
    if len(cells) != len(header):
        reason = f"{len(cells)} cells where the header has {len(header)}"
        hint = f"; {_unclosed(line, last)}" if last > line else ""
        return [Problem(label, line, reason + hint)]
    try:
        rows.append(Located(line, model.model_validate(_non_blank(header, cells))))
    except ValidationError as exc:
        return [Problem(label, line, _describe(exc))]
    return []
