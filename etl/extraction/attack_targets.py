"""Whom an attack struck: armed men (a battle) or people who bear no arms (a killing).

An attack told by its verb alone ('gunmen attacked quarry workers asleep in tents', 'stormed
a restaurant', 'sniper fire killed a boy') says nothing of a second side. The sets type it
by its target: violence against civilians is a killing, an attack on a post or a patrol a
battle. The words of the attack's clause are read against two tables an analyst extends:
people by their class in ``data/rules/figure_nouns.csv`` (civilians unarmed; fighters and
troops armed, the classes' sides kept in ``data/rules/attack_targets.csv`` too) and places
and things in ``data/rules/attack_targets.csv``.

Pure functions over text spans.
"""

from __future__ import annotations

import re
from pathlib import Path

from etl.extraction.figure_words import WORDS
from etl.extraction.rules import read_rules

UNARMED, ARMED = "unarmed", "armed"

KINDS = ("word", "class", "whole_side")


def _table(
    folder: Path | None = None,
) -> tuple[dict[str, str], list[tuple[str, str]], frozenset[str]]:
    """data/rules/attack_targets.csv: the figure_nouns.csv classes and their sides, the
    target words and their sides (in file order), and the words that name a whole side."""
    classes = set(WORDS.head_class.values())
    class_side: dict[str, str] = {}
    words: list[tuple[str, str]] = []
    whole: set[str] = set()
    for row in read_rules("attack_targets", ["side", "word"], folder=folder):
        side, kind = row["side"].lower(), row["kind"].lower() or "word"
        word = " ".join(row["word"].lower().split())
        if side not in (UNARMED, ARMED):
            raise ValueError(f"{row.where()}: side must be {UNARMED} or {ARMED}, not {side!r}")
        if kind not in KINDS:
            raise ValueError(f"{row.where()}: kind must be one of {', '.join(KINDS)}, not {kind!r}")
        if kind == "class" and word not in classes:
            raise ValueError(f"{row.where()}: {word!r} is no class of figure_nouns.csv")
        if kind == "class":
            class_side[word] = side
        elif kind == "whole_side":
            whole.add(word)
        else:
            words.append((word, side))
    return class_side, words, frozenset(whole)


#: figure_nouns.csv class -> side (civilians unarmed; fighters and troops armed)
_CLASS_SIDE, _TARGET_WORDS, _WHOLE_SIDE = _table()


def _sides() -> dict[str, str]:
    sides = {word: _CLASS_SIDE[c] for word, c in WORDS.head_class.items() if c in _CLASS_SIDE}
    for word, side in _TARGET_WORDS:
        sides[word] = side
    return sides


#: word (or two words: 'police officers') -> side
SIDES = _sides()
#: Nouns that name a whole side rather than men counted in it ('forces', 'the police'): not
#: read as the dead of a battle ('killed 5 civilians and government forces advanced').
#: ... nor whose arms the text leaves open ('a former commander of the factions').
#: (attack_targets.csv, kind whole_side)
_SIDE_NAMES = _WHOLE_SIDE
#: Armed men by their noun (figure_nouns.csv, classes fighters and troops; one word each, so
#: that 'police officer' reaches no further than 'officer'), longest first: 'N terrorists
#: killed', 'killed 3 militia' are a battle's dead.
ARMED_MEN = tuple(
    sorted(
        (
            w
            for w, c in WORDS.head_class.items()
            if _CLASS_SIDE.get(c) == ARMED and w not in _SIDE_NAMES and " " not in w
        ),
        key=lambda w: (-len(w), w),
    )
)
#: People who bear no arms by their noun (figure_nouns.csv, class civilians), longest first.
UNARMED_PEOPLE = tuple(
    sorted(
        (w for w, c in WORDS.head_class.items() if _CLASS_SIDE.get(c) == UNARMED),
        key=lambda w: (-len(w), w),
    )
)
_WORD = re.compile(r"[^\W\d_][\w'’-]*")
#: Where the attack's clause ends: the next clause's words name other people ('...; security
#: forces ended the siege').
_CLAUSE_END = re.compile(r"[,;:.()]|\s[–—-]\s")
#: How far an attack's object reaches.
_REACH = 100


def clause_end(text: str, start: int, end: int) -> int:
    """Where the clause that runs from `start` ends (at most _REACH characters on)."""
    stop = min(end, start + _REACH)
    found = _CLAUSE_END.search(text, start, stop)
    return found.start() if found else stop


def side(text: str, start: int, end: int) -> str | None:
    """The side the words of text[start:end] name: ARMED when any names armed men or an
    armed place ('the army post', 'a patrol'), else UNARMED when any names civilians or a
    civilian place ('quarry workers', 'a house'), else None."""
    words = [w.lower() for w in _WORD.findall(text, start, end)]
    # two words read before either of them alone ('a truck convoy' is no army's convoy)
    pairs = {
        i: SIDES[f"{a} {b}"]
        for i, (a, b) in enumerate(zip(words, words[1:]))
        if f"{a} {b}" in SIDES
    }
    paired = {i for p in pairs for i in (p, p + 1)}
    named = {SIDES.get(w) for i, w in enumerate(words) if i not in paired}
    named.update(pairs.values())
    if ARMED in named:
        return ARMED
    return UNARMED if UNARMED in named else None
