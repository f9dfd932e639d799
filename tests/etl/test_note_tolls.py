"""Tolls written the way incident notes write them (issue 8): counts by side in a comma list,
a side counted before the count that carries the verb, 'and N among X', zero tolls said as
'no injuries' or 'unhurt', bodies found, occupants killed. Sentences written for this test."""

from __future__ import annotations

import pytest

from etl.extraction.figures import find_figures
from etl.extraction.tolls import fatalities


def _toll(sentence: str) -> tuple[float | None, float | None]:
    return fatalities(find_figures(sentence, 0, len(sentence)))


@pytest.mark.parametrize(
    ("sentence", "toll"),
    [
        ("4 RSF killed, 3 SAF killed.", (7, 7)),
        ("9 Shabaab, 1 soldier dead.", (10, 10)),
        ("11 deaths were recorded among the police and 4 among the gunmen.", (15, 15)),
        ("Four died among the guards and two among the raiders.", (6, 6)),
        ("Crew unhurt.", (0, 0)),
        ("Sat: a mine hit a lorry nr Orra. No injuries.", (0, 0)),
        ("3 herders abducted and later found dead near the well.", (3, 3)),
        ("A drone hit a pickup; the two occupants were killed.", (2, 2)),
        ("Sun: ambush nr Orra, 3 KIA, 2 WIA.", (3, 3)),
        ("Casualties - KIA: 5, WIA: 9.", (5, 5)),
        ("Zero fatalities, per the police.", (0, 0)),
        ("The toll was later revised to 17.", (17, 17)),
        ("Fatalities were revised downwards to 6.", (6, 6)),
        ("A drone hit a pickup; both occupants were killed.", (2, 2)),
        # a whole and its share are not added; a date before a count is no side
        ("22 people killed, 14 children.", (22, 22)),
        ("On 12 March, 3 soldiers were killed.", (3, 3)),
        ("A mine hit a lorry, 3 killed, 2 injured.", (3, 3)),
    ],
)  # fmt: skip
def test_note_toll(sentence, toll):
    assert _toll(sentence) == toll
