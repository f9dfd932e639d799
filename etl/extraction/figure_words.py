"""The words figures are read with, loaded once from the rule tables in ``data/rules/``.

Number words, vague quantities and their bounds, qualifiers, counted nouns, the verbs that
say what a figure counts, and the phrases of tolls (updated tolls, zero tolls, a war's
running total) live in ``figure_*.csv`` so an analyst can extend them; this module turns
them into the lookups and regular expressions ``etl.extraction.figures`` applies. Measures,
months and labels (what a number that is *not* a count looks like) stay in code.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from etl.extraction.alternation import longest_first
from etl.extraction.rules import Row, read_rules
from etl.problems import InputError, Problem

FLAGS = re.IGNORECASE | re.ASCII
PERSON_CLASSES = frozenset({"civilians", "fighters", "troops", "others"})


def alternation(words) -> str:
    """Longest first, so 'car bombs' wins over 'car'; spaces match any whitespace; the
    text the same under any PYTHONHASHSEED (`alternation.longest_first`)."""
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in longest_first(words))


def _number(row: Row, column: str) -> float:
    try:
        return float(row[column])
    except ValueError:
        raise InputError(
            [Problem(row.file, row.line, f"column {column!r}: not a number: {row[column]!r}")]
        ) from None


def _one_of(row: Row, column: str, allowed: set[str]) -> str:
    if row[column] not in allowed:
        raise InputError(
            [
                Problem(
                    row.file,
                    row.line,
                    f"column {column!r}: {row[column]!r} is not one of {sorted(allowed)}",
                )
            ]
        )
    return row[column]


def _lower(rows, column: str) -> list[str]:
    return [" ".join(r[column].lower().split()) for r in rows]


@dataclass(frozen=True)
class TollRule:
    kind: str  # toll, list, toll_after, zero, one, cumulative, superseded, no_carry,
    # set_aside_after, open_after, untold_after
    quantity: str
    gate: str
    pattern: re.Pattern[str]


@dataclass(frozen=True)
class FigureWords:
    units: tuple[str, ...]
    tens: tuple[str, ...]
    word_values: dict[str, float]
    scales: dict[str, float]
    vague: dict[str, tuple[float, float | None, str]]  # high None: no upper bound
    qualifiers: dict[str, str]
    head_class: dict[str, str]
    singular_people: frozenset[str]
    modifiers: tuple[str, ...]
    before: dict[str, tuple[str, ...]]  # quantity -> phrases
    after: dict[str, str]  # quantity -> pattern (alternatives joined)
    transitive: frozenset[str]
    auxiliaries: tuple[str, ...]
    be_forms: frozenset[str]
    tolls: tuple[TollRule, ...]
    measure_units: tuple[str, ...]
    measure_adjectives: tuple[str, ...]


#: figure_vague.csv's required cells: its 'high' may be empty (no upper bound: 'hundreds' is
#: 100 or more, convention C4)
VAGUE_COLUMNS = ["phrase", "low", "qualifier"]


def load() -> FigureWords:
    """Read every figure table (each problem named file:line by read_rules)."""
    numbers = read_rules("figure_numbers", ["word", "value", "kind"])
    kinds = {
        r["word"].lower(): _one_of(r, "kind", {"unit", "tens", "scale", "article"}) for r in numbers
    }
    values = {r["word"].lower(): _number(r, "value") for r in numbers}
    vague = {
        " ".join(r["phrase"].lower().split()): (
            _number(r, "low"),
            _number(r, "high") if r["high"].strip() else None,  # 'hundreds': 100 or more
            r["qualifier"],
        )
        for r in read_rules("figure_vague", VAGUE_COLUMNS)
    }
    qualifiers = {
        " ".join(r["phrase"].lower().split()): r["qualifier"]
        for r in read_rules("figure_qualifiers", ["phrase", "qualifier"])
    }
    nouns = read_rules("figure_nouns", ["class", "word", "number"])
    for r in nouns:
        _one_of(r, "number", {"singular", "plural", "collective", "victim"})
    before: dict[str, list[str]] = {}
    for r in read_rules("figure_verbs_before", ["quantity", "phrase"]):
        before.setdefault(r["quantity"], []).append(" ".join(r["phrase"].lower().split()))
    after: dict[str, list[str]] = {}
    for r in read_rules("figure_verbs_after", ["quantity", "pattern"], patterns=["pattern"]):
        if not re.fullmatch(r"[a-z_]+", r["quantity"]):
            raise InputError([Problem(r.file, r.line, "column 'quantity': use a-z and _ only")])
        after.setdefault(r["quantity"], []).append(r["pattern"])
    aux = read_rules("figure_auxiliaries", ["word"])
    measures = read_rules("figure_measures", ["word", "kind"])
    for r in measures:
        _one_of(r, "kind", {"unit", "adjective"})
    tolls = tuple(
        TollRule(
            _one_of(
                r,
                "kind",
                {
                    "toll",
                    "list",
                    "zero",
                    "one",
                    "cumulative",
                    "superseded",
                    "no_carry",
                    "set_aside_after",
                    "toll_after",
                    "open_after",
                    "untold_after",
                },
            ),
            r["quantity"],
            r["gate"].lower(),
            re.compile(r["pattern"], FLAGS),
        )
        for r in read_rules("figure_tolls", ["kind", "quantity", "pattern"], patterns=["pattern"])
    )
    return FigureWords(
        units=tuple(w for w, k in kinds.items() if k == "unit"),
        tens=tuple(w for w, k in kinds.items() if k == "tens"),
        word_values={w: v for w, v in values.items() if kinds[w] in ("unit", "tens", "article")},
        scales={w: v for w, v in values.items() if kinds[w] == "scale"},
        vague=vague,
        qualifiers=qualifiers,
        head_class={" ".join(r["word"].lower().split()): r["class"] for r in nouns},
        singular_people=frozenset(
            " ".join(r["word"].lower().split())
            for r in nouns
            if (r["number"] == "singular" and r["class"] in PERSON_CLASSES)
            or r["number"] == "victim"
        ),
        modifiers=tuple(_lower(read_rules("figure_modifiers", ["word"]), "word")),
        before={q: tuple(ps) for q, ps in before.items()},
        after={q: "|".join(f"(?:{p})" for p in ps) for q, ps in after.items()},
        transitive=frozenset(_lower(read_rules("figure_transitive", ["word"]), "word")),
        auxiliaries=tuple(_lower(aux, "word")),
        be_forms=frozenset(r["word"].lower() for r in aux if r["be_form"].lower() == "yes"),
        tolls=tolls,
        measure_units=tuple(_lower([r for r in measures if r["kind"] == "unit"], "word")),
        measure_adjectives=tuple(_lower([r for r in measures if r["kind"] == "adjective"], "word")),
    )


WORDS = load()
