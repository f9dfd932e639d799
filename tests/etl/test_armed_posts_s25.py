"""Issue 8, session 25 (hD13): armed men killed at their post are a battle's dead.

heldout8-22 code an attack on a checkpoint, post or position that kills its armed men as a
clash (h10-023, h13-121, h18-081, h19-054, h20-014, h21-006, h21-092, h21-140, h22-030,
h22-106, h22-172); a fake checkpoint's victims are a killing (h16-057, h17-137, h20-175,
h22-139). Two shapes were typed a killing or not read: the attack told with its attacker
before its target ('in an attack by unknown gunmen on their checkpoint') is read here; armed
men 'shot dead' (h22-106, h22-172) are left: read as 'killed N soldiers' is, they lost four
assassinations the sets code a killing (h8-006, h9-090, h17-117, h19-027). Sentences written
for these tests (places real, incidents invented); each positive case fails before the change.
"""

from __future__ import annotations

import datetime as dt

import pytest

from etl.extraction.extract import ArticleInput, Extractor

PUB = dt.date(2019, 4, 12)


def _types(extractor: Extractor, text: str) -> list[str]:
    mentions, _ = extractor.extract(ArticleInput("s25", text, PUB))
    return sorted({m.event_type for m in mentions if not m.background})


@pytest.mark.parametrize(
    "text",
    [
        "A member of the Internal Security Forces (Asayish) was wounded in an attack by "
        "unknown gunmen on their checkpoint in Tal Tamr on Thursday.",
        "The monitor documented the death of 3 members of government forces in an attack by "
        "IS cells on their positions in the desert of al-Sukhnah at dawn today.",
    ],
)
def test_armed_men_killed_at_their_post_are_a_battle(extractor, text):
    assert _types(extractor, text) == ["clash"]


def test_travellers_shot_dead_at_a_fake_checkpoint_are_a_killing(extractor):
    text = "Gunmen at a fake checkpoint near Tal Tamr shot dead 3 travellers on Thursday."
    assert _types(extractor, text) == ["killing"]
