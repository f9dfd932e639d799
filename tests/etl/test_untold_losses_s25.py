"""Convention C3 (session 25): a count of the dead beside which the sentence says another
side's dead are untold or unknown ('45 militants were killed; it did not give its own
losses') keeps its count as the figure, qualifier UNTOLD, and makes the event's toll that
count open above (N-null). Without such words the count is N-N as before. The phrases are
rows of kind untold_after in data/rules/figure_tolls.csv."""

from __future__ import annotations

import pytest

from dashboard.detail import format_figure
from etl.extraction.figures import find_figures
from etl.extraction.mentions import UNTOLD, Figure
from etl.extraction.tolls import fatalities


def _read(text: str):
    figures = find_figures(text, 0, len(text))
    return fatalities(figures), [(f.quantity, f.low, f.high, f.qualifier) for f in figures]


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("The SDF said 45 militants were killed in the fighting; it did not give its own losses.", 45),
        ("A police spokesman said 55 insurgents had been killed, but did not give figures for his own side.", 55),
        ("Forces fired on the district on 14-16 September; 1 border guard killed, civilian losses unknown.", 1),
        ("A medic said 14 fighters had been killed in the final two days; the army gave no toll.", 14),
        ("Casualties: 2 tribal fighters killed; attackers' losses not known.", 2),
        ("The clashes left nine opposition fighters dead; losses among the attackers are not known.", 9),
        ("| Casualties: 2 police KIA, 1 WIA; militant losses n/k | Ref: DY-SUR/0311", 2),
        ("2 DMC members were killed and an unknown number of attackers.", 2),
    ],
)  # fmt: skip
def test_a_count_with_the_other_sides_dead_untold_is_open_above(text, count):
    (low, high), figures = _read(text)
    assert (low, high) == (count, None)
    killed = [f for f in figures if f[0] == "killed"]
    assert (killed[0][1], killed[0][2], killed[0][3]) == (count, count, UNTOLD)  # the figure: N-N


@pytest.mark.parametrize(
    "text",
    [
        "Five soldiers were killed, the army said.",
        "Five people were killed; the number of wounded is unknown.",
        "Five people were killed and an unknown number of others wounded.",
    ],
)
def test_without_untold_dead_the_count_stays_closed(text):
    assert _read(text)[0] == (5, 5)


def test_a_vague_word_beside_untold_losses_stays_no_toll():
    # h15-003: "dozens" is no count; the army's silence does not make it one
    text = 'A rebel spokesman said "dozens" of soldiers had died; the army gave no toll.'
    assert _read(text)[0] == (None, None)


def test_a_closed_count_from_elsewhere_does_not_close_an_untold_one_it_equals():
    untold = Figure("killed", 45.0, 45.0, UNTOLD, "45 militants", 0, 12)
    again = Figure("killed", 45.0, 45.0, "exact", "45 militants", 0, 12)
    higher = Figure("killed", 60.0, 60.0, "exact", "60 people", 0, 9)
    assert fatalities([untold, again]) == (45, None)
    assert fatalities([untold, higher]) == (60, 60)  # an updated, larger count is the toll


def test_the_detail_says_others_untold():
    assert format_figure(45.0, 45.0, UNTOLD) == "45 (others untold)"
