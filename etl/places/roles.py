"""The role of a place name in its sentence, read from the place rule tables.

`data/rules/place_cues.csv` says which words put a name in a place slot ('in', 'shelled'),
which are skipped on the way ('northern', 'downtown'), which make it a person ('spokesman')
and which are never places. `place_roles.csv` says when a known name is not where something
happened: a government ('Damascus denied'), part of a group's or an outlet's name, a
reporting place, a district named with its larger place. `place_regions.csv` says when it
stands for a region around the place ('the northern countryside of Hama', 'east of Mourek',
'the Mzeireb area and its vicinity'): a point with a radius and a coarser geo precision.
All pure functions of the text and the tables.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import Any

import ahocorasick

from etl.extraction.alternation import (
    CASE_FOLDS,
    by_first_letter,
    case_letters,
    word_start_alternation,
)
from etl.extraction.ascii_twin import plain, twin
from etl.extraction.literals import required_sets
from etl.extraction.number_reading import number_value
from etl.extraction.rules import RULES, read_rules
from etl.places.evidence import ARTICLE, ARTICLE_PREFIX
from etl.problems import InputError, Problem, display_path
from etl.settings import ROOT

LOOK_BEHIND = 50  # characters read before a name for its cues
LOOK_AHEAD = 80  # ... and after it
ROLES = (
    "government",
    "name_part",
    "reporting",
    "subarea",
    "reference",
    "route_end",
    "origin",
    "locator",
)
SIDES = ("before", "after", "between")
CUE_ROLES = (
    "locative", "modifier", "title", "not_place", "anaphor", "head", "contest", "subject", "site",
    "part", "loose_part",
)  # fmt: skip


@dataclass(frozen=True)
class Region:
    """A region around a named place: 'east of Mourek' is precision 2 within 20 km."""

    label: str
    precision: int
    radius_km: float
    #: 'about 35 km south-west of Kirkuk': the point lies so far from the place's, toward
    #: `bearing` (degrees from north); 0 when the phrase gives no distance
    offset_km: float = 0.0
    bearing: float = 0.0


@dataclass(frozen=True)
class _RegionRule:
    side: str
    pattern: re.Pattern[str]
    precision: int
    radius_km: float
    label: str


@dataclass(frozen=True)
class PlaceRules:
    """The three place tables, compiled."""

    cues: dict[str, frozenset[str]]  # word -> its roles
    roles: tuple[tuple[str, str, re.Pattern[str]], ...]  # (role, side, pattern)
    regions: tuple[_RegionRule, ...]
    # every pattern of one side in one alternation: most names have no role and no region,
    # and one search says so faster than a dozen
    any_before: re.Pattern[str] | None = None
    any_after: re.Pattern[str] | None = None
    locatives: frozenset[str] = frozenset()  # the cue words of those two roles, for speed
    modifiers: frozenset[str] = frozenset()
    contests: frozenset[str] = frozenset()  # 'the battle for Raqqa': 'for' after these
    subjects: frozenset[str] = frozenset()  # 'Kunduz fell', 'Raqqa was retaken': verbs after
    # any_before after a space (not a last one): where _ends_with tries it, in one search
    before_words: re.Pattern[str] | None = None
    # any_before for word starts only (where _ends_with tries it): each group of
    # alternatives a pattern opens with spread out and grouped by first letter, so that one
    # letter test at each word rules most patterns out (etl.extraction.alternation)
    before_at_word: re.Pattern[str] | None = None
    # the words one of which every match of some 'before' patterns holds (read from them by
    # etl.extraction.literals), and the two patterns above made of the other 'before'
    # patterns only: where the words before a name hold none of those words, only these can
    # match (most names)
    before_keys: ahocorasick.Automaton | None = None
    unkeyed_words: re.Pattern[str] | None = None
    unkeyed_at_word: re.Pattern[str] | None = None
    # (session 33) a name's cue index: the words one of which every match of each role and
    # region row holds (None: the row has none such; `_row_words`), and the automata of the
    # 'after' and 'between' rows' words (as before_keys is for 'before'): a name's windows
    # are read for those words once, and only the rows whose words stand in them are tried
    role_words: tuple[frozenset[str] | None, ...] = ()
    region_words: tuple[frozenset[str] | None, ...] = ()
    after_keys: ahocorasick.Automaton | None = None
    between_keys: ahocorasick.Automaton | None = None
    #: each 'before' row that has words as the quick test tries it (at word starts, as
    #: before_at_word and before_words are made of them all): (0, role row) or (1, region
    #: row) -> (its pattern at a word start, that pattern after a space)
    before_rows: dict = field(default_factory=dict, compare=False, repr=False)
    #: the 'between' rows alone, each with its words (`is_reference`)
    between_rows: tuple[tuple[re.Pattern[str], frozenset[str] | None], ...] = ()
    #: the words of each cue role of place_cues.csv in an automaton (lower case)
    cue_keys: dict = field(default_factory=dict, compare=False, repr=False)
    #: the rows to try for each pair of words found before and after a name (`_plan`),
    #: shared with the ASCII twins (the same rows in the same order)
    plans: dict = field(default_factory=dict, compare=False, repr=False)

    def has(self, word: str, role: str) -> bool:
        return role in self.cues.get(word.lower(), ())

    def words_of(self, role: str) -> frozenset[str]:
        """Every word of one role (lower case)."""
        return frozenset(w for w, roles in self.cues.items() if role in roles)


@lru_cache(maxsize=8)
def place_rules(folder: Path | None = None) -> PlaceRules:
    """Read and check the three tables: every bad line of every table named by file:line."""
    problems: list[Problem] = []
    cues = _cues(_read(problems, "place_cues", ("word", "role"), (), folder), problems)
    roles = []
    role_rows = _read(problems, "place_roles", ("role", "side", "pattern"), ("pattern",), folder)
    slots = (
        _verb_slots(problems, folder)
        if any("{government_verb" in r["pattern"] for r in role_rows)
        else {}
    )
    for row in role_rows:
        if row["role"] not in ROLES or row["side"] not in SIDES:
            reason = f"role must be one of {ROLES} and side one of {SIDES}"
            problems.append(Problem(row.file, row.line, reason))
            continue
        pattern = row["pattern"]
        for slot, words in slots.items():
            pattern = pattern.replace(slot, words)
        roles.append((row["role"], row["side"], _compile(pattern, row["side"])))
    regions = []
    needed = ("side", "precision", "radius_km", "label", "pattern")
    for row in _read(problems, "place_regions", needed, ("pattern",), folder):
        try:
            precision, radius = int(row["precision"]), float(row["radius_km"])
        except ValueError:
            precision, radius = 0, -1.0
        if precision not in (2, 3) or radius <= 0 or row["side"] not in ("before", "after"):
            problems.append(
                Problem(row.file, row.line, "precision must be 2 or 3, radius_km a positive "
                        "number and side before/after")
            )  # fmt: skip
            continue
        pattern = _compile(row["pattern"], row["side"])
        regions.append(_RegionRule(row["side"], pattern, precision, radius, row["label"]))
    if problems:
        raise InputError(problems)
    sides = [(side, p) for _, side, p in roles] + [(r.side, r.pattern) for r in regions]
    rules = PlaceRules(
        cues, tuple(roles), tuple(regions), _any(sides, "before"), _any(sides, "after")
    )
    before = _at_word_starts(sides, "before")
    keys, unkeyed = _before_keys(sides)
    unkeyed_at_word = _at_word_starts(unkeyed, "before")
    after_keys, _ = _side_keys(sides, "after")
    between_keys, _ = _side_keys([(side, p) for _, side, p in roles], "between")
    return replace(
        rules,
        locatives=rules.words_of("locative"),
        modifiers=rules.words_of("modifier"),
        contests=rules.words_of("contest"),
        subjects=rules.words_of("subject"),
        before_words=re.compile(rf"[ (](?!\Z)(?:{before.pattern})", before.flags)
        if before
        else None,
        before_at_word=before,
        before_keys=keys,
        unkeyed_words=_after_space(unkeyed_at_word),
        unkeyed_at_word=unkeyed_at_word,
        role_words=tuple(_row_words(p) for _, _, p in roles),
        region_words=tuple(_row_words(r.pattern) for r in regions),
        after_keys=after_keys,
        between_keys=between_keys,
        before_rows={
            row: (at_word, _after_space(at_word))
            for row, side, pattern, words in (
                *(((0, i), side, p, _row_words(p)) for i, (_, side, p) in enumerate(roles)),
                *(
                    ((1, i), r.side, r.pattern, _row_words(r.pattern))
                    for i, r in enumerate(regions)
                ),
            )
            if side == "before" and words is not None
            for at_word in (_at_word_starts([(side, pattern)], "before"),)
        },
        between_rows=tuple((p, _row_words(p)) for _, side, p in roles if side == "between"),
        cue_keys={role: _automaton(rules.words_of(role)) for role in CUE_ROLES},
    )


def _twin(pattern: re.Pattern[str] | None) -> re.Pattern[str] | None:
    return None if pattern is None else twin(pattern)


_PLAIN: dict[int, tuple[PlaceRules, PlaceRules]] = {}


def _reading(rules: PlaceRules, before: str, after: str) -> PlaceRules:
    """`rules`, or where both sides of a name are plain text, the same rules compiled to
    read it faster, with the same matches (etl.extraction.ascii_twin); made once."""
    if not (plain(before) and plain(after)):
        return rules
    known = _PLAIN.get(id(rules))
    if known is not None and known[0] is rules:
        return known[1]
    made = replace(
        rules,
        roles=tuple((role, side, twin(p)) for role, side, p in rules.roles),
        regions=tuple(replace(r, pattern=twin(r.pattern)) for r in rules.regions),
        any_before=_twin(rules.any_before),
        any_after=_twin(rules.any_after),
        before_words=_twin(rules.before_words),
        before_at_word=_twin(rules.before_at_word),
        unkeyed_words=_twin(rules.unkeyed_words),
        unkeyed_at_word=_twin(rules.unkeyed_at_word),
        before_rows={row: (_twin(a), _twin(b)) for row, (a, b) in rules.before_rows.items()},
    )
    _PLAIN[id(rules)] = (rules, made)
    return made


def _after_space(pattern: re.Pattern[str] | None) -> re.Pattern[str] | None:
    """The pattern after a space or an opening bracket that is not the last character (see
    _ends_with): '(SE of X)' of a log's location is read as 'SE of X' is."""
    return re.compile(rf"[ (](?!\Z)(?:{pattern.pattern})", pattern.flags) if pattern else None


def _before_keys(
    sides: list[tuple[str, re.Pattern[str]]],
) -> tuple[ahocorasick.Automaton | None, list[tuple[str, re.Pattern[str]]]]:
    """The words of the 'before' patterns that hold one in every match (lower case, in an
    automaton), and the 'before' patterns that have none such."""
    return _side_keys(sides, "before")


#: the most words one row's set may hold (a name's windows are read for all of them at once,
#: so a long list costs nothing more: the government verbs' row holds 133)
ROW_WORDS = 1_024


def _row_words(pattern: re.Pattern[str]) -> frozenset[str] | None:
    """The words (lower case, ASCII) one of which every match of the pattern holds, as
    etl.extraction.literals reads them; None when it has none such."""
    found = required_sets(re.sub(r"\(\?P<\w+>", "(?:", pattern.pattern), ROW_WORDS)
    return found[0] if found and all(word.isascii() for word in found[0]) else None


def _automaton(words: frozenset[str]) -> ahocorasick.Automaton | None:
    if not words:
        return None
    automaton = ahocorasick.Automaton()
    for word in words:
        automaton.add_word(word, word)
    automaton.make_automaton()
    return automaton


def _side_keys(
    sides: list[tuple[str, re.Pattern[str]]], side: str
) -> tuple[ahocorasick.Automaton | None, list[tuple[str, re.Pattern[str]]]]:
    """The words of one side's patterns that hold one in every match (lower case, in an
    automaton), and that side's patterns that have none such."""
    words: set[str] = set()
    unkeyed = []
    for its_side, pattern in sides:
        if its_side != side:
            continue
        found = _row_words(pattern)
        if found is not None:
            words |= found
        else:
            unkeyed.append((its_side, pattern))
    return _automaton(frozenset(words)), unkeyed


def _read(problems: list[Problem], name: str, required, patterns, folder) -> tuple:
    """The table's rows; its problems added to `problems` (then no rows) so that every
    table is checked before any error is raised."""
    try:
        return read_rules(name, required, patterns, folder)
    except InputError as error:
        problems.extend(error.problems)
        return ()


def _verb_slots(problems: list[Problem], folder: Path | None) -> dict[str, str]:
    """The {government_verb} (past and present forms) and {government_verb_base} slots of
    place_roles.csv, filled from place_government_verbs.csv: each an alternation of its
    words, longest first."""
    known = len(problems)
    rows = _read(problems, "place_government_verbs", ("base", "past"), (), folder)
    if not rows and len(problems) == known:  # an empty slot, '(?:)', would match anything
        shown = display_path((folder or RULES) / "place_government_verbs.csv", ROOT)
        reason = "no verbs under the header: place_roles.csv's {government_verb} slots need one"
        problems.append(Problem(shown, None, reason))
    forms: dict[str, set[str]] = {"{government_verb}": set(), "{government_verb_base}": set()}
    for row in rows:
        words = [row["base"], row["past"], row["present"]]
        if not all(re.fullmatch(r"[a-z]*", word) for word in words):
            problems.append(Problem(row.file, row.line, "a verb form must be lower-case letters"))
            continue
        forms["{government_verb}"] |= {w for w in words[1:] if w}
        forms["{government_verb_base}"].add(words[0])
    return {
        slot: "|".join(sorted(words, key=lambda w: (-len(w), w))) for slot, words in forms.items()
    }


def _cues(rows: tuple, problems: list[Problem]) -> dict[str, frozenset[str]]:
    cues: dict[str, set[str]] = {}
    for row in rows:
        if row["role"] not in CUE_ROLES:
            reason = f"role {row['role']!r} is not one of {CUE_ROLES}"
            problems.append(Problem(row.file, row.line, reason))
        cues.setdefault(row["word"].lower(), set()).add(row["role"])
    return {word: frozenset(r) for word, r in cues.items()}


def _any(sides: list[tuple[str, re.Pattern[str]]], side: str) -> re.Pattern[str] | None:
    parts = [re.sub(r"\(\?P<\w+>", "(?:", p.pattern) for s, p in sides if s == side]
    # only asked whether some pattern matches: grouped by first letter (fewer tries)
    return re.compile(by_first_letter(parts), re.IGNORECASE) if parts else None


def _at_word_starts(sides: list[tuple[str, re.Pattern[str]]], side: str) -> re.Pattern[str] | None:
    """`_any` as tried at word starts only (PlaceRules.before_at_word)."""
    parts = [re.sub(r"\(\?P<\w+>", "(?:", p.pattern) for s, p in sides if s == side]
    return re.compile(word_start_alternation(parts), re.IGNORECASE) if parts else None


#: Characters besides ASCII letters that match one when case is ignored ('İ', the Kelvin
#: sign): where one stands, the words test of _quiet is not made.
_FOLDS = "".join(CASE_FOLDS.values())


def _found(automaton: ahocorasick.Automaton | None, window: str) -> frozenset[str] | None:
    """The rule words (`PlaceRules.role_words` ...) a window around a name holds, line breaks
    and tabs read as spaces; None where a character stands that matches an ASCII letter
    only when case is ignored ('İ', the Kelvin sign: every word is then taken as held)."""
    if automaton is None:
        return frozenset()
    if not window.isascii() and any(ch in window for ch in _FOLDS):
        return None
    low = window.replace("\n", " ").replace("\t", " ").lower()
    found = automaton.iter(low)
    first = next(found, None)
    if first is None:
        return _NONE_FOUND  # (most windows)
    return frozenset([first[1], *(word for _, word in found)])


_NONE_FOUND: frozenset[str] = frozenset()


def _can(words: frozenset[str] | None, found: frozenset[str] | None) -> bool:
    """A row with these words can match in a window that holds `found`."""
    return words is None or found is None or not words.isdisjoint(found)


_UNREAD = object()  # (`_quiet`: the words before the name not read yet)
PLANS = 8_192  # pairs of words found kept (`_plan`; emptied when full)


def _plan(rules: PlaceRules, cues: tuple) -> tuple:
    """The rows a name with these cues (the words `_found` before and after it) can match,
    in the tables' order: the role rows ('before' and 'after'), the region rows, and of
    them those that have words ('before', then 'after'; as (0, role row) or (1, region
    row)): the others hold a word the windows lack. An 'after' of None: every 'after'
    row (the quick test reads only the 'before' rows' words)."""
    plan = rules.plans.get(cues)
    if plan is None:
        before, after = cues
        role_rows = tuple(
            i
            for i, ((_, side, _), words) in enumerate(zip(rules.roles, rules.role_words))
            if side != "between" and _can(words, before if side == "before" else after)
        )
        region_rows = tuple(
            i
            for i, (rule, words) in enumerate(zip(rules.regions, rules.region_words))
            if _can(words, before if rule.side == "before" else after)
        )
        keyed = [
            (side, (0, i))
            for i in role_rows
            if rules.role_words[i] is not None
            for side in (rules.roles[i][1],)
        ] + [
            (rules.regions[i].side, (1, i))
            for i in region_rows
            if rules.region_words[i] is not None
        ]
        plan = (
            role_rows,
            region_rows,
            tuple(row for side, row in keyed if side == "before"),
            tuple(row for side, row in keyed if side == "after"),
        )
        if len(rules.plans) >= PLANS:
            rules.plans.clear()
        rules.plans[cues] = plan
    return plan


def _quiet(rules: PlaceRules, before: str, after: str, before_found: Any = _UNREAD) -> bool:
    """No pattern of either side can match: the name has no role and makes no region.
    `before_found`: the rule words the window before the name holds (`_found`), when read
    already. Before the name, the rows without words are tried in one alternation, and of
    the others only those whose words the window holds, each alone (session 33: the
    alternation of every 'before' row cost ~8 us a name wherever one word of one row stood
    in the window, three quarters of the quick test)."""
    if before_found is _UNREAD:
        before_found = _found(rules.before_keys, before)
    if rules.before_keys is None or before_found is None:
        first = rules.before_at_word or rules.any_before
        if first is not None and _ends_with(first, before, rules.before_words):
            return False
    else:
        first = rules.unkeyed_at_word
        if first is not None and _ends_with(first, before, rules.unkeyed_words):
            return False
        if before_found:
            known = rules.before_rows
            for row in _plan(rules, (before_found, None))[2]:
                at_word, after_space = known[row]
                if _ends_with(at_word, before, after_space):
                    return False
    return not (rules.any_after is not None and rules.any_after.match(after))


def _ends_with(
    pattern: re.Pattern[str], before: str, after_space: re.Pattern[str] | None = None
) -> bool:
    """`pattern.search(before)` for patterns that end at the end of `before` and begin with a
    word: tried only where words begin, from the last word back (a search from every
    character costs several times more): at the start and after each space or opening
    bracket but a last one, which `after_space` ('[ (](?!\\Z)' and the pattern) finds in one
    search."""
    before = before.replace("\n", " ").replace("\t", " ")
    if after_space is not None:
        return pattern.match(before) is not None or after_space.search(before) is not None
    end = len(before)
    while True:
        space = max(before.rfind(" ", 0, end - 1), before.rfind("(", 0, end - 1))
        if pattern.match(before, space + 1):
            return True
        if space < 0:
            return False
        end = space + 1


def _compile(pattern: str, _side: str) -> re.Pattern[str]:
    """Case-insensitive, as every rule table; a row that means capitals says so with
    (?-i:...) ('the Aleppo Revolutionary Brigade', not 'Aleppo revolutionaries')."""
    return re.compile(pattern, re.IGNORECASE)


def role_of(text: str, start: int, end: int, rules: PlaceRules | None = None) -> str | None:
    """The first role of place_roles.csv the words around text[start:end] give, else None."""
    before = text[max(0, start - LOOK_BEHIND) : start]
    after = text[end : end + LOOK_AHEAD]
    rules = _reading(rules or place_rules(), before, after)
    before_found = _found(rules.before_keys, before)
    if _quiet(rules, before, after, before_found):
        return None
    return _role(
        rules, before, after, _plan(rules, (before_found, _found(rules.after_keys, after)))
    )


def _role(rules: PlaceRules, before: str, after: str, plan: tuple) -> str | None:
    """`role_of` past its quick test (`rules` as `_reading` gave them), trying the rows of
    `plan` (`_plan`: those whose words the windows hold)."""
    table = rules.roles
    for i in plan[0]:
        role, side, pattern = table[i]
        if pattern.search(before) if side == "before" else pattern.match(after):
            return role
    return None


def is_reference(between: str, rules: PlaceRules | None = None) -> bool:
    """The words between two place names make the second a reference point for the first
    ('Mahardeh, a Christian town north-west of Hama')."""
    rules = rules or place_rules()
    found = _found(rules.between_keys, between)
    for pattern, words in rules.between_rows:
        if (words is None or found is None or not words.isdisjoint(found)) and pattern.match(
            between
        ):
            return True
    return False


def region_of(
    text: str, start: int, end: int, name: str, rules: PlaceRules | None = None
) -> Region | None:
    """The region a phrase around the name makes of it, else None (the place itself)."""
    before = text[max(0, start - LOOK_BEHIND) : start]
    after = text[end : end + LOOK_AHEAD]
    rules = _reading(rules or place_rules(), before, after)
    before_found = _found(rules.before_keys, before)
    if _quiet(rules, before, after, before_found):
        return None
    plan = _plan(rules, (before_found, _found(rules.after_keys, after)))
    return _region(rules, before, after, name, plan)


def _region(rules: PlaceRules, before: str, after: str, name: str, plan: tuple) -> Region | None:
    """`region_of` past its quick test (`rules` as `_reading` gave them), trying the rows
    of `plan` (`_plan`)."""
    table = rules.regions
    for i in plan[1]:
        rule = table[i]
        found = rule.pattern.search(before) if rule.side == "before" else rule.pattern.match(after)
        if found:
            direction = (found.groupdict().get("direction") or "").lower()
            if direction not in BEARINGS:
                km = None
            elif found.groupdict().get("km"):  # a register's 'al-Shaddadi, 20 km S |'
                km = stated_km(found["km"])
            else:
                km = stated_km(before[: found.start()]) if rule.side == "before" else None
            if km is not None:  # C12: 'about 35 km south-west of Kirkuk', the point moved
                bearing = BEARINGS[direction]
                label = rule.label.replace("{direction}", _COMPASS[bearing]).replace("{name}", name)
                return Region(  # that far that way, the stated distance its radius
                    f"{km:g} km {' '.join(label.split())}", 2, km, km, bearing
                )
            label = rule.label.replace("{direction}", direction).replace("{name}", name)
            return Region(" ".join(label.split()), rule.precision, rule.radius_km)
    return None


@dataclass(frozen=True)
class DistanceWords:
    """data/rules/place_distances.csv (convention C12): how a stated distance is read."""

    units: dict[str, float]  # 'km' -> 1.0, 'miles' -> 1.609
    bearings: dict[str, float]  # 'south-west' -> 225.0, 'sw' -> 225.0
    hedges: frozenset[str]  # 'about', 'some'
    min_km: float  # a shorter distance moves nothing


@lru_cache(maxsize=4)
def distance_words(folder: Path | None = None) -> DistanceWords:
    """Read and check place_distances.csv: every bad line named by file:line."""
    problems: list[Problem] = []
    units: dict[str, float] = {}
    bearings: dict[str, float] = {}
    hedges: set[str] = set()
    min_km = 1.0
    for row in _read(problems, "place_distances", ("kind", "word"), (), folder):
        kind, word, value = row["kind"], row["word"].lower(), row.get("value") or ""
        try:
            number = float(value) if kind != "hedge" else 0.0
        except ValueError:
            problems.append(Problem(row.file, row.line, "value must be a number"))
            continue
        if kind == "unit" and number > 0:
            units[word] = number
        elif kind == "bearing" and 0 <= number < 360:
            bearings[word] = number
        elif kind == "hedge":
            hedges.add(word)
        elif kind == "limit" and word == "min_km" and number >= 0:
            min_km = number
        else:
            reason = "kind must be unit (value > 0), bearing (0-360), hedge or limit min_km"
            problems.append(Problem(row.file, row.line, reason))
    if problems:
        raise InputError(problems)
    return DistanceWords(units, bearings, frozenset(hedges), min_km)


#: a compass direction as a region phrase writes it -> its bearing in degrees from north
#: (and as a field log abbreviates it: '24 km SW of Maiduguri'): place_distances.csv
BEARINGS = distance_words().bearings
#: the units a stated distance is written in, in kilometres
DISTANCE_UNITS = distance_words().units
#: a bearing's name in a moved point's label ('SW' -> 'south-west')
_COMPASS = {
    b: max((w for w, v in BEARINGS.items() if v == b), key=lambda w: ("-" in w, len(w)))
    for b in set(BEARINGS.values())
}
#: words that hedge a stated distance ('about 35 km')
ABOUT_WORDS = distance_words().hedges
#: C12: any stated distance from this up moves the named place's point (a shorter one is
#: noise beside the precision-2 region 'south of X' already is)
OFFSET_MIN_KM = distance_words().min_km


def stated_km(before: str) -> float | None:
    """The distance ending `before` in kilometres ('Wadi al-Shay, about 35 km ', 'a convoy
    about 20 km ', 'X, 12 miles to the ', 'some forty kilometres '), else None. Convention
    C12: the distance moves the named place's point whether or not a place was named before
    it (when one was, and a gazetteer knows it, the event is at that place: the reference
    role of place_roles.csv makes the moved town only locate it). Plain string reading: no
    pattern is compiled for it."""
    words = before.split()
    if words[-2:] == ["to", "the"]:  # '35 km to the south-west of'
        words = words[:-2]
    if not words:
        return None
    last = words[-1].lower().replace("-", "")
    unit = next((u for u in DISTANCE_UNITS if last.endswith(u) and last[: -len(u)]), None)
    if unit is not None:  # '35km', '35-km'
        number = last[: -len(unit)]
    elif last in DISTANCE_UNITS and len(words) > 1:
        unit, number = last, words[-2]
    else:
        return None
    value = number_value(number)
    if value is None:
        return None
    km = value * DISTANCE_UNITS[unit]
    return km if km >= OFFSET_MIN_KM else None


@lru_cache(maxsize=1)
def _anaphor_direction() -> re.Pattern[str]:
    """'<direction> of the town' (a direction of place_distances.csv, spelt out or a field
    log's capitals, and an anaphor noun of place_cues.csv after the or this)."""
    rules, words = place_rules(), distance_words()
    spelt = sorted((w for w in words.bearings if len(w) > 2), key=len, reverse=True)
    short = sorted((w.upper() for w in words.bearings if len(w) <= 2), key=len, reverse=True)
    nouns = sorted(rules.words_of("anaphor"), key=len, reverse=True)
    # '\b(?P<direction>north|...|(?-i:NE|...))' read from the first letter, the boundary and
    # each alternative's first letter tested behind it: the engine skips to those letters
    # instead of trying every position, with the same matches
    letters = {w[0] for w in short} | {ch for w in spelt for ch in case_letters(w[0])}
    # (the spelt ones read without case: 'South', and 'ſouth' as `re.IGNORECASE` reads it)
    if not all(w[0].isascii() and w[0].isalpha() for w in [*spelt, *short]):
        letters = set()  # (a direction that opens otherwise: as written)
    opening = f"(?-i:[{''.join(sorted(letters))}])" + r"(?<!\w(?s:.))" if letters else r"\b"
    spelt_ = [f"(?<={w[0]}){re.escape(w)[1:]}" if letters else re.escape(w) for w in spelt]
    short_ = [f"(?<={w[0]}){w[1:]}" if letters else w for w in short]
    direction = f"{'|'.join(spelt_)}|(?-i:{'|'.join(short_)})"
    return re.compile(  # (the opening inside the group: the direction's span is the same)
        rf"(?P<direction>{opening}(?:{direction}))\s+of\s+"
        rf"(?:the|this)\s+(?:[a-z-]+\s+)?(?:{'|'.join(map(re.escape, nouns))})\b",
        re.IGNORECASE,
    )


def anaphor_offset(sentence: str) -> tuple[Region, int] | None:
    """C12 for a place told by its noun: '12 kilometres north of the town', 'about 30 km
    north of the camp': the distance and direction from the place the sentence refers back
    to (the caller's carried place), else None. Only where a distance is stated: 'north of
    the town' alone moves nothing. With the region, where the words before the distance
    end ('Kashkash,' of 'the village of Kashkash, 12 kilometres north of the town')."""
    if "of th" not in sentence:  # (most sentences)
        return None
    for found in _anaphor_direction().finditer(sentence):
        before = sentence[max(0, found.start() - LOOK_BEHIND) : found.start()]
        km = stated_km(before)
        if km is not None:
            bearing = BEARINGS[found["direction"].lower()]
            noun = " ".join(found[0].split()[2:])
            region = Region(f"{km:g} km {_COMPASS[bearing]} of {noun}", 2, km, km, bearing)
            return region, found.start() - len(before) + _distance_start(before)
    return None


def anaphor_direction(sentence: str) -> tuple[Region, int] | None:
    """'north of the city' with no distance stated ('near the village of al-Dandaniyah, north
    of the city'): the region that way from the place the sentence refers back to (the
    caller's carried place), as place_regions.csv's row for '<direction> of <name>' makes it
    of a named town (its precision and radius; the point is not moved), and where the
    direction starts; else None. A stated distance is `anaphor_offset`'s."""
    if "of th" not in sentence:  # (most sentences)
        return None
    for found in _anaphor_direction().finditer(sentence):
        before = sentence[max(0, found.start() - LOOK_BEHIND) : found.start()]
        if stated_km(before) is not None:
            continue
        words = found[0].split()
        probe = f"{words[0]} of "
        region = region_of(probe + "X", len(probe), len(probe) + 1, " ".join(words[2:]))
        if region is not None and not region.offset_km:
            return region, found.start()
    return None


def _distance_start(before: str) -> int:
    """Where the distance ending `before` begins, its hedge included ('about 12 km ')."""
    words = before.rstrip().split(" ")
    if [w.lower() for w in words[-2:]] == ["to", "the"]:
        words = words[:-2]
    take = 1 if any(words[-1].lower().endswith(u) and words[-1][0].isdigit()
                    for u in DISTANCE_UNITS) else 2  # fmt: skip
    if len(words) > take and words[-take - 1].lower() in ABOUT_WORDS:
        take += 1
    return len(" ".join(words[:-take])) + (1 if len(words) > take else 0)


#: the words between a place named and the distance that locates it ('the village of
#: Kashkash, 12 kilometres north of the town', 'Gharyan, the main supply base of Khalifa
#: Haftar's army some 80 km south of the capital'): an apposition after a comma, in one
#: clause: the place is the event's own (C12), not the town moved
_OWN_PLACE_GAP = re.compile(r"\s*,[^,;:|·()\[\]]{0,80}")


def own_place_before(text: str, place_end: int, distance_start: int) -> bool:
    """The place ending at `place_end` is told by the distance starting at
    `distance_start` ('X, about 12 km north of the town': X is where it happened)."""
    return place_end <= distance_start and bool(
        _OWN_PLACE_GAP.fullmatch(text, place_end, distance_start)
    )


def read_name(
    text: str, start: int, end: int, name: str, rules: PlaceRules | None = None
) -> tuple[str | None, Region | None]:
    """`role_of` and `region_of` at once (the quick test that most names pass done once)."""
    before, after = text[max(0, start - LOOK_BEHIND) : start], text[end : end + LOOK_AHEAD]
    rules = _reading(rules or place_rules(), before, after)
    before_found = _found(rules.before_keys, before)
    if _quiet(rules, before, after, before_found):
        return None, None
    plan = _plan(rules, (before_found, _found(rules.after_keys, after)))
    # both read the same two windows with the same rules: the test passed once, not again
    return _role(rules, before, after, plan), _region(rules, before, after, name, plan)


# a capitalised name and an opening bracket right before a position: 'Gire Spi (' of
# 'in Gire Spi (Tall Abyad)' - the name in brackets is in the slot of the name before it
_OTHER_NAME = re.compile(
    rf"(?<![\w'’-])[A-Z][\w'’.-]*(?:[ -](?:(?:{ARTICLE}|ash)-)?[A-Z][\w'’.-]*){{0,3}}"
    r"(?:\s+(?:town|city|village|camp|district|area|province|governorate))?\s*\(\s*\Z"
)  # capitalised words only: 'jets struck Mabeta (' is Mabeta's bracket, not 'Turkish jets ...'


def locative(text: str, start: int, rules: PlaceRules | None = None) -> bool:
    """True when the words before text[start] put a name in a place slot: 'in', 'near',
    'the town of', 'in rebel-held northern', 'shelled', 'the battle for'."""
    rules = rules or place_rules()
    places, skipped = rules.locatives, rules.modifiers
    window_start = max(0, start - 60)
    window = text[window_start:start]
    # _OTHER_NAME ends with an opening bracket: tested only where one ends the window
    # (a search from every character before each name cost more than the rest of this)
    other = _OTHER_NAME.search(text, window_start, start) if window.rstrip().endswith("(") else None
    if other is not None:  # 'in Gire Spi (Tall Abyad)': a place's other name, in brackets
        return locative(text, other.start(), rules)
    words = window.lower().split()
    while words:
        word = words.pop()
        if word in places or (word == "for" and words and words[-1] in rules.contests):
            return True
        if not (word in skipped or word.endswith("-held")):
            return False
    return False


_VERB_AFTER = re.compile(
    r"\s+(?:itself\s+)?(?:(was|were|has\s+been|have\s+been|had\s+been|is\s+being)\s+|(?:has|have|had)\s+)?"
    r"([a-z]+)\b"  # a perfect ('Kabul has fallen', 'SDF has captured') is no passive;
    # 'Saraqeb itself was taken' as 'Saraqeb was taken'
)


def place_subject(text: str, end: int, rules: PlaceRules | None = None) -> bool:
    """The verb after a name makes it a place: 'Kunduz fell to', 'Raqqa was retaken'. A
    transitive verb of the locative cues ('captured', 'shelled') only in the passive: 'SDF
    captured' names who acted."""
    rules = rules or place_rules()
    verb = _VERB_AFTER.match(text, end)
    if verb is None or verb[2] not in rules.subjects:
        return False
    return bool(verb[1]) or verb[2] not in rules.locatives


def after_title(text: str, start: int, rules: PlaceRules | None = None) -> bool:
    """'spokesman Adnan Afrin': a person's name, not a place."""
    rules = rules or place_rules()
    window = text[max(0, start - 30) : start].rstrip()
    word = window[window.rfind(" ") + 1 :]
    return bool(word) and rules.has(word, "title")


#: the words after 'the' or 'this' ('in this town', 'across this city', 'this oil town': a
#: dateline's own city, as 'the city' is)
_THE_WORDS = re.compile(r"\b(the|this)(?=((?:\s+[a-z-]+){1,3}))", re.IGNORECASE)  # overlapping


def refers_back(sentence: str, rules: PlaceRules | None = None) -> bool:
    """'the city', 'the old town' (place_cues.csv anaphor words within three words of 'the'):
    the sentence is about a place named before it."""
    rules = rules or place_rules()
    return any(
        rules.has(w, "anaphor") for _, words in _THE_WORDS.findall(sentence) for w in words.split()
    )


def points_here(sentence: str, rules: PlaceRules | None = None) -> bool:
    """'in this town', 'across this city', 'west of this oil town': the place the text is
    written from, a dateline's city ('the city' in a lead may be a town the article is about)."""
    if "this" not in sentence.lower():  # (most sentences)
        return False
    rules = rules or place_rules()
    return any(
        rules.has(w, "anaphor")
        for the, words in _THE_WORDS.findall(sentence)
        if the.lower() == "this"
        for w in words.split()
    )


def names_a_site(sentence: str, rules: PlaceRules | None = None) -> bool:
    """'the central police station', 'the Gulshan diplomatic quarter' (place_cues.csv site
    words within three words of 'the'): the sentence tells of a site inside a town."""
    rules = rules or place_rules()
    return any(
        rules.has(w, "site") for _, words in _THE_WORDS.findall(sentence) for w in words.split()
    )


def a_site_named(text: str, start: int, end: int, rules: PlaceRules | None = None) -> bool:
    """'the Cathedral of Our Lady': one site word after 'the' and before 'of' heads the
    name of a site, it is no town of that name (Cathedral, Saskatchewan)."""
    if not text.startswith(" of ", end):  # (most names: one test, no look-up)
        return False
    rules = rules or place_rules()
    return text[max(0, start - 4) : start].lower() == "the " and rules.has(text[start:end], "site")


#: the words after a name: its other words, a list's joints and names, then the word that
#: may name a part of a town ('Khwaja' of 'the Khwaja Omari quarter', 'al-Hamidiyah and
#: al-Qusour quarters', 'Kismayu Road')
_AFTER_TOKEN = re.compile(r"[\w'’-]+|[^\w\s]")
_NAME_WORD = re.compile(rf"(?:{ARTICLE_PREFIX})?[A-Z]")


def names_a_part(text: str, end: int, rules: PlaceRules | None = None, role: str = "part") -> bool:
    """'the Khwaja Omari quarter', 'Kismayu Road', 'al-Hamidiyah and al-Qusour quarters': a
    place_cues.csv part word after the name, its other words or a list of names ending there,
    says it names a part of a town, which may share a far town's name. `role` "loose_part":
    the words ('district') that say so only of a name read through a transliteration."""
    if end >= len(text) or text[end] not in " -":  # (most names: a full stop, a comma ...)
        return False
    rules = rules or place_rules()
    stop = min(len(text), end + 60)
    # a token that is a part word stands in the window, lowered, as that word (the cue index
    # of session 33: one look for the role's words before the tokens are read one by one)
    keys = rules.cue_keys.get(role)
    if keys is None or next(keys.iter(text[end:stop].lower()), None) is None:
        return False
    for n, found in enumerate(_AFTER_TOKEN.finditer(text, end, stop)):
        word = found.group()
        if rules.has(word, role):
            return True
        if n >= 6 or not (word in (",", "and", "&") or _NAME_WORD.match(word)):
            return False
    return False


def ends_in_part(name: str, rules: PlaceRules | None = None) -> bool:
    """A name whose last word is a part word ('Tahrir Square', 'Kalat Road'): a part of a
    town, written as one capitalised run."""
    words = name.split()
    return len(words) > 1 and (rules or place_rules()).has(words[-1], "part")


def never_a_place(key: str, rules: PlaceRules | None = None) -> bool:
    """Months, weekdays and the like (the table's not_place words), by normalised key."""
    return (rules or place_rules()).has(key, "not_place")


def check_tables(folder: Path | None = None) -> None:
    """Read every place table now, so that a broken one stops a build before any text."""
    place_rules(folder)


__all__ = [
    "InputError",
    "PlaceRules",
    "Region",
    "after_title",
    "anaphor_direction",
    "anaphor_offset",
    "own_place_before",
    "distance_words",
    "stated_km",
    "check_tables",
    "ends_in_part",
    "is_reference",
    "locative",
    "a_site_named",
    "names_a_part",
    "names_a_site",
    "points_here",
    "never_a_place",
    "place_rules",
    "read_name",
    "refers_back",
    "region_of",
    "role_of",
]
