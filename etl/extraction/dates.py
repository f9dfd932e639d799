"""Date expressions in one sentence of a news article, resolved to windows of whole days.

News is past tense and dated by its publication, so expressions resolve against the
publication date: a bare weekday is the latest such day on or before it, a yearless month or
day the latest one on or before it (unless it falls within _AHEAD_DAYS after it: "the Aug. 31
deadline" in an Aug. 27 paper is ahead, not a year back). Relative expressions ("a day
later") count from an anchor, the date of the last dated event before them. Windows end by
publication except explicit future dates. Pure and total: bad input gives fewer dates, never
an exception; a phrase that names no real day ("Feb. 30", or "a day later" at the end of the
calendar) keeps its words and gets the article's window (source "article"). Each rule runs
only when its trigger words occur, which keeps a sentence cheap.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Callable

from etl.extraction.date_context import Found, Step, reanchor
from etl.extraction.date_words import WORDS, literal
from etl.extraction.mentions import DateWindow

_Found = tuple[dt.date, dt.date, str]  # start, end, source
_Resolver = Callable[[re.Match[str], dt.date, dt.date], _Found | None]

_AHEAD_DAYS = 31  # a yearless day up to this far after publication is read as ahead
_DAY = dt.timedelta(days=1)
_F = re.IGNORECASE
_MONTHS = "|".join(sorted((n for n in WORDS.months if n not in WORDS.short), key=len, reverse=True))
_ABBR = "|".join(sorted(WORDS.short, key=len, reverse=True))
_MONTH_DAY = rf"(?P<month>(?-i:{_MONTHS}|(?:{_ABBR})\.|{_ABBR}))(?![\w-])"  # before a day
_MONTH_WORD = rf"(?P<month>(?-i:{_MONTHS}|(?:{_ABBR})\.))(?![\w-])"  # alone: no bare "Mar"
_WD = "monday|tuesday|wednesday|thursday|friday|saturday|sunday"
_ON_WD = rf"(?:on\s+)?(?:(?:{_WD}),?\s+)?"
_YEAR = r"(?:19|20)\d\d"
_NUM_WORDS = sorted(WORDS.numbers, key=len, reverse=True)
_NUM = rf"(?:\d{{1,3}}|{'|'.join(map(re.escape, _NUM_WORDS))}|(?:a\s+)?couple\s+of)"
_VAGUE_NUM = rf"(?:{_NUM}|(?:a\s+)?few|several)"
_PART = r"(?P<part>(?:early|late)\s+|mid-?\s*|(?:at\s+|in\s+)?the\s+"
_PART += r"(?:beginning|start|middle|end)\s+of\s+)"
_UNIT = rf"(?P<unit>{'|'.join(re.escape(u) + 's?' for u in WORDS.units)})"
_YEAR_AFTER = rf"(?:(?:,|\s+of)?\s+(?P<year>{_YEAR})\b|\s+(?P<rel>last|this)\s+year\b)?"


def _rx(first: str, *parts: str) -> re.Pattern[str]:
    """A case-insensitive rule pattern that starts at a word boundary on one of `first`.

    The lookahead on the first character halves the cost of scanning a sentence.
    """
    return re.compile(rf"\b(?=[{first}])" + "".join(parts), _F)


_MDY = _rx(
    "omtwfsjand",
    rf"{_ON_WD}{_MONTH_DAY}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\b{_YEAR_AFTER}",
)
_DMY = _rx(
    r"omtwfs\d",
    rf"{_ON_WD}(?:(?<=\bon\s)the\s+)?(?P<day>\d{{1,2}})(?:st|nd|rd|th)?(?:\s+of)?\s+{_MONTH_DAY}",
    _YEAR_AFTER,
)
_ISO = _rx("12", rf"(?P<year>{_YEAR})-(?P<month>\d\d)-(?P<day>\d\d)\b")
_ORDINAL = _rx(
    "o",
    r"on\s+the\s+(?P<day>\d{1,2})(?:st|nd|rd|th)\b(?=\s*(?:[,.;:)!?]|$)",
    r"|\s+(?:and|when|as|after|before|at|in|but|while|amid|with)\b)",
)
_MONTH = _rx(
    "idtlemajfsond",
    rf"(?P<pre>(?:in|during|throughout|last|this)\s+)?{_PART}?{_MONTH_WORD}",
    _YEAR_AFTER,
)
_YEAR_ONLY = _rx(
    "idtelma12", rf"(?P<pre>(?:in|during|throughout)\s+)?{_PART}?(?P<year>{_YEAR})\b(?![-/]\d)"
)
_HOLIDAY = _rx(
    "ocn", r"(?:on\s+)?(?P<name>(?-i:Christmas|New\s+Year['’]?s))(?:\s+(?P<h>(?-i:Eve|Day)))?\b"
)
_WEEKDAY = _rx(
    "oeltpmwfs",
    r"(?P<pre>(?:on|earlier|later|late|early|overnight|last|this\s+past|past)\s+(?:on\s+)?)?",
    rf"(?P<wd>{_WD})\b(?:\s+(?:morning|afternoon|evening|night|overnight)\b)?",
)
_TODAY_PHRASES = sorted(WORDS.relative_days, key=len, reverse=True)
_TODAY = _rx(
    "".join(sorted({p[0] for p in _TODAY_PHRASES})),
    rf"(?:{'|'.join(literal(p) for p in _TODAY_PHRASES)})\b",
)
_STEP = re.compile(  # one named group per row of date_steps.csv: s0, s1, ...
    r"\b(?:the\s+)?(?:"
    + "|".join(f"(?P<s{i}>{pattern})" for i, (pattern, _) in enumerate(WORDS.steps))
    + r")\b",
    _F,
)
_NUM_FIRST = r"\d" + "".join(
    sorted({w[0] for w in _NUM_WORDS} | set("fsc"))
)  # few, several, couple
_LATER = _rx(
    _NUM_FIRST + "d",
    rf"(?:(?P<n>{_VAGUE_NUM})\s+)?(?P<unit>days?|weeks?)\s+",
    r"(?P<dir>later|after(?:wards?)?|earlier|before|prior)\b",
)
_AGO = _rx(_NUM_FIRST + "hdmy", rf"(?:(?P<n>{_VAGUE_NUM})\s+)?{_UNIT}\s+ago\b")
_RECENT = _rx(
    "iodfwtpr",
    r"(?:(?:in|over|during|for|within)\s+)?(?:the\s+(?:past|last|previous)|past|recent)\s+",
    rf"(?:(?P<n>{_VAGUE_NUM})\s+)?{_UNIT}\b",
)
_FOR = _rx(
    "f",
    r"for\s+(?:(?:more\s+than|over|at\s+least|nearly|almost|about|around)\s+)?",
    rf"(?:(?P<n>{_NUM})\s+)?{_UNIT}\b",
)
_WEEKEND = _rx(
    "odaitlp",
    r"(?:(?:over|during|at|on|in)\s+)?(?P<which>the|this\s+past|this|last|past)\s+weekend\b",
)
_PERIOD = _rx(
    "ielmat",
    rf"(?:in\s+)?{_PART}?(?P<which>last|this|earlier\s+this|the)\s+(?P<unit>week|month|year)\b",
)
_FOLLOWING = _rx(  # past narrative: "fled in the following days"
    "iodt",
    r"(?:(?:in|over|during)\s+)?the\s+(?:following|subsequent|ensuing)\s+(?:few\s+)?",
    r"(?P<unit>days|weeks)\b",
)
# Matched so that nothing inside them is read as a date: plans, holy days, hours.
_NOT_AHEAD = _rx(
    "nctli",
    rf"(?:(?:next|(?:this\s+)?coming|later\s+this)\s+(?:{_WD}|weekend|week|month|year)|tomorrow",
    r"|(?:in\s+)?the\s+(?:coming|next)\s+",
    rf"(?:{_VAGUE_NUM}\s+)?(?:days|weeks|months|years))\b",
)
_NOT_HOLY = _rx(
    "gbahepmtwfs",
    rf"(?:(?:good|black|bloody|ash|holy|easter|palm)\s+(?:{_WD})|(?:{_WD})(?:['’]s)?\s+prayers?)\b",
)
_NOT_HOURS = _rx(
    _NUM_FIRST + "hm",
    rf"(?:{_VAGUE_NUM}\s+)?(?:hours?|minutes?)\s+(?:after|later|earlier|before|ago)\b",
)
_MONTH_CUE = re.compile(r"\b(?:an?|the|of|since|until|till|by|from|to|and|between)\s+$", _F)
_YEAR_CUE = re.compile(r"\b(?:of|since|until|till|by|from|to|and|between)\s+$", _F)
_SINCE = re.compile(r"\bsince\s+$", _F)
_DIGIT = re.compile(r"\d")
_WORD = re.compile(r"[a-z]+")
_YEARISH = re.compile(_YEAR)

_MONTH_NUM = WORDS.months
_WEEKDAY_NUM = {name[:3]: i for i, name in enumerate(_WD.split("|"))}
_WORD_NUM = WORDS.numbers
_UNIT_DAYS = {unit: days for unit, (days, _, _) in WORDS.units.items()}
_SINGLE_BACK = {unit: back for unit, (_, back, _) in WORDS.units.items()}  # "the past week"
_VAGUE_BACK = {unit: back for unit, (_, _, back) in WORDS.units.items()}  # "in recent weeks"


def precision_of(start: dt.date, end: dt.date) -> str:
    """The precision a window's length implies: day, days (<= 7), weeks (<= 62), months.

    Whole calendar months ("in December", "last month") are months whatever their length.
    """
    n = (end - start).days + 1
    if n >= 28 and start.day == 1 and end.day == calendar.monthrange(end.year, end.month)[1]:
        return "months"
    return "day" if n <= 1 else "days" if n <= 7 else "weeks" if n <= 62 else "months"


def _number(text: str | None) -> int | None:
    """'three' -> 3, '12' -> 12, 'a couple of' -> 2; vague words ('few') and None -> None."""
    t = " ".join((text or "").lower().split())
    return int(t) if t.isdigit() else 2 if "couple" in t else _WORD_NUM.get(t)


def _part_of(text: str | None) -> str | None:
    """'early ', 'mid-', 'at the end of ' -> early / mid / late; None when absent."""
    t = (text or "").lower()
    if not t:
        return None
    return "mid" if "mid" in t else "late" if "late" in t or "end" in t else "early"


def _month_span(year: int, month: int, part: str | None = None) -> tuple[dt.date, dt.date]:
    """A month, or its first / middle / last ten days."""
    last = calendar.monthrange(year, month)[1]
    lo, hi = {"early": (1, 10), "mid": (11, 20), "late": (21, last)}.get(part or "", (1, last))
    return dt.date(year, month, lo), dt.date(year, month, hi)


def _year_span(year: int, part: str | None = None) -> tuple[dt.date, dt.date]:
    """A year, or its first / middle / last four months."""
    lo, hi = {"early": (1, 4), "mid": (5, 8), "late": (9, 12)}.get(part or "", (1, 12))
    return dt.date(year, lo, 1), _month_span(year, hi)[1]


def _year_for(pub: dt.date, month: int, day: int = 1, ahead: int = 0) -> int:
    """The year of a yearless month/day: on or before publication, or up to `ahead` days
    after it ("the Aug. 31 deadline" in an Aug. 27 paper)."""
    when = dt.date(pub.year, month, min(day, calendar.monthrange(pub.year, month)[1]))
    return pub.year - 1 if (when - pub).days > ahead else pub.year


def _year_of(m: re.Match[str], pub: dt.date, month: int, day: int = 1, ahead: int = 0) -> int:
    """The year a match states ('2019', 'last year'), else the one publication implies."""
    if m["year"]:
        return int(m["year"])
    if m["rel"]:
        return pub.year - (m["rel"].lower() == "last")
    return _year_for(pub, month, day, ahead)


def _cued(m: re.Match[str], cue: re.Pattern[str]) -> bool:
    """Whether a word that introduces a date ('a', 'since', 'of') stands just before m."""
    return cue.search(m.string, max(0, m.start() - 9), m.start()) is not None


def _explicit_day(m: re.Match[str], pub: dt.date, ref: dt.date) -> _Found | None:
    """'March 3', 'Feb. 20, 2019', '3 March 2019', '2019-03-03'."""
    name, day = m["month"], int(m["day"])
    month = int(name) if name.isdigit() else _MONTH_NUM[name.rstrip(".")]
    d = dt.date(_year_of(m, pub, month, day, _AHEAD_DAYS), month, day)
    return d, d, "explicit"


def _ordinal(m: re.Match[str], pub: dt.date, ref: dt.date) -> _Found | None:
    """'on the 14th': that day of the publication month, or of the month before it."""
    day, year, month = int(m["day"]), pub.year, pub.month
    if day > pub.day:
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    d = dt.date(year, month, day)
    return d, d, "explicit"


def _month(m: re.Match[str], pub: dt.date, ref: dt.date) -> _Found | None:
    """'in December', 'a September ceasefire', 'in early March', 'mid-March', 'May 2018'."""
    month, pre = _MONTH_NUM[m["month"].rstrip(".")], (m["pre"] or "").strip().lower()
    if not (pre or m["part"] or m["year"]) and (month == 5 or not _cued(m, _MONTH_CUE)):
        return None  # a bare "May" is usually a verb or a name
    year = _year_of(m, pub, month)
    if pre == "last" and not (m["year"] or m["rel"]):
        year = pub.year - (month >= pub.month)
    return *_month_span(year, month, _part_of(m["part"])), "explicit"


def _year(m: re.Match[str], pub: dt.date, ref: dt.date) -> _Found | None:
    """'in 2014', 'since 2014', 'mid-2018': a year or a third of one."""
    year = int(m["year"])
    if not (m["pre"] or m["part"] or _cued(m, _YEAR_CUE)) or year > pub.year + 10:
        return None
    return *_year_span(year, _part_of(m["part"])), "explicit"


def _holiday(m: re.Match[str], pub: dt.date, ref: dt.date) -> _Found | None:
    """'on Christmas Eve', 'Christmas Day', "New Year's Day"."""
    which = (m["h"] or "").lower()
    if not which and not m[0].lower().startswith("on"):
        return None  # "Christmas decorations"
    if m["name"].lower().startswith("christmas"):
        month, day = 12, 24 if which == "eve" else 25
    else:
        month, day = (12, 31) if which == "eve" else (1, 1)
    d = dt.date(_year_for(pub, month, day, _AHEAD_DAYS), month, day)
    return d, d, "explicit"


def _weekday(m: re.Match[str], pub: dt.date, ref: dt.date) -> _Found | None:
    """'on Friday', 'late Sunday': the latest such day on or before pub ('last': before)."""
    pre = (m["pre"] or "").lower()
    back = (pub.weekday() - _WEEKDAY_NUM[m["wd"][:3].lower()]) % 7
    if back == 0 and ("last" in pre or "past" in pre):
        back = 7
    d = pub - back * _DAY
    return d, d, "weekday"


def _today(m: re.Match[str], pub: dt.date, ref: dt.date) -> _Found | None:
    """'today', 'yesterday', 'last night', 'overnight' (the night into publication day)."""
    back = WORDS.relative_days[" ".join(m[0].lower().split())]
    return pub - back[0] * _DAY, pub - back[1] * _DAY, "relative"


def _step(m: re.Match[str], pub: dt.date, ref: dt.date) -> _Found | None:
    """'the next day', 'the day before', 'that day', 'earlier in the day': from the anchor."""
    d = ref + WORDS.steps[int((m.lastgroup or "s0")[1:])][1] * _DAY
    return d, d, "relative"


def _later(m: re.Match[str], pub: dt.date, ref: dt.date) -> _Found | None:
    """'a day later', 'three days after', 'two weeks earlier', 'days later' (a window)."""
    unit = 7 if m["unit"].lower().startswith("w") else 1
    sign = -1 if m["dir"].lower() in ("earlier", "before", "prior") else 1
    n = _number(m["n"])
    lo, hi = (n * unit, n * unit) if n is not None else (1, 6) if unit == 1 else (7, 28)
    a, b = ref + sign * lo * _DAY, ref + sign * hi * _DAY
    return min(a, b), max(a, b), "relative"


def _ago(m: re.Match[str], pub: dt.date, ref: dt.date) -> _Found | None:
    """'two days ago' (exact), 'a week ago' (+-3 days), 'a few weeks ago' (2-5 weeks)."""
    unit, n = _UNIT_DAYS[m["unit"].lower().rstrip("s")], _number(m["n"])
    if n is None:
        return pub - 5 * unit * _DAY, pub - 2 * unit * _DAY, "relative"
    half = unit // 2 if unit > 1 else 0
    return pub - (n * unit + half) * _DAY, pub - (n * unit - half) * _DAY, "relative"


def _following(m: re.Match[str], pub: dt.date, ref: dt.date) -> _Found | None:
    """'in the following days': from the day after the anchor up to publication."""
    return ref + _DAY, max(ref + _DAY, pub), "relative"


def _back(m: re.Match[str], pub: dt.date, ref: dt.date) -> _Found | None:
    """'in recent days' (pub and the six before), 'in past weeks' (four weeks), 'over the
    past month', 'for more than a week' (the week known): a spell up to publication."""
    unit, n = m["unit"].lower().rstrip("s"), _number(m["n"])
    if unit == "hour":
        days = max(1, -(-(n or 1) // 24))
    elif n is not None:
        days = n * _UNIT_DAYS[unit]
    else:
        days = (_VAGUE_BACK if m["unit"].lower().endswith("s") else _SINGLE_BACK)[unit]
    return pub - days * _DAY, pub, "relative"


def _weekend(m: re.Match[str], pub: dt.date, ref: dt.date) -> _Found | None:
    """'last weekend': the Saturday-Sunday before the publication week; 'the weekend' is
    the current one when published on a weekend."""
    monday, which = pub - pub.weekday() * _DAY, m["which"].lower()
    if pub.weekday() >= 5 and "last" not in which and which != "past":
        return monday + 5 * _DAY, pub, "relative"
    return monday - 2 * _DAY, monday - _DAY, "relative"


def _period(m: re.Match[str], pub: dt.date, ref: dt.date) -> _Found | None:
    """'last week', 'earlier this week', 'this month', 'late last year', 'the start of the year'."""
    which, unit, part = m["which"].split()[0].lower(), m["unit"].lower(), _part_of(m["part"])
    if which == "the" and not part:
        return None  # "the week" alone dates nothing
    if unit == "week":
        monday = pub - pub.weekday() * _DAY
        if which == "last":
            return monday - 7 * _DAY, monday - _DAY, "relative"
        return monday, max(monday, pub - _DAY) if which == "earlier" else pub, "relative"
    if unit == "month":
        month_of = pub.replace(day=1) - _DAY if which == "last" else pub
        start, end = _month_span(month_of.year, month_of.month, part)
    else:
        start, end = _year_span(pub.year - (which == "last"), part)
    if which == "earlier":
        end = max(start, min(end, pub - _DAY))
    return start, end, "explicit"


def _needs(words: str, also: str = "") -> tuple[frozenset[str], frozenset[str]]:
    """Trigger words: a rule runs only if the sentence has one of `words` (and of `also`)."""
    return frozenset(words.split()), frozenset(also.split())


_MONTH_WORDS = " ".join(_MONTHS.lower().split("|") + _ABBR.lower().split("|"))
_DW = "day days week weeks"
_UNITS = "hour hours day days week weeks month months year years"
_Rule = tuple[re.Pattern[str], _Resolver | None, tuple[frozenset[str], frozenset[str]]]
_RULES: tuple[_Rule, ...] = (
    # a None resolver blocks its span
    (_NOT_AHEAD, None, _needs("next coming later tomorrow following")),
    (_NOT_HOLY, None, _needs("good black bloody ash holy easter palm prayer prayers")),
    (_NOT_HOURS, None, _needs("hour hours minute minutes")),
    (_MDY, _explicit_day, _needs(_MONTH_WORDS, "#d")),
    (_DMY, _explicit_day, _needs(_MONTH_WORDS, "#d")),
    (_ISO, _explicit_day, _needs("#y")),
    (_ORDINAL, _ordinal, _needs("st nd rd th", "#d")),
    (_HOLIDAY, _holiday, _needs("christmas year")),
    (_MONTH, _month, _needs(_MONTH_WORDS)),
    (_YEAR_ONLY, _year, _needs("#y")),
    (_PERIOD, _period, _needs("week month year")),
    (_WEEKEND, _weekend, _needs("weekend")),
    (_RECENT, _back, _needs("past last previous recent", _UNITS)),
    (_FOLLOWING, _following, _needs("following subsequent ensuing", "days weeks")),
    (_FOR, _back, _needs("for", _UNITS)),
    (_AGO, _ago, _needs("ago")),
    (_LATER, _later, _needs("later after afterward afterwards earlier before prior", _DW)),
    (
        _STEP,
        _step,
        _needs(
            "day morning afternoon evening night",
            "next following after previous preceding before that same earlier later",
        ),
    ),
    (_TODAY, _today, _needs(" ".join(p.split()[-1] for p in _TODAY_PHRASES))),
    (_WEEKDAY, _weekday, _needs(_WD.replace("|", " "))),
)
_TRIGGERS = frozenset().union(*(need | also for _, _, (need, also) in _RULES))
_RULES_BY_KEY = {
    key: tuple(i for i, (_, _, (need, _)) in enumerate(_RULES) if key in need) for key in _TRIGGERS
}


_UNRESOLVED = (dt.date.min, dt.date.min, "unresolved")  # a date phrase no calendar date fits


def _resolve(resolver: _Resolver, m: re.Match[str], pub: dt.date, ref: dt.date) -> _Found | None:
    """Run one rule and end its window by publication (explicit future dates stay).

    A phrase that names no real day ("Feb. 30", or "a day later" at the calendar's end) is
    _UNRESOLVED: the caller keeps its words and dates it only by the article.
    """
    try:
        found = resolver(m, pub, ref)
    except (ValueError, OverflowError, KeyError, IndexError):  # "Feb. 30", year 10000
        return _UNRESOLVED
    if found is None or (found[2] == "explicit" and found[0] > pub):
        return found
    start, end, source = found
    end = min(end, pub)
    return min(start, end), end, source


def _with_since(
    sentence: str, at: int, floor: int, found: _Found, pub: dt.date
) -> tuple[int, _Found]:
    """'since Feb. 20': widen a date to run up to publication, and its span to the word."""
    m = _SINCE.search(sentence, max(floor, at - 12), at)
    if m is None or found[0] > pub:
        return at, found
    return m.start(), (found[0], pub, "relative")


def _keys(sentence: str) -> set[str]:
    """The trigger words in a sentence, plus #d for a digit and #y for a year-like number."""
    keys = set(_WORD.findall(sentence.lower())) & _TRIGGERS
    if _DIGIT.search(sentence):
        keys.add("#d")
        if _YEARISH.search(sentence):
            keys.add("#y")
    return keys


def _candidates(sentence: str) -> list[tuple[int, int, int, re.Match[str]]]:
    """Every rule match as (start, -end, rule index, match), sorted: earliest, then longest."""
    keys = _keys(sentence)
    rules = sorted({i for key in keys for i in _RULES_BY_KEY.get(key, ())})
    found = []
    for i in rules:
        pattern, _, (_, also) = _RULES[i]
        if not also or not keys.isdisjoint(also):
            found.extend((m.start(), -m.end(), i, m) for m in pattern.finditer(sentence))
    return sorted(found)


def _kind(resolver: _Resolver | None, m: re.Match[str]) -> object:
    """What date_context needs to re-read a match against the sentence's own date."""
    if resolver is _later:
        unit = 7 if m["unit"].lower().startswith("w") else 1
        n = _number(m["n"])
        lo, hi = (n * unit, n * unit) if n is not None else (1, 6) if unit == 1 else (7, 28)
        direction = m["dir"].lower()
        sign = -1 if direction in ("earlier", "before", "prior") else 1
        return Step(sign, direction in ("after", "before", "prior"), lo, hi)
    return "today" if resolver is _today else None


def _matches(sentence: str, pub: dt.date, ref: dt.date) -> list[Found]:
    """Non-overlapping rule matches, earliest first, the longest winning at one start.

    A phrase no rule can resolve is kept, dated by the article's window, where no resolvable
    reading overlaps it.
    """
    out: list[Found] = []
    unresolved: list[tuple[int, int]] = []
    taken = 0
    for at, neg_end, i, m in _candidates(sentence):
        resolver = _RULES[i][1]
        if at < taken:
            continue
        found = _resolve(resolver, m, pub, ref) if resolver else None
        if found is _UNRESOLVED:
            unresolved.append((at, -neg_end))
        if resolver is not None and (found is None or found is _UNRESOLVED):
            continue  # let a shorter reading try
        if found is not None:
            since_at, found = _with_since(sentence, at, taken, found, pub)
            kind = _kind(resolver, m) if since_at == at else None
            out.append((since_at, -neg_end, found, kind))
        taken = -neg_end
    return _with_unresolved(reanchor(sentence, out, pub), unresolved, pub)


def _with_unresolved(
    out: list[Found], unresolved: list[tuple[int, int]], pub: dt.date
) -> list[Found]:
    """Add the unresolvable phrases that no resolved one overlaps, in text order."""
    window = article_window(pub)
    spans = [(a, b) for a, b, _, _ in out]
    for a, b in unresolved:
        if all(b <= lo or a >= hi for lo, hi in spans):
            out.append((a, b, (window.start, window.end, "article"), None))
            spans.append((a, b))
    return sorted(out, key=lambda item: item[0])


def _as_date(value: object) -> dt.date | None:
    """A date from a date or datetime; None for anything else."""
    if isinstance(value, dt.datetime):
        return value.date()
    return value if isinstance(value, dt.date) else None


def find_dates(
    text: str, start: int, end: int, published: dt.date, anchor: dt.date | None = None
) -> list[DateWindow]:
    """Every date expression in text[start:end] (one sentence), resolved, in order.

    Spans are absolute offsets into text. Relative expressions count from anchor (the last
    dated event before this sentence), or from publication when there is none.
    """
    pub = _as_date(published)
    if pub is None or not isinstance(text, str):
        return []
    try:
        lo = min(max(int(start), 0), len(text))
        hi = min(max(int(end), lo), len(text))
    except (TypeError, ValueError, OverflowError):
        return []
    found = _matches(text[lo:hi], pub, _as_date(anchor) or pub)
    return [
        DateWindow(s, e, precision_of(s, e), source, text[lo + a : lo + b], lo + a, lo + b)
        for a, b, (s, e, source), _ in found
    ]


def article_window(published: dt.date, days: int = 3) -> DateWindow:
    """What the article allows when nothing dates a sentence: the days up to publication
    (fewer at the very start of the calendar, where there are none before)."""
    try:
        start = published - max(0, days) * _DAY
    except OverflowError:
        start = dt.date.min
    return DateWindow(start, published, precision_of(start, published), "article")


def best_date(windows: list[DateWindow]) -> DateWindow | None:
    """The most specific window (narrowest; the first of equals), or None."""
    return min(windows, key=lambda w: w.end - w.start, default=None)
