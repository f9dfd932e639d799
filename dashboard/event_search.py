"""Finding an event by a day or by words, for "Choose an event" (pure).

Typing "20 Feb" into a fuzzy list matched every label holding a '2', a '0', an 'F', an 'e' and
a 'b' in order (23 events, March ones too). Here a query that reads as a day matches the
events whose date window contains that day; any other query matches labels holding every
word of it.
"""

from __future__ import annotations

import datetime as dt
import re

import pandas as pd

MONTHS = {
    m: i
    for i, names in enumerate(
        [
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ],
        start=1,
    )
    for m in names
}
_MONTH = "(" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_PATTERNS = (
    (re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$"), ("y", "m", "d")),
    (re.compile(rf"^(\d{{1,2}})(?:st|nd|rd|th)?\s+{_MONTH}(?:,?\s+(\d{{4}}))?$"), ("d", "M", "y")),
    (re.compile(rf"^{_MONTH}\s+(\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(\d{{4}}))?$"), ("M", "d", "y")),
    (re.compile(r"^(\d{1,2})[/.](\d{1,2})(?:[/.](\d{4}))?$"), ("d", "m", "y")),
)


def parse_day(query: str) -> tuple[int | None, int, int] | None:
    """(year or None, month, day) when the query reads as a day: '20 Feb', 'Feb 20th',
    '20 February 2019', '2019-02-20', '20/2', '20.02.2019'; else None."""
    text = " ".join(query.casefold().split())
    for pattern, fields in _PATTERNS:
        found = pattern.match(text)
        if not found:
            continue
        parts = dict(zip(fields, found.groups()))
        month = MONTHS[parts["M"]] if "M" in parts else int(parts["m"])
        day, year = int(parts["d"]), int(parts["y"]) if parts.get("y") else None
        try:
            dt.date(year or 2000, month, day)  # 2000: a leap year, so 29 Feb is a day
        except ValueError:
            return None
        return year, month, day
    return None


def _year(ends: pd.Series, month: int, day: int) -> int:
    """A day typed without a year is the last such day up to the latest event: '20 Feb' is
    20 Feb 2019 in a list that ends in March 2019 (not also 20 Feb 2014, inside the 2014
    'caliphate' window), and '20 Dec' is December 2018."""
    last = ends.max()
    return last.year if (month, day) <= (last.month, last.day) else last.year - 1


def _contains_day(
    starts: pd.Series, ends: pd.Series, year: int | None, month: int, day: int
) -> pd.Series:
    year = year or _year(ends, month, day)
    try:
        wanted = pd.Timestamp(dt.date(year, month, day))
    except ValueError:  # 29 Feb in a common year
        return pd.Series(False, index=starts.index)
    return (starts <= wanted) & (ends >= wanted)


def find_events(view: pd.DataFrame, labels: pd.Series, query: str) -> pd.Series:
    """A mask over `view`: the events a query finds. A day finds the events whose window holds
    it (the 18–21 Feb window is found by '20 Feb'); words find labels holding each word.
    An empty query finds everything."""
    text = query.strip()
    if not text or view.empty:
        return pd.Series(True, index=view.index)
    day = parse_day(text)
    if day:
        return _contains_day(view["date_start"], view["date_end"], *day)
    words = text.casefold().split()
    folded = labels.str.casefold()
    return folded.map(lambda label: all(w in label for w in words)).astype(bool)


def option_label(start: pd.Timestamp, end: pd.Timestamp, rest: str) -> str:
    """'2019-02-20 · Evacuation · Baghouz: …' or '2019-02-16 → 02-21 · …': the ISO date first,
    so the list reads (and sorts) by date and typing '2019-02-2' narrows it by day."""
    if start == end:
        when = f"{start:%Y-%m-%d}"
    elif start.year == end.year:
        when = f"{start:%Y-%m-%d} → {end:%m-%d}"
    else:
        when = f"{start:%Y-%m-%d} → {end:%Y-%m-%d}"
    return f"{when} · {rest}"
