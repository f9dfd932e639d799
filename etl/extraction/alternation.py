"""A long alternation of cue words, written so that the regex engine tries few of them.

The context tables (trigger_contexts.csv) join a hundred cues or more into one alternation
('will|would|could|...|denied|refused to|...'). Python's engine tries every alternative at
every position; the same alternatives grouped under their first letter
('w(?:ill|ould)|c(?:ould)|d(?:enied)|...') cost one test per letter instead. At each position
the grouped pattern can match exactly what the plain one can (alternatives with different
first letters never match at one position alike, and the order within a letter is kept), so
a search finds a match where the plain one does; the trigger code only asks whether one
exists. Alternatives that do not open with a plain letter stay as they are, after the groups.

`letter_first` goes further where every alternative opens with a plain letter: the pattern
then opens with a case-sensitive class of those letters, which lets the engine skip along
the text to them, with the same matches. An alternative may also open with a group whose
own alternatives do so ('(?:told|ordered) ...').
"""

from __future__ import annotations

import re

_QUANTIFIERS = "?*+{"


def _structure(pattern: str, strict: bool = True):
    """(index, character) of each character of `pattern` outside escapes and character
    classes, in order; a class it cannot skip safely (unclosed; with `strict`, also nested or
    ending in an escape) yields (index, None) and ends the scan."""
    i = 0
    while i < len(pattern):
        ch = pattern[i]
        if ch == "\\":
            i += 2
            continue
        if ch == "[":
            close = pattern.find("]", i + 2 if pattern[i + 1 : i + 2] in ("]", "^") else i + 1)
            unsafe = strict and ("[" in pattern[i + 1 : close] or pattern[close - 1] == "\\")
            if close < 0 or unsafe:
                yield i, None
                return
            i = close + 1
            continue
        yield i, ch
        i += 1


def alternatives(pattern: str) -> list[str] | None:
    """The top-level alternatives of a pattern ('a|b(?:c|d)' -> ['a', 'b(?:c|d)']), or None
    when the pattern is not one this simple reader can split safely."""
    parts, depth, begin = [], 0, 0
    for i, ch in _structure(pattern):
        if ch is None:
            return None  # nested, escaped or unclosed classes: left whole
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif ch == "|" and depth == 0:
            parts.append(pattern[begin:i])
            begin = i + 1
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


def spread(pattern: str) -> list[str]:
    """The pattern's alternatives with each opening group's alternatives spread out
    ('(?:told|spoke) to|briefing' -> ['told to', 'spoke to', 'briefing']), so that
    `by_first_letter` can group them by the letter they open with. The same matches, tried in
    the same order; a group that is repeated, captures or cannot be split is left whole."""
    parts = alternatives(pattern)
    if parts is None:
        return [pattern]
    spread_out: list[str] = []
    for part in parts:
        close = _closing(part) if part.startswith("(?:") else None
        tail = part[close + 1 :] if close is not None else ""
        if close is None or tail[:1] in tuple(_QUANTIFIERS):
            spread_out.append(part)
            continue
        inner = spread(part[3:close])
        if len(inner) == 1 and inner[0] == part[3:close] and alternatives(inner[0]) is None:
            spread_out.append(part)
            continue
        spread_out += [alternative + tail for alternative in inner]
    return spread_out


def at_word_start(part: str) -> str:
    """An alternative as tried only where a word starts (the start of the string, or after
    a space): a leading \\b before a plain letter (or a group of such alternatives) always
    holds there and is left out."""
    if part.startswith("\\b") and _lettered(part[2:]) is not None:
        return part[2:]
    return part


def word_start_alternation(patterns: list[str]) -> str:
    """`by_first_letter(patterns)` for a pattern tried only where a word starts: each
    alternative's leading \\b left out where it always holds (`at_word_start`) and its
    opening groups spread out (`spread`), so that nearly all of them are grouped."""
    parts: list[str] = []
    for pattern in patterns:
        for part in alternatives(pattern) or [f"(?:{pattern})"]:
            parts += spread(at_word_start(part))
    return by_first_letter(parts)


#: Characters besides a letter's two cases that match it when case is ignored (Python's re,
#: Unicode): the dotless and dotted I, the Kelvin sign, the long s (tests check the list).
CASE_FOLDS = {"i": "\u0131\u0130", "k": "\u212a", "s": "\u017f"}


def case_letters(letter: str) -> set[str]:
    """Every character `re.IGNORECASE` matches to `letter`: its two cases and `CASE_FOLDS`."""
    return {letter.lower(), letter.upper(), *CASE_FOLDS.get(letter.lower(), "")}


BOUNDARY = r"(?<![\w-])"  # a word starts here: no letter, digit, _ or hyphen before
DIGIT = "\\d"  # an alternative's opening `letter_first(wider=True)` reads as a class


def letter_first(
    alternation: str,
    tail: str = "",
    flags: int = 0,
    boundary: bool = True,
    word_start: bool = False,
    group: str | None = None,
    wider: bool = False,
    grouped: bool = False,
) -> re.Pattern[str] | None:
    """`BOUNDARY(?:alternation)tail` (without BOUNDARY when `boundary` is False; with
    `word_start`, `\\b(?:alternation)tail`: no word character before), compiled so
    that the regex engine skips to the letters the alternatives open with, as it does for a
    pattern that opens with a plain character class, instead of trying every position (about
    twice as fast over a sentence). Each alternative keeps its place and is tried only after
    its own first letter ('shelled' as '(?<=s)helled'), so the matches are the same. With
    `group`, the alternation's match (its first letter too) is that named group. None when
    some alternative does not open with a plain ASCII letter. `wider`: an alternative may
    also open with a digit ('\\d'), or with '\\b' before what opens with a letter or digit
    (`_lettered`)."""
    lettered = _lettered_alternatives(alternation, wider)
    if lettered is None:
        return None
    firsts, body = lettered
    if grouped:
        body = _grouped_body(alternation, flags, wider) or body
    letters = set()
    for first in firsts:
        if first == DIGIT:  # a class of its own: no case
            letters.add(first)
            continue
        letters |= case_letters(first) if flags & re.IGNORECASE else {first}
    # the first letter is read case-sensitively so the engine can skip to it; the boundary
    # is then tested behind that letter
    behind = r"(?<!\w(?s:.))" if word_start else r"(?<![\w-](?s:.))" if boundary else ""
    opening = f"(?-i:[{''.join(sorted(letters))}])" + behind
    if group is not None:  # a leading group still lets the engine skip to the letters
        return re.compile(f"(?P<{group}>{opening}(?:{body})){tail}", flags)
    return re.compile(f"{opening}(?:{body}){tail}", flags)


def word_start_pattern(alternation: str, tail: str = "", flags: int = 0) -> re.Pattern[str]:
    """`\\b(?:alternation)tail` compiled letter first where every alternative opens with a
    plain letter (`letter_first` with `word_start`: the engine skips to those letters, the
    matches the same), else as written (a rule word of the data files that opens otherwise)."""
    fast = letter_first(alternation, tail, flags, word_start=True)
    return fast or re.compile(rf"\b(?:{alternation}){tail}", flags)


def _grouped_body(alternation: str, flags: int, wider: bool) -> str | None:
    """`letter_first`'s body with the alternatives of one first letter behind one test of
    it ('(?<=p)(?:olice officer|eacekeeper)|(?<=s)(?:hepherd|on)'), in their order within
    the letter, the letters in the order they first come: the engine then tries at a word's
    start only the alternatives of its letter, not each alternative's own test of it. The
    matches are the same, since alternatives of different letters never match at one place
    (a character matches one ASCII letter, case aside). None (left as it is) unless every
    alternative opens with one plain letter."""
    parts = alternatives(alternation)
    groups: dict[str, list[str]] = {}
    for part in parts or ():
        lettered = _lettered(part, wider)
        if lettered is None or len(lettered[0]) != 1:
            return None
        first = next(iter(lettered[0]))
        if not (first.isascii() and first.isalpha()):
            return None
        body = lettered[1]
        opening = f"(?<={first})"
        key = first.lower() if flags & re.IGNORECASE else first
        groups.setdefault(key, []).append(
            body[len(opening) :] if body.startswith(opening) else body
        )
    if not groups:
        return None
    return "|".join(
        f"(?<={key})(?:{'|'.join(bodies)})" if len(bodies) > 1 else f"(?<={key}){bodies[0]}"
        for key, bodies in groups.items()
    )


def _lettered_alternatives(alternation: str, wider: bool = False) -> tuple[set[str], str] | None:
    """The first letters of an alternation's alternatives, and the alternation written to
    be read after that letter (each alternative behind `(?<=letter)`); None when some
    alternative does not open with a plain ASCII letter."""
    parts = alternatives(alternation)
    if not parts:
        return None
    letters: set[str] = set()
    bodies = []
    for part in parts:
        lettered = _lettered(part, wider)
        if lettered is None:
            return None
        letters |= lettered[0]
        bodies.append(lettered[1])
    return letters, "|".join(bodies)


def _lettered(part: str, wider: bool = False) -> tuple[set[str], str] | None:
    """One alternative as `_lettered_alternatives` writes it: opening with a letter or with
    a non-capturing group of such alternatives (not repeated), after any lookbehinds.
    ('\\b(?:after|...)' is left: the letters read first and the boundary tested behind them
    cost more than the \\b.) With `wider`, also one opening with a digit ('\\d' once or
    '\\d+', read as '\\d' then '\\d*': the same lengths tried in the same order) or with
    '\\b' before a letter or digit: there, a word character, '\\b' holds only where no word
    character stands before it, which is tested behind it ('(?<!\\w(?s:.))'). A pattern
    row that opens with one of these among its alternatives ('(?:\\d+|two|dozens) were
    killed') is then tried only at the characters it can open with (trigger_rules)."""
    first, after = part[:1], part[1:2]
    if first.isascii() and first.isalpha():
        if after and after in _QUANTIFIERS:
            return None
        return {first}, f"(?<={first}){part[1:]}"
    if wider and part.startswith(DIGIT):
        after = part[2:3]
        if after == "+" and part[3:4] not in ("?", "+"):
            return {DIGIT}, f"(?<={DIGIT}){DIGIT}*{part[3:]}"
        if after and after in _QUANTIFIERS:
            return None
        return {DIGIT}, f"(?<={DIGIT}){part[2:]}"
    if wider and part.startswith("\\b"):
        rest = _lettered(part[2:], wider)
        return None if rest is None else (rest[0], f"(?<!\\w(?s:.)){rest[1]}")
    if part.startswith(("(?<!", "(?<=")):
        # '(?<!hunger )strikes?': the assertion made behind the letter read first, one
        # character further back ('(?<!hunger (?s:.))'), says the same
        close = _closing(part)
        rest = _lettered(part[close + 1 :], wider) if close is not None else None
        return None if rest is None else (rest[0], f"{part[:close]}(?s:.)){rest[1]}")
    if not part.startswith("(?:"):
        return None
    close = _closing(part)
    if close is None or part[close + 1 : close + 2] in tuple(_QUANTIFIERS):
        return None
    inner = _lettered_alternatives(part[3:close], wider)
    return None if inner is None else (inner[0], f"(?:{inner[1]}){part[close + 1 :]}")


def _closing(pattern: str) -> int | None:
    """Where the group opening `pattern` closes (escapes and classes skipped), or None."""
    depth = 0
    for i, ch in _structure(pattern, strict=False):
        if ch is None:
            return None
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
            if depth == 0:
                return i
    return None


def longest_first(words) -> list[str]:
    """The distinct words, longest first (so 'car bombs' is tried before 'car'), words of one
    length in alphabetical order: a pattern made of them reads the same whatever order a set
    of them is iterated in (PYTHONHASHSEED), not only matches the same."""
    return sorted(set(words), key=lambda word: (-len(word), word))


def words_by_first_letter(words, ignore_case: bool = True) -> str:
    """`figure_words.alternation(words)` (longest first, a space matching any whitespace)
    with the words grouped under their first letter ('w(?:omen\\s+and\\s+children|ounded)|
    f(?:ighters|...)|...'): one test per letter instead of one per word, the order within a
    letter kept, so a match at a position is the same word. With `ignore_case` (the pattern
    is read without case) a letter's two cases are one group, written in lower case; words
    that open with no ASCII letter follow the groups, in their order."""
    ordered = longest_first(words)
    groups: dict[str, list[str]] = {}
    rest: list[str] = []
    for word in ordered:
        first = word[:1]
        if first.isascii() and first.isalpha():
            key = first.lower() if ignore_case else first
            groups.setdefault(key, []).append(re.escape(word[1:]).replace(r"\ ", r"\s+"))
        else:
            rest.append(re.escape(word).replace(r"\ ", r"\s+"))
    grouped = [f"{first}(?:{'|'.join(tails)})" for first, tails in groups.items()]
    return "|".join(grouped + rest)
