"""Session 26 (hD14): 'the number of people who have died ... has risen to 17' is a toll as
'the number of people who died ... rose to 17' was (figure_tolls.csv, heldout23-113's shape;
places invented)."""

from __future__ import annotations

import pytest

from etl.extraction.figures import find_figures
from etl.extraction.tolls import fatalities


@pytest.mark.parametrize(
    "text",
    [
        "The number of people who have died at the Tessit camp since Tuesday has risen to 17.",
        "The number of people who had died in the camp reached 17, aid workers said.",
        "The number of people who died at the camp rose to 17.",
    ],
)
def test_the_number_of_people_who_have_died_is_a_toll(text: str) -> None:
    assert fatalities(find_figures(text, 0, len(text))) == (17, 17)


def test_the_number_of_people_who_have_fled_is_no_toll() -> None:
    text = "The number of people who have fled the camp since Tuesday has risen to 1700."
    assert fatalities(find_figures(text, 0, len(text))) == (None, None)


@pytest.mark.parametrize(
    "text",
    [
        "Regime forces shelled villages near Tessit this morning, without reports of casualties.",
        "Warplanes carried out 6 air strikes near Tessit, without any reports of deaths.",
    ],
)
def test_without_reports_of_casualties_is_a_zero(text: str) -> None:
    # as 'no reported casualties' is (heldout20-125/165, heldout22-113; heldout13-127 codes null)
    assert fatalities(find_figures(text, 0, len(text))) == (0, 0)


def test_without_reports_of_the_wounded_is_no_zero_toll() -> None:
    text = "Regime forces shelled villages near Tessit, without reports of injuries."
    assert fatalities(find_figures(text, 0, len(text))) == (None, None)
