"""Session 18 (hNw6), news events found: a side that lost a count of its armed men lost them
in a fight (triggers.csv, the '{forms:lose}' clash row)."""

from __future__ import annotations

import pytest

from tests.etl.trigger_check import article_types, sentence_types


@pytest.mark.parametrize(
    "sentence",
    [
        "The brigade lost 14 soldiers in the push on the ridge.",
        "Militia commanders said they withdrew from the hills after losing at least 20 fighters.",
        "A spokesman for the rebels conceded the loss of forty men near the dam.",
        "The group has lost maybe fifty men since the siege began, a defector said.",
        "The garrison loses several guards every week to the raids on its outposts.",
        "Local sources said the militia lost 9 of its own members there.",
    ],
)
def test_a_side_that_lost_its_armed_men_fought(sentence):
    assert "clash" in sentence_types(sentence)
    assert "clash" in article_types(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "Thirteen residents lost their lives when the roof gave way.",
        "The battalion lost three tanks and a truck to mines on the road.",
        "Farmers lost 200 hectares of wheat to the fires.",
        "The company lost 40 workers to the new factory across the river.",
    ],
)
def test_other_losses_are_no_fight(sentence):
    assert "clash" not in sentence_types(sentence)
    assert "clash" not in article_types(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        # a list of the dead in which armed men stand, a singular armed man, 'shot dead'
        "By nightfall 21 insurgents, three soldiers and a police officer had been killed.",
        "Some 80 people, soldiers and civilians, had been killed in the town since Monday.",
        "A policeman was shot dead at the checkpoint on the ring road on Tuesday.",
        "One of the assailants was shot dead by guards at the gate.",
    ],
)
def test_armed_men_among_the_dead_is_a_battle(sentence):
    assert "clash" in sentence_types(sentence)
    assert not sentence_types(sentence) & {"killing", "deaths"}
    assert "clash" in article_types(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        # whose the dead were ('of' before the armed noun), and the attackers' own death in a
        # bombing the sentence tells
        "Three relatives of a police officer were shot dead at their home on Sunday.",
        "Five members of a village guard were killed by unknown gunmen in the night.",
        "A bomber blew himself up at the gate as a second attacker was shot dead by guards, "
        "killing six people.",
    ],
)
def test_not_armed_men_killed_in_a_battle(sentence):
    assert "clash" not in sentence_types(sentence)
    assert "clash" not in article_types(sentence)
