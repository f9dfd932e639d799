"""A long alternation of cue words, written so that the regex engine tries few of them.

The context tables (trigger_contexts.csv) join a hundred cues or more into one alternation
('will|would|could|...|denied|refused to|...'). Python's engine tries every alternative at
every position; the same alternatives grouped under their first letter
('w(?:ill|ould)|c(?:ould)|d(?:enied)|...') cost one test per letter instead. At each position
the grouped pattern can match exactly what the plain one can (alternatives with different
first letters never match at one position alike, and the order within a letter is kept), so
a search finds a match where the plain one does; the trigger code only asks whether one
exists. Alternatives that do not open with a plain letter stay as they are, after the groups.
"""

from __future__ import annotations

import re

_QUANTIFIERS = "?*+{"


def alternatives(pattern: str) -> list[str] | None:
    """The top-level alternatives of a pattern ('a|b(?:c|d)' -> ['a', 'b(?:c|d)']), or None
    when the pattern is not one this simple reader can split safely."""
    parts, depth, begin, i = [], 0, 0, 0
    while i < len(pattern):
        ch = pattern[i]
        if ch == "\\":
            i += 2
            continue
        if ch == "[":
            close = pattern.find("]", i + 2 if pattern[i + 1 : i + 2] in ("]", "^") else i + 1)
            if close < 0 or "[" in pattern[i + 1 : close] or pattern[close - 1] == "\\":
                return None  # nested, escaped or unclosed classes: left whole
            i = close + 1
            continue
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif ch == "|" and depth == 0:
            parts.append(pattern[begin:i])
            begin = i + 1
        i += 1
    parts.append(pattern[begin:])
    if depth != 0:
        return None
    try:
        for part in parts:
            re.compile(part)
    except re.error:
        return None
    return parts


def by_first_letter(patterns: list[str]) -> str:
    """The alternation of `patterns` (each a regular expression), grouped by first letter."""
    groups: dict[str, list[str]] = {}
    rest: list[str] = []
    for pattern in patterns:
        parts = alternatives(pattern)
        if parts is None:
            rest.append(f"(?:{pattern})")
            continue
        for part in parts:
            first, after = part[:1], part[1:2]
            if first.isascii() and first.isalpha() and (after == "" or after not in _QUANTIFIERS):
                groups.setdefault(first, []).append(part[1:])  # the letter as written
            else:
                rest.append(f"(?:{part})")
    grouped = [f"{first}(?:{'|'.join(tails)})" for first, tails in groups.items()]
    return "|".join(grouped + rest)
