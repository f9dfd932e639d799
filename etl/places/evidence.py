"""Which countries an article is about: the first evidence for a town outside the area of
interest ('KIDAL, Mali (Reuters)', 'in Yemen', 'Houthi fighters', 'Boko Haram').

Country names come from GeoNames; peoples, adjectives, armed groups and institutions from
`data/rules/place_country_words.csv` (a phrase and the countries it ties an article to).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping
from functools import lru_cache
from pathlib import Path

from etl.extraction.rules import read_rules
from etl.places.gazetteer import normalise_name
from etl.problems import InputError, Problem

#: Runs of capitalised words, 'of (the)' and 'al-' allowed inside: a cheap scan for names.
_CAPITALISED_RUN = re.compile(
    r"(?:\b(?:al|el|as|ash|an|ad|ar)-)?[A-Z][A-Za-z'’-]+"
    r"(?:\s+(?:(?:of\s+(?:the\s+)?|al-|el-)?)[A-Z][A-Za-z'’-]+)*"
)
_ISO = re.compile(r"^[A-Z]{2}$")
MAX_WORDS = 4  # the longest phrase of the table, in words


@lru_cache(maxsize=8)
def country_words(folder: Path | None = None) -> dict[str, tuple[str, ...]]:
    """Phrase -> ISO codes, from place_country_words.csv (bad codes named by file:line)."""
    words: dict[str, tuple[str, ...]] = {}
    problems = []
    for row in read_rules("place_country_words", ("phrase", "countries"), folder=folder):
        codes = tuple(c.strip() for c in row["countries"].split("|"))
        if not all(_ISO.match(c) for c in codes):
            problems.append(
                Problem(row.file, row.line, "countries must be ISO codes such as SY or NG|CM")
            )
        words[row["phrase"]] = codes
    if problems:
        raise InputError(problems)
    return words


def _strip_possessive(raw: str) -> str:
    return raw[:-2] if raw.endswith(("’s", "'s")) else raw


def countries_named(
    text: str, country_names: Mapping[str, str], words: Mapping[str, tuple[str, ...]] | None = None
) -> Counter[str]:
    """ISO codes the text ties itself to, counted: country names ('Syria', "Yemen's") and the
    table's phrases ('Syrian', 'Houthi', 'Boko Haram'), each at most once per run of names."""
    words = country_words() if words is None else words
    found: Counter[str] = Counter()
    for run in _CAPITALISED_RUN.findall(text):
        iso = country_names.get(normalise_name(_strip_possessive(run)))
        parts = run.split()
        if iso is None:
            iso = country_names.get(normalise_name(_strip_possessive(parts[0])))
        if iso:
            found[iso] += 1
            continue
        i = 0
        while i < len(parts):  # 'Khalifa Haftar', 'Forces of the Syrian Democratic Forces'
            for n in range(min(MAX_WORDS, len(parts) - i), 0, -1):
                phrase = _strip_possessive(" ".join(parts[i : i + n]))
                codes = words.get(phrase) or (words.get(phrase.split("-")[0]) if n == 1 else None)
                if codes:
                    found.update(codes)
                    i += n - 1
                    break
            i += 1
    return found
