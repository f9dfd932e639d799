"""Session 20 (issue 8, hNy8): a weapon named after the casualties it caused is the event
('Treated 2 wounded farmers after a landmine'), where 'after the offensive' alone only
dates something else. Sentences written for this test."""

from __future__ import annotations

import pytest

from tests.etl.trigger_check import article_types, sentence_types


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Treated 2 wounded farmers after a roadside bomb east of Tall Hamis.", {"explosion"}),
        (
            "Team 4 collected 5 bodies and treated 6 injured after a car bomb at the bus stop.",
            {"explosion"},
        ),
        ("Took in 3 dead and 8 wounded from a barrel-bomb attack on Kafr Amma.", {"airstrike"}),
    ],
)
def test_a_weapon_after_the_casualties_it_caused_is_an_event(sentence, expected):
    assert sentence_types(sentence) == expected
    assert article_types(sentence) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "Prices rose after a car bomb closed the main road last year.",
        "The market reopened after the roadside bomb of last week.",
    ],
)
def test_a_weapon_after_other_news_only_dates_it(sentence):
    assert "explosion" not in sentence_types(sentence)
