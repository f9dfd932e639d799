"""Session 19 (hNf7), news precision and type: one departure told by its buses and by the
people leaving is one evacuation (trigger_fold: displacement folds into an evacuation its
sentence tells by a verb)."""

from __future__ import annotations

import pytest

from tests.etl.trigger_check import article_types, sentence_types


@pytest.mark.parametrize(
    "sentence",
    [
        "The first buses carrying gunmen and their families left the town at dawn on Monday.",
        "Green buses carrying some 900 gunmen and their relatives have left the old quarter, "
        "the governor said.",
        "Some 2.000 Syrian refugees were driven by bus from the border to a camp near Zakho on "
        "Tuesday.",
        "Trucks rolled into the valley to evacuate 150 families displaced by the floods of war.",
    ],
)
def test_a_departure_told_by_its_buses_is_one_evacuation(sentence):
    assert sentence_types(sentence) == {"evacuation"}
    assert article_types(sentence) == {"evacuation"}


@pytest.mark.parametrize(
    "sentence",
    [
        # the evacuation only named: the convoy need not be the people who left
        "A convoy of 300 families had left the town for Hasakah by nightfall.",
        # people leaving told by their own verb before another departure is told
        "Thousands of people had left the valley on foot by March, and on Friday a last group "
        "was evacuated by the Red Cross.",
    ],
)
def test_people_leaving_beside_an_evacuation_stay_a_flight(sentence):
    assert "displacement" in sentence_types(sentence)
    assert "displacement" in article_types(sentence)
