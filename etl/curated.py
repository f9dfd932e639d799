"""Loading the hand-curated tables in data/curated/, each row validated against its schema."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from etl.problems import Problem, display_path
from etl.rows import Located, read_rows
from etl.schemas import CURATED_TABLES, OPTIONAL_TABLES, Row


@dataclass(frozen=True)
class Curated:
    """Every curated table as validated rows, keyed by file name, plus where each came from."""

    tables: dict[str, list[Located[Row]]] = field(default_factory=dict)
    labels: dict[str, str] = field(default_factory=dict)

    def rows(self, name: str) -> list[Row]:
        return [item.row for item in self.tables.get(name, [])]


def load_curated(folder: Path, root: Path | None = None) -> tuple[Curated, list[Problem]]:
    """Read every curated file; duplicate primary keys are problems too."""
    tables: dict[str, list[Located[Row]]] = {}
    labels: dict[str, str] = {}
    problems: list[Problem] = []
    for name, (model, key) in CURATED_TABLES.items():
        label = display_path(folder / name, root)
        if name in OPTIONAL_TABLES and not (folder / name).exists():
            tables[name], labels[name] = [], label
            continue
        located, found = read_rows(folder / name, model, label)
        problems.extend(found)
        if key:
            problems.extend(_duplicate_keys(located, key, label))
        tables[name] = located
        labels[name] = label
    return Curated(tables, labels), problems


def _duplicate_keys(located: list[Located[Row]], key: str, label: str) -> list[Problem]:
    first_line: dict[str, int] = {}
    problems = []
    for item in located:
        value = getattr(item.row, key)
        if value in first_line:
            problems.append(
                Problem(
                    label, item.line, f"{key} '{value}' already used on line {first_line[value]}"
                )
            )
        else:
            first_line[value] = item.line
    return problems
