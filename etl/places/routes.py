"""Roads and stretches between two places, a note headed by its place, and names a field log
runs into a preposition (etl.places.placing): 'the road between X and Y' and 'the X-Y road'
are placed at X, coarsely (when X is unknown, near Y); 'Ariha: shelling ...' heads a note with
its place; 'IED at Ariha' is Ariha, not a name 'IED at Ariha'. Pure."""

from __future__ import annotations

import re

from etl.places.roles import Region

ROUTE_KM = 15.0  # how far a road placed at one of its ends reaches
_JOIN = re.compile(r"\s+(?:and|to)\s+", re.I)  # the two ends of a road
# 'the Manbij-Jarabulus road': two names joined by a hyphen, then a road word
_PAIR = re.compile(
    r"((?:(?:a[lnrsdtz]|e[lnrsdtz])-)?[A-Z][\w'’]+)-(?:(?:a[lnrsdtz]|e[lnrsdtz])-)?[A-Z][\w'’]+"
)
_ROAD_AFTER = re.compile(r"\s+(?:road|rd|highway|motorway|route)\b", re.I)
# an acronym before 'at' and a name: 'IED at Ariha' ('Ras at Tin' keeps its particle)
_ACRONYM_AT = re.compile(r"[A-Z]{2,7}s?\s+(?=at\s+[A-Z])[a-z]+\s+")


def name_span(text: str, start: int, end: int) -> tuple[int, int, bool]:
    """The span of a capitalised run to look up, and whether it names a road from there:
    'IED at Ariha' -> 'Ariha'; 'Manbij-Jarabulus' before 'road' -> 'Manbij', a road."""
    if lead := _ACRONYM_AT.match(text, start, end):
        start = lead.end()
    if _ROAD_AFTER.match(text, end) and (pair := _PAIR.fullmatch(text, start, end)):
        return start, pair.end(1), True
    return start, end, False


def joins_ends(text: str, first_end: int, start: int) -> bool:
    """The words between two names join the ends of one road: 'between X and Y'."""
    return _JOIN.fullmatch(text, first_end, start) is not None


def road_from(name: str) -> Region:
    return Region(f"road from {name}", 3, ROUTE_KM)


def road_to(name: str) -> Region:
    return Region(f"road to {name}", 2, ROUTE_KM)


# a note that opens with its place: 'Ariha: shelling ...', 'Thu: Ariha - IED ...',
# 'Ariha (Idlib), Thu: ...', '[09.05.2019] Ariha: ...', 'Mon 02:30 -- Ariha: ...',
# '(2) Ariha, southern countryside of Idlib: ...'; before the name, nothing but the line's
# stamps: a bracketed one, a list number, a weekday/date/time ended by ':' or a dash
_STAMP_WORD = r"(?-i:[A-Z][a-z]{1,8})\.?"
_STAMP_DAY = r"\d{1,2}[./]\d{1,2}(?:[./]\d{2,4})?"
_STAMP_TIME = r"\d{1,2}:?\d{2}(?:\s*(?:GMT|UTC|BST|CET|EET|AST|local))?"
_STAMP = (
    rf"(?:{_STAMP_WORD}(?:\s*[-\u2013/]\s*{_STAMP_WORD})?"
    r"(?:\s+(?:morning|afternoon|evening|night|overnight))?"
    rf"(?:\s+{_STAMP_DAY})?(?:,?\s+{_STAMP_TIME})?"
    rf"|{_STAMP_DAY}(?:,?\s+{_STAMP_TIME})?|{_STAMP_TIME})"
    r"\s*(?::|--|[-\u2013\u2014])\s*"
)
_HEADING_BEFORE = re.compile(
    r"(?:^|[.!?]\s+|\n)\s*(?:\[[^\[\]\n]{1,30}\]\s*)?(?:\(\d{1,2}\)\s*|\d{1,2}[.)]\s+)?"
    rf"(?:{_STAMP})?(?-i:(?:[NSEW]|NE|NW|SE|SW)\s+)?\Z"
)  # ... and a compass abbreviation: 'Wed 05:30 -- E Sweida countryside:'

# after the name: its region in brackets or after a comma, a road word, then ':' or a dash
_HEADING_AFTER = re.compile(
    r"(?:-(?:(?:a[lnrsdtz]|e[lnrsdtz])-)?[A-Z][\w'’]+(?=\s+(?:rd|road|highway)\b))?"
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


# a table row whose first cell is a stamp (a date, a time, a date-time group: anything with a
# digit) and whose next cell holds the place, maybe as a hashtag: '141030ZJUN17 | RAQQA (Old
# City) | ...', '2019-04-11 | Gharyan | ...', '■ 10:12 | #Bakhmut | ...'
_CELL_BEFORE = re.compile(
    r"(?:^|[.!?]\s+|\n)\s*(?:[■•▪●*\u2013-]\s*)?[^|\n]{0,30}\d[^|\n]{0,30}\|\s*#?\Z"
)
# the rest of that cell: the place's detail ('(Old City)', ' - Ain Zara', ', east of Tripoli',
# ' #Chinshwehaw'), then the cell's end
_CELL_AFTER = re.compile(r"[^|\n]{0,60}?\s*\|")
TABLE_LOOK_BEHIND = 45  # characters before a name its row's stamp cell may fill


def table_cell_end(text: str, start: int, end: int) -> int:
    """Where the table cell a name opens ends (after its '|'), when that cell follows the
    row's stamp cell ('2019-04-11 | Gharyan (Jabal Nafusa) | ...'); -1 otherwise. The
    words after the name in its cell only locate the place, as a heading's do."""
    behind = max(0, start - TABLE_LOOK_BEHIND)
    if text.find("|", behind, start) < 0:  # cheap: most names stand in no table
        return -1
    if _CELL_BEFORE.search(text, behind, start) is None:
        return -1
    after = _CELL_AFTER.match(text, end)
    return after.end() if after else -1


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
    if _HEADING_BEFORE.search(text, max(0, start - HEADING_LOOK_BEHIND), start) is None:
        return -1
    return after.end()
