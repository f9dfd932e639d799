"""A record's fields, told by their shape rather than by a list of known marks or labels.

Monitoring groups, ministries and clusters write an incident as a row of fields: 'URGENT ‖
31-03-2015 ‖ Mabouja ‖ Daesh gangs storm ...', 'UXO-SY-0087 ▪ 2019-05-03 ▪ Kafr Ruma (Idlib) ▪
ERW ▪ ...', 'Ref: LIT-16-0412\\nDate: 11 Apr 2016\\nLocation: Aleppo city, Seif al-Dawla\\n...'.
Each writer picks its own separator and its own labels, so a field is found by its shape:

- a field mark is a run of one to three symbols (no letter, digit or space, and none of the
  marks a sentence uses inside itself: , . ; : ! ? quotes, brackets, % & + * = < > / and
  dashes) with a space on each side (' | ', ' ‖ ', ' ▪ ', ' · ', ' ¦ ', ' ~ ', ' » '), or '//';
- a line break ends a field too;
- a label is one to four words ending in ':' at a field's start ('Date:', 'Location:',
  'What happened:'); its field's value follows it.

What a field holds is then read by the readers of its content (a date by the date reader, a
place by the gazetteer), not by its label. Pure functions of the text.
"""

from __future__ import annotations

import re

from etl.extraction.alternation import longest_first
from etl.extraction.date_words import WORDS

FIELD_CHARS = 60  # a field that names a place or a day is short; a narrative runs on
LABEL_CHARS = 24  # a label's words before its ':'
MARK_CHARS = 3  # a field mark is at most this many symbols

# the marks a sentence uses inside itself, and dashes (a parenthetical dash in prose)
_PROSE = frozenset(
    ",.;:!?'\"\u2018\u2019\u201c\u201d()[]{}%&+*=<>/#@$_"  # punctuation, brackets, signs
    "-\u2010\u2011\u2012\u2013\u2014\u2015"  # hyphens and dashes
    "\u20ac\u00a3"  # currency
)


def is_mark_char(c: str) -> bool:
    """A symbol a record may use to part its fields ('|', '‖', '▪', '·', '¦', '~', '»')."""
    return not c.isalnum() and not c.isspace() and c not in _PROSE


#: one symbol of a field mark, and a mark's run (for other modules' patterns)
MARK_CHAR = r"[^\w\s" + "".join(re.escape(c) for c in sorted(_PROSE)) + r"]"
MARK_RUN = rf"(?://|{MARK_CHAR}{{1,3}}(?!{MARK_CHAR}))"
# a field mark with its spaces, for finding the end of a field
_MARK = re.compile(rf"[ \t]{MARK_RUN}[ \t]")
_LABEL = re.compile(r"[^\W\d_][\w'\u2019]*(?:[ .\-][\w'\u2019]+){0,3}\.?$")


def _mark_ends_at(text: str, i: int, lo: int) -> int:
    """Where the field mark that ends at text[i] (exclusive) begins, or -1: its symbols stand
    after a space or the start of text[lo:]."""
    j = i
    while j > lo and i - j < MARK_CHARS and is_mark_char(text[j - 1]):
        j -= 1
    if j == i:
        if i - 2 >= lo and text[i - 2 : i] == "//":
            j = i - 2
        else:
            return -1
    elif i - j == MARK_CHARS and j > lo and is_mark_char(text[j - 1]):
        return -1  # a longer run of symbols is a rule or a drawing, not a mark
    if j > lo and not text[j - 1].isspace():
        return -1
    return j


def _skip_back_spaces(text: str, i: int, lo: int) -> int:
    while i > lo and text[i - 1] in " \t":
        i -= 1
    return i


def _opens_bare(text: str, start: int, lo: int) -> bool:
    """text[start:] opens a field with no label: at the start of text[lo:], after a line
    break, or after a field mark and a space."""
    i = _skip_back_spaces(text, start, lo)
    if i <= lo or text[i - 1] == "\n":
        return True
    return i < start and _mark_ends_at(text, i, lo) >= 0


def opens_field(text: str, start: int, lo: int = 0) -> bool:
    """The word at text[start] opens a field's value: after the start of text[lo:], a line
    break or a field mark, or after a label ('Date:', 'Location:') that itself opens one."""
    i = start  # (called for many names: the common answers come first, without a call)
    while i > lo and text[i - 1] in " \t":
        i -= 1
    if i <= lo:
        return True
    c = text[i - 1]
    if c == "\n":
        return True
    if c != ":":
        return i < start and (c == "/" or is_mark_char(c)) and _mark_ends_at(text, i, lo) >= 0
    k = i - 1  # a label: its words back to the field's own start
    floor = max(lo, k - LABEL_CHARS - 1)
    j = k
    while j > floor and text[j - 1] != "\n" and not is_mark_char(text[j - 1]):
        j -= 1
    while j < k and text[j] in " \t":
        j += 1
    if j == k or not _LABEL.match(text, j, k):
        return False
    return _opens_bare(text, j, lo)


def field_end(text: str, start: int, hi: int | None = None) -> int:
    """Where the field holding text[start] ends: at the next line break or field mark (its
    spaces left out), else at `hi` (the end of the text by default)."""
    hi = len(text) if hi is None else hi
    stop = text.find("\n", start, hi)
    stop = hi if stop < 0 else stop
    mark = _MARK.search(text, start, stop + 1 if stop < hi else hi)
    if mark is not None:
        stop = min(stop, mark.start())
    while stop > start and text[stop - 1] in " \t":
        stop -= 1
    return stop


def short_field(text: str, start: int, hi: int | None = None) -> bool:
    """The field opening at text[start] is short: a cell's place or day, not a narrative."""
    return field_end(text, start, hi) - start <= FIELD_CHARS


_TAIL = " \t.,:"  # what may follow a field's value before its end ('Date: 11 Apr 2016.')


def fills_field(text: str, start: int, end: int) -> bool:
    """text[start:end] (a date, say) is the whole value of a field: it opens one
    (`opens_field`) and nothing but a stop stands between it and the field's end."""
    if not opens_field(text, start):
        return False
    stop = field_end(text, end)
    return stop >= end and all(c in _TAIL for c in text[end:stop])


def last_mark(text: str, start: int, end: int) -> int:
    """Where the last field mark (its spaces included) in text[start:end] ends, or -1."""
    found = -1
    for m in _MARK.finditer(text, start, end):
        found = m.end()
    return found


def next_mark(text: str, start: int, hi: int | None = None) -> int:
    """Where the next field mark (its spaces included) at or after text[start] begins, or -1."""
    m = _MARK.search(text, start, len(text) if hi is None else hi)
    return m.start() if m else -1


def first_cells(text: str, count: int, hi: int) -> list[tuple[int, int]]:
    """The spans of the text's first `count` cells that a field mark ends within text[:hi]
    (a record's opening cells: 'Supply log ⦁ PHC Afis ⦁ 02 Jul 2019 ⦁ ...'), up to the first
    line break; [] when no field mark stands there (prose)."""
    hi = min(hi, len(text))
    line = text.find("\n", 0, hi)
    hi = hi if line < 0 else line
    out: list[tuple[int, int]] = []
    start = 0
    while len(out) < count and (mark := _MARK.search(text, start, hi)) is not None:
        out.append((start, _skip_back_spaces(text, mark.start(), start)))
        start = mark.end()
        while start < hi and text[start] in " \t":
            start += 1
    return out


#: a log's timed entry after a field mark: 'Daily blotter ▹ Diyala Police ▹ 14 April 2019 ▹ 05:50
#: Muqdadiya: mortar rounds fell ... ▹ 16:20 Khanaqin: police arrested ...', '... | 0630 hrs
#: Yaychi - gunmen fired ...': a clock time opening a field, a word after it (not another mark:
#: 'Dispatch log ⇒ 09/07/2019 ⇒ 16:40 ⇒ Unit 4' is one row's stamp cells)
_ENTRY_OPENING = rf"{MARK_RUN}[ \t]+(?:\d{{1,2}}:\d{{2}}|\d{{3,4}}[ \t]?hrs?)\b[ \t]+[^\W\d_]"
_TIMED_ENTRY = re.compile(rf"[ \t](?={_ENTRY_OPENING})")
_ENTRY_AT = re.compile(_ENTRY_OPENING)


def timed_entries(text: str, sentences: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The sentences with each cut before a field mark that opens a timed entry of a log
    (session 33): every entry tells its own happening at its own place, as a log's line
    does, and its place heads it ('▹ 05:50 Muqdadiya: ...', etl.places.routes). The mark
    opens the entry's sentence (as a bullet opens a list's item)."""
    if text.isascii() and "|" not in text and "//" not in text and "~" not in text:
        return sentences  # (most texts: no mark a log parts its entries with)
    out: list[tuple[int, int]] = []
    for start, end in sentences:
        for m in _TIMED_ENTRY.finditer(text, start, end):
            if m.start() > start:
                out.append((start, m.start()))
            start = m.end()
        out.append((start, end))
    return out


def opens_timed_entry(text: str, start: int) -> bool:
    """The sentence at text[start] is a log's timed entry (`timed_entries`): '▹ 05:50 ...'."""
    return _ENTRY_AT.match(text, start) is not None


def one_row(text: str, sentences: list[tuple[int, int]]) -> bool:
    """The text is one sentence, or one line whose later sentences each open with a field
    mark (the splitter parts a row at its bullets: 'SITREP 1013 ▪ Afgoye town ▪ IED ▪ ...'):
    one entry of a record."""
    if len(sentences) == 1:
        return True
    if not sentences or "\n" in text[sentences[0][0] : sentences[-1][1]]:
        return False
    return all(is_mark_char(text[s]) for s, _ in sentences[1:])


#: a weekday written before a heading's day: '..., Sunday 13/12' (the weekday words and their
#: abbreviations of data/rules, as the date rules read them)
_WEEKDAY_LEAD = re.compile(rf"(?:{'|'.join(longest_first(WORDS.weekdays))})\.?\Z")


#: a date phrase that opens with a preposition is governed by the sentence ('..., on March 3.')
_GOVERNED = re.compile(r"(?i:on|in|at|since|from|by|until|till|during)\s")


def heads_record(text: str, start: int, stop: int, date_start: int, date_end: int) -> bool:
    """The sentence text[start:stop] is a short heading that a date ends, set off by a comma
    ('Daily log, 22 July 2019.', 'Bujumbura, 12 Dec 2015', 'communiqué #47, Sunday 13/12';
    not governed by a preposition, as in 'Clashes continued in Baghuz on Thursday.'), and
    more of the text follows: the record's day."""
    return (
        stop - start <= FIELD_CHARS
        and stop < len(text.rstrip())
        and start < date_start
        and date_end <= stop
        and _WEEKDAY_LEAD.sub("", text[start:date_start].rstrip()).rstrip().endswith(",")
        and not _GOVERNED.match(text, date_start, date_end)
        and all(c in _TAIL for c in text[date_end:stop])
    )
