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

The patterns are in etl.extraction.date_patterns, one resolver per kind of phrase in
etl.extraction.date_resolvers, the words in data/rules/date_*.csv (etl.extraction.date_words),
and the reading of a phrase against the rest of its sentence in etl.extraction.date_context.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

from etl.extraction import numeric_dates
from etl.extraction.ascii_twin import plain, twin
from etl.extraction.date_context import Found, Step, Widen, reanchor
from etl.extraction.date_patterns import (  # fmt: skip
    _ABBR,
    _AGO,
    _DAY_RANGE,
    _DEMANDED,
    _DIGIT,
    _DIGIT_SEP,
    _DIGIT_STAMP,
    _DMY,
    _DMY_OTHER,
    _DTG,
    _DTG_HINT,
    _FIELD_DAY,
    _FOLLOWING,
    _FOR,
    _HOLD,
    _HOLIDAY,
    _IN_HOURS,
    _ISO,
    _LATER,
    _MDY,
    _MONTH,
    _MONTHS,
    _NOT_AHEAD,
    _NOT_DEADLINE,
    _NOT_HOLY,
    _NOT_HOURS,
    _NTH_DAY,
    _NUMERIC,
    _ORDINAL,
    _ORDINAL_OF,
    _PERIOD,
    _RECENT,
    _SINCE,
    _SPELL,
    _STAMP,
    _STEP,
    _TODAY,
    _TODAY_PHRASES,
    _WD,
    _WD_ANY,
    _WEEK_OF,
    _WEEKDAY,
    _WEEKEND,
    _YEAR_ONLY,
    _YEARISH,
    NAMING_AFTER,
    ORDINAL_DAYS,
    THE_DAY,
)
from etl.extraction.date_resolvers import (  # fmt: skip
    _ago,
    _back,
    _day_range,
    _digit_stamp,
    _dtg,
    _explicit_day,
    _field_day,
    _following,
    _hold,
    _holiday,
    _iso,
    _later,
    _month,
    _nth_day,
    _number,
    _numeric,
    _ordinal,
    _ordinal_of,
    _period,
    _spell,
    _stamp,
    _step,
    _today,
    _week_of,
    _weekday,
    _weekend,
    _year,
    hold_days,
    nth_days,
    precision_of,
    spell_days,
)
from etl.extraction.date_windows import (  # fmt: skip
    DATELINE_CHARS,
    article_window,
    best_date,
    close_since,
    hedged,
    in_dateline,
    join_spans,
    nights,
    off_report_day,
    undated_window,
)
from etl.extraction.date_words import WORDS
from etl.extraction.mentions import DateWindow

__all__ = [
    "article_window",
    "best_date",
    "dateline_day",
    "find_dates",
    "lead_dates",
    "precision_of",
    "undated_window",
]

_Found = tuple[dt.date, dt.date, str]  # start, end, source
_Resolver = Callable[[re.Match[str], dt.date, dt.date], _Found | None]
_DAY = dt.timedelta(days=1)


def _needs(words: str, also: str = "") -> tuple[frozenset[str], frozenset[str]]:
    """Trigger words: a rule runs only if the sentence has one of `words` (and of `also`)."""
    return frozenset(words.split()), frozenset(also.split())


_MONTH_WORDS = " ".join(_MONTHS.lower().split("|") + _ABBR.lower().split("|"))
# another language's month is a trigger by its longest run of a-z ('März': 'rz', 'août': 'ao')
_OTHER_MONTH_WORDS = " ".join(
    max(re.findall("[a-z]+", name.lower()), key=len) for name in WORDS.with_day
)
_ORDINAL_KEYS = " ".join({w.split("-")[-1] for w in ORDINAL_DAYS})
_DW = "day days week weeks"
_UNITS = "hour hours hr hrs day days week weeks month months year years"
_Rule = tuple[re.Pattern[str], _Resolver | None, tuple[frozenset[str], frozenset[str]]]
_RULES: tuple[_Rule, ...] = (
    # a None resolver blocks its span
    (_NOT_AHEAD, None, _needs("next coming later tomorrow following")),
    (_NOT_DEADLINE, None, _needs("until deadline " + _DEMANDED.replace("|", " "))),
    (_NOT_HOLY, None, _needs("good black bloody ash holy easter palm prayer prayers")),
    (_NOT_HOURS, None, _needs("hour hours minute minutes")),
    (_DAY_RANGE, _day_range, _needs(_MONTH_WORDS, "#r")),  # #r: _RANGE_HINT, in every match
    (_MDY, _explicit_day, _needs(_MONTH_WORDS, "#d")),
    (_DMY, _explicit_day, _needs(_MONTH_WORDS, "#d")),
    (_ORDINAL_OF, _ordinal_of, _needs(_ORDINAL_KEYS, _MONTH_WORDS)),  # 'the eighth of May'
    (_DMY_OTHER, _explicit_day, _needs(_OTHER_MONTH_WORDS, "#d")),  # '21 de marzo'
    (_ISO, _iso, _needs("#y")),
    (_DTG, _dtg, _needs("#m")),
    (_NUMERIC, _numeric, _needs("#s")),
    # '20190527', '2019/05/27', '27.05.19', '27-28.05.2019', '3-Jun-19', '2019-W22'
    (numeric_dates.PATTERN, numeric_dates.resolve, _needs("#y #s")),
    (numeric_dates.ID_DAY, numeric_dates.id_day, _needs("#y")),  # 'YIL-2019-0407 ▸'
    (numeric_dates.ROMAN_MONTH, numeric_dates.roman_month, _needs(numeric_dates.ROMAN_WORDS, "#y")),
    (numeric_dates.ABBR_MONTH, numeric_dates.abbr_month, _needs(_MONTH_WORDS, "#d")),
    (numeric_dates.WEEK_PHRASE, numeric_dates.week, _needs("week wk", "#d")),
    (numeric_dates.ORDINAL_BRACKET, numeric_dates.ordinal_bracket, _needs("st nd rd th", "#d")),
    (_DIGIT_STAMP, _digit_stamp, _needs("#s")),
    (_STAMP, _stamp, _needs(_WD_ANY.lower().replace("|", " "), "#:")),  # #:, its end's mark
    (_FIELD_DAY, _field_day, _needs("#s")),
    (_ORDINAL, _ordinal, _needs("st nd rd th", "#d")),
    (_HOLIDAY, _holiday, _needs("christmas year")),
    (_WEEK_OF, _week_of, _needs("week", _MONTH_WORDS)),
    (_MONTH, _month, _needs(_MONTH_WORDS)),
    (_YEAR_ONLY, _year, _needs("#y")),
    (_PERIOD, _period, _needs("week month year")),
    (_WEEKEND, _weekend, _needs("weekend")),
    (_RECENT, _back, _needs("past last previous recent", _UNITS)),
    (_FOLLOWING, _following, _needs("following subsequent ensuing", "days weeks")),
    (_SPELL, _spell, _needs("after following over", "day days")),
    (_HOLD, _hold, _needs("during", "day week month")),
    (_NTH_DAY, _nth_day, _needs("day", "second third fourth fifth sixth seventh nd rd th")),
    (_FOR, _back, _needs("for", _UNITS)),
    (_IN_HOURS, _back, _needs("in within", "hours hrs")),
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
#: the same rules compiled to read a plain sentence faster (etl.extraction.ascii_twin)
_PLAIN_RULES = tuple((twin(pattern), resolver, needs) for pattern, resolver, needs in _RULES)
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


#: every byte but a-z made a space, so that a split gives the runs of a-z
_A_TO_Z_ONLY = bytes(c if 97 <= c <= 122 else 32 for c in range(256))


#: What every match of _DAY_RANGE holds: its first day's last digit, that day's ordinal
#: ending if any, and the word or dash to the second day ('3-4', '9 and 12', '2nd to the').
_RANGE_HINT = re.compile(r"\d(?:st|nd|rd|th)?\s*(?:-|\u2013|and|to|until|till)", re.IGNORECASE)
#: The marks one of which ends every match of _STAMP (date_patterns._STAMP_END).
_STAMP_MARKS = (":", "--", "\u2014", "\u2013")


def _keys(sentence: str) -> set[str]:
    """The trigger words in a sentence, plus #d for a digit, #s for digits split by a point,
    slash or dash, #y for a year-like number, #m for a military date ('141030ZJUN17'), #r for
    a span of days' digits (_RANGE_HINT) and #: for a stamp's closing mark (_STAMP_MARKS).

    The words are the runs of a-z in the lower-cased sentence (what `[a-z]+` finds), read
    without a regular expression: every other character (one outside ASCII as a '?')
    becomes a space."""
    lowered = sentence.lower().encode("ascii", "replace").translate(_A_TO_Z_ONLY)
    keys = set(_TRIGGERS.intersection(lowered.decode("ascii").split()))
    if any(mark in sentence for mark in _STAMP_MARKS):
        keys.add("#:")
    if _DIGIT.search(sentence):
        keys.add("#d")
        if _RANGE_HINT.search(sentence):
            keys.add("#r")
        if _DIGIT_SEP.search(sentence):
            keys.add("#s")
        if _YEARISH.search(sentence):
            keys.add("#y")
        if _DTG_HINT.search(sentence):
            keys.add("#m")
    return keys


#: a sentence's keys -> the rules they let run, in table order (a rule runs where one of its
#: keys stands and, if it has any, one of its `also` words too): the choice depends on the
#: keys alone, and few sets of keys recur (a few hundred over all the development sets)
_CHOSEN: dict[frozenset[str], tuple[int, ...]] = {}
_CHOSEN_MAX = 4096  # entries kept; when full, the memo is emptied


def _chosen(keys: set[str]) -> tuple[int, ...]:
    """The rules that run on a sentence of these keys."""
    key = frozenset(keys)
    rules = _CHOSEN.get(key)
    if rules is None:
        rules = tuple(
            i
            for i in sorted({i for k in keys for i in _RULES_BY_KEY.get(k, ())})
            if not _RULES[i][2][1] or not keys.isdisjoint(_RULES[i][2][1])
        )
        if len(_CHOSEN) >= _CHOSEN_MAX:
            _CHOSEN.clear()
        _CHOSEN[key] = rules
    return rules


def _candidates(sentence: str) -> list[tuple[int, int, int, re.Match[str]]]:
    """Every rule match as (start, -end, rule index, match), sorted: earliest, then longest."""
    keys = _keys(sentence)
    rules = _chosen(keys)
    if not rules:
        return []
    table = _PLAIN_RULES if plain(sentence) else _RULES
    found = []
    for i in rules:
        found.extend((m.start(), -m.end(), i, m) for m in table[i][0].finditer(sentence))
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
    if resolver is _following:
        return "following"
    if resolver is _spell:
        return Widen(spell_days(m) - 1)
    if resolver is _nth_day:
        return Widen(nth_days(m) - 1, day_only=True)
    if resolver is _hold:
        return Widen(hold_days(m) - 1, own=True)
    if resolver is _today:
        return "night" if " ".join(m[0].lower().split()) in WORDS.widening else "today"
    return None


def _matches(sentence: str, pub: dt.date, ref: dt.date, anchored: bool = False) -> list[Found]:
    """Non-overlapping rule matches, earliest first, the longest winning at one start.

    A phrase no rule can resolve is kept, dated by the article's window, where no resolvable
    reading overlaps it. `anchored`: a sentence before dated a day (the anchor is real).
    """
    candidates = _candidates(sentence)
    if not candidates:
        return []  # most sentences name no date
    out: list[Found] = []
    unresolved: list[tuple[int, int]] = []
    taken = 0
    year_ref = ref if (pub - ref).days > _STORY_DAYS else None
    for at, neg_end, i, m in candidates:
        resolver = _RULES[i][1]
        if at < taken:
            continue
        if resolver in _YEARED and _names(sentence, m):
            taken = -neg_end  # 'the 7 July neighbourhood': a name, no date
            continue
        if resolver is _today and _outlet_word(sentence, m):
            taken = -neg_end  # 'the Baghdad Today website': a name, no day
            continue
        if resolver is _later and _LENGTH_BEFORE.search(sentence, max(0, at - 30), at):
            taken = -neg_end  # 'delayed 1 day after shelling': how long, no other day
            continue
        found = _resolve(resolver, m, pub, ref) if resolver else None
        if anchored and resolver is _today and " ".join(m[0].lower().split()) in WORDS.first_days:
            found = None  # 'shortly after midnight' after a dated sentence: which night is not said
        if resolver in _YEARED and found is not None and found is not _UNRESOLVED:
            if m["year"] or m["rel"]:
                year_ref = found[0]
            elif year_ref is not None:
                found = _in_story_year(found, year_ref)
        if found is _UNRESOLVED:
            unresolved.append((at, -neg_end))
        if resolver is not None and (found is None or found is _UNRESOLVED):
            continue  # let a shorter reading try
        if found is not None:
            since_at, found = _with_since(sentence, at, taken, found, pub)
            kind = _kind(resolver, m) if since_at == at else None
            out.append((since_at, -neg_end, found, kind))
        taken = -neg_end
    return _with_unresolved(reanchor(sentence, out, pub, ref), unresolved, pub)


def _names(sentence: str, m: re.Match[str]) -> bool:
    """The day names a place or a body: 'the 7 July neighbourhood', '22 May Hospital'."""
    noun = NAMING_AFTER.match(sentence, m.end())
    if noun is None:
        return False
    return noun["noun"][:1].isupper() or bool(THE_DAY.search(sentence, m.start() - 4, m.end()))


#: a day word written with a capital after a capitalised word mid-sentence is part of a
#: name: 'the Baghdad Today website', 'the Hama Today network', 'Idlib Today Network'
_NAME_BEFORE = re.compile(r"(?<![.!?:\u2014\u2013-]\s)\b(?-i:[A-Z][\w'’-]+)\s+\Z")


def _outlet_word(sentence: str, m: re.Match[str]) -> bool:
    """'Today' or 'Tonight' (one word) with a capital, after a capitalised word that opens
    no sentence or heading: a name's part ('according to the Baghdad Today website')."""
    word = m[0]
    if " " in word.strip() or not word[:1].isupper() or not word[1:2].islower():
        return False
    return _NAME_BEFORE.search(sentence, max(0, m.start() - 40), m.start()) is not None


#: a length's word right before 'N days after' (date_context_words.csv, list length_word):
#: 'closed all day after shelling', 'delivery delayed 1 day after shelling'
_LENGTH_BEFORE = re.compile(
    r"\b(?:" + "|".join(WORDS.context["length_word"]) + r")\s+\Z", re.I
)

_YEARED = (_explicit_day, _day_range, _ordinal_of)  # the day phrases that may state their year
_STORY_DAYS = 62  # an anchor this long before publication: the text tells an earlier time
_STORY_AHEAD = 120  # a yearless day up to this long after the story's dated day is of its year


def _in_story_year(found: _Found, year_ref: dt.date) -> _Found:
    """'The offensive began on 21 September 2017 and, on 5 October, forces took the town'
    (published 2020): a yearless day after a day whose year is stated (in the sentence, or
    the last dated day before it when that is well before publication) is of that year, or
    the next, when that puts it up to _STORY_AHEAD days after it."""
    start, end, source = found
    for year in (year_ref.year, year_ref.year + 1):
        try:
            moved = start.replace(year=year), end.replace(year=year + (end.year - start.year))
        except ValueError:
            continue
        if 0 <= (moved[0] - year_ref).days <= _STORY_AHEAD:
            return moved[0], moved[1], source
    return found


def _with_unresolved(
    out: list[Found], unresolved: list[tuple[int, int]], pub: dt.date
) -> list[Found]:
    """Add the unresolvable phrases that no resolved one overlaps, in text order."""
    if not unresolved:
        return sorted(out, key=lambda item: item[0])
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
    return lead_dates(text, start, end, published, anchor)[0]


def lead_dates(
    text: str, start: int, end: int, published: dt.date, anchor: dt.date | None = None
) -> tuple[list[DateWindow], DateWindow | None]:
    """find_dates, and the date the text's dateline carries when the sentence holds one
    ('BEIRUT, Sept 18 (Wire) -': etl.extraction.date_windows.in_dateline), else None. The
    dateline's date is among the windows only when the sentence has no other date."""
    pub = _as_date(published)
    if pub is None or not isinstance(text, str):
        return [], None
    try:
        lo = min(max(int(start), 0), len(text))
        hi = min(max(int(end), lo), len(text))
    except (TypeError, ValueError, OverflowError):
        return [], None
    found = _matches(text[lo:hi], pub, _as_date(anchor) or pub, _as_date(anchor) is not None)
    windows = [
        DateWindow(s, e, precision_of(s, e), source, text[lo + a : lo + b], lo + a, lo + b)
        for a, b, (s, e, source), _ in found
    ]
    if windows and any(w.source == "explicit" for w in windows):
        windows = hedged(windows, text)
    filed = None
    if windows and lo < DATELINE_CHARS:
        filed = next((w for w in windows if in_dateline(w, text)), None)
        if filed is not None and len(windows) > 1:  # the lead's own day dates it
            windows = [w for w in windows if w is not filed]
    if len(windows) > 1 and any(numeric_dates.is_id_day(w.text) for w in windows):
        # 'SY-2018-0611 | Date of death: 09/06/2018': the record's own day before its id's
        own = [w for w in windows if w.source != "article" and not numeric_dates.is_id_day(w.text)]
        windows = [w for w in windows if not numeric_dates.is_id_day(w.text)] if own else windows
    if len(windows) > 1:
        windows = close_since(join_spans(off_report_day(windows, text), text), text)
    return (nights(windows, text) if windows else windows), filed


DATELINE_DAYS = 7  # a dateline's day this many days before publication still files the article


def dateline_day(filed: DateWindow | None, published: dt.date) -> dt.date | None:
    """The day a dateline carries (`filed`, from lead_dates: 'SHOPIAN, April 1 (Wire): ... on
    Sunday evening' in a paper of 2 April), when that is one day, before publication and up
    to DATELINE_DAYS before it: the article is told as of that day, so its relative phrases
    ('yesterday', 'on Sunday') count from it, not from the paper's date."""
    if filed is None or filed.start != filed.end or filed.source not in ("explicit", "weekday"):
        return None
    return filed.start if 0 < (published - filed.start).days <= DATELINE_DAYS else None
