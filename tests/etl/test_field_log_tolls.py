"""Tolls written the way field logs and short notes write them (issue 8): a noun with no
article before its verb, a number in quotes, a group named only as 'members of', a labelled
toll, 'No cas.', parts added across a participle, an apposition not added. Sentences written
for this test."""

from __future__ import annotations

import pytest

from etl.extraction.figures import fatalities, find_figures


def _toll(sentence: str) -> tuple[float | None, float | None]:
    return fatalities(find_figures(sentence, 0, len(sentence)))


@pytest.mark.parametrize(
    ("sentence", "toll"),
    [
        ("Mortar round on a minibus near Varn, driver killed.", (1, 1)),
        ("Orra market: shop owner shot dead by two men on a motorbike.", (1, 1)),
        ("Gunmen shot dead a teacher and his son outside their house.", (2, 2)),
        # a vague word alone is an unknown toll (the figure keeps the word's bounds)
        ("Rescuers said 'dozens' of fighters had been killed near the dam.", (None, None)),
        ("Police said 'about thirty' attackers were killed at the gate.", (30, 30)),
        ("Eleven members of a local self-defence group were killed in the raid.", (11, 11)),
        ("Toll: 19 (12 villagers, 7 police).", (19, 19)),
        ("Patrol sweep of the wadi, 4 arrests. No cas.", (0, 0)),
        (
            "The garrison reported 3 guards killed and 'about fifteen' raiders neutralised.",
            (3, 3),  # 'neutralised' is no death (C2, session 25; it was 18)
        ),
        ("A drone hit a car near Varn, martyring three members, the command said.", (3, 3)),
        ("Orra retaken after a 2-day push. Raider losses 'dozens'.", (None, None)),
        ("Pesh losses: 4.", (4, 4)),
        ("Monitors say 23 fighters on both sides died in the battle for the hill.", (23, 23)),
        # the people after the comma are the two counted before it
        ("Teams recorded the death of 2 farmers, a father and his son, in the blast.", (2, 2)),
    ],
)
def test_field_log_tolls(sentence, toll):
    assert _toll(sentence) == toll


@pytest.mark.parametrize(
    "sentence",
    [
        "Orra: the driver union called a strike.",  # no verb of a death
        "Police said 'dozens' of families had returned.",  # not a toll
        # bodies in a mass grave: an earlier killing, not this event's toll
        "Troops retook Orra, where at least 40 bodies were found in a mass grave.",
    ],
)
def test_no_toll(sentence):
    assert _toll(sentence) == (None, None)
