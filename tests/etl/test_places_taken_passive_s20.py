"""Session 20 (issue 8, hNy8): a place taken told in the passive with who took it ('Kell
was retaken on Friday by rebel fighters') or as changing hands is a battle. Sentences written
for this test."""

from __future__ import annotations

import pytest

from tests.etl.trigger_check import article_types, sentence_types


@pytest.mark.parametrize(
    "sentence",
    [
        "Kell was retaken on Friday by rebel fighters.",
        "Two hamlets south of the lake, recaptured by government troops at dusk.",
        "Changed hands: the hilltop of Tell Orra, to the militia.",
        "The border post changed hands twice during the night.",
    ],
)
def test_a_place_taken_in_the_passive_is_a_battle(sentence):
    assert sentence_types(sentence) == {"clash"}
    assert article_types(sentence) == {"clash"}


def test_people_freed_by_the_police_are_not_a_place_taken():
    assert "clash" not in sentence_types("The hostages were liberated by the police at the farm.")
