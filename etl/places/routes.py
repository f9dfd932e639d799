"""Roads and stretches between two places, a note headed by its place, and names a field log
runs into a preposition (etl.places.placing): 'the road between X and Y' and 'the X-Y road'
are placed at X, coarsely (when X is unknown, near Y); 'Ariha: shelling ...' heads a note with
its place; 'IED at Ariha' is Ariha, not a name 'IED at Ariha'. Pure."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace

from etl.extraction.record_shape import MARK_CHAR, MARK_RUN
from etl.places.evidence import ARTICLE_PREFIX, PLACE_WORDS
from etl.places.geonames import haversine_km
from etl.places.roles import Region
from etl.places.settle import PlaceHit

ROUTE_KM = 15.0  # how far a road placed at one of its ends reaches
_JOIN = re.compile(r"\s+(?:and|to)\s+", re.I)  # the two ends of a road
# 'the Manbij-Jarabulus road': two names joined by a hyphen, then a road word
_PAIR = re.compile(rf"((?:{ARTICLE_PREFIX})?[A-Z][\w'’]+)-(?:{ARTICLE_PREFIX})?[A-Z][\w'’]+")
_ROAD_AFTER = re.compile(r"\s+(?:" + "|".join(PLACE_WORDS["road_word"]) + r")\b", re.I)
# ... or by an en or em dash, which ends the run of capitals: 'the Jammu–Srinagar highway'
_DASH_END = re.compile(rf"[\u2013\u2014](?:{ARTICLE_PREFIX})?[A-Z][\w'’]+")
# ... or before it, as translated Arabic orders them: 'on the road Atmeh-Dana' (session 30)
_ROAD_BEFORE = re.compile(r"\b(?:" + "|".join(PLACE_WORDS["road_word"]) + r")\s+\Z", re.I)
# an acronym before 'at' and a name: 'IED at Ariha' ('Ras at Tin' keeps its particle)
_ACRONYM_AT = re.compile(r"[A-Z]{2,7}s?\s+(?=at\s+[A-Z])[a-z]+\s+")


def name_span(text: str, start: int, end: int) -> tuple[int, int, bool]:
    """The span of a capitalised run to look up, and whether it names a road from there:
    'IED at Ariha' -> 'Ariha'; 'Manbij-Jarabulus' before 'road' -> 'Manbij', a road."""
    # 'at' stands in the run when the acronym pattern can match (a find costs far less)
    if text.find("at", start + 2, end) >= 0 and (lead := _ACRONYM_AT.match(text, start, end)):
        start = lead.end()
    # a pair holds its hyphen: a run without one names no road's two ends, whatever words
    # stand around it (most runs: two searches saved a name)
    if (
        text.find("-", start, end) >= 0
        and (_ROAD_AFTER.match(text, end) or _ROAD_BEFORE.search(text, max(0, start - 16), start))
        and (pair := _PAIR.fullmatch(text, start, end))
    ):
        return start, pair.end(1), True
    if (
        text[end : end + 1] in "\u2013\u2014"
        and end < len(text)
        and (other := _DASH_END.match(text, end))
        and _ROAD_AFTER.match(text, other.end())
    ):
        return start, end, True
    return start, end, False


def road_after(text: str, end: int) -> bool:
    """A road word follows the name: 'Tal Abyad / Suluk road'."""
    return _ROAD_AFTER.match(text, end) is not None


def joins_ends(text: str, first_end: int, start: int) -> bool:
    """The words between two names join the ends of one road: 'between X and Y'."""
    return _JOIN.fullmatch(text, first_end, start) is not None


def road_from(name: str) -> Region:
    return Region(f"road from {name}", 3, ROUTE_KM)


def road_to(name: str) -> Region:
    return Region(f"road to {name}", 2, ROUTE_KM)


#: C13 (session 29): the label place_regions.csv gives 'on the road to X' ('X' then)
ROAD_TO_TOLD = "on the road to "
#: a town the text is at farther than this from X is no start of the road to X
ROAD_START_KM = 60.0


def told_road_to(hit: PlaceHit) -> bool:
    """The hit is X of 'on the road to X' (its region row's label)."""
    return hit.region is not None and hit.region.startswith(ROAD_TO_TOLD)


def road_start(end: PlaceHit, starts: Iterable[PlaceHit | None]) -> PlaceHit | None:
    """C13: where 'the road to X' is told leaving from, `end` being X: the first of `starts`
    (the places the text is at, nearest first) that is a town or a place beside one, not X
    itself, and within ROAD_START_KM of X, as a region ('road from Khan Sheikhun to Maarat
    al-Numan', precision 2); None when no such place is told (the event then stays near X)."""
    name = end.text
    for start in starts:
        if start is None or start.geo_precision > 2 or start.place_id == end.place_id:
            continue
        km = haversine_km((start.latitude, start.longitude), (end.latitude, end.longitude))
        if km > ROAD_START_KM:
            continue
        return replace(
            start,
            geo_precision=2,
            radius_km=max(start.radius_km, ROUTE_KM),
            region=f"road from {start.text} to {name}",
        )
    return None


# a note that opens with its place: 'Ariha: shelling ...', 'Thu: Ariha - IED ...',
# 'Ariha (Idlib), Thu: ...', '[09.05.2019] Ariha: ...', 'Mon 02:30 -- Ariha: ...',
# '(2) Ariha, southern countryside of Idlib: ...', '20 July — Suruç: ...'; before the name,
# nothing but the line's stamps: a bracketed one, a list number, a weekday/date/time ended by
# ':' or a dash
_STAMP_WORD = r"(?-i:[A-Z][a-z]{1,8})\.?"
_STAMP_DAY = r"\d{1,2}[./]\d{1,2}(?:[./]\d{2,4})?"
_STAMP_TIME = r"\d{1,2}:?\d{2}(?:\s*(?:GMT|UTC|BST|CET|EET|AST|local))?"
# a chronology's entry: '20 July — Suruç: ...', 'March 3 - Ariha: ...', '3 Feb 2007 -- Baghdad:'
_STAMP_DATE = (
    r"\d{1,2}\s+(?-i:[A-Z][a-z]{2,8})\.?(?:\s+\d{4})?"
    r"|(?-i:[A-Z][a-z]{2,8})\.?\s+\d{1,2}(?:,?\s+\d{4})?"
)
_STAMP = (
    rf"(?:{_STAMP_DATE}|{_STAMP_WORD}(?:\s*[-\u2013/]\s*{_STAMP_WORD})?"
    r"(?:\s+(?:morning|afternoon|evening|night|overnight))?"
    rf"(?:\s+{_STAMP_DAY})?(?:,?\s+{_STAMP_TIME})?"
    rf"|{_STAMP_DAY}(?:,?\s+{_STAMP_TIME})?|{_STAMP_TIME})"
    r"\s*(?::|--|[-\u2013\u2014])\s*"
)
# a log's timed entry after a field mark, its clock time bare before the place: 'Daily blotter
# ▹ ... ▹ 05:50 Muqdadiya: mortar rounds ...', '| 0630 hrs Yaychi: ...' (session 33; the entry
# is a sentence of its own, etl.extraction.record_shape.timed_entries)
_TIMED = rf"(?<=\s){MARK_RUN}[ \t]+(?:\d{{1,2}}:\d{{2}}|\d{{3,4}}[ \t]?hrs?)[ \t]+"
_HEADING_BEFORE = re.compile(
    rf"(?:{_TIMED}\Z|"
    r"(?:^|[.!?]\s+|\):\s+|\n\s*(?:[\u2022\u25e6\u2023\u2043\u2219\u00b7\u25cf\u25cb\u25aa\u25a0\u25ba\u25b8*-]\s+)?|\n)"
    r"\s*(?:\[[^\[\]\n]{1,30}\]\s*)?(?:\(\d{1,2}\)\s*|\d{1,2}[.)]\s+)?"
    rf"(?:(?-i:[A-Z][A-Z0-9-]{{1,11}})\s+{_STAMP}|{_STAMP})?(?-i:(?:[NSEW]|NE|NW|SE|SW)\s+)?\Z)"
)  # ... and a compass abbreviation: 'Wed 05:30 -- E Sweida countryside:'; a post's stamp
# in brackets before a colon ('@monitor (3 Mar 2018, 08:15): Manbij: ...') opens its line as
# a full stop does; a bullet opening a list's line ('\n◦ Jarablus: shells ...', '\n• Kobani:')
# opens it as the line's start does; a record's code in capitals before the stamp ('IFSD
# 02/02/2019 — Kirkuk, Hawija district: ...') is the line's too

# after the name: its region in brackets or after a comma, a road word, then ':' or a dash
_HEADING_AFTER = re.compile(
    rf"(?:-(?:{ARTICLE_PREFIX})?[A-Z][\w'’]+(?=\s+(?:rd|road|highway)\b))?"
    r"(?:\s+(?:rd|road|highway)\.?"
    r"|\s+(?:countryside|outskirts|suburbs|area|district|province|governorate))?"
    r"\s*(?:\([^()]{1,40}\))?\s*"
    r"(?::(?!\d)|[-\u2013\u2014]{1,2}\s|,\s*(?-i:[A-Z][a-z]{1,8})\.?\s*:|,[^:\n.;()]{1,40}:(?!\d))"
)
HEADING_LOOK_BEHIND = 50  # characters before a name its line's stamps may fill


_CALENDAR = re.compile(
    r"(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun|Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|Update)"
    r"[a-z]*\.?\Z"
)  # a weekday or month stamp ('Wed:', 'Updated Tues:') heads the line but is no place


# a table row whose first cells are stamps (a date, a time, a date-time group, a report's
# number: anything with a digit) and whose next cell holds the place, maybe as a hashtag:
# '141030ZJUN17 | RAQQA (Old City) | ...', '2019-04-11 | Gharyan | ...', '■ 10:12 | #Bakhmut
# | ...', 'SIR 041/23 | 22 Apr 2023 | KHARTOUM (Kafouri) | ...'; a tracker's row may use spaced
# dashes for bars: '#T-0412 — 3 Jun 17 — MARAWI CITY (Banggolo) — ...'
_BAR = rf"(?:\||(?<=\s)(?:[\u2013\u2014]|--|{MARK_RUN})(?=\s))"  # or a mark of any shape
_STAMP_CELL = r"[^|\n\u2013\u2014]{0,40}?\d[^|\n\u2013\u2014]{0,40}?"
# a place cell's words before its name: lower-case words, a distance, a compass letter
# ('road 30 km S of MUEDA', '3KM E ABU QALQAL', 'E OF ZABID')
_LEAD_WORD = r"(?-i:[a-z]+|\d+(?:[.,]\d+)?(?:\s?(?:km|KM))?|km|KM|[NSEW]{1,2}|OF)"
# the log's own name in capitals opening the row: 'OPS LOG | 0640L 05FEB20 | AFIS | ...'
_LOG_NAME = r"(?-i:[A-Z][A-Z]+(?:[ \t]+[A-Z][A-Z]+){0,3})[ \t]*"
_CELL_BEFORE = re.compile(
    rf"(?:^|[.!?]\s+|\n)\s*(?:[■•▪●*\u2013-]\s*)?(?:{_LOG_NAME}{_BAR}\s*)?(?:{_STAMP_CELL}{_BAR}\s*){{0,2}}"
    rf"{_STAMP_CELL}(?P<bar>{_BAR})\s*#?(?P<lead>(?:(?:{_LEAD_WORD})\s+){{0,5}})\Z"
)  # ... and before the name, a few lower-case words, a distance or a compass letter of the
# cell, for a place in capitals: 'rural JAMUNDÍ', 'road 30 km S of MUEDA', '3 km E of AYOROU'
# the rest of that cell: the place's detail ('(Old City)', ' - Ain Zara', ', east of Tripoli',
# ' #Chinshwehaw'), then the cell's end (the bar its row uses)
_CELL_AFTER = {
    "|": re.compile(r"[^|\n]{0,60}?\s*\|"),
    "dash": re.compile(r"[^|\n\u2013\u2014]{0,60}?\s(?:[\u2013\u2014]|--)\s"),
    "mark": re.compile(rf"[^\n]{{0,60}}?\s{MARK_RUN}\s"),  # ' ‖ ', ' ▪ ' (record_shape)
}
_ANY_MARK = re.compile(MARK_CHAR)
TABLE_LOOK_BEHIND = 90  # characters before a name its row's stamp cells may fill


def table_cell_end(text: str, start: int, end: int) -> int:
    """Where the table cell a name opens ends (after its bar), when that cell follows the
    row's stamp cells ('2019-04-11 | Gharyan (Jabal Nafusa) | ...'); -1 otherwise. The
    words after the name in its cell only locate the place, as a heading's do."""
    window = text[max(0, start - CELL_LEAD) : start]
    if (  # cheapest: no bar at all before the name (plain tests: a generator costs more)
        "|" not in window
        and "\u2014" not in window
        and "\u2013" not in window
        and "--" not in window
        # a mark of any shape (record_shape); of the ASCII ones only "~" and "//" mark cells
        # ('16MAR19 // HAJIN SECTOR // IED ...': a field log's sector cell)
        and (
            "~" not in window and "//" not in window
            if window.isascii()
            else _ANY_MARK.search(window) is None
        )
    ):
        return -1
    lead = _BAR_LEAD.search(text, max(0, start - CELL_LEAD), start)
    if lead is None or (lead.end(1) < start and not _capitals(text[start:end])):
        return -1  # cheap: most names stand in no table, nor just after a bar
    found = _CELL_BEFORE.search(text, max(0, start - TABLE_LOOK_BEHIND), start)
    if found is None:
        return -1
    if _LABEL_AFTER.match(text, end):
        return -1  # '| Date: 23 Sep 2019 |': a field's label, no place
    bar = found["bar"]
    kind = "|" if bar == "|" else "dash" if bar in ("\u2013", "\u2014", "--") else "mark"
    after = _CELL_AFTER[kind].match(text, end)
    return after.end() if after else -1


_LABEL_AFTER = re.compile(r"[ \t]*:")


# the bar right before a name, and the cell's lead words between them
_BAR_LEAD = re.compile(
    rf"(?:\||(?<=\s)[\u2013\u2014]|(?<=\s)--|(?<=\s){MARK_RUN})(\s*#?)"
    rf"(?:(?:{_LEAD_WORD})\s+){{0,5}}\Z"
)
CELL_LEAD = 32  # characters a place cell may hold before its name ('road 30 km S of ')


def _capitals(name: str) -> bool:
    """The name is written in capitals (accented ones too: 'JAMUNDÍ')."""
    return name.isupper()


# a bulletin's item label in capitals after its item mark, the mark after a sentence's or a
# heading's end: '... an officer. ⋮ BASRA: ...', '... (3–9 January 2019) ⋮ KIRKUK: ...' (a
# press digest's '. • Hürriyet (Istanbul): ...' names an outlet in title case, no place); a
# list's plain mark too, a hyphen, a dash or an asterisk ('... an officer. – BASRA: ...')
_ITEM_MARK_BEFORE = re.compile(rf"[.!?)]\s+(?:{MARK_RUN}|[-\u2010-\u2015*])\s+\Z")
_LABEL_COLON = re.compile(r"\s*:\s")


def item_label(text: str, start: int, end: int) -> bool:
    """text[start:end] is an item's label in capitals right after the item's mark, before a
    colon ('⋮ BASRA: A rocket fell ...'): a place's name, however short ('HAMA', 'BASRA' are
    no acronyms there)."""
    return (
        text[start:end].isupper()
        and _LABEL_COLON.match(text, end) is not None
        and _ITEM_MARK_BEFORE.search(text, max(0, start - 12), start) is not None
    )


def note_heading(text: str, start: int, end: int) -> bool:
    """A name that heads a note's line ('Ariha: ...', 'Thu: Ariha - ...') is in a place slot."""
    return heading_end(text, start, end) >= 0


def heading_end(text: str, start: int, end: int) -> int:
    """Where the heading a name opens ends ('Ariha (Idlib):' of 'Ariha (Idlib): shelling'),
    after its colon or dash; -1 when the name heads no note. The words inside the heading
    after the name (its region: 'Idlib') only locate the place."""
    cell = table_cell_end(text, start, end)
    if cell >= 0:
        return cell
    after = _HEADING_AFTER.match(text, end)
    if after is None or _CALENDAR.match(text, start, end):
        return -1
    if _HEADING_BEFORE.search(
        text, max(0, start - HEADING_LOOK_BEHIND), start
    ) is None and not item_label(text, start, end):
        return -1
    return after.end()


# a record's heading on its first line: stamps, numbers and names, no prose, then the heading's
# end: 'Culiacán, Sin., 26 Jun. — ...', 'Alert 2018/10/01 - Bamenda (Mezam): ...', 'Week 22
# (25-31 May 2020), Macomia: ...', 'FIR 211/16, PS Saddar, Mastung, 16-09-2016\n...',
# 'PARTE 2023-0312 / Esmeraldas / 12-03-2023 / ...': its names are in a place slot
RECORD_CHARS = 400  # a record is a short text: a note, a log's entry
RECORD_HEAD_CHARS = 60  # a heading's name begins within this many characters of the text
_PROSE_WORD = re.compile(r"\b[a-z]{3,}\b")  # a lower-case word: prose, no heading
_NUMBER_BEFORE = re.compile(r"\d[ \t]*\Z")  # a number just before a word ('14 Mar')
_NUMBER_AFTER = re.compile(r"[ \t]*\d")  # ... or just after it ('Mar 2019')
_HEAD_AFTER = re.compile(
    r"[^\n:\u2013\u2014]{0,40}?(?::(?!\d)|\s[-\u2013\u2014]{1,2}\s|\s/\s|\n|\.(?= [A-Z]))"
)


def record_head(text: str, start: int, end: int) -> bool:
    """The name text[start:end] stands in the heading that opens a record's first line: only
    stamps, numbers and capitalised words before it and after it up to the heading's end (a
    colon, a spaced dash or slash, the line's end). Not in a longer text (a news article's
    dateline files it), nor an abbreviation ('Sin.' of 'Culiacán, Sin., 26 Jun. —'). A full
    stop before a new sentence ends a heading too ('CHT-SY-0109 — 9 January 2019 — al-Susah.
    An alleged ...')."""
    if len(text) > RECORD_CHARS or start > RECORD_HEAD_CHARS:
        return False
    if _PROSE_WORD.search(text, 0, start):
        return False
    if text[end : end + 1] == "." and not (
        text[end + 1 : end + 2] == " " and text[end + 2 : end + 3].isupper()
    ):  # 'Sin.' of 'Culiacán, Sin., 26 Jun. —'; a heading's own full stop ends it:
        return False  # 'CHT-SY-0109 — 9 January 2019 — al-Susah. An alleged strike ...'
    if _NUMBER_BEFORE.search(text, max(0, start - 3), start) or _NUMBER_AFTER.match(text, end):
        return False  # a month of the heading's stamp, between its numbers ('14 Mar 2019')
    if "\n" in text[:start]:
        return False
    after = _HEAD_AFTER.match(text, end)
    return after is not None and _PROSE_WORD.search(text, end, after.end()) is None


# a section of a bulletin headed by its place in capitals, the heading a sentence of its own:
# 'MANBIJ. The SDF took ...', 'HAJIN POCKET. Coalition jets ...', 'SOUTHERN IDLIB. ...'
_UPPER = "A-Z\u00c0-\u00d6\u00d8-\u00de"  # capitals, accented ones too ('CHIÚRE')
_SECTION_BEFORE = re.compile(rf"(?:^|[.!?:|]\s+|\n)\s*(?:[{_UPPER}][{_UPPER}-]+\s+){{0,2}}\Z")
_SECTION_AFTER = re.compile(rf"(?:\s+[{_UPPER}][{_UPPER}'’-]+){{0,2}}\.(?=\s|\Z)")
SECTION_LOOK_BEHIND = 30


def section_heading(text: str, start: int, end: int) -> bool:
    """A name in capitals that makes up its sentence alone ('MANBIJ.', 'HAJIN POCKET.'):
    the place of the section it heads."""
    if not text[start:end].isupper():
        return False
    if _SECTION_AFTER.match(text, end) is None:
        return False
    return _SECTION_BEFORE.search(text, max(0, start - SECTION_LOOK_BEHIND), start) is not None


_SECTION_SENTENCE = re.compile(rf"\s*[{_UPPER}][{_UPPER} .'’-]*[{_UPPER}]\.\s*\Z")


def is_section_heading(sentence: str) -> bool:
    """The sentence is a section's heading in capitals ('MANBIJ.', 'SOUTHERN IDLIB.')."""
    return _SECTION_SENTENCE.match(sentence) is not None


# a place an event heads for: 'an offensive towards Ma'rib', 'pushed on toward Raqqa', 'as
# they tried to reach Mosul', 'on their way to Kirkuk' (place_words.csv, goal_before)
_GOAL_BEFORE = re.compile(
    r"\b(?:" + "|".join(PLACE_WORDS["goal_before"]) + r")\s+"
    r"(?:the\s+(?:town|city|village)\s+of\s+)?(?:[a-z-]+\s+)?\Z",
    re.I,
)


def not_goals(text: str, places: list) -> list:
    """The places (objects with `start`) of an event that is no movement of people, those an
    advance only heads for left out when another is named ('an offensive towards Ma'rib
    city, with heavy fighting in Sirwah district': Sirwah); all of them otherwise."""
    if len(places) < 2:
        return places
    kept = [p for p in places if not _GOAL_BEFORE.search(text, max(0, p.start - 40), p.start)]
    return kept or places


# a channel post's opening tags: '[URGENT][Kafr Nabl] 2 civilians killed ...', '[Deir ez-Zor
# east] An IS car bomb targeted ... near al-Baghouz', '[Hama countryside] ...': a tag that
# holds a place (with at most a direction or region word beside it) names the post's area
_TAGS = re.compile(r"(?:\[[^\[\]\n]{1,40}\][ \t]*)+")
_TAG_WORDS = frozenset(
    "north south east west northern southern eastern western countryside plain city rural".split()
)


def tags_end(text: str) -> int:
    """Where a post's opening tags ('[URGENT][Kafr Nabl] ') end; -1 when it opens with none."""
    tags = _TAGS.match(text) if text[:1] == "[" else None
    return tags.end() if tags is not None else -1


def fills_tag(text: str, start: int, end: int, until: int) -> bool:
    """The name text[start:end] fills one of the opening tags (ending at `until`) alone, but
    for a direction or region word ('[South Idlib]', '[Deir ez-Zor east]'): a place slot.
    '[Sinjar Coordination - Idlib countryside]' is an office's name, no place tag; a label in
    capitals ('[URGENT]') or a stamp's word ('[Update]') is none either."""
    if end > until or text[start:end].isupper() or _CALENDAR.match(text, start, end):
        return False
    open_at, close_at = text.rfind("[", 0, start), text.find("]", end, until)
    if open_at < 0 or close_at < 0 or text.find("]", open_at, start) >= 0:
        return False
    rest = (text[open_at + 1 : start] + " " + text[end:close_at]).lower().split()
    return all(word in _TAG_WORDS for word in rest)
