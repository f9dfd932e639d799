"""Convention C5 (session 25; docs/extraction_history.md "Session 26 (hD14)"): a car bomb,
suicide bomber or booby trap that opens or is part of an assault is the assault's means.
The assault is one event, the clash, and the dead the bomb killed are its toll; a bomb told
with no assault beside it stays an explosion.

An explosion mention is the means of a clash when its trigger (or the words right before it)
names such a bomb (data/rules/assault_means.csv) and a clash is told in the same sentence
('Two suicide bombers attacked a base', 'set off a car bomb at the gate ... and stormed it')
or in the last sentence before it that told anything, at most two sentences back ('...
stormed the police post. A third militant detonated his explosive vest as officers closed
in'), at no other place and on an overlapping day.
The explosion mention is dropped; its counts of the dead go to the clash.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import replace

from etl.extraction.mentions import TOLL_QUANTITIES, Mention
from etl.extraction.rules import read_rules
from etl.places.geonames import haversine_km

_ROWS = read_rules("assault_means", ("kind", "pattern"), ("pattern",))


def _alternation(kind: str) -> re.Pattern[str]:
    return re.compile(
        "|".join(f"(?:{r['pattern']})" for r in _ROWS if r["kind"] == kind), re.IGNORECASE
    )


_MEANS = _alternation("means")
_APART = _alternation("apart")
_FIGHT = _alternation("fight")
MEANS_REACH = 30  # characters before (and after) an explosion's trigger that may name the bomb
BOMB_COUNT = "explosions"  # the figure quantity of a count of bombs ('three car bombs')
HOST_SENTENCES = 2  # a clash told this many sentences before the bomb, none told between
SAME_PLACE_KM = 10.0  # a clash and a bomb this close are at one place


def means(m: Mention, text: str) -> re.Match[str] | None:
    """Where the explosion mention's trigger, or the words right around it, name a car
    bomb, suicide bomber or booby trap (assault_means.csv); None when they name none."""
    if m.event_type != "explosion":
        return None
    return _MEANS.search(
        text,
        max(m.char_start, m.trigger_start - MEANS_REACH),
        min(m.char_end, m.trigger_end + MEANS_REACH),
    )


def _same_place(a: Mention, b: Mention) -> bool:
    if a.latitude is None or b.latitude is None or a.longitude is None or b.longitude is None:
        return True  # one of them names no place: nothing says it is elsewhere
    return haversine_km((a.latitude, a.longitude), (b.latitude, b.longitude)) <= SAME_PLACE_KM


def _same_time(a: Mention, b: Mention) -> bool:
    if "article" in (a.date.source, b.date.source):
        return True  # an undated mention takes the day of the one beside it
    return a.date.start <= b.date.end and b.date.start <= a.date.end


#: a bomb's noun and the clash's verb with at most one word between: the bomb is its subject
_SUBJECT_GAP = re.compile(r"\W*(?:\w+\W+)?\Z")  # 'suicide bombers attacked', '... truck struck'


def _own_assault(bomb: re.Match[str], c: Mention, text: str) -> bool:
    """The clash told in the bomb's sentence is an assault the bomb opens: its trigger comes
    after the bomb ('set off a car bomb at the gate ... and stormed it'; not 'fought back
    with snipers, car bombs and other weapons'), is not the bomb's own verb ('Two suicide
    bombers attacked a police station', 'a suicide bomber in an explosives-laden truck
    struck a column' are the bombing itself) unless the sentence tells a fight after it
    ('Two suicide bombers attacked a base ..., and the gunfight that followed lasted until
    dawn', 'gunmen and suicide bombers stormed government buildings ..., setting off street
    battles': the kind `fight` of assault_means.csv, session 28), and no ';' parts them
    ('car bombs struck two checkpoints; the army said 11 soldiers died')."""
    if bomb.end() > c.trigger_start or ";" in text[bomb.end() : c.trigger_start]:
        return False  # 'fought back with snipers, car bombs and other weapons': a weapon used
    verb = bomb.end() <= c.trigger_start and _SUBJECT_GAP.match(text, bomb.end(), c.trigger_start)
    if not verb:
        return True
    return _FIGHT.search(text, c.trigger_end, c.char_end) is not None


def _host(mentions: list[Mention], i: int, bomb: re.Match[str], text: str, starts: list[int]):
    """The clash mention explosion mentions[i] is the means of: one of its sentence that is
    an assault of its own (`_own_assault`), else, when the bomb's sentence names no day of
    its own (it goes on with the story: 'A third militant detonated his explosive vest as
    officers closed in') and opens with no word of another time (`_APART`), one of the last
    sentence before it that told anything, at most HOST_SENTENCES back; at the same place
    and time. None when there is none."""
    m = mentions[i]
    here = bisect_right(starts, m.char_start)
    told = [c.char_start for c in mentions[:i] if c.char_start < m.char_start]
    last = max(told, default=None)
    near = (
        m.date.source == "article"
        and not m.date.text
        and not _APART.match(text, m.char_start)  # 'Hours before the announcement, ...'
        and last is not None
        and here - bisect_right(starts, last) <= HOST_SENTENCES
    )
    clashes = [
        j
        for j, c in enumerate(mentions)
        if c.event_type == "clash"
        and not c.background
        and (
            (c.char_start == m.char_start and _own_assault(bomb, c, text))
            or (near and c.char_start == last)
        )
        and _same_place(c, m)
        and _same_time(c, m)
    ]
    if not clashes:
        return None
    own = [j for j in clashes if mentions[j].char_start == m.char_start]
    return min(own or clashes, key=lambda j: abs(mentions[j].trigger_start - m.trigger_start))


def fold_means(
    mentions: list[Mention], text: str, sentences: list[tuple[int, int]]
) -> list[Mention]:
    """`mentions` (one article's, in text order) with each explosion that is an assault's
    means (`means`, `_host`; not a count of bombs, which is a tally over a campaign: 'at
    least three car bombs had been deployed') folded into
    that clash: the explosion dropped, its counts of the dead added to the clash's figures
    (a count the clash holds already is not added twice)."""
    if not any(m.event_type == "explosion" for m in mentions):
        return mentions
    starts = [s for s, _ in sentences]
    out = list(mentions)
    dropped: set[int] = set()
    for i, m in enumerate(mentions):
        if m.background or any(f.quantity == BOMB_COUNT for f in m.figures):
            continue  # 'at least three car bombs had been deployed in the campaign': a tally
        if (bomb := means(m, text)) is None:
            continue
        if (j := _host(mentions, i, bomb, text, starts)) is None:
            continue
        held = {(f.char_start, f.char_end) for f in out[j].figures}
        dead = tuple(
            f
            for f in m.figures
            if f.quantity in TOLL_QUANTITIES and (f.char_start, f.char_end) not in held
        )
        if dead:
            out[j] = replace(out[j], figures=out[j].figures + dead)
        dropped.add(i)
    return [m for i, m in enumerate(out) if i not in dropped]
