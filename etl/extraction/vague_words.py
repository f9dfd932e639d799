"""Vague words of quantity ('dozens', 'scores', 'several', 'hundreds'): the qualifiers that
``data/rules/figure_vague.csv`` gives them, as against the qualifiers of a number ('about',
'at least': ``figure_qualifiers.csv``; 'a dozen' is 'about' 12, a number).

A figure read from a vague word keeps the word and the table's bounds ('dozens' 24-99); an
event's death toll told only by vague words is unknown (issue 8, session 20: the convention
of the blind sets heldout8-17). Light to import (two small rule tables, no patterns): the
extractor's tolls, the dashboard's table and detail, and the ACLED export read it.
"""

from __future__ import annotations

from etl.extraction.rules import read_rules

#: the qualifiers of vague words: a word that names no count
VAGUE_QUALIFIERS = frozenset(
    r["qualifier"] for r in read_rules("figure_vague", ["phrase", "low", "qualifier"])
) - frozenset(r["qualifier"] for r in read_rules("figure_qualifiers", ["phrase", "qualifier"]))


def is_vague(qualifier: object) -> bool:
    """Whether a figure's qualifier is a vague word's ('dozens'), not a number's ('about')."""
    return qualifier in VAGUE_QUALIFIERS
