"""Issue 8, session 19 (hNt7): a killing told by its manner, '... to death', counts its dead,
after the count ('2 displaced persons beaten to death', '3 herders froze to death') and before
it ('they burned to death at least 12 villagers'). Sentences written for these tests (places
invented)."""

from __future__ import annotations

import pytest

from etl.extraction.figures import fatalities, find_figures


def _toll(text: str) -> tuple[float | None, float | None]:
    return fatalities(find_figures(text, 0, len(text)))


@pytest.mark.parametrize(
    "text, toll",
    [
        ("Near Varn, 2 displaced persons beaten to death, tents burned.", (2.0, 2.0)),
        ("Three herders froze to death in the pass above Orla.", (3.0, 3.0)),
        ("4 villagers stabbed to death at the Kessel well, police said.", (4.0, 4.0)),
        ("Witnesses say the gunmen burned to death at least 12 villagers in Tarn.", (12.0, None)),
        # a manner with no death stays no toll
        ("Two shepherds were beaten by soldiers near Varn.", (None, None)),
        ("Six houses burned in Orla overnight.", (None, None)),
    ],
)
def test_a_killing_told_by_its_manner(text: str, toll: tuple) -> None:
    assert _toll(text) == toll
