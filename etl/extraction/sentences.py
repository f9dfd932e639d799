"""Finding the sentence around a span of article text.

A light rule splitter: a sentence ends at . ! or ? (optionally followed by a closing quote)
before whitespace, or at a line break. Good enough to show a reader the context of a quote;
the extractor brings its own tokenizer.
"""

from __future__ import annotations

import re

from etl.extraction.record_shape import MARK_RUN, is_mark_char

_END = re.compile(r"[.!?][\"'”’)\]]*(?=\s)|\n")
_ABBREVIATIONS = (
    "U.S.",
    "U.N.",
    "Feb.",
    "Jan.",
    "Aug.",
    "Sept.",
    "Oct.",
    "Nov.",
    "Dec.",
    "Gen.",
    "Mr.",
    "Mrs.",
    "Dr.",
    "St.",
    "No.",
    # military and civil titles before a name ('Lt. Col. Ahmed said')
    "Lt.",
    "Col.",
    "Maj.",
    "Capt.",
    "Sgt.",
    "Cpl.",
    "Brig.",
    "Adm.",
    "Gov.",
    "Sen.",
    "Rep.",
    "Prof.",
    "Ms.",
    "Mt.",
    "Ft.",
    "Mar.",
    "Apr.",
    "Jun.",
    "Jul.",
    "Sep.",
    "approx.",
    "est.",  # a field log's estimate: 'IS losses est. 12'
    "ca.",
    "incl.",  # 'Victims: 39 (incl. 8 children)': a register's breakdown
    "excl.",
    "vs.",
    "nr.",  # 'nr. Mastung'
    "U.K.",
    "E.U.",
)
#: 'at 6 p.m. Monday': a clock time before a day or zone does not end the sentence.
_CLOCK = re.compile(
    r"[ap]\.m\.\s+(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b|"
    r"[ap]\.m\.\s+(?:GMT|UTC|local)\b|[ap]\.m\.\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)"
)


_LONGEST = max(map(len, _ABBREVIATIONS))
#: A word ending in one of them (one regular expression: an `any(endswith)` over the list
#: was the splitter's main cost), as a whole word: not the end of a longer one ('est.' in
#: 'west.', 'arrest.', 'protest.'; 'ca.' in 'Africa.', 'Mecca.'); a mark before it is fine
#: ('“Gen.', 'ex-U.S.').
_ENDS_IN_ABBREVIATION = re.compile(
    r"(?<![^\W\d_])(?:"
    + "|".join(re.escape(a) for a in sorted(_ABBREVIATIONS, key=len, reverse=True))
    + r")\Z"
)


def _is_abbreviation(text: str, end: int) -> bool:
    """True when the word ending at `end` (its full stop included) is a known abbreviation."""
    word_start = max(text.rfind(" ", 0, end), text.rfind("\n", 0, end), text.rfind("(", 0, end)) + 1
    if end - word_start > _LONGEST + 1:
        return False
    word = text[word_start:end]
    if len(word) == 2 and word[0].isupper() and _initials(text, word_start, end):
        return True
    if word in _COMPASS:  # 'N. Sinai', 'Kafr Batna, E. Ghouta': a compass point before a name
        return _compass(text, word_start, end)
    return word[-1:] == "." and _ENDS_IN_ABBREVIATION.search(word) is not None


#: one initial of a run of them: 'A. B. Smith', 'by J. R. Hadi' (a single initial after a
#: name, 'Plan B. Then ...', is left to end the sentence)
_NEXT_INITIAL = re.compile(r"\s[A-Z]\.\s")


def _initials(text: str, word_start: int, end: int) -> bool:
    """'A.' is an initial when another follows it ('A. B.') or it follows one and a name
    follows it ('B. Smith' after 'A. ')."""
    if _NEXT_INITIAL.match(text, end):
        return True
    before = text[max(0, word_start - 4) : word_start]
    return (
        len(before) >= 3
        and before[-3].isupper()
        and before[-2] == "."
        and before[-1].isspace()
        and (len(before) == 3 or before[0].isspace() or before[0] == "(")
        and text[end : end + 1].isspace()
        and text[end + 1 : end + 2].isupper()
    )


_COMPASS = frozenset({"N.", "S.", "E.", "W.", "NE.", "NW.", "SE.", "SW."})


def _compass(text: str, word_start: int, end: int) -> bool:
    """'N.' or 'E.' abbreviates a compass point when a name follows and it opens the text,
    follows a mark (', E. Ghouta', '(N. Sinai') or a word in lower case ('in N. Sinai'); after
    a capitalised word ('Plan E. Then ...') it ends the sentence."""
    if not (text[end : end + 1].isspace() and text[end + 1 : end + 2].isupper()):
        return False
    before = text[:word_start].rstrip()
    if not before or before[-1] in ",(·/—-:;":
        return True
    last = before.rsplit(None, 1)[-1]
    return last.isalpha() and last.islower()


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The [start, end) of the sentence(s) that contain text[start:end]."""
    start, end = max(0, start), min(len(text), end)
    left = 0
    for match in _END.finditer(text, 0, start):
        if match.group() == "\n" or not _is_abbreviation(text, match.start() + 1):
            left = match.end()
    right = len(text)
    for match in _END.finditer(text, max(end - 1, start)):
        if match.group() == "\n" or not _is_abbreviation(text, match.start() + 1):
            right = match.end() if match.group() != "\n" else match.start()
            break
    while left < start and text[left].isspace():
        left += 1
    return left, max(right, end)


def sentence_around(text: str, start: int, end: int) -> str:
    """The sentence that holds a span, stripped of surrounding space."""
    left, right = sentence_bounds(text, start, end)
    return text[left:right].strip()


#: a bulleted item opens a log's next entry, full stop or not ('... no injuries. ■ 18:05 | ...',
#: '... no injuries ■ 18:05 | ...')
_BULLETS = "\u25a0\u25aa\u2022\u25cf\u25c6\u25ba"  # ■ ▪ • ● ◆ ►
#: a live blog's or bulletin's marker after a full stop opens the next item like a capital
#: does ('... said. ↳ Update: ...', '... said. ▸ Earlier ...'): arrows, geometric shapes,
#: dingbats and other pictographic symbols, emoji too (a channel's '... today. 🔴 [22:41] ...');
#: and the marks a timeline, digest or bulletin puts between its dated items, which are
#: letters of no word: punctuation's daggers, asterisms and dot columns, mathematical and
#: technical symbols, the section and paragraph signs ('... agreement. ⟐ 8–9 May 2019 — ...',
#: '... 13 civilians died. ⁂ Wed 13 Feb: ...', '... was killed. ⋮ KIRKUK: ...', '§ 112.')
_MARKS = (
    "\u00a7\u00b6\u2020-\u2023\u203b\u2041-\u2043\u204b-\u205e"
    "\u2190-\u23ff\u25a0-\u25ff\u2600-\u2bff\U0001f300-\U0001faff"
)
#: the ordinary marks of a list's items, which prose also writes inside a sentence (a
#: parenthetical dash, a footnote's star): after a full stop they open an item only before a
#: space and a capital or a number ('... four civilians. – 14 March 2019 — A car bomb ...',
#: '... in Azaz. * 20 March: ...')
_PLAIN_MARKS = r"[-\u2010-\u2015*](?=[ \t]+[\"“‘'(\[]?[A-Z0-9])"
_SPLIT = re.compile(
    rf"[.!?][\"'”’)\]]*\s+(?=[\"“‘'(\[]?[A-Z0-9]|[{_BULLETS}{_MARKS}]|{_PLAIN_MARKS})|\n\s*"
    rf"|[;,]?\s+(?=[{_BULLETS}]\s)"
)
#: the same where the text holds no bullet (most texts): the last alternative, which can
#: start at any space, cannot match there, and without it the engine skips to the characters
#: that open the other two
_SPLIT_NO_BULLETS = re.compile(_SPLIT.pattern.rpartition("|")[0])
_ANY_BULLET = re.compile(f"[{_BULLETS}]")


def split_sentences(text: str) -> list[tuple[int, int]]:
    """[start, end) of every sentence: ends at . ! ? before a capital, and at line breaks.

    A rule splitter rather than spaCy's sentencizer: spaCy's blank English pipeline took
    about 4 ms per seed article here, most of the extractor's budget (scripts/bench_extract.py).
    """
    spans: list[tuple[int, int]] = []
    start = 0
    split = _SPLIT if not text.isascii() and _ANY_BULLET.search(text) else _SPLIT_NO_BULLETS
    for match in split.finditer(text):
        group = match.group()
        if group[0].isspace() or group[0] in ";,":  # a line break, or before a bullet
            stop = match.start()
        elif _is_abbreviation(text, match.start() + 1) or (
            # every _CLOCK match opens with 'a.m.' or 'p.m.' (a negative position reads from 0)
            text.startswith(".m.", max(match.start() - 3, 0) + 1)
            and _CLOCK.match(text, match.start() - 3)
        ):
            continue
        else:  # keep the full stop and any closing quote
            stop = match.start() + len(group.rstrip())
        _add(spans, text, start, stop)
        start = match.end()
    _add(spans, text, start, len(text))
    return _item_breaks(text, spans)


#: a field mark right after a sentence's end: the text parts its items with it ('... fled
#: towards the desert. ⁂ Tue 4 Jun: ...', '... wounds five. ⟐ 19 May 2019 — ...')
_ITEM_MARK = re.compile(rf"[.!?][\"'”’)\]]*[ \t]+({MARK_RUN})[ \t]")
#: a text with none of these holds no item mark (most texts: one search, no more)
_MAY_MARK = re.compile(r"[.!?][\"'”’)\]]*[ \t]+[^\w\s\"“‘'(\[]")


def _item_breaks(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """`spans` parted at every field mark of a kind the text also sets after a sentence's
    end: a digest's, timeline's or bulletin's item break, whatever its glyph ('WEEK 23 (3–9
    June 2019) ⁂ Mon 3 Jun: ... ⁂ Tue 4 Jun: ...', 'TIMELINE: ... MARCH–MAY 2019 ⟐ 7 March
    2019 — ...'), parts a heading from the first item too, where no full stop ends it. A
    record's field marks, which follow no sentence's end ('12/03/19 ⇒ Call: ... ⇒ Outcome:
    2 dead'), part nothing. The item opens with its mark, as after a full stop."""
    if _MAY_MARK.search(text) is None:
        return spans
    marks = {m.group(1) for m in _ITEM_MARK.finditer(text)}
    marks = {m for m in marks if _parts_items(text, m)}
    if not marks:
        return spans
    breaks = _breaks(marks)
    out: list[tuple[int, int]] = []
    for start, end in spans:
        for m in breaks.finditer(text, start, end):
            if m.start() > start:
                _add(out, text, start, m.start())
                start = m.start() + 1
        _add(out, text, start, end)
    return out


#: a heading's letters are capitals (a share of them: 'WEEK 23 (3–9 June 2019)' has a month)
HEADING_CAPITALS = 0.8


def list_heading(text: str, spans: list[tuple[int, int]]) -> bool:
    """The text's first sentence is the heading of a list of items: written in capitals,
    with no sentence end, and the next sentence opens with a field mark ('TIMELINE: ISLAMIC
    STATE ATTACKS IN THE KIRKUK–SALAHUDDIN–DIYALA TRIANGLE, MARCH–MAY 2019 ⟐ 7 March 2019 —
    ...'). It names the list's subject ('ATTACKS', 'THE BATTLE FOR NORTHERN HAMA'); its items
    tell the events: two or more, one longer than a cell (ITEM_CHARS)."""
    if len(spans) < 2:
        return False
    start, end = spans[0]
    if text[end - 1] in ".!?" or is_mark_char(text[end - 1]) or not is_mark_char(text[spans[1][0]]):
        return False
    # its items tell something: two or more, one longer than a cell; a flash's headline over
    # its fields ('BREAKING: AIRSTRIKE KILLS FOUR IN HAJIN\n• Source: activists\n• Time: 14:05')
    # is the event itself (session 33, hR23)
    items = [e - s for s, e in spans[1:] if is_mark_char(text[s])]
    if len(items) < 2 or max(items) <= ITEM_CHARS:
        return False
    letters = [c for c in text[start:end] if c.isalpha()]
    return bool(letters) and sum(c.isupper() for c in letters) >= HEADING_CAPITALS * len(letters)


def _breaks(marks: set[str]) -> re.Pattern[str]:
    alternatives = "|".join(re.escape(m) for m in sorted(marks, key=len, reverse=True))
    return re.compile(f"[ \\t](?:{alternatives})[ \\t]")


#: an item is longer than a record's cell (a day, a place, a reference: 'REF OL-0205-07')
ITEM_CHARS = 60


def _parts_items(text: str, mark: str) -> bool:
    """The mark stands before two or more pieces of text longer than a cell: items of a
    digest or timeline, not the cells of one record's row ('OPS LOG | 0640L 05FEB20 | AFIS
    | ARTY IMPACTS ... 3X WIA. | REF OL-0205-07', whose one long cell is its narrative)."""
    cuts = [m.start() for m in _breaks({mark}).finditer(text)]
    ends = [*cuts[1:], len(text)]
    return sum(end - cut > ITEM_CHARS for cut, end in zip(cuts, ends)) >= 2


def _add(spans: list[tuple[int, int]], text: str, start: int, stop: int) -> None:
    while start < stop and text[start].isspace():
        start += 1
    while stop > start and text[stop - 1].isspace():
        stop -= 1
    if stop > start:
        spans.append((start, stop))


#: the longest span read as one sentence. A text with no sentence end (a pasted table, a
#: transcript with no full stops) would otherwise be one sentence of up to MAX_CHARS, and some
#: rules grow faster than a sentence's length (session 32's review: repeated 'N days after'
#: phrases took 41 s at 20 KB, over 600 s at 50 KB); the longest sentence of the seeds and of
#: every development set is 2,708 characters
MAX_SENTENCE = 3_000
#: where a long span is best cut: after a clause's mark, else at a space
_CLAUSE_END = re.compile(r"[;,:]\s")


def capped(
    text: str, spans: list[tuple[int, int]], limit: int = MAX_SENTENCE
) -> list[tuple[int, int]]:
    """`spans` with each one longer than `limit` cut into pieces of at most `limit`
    characters: after the last clause mark (; , :) in a piece's second half, else at its last
    space, else at `limit` itself. Spans within the limit are returned as they are."""
    if all(end - start <= limit for start, end in spans):
        return spans
    out: list[tuple[int, int]] = []
    for start, end in spans:
        while end - start > limit:
            stop = start + limit
            half = start + limit // 2
            marks = [m.end() for m in _CLAUSE_END.finditer(text, half, stop)]
            cut = marks[-1] if marks else text.rfind(" ", half, stop) + 1 or stop
            _add(out, text, start, cut)
            start = cut
        _add(out, text, start, end)
    return out
