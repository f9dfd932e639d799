"""Issue 8, session 15 (hS2): each side's dead told in a clause of its own and added up
('3 soldiers were killed in the ambush, while 5 militants died'), in sentences written for
these tests (places and people invented or common)."""

from __future__ import annotations

import pytest

from etl.extraction.figures import find_figures
from etl.extraction.tolls import fatalities


def _toll(text: str) -> tuple[float | None, float | None]:
    return fatalities(find_figures(text, 0, len(text)))


@pytest.mark.parametrize(
    "text, toll",
    [
        # the first clause's adverbial before 'while'
        (
            "Four soldiers were killed in the ambush near the bridge, while nine rebels died "
            "in the fighting that followed.",
            (13.0, 13.0),
        ),
        # killed in one clause, died in the other
        ("Two policemen were killed, while six gunmen died.", (8.0, 8.0)),
        # the second clause's subject and verb before its figure
        (
            "12 insurgents were killed according to the army, while the rebels said they had "
            "lost 3 fighters.",
            (15.0, 15.0),
        ),
        # a semicolon between two sides' claims
        ("Officials said 20 of their troops died; the militia reported 7 dead.", (27.0, 27.0)),
        # 'and' with the second clause's own subject
        ("The raid was beaten off; 9 raiders were killed and we lost three.", (12.0, 12.0)),
    ],
)
def test_sides_in_clauses_added(text, toll):
    assert _toll(text) == toll


@pytest.mark.parametrize(
    "text, toll",
    [
        # one clause's figure only: nothing to add
        ("Five villagers were killed, while dozens of houses burned.", (5.0, 5.0)),
        # a whole and its share in the next clause are not two sides
        ("Ten people were killed, while 4 of them were children.", (10.0, 10.0)),
        # wounded in the second clause is not a toll
        ("Three soldiers were killed, while 11 others were wounded.", (3.0, 3.0)),
        # the second clause tells the same dead again, a later toll
        ("Four people were killed in the blast; the toll later rose to 11.", (11.0, 11.0)),
        ("Two guards were killed at dawn, while the number of dead reached 6 by noon.", (6.0, 6.0)),
        ("Eight people were killed on Friday and the toll rose to 14 on Sunday.", (14.0, 14.0)),
    ],
)
def test_not_added(text, toll):
    assert _toll(text) == toll
