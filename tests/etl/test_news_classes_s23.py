"""Session 23 (hN11), news precision: false events of heldout19 and heldout20 whose class
recurs on other sets (trigger_contexts.csv's session-23 block rows and the widened row of
fighters who flee): an ultimatum's act, a campaign or a
statement named only to date something else, fighting told as a trend, and attackers, troops
or staff who flee or leave."""

from __future__ import annotations

import pytest

from tests.etl.trigger_check import article_types, sentence_types


@pytest.mark.parametrize(
    ("sentence", "act"),
    [
        (
            "The army has given Islamic State fighters holding out in the camp until Friday"
            " to accept evacuation to the eastern desert or face a final assault.",
            "evacuation",
        ),
        (
            'A commander said the fighters still inside the town had "until tonight" to'
            " surrender or face a final assault.",
            "surrender",
        ),
        (
            "Negotiators gave rebel fighters in the town until the 12th to accept evacuation"
            " to the north.",
            "evacuation",
        ),
        ("The ministry said the residents had until Tuesday night to leave the area.", "displacement"),
    ],
)
def test_an_ultimatum_is_not_its_act(sentence, act):
    assert act not in sentence_types(sentence)
    assert act not in article_types(sentence)


@pytest.mark.parametrize(
    ("sentence", "act"),
    [
        ("The last buses carrying fighters and their families left the town on Friday.", "evacuation"),
        ("The fighters surrendered to the army on Tuesday.", "surrender"),
        ("Hundreds of families fled the town on Monday.", "displacement"),
    ],
)
def test_the_act_itself_stays(sentence, act):
    assert act in sentence_types(sentence)


@pytest.mark.parametrize(
    ("sentence", "kept", "dropped"),
    [
        (
            "Families arrived at the checkpoint between 17 and 19 October, after fighting"
            " reached the area.",
            None,
            "clash",
        ),
        (
            "Turkish jets have pounded targets along the border since Wednesday, when Ankara"
            " launched its offensive east of the Euphrates.",
            None,
            "clash",
        ),
        (
            "Coalition air strikes on the town killed 17 civilians on Wednesday, a day after"
            " the SDF resumed its offensive on the pocket.",
            "airstrike",
            "clash",
        ),
        (
            "Barrel bombs hit the road on Monday evening, hours after the army declared the"
            " week-long truce over.",
            "airstrike",
            "statement",
        ),
        (
            "The attack came a day after the Taliban announced a three-day ceasefire for Eid.",
            None,
            "statement",
        ),
    ],
)
def test_a_campaign_or_statement_that_only_dates_is_no_event(sentence, kept, dropped):
    found = sentence_types(sentence)
    assert dropped not in found
    assert dropped not in article_types(sentence)
    if kept:
        assert kept in found


@pytest.mark.parametrize(
    ("sentence", "event_type"),
    [
        ("The army launched its offensive on the town on Monday.", "clash"),
        ("Fighting reached the outskirts of the city on Sunday.", "clash"),
        ("The army declared a ceasefire on Friday.", "statement"),
        ("Shells hit the town hours after rebels launched an assault on the base.", "clash"),
    ],
)
def test_a_campaign_or_statement_told_as_news_stays(sentence, event_type):
    assert event_type in sentence_types(sentence)


@pytest.mark.parametrize(
    ("sentence", "dropped"),
    [
        (
            "Fighting between Houthi rebels and government forces around the city's port had"
            " eased over the weekend.",
            "clash",
        ),
        ("Air strikes on the province slowed on 16 March.", "airstrike"),
        ("Shelling of the capital has increased since Russia began its air campaign.", "shelling"),
        ("Residents said the fighting died down shortly before the truce began.", "clash"),
    ],
)
def test_fighting_told_as_a_trend_is_no_event(sentence, dropped):
    assert dropped not in sentence_types(sentence)
    assert dropped not in article_types(sentence)


def test_a_trend_beside_a_happening_keeps_the_happening():
    sentence = (
        "Air strikes on the province slowed on 16 March, but government shelling of Saraqib"
        " on Sunday killed two children and their mother."
    )
    found = sentence_types(sentence)
    assert "airstrike" not in found
    assert "shelling" in found
    # a strike that killed is news, whatever eased afterwards
    assert "airstrike" in sentence_types("Air strikes killed nine people as fighting eased.")


@pytest.mark.parametrize(
    "sentence",
    [
        "The attacker fled and was being hunted.",
        "Most American personnel had left the base in recent days.",
        "Militants who survived fled across the frontier towards Albu Kamal, an officer said.",
        "Ukrainian troops have left the new terminal of the airport, a spokesman confirmed.",
        "The gunman escaped on a motorcycle.",
    ],
)
def test_attackers_troops_or_staff_who_leave_are_no_displacement(sentence):
    assert "displacement" not in sentence_types(sentence)
    assert "displacement" not in article_types(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "Thousands of residents fled the town on Monday.",
        "Most of the villagers had left the area by Sunday.",
    ],
)
def test_civilians_who_leave_stay_displaced(sentence):
    assert "displacement" in sentence_types(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "The town was first entered by troops on 9 November, but Islamic State fighters retook"
        " most of it two days later using suicide car bombs and tunnels.",
        "Islamic State launched its boldest attack yet on the city on the 25th, sending car"
        " bombs into two districts and seizing a children's hospital.",
        "Troops withdrew on Wednesday after Islamic State fighters surrounded them with car bombs.",
    ],
)
def test_car_bombs_as_the_means_of_an_assault_are_no_explosion(sentence):
    assert "explosion" not in sentence_types(sentence)
    assert "explosion" not in article_types(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "A car bomb struck a market in the district on Wednesday morning, killing 64 people.",
        "The siege of the hotel began on Friday evening with a car bomb.",
        "Two car bombs exploded near a busy intersection on 21 February.",
    ],
)
def test_a_car_bomb_told_as_news_stays(sentence):
    assert "explosion" in sentence_types(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "Some 300 families have returned to the villages of the area since Hawija was retaken.",
        "More than 1.2 million people have returned to their homes in Nineveh province since"
        " the end of major combat, the ministry said.",
    ],
)
def test_returns_counted_since_long_ago_are_no_displacement(sentence):
    assert "displacement" not in sentence_types(sentence)
    assert "displacement" not in article_types(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "Some 500 displaced families returned to their villages on Tuesday.",
        "About 2,500 people have returned to al-Atarib and its vicinity.",
    ],
)
def test_returns_told_as_news_stay(sentence):
    assert "displacement" in sentence_types(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "An aid convoy of 31 lorries was struck from the air as it unloaded at a warehouse on Monday.",
        "The village was attacked from the air twice on Sunday.",
        "The hospital was bombed from the air overnight.",
    ],
)
def test_a_strike_told_by_where_it_came_from_is_an_air_strike(sentence):
    assert "airstrike" in sentence_types(sentence)
    assert "airstrike" in article_types(sentence)


def test_an_attack_from_the_air_named_in_a_claim_is_no_strike():
    assert "airstrike" not in sentence_types(
        "OSCE monitors said the damage was consistent with an attack from the air."
    )


@pytest.mark.parametrize(
    "sentence",
    [
        "The World Health Organization said the fighting had left 21 people dead.",
        "The clashes have left at least 40 wounded, medics said.",
    ],
)
def test_left_dead_is_a_toll_not_a_flight(sentence):
    assert "displacement" not in sentence_types(sentence)
    assert "displacement" not in article_types(sentence)


def test_people_who_had_left_stay_displaced():
    assert "displacement" in sentence_types("About 6,000 residents had left the town by Friday.")
