"""The one CSV writer: every CSV the project writes goes through here, defused for spreadsheets.

A text cell that begins with `=`, `+`, `-`, `@`, a tab or a carriage return is run as a
formula by Excel or LibreOffice when a journalist opens the file (`=HYPERLINK(...)`,
`=cmd|' /C calc'!A0`), and article text is untrusted. OWASP's rule: prefix such a cell with a
single quote, which spreadsheets show as text. Numbers stay numbers, negative ones included,
whether they arrive as numbers or as text that is only a number ("-12", "+3.5").

Written by hand rather than with defusedcsv: that library leaves leading tabs and carriage
returns alone and rewrites `|` as `\\|` inside the text, which would change the quotes this
project promises to keep exact. Parquet and the SQLite store keep the true text; only CSV,
which is made to be opened in spreadsheets, is defused.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path

import pandas as pd

from etl.atomic import replacing

#: What a spreadsheet reads as the start of a formula (after any leading spaces), including
#: the full-width forms some spreadsheet locales also accept.
FORMULA_STARTS = frozenset("=+-@\t\r＝＋－＠")
_PLAIN_NUMBER = re.compile(r"[+-]?(\d[\d,]*)?(\.\d+)?([eE][+-]?\d+)?")


def is_dangerous(text: str) -> bool:
    """Would a spreadsheet execute this text cell?"""
    stripped = text.lstrip(" ")
    if not stripped or stripped[0] not in FORMULA_STARTS:
        return False
    number = stripped.strip()
    return not (any(ch.isdigit() for ch in number) and _PLAIN_NUMBER.fullmatch(number))


def defuse(value: object) -> object:
    """The cell to write: dangerous text gets a leading single quote; anything else as is."""
    if isinstance(value, str) and is_dangerous(value):
        return "'" + value
    return value


def defused_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy of `frame` with every text cell defused (numeric columns untouched)."""
    out = frame.copy()
    for column in out.columns:
        if out[column].dtype == object or pd.api.types.is_string_dtype(out[column]):
            out[column] = out[column].map(defuse)
    out.columns = [defuse(str(c)) for c in out.columns]
    return out


def frame_csv_bytes(frame: pd.DataFrame, excel_bom: bool = False) -> bytes:
    """`frame` as defused UTF-8 CSV bytes (optionally with the BOM Excel needs for UTF-8)."""
    text = defused_frame(frame).to_csv(index=False)
    encoded = text.encode("utf-8", errors="replace")
    return (b"\xef\xbb\xbf" + encoded) if excel_bom else encoded


def write_frame(path: Path, frame: pd.DataFrame) -> None:
    """Write `frame` as a defused CSV file, atomically."""
    with replacing(path, "wb") as handle:
        handle.write(frame_csv_bytes(frame))


def write_rows(path: Path, fieldnames: Sequence[str], rows: Iterable[Mapping[str, object]]) -> int:
    """Stream dict rows into a defused CSV file, atomically; return how many were written."""
    count = 0
    with replacing(path) as handle:
        writer = csv.DictWriter(handle, fieldnames=list(fieldnames))
        writer.writeheader()
        for row in rows:
            writer.writerow({key: defuse(value) for key, value in row.items()})
            count += 1
    return count
