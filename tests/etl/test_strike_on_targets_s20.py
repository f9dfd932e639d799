"""Session 20 (issue 8, hNy8): a strike on a thing struck from the air (a crossing, boats, a
car, a factory) is an air strike, as a strike on a hospital or a market was; a labour strike
is not. Sentences written for this test."""

from __future__ import annotations

import pytest

from tests.etl.trigger_check import article_types, sentence_types


@pytest.mark.parametrize(
    "sentence",
    [
        "Reported strike on a river crossing near Tibni during the night, 6 dead.",
        "Strikes on fishing boats off Ras Kell left 4 dead on Monday.",
        "A strike on the cement factory of Hamra killed 3 workers.",
    ],
)
def test_a_strike_on_a_thing_is_an_air_strike(sentence):
    assert "airstrike" in sentence_types(sentence)
    assert "airstrike" in article_types(sentence)


def test_a_general_strike_on_the_farms_is_not():
    assert "airstrike" not in sentence_types("Workers began a general strike on the farms today.")
