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
_ROAD_AFTER = re.compile(r"\s+(?:road|highway|motorway|route)\b", re.I)
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
# 'Ariha (Idlib), Thu: ...'; before the name, nothing but the line's stamp
_HEADING_BEFORE = re.compile(
    r"(?:^|[.!?]\s+|\n)\s*(?:(?-i:[A-Z][a-z]{1,8})\.?(?:\s*[-\u2013/]\s*[A-Z][a-z]{1,8}\.?)?"
    r"(?:\s+(?:morning|afternoon|evening|night))?(?:\s+\d{1,2}[./]\d{1,2}(?:[./]\d{2,4})?)?"
    r"(?:,?\s+\d{1,2}:?\d{2})?\s*:\s*|\d{1,2}[./]\d{1,2}(?:[./]\d{2,4})?\s*:\s*)?\Z"
)
_HEADING_AFTER = re.compile(
    r"\s*(?:\([^()]{1,40}\))?\s*(?::(?!\d)|[-\u2013\u2014]\s|,\s*(?-i:[A-Z][a-z]{1,8})\.?\s*:)"
)


_CALENDAR = re.compile(
    r"(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun|Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|Update)"
    r"[a-z]*\.?\Z"
)  # a weekday or month stamp ('Wed:', 'Updated Tues:') heads the line but is no place


def note_heading(text: str, start: int, end: int) -> bool:
    """A name that heads a note's line ('Ariha: ...', 'Thu: Ariha - ...') is in a place slot."""
    if not _HEADING_AFTER.match(text, end) or _CALENDAR.match(text, start, end):
        return False
    return _HEADING_BEFORE.search(text, max(0, start - 40), start) is not None
