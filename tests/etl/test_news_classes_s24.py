"""Session 24 (hN12), news precision: false events of heldout21 (and heldout8, 19, 20) whose
class recurs on other sets: a statement or an announced battle named only to date the news
("The attack came a day after ..."), an agreement a bare span of days before or after, a
campaign stepped up in a clause that only dates a flight, and a warning (trigger_contexts.csv's
session-24 rows, triggers.csv without its bare 'warned' row)."""

from __future__ import annotations

import pytest

from tests.etl.trigger_check import article_types, sentence_types


@pytest.mark.parametrize(
    ("sentence", "dropped"),
    [
        (
            "The attack came a day after the SDF announced the start of what it called the"
            " final battle against Islamic State.",
            {"statement", "clash"},
        ),
        (
            "The attack came days after the State Department ordered non-emergency staff to"
            " leave the embassy in Baghdad and the consulate in Erbil.",
            {"statement"},
        ),
        (
            "The bombing came hours after the army declared a three-day truce.",
            {"statement"},
        ),
        (
            "A convoy of about 50 vehicles left the besieged border town of Ras al-Ain on Sunday"
            " carrying the last SDF fighters, days after a US-brokered truce took effect.",
            {"statement"},
        ),
        (
            "More than 80,000 people have fled the area since December 19, when government forces"
            " stepped up their offensive in the southern countryside of Idlib.",
            {"clash"},
        ),
        (
            "President Tayyip Erdogan said on Wednesday that Turkey would launch a military"
            " operation within days, and warned Washington not to stand in the way.",
            {"statement", "clash"},
        ),
        (
            "Coalition officials warned that thousands of militants remained in sleeper cells.",
            {"statement"},
        ),
    ],
)
def test_a_statement_or_battle_that_only_dates_or_warns_is_no_event(sentence, dropped):
    assert not dropped & sentence_types(sentence)
    assert not dropped & article_types(sentence)


@pytest.mark.parametrize(
    ("sentence", "kept"),
    [
        # the act the sentence tells stays
        (
            "A convoy of about 50 vehicles left the besieged border town of Ras al-Ain on Sunday"
            " carrying the last SDF fighters, days after a US-brokered truce took effect.",
            "evacuation",
        ),
        # a battle told as done in the clause is a seed event (seeds/003): it stays
        (
            "The new exodus came only three days after the Kurdish-led SDF resumed military"
            " operations against the militants holed up in Baghouz.",
            "clash",
        ),
        # a blast in such a clause is coded (heldout18, heldout21)
        (
            "The bombing came a week after a motorcycle rigged with explosives wounded five"
            " people in the city's vegetable market.",
            "explosion",
        ),
        # the statement the sentence itself tells, and an order to leave (a threat the sets code)
        ("The army announced a three-day truce on Monday.", "statement"),
        ("The army warned residents of Orra to leave within two days.", "statement"),
        # an offensive stepped up and told as the news
        ("Government forces stepped up their offensive in southern Idlib on Monday.", "clash"),
    ],
)
def test_the_act_itself_stays(sentence, kept):
    assert kept in sentence_types(sentence)
    assert kept in article_types(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "On Tuesday, a fire that broke out in a tent in the camp's main section killed two"
        " children, camp officials said.",
        "It was the second deadly fire in the camp in a month: on March 9, a fire started by a"
        " cooking stove killed a woman and her baby.",
        "A fire that broke out in a tent in the section of al-Hol reserved for foreign women"
        " spread to a dozen more on Sunday night, killing two children, camp officials said.",
    ],
)
def test_a_fire_that_broke_out_and_killed_is_deaths(sentence):
    assert sentence_types(sentence) == {"deaths"}
    assert article_types(sentence) == {"deaths"}


@pytest.mark.parametrize(
    "sentence",
    [
        "Gunmen set fire to the village on Monday, killing five villagers.",
        "Security forces opened fire on protesters on Friday, killing at least 18.",
    ],
)
def test_arson_and_gunfire_stay_killings(sentence):
    assert "killing" in sentence_types(sentence)
    assert "deaths" not in sentence_types(sentence)


@pytest.mark.parametrize(
    ("sentence", "expected", "not_expected"),
    [
        # an attack on families is one-sided violence, a killing (heldout21)
        (
            "Islamic State snipers opened fire on families trying to leave the Baghouz pocket on"
            " Wednesday, killing a woman and two children, people who made it out told reporters.",
            "killing",
            "clash",
        ),
        # a drone that exploded, four words after it, is an air strike (heldout7, 10, 21)
        (
            "One Israeli drone crashed and a second exploded near a Hezbollah media office in"
            " Beirut's southern suburbs before dawn on Sunday, wounding three people.",
            "airstrike",
            "explosion",
        ),
        # a strike from warships is shelling (heldout8, 9, the devset, heldout21)
        (
            "Russia said a strike by its warships had killed dozens of militants near the city"
            " on Tuesday.",
            "shelling",
            "airstrike",
        ),
        (
            "Cruise missiles fired from a submarine in the Black Sea hit an office building on"
            " Thursday morning, killing 20 people.",
            "shelling",
            "airstrike",
        ),
    ],
)
def test_typed_as_the_sets_type_them(sentence, expected, not_expected):
    assert expected in sentence_types(sentence)
    assert not_expected not in sentence_types(sentence)
    assert expected in article_types(sentence)
    assert not_expected not in article_types(sentence)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Russian jets struck rebel positions near the city on Tuesday.", "airstrike"),
        ("A suicide bomber targeted families celebrating Easter in a park on Sunday.", "explosion"),
        ("Militants attacked an army post on Monday, killing 12 soldiers.", "clash"),
    ],
)
def test_their_neighbours_stay(sentence, expected):
    assert expected in sentence_types(sentence)


@pytest.mark.parametrize(
    ("sentence", "dropped"),
    [
        (
            "Rebel negotiators met Russian officers in Busra al-Sham on Friday to discuss a"
            " surrender deal.",
            {"statement", "surrender"},
        ),
        ("Officials were discussing an evacuation of the old city.", {"evacuation"}),
    ],
)
def test_a_thing_discussed_is_not_done(sentence, dropped):
    assert not dropped & sentence_types(sentence)
    assert not dropped & article_types(sentence)


def test_a_surrender_told_stays():
    assert "surrender" in sentence_types("Rebels surrendered to the army in Busra al-Sham on Friday.")


@pytest.mark.parametrize(
    ("sentence", "dropped", "kept"),
    [
        (
            "Government and Russian air strikes killed at least 14 civilians across north-west"
            " Syria on Thursday, as the offensive on the last rebel stronghold entered its eighth"
            " week.",
            {"clash"},
            "airstrike",
        ),
        (
            "Fighting on the city's northern approaches went into its fifth day on Sunday as"
            " shells hit the market, killing 3.",
            {"clash"},
            "shelling",
        ),
        (
            "Forces took control of the southern suburb of Ain Zara on Sunday, residents said, as"
            " Haftar's push on the capital entered its fourth day.",
            set(),
            "clash",
        ),
    ],
)
def test_a_campaign_told_by_its_age_is_no_event(sentence, dropped, kept):
    found = sentence_types(sentence)
    assert not dropped & found
    assert kept in found
    assert not dropped & article_types(sentence)


def test_a_campaign_told_as_the_news_stays():
    assert "clash" in sentence_types("Government forces launched an offensive on the town on Monday.")
