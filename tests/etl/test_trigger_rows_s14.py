"""Session 14 (issue 8): trigger rows for grammar any reporter writes, by class.

Sentences are the team's own, written for these tests (none is copied from a heldout set).
"""

from __future__ import annotations

import pytest

from etl.extraction.triggers import find_triggers


def types(sentence: str) -> list[str]:
    return [t.event_type for t in find_triggers(sentence, 0, len(sentence))]


# Class: a killing told by a verb with its victims as object, or in a form the rows lacked
@pytest.mark.parametrize(
    "sentence",
    [
        "The gunmen lined up the drivers by the road and shot them one by one.",
        "In our village they shot seven of my cousins outside the mosque.",
        "Witnesses said the militia shot 12 farmers near the wells on Friday.",
        "A crowd cornered two suspected robbers and burned them to death in the square.",
        "Dozens of prisoners were hanged at the central jail last winter, the report said.",
        "A teenager blew herself up at the checkpoint on Monday, killing a guard.",
        "A video released on Tuesday showed the execution of 18 captured soldiers.",
    ],
)
def test_a_killing_told_with_its_victims_is_a_killing(sentence):
    assert "killing" in types(sentence) or "explosion" in types(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "The plane was shot down over the hills on Sunday.",
        "She shot a documentary about the camps in 2015.",
        "He hanged himself in his cell, the prison said.",
    ],
)
def test_shot_and_hanged_that_kill_no_one_else_are_no_killing(sentence):
    assert "killing" not in types(sentence)


def test_blew_herself_up_is_an_explosion():
    assert "explosion" in types("A woman blew herself up in the crowded market on Friday.")


# Class: the present tense of timelines, tickers and headlines
@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        ("A roadside bomb explodes near the bus station; two hurt", "explosion"),
        ("Armed men in pick-ups abduct 40 pupils from a boarding school", "detention"),
        ("Insurgents fire on army engineers near the bridge; 2 wounded", "clash"),
        ("Special forces break into the town's southern edge at dawn", "clash"),
        ("Dozens of families fleeing Kafr Nabl towards the border on foot", "displacement"),
        ("The defence minister announces the end of the operation in the valley", "statement"),
    ],
)
def test_the_present_tense_of_a_timeline_reports_the_happening(sentence, kind):
    assert kind in types(sentence)


def test_an_announcement_that_attributes_is_no_statement_of_its_own():
    assert "statement" not in types("Two soldiers were killed near the dam, the army announces.")


# Class: a happening named by a noun, told with a verb or a relative clause
@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        ("A second air attack on the village on Friday left 30 people wounded.", "airstrike"),
        ("The clinic was struck by a barrel dropped from a helicopter on 3 May.", "airstrike"),
        ("The market was hit repeatedly in air strikes this morning.", "airstrike"),
        (
            "Divers searched the river on Sunday, two days after an air strike that witnesses "
            "say destroyed the bridge.",
            "airstrike",
        ),
        ("Rebels took the Tal Hamra crossing from Islamic State on Monday.", "clash"),
    ],
)
def test_a_named_happening_told_with_a_verb_is_reported(sentence, kind):
    assert kind in types(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "The town has been the target of repeated air strikes since the spring.",
        "Aid workers returned a month after the air strike.",
    ],
)
def test_habits_and_references_stay_no_airstrike(sentence):
    assert "airstrike" not in types(sentence)


# Class: a killing beside a battle that does not subsume it
@pytest.mark.parametrize(
    "sentence",
    [
        "Fighters who stormed the town on Monday rounded up 30 men and shot them by the river.",
        "A video showed the execution of 40 soldiers captured after the base fell on Friday.",
    ],
)
def test_an_execution_or_a_killing_after_a_relative_clause_battle_stays_a_killing(sentence):
    assert "killing" in types(sentence)


def test_a_battle_s_own_dead_still_fold_into_it():
    assert types("Rebels stormed the base on Monday, killing 12 soldiers.") == ["clash"]


# Class (precision): a happening named only as what people fled or sheltered from
@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        ("Families fleeing the government offensive reached the camp on Monday.", "clash"),
        ("The roof fell on 30 people who had sheltered from the fighting on Sunday.", "clash"),
    ],
)
def test_what_people_fled_is_no_event_of_its_own(sentence, kind):
    assert kind not in types(sentence)


def test_the_offensive_itself_is_still_an_event():
    assert "clash" in types("The government offensive on the valley began on Monday.")


# Class: people taken or moved, told by a plain verb
@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        ("Masked men stopped the bus and took them away in two cars.", "detention"),
        ("Soldiers moved about 2,000 villagers out of the border area overnight.", "evacuation"),
    ],
)
def test_people_taken_away_or_moved_out(sentence, kind):
    assert kind in types(sentence)


def test_furniture_moved_out_is_no_evacuation():
    assert "evacuation" not in types("Workers moved the desks out of the flooded school.")


# Class (type): an attack told by its verb whose killing names unarmed victims is a killing
def test_an_attack_killing_residents_is_a_killing_of_civilians():
    sentence = "Armed men attacked the hill town of Velm on Friday, killing at least 9 villagers."
    assert types(sentence) == ["killing"]


@pytest.mark.parametrize(
    "sentence",
    [
        "Gunmen attacked the army post and the town of Velm, killing 20 civilians and 4 soldiers.",
        "Militants attacked the town of Velm overnight, killing at least 15 people, residents said.",
    ],
)
def test_an_attack_on_armed_men_or_with_victims_unnamed_stays_a_battle(sentence):
    assert types(sentence) == ["clash"]


# Class: a further bomb told by its order, with its own toll
@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Soon after, a second bomb hidden in a cart at the vegetable market on the south "
            "side of the town killed three drivers.",
            ["explosion"],
        ),
        ("A third bomb was found and defused near the mosque on Friday.", []),
    ],
)
def test_a_second_bomb_that_killed_is_an_explosion(sentence, expected):
    assert types(sentence) == expected
