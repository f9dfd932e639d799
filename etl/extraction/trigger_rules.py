"""The trigger tables, read and compiled: what phrases report which event type, and which
contexts say the phrase reports nothing real.

Two tables in ``data/rules/`` (described in its README):

- ``triggers.csv``: ``event_type, form, pattern[, example, note]``. ``form`` is ``verbal``
  (the phrase says the thing happened: "shelled") or ``nominal`` (it names a thing that
  may or may not have happened: "the offensive") or ``note`` (a noun that names the event
  of a short note in which nothing else does: "Gunfire across the line"; read as a nominal
  row taken as told, only by etl.extraction.extract's second reading of such a note).
  Each row is compiled on its own and tried only in sentences holding its most selective
  required word (etl.extraction.literals);
  of a type's real matches the earliest wins, the row listed first on a tie. A row may mark
  its trigger words with ``(?P<trigger>...)``; the rest of the match is required context.
- ``trigger_contexts.csv``: ``context, event_type, pattern[, example, note]``; ``event_type``
  is a type or ``*`` for every type. The contexts and how the code applies them:

  ``not_real_before``   a cue in the trigger's clause, at most 45 characters before it
                        ("will", "denied", "threatened to"): the trigger is dropped
  ``not_real_after``    a cue at most 60 characters after it, same clause ("would")
  ``generic_before``    the 80 characters before it end like a generic tally ("a war that
                        has killed ..."): dropped
  ``reference_before``  a word that makes a nominal trigger only date something else
                        ("since", "under"), followed by an article ("since the offensive")
  ``reference_unless_dated``  the same ("after", "following"), except when a date of its
                        own follows the trigger's noun phrase (``dated_after``: "days after
                        a first attack on the centre on Feb. 27" reports that attack)
  ``occurred``          a word or phrase saying that a nominal trigger took place ("began")
  ``block``             a pattern over the sentence; a trigger of the type whose span
                        overlaps a match is dropped ("once the evacuations have ended",
                        "an ultimatum to surrender", a percentage statistic)
  ``background_before`` a word that makes a trigger the background of another event told
                        before it ("shells fell on the town during clashes; 8 killed"): a
                        toll in a later clause goes to that event (``carry.trigger_for``)

A row's ``example``, when given, must match its pattern: a table that no longer does what
its examples say stops the build at that line.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path

import ahocorasick

from etl.extraction.alternation import BOUNDARY, alternatives, by_first_letter, letter_first
from etl.extraction.ascii_twin import twin
from etl.extraction.literals import closed_words, edged_words, required_sets
from etl.extraction.rules import RULES, Row, read_rules
from etl.extraction.verb_forms import expand_rows
from etl.problems import InputError, Problem
from etl.settings import ROOT

FORMS = ("verbal", "nominal", "note")
CONTEXTS = (
    "not_real_before",
    "not_real_after",
    "generic_before",
    "reference_before",
    "reference_unless_dated",
    "dated_after",
    "occurred",
    "block",
    "background_before",
)
EVENT_TYPES_FILE = ROOT / "data" / "curated" / "event_types.csv"

#: How far before its trigger a cue may stand, and after.
BEFORE_REACH = 45
AFTER_REACH = 60


@dataclass(frozen=True)
class Rule:
    """One trigger or block row, compiled on its own; `number` indexes TriggerRules.rules."""

    number: int
    event_type: str
    kind: str  # verbal, nominal or block
    pattern: re.Pattern[str]
    #: the same matches, found faster where the row allows (etl.extraction.alternation)
    scanner: re.Pattern[str] | None = None

    @property
    def search(self) -> re.Pattern[str]:
        return self.scanner or self.pattern


@dataclass(frozen=True)
class TypeRules:
    """One event type's rows (numbers into TriggerRules.rules) and its context patterns."""

    event_type: str
    verbal: tuple[int, ...]
    nominal: tuple[int, ...]
    block: tuple[int, ...]
    not_real_before: re.Pattern[str] | None
    not_real_after: re.Pattern[str] | None
    generic_before: re.Pattern[str] | None


@dataclass(frozen=True)
class TriggerRules:
    rules: tuple[Rule, ...]
    types: tuple[TypeRules, ...]
    reference_before: re.Pattern[str] | None
    reference_unless_dated: re.Pattern[str] | None
    dated_after: re.Pattern[str] | None
    occurred: re.Pattern[str] | None
    #: required word -> the row requirements it meets (see SHIFT and _stems)
    automaton: ahocorasick.Automaton
    #: rows with no required word: always tried
    always: frozenset[int]
    #: row number -> how many requirements it has (a row is tried when all are met)
    needed: tuple[int, ...] = ()
    #: row number -> the tokens of its requirements after the first
    further: tuple[frozenset[int], ...] = ()
    #: a cue right before a trigger (a few words between) that makes it another event's
    #: background ('during clashes', 'as the offensive opened')
    background_before: re.Pattern[str] | None = None


def _bounded(pattern: str) -> re.Pattern[str]:
    return re.compile(r"(?<![\w-])(?:" + pattern + r")(?![\w-])", re.I)


def _scanner(pattern: str, kind: str) -> re.Pattern[str] | None:
    """A row's pattern written to open with its first letters (None where it cannot be);
    where some alternative opens with a digit or '\\b' (`letter_first`'s `wider`), with its
    first characters: the engine then skips along a sentence to them instead of trying the
    row at every position."""
    if kind == "block":
        return (
            letter_first(pattern, "", re.I, boundary=False)
            or _word_start_scanner(pattern)
            or letter_first(pattern, "", re.I, boundary=False, wider=True)
        )
    tail = r"(?![\w-])"
    return letter_first(pattern, tail, re.I) or letter_first(pattern, tail, re.I, wider=True)


def _word_start_scanner(pattern: str) -> re.Pattern[str] | None:
    """A block row whose every alternative opens with \\b and a letter ('\\b(?:once|until)
    ...'), written to skip to those letters: \\b before a letter is no word character
    before it, which letter_first tests behind the letter."""
    parts = alternatives(pattern)
    if not parts or not all(part.startswith("\\b") for part in parts):
        return None
    return letter_first("|".join(part[2:] for part in parts), "", re.I, word_start=True)


def _wrapped(patterns: list[str], template: str) -> re.Pattern[str] | None:
    if not patterns:
        return None
    cues = by_first_letter(patterns)
    head, _, tail = template.partition("(?:CUES)")
    fast = letter_first(cues, tail, re.I, head == BOUNDARY) if head in ("", BOUNDARY) else None
    return fast or re.compile(template.replace("CUES", cues), re.I)


_TEMPLATES = {
    "not_real_before": r"(?<![\w-])(?:CUES)(?![\w-])[^.;]{0," + str(BEFORE_REACH) + r"}$",
    "not_real_after": r"^[^,;.:]{0," + str(AFTER_REACH) + r"}?(?<![\w-])(?:CUES)(?![\w-])",
    "generic_before": r"(?:CUES)$",
    "reference_before": r"(?<![\w-])(?:CUES)\s+(?:the|a|an|this|that)\s+(?:[\w-]+\s+)?$",
    "reference_unless_dated": r"(?<![\w-])(?:CUES)\s+(?:the|a|an|this|that)\s+(?:[\w-]+\s+)?$",
    # the trigger's own noun phrase ('on the centre'), then its date
    "dated_after": r"(?:\s+(?:on|at|in|near|against|of|by)\s+(?:the\s+|a\s+|an\s+)?[\w'’-]+"
    r"(?:\s+[\w'’-]+){0,2}){0,2},?\s+(?:CUES)(?![\w-])",
    "occurred": r"(?<![\w-])(?:CUES)(?![\w-])",
    "background_before": r"(?<![\w-])(?:CUES)\s+(?:[\w'’-]+\s+){0,3}$",
}


def known_event_types(path: Path = EVENT_TYPES_FILE) -> frozenset[str] | None:
    """The event types of the curated table, or None when it is not there to check against."""
    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            return frozenset(row["event_type"] for row in csv.DictReader(handle))
    except (OSError, KeyError):
        return None


def _check(rows: tuple[Row, ...], column: str, allowed: set[str]) -> list[Problem]:
    return [
        Problem(row.file, row.line, f"{column} {row[column]!r} is not one of {sorted(allowed)}")
        for row in rows
        if row[column] not in allowed
    ]


def _examples(rows: tuple[Row, ...], bounded: bool = False) -> list[Problem]:
    """Rows whose pattern does not match their example. Trigger rows are tried as they run,
    whole words (`_bounded`): a pattern that ends in a space ('... to ') can match bare and
    never in a sentence, where a word follows the space."""
    return [
        Problem(row.file, row.line, f"the pattern does not match its example {example!r}")
        for row in rows
        if (example := row.get("example"))
        and not (_bounded(row["pattern"]) if bounded else re.compile(row["pattern"], re.I)).search(
            example
        )
    ]


def _rows(folder: Path) -> tuple[tuple[Row, ...], tuple[Row, ...]]:
    triggers = read_rules("triggers", ["event_type", "form", "pattern"], ["pattern"], folder)
    contexts = read_rules(
        "trigger_contexts", ["context", "event_type", "pattern"], ["pattern"], folder
    )
    # '{forms:seize}': every form of the verb (etl.extraction.verb_forms)
    triggers, contexts = expand_rows(triggers, folder), expand_rows(contexts, folder)
    types = known_event_types() or {row["event_type"] for row in triggers}
    problems = _check(triggers, "event_type", set(types))
    problems += _check(triggers, "form", set(FORMS))
    problems += _check(contexts, "context", set(CONTEXTS))
    problems += _check(contexts, "event_type", {*types, "*"})
    problems += _examples(triggers, bounded=True) + _examples(contexts)
    if problems:
        raise InputError(problems)
    return triggers, contexts


def compile_rules(folder: Path = RULES) -> TriggerRules:
    """Read and compile both tables (InputError naming every bad line)."""
    triggers, contexts = _rows(folder)
    order = list(dict.fromkeys(row["event_type"] for row in triggers))
    rows = [(r, r["form"], _bounded(r["pattern"])) for r in triggers]
    rows += [
        (r, "block", re.compile(r["pattern"], re.I)) for r in contexts if r["context"] == "block"
    ]
    rules = tuple(
        Rule(i, r["event_type"], kind, p, _scanner(r["pattern"], kind))
        for i, (r, kind, p) in enumerate(rows)
    )

    def numbers(kind: str, event_type: str) -> tuple[int, ...]:
        return tuple(
            r.number for r in rules if r.kind == kind and r.event_type in (event_type, "*")
        )

    def context(name: str, event_type: str) -> re.Pattern[str] | None:
        cues = [
            r["pattern"]
            for r in contexts
            if r["context"] == name and r["event_type"] in (event_type, "*")
        ]
        return _wrapped(cues, _TEMPLATES[name])

    types = tuple(
        TypeRules(
            event_type,
            numbers("verbal", event_type),
            numbers("nominal", event_type),
            numbers("block", event_type),
            context("not_real_before", event_type),
            context("not_real_after", event_type),
            context("generic_before", event_type),
        )
        for event_type in order
    )
    automaton, always, needed = _stems([r for r, _, _ in rows], [k != "block" for _, k, _ in rows])
    further = tuple(
        frozenset((number << SHIFT) | k for k in range(1, count))
        for number, count in enumerate(needed)
    )
    return TriggerRules(
        rules,
        types,
        context("reference_before", "*"),
        context("reference_unless_dated", "*"),
        context("dated_after", "*"),
        context("occurred", "*"),
        automaton,
        always,
        needed,
        further,
        context("background_before", "*"),
    )


#: A row's requirement k is the token (row number << SHIFT) | k.
SHIFT = 6


def _stems(
    rows: list[Row], opening_edges: list[bool] | None = None
) -> tuple[ahocorasick.Automaton, frozenset[int], tuple[int, ...]]:
    """Every row's required words in one automaton (one pass over an article finds them).
    A row may need several words ('trucks? ... left': a vehicle and 'left'); each of its
    requirements is a token, and the row is tried only in a sentence that holds them all.

    A word's value in the automaton is (rows it alone lets be tried, rows whose first
    requirement it meets when they have more, tokens of the further requirements it meets),
    so that a sentence's rows are found with set unions (StemIndex.rows_between); then the
    word's length, and the same three for a find right after a word character ('ied' of
    'died'), which meets only the rows that do not read the word where no word character
    stands before it (`literals.edged_words`; `opening_edges[n]`: row n is matched after
    '(?<![\\w-])' and before '(?![\\w-])', as `_bounded` wraps it), for a find right before
    one ('fight' of 'fighters': `literals.closed_words`), and for a find inside a word; each
    None where the word is read so by no row (a find there meets every row it names)."""
    owners: dict[str, set[int]] = {}
    edged: dict[str, set[int]] = {}  # word -> tokens of the rows that read it only so
    closed: dict[str, set[int]] = {}  # ... only where no word character follows it
    always = set()
    needed = []
    for number, row in enumerate(rows):
        requirements = required_sets(row["pattern"])[: 1 << SHIFT]
        needed.append(len(requirements))
        if not requirements:
            always.add(number)
        opening = bool(opening_edges and opening_edges[number])
        bounded = edged_words(row["pattern"], opening) if requirements else frozenset()
        ends = closed_words(row["pattern"], opening) if requirements else frozenset()
        for k, words in enumerate(requirements):
            for word in words:
                owners.setdefault(word, set()).add((number << SHIFT) | k)
                if word in bounded:
                    edged.setdefault(word, set()).add((number << SHIFT) | k)
                if word in ends:
                    closed.setdefault(word, set()).add((number << SHIFT) | k)
    automaton = ahocorasick.Automaton()
    last_k = (1 << SHIFT) - 1

    def meets(tokens: set[int]) -> tuple[frozenset[int], frozenset[int], frozenset[int]]:
        firsts = {t >> SHIFT for t in tokens if not t & last_k}
        alone = frozenset(n for n in firsts if needed[n] == 1)
        return alone, frozenset(firsts - alone), frozenset(t for t in tokens if t & last_k)

    for word, tokens in owners.items():
        before, after = edged.get(word, set()), closed.get(word, set())
        automaton.add_word(
            word,
            (
                *meets(tokens),
                len(word),
                meets(tokens - before) if before else None,
                meets(tokens - after) if after else None,
                meets(tokens - before - after) if before or after else None,
            ),
        )
    if owners:
        automaton.make_automaton()
    return automaton, frozenset(always), tuple(needed)


@cache
def trigger_rules() -> TriggerRules:
    """The shipped tables, compiled once per process."""
    return compile_rules(RULES)


def _twin(pattern: re.Pattern[str] | None) -> re.Pattern[str] | None:
    return None if pattern is None else twin(pattern)


def plain_twin(rules: TriggerRules) -> TriggerRules:
    """`rules` with every pattern compiled to read a plain text faster, with the same matches
    there (etl.extraction.ascii_twin); made once per set of rules."""
    known = _PLAIN.get(id(rules))
    if known is not None and known[0] is rules:
        return known[1]
    made = replace(
        rules,
        rules=tuple(
            replace(r, pattern=twin(r.pattern), scanner=_twin(r.scanner)) for r in rules.rules
        ),
        types=tuple(
            replace(
                t,
                not_real_before=_twin(t.not_real_before),
                not_real_after=_twin(t.not_real_after),
                generic_before=_twin(t.generic_before),
            )
            for t in rules.types
        ),
        reference_before=_twin(rules.reference_before),
        reference_unless_dated=_twin(rules.reference_unless_dated),
        dated_after=_twin(rules.dated_after),
        occurred=_twin(rules.occurred),
        background_before=_twin(rules.background_before),
    )
    _PLAIN[id(rules)] = (rules, made)
    return made


_PLAIN: dict[int, tuple[TriggerRules, TriggerRules]] = {}
