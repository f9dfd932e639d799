"""Reading CSV files into validated rows, with the line of every row kept for messages."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path
from typing import Generic, TypeVar

from pydantic import BaseModel, ValidationError

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


def _describe(error: ValidationError) -> str:
    parts = []
    for item in error.errors():
        message = item["msg"].removeprefix("Value error, ")
        if not item["loc"]:  # a rule about the whole row
            parts.append(message)
            continue
        field = ".".join(str(p) for p in item["loc"])
        value = item.get("input")
        shown = f" (got {value!r})" if isinstance(value, (str, int, float)) else ""
        parts.append(f"{field}: {message}{shown}")
    return "; ".join(parts)


def read_rows(path: Path, model: type[M], label: str) -> tuple[list[Located[M]], list[Problem]]:
    """Parse and validate every row of a CSV file; never stops at the first bad row."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return [], [Problem(label, None, "file is missing")]
    except UnicodeDecodeError as exc:
        return [], [Problem(label, None, f"not valid UTF-8 ({exc.reason} at byte {exc.start})")]
    reader = csv.reader(text.splitlines(keepends=True))
    header = next(reader, [])
    expected = set(model.model_fields)
    required = {name for name, f in model.model_fields.items() if f.is_required()}
    if missing := sorted(required - set(header)):
        return [], [Problem(label, 1, f"missing column(s): {', '.join(missing)}")]
    if unknown := sorted(set(header) - expected):
        return [], [Problem(label, 1, f"unknown column(s): {', '.join(unknown)}")]
    rows: list[Located[M]] = []
    problems: list[Problem] = []
    previous_end = reader.line_num
    for cells in reader:
        line, previous_end = previous_end + 1, reader.line_num
        if not any(cell.strip() for cell in cells):
            continue  # blank line
        if len(cells) != len(header):
            problems.append(
                Problem(label, line, f"{len(cells)} cells where the header has {len(header)}")
            )
            continue
        try:
            rows.append(Located(line, model.model_validate(_non_blank(header, cells))))
        except ValidationError as exc:
            problems.append(Problem(label, line, _describe(exc)))
    return rows, problems
