"""Who acts and who says so: actor names normalised, and the claimant of a sentence.

Actors come from `data/lexicon/actors.csv` (one row per actor, its spellings as regular
expressions separated by ";"): IS, ISIS, ISIL and Islamic State are one actor. The claimant
is whoever the sentence attributes it to ("SDF spokesman Mustafa Bali said", "according to
the Observatory", ", medics and witnesses said").
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from etl.settings import ROOT

LEXICON = ROOT / "data" / "lexicon" / "actors.csv"
_SPEECH = (
    r"said|says|told|reported|tweeted|announced|stated|added|claimed|confirmed|estimated|"
    r"counted|warned|wrote|noted|explained|insisted|acknowledged|alleged"
)
_AFTER = re.compile(rf",\s*(?P<who>[^,;:“”\"]{{2,90}}?)\s+(?:{_SPEECH})\b[^,;]{{0,40}}[.”\"]*\s*$")
_BEFORE = re.compile(rf"(?P<who>[^,;:“”\"—]{{2,90}}?)\s+(?:{_SPEECH})\b")
_ACCORDING = re.compile(r"\baccording to (?P<who>[^,;.:“”\"]{2,90})")
_STOP_WORDS = re.compile(
    r"^(?:and|but|while|as|which|who|that|he|she|it|they|we|this|there)\b", re.I
)
_AUXILIARY = re.compile(r"\s+(?:have|has|had|also|later|earlier|then|previously|had also)$", re.I)


@dataclass(frozen=True)
class ActorMatch:
    actor: str
    start: int
    end: int


@dataclass(frozen=True)
class Claimant:
    text: str
    start: int
    end: int
    actor: str | None


@lru_cache(maxsize=4)
def load_lexicon(path: Path = LEXICON) -> tuple[re.Pattern[str], tuple[str, ...]]:
    """One pattern for every spelling of every actor, longest spellings first.

    Each spelling is its own numbered group, so a match names its actor through
    `lastindex`; one pass over a sentence finds every actor.
    """
    spellings: list[tuple[str, str]] = []
    with path.open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            spellings += [(spelling, row["actor"]) for spelling in row["patterns"].split(";")]
    spellings.sort(key=lambda pair: len(pair[0]), reverse=True)
    groups = "|".join(f"({spelling})" for spelling, _ in spellings)
    pattern = re.compile(r"(?<![\w-])(?:" + groups + r")(?![\w-])")
    return pattern, tuple(actor for _, actor in spellings)


def find_actors(text: str, start: int, end: int) -> list[ActorMatch]:
    """Every actor mentioned in text[start:end], left to right."""
    pattern, actors = load_lexicon()
    return [
        ActorMatch(actors[m.lastindex - 1], m.start(), m.end())
        for m in pattern.finditer(text, start, end)
    ]


def actor_in(text: str) -> str | None:
    """The first actor named in a short phrase (a claimant, say), or None."""
    matches = find_actors(text, 0, len(text))
    return matches[0].actor if matches else None


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and (text[start].isspace() or text[start] in "—-("):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",—-"):
        end -= 1
    return start, end


def find_claimant(text: str, start: int, end: int) -> Claimant | None:
    """Who the sentence text[start:end] is attributed to, if anyone."""
    sentence = text[start:end]
    for pattern in (_ACCORDING, _AFTER, _BEFORE):
        match = pattern.search(sentence)
        if not match:
            continue
        who_start, who_end = _trim(text, start + match.start("who"), start + match.end("who"))
        who = text[who_start:who_end]
        who = _AUXILIARY.sub("", _STOP_WORDS.sub("", who).strip()).strip()
        if (
            not who
            or who[0].islower()
            and not who.startswith(("the ", "an ", "a ", "her ", "his "))
        ):
            continue
        who_start = text.find(who, who_start, who_end + 1)
        if who_start < 0:
            continue
        return Claimant(who, who_start, who_start + len(who), actor_in(who))
    return None


def assign_roles(
    actors: list[ActorMatch], trigger_start: int, claimant: Claimant | None
) -> tuple[str | None, str | None]:
    """actor1 (who acts) and actor2 (the other side) around a trigger word.

    'by X' names the actor; otherwise the nearest actor before the trigger acts and the
    first different actor after it is the other side. The claimant's own words are skipped.
    """
    usable = [
        a
        for a in actors
        if not (claimant and claimant.start <= a.start < claimant.end) and a.actor != "civilians"
    ]
    before = [a for a in usable if a.end <= trigger_start]
    after = [a for a in usable if a.start >= trigger_start]
    actor1 = before[-1].actor if before else None
    actor2 = next((a.actor for a in after if a.actor != actor1), None)
    if actor1 is None and after:
        actor1, actor2 = (
            after[0].actor,
            next((a.actor for a in after[1:] if a.actor != after[0].actor), None),
        )
    return actor1, actor2
