"""Session 34 (hB24): two classes of battles typed as killings or missed, each seen in three
sets (docs/extraction_history.md "Session 34 (hB24)"):

- a place's noun before 'guard(s)' or 'guard post' names the armed men, not the place's
  people: 'attacked a village guard post' (heldout29-284, heldout30-113), 'attacked a camp
  guard with knives' (heldout31-023) are battles (C16: a camp's, a checkpoint's, a village
  force's guards and a guard post are armed), not attacks on a village or a camp; a school's
  watchman stays unarmed;
- an attack or an infiltration 'foiled' is a fight the defenders won, as one 'repelled'
  (heldout14-156, heldout18-108, heldout30-057); a plot or a smuggling attempt foiled is none.

Sentences written for this test (places real, incidents invented), in other wordings than the
sets': five of the nine battle cases fail before the change (a village's or a camp's guards, an
attack foiled in the active); the others held already (a border's, a prison's, a checkpoint's
guards; the passive with an army post) and show the change keeps them; the guards pass both
ways."""

from __future__ import annotations

import pytest

from etl.extraction.triggers import find_triggers


def _types(sentence: str) -> dict[str, str]:
    return {t.event_type: t.text for t in find_triggers(sentence, 0, len(sentence))}


@pytest.mark.parametrize(
    "sentence",
    [
        "Islamic State gunmen attacked a village guard post south of Tuz Khurmatu on Friday night.",
        "Two women attacked camp guards with a kitchen knife near the annex's market.",
        "Militants attacked the border guard post at Rabia before dawn, officials said.",
        "Gunmen attacked prison guards escorting inmates to the court in Hilla.",
        "Unknown men attacked a checkpoint guard outside Tal Abyad and took his rifle.",
    ],
)
def test_an_attack_on_guards_named_by_their_place_is_a_battle(sentence):
    got = _types(sentence)
    assert "clash" in got
    assert "killing" not in got


@pytest.mark.parametrize(
    "sentence",
    [
        "Gunmen attacked a school guard at the gate of the girls' school in Hawija.",
        "Gunmen attacked villagers near the camp at dawn.",
        "Militants stormed the village of Badush, killing three farmers.",
    ],
)
def test_an_attack_on_a_place_or_a_watchman_stays_a_killing(sentence):
    assert "killing" in _types(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "Government troops foiled on Sunday night an infiltration attempt by rebels near Kafr "
        "Nabudah, killing six of them.",
        "Peshmerga forces foiled an attack on their positions near Makhmour, a commander said.",
        "A night assault on the army post at Mutaibija was foiled after two hours of fighting.",
        "The border guards foiled an attempt by militants to cross the berm west of al-Qaim.",
    ],
)
def test_an_attack_foiled_is_a_battle(sentence):
    assert "clash" in _types(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "Police foiled a plot to bomb a church in Erbil.",
        "Customs officers foiled an attempt to smuggle cigarettes across the border.",
    ],
)
def test_a_plot_foiled_is_no_battle(sentence):
    assert "clash" not in _types(sentence)
