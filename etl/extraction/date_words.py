"""The words dates are read with, loaded once from the rule tables in ``data/rules/``:
month names (``date_months.csv``; another language's read only after a day), words that
count back from publication
(``date_relative_days.csv``), weekday names and their abbreviations
(``date_weekdays.csv``), steps from the last dated event (``date_steps.csv``), units of
time (``date_units.csv``), the words of a spell of days before an event
(``date_spell_words.csv``), the words that make a day approximate (``date_hedges.csv``)
the number words shared with figures
(``figure_numbers.csv``, units up to twelve) and the words around a date that say which
happening it dates (``date_context_words.csv``). ``etl.extraction.dates`` builds its patterns
from them; the grammar around them (on, since, early/mid/late, ago) stays in code.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from etl.extraction.alternation import longest_first
from etl.extraction.rules import Row, read_lists, read_rules
from etl.problems import InputError, Problem

MAX_DATE_NUMBER = 12  # "twelve days later"; larger counts are written in digits
#: The word lists of date_context_words.csv (its header says what each holds).
CONTEXT_LISTS = (
    "body_found_verb", "abducted_verb", "report_verb", "demanded_verb", "toll_clause_verb",
    "length_word", "question_mark", "answer_mark", "taken_participle", "court_verb",
    "noun_day_preposition", "noun_day_clause", "court_word", "not_attributive",
)  # fmt: skip


def _int(row: Row, column: str, low: int, high: int) -> int:
    try:
        value = int(row[column])
    except ValueError:
        value = low - 1
    if not low <= value <= high:
        raise InputError(
            [
                Problem(
                    row.file, row.line, f"column {column!r}: {row[column]!r} is not {low}..{high}"
                )
            ]
        )
    return value


def _phrase(text: str) -> str:
    return " ".join(text.lower().split())


def literal(phrase: str) -> str:
    """A phrase as a pattern: spaces match any whitespace."""
    return re.escape(phrase).replace(r"\ ", r"\s+")


@dataclass(frozen=True)
class DateWords:
    months: dict[str, int]  # name as written (January, Feb) -> month
    short: frozenset[str]  # the abbreviations among them
    with_day: frozenset[str]  # those read only right after a day ("21 de marzo", "16 Adhar")
    relative_days: dict[str, tuple[int, int]]  # phrase -> (first_back, last_back)
    steps: tuple[tuple[str, int], ...]  # (pattern, offset)
    units: dict[str, tuple[int, int, int]]  # unit -> (days, single_back, vague_back)
    numbers: dict[str, int]  # "three" -> 3, "a" -> 1
    weekdays: dict[str, int]  # name as written (Friday, Fri) -> 0 (Monday) .. 6 (Sunday)
    short_weekdays: frozenset[str]  # the abbreviations among them: read only as a stamp
    widening: frozenset[str]  # relative-day phrases that widen the sentence's day ("overnight")
    #: relative-day phrases that name a time of day, not a day ("at dawn"): publication day
    #: only while the text has dated no other day (the anchor is publication)
    story_days: frozenset[str]
    #: ... and those of them that date nothing once any sentence before dated a day, even the
    #: day of publication ('after midnight': an item's own early hours, not a story's night)
    first_days: frozenset[str]
    spell_words: tuple[str, ...]  # "after two days of <word>": a spell ending on the day
    hold_words: tuple[str, ...]  # "during its three-week <word>": a spell ending on the day
    hedges: dict[str, int]  # "on or about" -> 1: an explicit day plus and minus that many days
    naming_nouns: tuple[str, ...]  # "the 7 July neighbourhood": a day that names, no date
    #: the lists of date_context_words.csv, by name: which happening a date dates
    context: dict[str, tuple[str, ...]]


def load() -> DateWords:
    months = read_rules("date_months", ["name", "month"])
    relative = read_rules("date_relative_days", ["phrase", "first_back", "last_back"])
    steps = read_rules("date_steps", ["pattern", "offset"], patterns=["pattern"])
    units = read_rules("date_units", ["unit", "days", "single_back", "vague_back"])
    numbers = read_rules("figure_numbers", ["word", "value", "kind"])
    weekdays = read_rules("date_weekdays", ["name", "weekday"])
    spells = read_rules("date_spell_words", ["word"])
    hedges = read_rules("date_hedges", ["phrase", "days"])
    naming = read_rules("date_naming_nouns", ["word"])
    return DateWords(
        months={r["name"]: _int(r, "month", 1, 12) for r in months},
        short=frozenset(r["name"] for r in months if r["short"].lower() == "yes"),
        with_day=frozenset(r["name"] for r in months if r["with_day"].strip().lower() == "yes"),
        relative_days={
            _phrase(r["phrase"]): (_int(r, "first_back", 0, 31), _int(r, "last_back", 0, 31))
            for r in relative
        },
        steps=tuple((r["pattern"], _int(r, "offset", -31, 31)) for r in steps),
        units={
            r["unit"].lower(): (
                _int(r, "days", 0, 366),
                _int(r, "single_back", 0, 3660),
                _int(r, "vague_back", 0, 3660),
            )
            for r in units
        },
        numbers={
            r["word"].lower(): int(float(r["value"]))
            for r in numbers
            if r["kind"] in ("unit", "article") and float(r["value"]) <= MAX_DATE_NUMBER
        },
        weekdays={r["name"]: _int(r, "weekday", 0, 6) for r in weekdays},
        short_weekdays=frozenset(r["name"] for r in weekdays if r["short"].lower() == "yes"),
        widening=frozenset(
            _phrase(r["phrase"]) for r in relative if r["widens"].strip().lower() == "yes"
        ),
        story_days=frozenset(
            _phrase(r["phrase"])
            for r in relative
            if r["counts_from"].strip().lower() in ("story", "first")
        ),
        first_days=frozenset(
            _phrase(r["phrase"]) for r in relative if r["counts_from"].strip().lower() == "first"
        ),
        spell_words=tuple(longest_first(r["word"].lower() for r in spells)),
        hold_words=tuple(
            longest_first(r["word"].lower() for r in spells if r["during"].strip().lower() == "yes")
        ),
        hedges={_phrase(r["phrase"]): _int(r, "days", 0, 7) for r in hedges},
        naming_nouns=tuple(longest_first(_phrase(r["word"]) for r in naming)),
        context=read_lists("date_context_words", CONTEXT_LISTS),
    )


WORDS = load()
