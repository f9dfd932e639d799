"""Session 21 (hNw9), news precision: a truce named as a point of reference or told as a
state, weapons over days told as the means of a capture, and car bombs that struck
(trigger_contexts.csv's session-21 block rows; triggers.csv's 'bombs ... struck' row)."""

from __future__ import annotations

import pytest

from tests.etl.trigger_check import article_types, sentence_types


@pytest.mark.parametrize(
    "sentence",
    [
        "Rebels and the army fought near the bridge on Monday despite a ceasefire.",
        "Ten soldiers died in the fighting that ended with a truce on Saturday night.",
        "Since the signing of the agreement, 40 former fighters have been killed.",
        "A ceasefire has held since, residents said.",
        "The local truce that took effect on 3 May has largely held around the city.",
        "The truce agreed in June has been broken often since.",
        "The two-day holiday truce expired on Sunday night without incident.",
        "The Russian-brokered truce in the south collapsed on Tuesday.",
    ],
)
def test_a_truce_named_or_told_as_a_state_is_no_statement(sentence):
    assert "statement" not in sentence_types(sentence)
    assert "statement" not in article_types(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "A ceasefire took effect at midnight on Friday and has largely held.",
        "The two sides agreed to a truce on Tuesday.",
        "A UN-brokered ceasefire took effect in the port city early on Tuesday.",
    ],
)
def test_a_truce_made_or_taking_effect_stays_news(sentence):
    assert "statement" in sentence_types(sentence)


@pytest.mark.parametrize(
    ("sentence", "weapon"),
    [
        ("Army units took the hill town on Sunday after a month of air raids.", "airstrike"),
        ("Militias captured the stronghold after days of Russian air strikes.", "airstrike"),
        ("Troops entered the village from the east after two weeks of shelling.", "shelling"),
        ("The rebels stormed the farms on Friday after three days of heavy shelling.", "shelling"),
        ("The town fell on Thursday after a month of clashes and air raids.", "airstrike"),
    ],
)
def test_weapons_over_days_are_the_means_of_a_capture(sentence, weapon):
    found = sentence_types(sentence)
    assert weapon not in found
    assert "clash" in found


@pytest.mark.parametrize(
    ("sentence", "weapon"),
    [
        ("Air strikes on the market killed 12 people on Monday.", "airstrike"),
        ("Shelling on the northern districts killed four civilians on Sunday.", "shelling"),
    ],
)
def test_weapons_told_as_the_news_stay(sentence, weapon):
    assert weapon in sentence_types(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "Two car bombs struck army checkpoints at the town's entrance on Sunday.",
        "Suicide truck bombs hit the police headquarters at dawn.",
        "Roadside bombs hit a patrol near the border on Tuesday.",
    ],
)
def test_car_bombs_that_struck_are_no_air_strike(sentence):
    found = sentence_types(sentence)
    assert "airstrike" not in found
    assert "explosion" in found


def test_bombs_that_struck_from_the_air_stay_an_air_strike():
    assert "airstrike" in sentence_types("Two guided bombs struck the market on Monday.")


@pytest.mark.parametrize(
    "sentence",
    [
        "Today's papers lead on Moscow's offensive south of the river.",
        "The militia's spring offensive on the valley began on 3 April.",
        "Troops would deploy along the border to help stop Ankara’s offensive.",
    ],
)
def test_an_offensive_named_by_its_owner_is_the_campaign(sentence):
    assert "clash" not in sentence_types(sentence)
    assert "clash" not in article_types(sentence)


def test_what_was_done_in_an_owners_offensive_stays_news():
    sentence = "Rebels pushed into the town on Saturday, the fourth day of Ankara's offensive."
    assert "clash" in sentence_types(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "The provincial government announced three days of mourning.",
        "The president proclaimed a day of national mourning.",
    ],
)
def test_days_of_mourning_are_no_statement(sentence):
    assert "statement" not in sentence_types(sentence)
