"""A place written as an administrative path, the largest unit first: 'Idlib » Ariha »
Ariha', 'Idlib > Ariha', 'Nord-Kivu › Masisi › Sake', 'Idlib → Ariha', 'Idlib/Ariha/Ariha',
'Idlib \\ Ariha', and a table row's place cells, each a whole cell of a tab-separated or
quoted CSV row ('2017-10-21<tab>Homs<tab>al-Qaryatayn<tab>killing', '"2014-10-10","Salahuddin",
"Balad","Dhuluiyah","clash"'). Every name of the path stands in a place slot; the last one the
gazetteers know is the place and the ones before it only locate it (etl.places.placing).
The smallest-first forms ('Ariha (Idlib)', 'Ariha, Idlib:') are headings (etl.places.routes).
Pure."""

from __future__ import annotations

import re

from etl.places.evidence import ARTICLE_PREFIX

# a separator between two names: an arrow or guillemet, spaced or not; a slash or backslash
# with no space or a space on both sides ('Idlib/Ariha', 'Idlib / Ariha'), between capitals
_SEPARATOR = r"(?:\s*[»›>→]\s*|[/\\]|\s+[/\\]\s+)"
# a table row's cell boundary: a tab, or a quoted CSV row's '","'
# ... or a record's field mark of one character, spaced or not ('r0412^02/06/2019^Idlib^Ariha^',
# '20161102 ┃ Ninewa ┃ Hamdaniya ┃', 'ALERT ⁄ 04/12/2017 ⁄ Salahuddin ⁄ ...')
_MARKS = "\t^\u2503\u2044"  # tab, caret, box-drawing bar, fraction slash
_MARK = f"[{_MARKS}]"
_CELL = rf'(?:[ ]*{_MARK}[ \t]*|"[ ]*,[ ]*")'
_GAP = re.compile(rf"{_SEPARATOR}|{_CELL}")
_CELL_BEFORE = re.compile(rf'(?:{_MARK}|",")[ ]*\Z')
_CELL_AFTER = re.compile(rf'[ ]*(?:{_MARK}|",|"?\s*\Z|"\n)')
_AFTER = re.compile(_SEPARATOR + rf"(?=[A-Z\u00c0-\u00de]|{ARTICLE_PREFIX}[A-Z])")
_BEFORE = re.compile(r"[\w'’)]" + _SEPARATOR + r"\Z")
_SEPARATOR_CHARS = frozenset('»›>→/\\"' + _MARKS)
LOOK = 4  # characters around a name a separator may take


def _near_separator(text: str, start: int, end: int) -> bool:
    """Cheap test first: a separator character just before or after the name."""
    around = text[max(0, start - LOOK) : start] + text[end : end + LOOK]
    return not _SEPARATOR_CHARS.isdisjoint(around)


def in_path(text: str, start: int, end: int) -> bool:
    """text[start:end] is a name of an administrative path: a separator joins it to a name
    before or after it; or it is a whole cell of a table row."""
    if not _near_separator(text, start, end):
        return False
    if (
        _CELL_BEFORE.search(text, max(0, start - LOOK), start) is not None
        and _CELL_AFTER.match(text, end) is not None
    ):
        return True  # '<tab>al-Qaryatayn<tab>', '","Balad","'
    if start and text[start - 1] in '"' + _MARKS:  # (a cell's first words, not the whole cell)
        return False
    if _AFTER.match(text, end):
        return True
    return _BEFORE.search(text, max(0, start - LOOK - 1), start) is not None


def joins(text: str, first_end: int, start: int) -> bool:
    """The words between two names are one path separator: the second is inside the first."""
    return _GAP.fullmatch(text, first_end, start) is not None
