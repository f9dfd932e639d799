"""Reading another dataset's CSV export: bytes in, rows with their line numbers and problems out.

Pure and total: bad input never raises, it becomes a Problem naming the file, the line (the
header is line 1; a row is named by the line it starts on) and the reason. Also the field
parsers the format readers share, each returning a value or a reason.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import math
from collections.abc import Sequence

from etl.problems import Problem

Row = tuple[int, dict[str, str]]  # (line the row starts on, column -> cell)
MAX_ROWS = 1_000_000


def decode(data: bytes, label: str) -> str | Problem:
    """UTF-8 text (a byte-order mark is fine), or why not."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        return Problem(label, None, f"not UTF-8 text (byte {exc.start}); save the export as "
                       "UTF-8 CSV and try again")  # fmt: skip
    if "\x00" in text:
        return Problem(label, None, "contains NUL characters: not a CSV text file")
    if not text.strip():
        return Problem(label, None, "empty file")
    return text


def read_rows(data: bytes, label: str, required: Sequence[str]) -> tuple[list[Row], list[Problem]]:
    """The rows of a comma-separated export with a header row; every problem found."""
    text = decode(data, label)
    if isinstance(text, Problem):
        return [], [text]
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    try:
        header = [h.strip() for h in next(reader)]
    except (csv.Error, StopIteration) as exc:
        return [], [Problem(label, 1, f"unreadable header ({exc})")]
    missing = [c for c in required if c not in header]
    if missing:
        found = ", ".join(header[:12]) + (" ..." if len(header) > 12 else "")
        return [], [Problem(label, 1, f"missing column(s): {', '.join(missing)} (found: {found})")]
    doubled = sorted({h for h in header if header.count(h) > 1})
    if doubled:
        return [], [Problem(label, 1, "column(s) named twice: " + ", ".join(doubled))]
    rows: list[Row] = []
    problems: list[Problem] = []
    start = reader.line_num + 1
    while True:
        try:
            cells = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            problems.append(Problem(label, start, f"not valid CSV ({exc})"))
            break  # the reader cannot find the next row reliably after a broken quote
        if cells and any(c.strip() for c in cells):
            if len(cells) != len(header):
                problems.append(Problem(label, start, f"{len(cells)} fields, but the header "
                                        f"has {len(header)}"))  # fmt: skip
            else:
                rows.append((start, dict(zip(header, cells))))
        if len(rows) > MAX_ROWS:
            problems.append(Problem(label, start, f"more than {MAX_ROWS:,} rows; split the file"))
            break
        start = reader.line_num + 1
    if not rows and not problems:
        problems.append(Problem(label, None, "no rows under the header"))
    return rows, problems


EARLIEST = dt.date(1900, 1, 1)
_DATE_FORMATS = ("%Y-%m-%d", "%d %B %Y", "%d-%B-%Y", "%d/%m/%Y", "%B %d, %Y", "%d %b %Y")


def parse_date(value: str, column: str) -> dt.date | str:
    """An ISO date (a time after it, as UCDP writes, is ignored) or ACLED's '05 March 2019'."""
    text = value.strip()
    head = text[:10] if len(text) >= 10 and text[4:5] == "-" else text
    for fmt in _DATE_FORMATS:
        try:
            day = dt.datetime.strptime(head, fmt).date()
        except ValueError:
            continue
        if not EARLIEST <= day <= dt.date.today() + dt.timedelta(days=1):
            return f"{column} {value!r} is outside 1900 to tomorrow"
        return day
    return f"{column} {value!r} is not a date (YYYY-MM-DD)"


def parse_number(value: str, column: str, low: float, high: float) -> float | str:
    """A finite number within [low, high]."""
    try:
        number = float(value.strip().replace(",", ""))
    except ValueError:
        return f"{column} {value!r} is not a number"
    if not math.isfinite(number) or not low <= number <= high:
        return f"{column} {value!r} is outside {low:g} to {high:g}"
    return number


def parse_count(value: str, column: str, blank: int | None = None) -> int | None | str:
    """A whole number of zero or more; `blank` when the cell is empty."""
    if not value.strip():
        return blank
    number = parse_number(value, column, 0, 10_000_000)
    if isinstance(number, str):
        return number
    if number != int(number):
        return f"{column} {value!r} is not a whole number"
    return int(number)


def window_precision(start: dt.date, end: dt.date) -> str:
    """The project's date precision for a window: day, days (a week), weeks (two months),
    months."""
    days = (end - start).days + 1
    return "day" if days == 1 else "days" if days <= 7 else "weeks" if days <= 62 else "months"
