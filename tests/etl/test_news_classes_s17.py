"""Session 17 (hE4), news precision: a month's count of the dead set against another period's
is a statistic, not an event (trigger_contexts.csv block row)."""

from __future__ import annotations

import pytest

from tests.etl.trigger_check import article_types, sentence_types

CASUALTIES = {"killing", "deaths", "clash"}


@pytest.mark.parametrize(
    "sentence",
    [
        "The number of civilians killed in acts of violence across Iraq in March fell to 1.110, "
        "from 1.342 in February, a United Nations count showed.",
        "Fewer civilians were killed in Syria in March than in any month since the war began.",
        "The monitor counted 363 civilian deaths across the country, against 1.385 in January.",
    ],
)
def test_a_months_count_set_against_another_is_no_event(sentence):
    assert not sentence_types(sentence) & CASUALTIES
    assert not article_types(sentence) & CASUALTIES


@pytest.mark.parametrize(
    "sentence",
    [
        # a killing told with its own day, and a comparison of other things
        "Gunmen killed 12 villagers in Tal Hamis on 3 March, more than in any attack this year.",
        "Militants killed four soldiers at a checkpoint in March, the army said.",
    ],
)
def test_a_killing_in_a_month_is_still_an_event(sentence):
    assert sentence_types(sentence) & CASUALTIES


@pytest.mark.parametrize(
    "sentence",
    [
        # a month after 'from' that is no count of the dead of another period (hRev)
        "Twelve people were killed when gunmen attacked a village, months after the army drove "
        "the group from the area in March.",
        "Some 20 people were killed in the attack, the deadliest since the militants were driven "
        "from the city in June.",
        "Two civilians died of wounds from the shelling in April.",
    ],
)
def test_a_death_with_from_and_a_month_is_still_an_event(sentence):
    assert sentence_types(sentence) & (CASUALTIES | {"shelling"})
    assert article_types(sentence) & (CASUALTIES | {"shelling"})
