"""The windows a sentence gets when no phrase dates it exactly (etl.extraction.dates): the
article's window up to publication, the narrowest of several, and the window of a sentence
right after a dated one. Pure."""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_right
from itertools import accumulate

from etl.extraction.date_resolvers import precision_of
from etl.extraction.date_words import WORDS, literal
from etl.extraction.mentions import DateWindow
from etl.extraction.record_shape import fills_field, heads_record
from etl.extraction.rules import read_lists

_DAY = dt.timedelta(days=1)


def article_window(published: dt.date, days: int = 3) -> DateWindow:
    """What the article allows when nothing dates a sentence: the days up to publication
    (fewer at the very start of the calendar, where there are none before)."""
    try:
        start = published - max(0, days) * _DAY
    except OverflowError:
        start = dt.date.min
    return DateWindow(start, published, precision_of(start, published), "article")


def told_again(own: DateWindow, event: DateWindow) -> DateWindow:
    """The date of a sentence that tells again an event of another sentence (a toll-only
    sentence after it, etl.extraction.carry.further_mention; 'the strike',
    etl.extraction.anaphora.refer_back): that event's window, precision and source, so the
    merge reads the two alike. Its words' offsets stay in its own sentence: its own date
    when that tells the same window the same way ('... last week ... . ... last week ...'),
    else the event's words without offsets (they lie in the other sentence)."""
    same = (own.start, own.end, own.precision, own.source)
    if same == (event.start, event.end, event.precision, event.source):
        return own
    if event.char_start is None:
        return event
    return DateWindow(event.start, event.end, event.precision, event.source, event.text)


def best_date(windows: list[DateWindow]) -> DateWindow | None:
    """The most specific window (narrowest; the first of equals), or None."""
    return min(windows, key=lambda w: w.end - w.start, default=None)


def undated_window(published: dt.date, anchor: dt.date | None, since_anchor: int) -> DateWindow:
    """The window of a sentence no date phrase dates: the article's window, or, right after
    a sentence (since_anchor == 1) dated to a day before publication, from that day to
    publication when that is narrower ('On 26 January, gunmen attacked Gasseliki. Around
    3.000 people fled.': 26-28 January for a note of the 28th)."""
    window = article_window(published)
    if anchor is None or since_anchor != 1 or not window.start < anchor < published:
        return window
    return DateWindow(anchor, published, precision_of(anchor, published), "article")


def note_day(window: DateWindow) -> DateWindow:
    """The window of an undated note of one sentence (a monitor's or a relay's entry, 'A shell
    fell on al-Nabek, causing material damage only.'): the day it is dated, the last of the
    article's window, in place of that window; any other window as it is."""
    if window.source != "article" or window != article_window(window.end):
        return window
    return DateWindow(window.end, window.end, "day", "article")


#: an answer to the happening told just before: 'Turkish artillery answered by shelling
#: government positions', 'the army responded by shelling', 'retaliated with air strikes'
#: (the verbs are merge_further.csv's list 'answer', which the merge reads too)
_ANSWER_VERB = "|".join(
    read_lists("merge_further", ("further_trigger", "later_opening", "answer"))["answer"]
)
_ANSWER = re.compile(rf"\b(?:{_ANSWER_VERB})\s+(?:by|with)\s+(?:[\w'’-]+\s+){{0,2}}\Z", re.I)
ANSWER_SENTENCES = 2  # the event answered was told at most this many sentences before


def answer_day(
    text: str, start: int, trigger_start: int, anchor: dt.date | None, since_anchor: int
) -> DateWindow | None:
    """An undated answer to the event told just before ('Syrian artillery hit the post on
    Saturday. Turkish artillery answered by shelling government positions.') happens on that
    event's day, the anchor, marked as the article's reading; None for any other sentence
    (heldout21-034, heldout28-014)."""
    if anchor is None or not 0 < since_anchor <= ANSWER_SENTENCES:
        return None
    if _ANSWER.search(text, max(start, trigger_start - 40), trigger_start) is None:
        return None
    return DateWindow(anchor, anchor, "day", "article")


def after_spell(spell: DateWindow | None, since_spell: int) -> DateWindow | None:
    """'Between 1 and 4 February, 7.200 people left. 11 children died on the way.': a
    sentence with no date right after (since_spell == 1) one dated by an explicit span of
    days takes that span, marked as the article's reading (source "article")."""
    if spell is None or since_spell != 1:
        return None
    return DateWindow(spell.start, spell.end, spell.precision, "article")


_SPAN_JOIN = re.compile(r"\s*(?:-|\u2013|to|until|till|through|and)\s*", re.I)
_SPAN_OPEN = re.compile(r"\b(?:between|from)\s+$", re.I)
SPAN_DAYS = 62  # a span written with two dates is at most about two months


def join_spans(windows: list[DateWindow], text: str) -> list[DateWindow]:
    """Two days written as the ends of one span ('Mar 28 - Apr 1:', 'from 28 March to 1
    April', 'between 30 June and 2 July') are one window from the first to the second; 'and'
    joins them only after 'between' ('on 5 March and again on 9 March' are two days)."""
    joined: list[DateWindow] = []
    for window in windows:
        last = joined[-1] if joined else None
        if last is not None and (
            _night_of(last, window, text)
            or _ends_of_span(last, window, text)
            or _relative_days(last, window, text)
        ):  # 'on the night of Tuesday to Wednesday': both days
            source = "relative" if last.source == window.source == "relative" else "explicit"
            joined[-1] = DateWindow(
                last.start, window.end, precision_of(last.start, window.end), source,
                text[last.char_start : window.char_end], last.char_start, window.char_end,
            )  # fmt: skip
            continue
        joined.append(window)
    return joined


def nights(windows: list[DateWindow], text: str) -> list[DateWindow]:
    """Each window that is one night written as two days by a slash ('the night of 7/8
    June'), as the two days (heldout5's reading: 'the night of 2 to 3 October' is both)."""
    return [_one_night(w, text) for w in windows]


_NIGHT_SLASH = re.compile(r"\bnight\s+of\s+(?:the\s+)?(\d{1,2})\s*/\s*$", re.I)


def _one_night(window: DateWindow, text: str) -> DateWindow:
    """'the night of 7/8 June' is 7 and 8 June (the match read only '8 June')."""
    at = window.char_start
    if at is None or window.start != window.end:
        return window
    before = text[max(0, at - 24) : at]
    # every match ends with '/' and white space only (most days have none before them)
    slash = _NIGHT_SLASH.search(before) if before.rstrip().endswith("/") else None
    if slash is None:
        return window
    try:
        day = window.start.replace(day=int(slash[1]))
    except ValueError:
        return window
    if (window.start - day).days != 1:
        return window
    return DateWindow(day, window.end, "days", window.source, window.text, window.char_start,
                      window.char_end)  # fmt: skip


_NIGHT_OF = re.compile(r"\bnight\s+of\s+(?:the\s+)?$", re.I)
_NIGHT_JOIN = re.compile(r"\s*(?:-|\u2013|/|to|and|into)\s*", re.I)


def _night_of(first: DateWindow, second: DateWindow, text: str) -> bool:
    """'the night of 7 to 8 June', 'the night of Tuesday to Wednesday', 'overnight Saturday
    into Sunday': one night, the two days it spans."""
    if first.char_end is None or second.char_start is None or first.char_start is None:
        return False
    if not 0 <= (second.start - first.end).days <= 1:
        return False
    lead = text[max(0, first.char_start - 20) : first.char_start]
    if not (_NIGHT_OF.search(lead) or first.text.lower().startswith("overnight")):
        return False  # 'overnight Saturday into Sunday' is one night too
    return _NIGHT_JOIN.fullmatch(text, first.char_end, second.char_start) is not None


# 'yesterday and today', 'from yesterday evening until this morning', 'from the evening of
# yesterday until the morning of today': the days of speaking, joined
_RELATIVE_JOIN = re.compile(
    r"\s*(?:-|\u2013|to|until|till|through|into|and)\s+"
    r"(?:the\s+(?:morning|afternoon|evening|night)\s+of\s+)?",
    re.I,
)


def _relative_days(first: DateWindow, second: DateWindow, text: str) -> bool:
    """Two words that count days back from the day of speaking ('yesterday', 'today', 'this
    morning': data/rules/date_relative_days.csv), a day or two apart, joined by 'until', 'to'
    or 'and': one span from the first to the second."""
    if first.source != "relative" or second.source != "relative":
        return False
    if first.char_end is None or second.char_start is None:
        return False
    words = WORDS.relative_days
    if " ".join(first.text.lower().split()) not in words:
        return False
    if " ".join(second.text.lower().split()) not in words:
        return False
    if not 0 < (second.end - first.start).days <= 2:
        return False
    join = _RELATIVE_JOIN.fullmatch(text, first.char_end, second.char_start)
    if join is None:
        return False
    if join[0].strip().lower() != "and" or first.char_start is None:
        return True
    return _one_adverbial(first.char_start, second.char_end or second.char_start, text)


# what may follow 'yesterday and today' when the two are one adverbial: the clause's end, a
# preposition or a participle ('... yesterday and today in Orra', '... and today, killing')
_AND_AFTER = re.compile(
    r"\s*(?:$|[^\w\s'\u2019]|(?:in|at|on|near|around|across|along|over|as|while|when|after"
    r"|before|amid|during|despite|according|with|without|but|and|or)\b|\w+ing\b)",
    re.I,
)
_AND_LEAD = re.compile(
    r"(?:(?:^|[.!?:;\n])[\s\"'\u201c\u2018(]*|\b(?:between|from|both)\s+)$", re.I
)


def _one_adverbial(start: int, end: int, text: str) -> bool:
    """'X and Y' of two days of speaking is one span only as one time adverbial: after
    'between', 'from' or 'both', at the sentence's head ('Yesterday and today, 5 died'), or
    followed by the clause's end, a preposition or a participle. 'shelled Orra yesterday and
    today jets struck' (a new subject) and 'yesterday and today's strike' (a possessive) are
    two days."""
    if re.match(r"['\u2019]s\b", text[end:]):
        return False
    if _AND_LEAD.search(text, max(0, start - 40), start):
        return True
    return _AND_AFTER.match(text, end) is not None


def _ends_of_span(first: DateWindow, second: DateWindow, text: str) -> bool:
    if first.source != "explicit" or second.source != "explicit":
        return False
    if first.start != first.end or second.start != second.end:
        return False
    if not 0 < (second.start - first.start).days <= SPAN_DAYS:
        return False
    if first.char_end is None or second.char_start is None:
        return False
    between = text[first.char_end : second.char_start]
    if not _SPAN_JOIN.fullmatch(between):
        return False
    lead = text[max(0, first.char_start - 12) : first.char_start]
    return "and" not in between.lower() or _SPAN_OPEN.search(lead) is not None


_SAID = re.compile(r"\b(?:said|says|told [\w-]+|reported|stated|added|announced)\s+$", re.I)


def close_since(windows: list[DateWindow], text: str) -> list[DateWindow]:
    """'Since 24 June, forces have encircled the town, committees said on 5 July': the
    span runs to the day the speaker said it, not to publication."""
    said = [
        w
        for w in windows
        if w.start == w.end
        and w.source in ("explicit", "weekday")
        and _SAID.search(text, max(0, (w.char_start or 0) - 30), w.char_start or 0)
    ]
    if not said:
        return windows
    # the first day said (in the list's order) that begins after a window: the first whose
    # start passes the most any day before it reached (not read through for every window)
    reach = list(accumulate((d.char_start or 0 for d in said), max))
    out = []
    for w in windows:
        i = bisect_right(reach, w.char_start or 0)
        day = said[i].start if i < len(said) else None
        if w.text.lower().startswith("since") and day is not None and w.start <= day < w.end:
            w = DateWindow(w.start, day, precision_of(w.start, day), w.source, w.text,
                           w.char_start, w.char_end)  # fmt: skip
        out.append(w)
    return out


# The dateline: where and when the article was filed, before the dash or colon that opens the
# lead: 'ERBIL, Iraq, Oct 21 (Wire) --', 'BEIRUT (Wire) — Monday 18 January 2016 —', 'RAIPUR,
# April 25, 2017 —', 'KIZLYAR, 19.02.2018 —', 'SRINAGAR, Sept 19 (Wire):', 'URGENT | ODESA,
# Ukraine, July 1 (Wire) —', 'Northline Agency — Beirut — 27.12.2018 —'. The date a dateline
# carries is the day the article was filed, not the day of any event the lead tells.
# Before the date: names (capitalised words, a few lower-case particles, a bracketed agency or
# country) split by commas, dashes or bars, ending with a comma or a dash; no digits.
_HEAD_WORD = (
    r"(?:[A-Z\u00c0-\u00de][\w.'\u2019-]*|(?:al|el|ez|es|ad|ash|de|del|da|di|du|la|le)-?(?=[\s-]))"
)
_HEAD_PART = rf"(?:{_HEAD_WORD}|\([^()\d\n]{{1,40}}\))"
_HEAD_SEP = r"(?:\s*(?:,|--|\u2014|\u2013|\||-(?=\s))\s*|\s+)"
# the day of the week the date may follow ('KIRKUK, Iraq, Fri Apr 5, 2019 (NPW) -'):
# date_weekdays.csv, its names and abbreviations
_HEAD_WEEKDAY = "|".join(literal(w) for w in sorted(WORDS.weekdays, key=len, reverse=True))
_DATELINE_HEAD = re.compile(
    rf"\s*{_HEAD_PART}(?:{_HEAD_SEP}{_HEAD_PART})*\s*(?:,|--|\u2014|\u2013|-)\s*"
    rf"(?:(?:{_HEAD_WEEKDAY})\.?,?\s+)?\Z"
)
# After it: the filing time, maybe ('08-Feb-2018 11:15 GMT', 'March 3, 2019, 14:05 local
# time'), the agency in brackets, maybe, then the dash or colon (not a clock's '10:30')
_DATELINE_TAIL = re.compile(
    r"(?:,?\s+(?:at\s+)?(?:[01]?\d|2[0-3])[:.h][0-5]\d"
    r"(?:\s*(?:hrs?|h|GMT|UTC|local(?:\s+time)?|(?-i:[A-Z]{3,4})))?)?"
    r"\s*(?:\([^()\n]{1,40}\)\s*)?(?:--|-|\u2014|\u2013|:(?!\d))"
)
DATELINE_CHARS = 60  # a dateline's date begins this close to the start of the text


def in_dateline(w: DateWindow, text: str) -> bool:
    """The date w stands in the text's dateline (see _DATELINE_HEAD): it is the filing day."""
    at, end = w.char_start, w.char_end
    if at is None or end is None or at > DATELINE_CHARS or at == 0:
        return False
    if not (_STAMP_TAIL.search(w.text) or _DATELINE_TAIL.match(text, end)):
        return False
    return _DATELINE_HEAD.fullmatch(text, 0, at) is not None


# 'DSR dt. 07-02-2021:', 'a letter dated 5 March': the day a report or a document is dated
_DATED = re.compile(r"\b(?:dated|dtd?\.)\s*\Z", re.I)


def off_report_day(windows: list[DateWindow], text: str) -> list[DateWindow]:
    """The windows without the day a report is dated ('DSR dt. 07-02-2021: Maoists abducted
    an engineer on 05-02-2021') when the sentence has a day of its own (explicit or a
    weekday): that day dates what happened; the report's day only when nothing else does."""
    dated = [
        w
        for w in windows
        if w.char_start is not None and _DATED.search(text, max(0, w.char_start - 8), w.char_start)
    ]
    if not dated:
        return windows
    kept = [w for w in windows if w not in dated]
    own = any(w.source in ("explicit", "weekday") and w.precision == "day" for w in kept)
    return kept if own else windows


_STAMP_TAIL = re.compile(r"(?::|--|\u2014|\u2013)\Z")
STAMP_REACH = 2  # a stamp begins within this many characters of its sentence


def entry_stamp(
    windows: list[DateWindow], text: str, start: int, stop: int | None = None
) -> DateWindow | None:
    """The stamp that opens an incident note's entry at text[start:], if any: a date at the
    sentence's start that ends with a colon or a dash ('Tue-Wed --', 'Sat 14/09 22:15 --',
    'Wed:') or stands in brackets ('[19.12.2016]'), or a date that is a record's field by
    itself (etl.extraction.record_shape: 'Date: 11 Apr 2016' on a line of its own, '▪
    2019-05-03 ▪'), or a date that ends a short heading of its own (text[start:stop]:
    'Daily log, 22 July 2019.'): the day of the record's event."""
    for w in windows:
        at, end = w.char_start, w.char_end
        if at is None or end is None or at - start > HEAD_REACH:
            continue
        if stop is not None and w.source == "explicit" and heads_record(text, start, stop, at, end):
            return w  # 'Daily log, 22 July 2019.' before the log's sentences
        if fills_field(text, at, end):  # a field of its own, by its shape: 'Date: 11 Apr
            return w  # 2016' on its line, '▪ 2019-05-03 ▪', 'URGENT ‖ 31-03-2015 ‖ Mabouja'
        shut = end + (  # '(27 May 2019):', not '(on 26 May):'
            text[at - 1 : at] == "(" and text[end : end + 1] == ")"
            and not _GOVERNED_DAY.match(text, at)
        )  # fmt: skip
        if (
            w.source == "explicit"
            and _HEADING_COLON.match(text, shut)
            and "\n" not in text[start:at]
        ):  # the day that ends a note's heading: 'Statement 301/2016, 14/8: ...', in
            return w  # brackets: 'Flash Update 6 (27 May 2019): Ariha was hit on 26 May'
        if at - start > FIELD_REACH:
            continue
        if _FIELD_BEFORE.search(text, start, at) and _FIELD_AFTER.match(text, end):
            return w  # a field of the entry's header row: 'SIR 0063/22 | 28 Mar 2022 | KATARI'
        if at - start > STAMP_REACH:
            continue
        bracketed = text[at - 1 : at] == "[" and text[end : end + 1] == "]"
        if bracketed or _STAMP_TAIL.search(w.text):
            return w
    return None


HEADING_CHARS = 80  # a text's opening line of a name and a day, no longer


def heading_day(windows: list[DateWindow], text: str, start: int, stop: int) -> DateWindow | None:
    """The day of a record's heading: text[start:stop] is the text's first sentence, tells
    no event (the caller checks), is short (HEADING_CHARS) and more text follows, and holds
    one date, an explicit day not governed by a preposition ('Daily report 18 February
    2015.', '@monitor (22 Aug 2016, 20:05): Hasakah: calm broke again.', 'Culiacán, Sin., 17
    Oct. — 15:30 h.', 'Western Sector Operations Command, communiqué #7, Sunday 27/9'): the
    day of the entries below it, as a stamp is (`entry_stamp`)."""
    if stop - start > HEADING_CHARS or stop >= len(text.rstrip()):
        return None
    days = [w for w in windows if w.source in ("explicit", "weekday")]
    explicit = [w for w in days if w.source == "explicit"]
    if len(explicit) != 1 or len(days) > 2:
        return None  # 'Sunday 27/9' is one day told twice; two days are a span or two events
    w = explicit[0]
    at = w.char_start
    if w.start != w.end or at is None or _GOVERNED_DAY.match(text, at):
        return None
    if _GOVERNED_BEFORE.search(text, max(start, at - 12), at):
        return None  # '(as of 7 June 2021)': a report's own day (report_day), not a stamp
    return w


HEADING_SPAN_DAYS = 3  # a record's heading of a night or a few days ('18-19 March 2019'), no more


def heading_span(windows: list[DateWindow], text: str, start: int, stop: int) -> DateWindow | None:
    """The few days a record's heading names ('CSCA ref S-0318: 18-19 March 2019, al-Baghuz
    (Abu Kamal district).', 'CHT-S19-024 — 12–13 February 2019 — Baghouz Tahtani'): the
    first sentence, no event told (the caller checks), short, more text follows, one window,
    an explicit span of 2 to HEADING_SPAN_DAYS days not governed by a preposition. The entry
    below it tells what happened in those days: its words that count from the day of
    speaking ('Overnight strikes', 'over two days') count from the span's last day
    (`spoken`), not from publication, weeks later."""
    if stop - start > HEADING_CHARS or stop >= len(text.rstrip()) or len(windows) != 1:
        return None
    w = windows[0]
    if w.source != "explicit" or not 0 < (w.end - w.start).days < HEADING_SPAN_DAYS:
        return None
    at = w.char_start
    if at is None or _GOVERNED_DAY.match(text, at):
        return None
    if _GOVERNED_BEFORE.search(text, max(start, at - 12), at):
        return None
    return w


def spoken(d: DateWindow, published: dt.date) -> bool:
    """The window counts back from the day the text speaks as of: a day word ('overnight',
    'yesterday') or a relative spell ending that day ('over two days', 'in recent days')."""
    return d.source == "relative" and (day_word(d) or d.end == published)


def as_of_span(
    dates: list[DateWindow], again: list[DateWindow], published: dt.date
) -> list[DateWindow]:
    """`dates` with the windows that count from publication (`spoken`) read again as of a
    record heading's last day (`again`: the sentence's dates read with that day for
    publication, as `as_of_stamp` does for a stamp)."""
    by_start = {d.char_start: d for d in again if d.source == "relative"}
    return [by_start.get(d.char_start, d) if spoken(d, published) else d for d in dates]


_GOVERNED_DAY = re.compile(r"(?i:on|in|at|since|from|by|until|till|during)\s")
_GOVERNED_BEFORE = re.compile(r"(?i:\b(?:of|on|in|at|since|from|by|until|till|during|to))\s+\Z")


# A post of a live feed or channel stamped with its clock time alone ('⚡ 09:10 ⟩ #al_Kasra ⟩
# ...', '🟡 [16:02] #Ras_al_Ain — ...', '01:12 – Explosions heard over ...'): the time, after
# at most a few marks, bracketed or not, then the mark that ends the stamp
_CLOCK_STAMP = re.compile(
    r"[^\w\s]{0,3}\s*[\[(]?(?:[01]?\d|2[0-3]):[0-5]\d[\])]?"
    r"\s*(?:\u27e9|>|\u203a|\u25b8|\||--|\u2014|\u2013|-(?=\s)|(?<=[\])])\s+(?=#))"
)


# ... or with the time closing the post's line ('‼️ Urgent from Diyala: ... wounding 4 boys —
# 20:15'): a dash, the time, the line's end
_CLOCK_TAIL = re.compile(
    r"\s(?:\u2014|\u2013|-|\|)\s*[\[(]?(?:[01]?\d|2[0-3]):[0-5]\d[\])]?[ \t]*(?:\n|\Z)"
)


def clock_stamp(text: str, start: int, published: dt.date) -> DateWindow | None:
    """The day of an entry stamped with its clock time alone at text[start:] (`_CLOCK_STAMP`)
    or at the end of its first line (`_CLOCK_TAIL`): the day the text speaks as of,
    `published` (every set codes a channel's undated post so); its own day words still date
    it first (`in_entry`). None for any other opening."""
    if _CLOCK_STAMP.match(text, start) is None and not _clock_tail(text, start):
        return None
    return DateWindow(published, published, "day", "article")


def _clock_tail(text: str, start: int) -> bool:
    end = text.find("\n", start)
    end = len(text) if end < 0 else end + 1
    return _CLOCK_TAIL.search(text, max(start, end - 12), end) is not None


STAMP_DAYS = 7  # a record's stamp this many days before publication is still its day


def stamp_day(stamp: DateWindow | None, published: dt.date) -> dt.date | None:
    """The day an entry's stamp names (`entry_stamp`), when it is one day before publication
    and up to STAMP_DAYS before it: the record speaks as of that day, so its relative
    phrases ('this morning', 'last night', 'yesterday') count from it."""
    if stamp is None or stamp.start != stamp.end or stamp.source != "explicit":
        return None
    return stamp.start if 0 < (published - stamp.start).days <= STAMP_DAYS else None


_OWN_SOURCES = ("weekday", "explicit")  # an entry's own day beside its stamp (or a day word)


def own_day(dates: list[DateWindow], stamp: DateWindow | None) -> list[DateWindow]:
    """The dates that may date an event told in a stamped entry: its own relative day,
    weekday or written day ('14/8: Shelling on Nawa yesterday': the 13th; 'Flash Update 6
    (27 May 2019): Ariha was hit by air strikes on 26 May': the 26th) before the stamp,
    which says when the entry was written; all of them when the entry names no day of its
    own."""
    if stamp is None or len(dates) < 2:
        return dates
    own = [d for d in dates if d is not stamp and (d.source in _OWN_SOURCES or day_word(d))]
    return [d for d in dates if d is not stamp] if own else dates


# 'on Thursday night', 'late on Friday night', 'Sat night:': one weekday's night (its window
# is that day and the next: date_resolvers._weekday_night)
_ONE_NIGHT = re.compile(
    r"\W*(?:(?:on|late|early|earlier|later|last|this|past)\s+){0,3}"
    r"(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?\s+(?:night|overnight)\W*",
    re.I,
)


def night_day(d: DateWindow) -> dt.date | None:
    """The day a weekday's night is named by ('a day later' after 'on Thursday night' is
    Friday, the night's second day, not Saturday): its first day; None for any other window."""
    if d.source != "weekday" or (d.end - d.start).days != 1 or d.text is None:
        return None
    return d.start if _ONE_NIGHT.fullmatch(d.text) else None


def day_word(d: DateWindow) -> bool:
    """The window is read from a word that counts days back from the day a text speaks as
    of ('yesterday', 'this morning', 'last night': data/rules/date_relative_days.csv)."""
    return d.source == "relative" and " ".join((d.text or "").lower().split()) in (
        WORDS.relative_days
    )


def as_of_stamp(dates: list[DateWindow], again: list[DateWindow]) -> list[DateWindow]:
    """`dates` with their day words (`day_word`) read again as of a record's stamp (`again`:
    the same sentence's dates with the stamp's day for publication); the other windows as
    first read (a step such as 'the next day' may run past the stamp)."""
    by_start = {d.char_start: d for d in again if day_word(d)}
    return [by_start.get(d.char_start, d) if day_word(d) else d for d in dates]


# a header row's fields: 'SIR 041/23 | 22 Apr 2023 | KHARTOUM |', '#T-0412 — 3 Jun 17 — MARAWI'
FIELD_REACH = 30  # characters from the sentence's start the date field begins within
HEAD_REACH = 60  # ... a note's heading's day, or a field of its own, begins within
_HEADING_COLON = re.compile(r"[ \t]*:(?!\d)")  # a heading's colon after its day
_FIELD_BEFORE = re.compile(r"(?:\||\u2014|--)\s*\Z")
_FIELD_AFTER = re.compile(r"(?:\s+\d\d)?\s*(?:\||\u2014|--)")  # a two-digit year may follow


def in_entry(stamp: DateWindow | None) -> DateWindow | None:
    """The window of a sentence with no date of its own inside a stamped entry ('Tue-Wed --
    Aleppo: 6,000 people leave ... 1 aid worker killed by shelling.'): the stamp's days,
    marked as the article's reading (source "article")."""
    if stamp is None:
        return None
    return DateWindow(stamp.start, stamp.end, stamp.precision, "article")


# 'SITUATION REPORT No. 9 (as of 24 February 2020).': a report dated by its own day
_AS_OF = re.compile(r"\bas\s+of\s+(?=\S)", re.I)
AS_OF_REACH = 120  # characters from the start of the text an "as of" heading begins within


def report_day(text: str, published: dt.date, days: list[DateWindow]) -> dt.date | None:
    """The day a report says it speaks as of, in its heading ('(as of 24 February 2020)'),
    when that is a day on or up to a week before publication: its relative phrases ('in
    the past week') and its undated sentences count from that day, not from publication.
    `days` are the heading's dates (find_dates over the heading's sentence)."""
    m = _AS_OF.search(text, 0, AS_OF_REACH)
    if m is None:
        return None
    day = next(
        (
            d
            for d in days
            if d.char_start == m.end() and d.source == "explicit" and d.start == d.end
        ),
        None,
    )
    if day is None or not 0 <= (published - day.start).days <= 7:
        return None
    return day.start


_HEDGE = re.compile(
    r"\b(?P<hedge>"
    + "|".join(literal(p) for p in sorted(WORDS.hedges, key=len, reverse=True))
    + r")\s+(?:the\s+)?\Z",
    re.I,
)
_NUMBER = "|".join(re.escape(w) for w in sorted(WORDS.numbers, key=len, reverse=True))
# "over the three days to 19 August", "in the five days up to 3 May": the days ending on it
_DAYS_TO = re.compile(
    rf"\b(?:over|in|during|across)\s+the\s+(?:(?:past|last|previous)\s+)?(?P<n>\d{{1,2}}|{_NUMBER})"
    r"\s+days\s+(?:to|until|till|up\s+to|ending(?:\s+on)?|through)\s+(?:on\s+)?\Z",
    re.I,
)


#: a hedged day's report in brackets right after it: 'Around 12 January 2019 (as reported on
#: 13 January)' (heldout27's incident monitor): the window runs from the day to the report's
_REPORT_VERB = "|".join(WORDS.context["report_verb"])  # date_context_words.csv
_REPORTED_AFTER = re.compile(
    rf"\s*\(\s*(?:as\s+)?(?:first\s+)?(?:{_REPORT_VERB})\s+(?:on\s+)?\Z", re.I
)


def _reported_after(w: DateWindow, windows: list[DateWindow], text: str) -> DateWindow | None:
    """The explicit day of a report told in brackets right after w, up to 7 days after it."""
    for n in windows:
        if (
            n.source == "explicit"
            and n.char_start is not None
            and w.char_end is not None
            and n.char_start >= w.char_end
            and _REPORTED_AFTER.fullmatch(text, w.char_end, n.char_start)
            and 0 <= (n.end - w.start).days <= 7
        ):
            return n
    return None


def hedged(windows: list[DateWindow], text: str) -> list[DateWindow]:
    """A single explicit day made approximate ('on or about 14 June 2017': 13-15 June;
    'around 20 October': 17-23 October, by data/rules/date_hedges.csv; 'around 12 January
    (as reported on 13 January)': 12-13 January), or ending a count of days ('over the three
    days to 19 August': 17-19 August)."""
    out = []
    reported: list[DateWindow] = []  # report days folded into the hedged day before them
    for w in windows:
        at = w.char_start
        if any(w is r for r in reported):
            continue
        if at is None or w.start != w.end or w.source != "explicit":
            out.append(w)
            continue
        lead = text[max(0, at - 48) : at]
        first, last = w.start, w.end
        if (m := _DAYS_TO.search(lead)) is not None:
            n = int(m["n"]) if m["n"].isdigit() else WORDS.numbers.get(m["n"].lower(), 1)
            first = w.start - max(0, n - 1) * _DAY
        elif (m := _HEDGE.search(lead[-24:])) is not None:
            days = WORDS.hedges[" ".join(m["hedge"].lower().split())] * _DAY
            first, last = w.start - days, w.end + days
            if (report := _reported_after(w, windows, text)) is not None:
                first, last = w.start, report.end
                reported.append(report)
                out = [o for o in out if o is not report]
        if (first, last) == (w.start, w.end):
            out.append(w)
            continue
        out.append(
            DateWindow(
                first, last, precision_of(first, last), w.source, w.text, w.char_start, w.char_end
            )  # fmt: skip
        )
    return out
