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


def _usable(found: frozenset[str] | None, common: bool = False, limit: int = MAX_CHOICES) -> bool:
    return (
        found is not None
        and 0 < len(found) <= limit
        and all(_selective(word, common) for word in found)
    )


def _selective(word: str, common: bool = False) -> bool:
    """A word worth a lookup; with `common`, the COMMON words count too."""
    if word in RARE_SYMBOLS:
        return True
    # ' of th' (from 'of (?:those|the)') holds no word worth a lookup; 'carried out ' does
    return any(len(w) >= MIN_LENGTH and (common or w not in COMMON) for w in _WORD.findall(word))


def _sequence(items: list, common: bool = False, limit: int = MAX_CHOICES) -> frozenset[str] | None:
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
        if run and _usable(frozenset({run}), common, limit):
            candidates.append(frozenset({run}))
        run = ""
        found = _element(op, value, common, limit)
        if _usable(found, common, limit):
            candidates.append(found)  # type: ignore[arg-type]
    if run and _usable(frozenset({run}), common, limit):
        candidates.append(frozenset({run}))
    if not candidates:
        return None
    return max(candidates, key=lambda words: (min(map(_weight, words)), -candidates.index(words)))


def _weight(word: str) -> int:
    """How selective a required word is: its length, a rare symbol counting as a long word."""
    return 8 if word in RARE_SYMBOLS else len(word.strip(" '’-"))


def _element(op, value, common: bool = False, limit: int = MAX_CHOICES) -> frozenset[str] | None:
    if op is sre.SUBPATTERN:
        return _sequence(list(value[-1]), common, limit)
    if op is sre.BRANCH:
        choices: set[str] = set()
        for branch in value[1]:
            found = _sequence(list(branch), common, limit)
            if not _usable(found, common, limit):
                return None
            choices |= found  # type: ignore[arg-type]
        return frozenset(choices)
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT, getattr(sre, "POSSESSIVE_REPEAT", None)):
        low, _, body = value
        return _sequence(list(body), common, limit) if low >= 1 else None
    if op is sre.ATOMIC_GROUP if hasattr(sre, "ATOMIC_GROUP") else False:
        return _sequence(list(value), common, limit)
    return None


def required_sets(pattern: str, limit: int = MAX_CHOICES) -> tuple[frozenset[str], ...]:
    """Every usable requirement of `pattern`, not only the most selective: each is a set of
    lower-case strings one of which every match contains, so a sentence missing any one of
    them cannot match ('trucks? ... left' needs a truck word and 'left'; `limit`: the most
    strings one set may hold, MAX_CHOICES unless told). A pattern whose
    every requirement holds a COMMON word ('(?:told|ordered|warned) ...', '... said') gets
    those: better tried where one of them stands than in every sentence. Empty when the
    pattern has none worth filtering on even so."""
    parsed = list(sre_parse.parse(pattern, re.IGNORECASE))
    found: list[frozenset[str]] = []
    _all_in_sequence(parsed, found, limit=limit)
    if not found:
        _all_in_sequence(parsed, found, True, limit)
    return tuple(dict.fromkeys(found))


def _all_in_sequence(
    items: list, found: list[frozenset[str]], common: bool = False, limit: int = MAX_CHOICES
) -> None:
    run = ""
    for op, value in items:
        if op is sre.LITERAL:
            run += chr(value).lower()
            continue
        if op in _ZERO_WIDTH:
            continue
        if run and _usable(frozenset({run}), common, limit):
            found.append(frozenset({run}))
        run = ""
        if op is sre.SUBPATTERN:
            # a group: all its requirements hold
            _all_in_sequence(list(value[-1]), found, common, limit)
        elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT) and value[0] >= 1:
            _all_in_sequence(list(value[2]), found, common, limit)  # repeated at least once
        elif _usable(element := _element(op, value, common, limit), common, limit):
            found.append(element)  # type: ignore[arg-type]
    if run and _usable(frozenset({run}), common, limit):
        found.append(frozenset({run}))


# --- words that open where no word character stands before them ---------------------------
# (session 26) The trigger rows' stem automaton finds its words inside other words too: 'ied'
# of 'died', 'aid' of 'said', 'slam' of 'Islamic'. A row whose pattern can hold such a word
# only where the character before it is no word character (the row's opening, wrapped in
# '(?<![\w-])'; after '\b'; after a space or '\s+') cannot match by a find that stands right
# after a letter, a digit or '_': `edged_words` reads those words from the pattern, so that
# `trigger_rules._stems` lets such a find try only the rows that read the word elsewhere.

#: what is known of the character before the position being read: nothing; no word
#: character (or none at all: the text's start); a '\b' (no word character before exactly
#: when a word character follows)
_NONE, _EDGE, _BOUND = 0, 1, 2
_REPEATS = (sre.MAX_REPEAT, sre.MIN_REPEAT, getattr(sre, "POSSESSIVE_REPEAT", sre.MAX_REPEAT))
_STARTS = (sre.AT_BEGINNING, sre.AT_BEGINNING_STRING, getattr(sre, "AT_BEGINNING_LINE", None))
_ENDS = (sre.AT_END, sre.AT_END_STRING, getattr(sre, "AT_END_LINE", None))


class _Unread(Exception):
    """A construct `_walk` does not read: no word of the pattern is taken as edged."""


def _is_word(ch: str) -> bool:
    return ch.isalnum() or ch == "_"  # the regex engine's \w (Unicode)


def edged_words(pattern: str, opening_edge: bool = False) -> frozenset[str]:
    """The lower-case words (as `required_sets` builds them: runs of literals) of `pattern`
    that open with a word character and, wherever the pattern consumes them, stand where the
    character before is no word character (or at the text's start). `opening_edge`: the
    pattern is matched after '(?<![\\w-])' (`trigger_rules._bounded`). A word read at one
    place so and at another not is not edged; a pattern holding a construct not read here
    has none."""
    flags: dict[str, bool] = {}
    try:
        _walk(list(sre_parse.parse(pattern, re.IGNORECASE)), _EDGE if opening_edge else _NONE,
              flags)  # fmt: skip
    except _Unread:
        return frozenset()
    return frozenset(w for w, edged in flags.items() if edged and _is_word(w[0]))


def closed_words(pattern: str, closing_edge: bool = False) -> frozenset[str]:
    """`edged_words` read from the other side: the words that end with a word character and,
    wherever the pattern consumes them, stand where the character after is no word character
    (or at the end of the text the pattern reads). `closing_edge`: the pattern is matched
    before '(?![\\w-])' (`trigger_rules._bounded`)."""
    flags: dict[str, bool] = {}
    try:
        _walk(list(sre_parse.parse(pattern, re.IGNORECASE)), _EDGE if closing_edge else _NONE,
              flags, back=True)  # fmt: skip
    except _Unread:
        return frozenset()
    return frozenset(w for w, edged in flags.items() if edged and _is_word(w[-1]))


def _record(flags: dict[str, bool], run: str, edged: bool) -> None:
    flags[run] = flags.get(run, True) and edged


def _walk(items: list, state: int, flags: dict[str, bool], back: bool = False) -> int:
    """Read a sequence from `state`: record each run of literals with whether it opens after
    no word character; the state after the sequence. `back`: read from the end, of the
    character after each run (`closed_words`)."""
    run, run_edged = "", False
    for op, value in reversed(items) if back else items:
        if op is sre.LITERAL:
            ch = chr(value)
            if not run:
                run_edged = state == _EDGE or (state == _BOUND and _is_word(ch))
            run = ch.lower() + run if back else run + ch.lower()
            state = _NONE if _is_word(ch) else _EDGE
            continue
        if op in _ZERO_WIDTH:  # the run goes on across it, as `_sequence` reads it
            state = _zero_width(op, value, state, back)
            continue
        if run:
            _record(flags, run, run_edged)
        run = ""
        state = _consume(op, value, state, flags, back)
    if run:
        _record(flags, run, run_edged)
    return state


def _zero_width(op, value, state: int, back: bool = False) -> int:
    """An assertion consumes nothing: what was known of the character before still holds,
    and it may tell more."""
    if op is sre.AT:
        if value is sre.AT_BOUNDARY:
            return _EDGE if state == _EDGE else _BOUND
        if value in (_ENDS if back else _STARTS):
            return _EDGE  # the text's start (end), or by a line break
        return state
    if op is sre.ASSERT_NOT:
        direction, body = value
        if (
            direction == (1 if back else -1)
            and len(body) == 1
            and body[0][0] is sre.IN
            and (sre.CATEGORY, sre.CATEGORY_WORD) in body[0][1]
        ):
            return _EDGE  # '(?<![\w-])', '(?<!\w)': no word character before ('(?![\w-])': after)
    return state


def _set_is_word_free(members: list) -> bool:
    """A character class none of whose characters is a word character."""
    for op, value in members:
        if op is sre.LITERAL and not _is_word(chr(value)):
            continue
        if op is sre.CATEGORY and value in (sre.CATEGORY_SPACE, sre.CATEGORY_NOT_WORD):
            continue
        return False
    return bool(members)


def _meet(states: list[int]) -> int:
    return states[0] if all(s == states[0] for s in states) else _NONE


def _consume(op, value, state: int, flags: dict[str, bool], back: bool = False) -> int:
    """Read one item that consumes characters; the state after it."""
    if op is sre.SUBPATTERN:
        return _walk(list(value[-1]), state, flags, back)
    if op is sre.ATOMIC_GROUP if hasattr(sre, "ATOMIC_GROUP") else False:
        return _walk(list(value), state, flags, back)
    if op is sre.BRANCH:
        return _meet([_walk(list(branch), state, flags, back) for branch in value[1]])
    if op in _REPEATS:
        low, _, body = value
        body = list(body)
        # each pass starts where the last ended: from `state` when a pass from it ends in
        # it again, else from nothing known
        start = state if _walk(body, state, {}, back) == state else _NONE
        after = _walk(body, start, flags, back)
        if low == 0:  # no pass at all leaves `state`
            return state if after == state else _NONE
        return after
    if op is sre.IN:
        return _EDGE if _set_is_word_free(list(value)) else _NONE
    if op is sre.CATEGORY:
        return _EDGE if _set_is_word_free([(op, value)]) else _NONE
    if op in (sre.NOT_LITERAL, sre.ANY, sre.GROUPREF):
        return _NONE
    raise _Unread(op)
