"""A verb written once in a rule, read in all its forms: '{forms:seize}' in a pattern of
triggers.csv or trigger_contexts.csv stands for seize|seizes|seized|seizing, so one row says
'seized 30 villagers', 'seizing dozens more' and 'seizes 4 men' (a headline) alike, where the
tables used to need a row for each form.

The regular forms are made by the rules of English spelling (seize -> seized, carry ->
carried, push -> pushes); a verb that breaks them (take, took, taken; kidnap, kidnapped) is a
row of ``data/rules/verb_forms.csv`` (`base`, `third`, `past`, `participle`, `ing`).

Pure functions; the table is read once (etl.extraction.rules).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path

from etl.extraction.rules import Row, read_rules
from etl.problems import InputError, Problem

#: A slot in a pattern: '{forms:<base>}', the base form in lower case.
SLOT = re.compile(r"\{forms:([^{}]*)\}")
_BASE = re.compile(r"[a-z]+(?:-[a-z]+)?")
COLUMNS = ("base", "third", "past", "participle", "ing")
_VOWELS = frozenset("aeiou")


def regular_forms(base: str) -> tuple[str, str, str, str, str]:
    """(base, third person, past, participle, -ing) by the regular spelling rules."""
    if base.endswith(("s", "x", "z", "ch", "sh", "o")):
        third = base + "es"
    elif base.endswith("y") and base[-2:-1] not in _VOWELS:
        third = base[:-1] + "ies"
    else:
        third = base + "s"
    if base.endswith("e"):
        past = base + "d"
    elif base.endswith("y") and base[-2:-1] not in _VOWELS:
        past = base[:-1] + "ied"
    else:
        past = base + "ed"
    if base.endswith("ie"):
        ing = base[:-2] + "ying"
    elif base.endswith("e") and not base.endswith(("ee", "ye", "oe")):
        ing = base[:-1] + "ing"
    else:
        ing = base + "ing"
    return base, third, past, past, ing


def irregular_forms(folder: Path | None = None) -> dict[str, tuple[str, ...]]:
    """verb_forms.csv: base -> its five forms (InputError naming each bad line)."""
    rows = read_rules("verb_forms", COLUMNS, (), folder)
    forms: dict[str, tuple[str, ...]] = {}
    problems = []
    for row in rows:
        cells = tuple(row[c].strip().lower() for c in COLUMNS)
        bad = [c for c, v in zip(COLUMNS, cells) if not _BASE.fullmatch(v)]
        if bad:
            problems.append(_problem(row, f"not one lower-case word: {', '.join(bad)}"))
        elif cells[0] in forms:
            problems.append(_problem(row, f"verb {cells[0]!r} given twice"))
        else:
            forms[cells[0]] = cells
    if problems:
        raise InputError(problems)
    return forms


def _problem(row: Row, reason: str) -> Problem:
    return Problem(row.file, row.line, reason)


def inflections(base: str, irregular: Mapping[str, tuple[str, ...]]) -> tuple[str, ...]:
    """The distinct forms of a verb, longest first (an alternation then tries 'seizing'
    before 'seize')."""
    forms = irregular.get(base)
    if forms is None:
        if _DOUBTFUL.search(base):
            raise ValueError(
                f"'{{forms:{base}}}': the spelling rules cannot tell whether {base!r} doubles"
                f" its last letter ({base}{base[-1]}ed or {base}ed?); give its forms a row in"
                " verb_forms.csv"
            )
        forms = regular_forms(base)
    return tuple(sorted(set(forms), key=lambda w: (-len(w), w)))


#: a base ending in one vowel and one consonant ('rob', 'stab', 'admit', 'target'): whether
#: it doubles that consonant (robbed, admitted) or not (targeted, opened) depends on stress,
#: which the spelling rules cannot see, so such a verb needs its row in verb_forms.csv
_DOUBTFUL = re.compile(r"(?:^|[^aeiou])[aeiou][b-df-hj-np-tvz]$")


def expand(pattern: str, irregular: Mapping[str, tuple[str, ...]]) -> str:
    """`pattern` with each '{forms:<base>}' slot made the alternation of that verb's forms.
    ValueError for a slot that holds no verb ('{forms:}', '{forms:Seize}')."""

    def forms(match: re.Match[str]) -> str:
        base = match.group(1)
        if not _BASE.fullmatch(base):
            raise ValueError(f"'{{forms:{base}}}' names no verb (one lower-case base form)")
        return "(?:" + "|".join(inflections(base, irregular)) + ")"

    return SLOT.sub(forms, pattern)


def expand_rows(rows: tuple[Row, ...], folder: Path | None = None) -> tuple[Row, ...]:
    """The rows with every '{forms:...}' slot of their `pattern` filled (the table is read
    only when a row has one); InputError naming each row whose slot names no verb."""
    if not any("{forms:" in row["pattern"] for row in rows):
        return rows
    irregular = irregular_forms(folder)
    out, problems = [], []
    for row in rows:
        if "{forms:" not in row["pattern"]:
            out.append(row)
            continue
        try:
            pattern = expand(row["pattern"], irregular)
            re.compile(pattern, re.I)
        except (ValueError, re.error) as error:
            problems.append(_problem(row, str(error)))
            continue
        out.append(Row({**row.cells, "pattern": pattern}, row.file, row.line))
    if problems:
        raise InputError(problems)
    return tuple(out)
