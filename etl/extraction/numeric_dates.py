"""Numeric date formats the other date patterns (etl.extraction.date_patterns) do not read,
one pattern and one resolver for all of them:

- year first, compact or split by a point or slash: '20190527', '2019/05/27', '2019.5.27';
  a second day after a dash or slash ('20190527-28', '2019/05/27-28') or a whole second
  date ('20190527-20190529') makes a span;
- day and month with a two-digit year: '27.05.19', '27/5/19' (day first; month first only
  when the first number cannot be a month, '05/27/19', as etl.extraction.date_resolvers);
- a span of days before one month and year: '27-28.05.2019', '30.05.-02.06.2019';
- day, abbreviated month and year between dashes or slashes: '3-Jun-19', '03-JUN-2019',
  '3/Jun/2019' (a space-separated two-digit year is not read: 'on 3 June 19 people died');
- day, month in Roman numerals and year, the European and Slavic way: '20.III.2016',
  '1 XI 2016', '7-VI-2016', '20.III.2016 г.' (a four-digit year: 'Louis XIV 1715' is none);
- ISO weeks, the Monday to the Sunday: '2019-W22', '2019W22', 'week 22 of 2019', 'wk 22/2019';
- an ordinal day whose month is given in brackets: 'the 9th (September 2019)';
- a record's id that holds its day, year first: 'YIL-2019-0407', 'PARTE 2021-1113',
  'INC_20190407' (ID_DAY: read up to a month before publication, and only where the record
  tells no day of its own).

('2019-05-27', '14.08.2019' and '14JUN17' are read by date_patterns' _ISO, _NUMERIC, _DTG.)
A match naming no real day ('20191345') raises ValueError, which etl.extraction.dates
turns into "unresolved"; a span whose last day is not after its first is no date.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

from etl.extraction.date_words import WORDS

_Found = tuple[dt.date, dt.date, str]

_ENGLISH = {name: n for name, n in WORDS.months.items() if name not in WORDS.with_day}
_MONTH_OF = {name[:3].lower(): n for name, n in _ENGLISH.items()}
_MON = "|".join(sorted({name[:3] for name in _ENGLISH}, key=str.lower))
_YYYY = r"(?:19|20)\d\d"
_MM = r"(?:0[1-9]|1[0-2])"
_DD = r"(?:0[1-9]|[12]\d|3[01])"
_DASH = r"[-\u2013/]"
# the months in Roman numerals, longest first: 'VIII' before 'VII' before 'V'
_ROMAN_MONTHS = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII")
_ROMAN = "|".join(sorted(_ROMAN_MONTHS, key=len, reverse=True))
_END = r"(?![\w\u2013-]|[./]\d)"  # no longer number, word or date runs on
_START = r"(?<![\w#/.:\u2013-])"  # not inside a number, an id ('FM#19-0527') or a path

PATTERN = re.compile(
    r"(?=\d)" + _START + r"(?:"
    # year first, compact: '20190527', '20190527-28', '20190527-20190529'
    rf"(?P<cy>{_YYYY})(?P<cm>{_MM})(?P<cd>{_DD})"
    rf"(?:{_DASH}(?:(?P<cy2>{_YYYY})(?P<cm2>{_MM})(?P<cd2>{_DD})|(?P<cday2>{_DD})))?"
    # year first, split: '2019/05/27', '2019.5.27', '2019/05/27-28'
    rf"|(?P<sy>{_YYYY})(?P<ssep>[./])(?P<sm>\d{{1,2}})(?P=ssep)(?P<sd>\d{{1,2}})"
    rf"(?:[-\u2013](?P<sday2>\d{{1,2}}))?"
    # a span of days before one month: '27-28.05.2019', '30.05.-02.06.2019', '27-28/05/19'
    r"|(?P<rd1>\d{1,2})(?:(?P<rsep1>[./])(?P<rm1>\d{1,2}))?[./]?\s?[-\u2013]\s?"
    r"(?P<rd2>\d{1,2})(?P<rsep>[./])(?P<rm2>\d{1,2})(?P=rsep)(?P<ry>(?:19|20)?\d\d)"
    # day, month, two-digit year: '27.05.19', '27/05/19'
    # (with points, a two-digit month: '1.2.19' may be a version or a section)
    r"|(?P<td>\d{1,2})(?:(?P<tsep>/)(?P<tm>\d{1,2})/|\.(?P<tm2>\d\d)\.)(?P<ty>\d\d)"
    # ISO week: '2019-W22', '2019W22', '2019-W22-3' (that weekday)
    rf"|(?P<wy>{_YYYY})-?W(?P<ww>[0-5]\d)(?:-?(?P<wd>[1-7]))?"
    r")" + _END
)
# day, abbreviated month, year: '3-Jun-19', '03-JUN-2019', '3/Jun/2019' (apart: it needs no
# year-like number nor digits split by a point, slash or dash, the keys PATTERN runs on)
ABBR_MONTH = re.compile(
    r"(?<![\w#/.:\u2013-])(?P<ad>\d{1,2})(?P<asep>[-/])"
    rf"(?P<amon>(?i:{_MON}))[a-z]*\.?(?P=asep)(?P<ay>(?:19|20)?\d\d)" + _END
)
# day, Roman month, year: '20.III.2016', '1 XI 2016', '7-VI-2016' (one separator throughout;
# apart, so that it runs only on a sentence with a Roman numeral for a word)
ROMAN_MONTH = re.compile(
    rf"(?<![\w#/.:\u2013-])(?P<xd>\d{{1,2}})(?P<xsep>[./-]|\s)(?P<xm>{_ROMAN})(?P=xsep)"
    rf"(?P<xy>{_YYYY})" + _END
)
ROMAN_WORDS = " ".join(m.lower() for m in _ROMAN_MONTHS)  # its trigger words
# 'week 22 of 2019', 'wk 22/2019', 'Week 22, 2019'
WEEK_PHRASE = re.compile(
    r"\b(?:week|wk\.?)\s*(?P<ww>[0-5]?\d)(?:\s*(?:of|/|,)\s*|\s+)(?P<wy>(?:19|20)\d\d)\b",
    re.IGNORECASE,
)
# 'the 9th (September 2019)', 'on the 27th (Sept. 2019)', 'the 3rd (June)'
_MONTHS = "|".join(sorted(_ENGLISH, key=len, reverse=True))
ORDINAL_BRACKET = re.compile(
    r"\bthe\s+(?P<od>\d{1,2})(?:st|nd|rd|th)\s*\(\s*(?P<omon>(?:" + _MONTHS + r"))\.?"
    rf"(?:,?\s+(?P<oy>{_YYYY}))?\s*\)"
)


def _year(text: str) -> int:
    return int(text) + (2000 if len(text) == 2 else 0)


def _day_month(day: int, month: int, year: int) -> dt.date:
    """Day first; month first only when the first number cannot be a month ('05/27/19')."""
    if month > 12 and day <= 12:
        day, month = month, day
    return dt.date(year, month, day)  # ValueError for a day no month has


def _span(first: dt.date, last: dt.date) -> _Found | None:
    if not first < last or (last - first).days > 62:
        return None
    return first, last, "explicit"


def resolve(m: re.Match[str], pub: dt.date, ref: dt.date) -> _Found | None:
    """The window of a PATTERN match (publication and anchor are not needed: every form
    states its year)."""
    if m["cy"]:
        first = dt.date(int(m["cy"]), int(m["cm"]), int(m["cd"]))
        if m["cy2"]:
            return _span(first, dt.date(int(m["cy2"]), int(m["cm2"]), int(m["cd2"])))
        if m["cday2"]:
            return _span(first, first.replace(day=int(m["cday2"])))
        return first, first, "explicit"
    if m["sy"]:
        first = dt.date(int(m["sy"]), int(m["sm"]), int(m["sd"]))
        if m["sday2"]:
            return _span(first, first.replace(day=int(m["sday2"])))
        return first, first, "explicit"
    if m["rd2"]:
        year = _year(m["ry"])
        last = dt.date(year, int(m["rm2"]), int(m["rd2"]))
        first = dt.date(year, int(m["rm1"] or m["rm2"]), int(m["rd1"]))
        return _span(first, last)
    if m["td"]:
        day = _day_month(int(m["td"]), int(m["tm"] or m["tm2"]), _year(m["ty"]))
        return day, day, "explicit"
    return week(m, pub, ref)


def abbr_month(m: re.Match[str], pub: dt.date, ref: dt.date) -> _Found | None:
    """'3-Jun-19', '03-JUN-2019': that day."""
    day = dt.date(_year(m["ay"]), _MONTH_OF[m["amon"].lower()], int(m["ad"]))
    return day, day, "explicit"


def roman_month(m: re.Match[str], pub: dt.date, ref: dt.date) -> _Found | None:
    """'20.III.2016': that day."""
    day = dt.date(int(m["xy"]), _ROMAN_MONTHS.index(m["xm"]) + 1, int(m["xd"]))
    return day, day, "explicit"


def week(m: re.Match[str], pub: dt.date, ref: dt.date) -> _Found | None:
    """An ISO week, Monday to Sunday, or one day of it ('2019-W22-3')."""
    year, number = int(m["wy"]), int(m["ww"])
    weekday = m["wd"] if "wd" in m.re.groupindex else None
    if weekday:
        day = dt.date.fromisocalendar(year, number, int(weekday))
        return day, day, "explicit"
    monday = dt.date.fromisocalendar(year, number, 1)  # ValueError for week 0 or 54
    return monday, monday + dt.timedelta(days=6), "explicit"


def ordinal_bracket(m: re.Match[str], pub: dt.date, ref: dt.date) -> _Found | None:
    """'the 9th (September 2019)': that day; without a year, the latest by publication."""
    month, day = WORDS.months[m["omon"]], int(m["od"])
    if m["oy"]:
        year = int(m["oy"])
    else:
        year = pub.year if (month, day) <= (pub.month, pub.day) else pub.year - 1
    if day > calendar.monthrange(year, month)[1]:
        raise ValueError(f"no day {day} in month {month}")
    found = dt.date(year, month, day)
    return found, found, "explicit"


# A record's id that holds its day, year first and four-digit ('YIL-2019-0407 ▸ ...',
# 'SY-2018-0611', 'PARTE 2021-1113 /', 'INC_20190407'): capitals, then the year, then month
# and day, split or not, and nothing but a serial after. A two-digit year is a serial as often
# as a day ('LIT-16-0412' of 11 April), so it is not read.
ID_DAY = re.compile(
    rf"(?<![\w-])(?-i:[A-Z]{{2,6}})[-_ ](?P<iy>{_YYYY})[-_]?(?P<im>{_MM})(?P<id>{_DD})"
    r"(?![\w\u2013.,/]|-(?!\d\d?\b))"
)
ID_DAYS = 31  # an id's day this many days before publication still dates the record


def id_day(m: re.Match[str], pub: dt.date, ref: dt.date) -> _Found | None:
    """The day an id holds (ID_DAY), when it is publication or up to ID_DAYS before it: the
    day of the record it names. The record's own day, if it tells one, comes first
    (`is_id_day`, etl.extraction.dates)."""
    try:
        day = dt.date(int(m["iy"]), int(m["im"]), int(m["id"]))
    except ValueError:  # 'INC-2019-0231': a serial, not a day no calendar has
        return None
    return (day, day, "explicit") if 0 <= (pub - day).days <= ID_DAYS else None


def is_id_day(phrase: str | None) -> bool:
    """The phrase is a day read from a record's id (ID_DAY)."""
    return phrase is not None and ID_DAY.fullmatch(phrase) is not None
