"""The toll of days of fighting, an event of its own (convention C7, session 25).

"Government artillery shelled Kafr Zita on Wednesday, killing two civilians, as the death
toll from six days of fighting around the two towns rose to 220": the 220 is the toll of
an event spanning the six days that end on the day told (31 May - 5 June), not of
Wednesday's shelling. "The death toll from four days of fighting around the capital had
risen to 35", after a sentence telling Sunday's fighting: a clash of Thursday - Sunday, 35,
and Sunday's fighting without it. "The death toll of yesterday's shelling ... has risen to
6" names no days: that attack's toll, as `figure_tolls.csv` reads it (nothing here).

`find_span_toll` reads the phrase (rows of `data/rules/span_tolls.csv`), `span_figures` the
counts its clause gives, `span_window` the days. The span's mention has the phrase's words
("four days of fighting") as its trigger, which is how the merge tells it from the day's
events of its article (`is_span`, `etl/merge.py`): they are kept apart whatever
their windows and places.
Pure functions.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

from etl.extraction.date_resolvers import precision_of
from etl.extraction.figure_words import WORDS
from etl.extraction.mentions import DateWindow, Figure
from etl.extraction.rules import read_rules

SPAN_RULES = "span_tolls"
MAX_DAYS = 31  # 'the toll from N days of fighting' up to a month's days
#: the counts of the dead a span's clause may give ('has risen to 35'; 'bringing the death
#: toll of four days of unrest across the country to more than 90', which figure_tolls.csv
#: reads as a cumulative count, here the span's own toll)
DEAD = frozenset({"killed", "deaths", "killed_cumulative"})
#: where a span's clause ends: '... has risen to 38 soldiers and rebels, a monitor says; 9 of
#: them were killed this morning alone' (the 9 are the day's)
_CLAUSE_END = re.compile(r";|\s[\u2014\u2013]\s")
#: the trigger of a span's mention: 'four days of fighting', '6 days of clashes', 'two-day'
_SPAN_TRIGGER = re.compile(r"(?:\d+|[a-z]+)(?:\s+days?\s+of\b|-day\b)", re.I)


@dataclass(frozen=True)
class SpanToll:
    """'four days of fighting' in a toll's phrase: its span in the text, the days, the type."""

    start: int
    end: int
    days: int
    event_type: str
    text: str


@dataclass(frozen=True)
class _Rules:
    pattern: re.Pattern[str]
    nouns: tuple[tuple[re.Pattern[str], str], ...]


@lru_cache(maxsize=1)
def _rules() -> _Rules:
    rows = read_rules(SPAN_RULES, ["kind", "pattern"], ["pattern"])
    tolls = [r["pattern"] for r in rows if r["kind"] == "toll"]
    nouns = [(r["pattern"], r["event_type"]) for r in rows if r["kind"] == "noun"]
    numbers = "|".join(sorted(WORDS.word_values, key=len, reverse=True))
    pattern = re.compile(
        rf"\b(?:{'|'.join(tolls)})(?:the\s+)?(?:(?:last|past|first|final)\s+)?"
        rf"(?P<span>(?P<days>\d{{1,2}}|{numbers})(?:\s+days?\s+of|-day)\s+"
        rf"(?:(?:heavy|fierce|intense|renewed|deadly)\s+)?"
        rf"(?P<noun>{'|'.join(p for p, _ in nouns)}))\b",
        re.IGNORECASE,
    )
    return _Rules(pattern, tuple((re.compile(rf"(?:{p})\Z", re.I), t) for p, t in nouns))


def _days(word: str) -> int | None:
    if word.isdigit():
        return int(word)
    value = WORDS.word_values.get(word.lower())
    return int(value) if value is not None and value == int(value) else None


def find_span_toll(text: str, start: int, end: int) -> SpanToll | None:
    """The first 'toll from N days of <noun>' of text[start:end] (N from 2 to MAX_DAYS), or
    None. Most sentences pay a substring search or three."""
    if text.find("day", start, end) < 0 or (
        text.find("toll", start, end) < 0 and text.find("umber of", start, end) < 0
    ):
        return None
    rules = _rules()
    for m in rules.pattern.finditer(text, start, end):
        days = _days(m["days"])
        if days is None or not 2 <= days <= MAX_DAYS:
            continue
        kind = next((t for p, t in rules.nouns if p.match(m["noun"])), None)
        if kind is not None:
            return SpanToll(m.start("span"), m.end("span"), days, kind, m["span"])
    return None


def span_figures(
    figures: Iterable[Figure], span: SpanToll, text: str, end: int
) -> tuple[Figure, ...]:
    """The figures the span's clause gives after its words, up to ';' or the sentence's end
    (`end`), when one of them counts the dead; the counts of the dead as 'killed' (its toll).
    () when the clause counts no dead: the phrase is then no toll of the span."""
    stop = _CLAUSE_END.search(text, span.end, end)
    limit = stop.start() if stop else end
    own = [f for f in figures if span.end <= f.char_start < limit]
    if not any(f.quantity in DEAD for f in own):
        return ()
    return tuple(replace(f, quantity="killed") if f.quantity in DEAD else f for f in own)


def span_end(
    dates: Sequence[DateWindow],
    span: SpanToll,
    anchor: dt.date | None,
    own: DateWindow,
    published: dt.date,
) -> dt.date:
    """The last day of the span: the last day its sentence names before the phrase ('shelled
    Kafr Zita on Wednesday, ..., as the death toll from six days of fighting ... rose to
    220'), else the day the article last told (the day's event of the sentence before), when
    within a week of publication; else the end of the window the phrase's own words were
    dated to (`own`), never after publication."""
    before = [
        d.end
        for d in dates
        if d.precision == "day"
        and d.source in ("explicit", "weekday", "relative")
        and (d.char_end or 0) <= span.start
        and d.end <= published
    ]
    if before:
        return max(before)
    if anchor is not None and 0 <= (published - anchor).days <= 7:
        return anchor
    return min(own.end, published)


def span_window(span: SpanToll, last: dt.date) -> DateWindow:
    """The N days of the span that end on `last`."""
    first = last - dt.timedelta(days=span.days - 1)
    return DateWindow(
        first, last, precision_of(first, last), "relative", span.text, span.start, span.end
    )


def is_span(trigger: str) -> bool:
    """Whether a mention's trigger is a span's words ('four days of fighting')."""
    return _SPAN_TRIGGER.match(trigger) is not None


def without(figures: tuple[Figure, ...], taken: Iterable[Figure]) -> tuple[Figure, ...]:
    """`figures` without those of `taken` (by their span and quantity, as read)."""
    spans = {(f.char_start, f.char_end) for f in taken}
    return tuple(f for f in figures if (f.char_start, f.char_end) not in spans)
