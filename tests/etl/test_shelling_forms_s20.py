"""Session 20 (issue 8, hNy8): shelling told in the forms the rows missed: the launcher as the
subject, a passive participle without its auxiliary, 'firing' beside 'fired', rounds 'fired
by' someone 'on' a place, Katyushas. Sentences written for this test."""

from __future__ import annotations

import pytest

from tests.etl.trigger_check import article_types, sentence_types


@pytest.mark.parametrize(
    "sentence",
    [
        "Howitzers of the 4th Division pounded the outskirts of Kell at dawn.",
        "3/4 orra - water tower hit by mortar, no casualties",
        "mortars fired by the militia on the eastern farms of Orra",
        "The enemy is firing artillery and heavy weapons at our positions near Dalli.",
        "Two Katyushas fell near the bridge of Tibni overnight.",
        "Improvised rounds fired from the hills hit houses in the old quarter.",
    ],
)
def test_shelling_in_its_other_forms(sentence):
    assert "shelling" in sentence_types(sentence)
    assert "shelling" in article_types(sentence)


def test_a_target_hit_by_a_car_is_no_shelling():
    assert "shelling" not in sentence_types("A child was hit by a car near the market of Orra.")
