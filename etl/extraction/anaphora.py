"""A happening told again by a definite noun: the same event, not another one.

"An air strike hit a bus in Dahyan on Thursday ... The coalition said the strike targeted
fighters, in response to a missile fired at Jizan on Wednesday": "the strike" is Thursday's
strike, whatever day or place its own sentence names. "The evacuation had begun on
Wednesday", "Islamic State said it carried out the attacks" (after a car bomb), "the death
toll from a suicide bombing ... rose to 41 on Saturday" (the bombing told next, on Friday)
are likewise the event told before (or, for a toll, beside them).

Such a mention takes the day, place and, for a noun that names no weapon ("the attacks"),
the type of its antecedent: the nearest mention of an earlier sentence of its type (for a
toll, of another sentence either side). It keeps its own trigger, sentence, figures and
claimant, so the merge joins it to the antecedent's event and its figures count there. The
nouns are in data/rules/anaphora_nouns.csv.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache

from etl.extraction.alternation import word_start_pattern
from etl.extraction.borrowed_places import borrowing
from etl.extraction.date_windows import told_again
from etl.extraction.date_words import WORDS
from etl.extraction.mentions import Mention
from etl.extraction.rules import read_rules

#: what a noun that names no weapon may refer back to
VIOLENT = frozenset({"airstrike", "shelling", "explosion", "clash", "killing"})
#: what a noun of fire from afar ('the strikes': data/rules/anaphora_nouns.csv, bombardment)
#: may refer back to
BOMBARDMENT = frozenset({"airstrike", "shelling"})
#: how far before the noun its determiner may stand ('the Tuesday strike', 'the two attacks')
REACH = 40
NOTE = "the happening it tells again"
#: how near after the trigger a place may be its own ('the strike on Orra'), in characters
OWN_PLACE = 30


@cache
def _nouns() -> tuple[re.Pattern[str], re.Pattern[str], dict[str, str]]:
    rows = read_rules("anaphora_nouns", ["word", "generic"])
    words = sorted((r["word"].lower() for r in rows), key=len, reverse=True)
    #: noun -> 'yes' (any violent type), 'bombardment' (air strikes or shelling) or 'no'
    generic = {r["word"].lower(): r["generic"].lower() for r in rows}
    noun = "(?P<noun>" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words) + ")(?:e?s)?"
    definite = word_start_pattern(
        "the|this|that|these|those", r"\s+(?:[\w'’-]+\s+){0,2}?" + noun + r"\b", re.I
    )
    toll = re.compile(
        r"\b(?:death\s+)?toll\s+(?:from|of|in)\s+(?:an?\s+|the\s+|[\w'’-]+['’]s\s+)?"
        r"(?:[\w'’-]+\s+){0,3}?" + noun + r"\b",
        re.I,
    )
    return definite, toll, generic


def _reference(m: Mention, text: str) -> tuple[str, str] | None:
    """('definite' or 'toll', what the noun may refer back to: 'yes' any violent type,
    'bombardment' air strikes or shelling, 'no' its own type) when the mention's trigger holds
    a noun that refers back; None otherwise."""
    lo = max(m.char_start, m.trigger_start - REACH)
    near = text[lo : m.trigger_end].lower()
    if "th" not in near and "toll" not in near:  # no determiner, no toll: most triggers
        return None
    definite, toll, generic = _nouns()
    for kind, pattern in (("toll", toll), ("definite", definite)):
        if kind == "toll" and "toll" not in near:
            continue  # every match holds 'toll' (no letter of it case-folds from outside ASCII)
        for found in pattern.finditer(text, lo, m.trigger_end):
            if found.start("noun") < m.trigger_end and found.end("noun") > m.trigger_start:
                noun = re.sub(r"\s+", " ", found.group("noun").lower())
                return kind, generic.get(noun, "no")
    return None


def _fits(antecedent: Mention, m: Mention, kind: str, generic: str) -> bool:
    """Whether `antecedent` may be the happening `m` tells again: of another sentence (before
    it, for 'the strike'), dated by its own words, and of its type (any violent type for a
    noun that names no weapon; a toll's noun keeps its type: 'the toll of Sunday's attack on
    the village' says more than the 'was attacked' told after it)."""
    if m.char_start == antecedent.char_start or antecedent.date.source == "article":
        return False
    if kind == "definite" and antecedent.char_start > m.char_start:
        return False
    if generic == "yes" and kind == "definite":
        return antecedent.event_type in VIOLENT
    if generic == "bombardment" and kind == "definite" and m.event_type in BOMBARDMENT:
        return antecedent.event_type in BOMBARDMENT
    return antecedent.event_type == m.event_type


def _own_place(m: Mention) -> bool:
    """The mention names its own place within its noun phrase ('the strike on Orra')."""
    return (
        m.place_start is not None
        and not m.place_note
        and m.trigger_start <= m.place_start <= m.trigger_end + OWN_PLACE
    )


#: how far after the noun its own day may stand, with no clause mark between ('the air strikes
#: on the Maardibsa market on 20 May'); before it, REACH ('the 2 June air raid')
OWN_DAY = 40
#: what the words between the noun and a day after it may be: nothing ('the blast on Friday')
#: or a prepositional phrase ('on the Maardibsa market', 'of the Kafr Takharim school'), no
#: verb ('the evacuation had begun on Wednesday' dates the beginning, and refers back)
#: (the phrase's first words: date_context_words.csv, noun_day_preposition)
_NOUN_TAIL = re.compile(
    r"\s*(?:(?:" + "|".join(WORDS.context["noun_day_preposition"]) + r")\s+"
    r"(?:the\s+|a\s+|an\s+)?(?:[\w'’-]+\s+){0,4})?\Z",
    re.I,
)
_FIGURE = re.compile(r"\d")
_VERB_LIKE = re.compile(r"\b(?:\w+ed|is|was|were|are|has|have|had|will|would|be|been)\b", re.I)
_DETERMINER_END = re.compile(r"\b(?:the|this|that|these|those)\s+\Z", re.I)
#: a clause between the noun and the day: a clause's mark or its first word (lower case;
#: date_context_words.csv, noun_day_clause)
_CLAUSE_MARK = re.compile(r"[,;:()]|\b(?:" + "|".join(WORDS.context["noun_day_clause"]) + r")\b")


def _day_of_noun(m: Mention, text: str):
    """The mention's own day when its words date the noun itself: a day told in the noun
    phrase right after it or between its determiner and it, no clause between; else None."""
    date = m.date
    if date.source not in ("explicit", "weekday") or date.char_start is None:
        return None
    start, end = date.char_start, date.char_end or date.char_start
    if m.trigger_end <= start <= m.trigger_end + OWN_DAY:
        gap = text[m.trigger_end : start]
        # a figure in between is a predicate's ('the toll from a bombing in Hama rose to 30
        # on Saturday': the day is the rise's), not the noun's own phrase
        if _NOUN_TAIL.fullmatch(gap) is None or _VERB_LIKE.search(gap) or _FIGURE.search(gap):
            return None
    elif (
        m.trigger_start - REACH <= start
        and end <= m.trigger_start
        and _DETERMINER_END.search(text, max(0, start - 8), start) is not None
    ):  # 'the 2 June air raid': the day between the determiner and the noun
        gap = text[end : m.trigger_start]
    else:
        return None
    return None if _CLAUSE_MARK.search(gap) else date


def _shares_day(antecedent: Mention, day) -> bool:
    """The antecedent's window shares a day with the noun's own day."""
    return antecedent.date.start <= day.end and day.start <= antecedent.date.end


def _own_day_first(m: Mention, antecedent: Mention, text: str) -> bool:
    """'the death toll of Sunday night's attack ... . A day later, two more bodies were
    found': a noun dated by its own day in the possessive keeps that day; a happening told
    after it is no day of its (session 31; 'the toll from a bombing rose to 41 on Saturday'
    is the toll's day, not the bombing's, and still refers back)."""
    end = m.date.char_end
    return (
        antecedent.char_start > m.char_start
        and m.date.source in ("explicit", "weekday")
        and end is not None
        and text[end : end + 2] in ("'s", "\u2019s")
    )


def refer_back(mentions: list[Mention], text: str) -> list[Mention]:
    """The article's mentions, each one that tells an earlier happening again by a definite
    noun made that happening's (its day, place and type)."""
    if len(mentions) < 2:
        return mentions
    out = list(mentions)
    for i, m in enumerate(out):
        reference = _reference(m, text)
        if reference is None:
            continue
        kind, generic = reference
        candidates = [a for a in out if a is not m and _fits(a, m, kind, generic)]
        candidates = [a for a in candidates if not _reference(a, text)] or candidates
        if not candidates:
            continue
        if (own := _day_of_noun(m, text)) is not None:
            # 'the toll of the air strikes on the Maardibsa market on 20 May': a noun with
            # its own day tells no happening of another day again
            candidates = [a for a in candidates if _shares_day(a, own)]
            if not candidates:
                continue
        antecedent = min(candidates, key=lambda a: abs(a.trigger_start - m.trigger_start))
        if _own_place(m) and m.place_id != antecedent.place_id:
            continue  # 'the strike on Orra' after a strike on Lisk: another strike
        own_day = _own_day_first(m, antecedent, text)
        out[i] = replace(
            m,
            event_type=antecedent.event_type,
            date=m.date if own_day else told_again(m.date, antecedent.date),
            background=antecedent.background,
            place_name=antecedent.place_name,
            place_id=antecedent.place_id,
            latitude=antecedent.latitude,
            longitude=antecedent.longitude,
            country=antecedent.country,
            geo_precision=antecedent.geo_precision,
            place_start=None,
            place_end=None,
            place_note=NOTE if antecedent.place_id else antecedent.place_note,
            # a town the antecedent borrowed keeps its radius (etl.extraction.borrowed_places)
            place_radius_km=antecedent.place_radius_km
            if borrowing(antecedent.place_note)
            else None,
            place_region=None,
        )
    return out
