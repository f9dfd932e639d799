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

import re

from etl.extraction.mentions import DateWindow, Figure, Mention
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
    """Whether `m` is a displacement told as a running total over no place of its own."""
    if m.event_type != "displacement" or m.place_note is None:
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


RUNNING_DAYS = 7  # a count 'since' a day further back than this is a war's running total
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
