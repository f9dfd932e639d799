"""Session 20 (issue 8, hNy8): an attack told by its verb alone is typed by whom it struck.

The sets type one-sided violence against people who bear no arms as a killing and an attack
on armed men as a battle; the rules typed every 'attacked', 'stormed', 'ambushed' and 'sniper
fire' as a battle. Sentences written for this test."""

from __future__ import annotations

import pytest

from etl.extraction import attack_targets
from tests.etl.trigger_check import article_types, sentence_types


@pytest.mark.parametrize(
    "sentence",
    [
        "Before dawn armed men attacked brick-kiln labourers sleeping in a shed near Damla, killing 9.",
        "Raiders stormed a roadside restaurant on the Gode highway and shot the cook.",
        "Unknown gunmen attacked a house at the edge of Sirba last night.",
        "A girl was killed by sniper fire near the old bridge of Tarfa.",
        "Snipers fired on shepherds walking back to Umm Saad.",
        "Two herders were ambushed near the wells of Bir Tawil.",
    ],
)
def test_an_attack_on_unarmed_people_is_a_killing(sentence):
    assert sentence_types(sentence) == {"killing"}
    assert article_types(sentence) == {"killing"}


@pytest.mark.parametrize(
    "sentence",
    [
        "Rebels attacked an army post outside Sirba, killing 4.",
        "Gunmen attacked a bus carrying soldiers on the Gode highway.",
        "Militants stormed the village, killing 6 policemen.",
        "A corporal was killed by sniper fire at the edge of Tarfa.",
        "Border guards commander ambushed outside his home in Dalli; two bodyguards died.",
        "Rebels attacked the town of Sirba from two sides overnight, killing 12 people.",
    ],
)
def test_an_attack_on_armed_men_or_on_no_named_target_stays_a_battle(sentence):
    assert "clash" in sentence_types(sentence)
    assert "clash" in article_types(sentence)


def test_the_side_of_a_span_reads_both_tables():
    text = "the police station and a market"
    assert attack_targets.side(text, 0, len(text)) == attack_targets.ARMED  # armed wins
    text = "quarry workers asleep in tents"
    assert attack_targets.side(text, 0, len(text)) == attack_targets.UNARMED  # figure_nouns
    text = "a crowded minibus"
    assert attack_targets.side(text, 0, len(text)) == attack_targets.UNARMED  # attack_targets
    text = "the town from two sides"
    assert attack_targets.side(text, 0, len(text)) is None


def test_the_clause_ends_at_its_punctuation():
    text = "a house in Sirba; troops arrived at dawn"
    assert text[: attack_targets.clause_end(text, 0, len(text))] == "a house in Sirba"


@pytest.mark.parametrize(
    "sentence",
    [
        "The ministry says 17 insurgents killed in raids on farms around Wadi Hamra.",
        "4 policemen were wounded and 9 terrorists killed so far near the silo.",
        "Our units killed 6 terrorists hiding in the reed beds of Jazira.",
        "The gang attacks the pumping station and kills 12 guards, the ministry said.",
        "Overnight 3 militia killed in the hills above Orra.",
    ],
)
def test_armed_men_counted_dead_make_a_battle(sentence):
    assert sentence_types(sentence) == {"clash"}
    assert article_types(sentence) == {"clash"}


@pytest.mark.parametrize(
    "sentence",
    [
        "Gunmen opened fire on a minibus near Dalli, killing a former commander of a brigade.",
        "Two gunmen attacked the Olive Grand Museum, killing 8 visitors and a police officer.",
        "3 gunmen killed 5 farmers near the well.",
    ],
)
def test_civilians_killed_beside_an_armed_word_stay_a_killing(sentence):
    assert sentence_types(sentence) == {"killing"}


def test_the_armed_and_unarmed_nouns_come_from_the_noun_table():
    assert "terrorists" in attack_targets.ARMED_MEN and "militia" in attack_targets.ARMED_MEN
    assert "forces" not in attack_targets.ARMED_MEN  # a side, not counted men
    assert "tourists" in attack_targets.UNARMED_PEOPLE


@pytest.mark.parametrize(
    "sentence",
    [
        "Kelli attacked again before dawn, hours after the patrol left; 12 herders killed.",
        "Raiders attacked the town on Sunday and their allies killed at least 40 villagers.",
    ],
)
def test_an_attack_with_no_target_named_whose_dead_are_civilians_is_a_killing(sentence):
    assert sentence_types(sentence) == {"killing"}
    assert article_types(sentence) == {"killing"}


def test_dead_counted_as_people_leave_an_attack_a_battle():
    sentence = "Rebels attacked the town of Sirba at dawn, killing at least 15 people."
    assert sentence_types(sentence) == {"clash"}


@pytest.mark.parametrize(
    "sentence",
    [
        "The number of militants of the brigade killed since Monday has climbed to 23.",
        "The number of people killed in the assault on Orra now stands at 14 soldiers and 9 rebels.",
    ],
)
def test_a_running_count_of_armed_men_killed_is_a_battle(sentence):
    assert sentence_types(sentence) == {"clash"}
    assert article_types(sentence) == {"clash"}


def test_a_running_count_of_civilians_killed_is_not():
    assert "clash" not in sentence_types("The number of farmers killed near Orra rose to 12.")
