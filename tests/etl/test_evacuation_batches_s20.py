"""Session 20 (issue 8, hNy8): a batch of people leaving in turn under a deal, or leaving 'on
board buses' after a long clause, is an evacuation; departures only expected are not.
Sentences written for this test."""

from __future__ import annotations

import pytest

from tests.etl.trigger_check import article_types, sentence_types


@pytest.mark.parametrize(
    "sentence",
    [
        "Orra: the second batch of 640 people, fighters and relatives, left the town at noon.",
        "Tibni — A new batch of wounded fighters were evacuated to the north overnight.",
        "Families left the besieged quarters of old Kell this evening on board buses.",
    ],
)
def test_a_batch_leaving_or_people_on_board_buses_are_an_evacuation(sentence):
    assert sentence_types(sentence) == {"evacuation"}
    assert article_types(sentence) == {"evacuation"}


def test_batches_only_expected_are_not():
    assert (
        sentence_types("Some 4.000 fighters are expected to leave in batches next week.") == set()
    )
