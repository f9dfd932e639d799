"""A pattern's search skipped where it cannot match: every match of most rule patterns holds
one of a few words (read from the pattern by etl.extraction.literals), and one pass of an
automaton over the text looking for them costs less than the engine trying the pattern at
each position. The answer is the pattern's own wherever it could match."""

from __future__ import annotations

import re
from collections.abc import Iterator

import ahocorasick

from etl.extraction.alternation import CASE_FOLDS
from etl.extraction.literals import required_sets

#: Characters that match an ASCII letter when case is ignored but that str.lower() does not
#: turn into it ('İ', the Kelvin sign, ...): where one stands, `search` runs the pattern.
FOLDS = "".join(CASE_FOLDS.values())

#: id of a pattern -> (the pattern, kept alive, and its words' automaton or None); by id,
#: since hashing a compiled pattern reads all of its code each time
_WORDS: dict[int, tuple[re.Pattern[str], ahocorasick.Automaton | None]] = {}


def words_of(pattern: re.Pattern[str]) -> ahocorasick.Automaton | None:
    """The words one of which every match of the pattern holds (lower case), in an
    automaton; None when it has none (or one outside ASCII)."""
    known = _WORDS.get(id(pattern))
    if known is not None and known[0] is pattern:
        return known[1]
    found = required_sets(pattern.pattern)
    automaton = None
    if found and all(word.isascii() for word in found[0]):
        automaton = ahocorasick.Automaton()
        for word in found[0]:
            automaton.add_word(word, word)
        automaton.make_automaton()
    _WORDS[id(pattern)] = (pattern, automaton)
    return automaton


def finditer(
    pattern: re.Pattern[str], text: str, pos: int = 0, endpos: int | None = None
) -> Iterator[re.Match[str]]:
    """`pattern.finditer(text, pos, endpos)`, not run where text[pos:endpos] holds none of
    the words every match holds (as `search`)."""
    words = words_of(pattern)
    if words is not None:
        span = text[pos:endpos] if pos or endpos is not None else text
        if next(words.iter(span.lower()), None) is None and (
            span.isascii() or not any(ch in span for ch in FOLDS)  # FOLDS: none ASCII
        ):
            return iter(())
    if endpos is None:
        return pattern.finditer(text, pos)
    return pattern.finditer(text, pos, endpos)


def search(
    pattern: re.Pattern[str], text: str, pos: int = 0, endpos: int | None = None
) -> re.Match[str] | None:
    """`pattern.search(text, pos, endpos)`, not run where text[pos:endpos] holds none of
    the words every match holds (a match lies inside that span, so it would hold one)."""
    words = words_of(pattern)
    if words is not None:
        span = text[pos:endpos] if pos or endpos is not None else text
        if next(words.iter(span.lower()), None) is None and (
            span.isascii() or not any(ch in span for ch in FOLDS)  # FOLDS: none ASCII
        ):
            return None
    if endpos is None:
        return pattern.search(text, pos)
    return pattern.search(text, pos, endpos)
