"""Rule tables: the word lists and patterns extraction reads, kept as CSV files an analyst can
read and extend (``data/rules/*.csv``, documented in ``data/rules/README.md``).

One format for every table: UTF-8 CSV with a header row; blank lines and lines whose first
cell starts with ``#`` are comments; every cell is stripped of surrounding spaces. A table
names the columns it needs, and a missing column, an empty required cell or a regular
expression that does not compile is reported with the file and line, all problems at once,
before any text is read.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from etl.problems import InputError, Problem, display_path
from etl.settings import ROOT

RULES = ROOT / "data" / "rules"


@dataclass(frozen=True)
class Row:
    """One rule: its cells by column name and the line it came from (for messages)."""

    cells: dict[str, str]
    file: str
    line: int

    def __getitem__(self, column: str) -> str:
        return self.cells.get(column, "")

    def get(self, column: str, default: str = "") -> str:
        return self.cells.get(column, "") or default

    def where(self) -> str:
        return f"{self.file}:{self.line}"


def read_rules(
    name: str,
    required: Iterable[str],
    patterns: Iterable[str] = (),
    folder: Path | None = None,
) -> tuple[Row, ...]:
    """The rows of ``<folder>/<name>.csv``: ``required`` columns must be present and non-empty;
    ``patterns`` columns, when non-empty, must compile as (case-insensitive) regular
    expressions. Raises InputError naming every bad line."""
    return _read(name, tuple(required), tuple(patterns), folder or RULES)


@lru_cache(maxsize=64)
def _read(name: str, required: tuple[str, ...], patterns: tuple[str, ...], folder: Path):
    path = folder / f"{name}.csv"
    shown = display_path(path, ROOT)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise InputError([Problem(shown, None, "rule table not found")]) from None
    except UnicodeDecodeError as error:
        raise InputError([Problem(shown, None, f"not UTF-8 ({error.reason})")]) from None
    lines = [
        (number, line)
        for number, line in enumerate(text.splitlines(), start=1)
        if line.strip() and not line.lstrip().startswith("#")
    ]
    if not lines:
        raise InputError([Problem(shown, None, "no header row")])
    header_number = lines[0][0]
    parsed = csv.reader(io.StringIO("\n".join(line for _, line in lines)))
    header = [cell.strip() for cell in next(parsed)]
    problems = [
        Problem(shown, header_number, f"missing column {column!r}")
        for column in (*required, *patterns)
        if column not in header
    ]
    if problems:
        raise InputError(problems)
    rows: list[Row] = []
    for (number, _), cells in zip(lines[1:], parsed):
        if len(cells) > len(header):
            problems.append(Problem(shown, number, f"{len(cells)} cells for {len(header)} columns"))
            continue
        row = Row({h: c.strip() for h, c in zip(header, cells)}, shown, number)
        problems += [
            Problem(shown, number, f"column {column!r} is empty")
            for column in required
            if not row[column]
        ]
        for column in patterns:
            if row[column]:
                try:
                    re.compile(row[column], re.IGNORECASE)
                except re.error as error:
                    problems.append(
                        Problem(shown, number, f"column {column!r}: bad pattern ({error})")
                    )
        rows.append(row)
    if problems:
        raise InputError(problems)
    return tuple(rows)


def read_lists(
    name: str, lists: Iterable[str], folder: Path | None = None
) -> dict[str, tuple[str, ...]]:
    """The lists of ``<folder>/<name>.csv`` (columns ``list`` and ``pattern``: one word or
    pattern a row), each in file order, by name. Every name of ``lists`` must have a row, and
    every row must name one of them; a pattern must compile. Raises InputError naming the
    file and line of every bad row (or the header, for a list with no row)."""
    return _lists(name, tuple(lists), folder or RULES)


@lru_cache(maxsize=16)
def _lists(name: str, lists: tuple[str, ...], folder: Path) -> dict[str, tuple[str, ...]]:
    rows = read_rules(name, ["list", "pattern"], ["pattern"], folder)
    found: dict[str, list[str]] = {known: [] for known in lists}
    problems = []
    for row in rows:
        if row["list"] not in found:
            problems.append(
                Problem(row.file, row.line, f"list {row['list']!r} is none of {', '.join(lists)}")
            )
            continue
        found[row["list"]].append(row["pattern"])
    shown = display_path(folder / f"{name}.csv", ROOT)
    problems += [
        Problem(shown, None, f"list {known!r} has no row") for known in lists if not found[known]
    ]
    if problems:
        raise InputError(problems)
    return {known: tuple(words) for known, words in found.items()}


def alternation(patterns: Iterable[str]) -> str:
    """Patterns as one alternation, in their order ('a|b|c'), for a regular expression."""
    return "|".join(patterns)


def kind_pattern(rows: Iterable[Row], kind: str) -> re.Pattern[str]:
    """The `pattern` cells of the rows of one `kind`, as one case-blind alternation (each row
    its own group), for the small tables whose rows are (kind, pattern)."""
    return re.compile(
        "|".join(f"(?:{r['pattern']})" for r in rows if r["kind"] == kind), re.IGNORECASE
    )
