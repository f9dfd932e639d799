"""The data dictionary (docs/data_dictionary.csv): every table and column of the store and
the analysts' inbox, what one row is and what each column means (pure: file in, frames out).

One CSV row per column (`database`, `table`, `column`, `type`, `meaning`), and one per table
with an empty `column` whose meaning says what one row of the table is. The methodology page
shows it; a test compares it with the tables a build and an inbox really have.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from etl.problems import InputError, Problem
from etl.settings import ROOT

DICTIONARY = ROOT / "docs" / "data_dictionary.csv"
FIELDS = ("database", "table", "column", "type", "meaning")
DATABASES = {"store": "the published build (conflict.sqlite)", "inbox": "the analysts' inbox"}


@dataclass(frozen=True)
class Dictionary:
    tables: pd.DataFrame  # database, table, meaning (what one row is)
    columns: pd.DataFrame  # database, table, column, type, meaning

    def described(self) -> dict[tuple[str, str], list[str]]:
        """(database, table) -> its columns, in the dictionary's order."""
        out: dict[tuple[str, str], list[str]] = {}
        for db, table, column in self.columns[["database", "table", "column"]].itertuples(
            index=False
        ):
            out.setdefault((db, table), []).append(column)
        return out


def parse_dictionary(text: str, label: str) -> Dictionary:
    """The dictionary from its CSV text; InputError naming file:line for any bad row."""
    reader = csv.DictReader(io.StringIO(text, newline=""))
    if tuple(reader.fieldnames or ()) != FIELDS:
        raise InputError([Problem(label, 1, f"header must be {','.join(FIELDS)}")])
    problems, rows, seen = [], [], {}
    for row in reader:
        line = reader.line_num
        if None in row or any(v is None for v in row.values()):
            problems.append(Problem(label, line, f"needs {len(FIELDS)} fields"))
            continue
        row = {k: v.strip() for k, v in row.items()}
        key = (row["database"], row["table"], row["column"])
        if row["database"] not in DATABASES:
            problems.append(Problem(label, line, f"database {row['database']!r} is not "
                                    f"{' or '.join(DATABASES)}"))  # fmt: skip
        elif not row["table"] or not row["meaning"]:
            problems.append(Problem(label, line, "table and meaning must not be empty"))
        elif key in seen:
            problems.append(
                Problem(label, line, f"{'.'.join(key[1:])} is also on line {seen[key]}")
            )
        else:
            seen[key] = line
            rows.append(row)
    if problems:
        raise InputError(problems)
    frame = pd.DataFrame(rows, columns=list(FIELDS))
    is_table = frame["column"] == ""
    tables = frame[is_table][["database", "table", "meaning"]].reset_index(drop=True)
    columns = frame[~is_table].reset_index(drop=True)
    return Dictionary(tables, columns)


def load_dictionary(path: Path = DICTIONARY) -> Dictionary:
    """The dictionary file; InputError naming the file if it cannot be read or is broken."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError([Problem(str(path), None, f"cannot be read ({exc})")]) from exc
    return parse_dictionary(text, str(path))


def differences(
    dictionary: Dictionary, actual: dict[tuple[str, str], list[str]]
) -> tuple[list[str], list[str]]:
    """(columns of the real tables the dictionary lacks, entries naming nothing real), each as
    'database table.column'; tables without a one-row-per line count as missing too."""
    described = dictionary.described()
    have_rows = set(zip(dictionary.tables["database"], dictionary.tables["table"]))
    missing = [f"{db} {t}.{c}" for (db, t), cols in actual.items() for c in cols
               if c not in described.get((db, t), [])]  # fmt: skip
    missing += [f"{db} {t} (what one row is)" for db, t in actual if (db, t) not in have_rows]
    stale = [f"{db} {t}.{c}" for (db, t), cols in described.items() for c in cols
             if c not in actual.get((db, t), [])]  # fmt: skip
    return missing, stale
