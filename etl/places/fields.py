"""A note's labelled place fields: 'Gov: Homs | Community: Kafr Laha (al-Houla) | Incident:
...', 'Date of death: 11/06/2018 | Place: Nawa, western countryside of Daraa | Cause: ...',
'Location of incident: Zurmi; ...'. Monitoring groups' registers, cluster tables and incident
logs write the place of a record in such a field rather than after 'in'.

A field opens the text, or follows a field mark ('|', ';', a line break, a sentence's end);
its label (`data/rules/place_fields.csv`) is followed by ':' and its value runs to the next
field mark. The names in a field's value stand in a place slot (etl.places.placing). Of the
fields a sentence fills, the finest (lowest rank: a locality before a district before a
province) holds the record's place, and the coarser ones only locate it. Pure.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from etl.extraction.record_shape import FIELD_CHARS, MARK_RUN, field_end, first_cells, opens_field
from etl.extraction.rules import read_rules
from etl.places.evidence import ARTICLE_PREFIX, PLACE_WORDS
from etl.problems import InputError, Problem

FIELD_KM = 10.0  # a place the record's text names farther than this from its field's place
# (a destination, the city a strike was 'south of') is not where the record happened
VALUE_CHARS = 100  # at most this much of a field's value is read


@dataclass(frozen=True)
class PlaceField:
    start: int  # the value's span in the text
    end: int
    rank: int  # 1 a locality, 2 a district, 3 a province or state


@lru_cache(maxsize=1)
def _table() -> tuple[re.Pattern[str], dict[str, int]]:
    rows = read_rules("place_fields", ("label", "rank"))
    ranks: dict[str, int] = {}
    problems = []
    for row in rows:
        if row["rank"] not in ("1", "2", "3"):
            problems.append(Problem(row.file, row.line, f"rank {row['rank']!r} is not 1, 2 or 3"))
            continue
        ranks[_norm(row["label"])] = int(row["rank"])
    if problems:
        raise InputError(problems)
    words = "|".join(
        re.escape(label).replace(r"\ ", r"[\s-]+") for label in sorted(ranks, key=len, reverse=True)
    )
    pattern = re.compile(
        rf"(?:^|(?<=[|;\n])|(?<=[.!?]\s)|[ \t]{MARK_RUN}(?=[ \t]))"
        rf"[ \t]*(?P<label>{words})[ \t]*:(?!\d)[ \t]*",
        re.I,
    )
    return pattern, ranks


def _norm(label: str) -> str:
    return " ".join(label.lower().replace("-", " ").split())


_VALUE_END = re.compile(r"[|;\n]")
#: ... or any other field mark with its spaces ('Place: Hajin ∷ Device: IED', 'Location:
#: Hajin town · Cause: ...'; session 34), but not an administrative path's arrow or guillemet
#: ('Location: Idlib » Ariha', etl.places.admin_path)
_MARK_END = re.compile(rf"[ \t](?![»›→][ \t])(?:{MARK_RUN})[ \t]")


def names_place(label: str) -> bool:
    """The label of a record's field ('Location', 'Task site', 'Gov') names a place field of
    data/rules/place_fields.csv, or ends with one ('Task site': 'site')."""
    words = _norm(label).split()
    ranks = _table()[1]
    return any(" ".join(words[i:]) in ranks for i in range(len(words)))


def place_fields(text: str, start: int, end: int) -> list[PlaceField]:
    """The place fields of text[start:end] in text order (most sentences have none)."""
    sentence = text[start:end]
    if ":" not in sentence:
        return []
    pattern, ranks = _table()
    if "|" in sentence or ";" in sentence or "\n" in sentence or _MARK_END.search(sentence):
        found = pattern.finditer(text, start, end)
    else:  # no field mark: a field only where the sentence opens ('Location: X.')
        first = pattern.match(text, start, end)
        found = iter([first] if first else [])
    out = []
    for m in found:
        hi = min(end, m.end() + VALUE_CHARS)
        stop = _VALUE_END.search(text, m.end(), hi)
        value_end = stop.start() if stop else hi
        if (mark := _MARK_END.search(text, m.end(), value_end + 1)) is not None:
            value_end = min(value_end, mark.start())
        while value_end > m.end() and text[value_end - 1] in " \t.":
            value_end -= 1
        if value_end > m.end():
            out.append(PlaceField(m.end(), value_end, ranks[_norm(m["label"])]))
    return out


def field_at(fields: list[PlaceField], position: int) -> PlaceField | None:
    """The field whose value holds text[position]."""
    for f in fields:
        if f.start <= position < f.end:
            return f
    return None


# the unit that keeps a police or security record, in its opening cells: 'BLOTTER | Hillah
# Police | 2215 hrs ...', 'Najaf Police, Kufa station |', 'Mastung Levies |': the place it
# serves locates the record when its text names none (a station's place before its command's)
_UNIT_WORDS = (
    r"(?:Police(?:\s+(?:Cmd|Command|HQ|Directorate|Department|Dept\.?))?|Levies|Gendarmerie)"
)
_NAME = r"[A-Z][\w'’ı-]+(?:[ -][A-Z][\w'’ı-]+){0,2}"
_UNIT = re.compile(
    rf"(?:^|\|)[^|\n]{{0,20}}?\b(?P<unit>{_NAME})\s+{_UNIT_WORDS}\b"
    rf"(?:,\s*(?P<station>{_NAME})\s+(?i:station|precinct|post)\b)?"
)
UNIT_REACH = 120  # characters from the text's start a record's unit is written within
# ... or a log kept by a facility, its heading cell after the log's label and a spaced dash:
# 'Intake log — Kafr Nabl surgical hospital — Monday 6 May 2019 — ...', 'RLD — Idlib city
# centre, 2 March 2019 — ...': a hospital's or a rescue team's own town, where the items it
# logs were brought from or answered (the hospital's or centre's town, as 'the town' names it)
_KEEPER_NAME = rf"[A-Z][\w'’-]+(?:[ -](?:{ARTICLE_PREFIX})?[A-Z][\w'’-]+){{0,3}}"
_KEEPER_WORDS = "(?:" + "|".join(PLACE_WORDS["keeper"]) + ")"  # data/rules/place_words.csv
_KEEPER = re.compile(
    rf"^[^\n\u2013\u2014]{{0,30}}?\s[\u2013\u2014]\s+(?P<unit>{_KEEPER_NAME})"
    rf"(?:\s+[a-z]+(?:\s+and\s+[a-z]+)?)?\s+{_KEEPER_WORDS}\s*(?:,[^\n\u2013\u2014]{{0,30}})?"
    rf"\s[\u2013\u2014]\s"
)

# ... or one of a record's opening cells, whatever mark parts them (etl.extraction.
# record_shape), that names the facility keeping it: 'Maarat al-Numan Central Hospital ⊳
# Admissions bulletin ⊳ ...', 'INTAKE LOG | Sarmada general hospital | ...', 'Supply log ⦁ PHC
# Afis ⦁ ...', 'al-Hol camp administration ◇ daily report ◇ ...', 'Crossing register ¤ al-Bab
# east checkpoint ¤ ...' (session 32: heldout11, 29): the facility's town, or its site, where
# the items it logs happened or were brought from, as 'the city', 'the village' or 'the camp'
# of its text names it (data/rules/place_words.csv keeper lists). The town's words are
# capitalised (its article's too may be lower case), none of them a keeper's word or in
# capitals only ('SDF Media Centre' is no town's)
_KEEPER_TERMS = "|".join(
    (*PLACE_WORDS["keeper"], *PLACE_WORDS["keeper_modifier"], *PLACE_WORDS["keeper_office"])
)
_CELL_WORD = rf"(?!(?i:{_KEEPER_TERMS})\b)(?-i:[A-Z](?![A-Z'’-]*\b)[\w'’-]*)"
_CELL_NAME = rf"(?:{ARTICLE_PREFIX})?{_CELL_WORD}(?:[ -](?:{ARTICLE_PREFIX})?{_CELL_WORD}){{0,3}}"
_CELL_KEEPER = "(?:" + "|".join(PLACE_WORDS["keeper"]) + ")"
_CELL_BEFORE = "(?:" + "|".join(PLACE_WORDS["keeper_before"]) + ")"
_CELL_TAIL = r"(?:\s*\([^()]{0,40}\))?"  # 'al-Tayha crossing (W of Manbij)': it only locates
_KEEPER_CELL = re.compile(
    rf"(?:{_CELL_BEFORE})\s+(?P<before>{_CELL_NAME}){_CELL_TAIL}"
    rf"|(?P<unit>{_CELL_NAME})"
    rf"(?:\s+(?:{'|'.join(PLACE_WORDS['keeper_modifier'])}|{_CELL_KEEPER})){{0,2}}"
    rf"\s+{_CELL_KEEPER}(?:\s+(?:{'|'.join(PLACE_WORDS['keeper_office'])}))?{_CELL_TAIL}",
    re.I,
)
KEEPER_CELLS = 3  # the opening cells a record's keeper is named within


def _keeper_cell(text: str) -> tuple[int, int] | None:
    """The span of the town's name in a record's opening cell that names its keeper."""
    for s, e in first_cells(text, KEEPER_CELLS, UNIT_REACH):
        if e - s > FIELD_CHARS:
            continue
        found = _KEEPER_CELL.fullmatch(text, s, e)
        if found is not None:
            return found.span("before") if found["before"] else found.span("unit")
    return None


# ... or a message whose cells are parted by spaced slashes, its town in capitals after its
# number and day: 'MAG SMS 19-041 / 16.03.19 / HAJIN / Boy killed by ERW in fields 2 km E of
# town / ...' (a mine action team's, a field office's text message): the town its items
# happened in or around ('the town', 'the village'), where they name no place of their own
_SLASH_TOWN = re.compile(
    r"^[^/\n]{0,30}?\s/\s+\d{1,4}[./-]\d{1,2}[./-]\d{2,4}\s+/\s+"
    r"(?P<unit>(?:A[LNRSDTZ]-|E[LNRSDTZ]-)?[A-Z][A-Z'’]+(?:[ -][A-Z][A-Z'’]+){0,3})\s+/\s"
)

# ... or a town's council that heads its notice, bulletin or statement ('Maarat al-Numan Local
# Council ▸ Notice 71 ▸ ...', 'Kafr Nubl Local Council — Bulletin 41 ...', 'Statement of the
# Douma Local Council, ...'): the council's own town, where the shelling of 'the town', 'the
# market' or 'the eastern quarter' it tells of fell (session 31: heldout16, 19, 28)
_COUNCIL = re.compile(
    rf"^(?:[A-Z][a-z]+ of the )?(?P<unit>(?:a[lnrsdtz]-)?{_KEEPER_NAME})\s+"
    r"(?:Local|City|Town|Municipal|Village)\s+Council\b"
)


def record_unit(text: str) -> list[tuple[int, int]]:
    """Spans of the place names in a record's keeping unit, the finest first (a station's
    place, then the command's); [] when the text opens with no such unit."""
    head = text[:UNIT_REACH]
    if "Police" not in head and "Levies" not in head and "Gendarmerie" not in head:
        if "Council" in head and (council := _COUNCIL.match(head)):
            return [council.span("unit")]
        keeper = _KEEPER.match(head) if ("\u2014" in head or "\u2013" in head) else None
        if keeper is None and " / " in head:
            keeper = _SLASH_TOWN.match(head)
        if keeper is None:
            cell = _keeper_cell(text)
            return [cell] if cell else []
        return [keeper.span("unit")]
    found = _UNIT.search(head)
    if found is None:
        return []
    spans = [found.span("station")] if found["station"] else []
    return [*spans, found.span("unit")]


# a record's cell of its own, its fields parted by a mark of any shape (etl.extraction.
# record_shape): 'incident 2018-04-06 · Douma · AIR', 'CALL 0431 // 21/10/16 09:15 // Kirkuk,
# near the mosque // ...', 'LOG 0457 ¦ 03.IV.2019 ¦ Manbij ¦ VBIED ¦ ...', 'URGENT ‖ 02-04-2015
# ‖ Mabouja ‖ ...', 'UXO-IQ-0210 ▪ 2017-04-01 ▪ Batnaya (Nineveh) ▪ IED ▪ ...', a short line
# of its own ('FLASH UPDATE 3\nBujumbura, 12 Dec 2015\n...')
_CELL_GO_ON = ",(/"  # what may follow the cell's first name inside the cell


def opens_cell(text: str, start: int, end: int) -> bool:
    """The name text[start:end] opens a short field of a record (a cell between field marks,
    a short line, a labelled field's value): the cell's first words are the record's place,
    as a known label's field's are (a place slot), up to a comma, a bracket or a path's
    slash."""
    if not opens_field(text, start):
        return False
    stop = field_end(text, start)
    if stop - start > FIELD_CHARS or stop < end:
        return False
    rest = text[end:stop].lstrip(" \t")
    return not rest or rest[0] in _CELL_GO_ON
