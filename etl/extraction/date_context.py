"""Dates read against the rest of their sentence (issue 8): an explicit date beats a
relative phrase, "N days after <event>" counts from the sentence's own date, "tonight" in a
quote is the day the quote was given, and a date inside a relative clause ("which in 2014
stretched ...") dates that clause only.

Pure functions over the matches of etl.extraction.dates (offsets relative to the sentence)
and, for extract.py, over finished DateWindows (absolute offsets).
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from etl.extraction.alternation import word_start_pattern
from etl.extraction.date_words import WORDS
from etl.extraction.mentions import DateWindow
from etl.extraction.word_gate import search as gated_search

_DAY = dt.timedelta(days=1)
_F = re.IGNORECASE
# "... said, 'They are hitting us tonight,' ...": a quoted span (apostrophes inside words
# do not close it, since a closing quote is followed by a space or punctuation)
_QUOTE = re.compile(
    r"(?:(?<=^)|(?<=[\s(\u2014-]))['\"\u2018\u201c](?=\S)(?P<q>.+?)['\"\u2019\u201d](?=[\s,.;:!?)]|$)"
)
# one character of a clause: no comma, semicolon or sentence end ('... killed nine soldiers.
# Q: And since then? A: On Sunday, ...': the clause before the full stop is not the day's)
_IN_CLAUSE = r"(?:(?!(?<!\b[A-Z])[.?!]\s)[^,;])"
_RELATIVE_CLAUSE = re.compile(
    r",\s+(?:(?:which|who|whose|where)\b|(?:an?|the)\s+" + _IN_CLAUSE + r"{0,60}?"
    r"\b(?:that|which|where)\s)" + _IN_CLAUSE + r"*\Z",
    _F,
)  # ', which in 2014 ...'; ', a village ... that troops captured two weeks ago,'
# the day a speaker spoke: "the government said on Monday that 89 soldiers were killed"
_SPEECH_DAY = word_start_pattern(
    r"said|says|announced|reported|told\s+[\w-]+(?:\s+[\w-]+)?", r"\s+\Z", _F
)
# ... and the day of a court's act, a few words of its object between: "sentenced a man to death
# on Monday for planting the bomb that killed four on 3 March" (date_context_words.csv, court_verb)
_COURT_DAY = word_start_pattern(
    "|".join(WORDS.context["court_verb"]),
    r"\b(?:\s+(?!(?:and|but|after|before|when|while|as|because|for|over)\b)[\w'’-]+){0,5}\s+\Z",
    _F,
)
# ... where a court is named near it (date_context_words.csv, court_word): 'residents heard
# explosions on Tuesday night, a week after the air strike of 3 March' is no court's hearing
_COURT_WORD = word_start_pattern("|".join(WORDS.context["court_word"]), r"\b", _F)
COURT_REACH = 200  # characters either side of the day
_CLAUSE_END = re.compile(r"[,;]|(?<!\b[A-Z])\.(?:\s|$)")  # not "U.S. drone"
_OBJECT_TAKING = ("after", "before", "prior")  # "three days after <event>"
_UNTIL = re.compile(
    r"\b(?:(?:until|till|through)\s+(?:on\s+)?|(?:continued|lasted|went\s+on|raged|dragged\s+on)"
    r"\s+(?:well\s+)?into\s+)\Z",
    _F,
)
UNTIL_DAYS = 31  # "from 3 March ... until 9 April" is one spell; a longer one is two dates


@dataclass(frozen=True)
class Step:
    """A counted relative phrase ('three days after', 'days later'): which way it counts,
    whether an event follows it as its object, and its span of days."""

    sign: int  # +1 after/later, -1 before/earlier
    takes_object: bool
    low: int  # days
    high: int


@dataclass(frozen=True)
class Widen:
    """A spell of days that ends on the sentence's own day ('after two days of fighting',
    'over two days'; 'overnight' is the night into it): that day widens back `back` days."""

    back: int
    own: bool = False  # the phrase's own event only ('during its three-week hold'): the day stays
    #: ends only on a day ('for a third day ... what happened in 2013': not on the year)
    day_only: bool = False


# A match as etl.extraction.dates finds it: start, end, (first day, last day, source), kind.
# kind: a Step, "today" for words that count from the day of speaking ("night" for those of
# them that widen the sentence's day: "overnight"), a Widen, "following" for "in the
# following days", or None.
Found = tuple[int, int, tuple[dt.date, dt.date, str], object]


def _is_day(item: Found) -> bool:
    first, last, source = item[2]
    return source in ("explicit", "weekday") and first == last


def _is_night(item: Found) -> bool:
    """Two days written out ('01-02 May', 'overnight 3/4 Jul'): the night between them."""
    first, last, source = item[2]
    return source == "explicit" and (last - first).days == 1


def _is_dated(item: Found) -> bool:
    """An explicit window of the calendar ('at the end of March', 'on Friday')."""
    return item[2][2] in ("explicit", "weekday") and not isinstance(item[3], Widen)


def _same_clause(sentence: str, a: int, b: int) -> bool:
    """No comma, semicolon or full stop between offsets a < b."""
    return _CLAUSE_END.search(sentence, a, b) is None


def quoted_spans(sentence: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in _QUOTE.finditer(sentence)]


def _inside(spans: Sequence[tuple[int, int]], a: int, b: int) -> bool:
    """Whether a..b lies within one of the spans, which are in order and do not overlap (as
    `quoted_spans` gives them): only the last one to begin by `a` can hold it."""
    i = bisect_right(spans, a, key=lambda span: span[0])
    return i > 0 and b <= spans[i - 1][1]


class _Near:
    """Some items of a sentence by where they begin, to find the one nearest an offset without
    reading them all for each phrase that asks: nearest by where it begins, and of equally
    near ones the first listed (as `min` over the list by distance)."""

    def __init__(self, items: Sequence[Found], which: Sequence[int] | None = None) -> None:
        self.items = items
        self.order = sorted(range(len(items)) if which is None else which, key=self._key)
        self.starts = [items[k][0] for k in self.order]

    def _key(self, k: int) -> tuple[int, int]:
        return self.items[k][0], k

    def before(self, at: int) -> int | None:
        """The item that begins nearest `at`, at or before it."""
        i = bisect_right(self.starts, at)
        return self.order[bisect_left(self.starts, self.starts[i - 1])] if i else None

    def after(self, at: int) -> int | None:
        """The item that begins nearest `at`, after it."""
        i = bisect_right(self.starts, at)
        return self.order[i] if i < len(self.order) else None

    def closer(self, at: int, a: int | None, b: int | None) -> int | None:
        """Of items a and b, the one nearer `at` (the first listed when as near)."""
        if a is None or b is None:
            return b if a is None else a
        return min(a, b, key=lambda k: (abs(self.items[k][0] - at), k))

    def nearest(self, at: int) -> Found:
        k = self.closer(at, self.before(at), self.after(at))
        assert k is not None, "no items"
        return self.items[k]


def _in_year_of(day: dt.date, first: dt.date) -> dt.date:
    """A yearless 'until 29.05' read in another year than the spell's first day ('[28.05.2020]
    ... until 29.05' in a later paper): the same day in the first day's year, when that
    closes a spell."""
    if day > first:
        return day
    try:
        moved = day.replace(year=first.year)
    except ValueError:
        return day
    return moved if 0 < (moved - first).days <= UNTIL_DAYS else day


def spells(sentence: str, found: list[Found]) -> list[Found]:
    """'On 11 March clashes broke out ... and continued until 12 March': the first day
    becomes the spell up to the day after 'until', and so does that day ('killings
    continued until 06.11': the trigger nearest either is dated by the whole spell)."""
    out = list(found)
    latest: dict[dt.date, int] = {}  # the first day of each day before, to the last such day
    years: set[int] = set()  # ... and their years
    for i, item in enumerate(found):
        if not _is_day(item):
            continue
        if i and _UNTIL.search(sentence, max(0, item[0] - 16), item[0]):
            # the nearest day before it that is earlier than it ('On Saturday 23 November
            # (reported on the 25th) ... fighting went on into Sunday': the 23rd)
            j = _spell_start(item[2][0], latest, years)
            if j is not None:
                start, end, (first, _, source), kind = out[j]
                last = _in_year_of(item[2][0], first)
                out[j] = (start, end, (first, last, source), kind)
                out[i] = (item[0], item[1], (first, last, item[2][2]), item[3])
        latest[out[i][2][0]] = i
        years.add(out[i][2][0].year)
    return out


def _spell_start(day: dt.date, latest: dict[dt.date, int], years: set[int]) -> int | None:
    """The last of the days before (`latest`: each first day to the last day that has it)
    whose first day a spell up to `day` may begin on: up to UNTIL_DAYS before it, or before
    the same day in the first day's later year (`_in_year_of`). Looked up by day, not read
    through every day before for every 'until'."""
    firsts = []
    for back in range(1, UNTIL_DAYS + 1):
        try:
            firsts.append(day - back * _DAY)
        except OverflowError:
            break
    for year in (year for year in years if year > day.year):
        try:
            moved = day.replace(year=year)
        except ValueError:
            continue
        for back in range(1, UNTIL_DAYS + 1):
            try:
                first = moved - back * _DAY
            except OverflowError:
                break
            if first.year == year:
                firsts.append(first)
    found = [latest[first] for first in firsts if first in latest]
    return max(found) if found else None


#: the object of 'N days after' names what was told before ('two days after the bombing', 'a
#: day after its capture', 'days after they left'), not a happening told anew
_KNOWN_OBJECT = re.compile(
    r"\s*(?:the|this|that|these|those|its|their|his|her|it|they|he|she|we)\b", _F
)
#: what a sentence's opening phrase stands after: nothing, a heading's mark, 'A:'
_OPENING = re.compile(r"(?:\A|[.!?:\u2014\u2013|]|\s[-\u2013\u2014])\W*\Z")


def after_told_event(sentence: str, start: int, end: int, kind: object) -> bool:
    """'The bombing came a week after a motorcycle rigged with explosives wounded five
    people', 'No group claimed the attack, days after Iran fired missiles at Ain al-Asad':
    an 'N days after' phrase that follows its sentence's main clause and whose object is a
    happening told anew. The main clause is the event the text is at (its day the anchor),
    the object is N days before it (heldout20-24: 'the attack came two days after rebel
    rockets killed a woman' is the anchor's day - 2, not + 2)."""
    if not (isinstance(kind, Step) and kind.takes_object and kind.sign > 0):
        return False
    if _OPENING.search(sentence, max(0, start - 4), start) or not sentence[:start].strip():
        return False  # 'Three days after the blast, police ...': the phrase opens the sentence
    return _KNOWN_OBJECT.match(sentence, end) is None


def reanchor(
    sentence: str, found: list[Found], pub: dt.date, ref: dt.date | None = None
) -> list[Found]:
    """Re-read counted relative phrases and speech-day words against the sentence's own
    explicit day ('on Sunday', 'Oct. 12'), when it has one; otherwise leave them be, except
    that an 'N days after <a happening told anew>' after the main clause counts back from
    the anchor (ref), the day of the event told before (`after_told_event`).
    A day that a later 'until <day>' closes becomes that spell (`spells`)."""
    days = [item for item in found if _is_day(item)]
    spoken = any(item[3] in ("today", "night") for item in found)
    quotes = quoted_spans(sentence) if spoken else []
    if not days:
        if ref is not None:
            found = [_back_from(sentence, item, ref) for item in found]
        return _widened(sentence, found, quotes, pub)
    found = spells(sentence, found)
    near = _Near(days)
    outside: _Near | None = None  # the days outside the quotes
    out = []
    for item in found:
        start, end, window, kind = item
        try:
            if isinstance(kind, Step):
                window = _step_from(sentence, item, kind, near, pub)
            elif kind in ("today", "night") and _inside(quotes, start, end):
                if outside is None:
                    outside = _Near(
                        days, [k for k, d in enumerate(days) if not _inside(quotes, d[0], d[1])]
                    )
                window = _speech_day(item, outside, pub)
            elif kind == "following":
                window = _following_from(item, days, pub)
        except OverflowError:  # at the ends of the calendar: keep the first reading
            window = item[2]
        out.append((start, end, window, kind))
    return _widened(sentence, out, quotes, pub)


def _back_from(sentence: str, item: Found, ref: dt.date) -> Found:
    """An 'N days after <a happening told anew>' phrase read as that happening's days: the
    anchor's day less N (`after_told_event` says which phrases); any other item as it is."""
    start, end, window, kind = item
    if window[2] != "relative" or not after_told_event(sentence, start, end, kind):
        return item
    assert isinstance(kind, Step)
    try:
        lo, hi = ref - kind.high * _DAY, ref - kind.low * _DAY
    except OverflowError:
        return item
    return start, end, (lo, hi, "relative"), kind


def _is_field(sentence: str, item: Found) -> bool:
    """The date is a field of its own in a row ('FM-12; 20191006; ...; fired overnight',
    '| 06.10.2019 |'): it dates the whole row, across the row's semicolons."""
    before = item[0] - 1
    while before >= 0 and sentence[before].isspace():
        before -= 1
    after = item[1]
    while after < len(sentence) and sentence[after].isspace():
        after += 1
    return (before < 0 or sentence[before] in ";|") and sentence[after : after + 1] in (";", "|")


def _widened(
    sentence: str, found: list[Found], quotes: Sequence[tuple[int, int]], pub: dt.date
) -> list[Found]:
    """'On 29 August, forces took Ataq after clashes overnight': 28-29 August; 'captured the
    town on Thursday after two days of fighting': Wednesday and Thursday. The spell and the
    day it ends on (the nearest day of the sentence, no semicolon between unless the day is a
    field of its own in a row, `_is_field`) both get it; a
    counted spell may also end a longer window ('over five days at the end of March': the
    last five days of March)."""
    out = list(found)
    ends: _SpellEnds | None = None
    for i, (start, end, window, kind) in enumerate(found):
        if isinstance(kind, Widen):
            back = kind.back
            which = "day" if kind.day_only else "dated"
        elif kind == "night" and not _inside(quotes, start, end):
            back = _night_back(sentence[start:end])
            which = "night"  # 'overnight' in a '01-02 May' entry
        else:
            continue
        ends = ends or _SpellEnds(sentence, found)
        j = ends.nearest(which, start, end)
        if j is None:
            continue
        day, source = found[j][2][1], found[j][2][2]
        if day > pub:
            continue  # an explicit day ahead ('the Aug. 31 deadline'): no spell ends there
        try:
            first = day - back * _DAY
        except OverflowError:
            continue
        out[i] = (start, end, (first, day, window[2]), kind)
        if not (isinstance(kind, Widen) and kind.own):
            out[j] = (found[j][0], found[j][1], (first, day, source), found[j][3])
    return out


#: the days a widening phrase may end on, by the phrase: a day, or a dated window too, or
#: a night written as two days
_ENDS_ON = {
    "day": _is_day,
    "dated": lambda item: _is_day(item) or _is_dated(item),
    "night": lambda item: _is_day(item) or _is_night(item),
}


class _SpellEnds:
    """The days a widening phrase of the sentence may end on (`_widened`): the nearest one
    that no semicolon parts from the phrase, unless it is a field of its own (`_is_field`).
    Between a phrase and a day before it, a semicolon stands after the day's end and before
    the phrase; between it and a day after it, after the phrase's end and before the day:
    so each side's nearest day is looked up by the semicolon nearest the phrase, not read
    from every day for every phrase."""

    def __init__(self, sentence: str, found: list[Found]) -> None:
        self.sentence, self.found = sentence, found
        self.semicolons = [m.start() for m in re.finditer(";", sentence)]
        self.near: dict[str, tuple[_Near, _Near, set[int]]] = {}

    def _of(self, which: str) -> tuple[_Near, _Near, set[int]]:
        if which not in self.near:
            found, sentence = self.found, self.sentence
            days = [j for j, item in enumerate(found) if _ENDS_ON[which](item)]
            fields = {j for j in days if _is_field(sentence, found[j])}
            # (a day whose own words hold a semicolon may reach past one before the phrase)
            odd = [j for j in days if j in fields or ";" in sentence[found[j][0] : found[j][1]]]
            self.near[which] = (_Near(found, days), _Near(found, odd), fields)
        return self.near[which]

    def nearest(self, which: str, start: int, end: int) -> int | None:
        days, odd, fields = self._of(which)
        found, marks = self.found, self.semicolons
        i = bisect_left(marks, start)
        before = marks[i - 1] if i else -1  # the last semicolon before the phrase
        i = bisect_left(marks, end)
        after = marks[i] if i < len(marks) else len(self.sentence)  # the first after it
        left = days.before(start)
        if left is not None and found[left][0] <= before:  # parted: a field, or a day
            left = None  # reaching past the semicolon, may still be
            for p in range(bisect_right(odd.starts, start) - 1, -1, -1):
                k = odd.order[p]
                if left is not None and found[k][0] < found[left][0]:
                    break
                if k in fields or found[k][1] > before:
                    left = k  # (of days that begin alike, the first listed comes last)
        right = days.after(start)
        if right is not None and found[right][0] > after:  # parted: only a field
            right = None
            for p in range(bisect_right(odd.starts, start), len(odd.order)):
                if odd.order[p] in fields:
                    right = odd.order[p]
                    break
        return days.closer(start, left, right)


def _night_back(phrase: str) -> int:
    """How far back a widening phrase reaches from the sentence's own day: 'overnight' the
    night into it (1), 'at dawn' that day itself (0)."""
    first, last = WORDS.relative_days.get(" ".join(phrase.lower().split()), (1, 0))
    return first - last


def _step_from(
    sentence: str, item: Found, step: Step, days: _Near, pub: dt.date
) -> tuple[dt.date, dt.date, str]:
    """'on Sunday, three days after launching their push': the push is Sunday - 3.
    'a day after troops crossed in on Wednesday': the crossing is Wednesday and the phrase
    dates the main clause, Wednesday + 1. 'Days after the first families left, the exodus
    slowed on Oct. 12': the exodus is Oct. 12, the leaving some days before.
    'Two days later, on March 5': March 5 (the explicit date beats the count)."""
    start, end, _, _ = item
    day = days.nearest(start)
    anchor = day[2][0]
    after_it = day[0] >= end
    if step.takes_object:
        sign = step.sign if after_it and _same_clause(sentence, end, day[0]) else -step.sign
        lo, hi = anchor + sign * step.low * _DAY, anchor + sign * step.high * _DAY
    elif after_it:
        lo = hi = anchor
    else:
        lo, hi = anchor + step.sign * step.low * _DAY, anchor + step.sign * step.high * _DAY
    last = min(max(lo, hi), pub)  # ended by publication, as every relative window
    return min(lo, hi, last), last, "relative"


def _following_from(item: Found, days: list[Found], pub: dt.date) -> tuple[dt.date, dt.date, str]:
    """'On 9 April fighting broke out, and in the following days 2,000 fled': from the day
    after the sentence's own earlier day to publication."""
    before = [d for d in days if d[1] <= item[0]]
    if not before:
        return item[2]
    first = max(before, key=lambda d: d[0])[2][0] + _DAY
    return first, max(first, pub), "relative"


def _speech_day(item: Found, outside: _Near, pub: dt.date) -> tuple[dt.date, dt.date, str]:
    """'"... hitting us tonight," a driver said late on Thursday': tonight is Thursday.
    Words such as today, tonight and yesterday count from the day the quote was given,
    the nearest explicit day outside the quotes (`outside`); without one they stay as they
    were."""
    if not outside.order:
        return item[2]
    said = outside.nearest(item[0])[2][0]
    first, last, source = item[2]
    return said - (pub - first), said - (pub - last), source


# --- for extract.py: which dates may date which trigger --------------------------------


#: a relative clause that tells the toll of the happening before it ('rebel rockets on Suran,
#: a town north of Hama, which killed two women on Monday'): its day is that happening's
_TOLL_VERB = "|".join(WORDS.context["toll_clause_verb"])  # date_context_words.csv
_TOLL_CLAUSE = re.compile(rf",\s+(?:which|that)\s+(?:also\s+)?(?:{_TOLL_VERB})\b", _F)


def _clause_after(text: str, position: int) -> int:
    m = _CLAUSE_END.search(text, position)
    return m.start() if m else len(text)


def _relative_start(text: str, d: DateWindow) -> int | None:
    """Where the relative clause a date sits in begins (', which in 2014 ...'), or None."""
    at = d.char_start
    if at is None:
        return None
    m = _RELATIVE_CLAUSE.search(text, max(0, at - 80), at)
    return None if m is None else m.start()


def relative_clause(text: str, d: DateWindow) -> tuple[int, int] | None:
    """The relative clause a date sits in (', which in 2014 stretched across ...,'), as
    absolute offsets, or None."""
    start = _relative_start(text, d)
    if start is None:
        return None
    return start, _clause_after(text, d.char_end or d.char_start or 0)


def _takes_object(d: DateWindow) -> bool:
    """A 'N days after <event>' phrase: the clause after it is its object."""
    return (
        d.source == "relative"
        and bool(d.text)
        and d.char_end is not None
        and d.text.lower().rstrip().endswith(_OBJECT_TAKING)
    )


def _is_own_day(e: DateWindow) -> bool:
    """An explicit day of the sentence (a date or a weekday) that may date a step's object."""
    return e.source in ("explicit", "weekday") and e.precision == "day" and e.char_start is not None


_CONJUNCT = re.compile(r"\b(?:and|while|but)\s+(?:then\s+|again\s+|later\s+)?\Z", _F)
Clause = tuple[int, int]


class SentenceDates:
    """A sentence's dates read against each other once, for every trigger to ask of
    (`may_date`): each date's relative clause, the object clause of each 'N days after'
    phrase and whether a day of the sentence stands in it, and which step's object each date
    stands in. Asked afresh for every trigger, date and other date, these rules were cubic
    in a sentence's dates and searched to the text's end for each clause's end (session 32's
    review: 20 KB of 'two days after' phrases took 41 s); here each clause end is searched
    once, up to the sentence's `end` (a clause runs no further for what `may_date` compares:
    the triggers and dates of the sentence all begin before it), and each date's reading is
    kept. `text` is the whole text (absolute offsets), `dates` the sentence's dates."""

    def __init__(self, text: str, dates: Sequence[DateWindow], end: int | None = None) -> None:
        self.text = text
        self.dates = list(dates)
        self.end = len(text) if end is None else min(end, len(text))
        self._ready = False

    def _clause_end(self, position: int) -> int:
        """Where the clause running from `position` ends (`_clause_after`), no later than the
        sentence's end."""
        known = self._ends.get(position)
        if known is not None:
            return known
        if position >= self.end:
            return _clause_after(self.text, position)
        m = _CLAUSE_END.search(self.text, position, self.end + 1)  # one past: '.' then space
        return m.start() if m is not None and m.start() < self.end else self.end

    def _prepare(self) -> None:
        """Each clause end the dates ask of, in one sweep over the sentence (the clause end
        after p is the one after any position between p and it); the days where a step's
        object may hold one; the step clauses grouped by the clause end they share."""
        text, dates = self.text, self.dates
        self._ends: dict[int, int] = {}
        self._relative: dict[int, int | None] = {}
        wanted = []
        for d in dates:
            start = self._relative[id(d)] = _relative_start(text, d)
            if start is not None:
                wanted.append(d.char_end or d.char_start or 0)
            if _takes_object(d):
                wanted.append(d.char_end)
        reach = -1
        for position in sorted(set(wanted)):
            if position > reach:
                reach = self._clause_end(position)
            self._ends[position] = reach
        self._days = sorted(e.char_start for e in dates if _is_own_day(e))
        self._spans = any(e.source == "explicit" and e.precision in ("day", "days") for e in dates)
        self._starts = sorted(
            (e.char_start, k) for k, e in enumerate(dates) if e.char_start is not None
        )
        # step clauses that end at the same clause end share it; those of different ends do
        # not overlap (a clause begun before another's end ends there too)
        groups: dict[int, list[tuple[int, int]]] = {}
        for k, e in enumerate(dates):
            clause = self._step_clause(e)
            if clause is not None:
                groups.setdefault(clause[1], []).append((clause[0], k))
        self._step_ends = sorted(groups)
        self._step_groups = []
        for stop in self._step_ends:
            group = sorted(groups[stop])
            first, lowest = [], len(dates)
            for _, k in group:
                lowest = min(lowest, k)
                first.append(lowest)
            self._step_groups.append(([begin for begin, _ in group], first))
        self._speakers: Counter[int | None] | None = None
        self._ready = True

    def _relative_clause(self, d: DateWindow) -> Clause | None:
        """`relative_clause` of d, to the sentence's end at most."""
        key = id(d)
        # (the listed dates are alive while this is: another date's id is none of theirs)
        start = self._relative[key] if key in self._relative else _relative_start(self.text, d)
        if start is None:
            return None
        return start, self._clause_end(d.char_end or d.char_start or 0)

    def _object_clause(self, d: DateWindow) -> Clause | None:
        """The clause after a 'N days after <event>' phrase (its object), as absolute
        offsets; None for any other date."""
        if not _takes_object(d):
            return None
        assert d.char_end is not None
        return d.char_end, self._clause_end(d.char_end)

    def _days_in(self, clause: Clause) -> bool:
        """Whether an explicit day of the sentence begins inside the clause (the phrase that
        owns the clause is relative: never one of them)."""
        i = bisect_left(self._days, clause[0])
        return i < len(self._days) and self._days[i] < clause[1]

    def _step_clause(self, d: DateWindow) -> Clause | None:
        """The clause a 'N days after <event>' phrase introduces, when that clause has its
        own explicit day ('a day after troops crossed in on Wednesday'): the event there
        takes that day, not the phrase."""
        clause = self._object_clause(d)
        return clause if clause is not None and self._days_in(clause) else None

    def _in_step_object(self, d: DateWindow, position: int) -> bool:
        """'A week after the market bombing of 2 November, a bomb exploded': the day inside
        the object of 'a week after' dates that object only, not the clause the phrase
        dates. The first step of the sentence whose object holds the day decides."""
        at = d.char_start
        if at is None:
            return False
        i = bisect_right(self._step_ends, at)
        if i == len(self._step_ends):
            return False
        begins, first = self._step_groups[i]
        j = bisect_right(begins, at) - 1
        if j < 0:
            return False
        owner = self.dates[first[j]]
        if owner is d:  # (a phrase's object begins after the phrase: never its own)
            return self._in_step_object_slowly(d, position)
        clause = self._step_clause(owner)
        assert clause is not None
        return not clause[0] <= position < clause[1]

    def _in_step_object_slowly(self, d: DateWindow, position: int) -> bool:
        for e in self.dates:
            clause = self._step_clause(e) if e is not d else None
            at = d.char_start
            if clause is not None and at is not None and clause[0] <= at < clause[1]:
                return not clause[0] <= position < clause[1]
        return False

    def _object_only(self, d: DateWindow) -> Clause | None:
        """The clause a 'N days after <event>' phrase dates, when the phrase was counted back
        from a day of the sentence outside that clause ('announced on Tuesday that ... was
        retaken, 100 days after the offensive began': the window is the offensive's, Tuesday
        - 100), as absolute offsets; None for any other date."""
        clause = self._object_clause(d) if d.char_start is not None else None
        if clause is None:
            return None
        if not self._days and _told_anew(self.text, d):
            return clause  # 'The bombing came a week after a motorcycle ... wounded five'
        # counted from a day of the sentence, none of them inside the clause
        return clause if self._days and not self._days_in(clause) else None

    def _speech_day_only(self, d: DateWindow) -> bool:
        """'Niger's government said on Monday that 89 soldiers were killed when jihadists
        attacked the camp last Thursday': the day of speaking dates no event when the
        sentence has another day (or a few days) outside a relative clause."""
        at = d.char_start
        if at is None or not (
            _SPEECH_DAY.search(self.text, max(0, at - 40), at)
            or (
                _COURT_DAY.search(self.text, max(0, at - 60), at)
                and _COURT_WORD.search(self.text, max(0, at - COURT_REACH), at + COURT_REACH)
            )
        ):
            return False
        if self._speakers is None:  # where the days that outweigh a day of speaking begin
            self._speakers = Counter(
                e.char_start
                for e in self.dates
                if e.source in ("explicit", "weekday", "relative")
                and e.precision in ("day", "days")
                and self._relative_clause(e) is None
                and self._object_only(e) is None  # another event's day, not the report's
            )
        # (d itself begins at `at`: it is never among the others)
        return self._speakers.total() > self._speakers[at]

    def _spell_told(self, d: DateWindow) -> bool:
        """'10-11 May -- insurgents raided the town for two days', '6 Dec -- held 8 officers
        for a day': a length of time counted back from publication ('for two days') gives way
        to the day or span of days the sentence writes out."""
        return d.source == "relative" and d.text.lower().startswith("for ") and self._spans

    def _next_conjunct(self, d: DateWindow, position: int) -> bool:
        """'On 13 November forces retook Nimrud and on 7 November Hamam al-Alil': a day that
        opens a later conjunct ('and on <day>') dates what follows it, not a trigger before
        it that a day of its own already dates."""
        at = d.char_start
        if at is None or position >= at or not _CONJUNCT.search(self.text, max(0, at - 12), at):
            return False
        for start, k in self._starts:  # the first date other than d
            if self.dates[k] is not d:
                return start < position
        return False

    def may_date(self, d: DateWindow, position: int) -> bool:
        """Whether date d may date the trigger at `position` of the sentence."""
        if not self._ready:
            self._prepare()
        text = self.text
        if _since_object(text, d, position) or _abduction_day(text, d, position):
            return False
        if _taken_place_day(text, d, position):
            return False
        clause = self._relative_clause(d)
        if (
            clause is not None
            and not clause[0] <= position < clause[1]
            and not (position < clause[0] and _TOLL_CLAUSE.match(text, clause[0]))
        ):
            return False  # 'which in 2014 stretched': not the sentence's main verb
        if self._speech_day_only(d):
            return False
        clause = self._object_only(d)
        if clause is not None and not clause[0] <= position < clause[1]:
            return False  # '..., 100 days after the offensive began': the offensive's day only
        if self._spell_told(d):
            return False
        if self._next_conjunct(d, position) or self._in_step_object(d, position):
            return False
        clause = self._step_clause(d)
        return clause is None or not clause[0] <= position < clause[1]


def _told_anew(text: str, d: DateWindow) -> bool:
    """The date is an 'N days after <a happening told anew>' phrase after its sentence's main
    clause, read back from the anchor (`after_told_event`): it dates its object only."""
    at, phrase = d.char_start, d.text.lower().rstrip()
    if at is None or d.char_end is None or not phrase.endswith("after"):
        return False
    step = Step(1, True, 0, 0)
    return after_told_event(text, at, d.char_end, step)


#: 'the heaviest fighting since a truce in 2014', 'the biggest exodus since the offensive
#: began on 18 February': a day inside the object of 'since <a noun>' dates that object.
_SINCE_OBJECT = re.compile(
    r"\bsince\s+(?:an?|the|its|their|his|her)\s+(?:[\w'’-]+\s+){0,5}?"
    r"(?:(?:began|started|ended|erupted|broke\s+out|was\s+signed|took\s+effect)\s+)?"
    r"(?:(?:in|on|of)\s+)?\Z",  # a date's text may hold its preposition ('in 2014')
    _F,
)


def _since_object(text: str, d: DateWindow, position: int) -> bool:
    """A day in the object of 'since <a noun>' dates no trigger told before 'since' (the
    happening measured against it): 'the worst shelling since the truce of 12 March'."""
    at = d.char_start
    if at is None or position >= at:
        return False
    found = gated_search(_SINCE_OBJECT, text, max(0, at - 70), at)  # most: no 'since'
    return found is not None and position < found.start()


def in_since_object(text: str, d: DateWindow) -> bool:
    """The day stands in the object of 'since <a noun>' ('the biggest exodus since the
    offensive began on February 18'): a background start, no anchor for a later step ('Air
    strikes on Kafr Batna the same day' is the day the sentence before told of)."""
    at = d.char_start
    return at is not None and gated_search(_SINCE_OBJECT, text, max(0, at - 70), at) is not None


#: a body found, told by the trigger: 'the bodies of 2 men ... were found', 'found the bodies of'
_FOUND_VERB = "|".join(WORDS.context["body_found_verb"])  # date_context_words.csv
_BODY_FOUND = re.compile(rf"(?:(?:{_FOUND_VERB})\s+(?:[\w'’-]+\s+)?(?:the\s+)?)?bod(?:y|ies)\b", _F)
#: ... and a day told of the abduction after it: 'kidnapped last month', 'abducted 2 days
#: earlier', 'he had been kidnapped four days earlier', 'kidnapped by Daesh yesterday'
_ABDUCTED_VERB = "|".join(WORDS.context["abducted_verb"])  # date_context_words.csv
_ABDUCTED_BEFORE = re.compile(rf"\b(?:{_ABDUCTED_VERB})(?:\s+(?:by\s+)?[\w'’-]+){{0,3}}?\s+\Z", _F)
#: ... or told before a finding that comes after it, the abduction's phrase as long as a
#: clause: 'The bodies of four shepherds abducted by Islamic State militants in the desert
#: west of Ramadi last week were found on Tuesday' (heldout24-022, heldout26-037)
_ABDUCTED_LONG = re.compile(rf"\b(?:{_ABDUCTED_VERB})(?:\s+(?:by\s+)?[\w'’-]+){{0,10}}?\s+\Z", _F)
_FOUND_AFTER = re.compile(
    rf"\s*(?:(?:were|was|had\s+been|have\s+been|has\s+been)\s+)?(?:{_FOUND_VERB})\b", _F
)
_BODIES_BEFORE = re.compile(r"\bbod(?:y|ies)\b(?:(?![.;!?]).)*\Z", _F)
_ASIDE_CLOSE = re.compile(r"\s*,\s*")  # the comma closing an aside, right before the verb


def _abduction_day(text: str, d: DateWindow, position: int) -> bool:
    """A day the abduction of the dead is told with dates no finding of their bodies: the
    killing is dated to the finding (the note's own day), the abduction is a detention of its
    own ('the bodies of 2 men kidnapped last month were found', heldout26-247; 'A body of a man
    was found ...; he had been kidnapped four days earlier', heldout26-139, 263; heldout25-278).
    The abduction's day may come before the finding too: 'The bodies of four shepherds abducted
    by militants in the desert west of Ramadi last week were found on Tuesday' (heldout24-022,
    26-037; session 31): the finding takes its own day."""
    at = d.char_start
    if at is None:
        return False
    if at < position and d.char_end is not None and d.char_end <= position:
        # 'The bodies of 4 men abducted ... last week were found on Tuesday': the finding
        # after the abduction's day is not dated by it
        abducted = _ABDUCTED_LONG.search(text, max(0, at - 110), at)
        return (
            _FOUND_AFTER.match(text, position) is not None
            and _BODIES_BEFORE.search(text, max(0, at - 160), at) is not None
            and abducted is not None
            and (
                not _CLAUSE_END.search(text, d.char_end, position)
                # the abduction told as an aside between commas: 'the bodies of two men,
                # abducted on 6 May, were found' (session 34): its closing comma ends no clause
                or (
                    _ASIDE_CLOSE.fullmatch(text, d.char_end, position) is not None
                    and text[: abducted.start()].rstrip().endswith(",")
                )
            )
        )
    if at <= position or not _BODY_FOUND.match(text, position):
        return False
    return _ABDUCTED_BEFORE.search(text, max(0, at - 50), at) is not None


#: 'to retake Tal Sakhr, lost last week', 'Kafr Nabuda, recaptured by the army on Monday': a
#: participle of a place's taking after a comma after its name (date_context_words.csv, list
#: taken_participle), a few words (its agent) between it and the day
_TAKEN = "|".join(WORDS.context["taken_participle"])
_TAKEN_BEFORE = re.compile(
    rf"(?-i:[A-Z])(?<!\w(?s:.))[\w'’-]*\s*,\s+(?:{_TAKEN})\b(?:\s+(?!and\b|but\b)[\w'’-]+){{0,4}}"
    r"\s+\Z",
    _F,
)  # (the capital read first, '\b' before it tested behind it: the engine skips to capitals)


def _taken_place_day(text: str, d: DateWindow, position: int) -> bool:
    """d is the day of a place's taking told in a participle after the place's name and a
    comma ('fighting to retake Tal Sakhr, lost last week'), and `position` is before it: the
    main clause's event is not of that day."""
    at = d.char_start
    if at is None or position >= at:
        return False
    m = _TAKEN_BEFORE.search(text, max(0, at - 80), at)
    return m is not None and position < m.start()


def may_date(text: str, d: DateWindow, position: int, dates: Sequence[DateWindow]) -> bool:
    """Whether date d may date the trigger at `position` of the same sentence (one question;
    a sentence's many triggers ask one `SentenceDates`)."""
    return SentenceDates(text, dates).may_date(d, position)


def until_day(text: str, dates: Sequence[DateWindow]) -> DateWindow | None:
    """The day a sentence says something lasted until ('Fighting lasted until 9 March'), when
    that is its only day: the end of the spell the sentence before began."""
    days = [d for d in dates if d.precision == "day" and d.source in ("explicit", "weekday")]
    if len(days) != 1 or days[0].char_start is None:
        return None
    at = days[0].char_start
    return days[0] if gated_search(_UNTIL, text, max(0, at - 16), at) else None
