"""Session 15 (issue 8): trigger rows for grammar any reporter writes, by class.

Sentences are the team's own, written for these tests (none is copied from a heldout set).
"""

from __future__ import annotations

import pytest

from etl.extraction.triggers import find_triggers


def types(sentence: str) -> list[str]:
    return [t.event_type for t in find_triggers(sentence, 0, len(sentence))]


# Class: a place taken, told by 'took' and a place noun, or by the place that fell
@pytest.mark.parametrize(
    "sentence",
    [
        "By the evening they took its airport and the old citadel.",
        "Government troops took the nearby Tell Amara village on Monday.",
        "The rebels took both crossings after a night of shelling.",
        "The garrison town fell on Saturday after a week-long siege.",
        "The city, which had held out for three years, fell overnight.",
    ],
)
def test_a_place_taken_or_fallen_is_a_battle(sentence):
    assert "clash" in types(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "He took part in the talks about the base.",
        "Most families took the bus to the town on Sunday.",
        "The kidnappers took the village's teacher hostage.",
        "It took the city three years to rebuild the bridge.",
        "The number of patients in the town fell to nine.",
        "Prices in the capital fell sharply last month.",
    ],
)
def test_took_and_fell_without_a_place_taken_are_no_battle(sentence):
    assert "clash" not in types(sentence)


# Class: people who leave, told by walking out, a list of places left, refuge or a passive move
@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        ("Thousands of villagers walked out of the burning valley at dawn.", "displacement"),
        ("Hundreds of families left Kafr Amma and al-Jinah for the camps.", "displacement"),
        ("About 800 people have taken refuge in the cathedral since Sunday.", "displacement"),
        ("Some 2,000 residents sought refuge around the peacekeepers' camp.", "displacement"),
        ("Some 6.000 villagers were moved out of the flooded area on Friday.", "evacuation"),
    ],
)
def test_people_leaving_a_place_told_plainly(sentence, kind):
    assert kind in types(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "The delegation walked out of the talks on Tuesday.",
        "Two battalions were moved out of the area last week.",
        "The minister left Paris and Rome for Geneva.",
    ],
)
def test_walking_out_or_moving_men_is_no_flight(sentence):
    assert not {"displacement", "evacuation"} & set(types(sentence))


# Class: a weapon told by what fired or carried it, or by what it did
@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        ("The alliance replied with 5 strikes that destroyed a fuel depot.", "airstrike"),
        ("On Friday a strike on Kafr Amma killed six people, medics said.", "airstrike"),
        ("Near the dam, three strikes engaged a mortar team.", "airstrike"),
        ("Army helicopters fired two missiles at the convoy on Sunday, killing 4.", "airstrike"),
        ("A cargo plane flying from the coast was shot down on Monday, killing its crew.", "clash"),
        ("Militants bombed a church during the evening service on Sunday.", "explosion"),
        ("Three deminers were killed by a booby-trapped car near the bridge.", "explosion"),
        ("Two soldiers were killed by booby traps in the old market on Monday.", "explosion"),
        ("The gunmen held the road for hours, torching buses and firing on soldiers.", "clash"),
    ],
)
def test_a_weapon_told_by_its_launcher_or_effect(sentence, kind):
    assert kind in types(sentence)


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        ("Army helicopters fired two missiles at the convoy on Sunday, killing 4.", "shelling"),
        ("Sappers spent the week clearing mines and booby traps from the streets.", "explosion"),
        ("The air force says its jets shot down a drone near the border today.", "clash"),
        ("The general strike hit shops and schools across the country.", "airstrike"),
        ("Police fired on protesters in the square.", "clash"),
    ],
)
def test_no_such_weapon_or_battle(sentence, kind):
    assert kind not in types(sentence)


def test_killed_by_booby_traps_is_the_bombs_toll_not_a_battle():
    sentence = "Four soldiers were killed by booby traps as they searched the houses on Monday."
    assert types(sentence) == ["explosion"]


# Class: combatants killed, counted with a thousands separator, are a battle's dead
@pytest.mark.parametrize(
    "sentence",
    [
        "The army said it had killed 1.200 insurgents in the marshes over ten days.",
        "The ministry said troops killed 2,500 militants during the spring operation.",
    ],
)
def test_combatants_killed_in_thousands_are_a_battle(sentence):
    assert types(sentence) == ["clash"]


# Class (precision): statements that report no political act
@pytest.mark.parametrize(
    "sentence",
    [
        "The city council banned the carnival parade the next day.",
        "Leaflets signed by the brigade were pinned to the mosque door.",
        "The governor ordered 1,500 soldiers to the province on Monday.",
        "The army said it had ordered villagers in the valley to stay indoors.",
        "The judge had ordered the two journalists released on bail.",
        "The ministry announced that its troops had recaptured the airport.",
        "Shelling along the frontier was described as a ceasefire violation.",
    ],
)
def test_no_statement_in_acts_told_otherwise(sentence):
    assert "statement" not in types(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "The interior ministry banned the Patriotic Front on Tuesday.",
        "Both parties signed a truce in the capital on Sunday.",
        "The army ordered 50,000 residents to move to the coast on Monday.",
        "The rebels announced that they had agreed to a truce.",
    ],
)
def test_statements_that_are_acts_stay(sentence):
    assert "statement" in types(sentence)


# Class (precision): people or vehicles named only as the object or moment of an attack
@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        ("Gunmen ambushed their convoy near the dam on Monday, killing six guards.", "evacuation"),
        ("Nearly 900 of the evacuated villagers have gone back since Friday.", "evacuation"),
        ("Militants shot the pilgrims as they fled the shrine on Friday.", "displacement"),
    ],
)
def test_no_flight_or_evacuation_in_an_attacks_object(sentence, kind):
    assert kind not in types(sentence)


def test_a_convoy_that_carried_people_out_is_still_an_evacuation():
    sentence = "A convoy of 40 buses carried 2,000 people out of the old city on Sunday."
    assert "evacuation" in types(sentence)


# Class (precision): a claim of responsibility for attacks told before is no battle
@pytest.mark.parametrize(
    ("sentence", "battle"),
    [
        ("The Islamic State group claimed both attacks on Sunday.", False),
        ("A jihadist group claimed the attacks in a statement on Telegram.", False),
        ("The rebels claimed three attacks on army posts overnight.", True),
    ],
)
def test_a_claim_for_attacks_told_before_is_no_battle(sentence, battle):
    assert ("clash" in types(sentence)) is battle


# Class (folded): an execution told after a battle's dead is a killing of its own
def test_an_execution_after_the_battles_dead_stays_a_killing():
    sentence = (
        "Medics said 40 soldiers had been killed in the assault and that the rebels "
        "executed nine prisoners in the square."
    )
    assert types(sentence) == ["clash", "killing"]


def test_combatants_dead_alone_stay_a_battle():
    assert types("At least 30 fighters were killed in heavy clashes on Monday.") == ["clash"]
