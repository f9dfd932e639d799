"""Where people were taken: the destination of an evacuation or displacement, read from its
sentence ("civilians were bused to the Al-Hol camp", "families fled to Turkey").

Pure. A destination is a capitalised name after "to" that follows a verb of moving people
(taken, bused, trucked, ferried, moved, evacuated, fled, ...) within a few words, and that is
a known place (a name or alias of the places table, with or without a leading "the"). The
origin is the mention's own place; a flow needs both, and two different places.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from etl import ids
from etl.extraction.mentions import Mention
from etl.places.evidence import PLACE_WORDS

#: Event types whose sentences can say where people were taken.
MOVING_TYPES = frozenset({"evacuation", "displacement"})
#: A verb of moving people, then at most 60 characters without a full stop, then "to Name".
DESTINATION = re.compile(
    r"\b(?:" + "|".join(PLACE_WORDS["destination_verb"]) + r")\b[^.;:!?]{0,60}?\bto\s+"
    r"(?P<name>(?:the\s+)?(?:(?:al|el|ash|as|ar|ad)-)?[A-Z][\w'’-]*"
    r"(?:[ -](?:[A-Z][\w'’-]*|al|el|ash|as|ar|camp))*)"
)


def place_index(places: Iterable[tuple[str, str, str | None]]) -> dict[str, str]:
    """Casefolded name or alias -> place id, from (place_id, name, aliases) rows; a name
    two places share is left out (it says nothing certain)."""
    index: dict[str, str | None] = {}
    for place_id, name, aliases in places:
        words = aliases.split("|") if isinstance(aliases, str) else []  # NaN or None: none
        for word in [name, *words]:
            key = " ".join(word.split()).casefold()
            if key:
                index[key] = place_id if index.get(key, place_id) == place_id else None
    return {k: v for k, v in index.items() if v is not None}


def _resolve(name: str, index: Mapping[str, str]) -> str | None:
    key = " ".join(name.split()).casefold()
    for candidate in (key, key.removeprefix("the "), key.removesuffix(" camp")):
        if candidate in index:
            return index[candidate]
    return None


def destinations(sentence: str, index: Mapping[str, str]) -> list[tuple[str, int, int]]:
    """(place id, start, end) of each known destination the sentence names; start and end
    are offsets in the sentence of the words from the verb to the name."""
    found = []
    for match in DESTINATION.finditer(sentence):
        place = _resolve(match["name"], index)
        if place is not None:
            found.append((place, match.start(), match.end()))
    return found


def mention_flows(m: Mention, event_id: str, index: Mapping[str, str]) -> list[dict]:
    """The flows rows (the store's columns) an evacuation or displacement mention gives."""
    if m.event_type not in MOVING_TYPES or not m.place_id:
        return []
    rows = []
    for place, start, end in destinations(m.sentence, index):
        if place == m.place_id:
            continue
        char_start, char_end = m.char_start + start, m.char_start + end
        rows.append(
            {
                "flow_id": "fl_" + ids.content_hash(m.article_id, char_start, event_id, place),
                "flow_key": None,
                "event_id": event_id,
                "origin_place_id": m.place_id,
                "destination_place_id": place,
                "article_id": m.article_id,
                "char_start": char_start,
                "char_end": char_end,
                "quote": m.sentence[start:end],
                "count_low": None,
                "count_high": None,
                "count_unit": None,
                "count_raw": None,
                "origin": "extracted",
            }
        )
    return rows
