"""Convention C2 (session 25): 'neutralised' alone is not a death. The word covers killed,
wounded, captured and surrendered, so its count is a figure of its own (quantity
'neutralised') and no part of the event's toll; the dead counted beside it stay the toll.
The verbs are rows of data/rules/figure_verbs_before.csv and figure_verbs_after.csv."""

from __future__ import annotations

import pytest

from etl.extraction.figures import find_figures
from etl.extraction.tolls import fatalities


def _read(text: str):
    figures = find_figures(text, 0, len(text))
    return fatalities(figures), sorted((f.quantity, f.low) for f in figures)


@pytest.mark.parametrize(
    ("text", "toll", "neutralised"),
    [
        ("Seven soldiers were also killed, and the army said 80 attackers were 'neutralised'.", (7, 7), 80),
        ("The gallant troops neutralised 20 terrorists; unfortunately, 4 soldiers paid the supreme price.", (4, 4), 20),
        ("Govt reports 35 civilians and 7 soldiers killed; 80 assailants neutralised.", (42, 42), 80),
        ("The FDS say they 'neutralised' 42 insurgents in two days of fighting in Macomia.", (None, None), 42),
        ("In an encounter at Nandimarg since last evening, two terrorists have been neutralised.", (None, None), 2),
        ("Reported fatalities: 40+ civilians; the army claims over 400 assailants neutralised.", (40, None), 400),
    ],
)  # fmt: skip
def test_neutralised_is_a_count_but_no_death(text, toll, neutralised):
    (low, high), figures = _read(text)
    assert (low, high) == toll
    assert ("neutralised", neutralised) in figures
    assert all(q != "killed" or n != neutralised for q, n in figures)
