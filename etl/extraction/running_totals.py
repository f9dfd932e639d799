"""A running total of people displaced over an area no sentence names is a statistic, not an
event (one counted "since" a start, in the present perfect): "Since late April, more than
180,000 people have fled the area", "The UN says 100,000 people have now left their homes
since Wednesday", "some 5,000 people have been displaced inside the region since the
offensive began".

Such a sentence tells the flight in the present perfect and names no place of its own (its
mention took its place from its neighbours: `Mention.place_note`), nor points back to one
("the city", "the province": "Nearly 1 million people have fled their homes in the province
since June" is the province's flight, an event the sets code), nor names one after its verb
("have fled Fallujah and surrounding areas", "have left Baghouz", "have crossed into Chad",
"have fled nearby neighbourhoods"): those are left alone, and so is a flight of the past days
told without "since" ("have fled the area in the past week").
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import replace
from functools import lru_cache

from etl.extraction.date_resolvers import precision_of
from etl.extraction.date_words import WORDS
from etl.extraction.mentions import DateWindow, Figure, Mention
from etl.extraction.rules import read_rules
from etl.extraction.tolls import RUNNING_TOLL, TOLL_QUANTITIES

#: the present perfect right before (or opening) the trigger: 'have fled', 'has now been displaced'
_PERFECT = re.compile(
    r"\b(?:have|has)\s+(?:now\s+|so\s+far\s+|already\s+|reportedly\s+)?(?:been\s+)?\Z", re.I
)
_PERFECT_TRIGGER = re.compile(r"(?:have|has)\b", re.I)
#: a place the sentence points back to
_PLACE_NOUN = re.compile(
    r"\b(?:the|this|that|its)\s+(?:[\w'’-]+\s+)?(?:city|town|province|village|district|camp|"
    r"governorate|neighbou?rhood|enclave|pocket|county|state|capital|valley|island)\b"
    r"|\b(?:neighbou?rhoods|villages|towns|districts|camps|suburbs)\b",
    re.I,
)
#: a running total counts from a start to now
_SINCE = re.compile(r"\bsince\b", re.I)
#: a name after the verb: where they fled from or to ('have fled Fallujah', 'into Chad')
_NAME = re.compile(
    r"\b(?!(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b|(?:January|February|March|April|May|June|"
    r"July|August|September|October|November|December)\b)[A-Z]"
)
_CLAUSE_END = re.compile(r"[,;.:]")
REACH = 30  # characters before the trigger its auxiliaries may take


def running_total(m: Mention, text: str) -> bool:
    """Whether `m` is a displacement told as a running total over no place of its own, since
    a start no day was read for ('since the offensive began'): one since a day was decided
    by its distance (`since_day`, convention C1)."""
    if m.event_type != "displacement" or m.place_note is None or m.date.source != "article":
        return False
    before = text[max(m.char_start, m.trigger_start - REACH) : m.trigger_start]
    if not (_PERFECT.search(before) or _PERFECT_TRIGGER.match(m.trigger)):
        return False
    if not _SINCE.search(text, m.char_start, m.char_end):
        return False  # 'have fled the area in the past week': a flight of those days
    end = _CLAUSE_END.search(text, m.trigger_end, m.char_end)
    if _NAME.search(text, m.trigger_end, end.start() if end else m.char_end):
        return False
    return _PLACE_NOUN.search(text, m.char_start, m.char_end) is None


#: Casualty types whose count over a whole year is a statistic ('1,095 civilians were killed in
#: acts of violence in 2018', 'deaths in 2019 rose to 300'), not an event the sets code.
_TALLY_TYPES = frozenset({"killing", "deaths"})
YEAR_DAYS = 300  # a window this long holds a year's tally, not one happening


def yearly_tally(m: Mention) -> bool:
    """Whether `m` is a killing or deaths counted over a year or more (its date window is that
    long): a year's statistic. A siege or a displacement may last a year and still be told."""
    return m.event_type in _TALLY_TYPES and (m.date.end - m.date.start).days >= YEAR_DAYS


@lru_cache(maxsize=1)
def _table() -> tuple[int, frozenset[str], frozenset[str]]:
    """data/rules/running_totals.csv: the days, the quantities and the state types of C1."""
    rows = read_rules("running_totals", ("kind", "value"))
    days = [int(r["value"]) for r in rows if r["kind"] == "running_days"]
    counted = frozenset(r["value"] for r in rows if r["kind"] == "counted")
    states = frozenset(r["value"] for r in rows if r["kind"] == "state")
    return (days[-1] if days else 7), counted, states


#: a count 'since' a day further back than this is a running total, background (C1)
RUNNING_DAYS = _table()[0]
_SINCE_DAY = re.compile(r"since\b", re.I)


def counts_since(date: DateWindow) -> bool:
    """A window read from 'since ...' that opens more than RUNNING_DAYS before it ends."""
    return (
        bool(date.text)
        and (date.end - date.start).days > RUNNING_DAYS
        and _SINCE_DAY.match(date.text) is not None
    )


_CELL = re.compile(r"[;\t|\u2022>]")  # a clause or a record's cell ends between them


def running_toll(figure: Figure, date: DateWindow | None, text: str = "") -> Figure:
    """A toll counted since a day more than a week before the sentence's last (`date`, the
    date nearest the figure, read from 'since ...': '425 Palestinians have been killed
    since 8 July' in a report of 20 July, 'fighting had killed more than 1,100 people since
    late April'): a running total, kept under RUNNING_TOLL. It is the event's toll only when
    nothing else counts the event's dead (tolls.fatalities): told beside a day's own toll
    ('killing at least 60 Palestinians'), it is the war's or campaign's tally, not this
    event's; told alone ('19 civilians had died in shelling since May 7'), it is. A count
    since a day of the same week ('24 had been killed since Wednesday') is the fighting's own
    toll, and so is one dated apart ('under bombardment since February; 9 were killed on
    Saturday alone')."""
    if figure.quantity not in TOLL_QUANTITIES or date is None or not counts_since(date):
        return figure
    at = date.char_start or 0
    lo, hi = min(at, figure.char_start), max(at, figure.char_start)
    if text and _CELL.search(text, lo, hi):  # 'Barrel bombs ...; the first since 2017 <tab>
        return figure  # killed: 5': the count is the row's, not since then
    f = figure
    return Figure(RUNNING_TOLL, f.low, f.high, f.qualifier, f.text, f.char_start, f.char_end)


# Convention C1 (session 25): a running total 'since <a day>' is an event when the day is at
# most RUNNING_DAYS before publication (its window runs from the day to publication) and
# background when it is further back or names no day ('since December', 'since 2011').
_SINCE_WORD = re.compile(r"\bsince\b", re.I)
_BREAK = re.compile(r"[,;:.!?](?!\d)|[\u2022|]")  # not '150.000', '1,100'
#: the present perfect (or past perfect) of the clause: 'have fled', 'has killed', 'had died'
_PERFECT_ANY = re.compile(r"\b(?:have|has|had)\b", re.I)
_DAY_NUMBER = re.compile(r"(?<![\d.,])\d{1,2}(?![\d.,])")
_WORD = re.compile(r"[a-z]+")
SINCE_REACH = 90  # characters from 'since' to the day of its object ('since the army opened ...')


def _since_at(text: str, d: DateWindow) -> int | None:
    """Where the 'since' of window d stands: its own first word ('since Monday', 'Since 1
    December') or the 'since' of the clause its day closes ('since the army opened its
    offensive on June 19', 'since a curfew was imposed on the town on 14 December')."""
    at = d.char_start
    if at is None:
        return None
    if d.text and _SINCE_DAY.match(d.text):
        return at
    window = text[max(0, at - SINCE_REACH) : at]
    found = [m.start() for m in _SINCE_WORD.finditer(window)]
    if not found or _BREAK.search(window, found[-1]):
        return None
    return max(0, at - SINCE_REACH) + found[-1]


def _names_day(d: DateWindow, published: dt.date) -> bool:
    """'since Monday', 'since 8 July', 'since yesterday' name a day; 'since December', 'since
    late April', 'since the start of the year', 'since 2011' do not."""
    said = (d.text or "").lower()
    weekdays, relative = _day_words()
    return (
        d.source == "weekday"
        or _DAY_NUMBER.search(said) is not None
        or (published - d.start).days <= 1
        or not weekdays.isdisjoint(_WORD.findall(said))
        or any(phrase in said for phrase in relative)
    )


@lru_cache(maxsize=1)
def _day_words() -> tuple[frozenset[str], tuple[str, ...]]:
    """The weekday names and relative-day phrases of date_*.csv, in lower case."""
    return (
        frozenset(w.lower() for w in WORDS.weekdays),
        tuple(p.lower() for p in WORDS.relative_days),
    )


def _clause(text: str, start: int, end: int, at: int) -> tuple[int, int]:
    """The clause of the sentence text[start:end] around position `at`."""
    before = [b.end() for b in _BREAK.finditer(text, start, at)]
    after = _BREAK.search(text, at, end)
    return (before[-1] if before else start), (after.start() if after else end)


def since_day(
    event_type: str,
    trigger: tuple[int, int],
    date: DateWindow | None,
    dates: Sequence[DateWindow],
    figures: Sequence[Figure],
    text: str,
    sentence: tuple[int, int],
) -> DateWindow | None:
    """The window 'since <a day>' a mention counts over (convention C1), or None when it is
    no running total: a count of people (`counted` in running_totals.csv) told in the perfect
    in the trigger's clause ('have fled', 'has killed', 'had died') whose date is the since
    window ('since Monday') or which has no date of its own beside a since clause that names
    a day ('since the army opened its offensive on June 19'). A trigger inside the since
    clause ('the deadliest raid since a strike on January 14 killed nine') is that earlier
    happening, no running total."""
    start, end = sentence
    if not figures or (text.find("since", start, end) < 0 and text.find("Since", start, end) < 0):
        return None  # (most sentences: no 'since')
    _, counted, states = _table()
    counts = [f for f in figures if f.quantity in counted]
    if not counts or event_type in states:  # 'has encircled the city since April'
        return None
    lo, hi = _clause(text, start, end, trigger[0])
    if not _PERFECT_ANY.search(text, lo, max(hi, trigger[1])):
        return None
    for d in dates:
        at = _since_at(text, d)
        if at is None or at <= trigger[0] < (d.char_end or at):
            continue
        if not (
            d is date
            or date is None
            or date.source == "article"
            or (date.char_start is not None and date.char_start == d.char_start)
        ):
            continue
        # the count is the one told since the day: no other date stands nearer it ('under
        # bombardment since February, and 9 were killed on Saturday alone': Saturday's)
        if any(_closest(dates, f.char_start, text, sentence) is d for f in counts):
            return d
    return None


def _closest(
    dates: Sequence[DateWindow], at: int, text: str, sentence: tuple[int, int]
) -> DateWindow | None:
    """The date of the count at `at`: one in its own clause, else the nearest."""
    placed = [d for d in dates if d.char_start is not None]
    lo, hi = _clause(text, *sentence, at)
    own = [d for d in placed if lo <= (d.char_start or 0) < hi]
    return min(own or placed, key=lambda d: abs((d.char_start or 0) - at), default=None)


def counted_since(since: DateWindow, published: dt.date) -> tuple[bool, DateWindow]:
    """(stale, window) of a running total since `since`: stale (background) when its day is
    more than RUNNING_DAYS before `published` or names no day; the window runs from its day
    to publication."""
    stale = (published - since.start).days > RUNNING_DAYS or not _names_day(since, published)
    end = max(since.start, published)
    window = replace(since, end=end, precision=precision_of(since.start, end))
    return stale, window
