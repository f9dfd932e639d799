"""A gate in figure_tolls.csv is only a speed-up: every text its row's pattern matches holds
one of the gate's texts ('put|placed' are alternatives). hQ24 found rows whose single gate
word cut matches their pattern accepts: 'Fatalities= 3 ISIS, 2 SDF' (the list row gated by
':'), 'the death toll was estimated at 12' (gated by 'reported'), 'officials placed the death
toll at 9' (gated by 'put'), 'estimates of the dead ranging from 40 to 60' (gated by 'range')."""

from __future__ import annotations

import re

import pytest

from etl.extraction import figures
from etl.extraction.figure_words import WORDS


@pytest.mark.parametrize(
    "text, figure",
    [
        ("Fatalities= 3 ISIS, 2 SDF", "2"),
        ("Clashes near Hajin. Deaths= 4 IS, 1 SDF", "1"),
        ("Shelling hit the market, and the death toll was estimated at 12", "12"),
        ("The dead were recorded as 7 by the health office", "7"),
        ("Hospital officials placed the death toll at 9", "9"),
        ("Medics set the final toll at 14", "14"),
        ("estimates of the dead ranging from 40 to 60", "40"),
    ],
)
def test_a_figure_whose_row_matches_is_read_as_its_toll(text, figure):
    pos = text.rindex(figure)
    assert figures._before_verb(text, 0, pos, loose=True) == "killed"


def test_every_gated_rows_matches_hold_one_of_its_gates():
    """Over the rows' own examples written above: no match without one of its gate texts."""
    samples = [
        "Fatalities= 3 ISIS, ", "the death toll was estimated at ", "the dead were recorded as ",
        "officials placed the death toll at ", "medics set the final toll at ",
        "estimates of the dead ranging from ", "the toll was later given as ",
        "deaths put at ",
    ]  # fmt: skip
    for row in WORDS.tolls:
        if row.kind not in ("toll", "list") or not row.gate:
            continue
        gates = row.gate.split("|")
        for sample in samples:
            if row.pattern.search(sample):
                assert any(g in sample.lower() for g in gates), (row.gate, sample)


def test_a_gate_still_keeps_a_row_from_being_tried_where_it_cannot_match(monkeypatch):
    tried = []
    real = re.Pattern.search

    rows = [(q, p, g, listed) for q, p, g, listed in figures._TOLLS]
    counted = []
    for quantity, pattern, gate, listed in rows:
        class _P:
            def __init__(self, p):
                self.p = p

            def search(self, *args):
                tried.append(self.p.pattern)
                return real(self.p, *args)

        counted.append((quantity, _P(pattern), gate, listed))
    monkeypatch.setattr(figures, "_TOLLS", counted)
    text = "Soldiers were seen near the bridge at 6"
    figures._before_verb(text, 0, text.index("6"), loose=True)
    gated = {p.pattern for _, p, g, _ in rows if g and not any(x in text.lower() for x in g)}
    assert gated and not gated & set(tried)
