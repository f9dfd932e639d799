"""The same patterns, compiled to read ASCII-like text faster (re.ASCII), with the same matches.

Python's engine reads a str pattern by Unicode rules: every \\w, \\b, \\d and \\s, and every
letter compared without case, costs a look-up in the Unicode tables for each character it
tests. Compiled with re.ASCII, the same tests are plain table reads. On a *plain* text both
give the same matches:

- every ASCII character is read alike by both, but for the four separators '\\x1c'-'\\x1f',
  which Unicode counts as \\s and ASCII does not (so a text holding one is not plain);
- a character outside ASCII is read alike when it is no letter, digit or space and has no
  other case ('—', '’', '“', '…', '•'): neither \\w, \\d nor \\s then, equal only to itself
  with case ignored or not. A text holding a letter such as 'é' is not plain.

A twin is made only of a pattern that compares no character without case that Unicode
folds to an ASCII letter ('İ' and 'K' to 'i' and 'k', 'ı' and 'ſ' with 'i' and 's':
`alternation.CASE_FOLDS`); such a pattern would match 'i' in Unicode and not in ASCII. Where
no twin can be made, `twin` gives the pattern itself.
"""

from __future__ import annotations

import re
from functools import cache
from re import _constants as sre_constants  # type: ignore[attr-defined]
from re import _parser as sre_parse  # type: ignore[attr-defined]

from etl.extraction.alternation import CASE_FOLDS

#: characters outside ASCII that Unicode compares with an ASCII letter when case is ignored
_FOLDING = frozenset(ord(c) for c in "".join(CASE_FOLDS.values()))
#: what may make a text not plain: a character outside ASCII, or a separator \x1c-\x1f
_ODD = re.compile(r"[^\x00-\x1b\x20-\x7f]")


@cache
def _inert(ch: str) -> bool:
    """A character both readings treat alike: ASCII but \\x1c-\\x1f, or outside ASCII and
    no letter, digit, space or cased character."""
    if ch.isascii():
        return not "\x1c" <= ch <= "\x1f"
    return not (ch.isalnum() or ch.isspace()) and ch.lower() == ch == ch.upper()


def plain(text: str) -> bool:
    """Whether every pattern and its `twin` find the same matches in `text`."""
    if text.isascii():  # only the separators can be odd: four finds cost less than a search
        return not ("\x1c" in text or "\x1d" in text or "\x1e" in text or "\x1f" in text)
    return all(_inert(ch) for ch in set(_ODD.findall(text)))


def _folds_to_ascii(items: list, ignore_case: bool) -> bool:
    """Whether a parsed pattern compares a _FOLDING character while ignoring case."""
    for op, av in items:
        if op is sre_constants.SUBPATTERN:
            _, add, remove, body = av
            case = (ignore_case or bool(add & re.IGNORECASE)) and not remove & re.IGNORECASE
            if _folds_to_ascii(list(body), case):
                return True
        elif op in (sre_constants.LITERAL, sre_constants.NOT_LITERAL):
            if ignore_case and av in _FOLDING:
                return True
        elif op is sre_constants.RANGE:
            if ignore_case and any(av[0] <= c <= av[1] for c in _FOLDING):
                return True
        elif op is sre_constants.IN:
            if _folds_to_ascii(av, ignore_case):
                return True
        elif op is sre_constants.BRANCH:
            if any(_folds_to_ascii(list(b), ignore_case) for b in av[1]):
                return True
        elif op in (sre_constants.ASSERT, sre_constants.ASSERT_NOT):
            if _folds_to_ascii(list(av[1]), ignore_case):
                return True
        elif op in (
            sre_constants.MAX_REPEAT,
            sre_constants.MIN_REPEAT,
            sre_constants.POSSESSIVE_REPEAT,
        ):
            if _folds_to_ascii(list(av[2]), ignore_case):
                return True
        elif op is sre_constants.ATOMIC_GROUP:
            if _folds_to_ascii(list(av), ignore_case):
                return True
        elif op is sre_constants.GROUPREF_EXISTS and any(
            b is not None and _folds_to_ascii(list(b), ignore_case) for b in av[1:]
        ):
            return True
    return False


_TWINS: dict[int, tuple[re.Pattern[str], re.Pattern[str]]] = {}


def twin(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """`pattern` compiled with re.ASCII (the same matches on a `plain` text), or `pattern`
    itself where that cannot be said."""
    known = _TWINS.get(id(pattern))
    if known is not None and known[0] is pattern:
        return known[1]
    made = pattern
    if isinstance(pattern.pattern, str) and not pattern.flags & re.ASCII:
        flags = (pattern.flags & ~re.UNICODE) | re.ASCII
        try:
            parsed = sre_parse.parse(pattern.pattern, pattern.flags)
            if not _folds_to_ascii(list(parsed), bool(parsed.state.flags & re.IGNORECASE)):
                made = re.compile(pattern.pattern, flags)
        except (re.error, ValueError):  # an inline (?u): keep it as it is
            made = pattern
    _TWINS[id(pattern)] = (pattern, made)
    return made
