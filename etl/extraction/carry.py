"""What a sentence hands back to the sentence before it (issue 8): "On 5 March, regime
forces shelled Hish. 2 fatalities were reported." gives the shelling its toll, and "Some
2,000 residents fled." without an event of its own gives the displacement before it its count.

Pure functions over the mentions extract.py has built so far.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence
from dataclasses import replace

from etl.extraction.alternation import word_start_pattern
from etl.extraction.date_context import UNTIL_DAYS
from etl.extraction.date_patterns import STAMP_TAIL
from etl.extraction.date_resolvers import precision_of
from etl.extraction.date_windows import told_again
from etl.extraction.mentions import DateWindow, Figure, Mention
from etl.extraction.span_tolls import is_span
from etl.extraction.tolls import (
    CASUALTY_TYPES,
    CASUALTY_WORDS,
    REFERENCE,
    TOLL_FREE_TYPES,
    TOLL_QUANTITIES,
    fatalities,
    only_casualties,
    vague,
)
from etl.extraction.trigger_fold import VIOLENT
from etl.extraction.trigger_fold import WORDS as TRIGGER_WORDS
from etl.extraction.trigger_rules import trigger_rules
from etl.extraction.word_gate import search as gated_search
from etl.places.geonames import haversine_km

CARRY_DAYS = 7  # a sentence dated this long before the last dated event tells of another time
SAME_AREA_KM = 10.0  # places this close are one area for a toll told in the next sentence
MOVES = frozenset({"displaced", "people_evacuated", "families", "trucks"})
MOVE_TYPES = frozenset({"evacuation", "displacement"})
RAID_TYPES = frozenset({"detention"})  # a raid's deaths are its toll when nothing else was
TOLL_TYPES = VIOLENT | CASUALTY_TYPES
CASUALTY_COUNTS = TOLL_QUANTITIES | {"injured"}  # "2 fatalities and 5 injuries were reported."


def carried(
    figures: Sequence[Figure], triggers: Sequence, text: str, span: tuple[int, int]
) -> tuple[Figure, ...]:
    """The figures a sentence (text[span]) gives for the events of the sentence before: its
    toll and injured when it only reports casualties or refers back ('Seven people died in
    the blast.': etl.extraction.tolls.only_casualties), and the counts of people moved when
    it reports no event of its own."""
    leaving = all(_left(t.event_type, t.text) for t in triggers)  # '6,900 people had left.'
    moves = tuple(f for f in figures if f.quantity in MOVES) if leaving else ()
    if not any(f.quantity in CASUALTY_COUNTS for f in figures):
        return moves
    if not only_casualties(triggers, text, span):
        return moves
    return tuple(f for f in figures if f.quantity in CASUALTY_COUNTS) + moves


#: a side that says it killed the count right after ('the alliance said its fighters had
#: killed at least 30 jihadists'): a battle's dead (trigger_words.csv, side_kill)
_SIDE_KILL = re.compile(rf"(?:{'|'.join(TRIGGER_WORDS['side_kill'])})\s+\Z", re.I)
SIDE_REACH = 120  # characters before a count its side and verb may take
BATTLE_TYPES = frozenset({"clash"})
TOLL_WORDS = frozenset(TRIGGER_WORDS["toll_trigger"])  # a battle read only from its dead


def side_kill(text: str, figure: Figure) -> bool:
    """The count is the dead a side says it killed ('Rebel factions said they had killed 17
    government soldiers'): a battle's, told by its killers."""
    at = figure.char_start
    return bool(text) and _SIDE_KILL.search(text, max(0, at - SIDE_REACH), at) is not None


def takers(
    mentions: Sequence[Mention], previous: range, figure: Figure, side: bool = False
) -> list[int]:
    """Which of the previous sentence's mentions a carried figure belongs to: a toll to the
    violent ones, a count of people moved to the evacuations and displacements; of those,
    the latest dated ('shells hit Qamishlo a day after troops crossed into Tel Abyad. Five
    civilians were killed.': the shelling). A toll of zero ('... detained 6 people. No
    casualties.') belongs to any event but a statement (C17): a raid, a surrender or a flight
    without deaths (but a zero told in words, 'There were no casualties', to no evacuation or
    displacement: C6); a
    toll after a raid with no violent event ('... raided homes and arrested 5 men. One of
    them was killed trying to flee.') belongs to the raid. The dead a side says it killed
    (`side`: 'Rebel factions said they had killed 17 government soldiers') belong to a
    battle only, never to a strike, shelling or bomb told before: with none, they stay the
    carrying sentence's own."""
    kinds = MOVE_TYPES if figure.quantity in MOVES else TOLL_TYPES
    if side and figure.quantity in TOLL_QUANTITIES:
        kinds = BATTLE_TYPES
    zero = figure.quantity in TOLL_QUANTITIES and figure.low == 0 and figure.high == 0
    # 'There were no casualties' gives its zero to no evacuation or displacement (C6)
    stated = zero and said_zero(figure)
    fitting = [
        j
        for j in previous
        if not is_span(mentions[j].trigger)  # its toll is its clause's (C7): 'The death
        # toll from four days of fighting had risen to 35. In Ain Zara, eight fighters were
        # killed on Sunday alone.' (the eight are Sunday's)
        and (
            # nor to a statement: an ultimatum's toll is null (C17: 'told residents to leave
            # within two days. No casualties were reported.')
            (
                zero
                and not (stated and mentions[j].event_type in MOVE_TYPES)
                and mentions[j].event_type not in TOLL_FREE_TYPES
            )
            or mentions[j].event_type in kinds
        )
    ]
    if not fitting and figure.quantity in TOLL_QUANTITIES and not side:
        fitting = [j for j in previous if mentions[j].event_type in RAID_TYPES]
    latest = max((mentions[j].date.end for j in fitting), default=None)
    return [j for j in fitting if mentions[j].date.end == latest]


def earlier(dates: Iterable[DateWindow], anchor: dt.date | None) -> bool:
    """A sentence dated well before the last dated event ('a sarin attack in 2017 that
    killed dozens', 'hundreds have been killed since 2015') tells of other deaths."""
    if anchor is None:
        return False
    return any((anchor - d.start).days > CARRY_DAYS for d in dates)


def restamped(dates: Iterable[DateWindow], start: int, anchor: dt.date | None) -> bool:
    """A sentence that opens with a note's stamp of another day ('Wed: mortars hit Baquba,
    no casualties. Thu: 2 farmers shot dead ...') starts another entry: its toll is its own."""
    return anchor is not None and any(
        STAMP_TAIL.search(d.text) is not None
        and (d.char_start or 0) - start <= 2
        and d.start != anchor
        for d in dates
    )


_TOLL_WORD = re.compile(r"\btoll\b", re.I)


def other_day(
    dates: Iterable[DateWindow], anchor: dt.date | None, text: str, span: tuple[int, int]
) -> bool:
    """A sentence with an explicit day of its own other than the last dated one ('12 June,
    raiders overran the base. 13 June, gunmen hit the island, killing 16.') tells of
    another event: its toll is its own. A toll update keeps carrying ('By 3 May the toll
    had risen to 30', '24 were killed by the time the truce took effect on 27 July')."""
    if anchor is None or gated_search(_TOLL_WORD, text, *span):
        return False
    return any(
        (
            (d.source == "explicit" and d.precision == "day" and d.start != anchor)
            # a day or two told relative to the report ('last weekend', 'the day before
            # yesterday') that leaves out the last dated one
            or (
                d.source == "relative"
                and d.precision in ("day", "days")
                and not d.start <= anchor <= d.end
            )
        )
        and not _BY_DAY.search(text, max(span[0], (d.char_start or 0) - 40), d.char_start or 0)
        for d in dates
    )


_BY_DAY = re.compile(r"\b(?:by|until|till|as\s+of|through)\b", re.I)


def toll_update(text: str, span: tuple[int, int], triggers: Sequence) -> bool:
    """A note's later entry that only updates the toll ('Wed 05:30 -- IS attacks villages
    ... Thu 12:00 -- toll among local fighters 60+'): no event of its own and the word
    'toll', so its figure belongs to the entry before despite its new stamp."""
    return not triggers and _TOLL_WORD.search(text, *span) is not None


def elsewhere(places: Iterable, last_place, last_is_previous: bool, text: str = "") -> bool:
    """A sentence that names a specific place (objects with place_id, geo_precision and
    start in `text`) other than the previous sentence's is about another event; a place
    named as a destination ('had left for government-held Aleppo') does not count."""
    specific = [h for h in origins(text, list(places)) if h.geo_precision < 3]
    if not specific:
        return False
    if last_place is None or not last_is_previous:
        return True
    # a town a few km from the last place is the same area ('at a resort just north of X.
    # ... died in hospital in X')
    return not any(_same_place(h, last_place) or _beside(h, last_place) for h in specific)


def _same_place(a, b) -> bool:
    """The same place at the same point: a town and a point C12 moved from it ('Bunkonde,
    about 50 km south of Kananga' ... 'In Kananga itself') are two places."""
    return a.place_id == b.place_id and (a.latitude, a.longitude) == (b.latitude, b.longitude)


def _beside(a, b) -> bool:
    """Two places (objects with latitude and longitude) within SAME_AREA_KM of each other."""
    ends = (getattr(a, "latitude", None), getattr(a, "longitude", None))
    other = (getattr(b, "latitude", None), getattr(b, "longitude", None))
    if None in ends or None in other:
        return False
    return haversine_km(ends, other) <= SAME_AREA_KM


_DESTINATION = word_start_pattern(
    "to|towards|toward|for",
    r"\s+(?:the\s+)?(?:[\w-]+\s+){0,2}"
    r"(?:(?:[\w'’-]+,?\s+){0,3}(?:and|or)\s+)?\Z",  # ... and the next of a list: 'towards X and Y'
    re.I,
)


_ORIGIN = re.compile(r"\bfrom\s+(?:the\s+)?(?:[\w-]+\s+){0,3}\Z", re.I)
_AT = re.compile(r"\b(?:at|to|into)\s+(?:the\s+)?\Z", re.I)  # where people arrived


_RETURN = re.compile(r"(?:have |had )?return(?:s|ed|ing)?\b", re.I)


def is_arrival(trigger_text: str) -> bool:
    """People arriving ('61 families arrived from the Hawija pocket', 'arrived at the camp'):
    told where they arrived (a word test, no pattern: see placing._LOCATOR_GAPS)."""
    return "arriv" in trigger_text.lower()


#: an arrival told by its noun before the people moved: 'the arrival of 140 families displaced
#: from the Hajin area at the Ain Issa camp', 'Arrival of 40 families displaced from ... to the
#: camp of al-Hol' (in the trigger's clause: no full stop, semicolon or colon between)
_ARRIVAL_OF = re.compile(r"\barrivals?\s+of\b[^.;:]{0,80}\Z", re.I)


def arrival_before(text: str, start: int, trigger_start: int) -> bool:
    """The clause before a trigger (from `start`, the sentence's start) tells an arrival."""
    return _ARRIVAL_OF.search(text, max(start, trigger_start - 100), trigger_start) is not None


def came_from(text: str, place) -> bool:
    """The place (an object with `start`) is where people came from ('from the Baghouz
    enclave')."""
    return _ORIGIN.search(text, max(0, place.start - 40), place.start) is not None


#: 'arrived at the camp', 'Inside the camp', 'in the camp's reception area', 'the camp in
#: Hasakah governorate': the camp the article named before (a town the sentence names beside
#: it wins: `extract._mention`)
_THE_CAMP = re.compile(r"\bthe\s+camp\b(?!\s*-)", re.I)


def names_the_camp(text: str, start: int, end: int) -> bool:
    """The sentence text[start:end] speaks of 'the camp' without naming it."""
    return _THE_CAMP.search(text, start, end) is not None


def move_places(text: str, trigger_text: str, places: Sequence, arrival: bool = False) -> list:
    """Where a movement of people is placed: a flight where they left from (origins); a
    return ('families returned from camps in Duhok to Sinjar') where they went back to, or,
    when only where they came from is named, there; an arrival ('NAZRAWA CAMP (KIRKUK) — 61
    families arrived from the Hawija pocket', or `arrival` told before the trigger: 'the
    arrival of 140 families displaced from Hajin at the Ain Issa camp') where they arrived,
    the same way."""
    if (arrival or is_arrival(trigger_text)) and text:
        there = [
            p
            for p in places
            if not came_from(text, p)
            or _AT.search(text, max(0, p.start - 20), p.start)  # 'from Hajin at the Roj camp'
        ]
        return there or origins(text, places)
    if not _RETURN.match(trigger_text):
        return origins(text, places)
    if not text:
        return list(places)
    back = [p for p in places if not came_from(text, p)]
    return back or list(places)


def origins(text: str, places: Sequence) -> list:
    """The places (objects with `start`) that are not a destination ('left for
    government-held Aleppo', 'fled to Turkey'): a sentence naming only where people went is
    not about another place. Without the text, all of them."""
    if not text:
        return list(places)
    return [p for p in places if not _DESTINATION.search(text, max(0, p.start - 40), p.start)]


#: A later sentence's toll of another group ('Four attackers were killed.', 'Seven soldiers
#: were also killed'): added to the toll the event already has, not a revision of it.
_OTHER_GROUP = re.compile(
    r"\b(?:" + "|".join(TRIGGER_WORDS["attacker_noun"]) + r")\b",
    re.I,
)
_ALSO = re.compile(r"^\s+(?:\w+\s+){0,2}?also\b", re.I)
#: the words after a whole's count that say its parts follow ('21 people, among them 13
#: militants'; trigger_words.csv parts_follow)
_PARTS = re.compile(r"\b(?:" + "|".join(TRIGGER_WORDS["parts_follow"]) + r")\b", re.I)


def _added(mention: Mention, carried: Sequence[Figure], text: str) -> Figure | None:
    """The event's toll so far (told before this sentence) with another group's dead, told
    in this sentence, added: when one of the carried tolls counts another group (its noun, or
    'also' after it). Parts a carried total already sums ('3 soldiers and 2 attackers') are
    counted once, in that total."""
    # a vague word ('dozens of bodies', 'dozens of terrorists') counts nobody: nothing to add
    # ... nor does a toll told again ('bringing the toll to five'): it sums the groups already
    tolls = [
        f
        for f in carried
        if f.quantity in TOLL_QUANTITIES
        and f.low is not None
        and not vague(f)
        and not _restated(text, f)
    ]
    if not text or not tolls:
        return None
    start = min(f.char_start for f in tolls)  # where this sentence's tolls begin
    told = [
        f
        for f in mention.figures
        if f.char_end <= start and not vague(f) and not (f in carried and _restated(text, f))
    ]
    other = any(_OTHER_GROUP.search(f.text) or _ALSO.match(text, f.char_end) for f in tolls)
    # or the other way round: the attackers' dead told first, then the side attacked's
    # ('... neutralised about twenty terrorists. Five soldiers lost their lives.')
    other = other or (
        not any(_OTHER_GROUP.search(f.text) for f in tolls)
        and any(f.quantity in TOLL_QUANTITIES and _OTHER_GROUP.search(f.text) for f in told)
    )
    if not other:
        return None
    outer = [f for f in tolls if not any(
        g is not f and g.char_start <= f.char_start and f.char_end <= g.char_end for g in tolls
    )]  # fmt: skip
    low, high = fatalities(told)
    if not low:
        # nothing told before: two counts of the dead in this sentence, the second named as
        # the attackers ('two of its fighters were killed and ... the attackers fled, leaving
        # one of their dead'), are added here; not a whole and its parts ('21 people, among
        # them 13 militants'), nor a total and an earlier count (more than two counts)
        if len(tolls) != 2:
            return None
        first, second = sorted(tolls, key=lambda f: f.char_start)
        if _OTHER_GROUP.search(first.text) or not _OTHER_GROUP.search(second.text):
            return None
        if second.char_start < first.char_end or _PARTS.search(
            text, first.char_end, second.char_start
        ):
            return None  # a total and its part: '21 people, among them 13 militants'
        both_high = None if None in (first.high, second.high) else first.high + second.high
        return replace(second, low=first.low + second.low, high=both_high,
                       text=f"{first.text} + {second.text}")  # fmt: skip
    highs = [f.high for f in outer]
    total_high = None if high is None or None in highs else high + sum(highs)
    last = outer[-1]
    return replace(last, low=low + sum(f.low for f in outer), high=total_high,
                   text=" + ".join([f"{low:g}", *(f.text for f in outer)]))  # fmt: skip


#: a sentence that restates a toll already told ('the toll rose to 12', 'bringing the total
#: to'): its count is no other group's (trigger_words.csv restates_toll)
_RESTATES = word_start_pattern("|".join(TRIGGER_WORDS["restates_toll"]), r"\b", re.I)
#: ... and the words right before a count that make it that toll ('the toll rose to five',
#: 'bringing the toll to 12', 'raising the death toll to more than 20')
_RESTATED_BEFORE = word_start_pattern(
    "|".join(TRIGGER_WORDS["restates_toll"]), r"\b[^.;:]{0,40}?\bto\s+(?:[a-z]+\s+){0,2}\Z", re.I
)


def _restated(text: str, figure: Figure) -> bool:
    """The figure is a toll told again ('The toll rose to five', 'bringing the toll to five'),
    the sum of the groups the sentences before counted, not another group's dead."""
    at = figure.char_start
    return bool(text) and _RESTATED_BEFORE.search(text, max(0, at - 60), at) is not None


def add_other_side(mentions: list[Mention], previous: range, own: range, text: str) -> None:
    """A sentence that tells the same battle again with the other side's dead ('Two soldiers
    were killed when militants tried to cross the border. The troops repelled the attack and
    killed five of the infiltrators.'; 'Troops killed eight militants in a sweep. One soldier
    was killed when a booby-trapped house exploded.'): the groups are added, also across
    sentences (the sets' convention). The sentence keeps its own trigger, so nothing carried
    it (`hand_back`); the battle told before takes the sum (`_added`: one group named as the
    attackers, 'infiltrators', 'militants', 'their dead'), when the two are one type, their
    days meet and their places are one area."""
    if not text or not previous or not own:
        return
    for j in own:
        m = mentions[j]
        if m.event_type not in BATTLE_TYPES or _RESTATES.search(m.sentence):
            continue
        tolls = tuple(f for f in m.figures if f.quantity in TOLL_QUANTITIES)
        if not tolls:
            continue
        for i in previous:
            event = mentions[i]
            if (
                event.event_type != m.event_type
                or event.date.end < m.date.start
                or m.date.end < event.date.start
                or not _one_area(event, m)
            ):
                continue
            if total := _added(event, tolls, text):
                mentions[i] = replace(event, figures=event.figures + (total,))
            break


def _one_area(a: Mention, b: Mention) -> bool:
    """Both placed within SAME_AREA_KM of each other, or either unplaced."""
    if None in (a.latitude, a.longitude, b.latitude, b.longitude):
        return True
    return haversine_km((a.latitude, a.longitude), (b.latitude, b.longitude)) <= SAME_AREA_KM


def hand_back(
    mentions: list[Mention],
    previous: range,
    own: range,
    carry: tuple[Figure, ...],
    text: str = "",
) -> None:
    """Give the carried figures to the previous sentence's events they belong to (`takers`),
    and count each there only, not again on the carrying sentence's own mentions (`own`).
    Replaces items of `mentions` in place (mentions are frozen). When a toll was taken, the
    carrying sentence's own mentions that only report deaths ('The government first said
    95 people had been killed but on Tuesday revised the toll to 35.') are dropped: they
    are the event before, not another one."""
    if _named_elsewhere(mentions, previous, own, text):
        carry = tuple(f for f in carry if f.quantity not in CASUALTY_COUNTS)
    handed = False
    gainers: set[int] = set()
    told: int | None = None  # the event whose toll or count the sentence gave
    sides: list[Figure] = []  # the dead a side says it killed, kept by the sentence
    for figure in carry:
        side = side_kill(text, figure)
        taken = takers(mentions, previous, figure, side)
        if side and not taken:
            sides.append(figure)
        if figure.quantity in MOVES and any(mentions[j].event_type == "evacuation" for j in taken):
            handed = True  # 'By afternoon about 6,900 people had left.': those it carried out
            told = min(j for j in taken if mentions[j].event_type == "evacuation")
        elif taken and figure.quantity in TOLL_QUANTITIES and told is None:
            told = min(taken)
        for j in taken:  # "... 2 fatalities were reported."
            mentions[j] = replace(mentions[j], figures=mentions[j].figures + (figure,))
            gainers.add(j)
        for j in own if taken else ():
            kept = tuple(f for f in mentions[j].figures if f != figure)
            mentions[j] = replace(mentions[j], figures=kept)
        handed = handed or (bool(taken) and figure.quantity in TOLL_QUANTITIES)
    for j in gainers:  # '... killing 35 civilians. Seven soldiers were also killed.'
        if total := _added(mentions[j], carry, text):
            mentions[j] = replace(mentions[j], figures=mentions[j].figures + (total,))
    for figure in sides:
        told_by_side(mentions, own, figure, text)
    if not (handed and own):
        return
    dead = [j for j in own if _only_deaths(mentions[j]) or _left(mentions[j].event_type,
                                                                  mentions[j].trigger)]  # fmt: skip
    if all(mentions[j].event_type in TOLL_FREE_TYPES for j in own if j not in dead):
        # 'Two died, and the tribe gave ...': the statement stays
        event = mentions[told] if told is not None else None
        for j in reversed(dead):
            if event is None:
                del mentions[j]
            else:  # '... attacked three camps. 79 attackers and 8 soldiers were killed.':
                # the sentence tells that event again (its toll counted there only)
                mentions[j] = further_mention(mentions[j], event)


def told_by_side(mentions: list[Mention], own: range, figure: Figure, text: str) -> None:
    """A battle its killers tell ('Rebel factions said they had killed 17 government
    soldiers', after an air strike that no battle was told beside): the sentence's own
    mention read only from the dead ('killed') takes the side's words as its trigger ('said
    they had killed'), so it is a battle of its own, not a toll the merge may fold into the
    strike (merge.fold_casualties folds a battle read only from toll words)."""
    told = _SIDE_KILL.search(text, max(0, figure.char_start - SIDE_REACH), figure.char_start)
    if told is None:
        return
    words = told.group().rstrip()
    for j in own:
        m = mentions[j]
        if m.trigger.lower() in TOLL_WORDS and figure in m.figures:
            at = told.start()
            mentions[j] = replace(m, trigger=words, trigger_start=at, trigger_end=at + len(words))


def _named_elsewhere(mentions: Sequence[Mention], previous: range, own: range, text: str) -> bool:
    """Whether the carrying sentence names, by a definite noun, an event of a type the
    sentence before does not hold but an earlier one does ('Government forces captured the
    town after two days of fighting. The town was hit by 200 barrel bombs. 25 soldiers and
    31 rebels were killed in the battle for the town.': the battle's toll, not the barrel
    bombs'). Its toll then stays with its own mention, which `anaphora.refer_back` makes
    that earlier event's."""
    if not text or not previous:
        return False
    named = {
        m.event_type
        for m in (mentions[j] for j in own)
        if m.event_type in VIOLENT
        and REFERENCE.search(text, max(0, m.trigger_start - 20), m.trigger_start)
    }
    if not named:
        return False
    before = {mentions[j].event_type for j in previous}
    if named & before:
        return False
    return any(mentions[j].event_type in named for j in range(previous.start))


def further_mention(own: Mention, event: Mention) -> Mention:
    """A sentence that only gives the toll (or the count of people it moved) of an event told
    in the sentence before, kept as a mention of that event: its type, day and place, so that
    the build merges the two (its figures that event's already, `hand_back`)."""
    return replace(
        own,
        event_type=event.event_type,
        date=told_again(own.date, event.date),
        background=event.background,
        place_name=event.place_name,
        place_id=event.place_id,
        latitude=event.latitude,
        longitude=event.longitude,
        country=event.country,
        geo_precision=event.geo_precision,
        place_start=None,  # the place is named in the other sentence
        place_end=None,
        place_note=event.place_note,
        place_radius_km=event.place_radius_km,
        place_region=event.place_region,
    )


LEAVING = frozenset(TRIGGER_WORDS["leaving_verb"])  # a flight told only as a departure


def _left(event_type: str, trigger: str) -> bool:
    """A displacement trigger that only says people left ('had left'): after an evacuation,
    the count of those it carried out."""
    words = trigger.lower().split()
    return event_type == "displacement" and bool(words) and words[-1] in LEAVING


def _only_deaths(mention: Mention) -> bool:
    """A mention that reports deaths only: a killing, or a battle read from 'were killed'."""
    first = (mention.trigger.lower().split() or [""])[0]
    return mention.event_type in CASUALTY_TYPES or first in CASUALTY_WORDS


def trigger_for(triggers: Sequence, figure: Figure, text: str = ""):
    """The trigger (objects with `event_type` and `start`) a figure of its sentence belongs
    to: the nearest, but a toll or an injury count goes to the nearest violent event
    ('rockets slammed into the town, killing four people and forcing hundreds of families to
    leave': the four are the shelling's), and not to an event told after it in a clause of
    its own ('shells hit the square, killing 2, amid continuing battles in Jobar': the
    shelling's two, not the battles'), when an event before it can take it."""
    pool = triggers
    if figure.quantity in CASUALTY_COUNTS:
        pool = [t for t in triggers if t.event_type in TOLL_TYPES] or triggers
        if said_zero(figure):  # 'no casualties' beside a flight: no evacuation's toll (C6)
            pool = [t for t in pool if t.event_type not in MOVE_TYPES]
            if not pool:
                return None
        if _FIELD_COUNT.match(figure.text):  # a record's 'Deaths: 3' field: the record's
            return min(pool, key=lambda t: t.start)  # first violent event's ('Air strike on
            # a depot; secondary explosions | Deaths: nil': the strike's)
        if text and len(pool) > 1:
            pool = _before_clause(pool, figure, text)
        if text and len(pool) > 1:
            pool = _not_background(pool, figure, text)
    return min(pool, key=lambda t: abs(t.start - figure.char_start))


def said_zero(figure: Figure) -> bool:
    """A toll of zero told in words ('There were no casualties', 'nobody was hurt',
    'Neither injuries nor fatalities were reported'), not a record's field ('Deaths: 0',
    'killed=0', 'fatalities 0'): convention C6 gives such a zero only to the violent events
    of its sentence or the sentence before, never to an evacuation or displacement beside
    them (their toll stays unknown); a record's field is its row's own toll, whatever the
    row tells."""
    return (
        figure.quantity in TOLL_QUANTITIES
        and figure.low == 0
        and figure.high == 0
        and _FIELD_COUNT.match(figure.text) is None
        and not any(c.isdigit() for c in figure.text)  # '┃ fatalities 0 ┃': a field too
    )


# a clause break between a background event and a toll told after it
_CLAUSE_BREAK = re.compile(r"[;:]")


def _not_background(pool: Sequence, figure: Figure, text: str) -> Sequence:
    """The triggers of `pool` a toll told in a later clause may go to: not one told as the
    background of an event before it ('Shells fell on the quarter during clashes between the
    army and the RSF; 8 martyrs': the shelling's; 'entered the town after artillery pounded
    it; one rebel was killed': the entry's), the cue words in trigger_contexts.csv
    (`background_before`)."""
    cue = trigger_rules().background_before
    if cue is None:
        return pool
    kept = []
    for t in pool:
        end = getattr(t, "end", t.start)
        if end < figure.char_start and _CLAUSE_BREAK.search(text, end, figure.char_start):
            at = cue.search(text, max(0, t.start - 40), t.start)
            if at is not None and any(o.start < at.start() for o in pool if o is not t):
                continue
        kept.append(t)
    return kept or pool


# a clause of its own opens between a toll and an event told after it: 'killing 2, amid
# continuing battles', 'leaving 7 dead, while ground clashes are continuing'
_OWN_CLAUSE = re.compile(r",\s+(?:while|whilst|amid|amidst|as|whereas)\s", re.I)


def _before_clause(pool: Sequence, figure: Figure, text: str) -> Sequence:
    """The triggers of `pool` a toll may go to: not one after it in a later clause of its
    own, when one before it remains."""
    before = [t for t in pool if t.start < figure.char_start]
    if not before:
        return pool
    kept = [
        t
        for t in pool
        if t.start < figure.char_start or not _OWN_CLAUSE.search(text, figure.char_end, t.start)
    ]
    return kept


# a count written as a record's labelled field ('Deaths: 3', 'fat=10', 'Victims: 2 (...)')
_FIELD_COUNT = re.compile(r"[A-Za-z][A-Za-z .]{0,24}?\s*[:=]")


def extend_until(
    mentions: list[Mention], previous: range, own: range, until: DateWindow | None
) -> bool:
    """'On 8 March, Boko Haram fighters attacked Diffa town. Fighting lasted until 9 March.':
    the events of the sentence before, begun up to UNTIL_DAYS earlier, run until that day,
    and the sentence's own mentions of a type told there are those events (dropped, so that a
    toll in the next sentence still goes to them). Replaces items of `mentions` in place;
    True when the own mentions were dropped."""
    if until is None:
        return False
    day, types = until.start, set()
    for j in previous:
        d = mentions[j].date
        if d.start < day and 0 < (day - d.end).days <= UNTIL_DAYS:
            window = DateWindow(d.start, day, precision_of(d.start, day), d.source, d.text,
                                d.char_start, d.char_end)  # fmt: skip
            mentions[j] = replace(mentions[j], date=window)
            types.add(mentions[j].event_type)
    if types and own and all(mentions[j].event_type in types for j in own):
        del mentions[own.start : own.stop]
        return True
    return False
