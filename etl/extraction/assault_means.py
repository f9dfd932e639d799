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

Convention C18 (session 33's answer, session 34): a bomb a fighter sets off inside a fight or
a raid the text tells right after it ('blew himself up when troops surrounded the house',
'detonated an explosive belt as our forces surrounded it', 'when surrounded by our forces':
the kind `inside` of assault_means.csv) is part of that fight: one clash. It folds into a
clash told in its sentence as C5's means do; with none there, the explosion mention is
itself the clash (its type changed, its counts kept: the bomber's own death was never one).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import replace

from etl.extraction.mentions import TOLL_QUANTITIES, Mention
from etl.extraction.rules import kind_pattern, read_rules
from etl.places.geonames import haversine_km

_ROWS = read_rules("assault_means", ("kind", "pattern"), ("pattern",))


_MEANS = kind_pattern(_ROWS, "means")
_APART = kind_pattern(_ROWS, "apart")
_FIGHT = kind_pattern(_ROWS, "fight")
_INSIDE = kind_pattern(_ROWS, "inside")
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


def inside_fight(m: Mention, text: str) -> re.Match[str] | None:
    """The explosion mention's bomb is a fighter's own charge (`means`) set off inside a
    fight or raid its clause tells right after the trigger (assault_means.csv `inside`,
    convention C18): 'A terrorist blew himself up when surrounded by our forces', 'a third
    blew himself up when he was surrounded', 'detonated his vest during a security raid'.
    A bomber who strikes on his own ('blew himself up at a checkpoint as soldiers searched
    cars', 'detonated his vest when stopped for search') is no such fight. The match of the
    words that tell the fight, None when there is none."""
    if means(m, text) is None:
        return None
    return _INSIDE.match(text, m.trigger_end, m.char_end)


def _fold_inside(mentions: list[Mention], text: str) -> list[Mention]:
    """C18: each explosion set off inside a fight (`inside_fight`) folded into a clash of
    its sentence at the same place and time (its dead added, as `fold_means` adds a means'),
    or, with none, made that clash itself. The fight's own encirclement told in those words
    ('while they were encircled by Peshmerga fighters') is no siege of its own."""
    out = list(mentions)
    dropped: set[int] = set()
    for i, m in enumerate(mentions):
        if m.event_type != "explosion" or m.background:
            continue
        if (fight := inside_fight(m, text)) is None:
            continue
        dropped.update(
            j
            for j, c in enumerate(mentions)
            if c.event_type == "siege" and fight.start() <= c.trigger_start < fight.end()
        )
        hosts = [
            j
            for j, c in enumerate(out)
            if j != i
            and j not in dropped
            and c.event_type == "clash"
            and not c.background
            and c.char_start == m.char_start
            and _same_place(c, m)
            and _same_time(c, m)
        ]
        if not hosts:
            out[i] = replace(m, event_type="clash")
            continue
        j = min(hosts, key=lambda j: abs(out[j].trigger_start - m.trigger_start))
        out[j] = _with_dead(out[j], m)
        dropped.add(i)
    return [m for i, m in enumerate(out) if i not in dropped]


def _with_dead(host: Mention, part: Mention) -> Mention:
    """`host` with the counts of the dead `part` tells that it does not hold already."""
    held = {(f.char_start, f.char_end) for f in host.figures}
    dead = tuple(
        f
        for f in part.figures
        if f.quantity in TOLL_QUANTITIES and (f.char_start, f.char_end) not in held
    )
    return replace(host, figures=host.figures + dead) if dead else host


def fold_means(
    mentions: list[Mention], text: str, sentences: list[tuple[int, int]]
) -> list[Mention]:
    """`mentions` (one article's, in text order) with each explosion that is an assault's
    means (`means`, `_host`; not a count of bombs, which is a tally over a campaign: 'at
    least three car bombs had been deployed') folded into
    that clash: the explosion dropped, its counts of the dead added to the clash's figures
    (a count the clash holds already is not added twice); then each bomb set off inside a
    fight its clause tells (C18, `_fold_inside`) made part of that fight's clash."""
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
        out[j] = _with_dead(out[j], m)
        dropped.add(i)
    return _fold_inside([m for i, m in enumerate(out) if i not in dropped], text)
