"""Session 20 (issue 8, hNy8): ordnance left from an earlier war that goes off is an
explosion, not a shelling; old rockets fired are still shelling. Sentences written for this
test."""

from __future__ import annotations

import pytest

from tests.etl.trigger_check import article_types, sentence_types


@pytest.mark.parametrize(
    "sentence",
    [
        "An old artillery shell exploded under a tractor near Orra.",
        "A rocket from the last war went off in a wheat field outside Kell.",
        "Two girls were hurt by an old grenade behind the school of Tibni.",
    ],
)
def test_old_ordnance_that_goes_off_is_an_explosion(sentence):
    assert sentence_types(sentence) == {"explosion"}
    assert article_types(sentence) == {"explosion"}


@pytest.mark.parametrize(
    "sentence",
    [
        "Militants fired old rockets at the base of Kell.",
        "Mortar rounds exploded in the old city of Orra.",
    ],
)
def test_rounds_fired_now_stay_shelling(sentence):
    assert sentence_types(sentence) == {"shelling"}
