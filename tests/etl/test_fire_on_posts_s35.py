"""Session 35 (hB25): fire on an armed post named with a possessive ('opened fire on our
checkpoint', heldout32-079; 'on their checkpoint', heldout20-014, heldout29-008) is a battle, as
'opened fire on a checkpoint' is (triggers.csv); and an attacker's escape told after another's
death ('one of the attackers was killed, and the other fled', heldout32-079) is no displacement,
as 'the gunmen ... and fled' is (trigger_contexts.csv).

Texts written for this test (places real, incidents invented), in other wordings than the sets':
each gives a killing (or a displacement) before the change."""

from __future__ import annotations

import datetime as dt

import pytest

from etl.extraction.extract import ArticleInput, Extractor

PUB = dt.date(2019, 6, 12)


def _types(extractor: Extractor, text: str) -> list[str]:
    mentions, _ = extractor.extract(ArticleInput("s35f", text, PUB))
    return sorted({m.event_type for m in mentions if not m.background})


@pytest.mark.parametrize(
    "text",
    [
        "Late on Tuesday, gunmen opened fire on our checkpoint at the southern entrance of "
        "Hawija, a police spokesman said.",
        "Militants fired on their outpost near the Badush dam before dawn on Sunday, the "
        "Peshmerga said.",
        "An IS cell opened fire on its checkpoint near al-Busayrah on Monday, the SDF said.",
    ],
)
def test_fire_on_a_post_with_a_possessive_is_a_battle(extractor, text):
    assert _types(extractor, text) == ["clash"]


@pytest.mark.parametrize(
    "text",
    [
        "Two gunmen attacked a police post in Tarmiyah on Monday night; one attacker was shot "
        "dead, and the other fled towards the orchards.",
        "Three militants stormed a checkpoint near Tuz Khurmatu on Sunday, two of them were "
        "killed by the guards and the third fled on foot.",
    ],
)
def test_an_attackers_escape_after_the_fight_is_no_displacement(extractor, text):
    assert "displacement" not in _types(extractor, text)
