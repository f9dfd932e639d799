"""Required words of a regular expression: strings one of which every match must contain.

The trigger tables hold regular expressions an analyst writes; before running them on a
sentence the extractor checks, with one pass of an Aho-Corasick automaton over the article,
that the sentence holds at least one word the pattern cannot match without (the most
selective such word: 'crossed into' rather than 'troops|forces|...'). Those words are
read here from the pattern itself (Python's own parser), so a new table row never needs a
hand-kept list of stems beside it, and never silently stops matching because one was
forgotten. A pattern with no such word (``\\w+ed``) gets ``None``: it is always run.
"""

from __future__ import annotations

import re
from re import _constants as sre  # type: ignore[attr-defined]
from re import _parser as sre_parse  # type: ignore[attr-defined]

#: Shorter required strings would occur in nearly every sentence: no use as a filter.
MIN_LENGTH = 3
#: A branch that can be this many strings is kept whole (one per alternative).
MAX_CHOICES = 64
#: Words in nearly every sentence: a row found by one of them would be tried everywhere.
COMMON = frozenset(
    "the and was were has had have for are that with its their his her this from not but "
    "who which been they she him them our out all can one two new after said".split()
    # ... and in nearly every sentence of conflict reporting
    + "people forces fighters civilians troops government army town city area told".split()
)
#: Symbols rare enough in prose to find a row by on their own ("%"; "?", a question).
RARE_SYMBOLS = frozenset("%$€£§°?")

_WORD = re.compile(r"[^\W_]+")
_ZERO_WIDTH = {sre.AT, sre.ASSERT, sre.ASSERT_NOT}


def required_literals(pattern: str) -> frozenset[str] | None:
    """Lower-case strings, one of which is in every match of `pattern` (matched without
    regard to case); None when the pattern has no such set worth filtering on."""
    parsed = sre_parse.parse(pattern, re.IGNORECASE)
    return _sequence(list(parsed))


def _usable(found: frozenset[str] | None, common: bool = False) -> bool:
    return (
        found is not None
        and 0 < len(found) <= MAX_CHOICES
        and all(_selective(word, common) for word in found)
    )


def _selective(word: str, common: bool = False) -> bool:
    """A word worth a lookup; with `common`, the COMMON words count too."""
    if word in RARE_SYMBOLS:
        return True
    # ' of th' (from 'of (?:those|the)') holds no word worth a lookup; 'carried out ' does
    return any(len(w) >= MIN_LENGTH and (common or w not in COMMON) for w in _WORD.findall(word))


def _sequence(items: list, common: bool = False) -> frozenset[str] | None:
    """The most selective usable requirement of a sequence: the one whose shortest word is
    longest (fewest sentences hold it); the earliest of equals."""
    candidates: list[frozenset[str]] = []
    run = ""
    for op, value in items:
        if op is sre.LITERAL:
            run += chr(value).lower()
            continue
        if op in _ZERO_WIDTH:
            continue  # consumes nothing: the run of letters around it stays contiguous
        if run and _usable(frozenset({run}), common):
            candidates.append(frozenset({run}))
        run = ""
        found = _element(op, value, common)
        if _usable(found, common):
            candidates.append(found)  # type: ignore[arg-type]
    if run and _usable(frozenset({run}), common):
        candidates.append(frozenset({run}))
    if not candidates:
        return None
    return max(candidates, key=lambda words: (min(map(_weight, words)), -candidates.index(words)))


def _weight(word: str) -> int:
    """How selective a required word is: its length, a rare symbol counting as a long word."""
    return 8 if word in RARE_SYMBOLS else len(word.strip(" '’-"))


def _element(op, value, common: bool = False) -> frozenset[str] | None:
    if op is sre.SUBPATTERN:
        return _sequence(list(value[-1]), common)
    if op is sre.BRANCH:
        choices: set[str] = set()
        for branch in value[1]:
            found = _sequence(list(branch), common)
            if not _usable(found, common):
                return None
            choices |= found  # type: ignore[arg-type]
        return frozenset(choices)
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT, getattr(sre, "POSSESSIVE_REPEAT", None)):
        low, _, body = value
        return _sequence(list(body), common) if low >= 1 else None
    if op is sre.ATOMIC_GROUP if hasattr(sre, "ATOMIC_GROUP") else False:
        return _sequence(list(value), common)
    return None


def required_sets(pattern: str) -> tuple[frozenset[str], ...]:
    """Every usable requirement of `pattern`, not only the most selective: each is a set of
    lower-case strings one of which every match contains, so a sentence missing any one of
    them cannot match ('trucks? ... left' needs a truck word and 'left'). A pattern whose
    every requirement holds a COMMON word ('(?:told|ordered|warned) ...', '... said') gets
    those: better tried where one of them stands than in every sentence. Empty when the
    pattern has none worth filtering on even so."""
    parsed = list(sre_parse.parse(pattern, re.IGNORECASE))
    found: list[frozenset[str]] = []
    _all_in_sequence(parsed, found)
    if not found:
        _all_in_sequence(parsed, found, common=True)
    return tuple(dict.fromkeys(found))


def _all_in_sequence(items: list, found: list[frozenset[str]], common: bool = False) -> None:
    run = ""
    for op, value in items:
        if op is sre.LITERAL:
            run += chr(value).lower()
            continue
        if op in _ZERO_WIDTH:
            continue
        if run and _usable(frozenset({run}), common):
            found.append(frozenset({run}))
        run = ""
        if op is sre.SUBPATTERN:
            # a group: all its requirements hold
            _all_in_sequence(list(value[-1]), found, common)
        elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT) and value[0] >= 1:
            _all_in_sequence(list(value[2]), found, common)  # repeated at least once
        elif _usable(element := _element(op, value, common), common):
            found.append(element)  # type: ignore[arg-type]
    if run and _usable(frozenset({run}), common):
        found.append(frozenset({run}))
