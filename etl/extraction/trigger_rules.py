"""The trigger tables, read and compiled: what phrases report which event type, and which
contexts say the phrase reports nothing real.

Two tables in ``data/rules/`` (described in its README):

- ``triggers.csv``: ``event_type, form, pattern[, example, note]``. ``form`` is ``verbal``
  (the phrase says the thing happened: "shelled") or ``nominal`` (it names a thing that
  may or may not have happened: "the offensive"). Rows of one type and form are tried as one
  alternation, in table order.
- ``trigger_contexts.csv``: ``context, event_type, pattern[, example, note]``; ``event_type``
  is a type or ``*`` for every type. The contexts and how the code applies them:

  ``not_real_before``   a cue in the trigger's clause, at most 45 characters before it
                        ("will", "denied", "threatened to"): the trigger is dropped
  ``not_real_after``    a cue at most 60 characters after it, same clause ("would")
  ``generic_before``    the 80 characters before it end like a generic tally ("a war that
                        has killed ..."): dropped
  ``reference_before``  a word that makes a nominal trigger only date something else
                        ("since", "under"), followed by an article ("since the offensive")
  ``occurred``          a word or phrase saying that a nominal trigger took place ("began")
  ``block``             a pattern over the sentence; a trigger of the type whose span
                        overlaps a match is dropped ("once the evacuations have ended",
                        "an ultimatum to surrender", a percentage statistic)

A row's ``example``, when given, must match its pattern: a table that no longer does what
its examples say stops the build at that line.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import ahocorasick

from etl.extraction.literals import required_literals
from etl.extraction.rules import RULES, Row, read_rules
from etl.problems import InputError, Problem
from etl.settings import ROOT

FORMS = ("verbal", "nominal")
CONTEXTS = (
    "not_real_before",
    "not_real_after",
    "generic_before",
    "reference_before",
    "occurred",
    "block",
)
EVENT_TYPES_FILE = ROOT / "data" / "curated" / "event_types.csv"

#: How far before its trigger a cue may stand, and after.
BEFORE_REACH = 45
AFTER_REACH = 60


@dataclass(frozen=True)
class TypeRules:
    """One event type's compiled trigger patterns and the contexts that apply to it."""

    event_type: str
    verbal: re.Pattern[str] | None
    nominal: re.Pattern[str] | None
    not_real_before: re.Pattern[str] | None
    not_real_after: re.Pattern[str] | None
    generic_before: re.Pattern[str] | None
    block: re.Pattern[str] | None


@dataclass(frozen=True)
class TriggerRules:
    types: tuple[TypeRules, ...]
    reference_before: re.Pattern[str] | None
    occurred: re.Pattern[str] | None
    #: stem -> (length, types needing it); types in `always` have a row with no stem
    automaton: ahocorasick.Automaton
    always: frozenset[str]


def _bounded(patterns: list[str]) -> re.Pattern[str] | None:
    if not patterns:
        return None
    return re.compile(r"(?<![\w-])(?:" + "|".join(patterns) + r")(?![\w-])", re.I)


def _wrapped(patterns: list[str], template: str) -> re.Pattern[str] | None:
    if not patterns:
        return None
    return re.compile(template.replace("CUES", "|".join(f"(?:{p})" for p in patterns)), re.I)


_TEMPLATES = {
    "not_real_before": r"(?<![\w-])(?:CUES)(?![\w-])[^.;]{0," + str(BEFORE_REACH) + r"}$",
    "not_real_after": r"^[^,;.:]{0," + str(AFTER_REACH) + r"}?(?<![\w-])(?:CUES)(?![\w-])",
    "generic_before": r"(?:CUES)$",
    "reference_before": r"(?<![\w-])(?:CUES)\s+(?:the|a|an|this|that)\s+(?:[\w-]+\s+)?$",
    "occurred": r"(?<![\w-])(?:CUES)(?![\w-])",
    "block": r"CUES",
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


def _examples(rows: tuple[Row, ...]) -> list[Problem]:
    return [
        Problem(row.file, row.line, f"the pattern does not match its example {example!r}")
        for row in rows
        if (example := row.get("example")) and not re.search(row["pattern"], example, re.I)
    ]


def _rows(folder: Path) -> tuple[tuple[Row, ...], tuple[Row, ...]]:
    triggers = read_rules("triggers", ["event_type", "form", "pattern"], ["pattern"], folder)
    contexts = read_rules(
        "trigger_contexts", ["context", "event_type", "pattern"], ["pattern"], folder
    )
    types = known_event_types() or {row["event_type"] for row in triggers}
    problems = _check(triggers, "event_type", set(types))
    problems += _check(triggers, "form", set(FORMS))
    problems += _check(contexts, "context", set(CONTEXTS))
    problems += _check(contexts, "event_type", {*types, "*"})
    problems += _examples(triggers) + _examples(contexts)
    if problems:
        raise InputError(problems)
    return triggers, contexts


def compile_rules(folder: Path = RULES) -> TriggerRules:
    """Read and compile both tables (InputError naming every bad line)."""
    triggers, contexts = _rows(folder)
    order = list(dict.fromkeys(row["event_type"] for row in triggers))

    def patterns(rows, key: str, value: str, event_type: str) -> list[str]:
        return [
            r["pattern"] for r in rows if r[key] == value and r["event_type"] in (event_type, "*")
        ]

    def context(name: str, event_type: str) -> re.Pattern[str] | None:
        return _wrapped(patterns(contexts, "context", name, event_type), _TEMPLATES[name])

    types = tuple(
        TypeRules(
            event_type,
            _bounded(patterns(triggers, "form", "verbal", event_type)),
            _bounded(patterns(triggers, "form", "nominal", event_type)),
            *(context(name, event_type) for name in ("not_real_before", "not_real_after")),
            context("generic_before", event_type),
            context("block", event_type),
        )
        for event_type in order
    )
    automaton, always = _stems(triggers)
    return TriggerRules(
        types,
        context("reference_before", "*"),
        context("occurred", "*"),
        automaton,
        always,
    )


def _stems(rows: tuple[Row, ...]) -> tuple[ahocorasick.Automaton, frozenset[str]]:
    """Every row's required words in one automaton (one pass over an article finds them)."""
    owners: dict[str, set[str]] = {}
    always = set()
    for row in rows:
        words = required_literals(row["pattern"])
        if words is None:
            always.add(row["event_type"])
            continue
        for word in words:
            owners.setdefault(word, set()).add(row["event_type"])
    automaton = ahocorasick.Automaton()
    for word, types in owners.items():
        automaton.add_word(word, (len(word), frozenset(types)))
    if owners:
        automaton.make_automaton()
    return automaton, frozenset(always)


@cache
def trigger_rules() -> TriggerRules:
    """The shipped tables, compiled once per process."""
    return compile_rules(RULES)
