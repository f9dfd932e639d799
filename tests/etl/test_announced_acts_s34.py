"""Session 34 (hB24): announcements read as statements that report no political act
(docs/extraction_history.md "Session 34 (hB24)"), the class of extras that recurs most across
heldout27-31 ('announced', 'announces' and 'deal' read as a `statement`).

- An arrest, an abduction or a killing announced by its noun ('announced today the arrest of a
  cell') or as done ('announced today that they had arrested ...') is told by that act's own
  trigger; a statement beside it only tells it again (heldout31-037, 063). The rule of session
  15 read only 'announced (on <day>) that ...': every form of the verb and a day word now.
- Mourning declared or announced, in any form of the verb ('announces a three-day mourning',
  heldout31-046), is no political event (session 21's rule read the past tense only).
- 'a great deal' is a quantity, not an agreement (heldout31-004).

Sentences written for this test (places real, incidents invented), in other wordings than the
sets': each blocked case gives a statement before the change; the guards keep theirs.
"""

from __future__ import annotations

import pytest

from etl.extraction.triggers import find_triggers


def _types(sentence: str) -> dict[str, str]:
    return {t.event_type: t.text for t in find_triggers(sentence, 0, len(sentence))}


@pytest.mark.parametrize(
    "sentence",
    [
        "The Interior Ministry announced on Monday the arrest of six members of a smuggling "
        "network in Basra.",
        "Police in Mosul announced yesterday that they had detained four men suspected of "
        "planting bombs.",
        "Hezbollah announces the death of one of its commanders in fighting near Qusayr.",
        "The Asayish announced this morning that their forces have arrested a cell leader in "
        "Qamishli.",
        "The local council announces a three-day mourning for the victims of the shelling of "
        "Kafr Nabl.",
        "The Kurdistan Region's president announces a day of mourning for the Peshmerga killed "
        "near Makhmour.",
        "We have heard a great deal today about the shelling of the old city.",
    ],
)
def test_an_act_announced_is_no_statement(sentence):
    assert "statement" not in _types(sentence)


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        ("Police in Mosul announced yesterday that they had detained four men suspected of "
         "planting bombs.", "detention"),
        ("The Interior Ministry announced on Monday the arrest of six members of a smuggling "
         "network in Basra.", "detention"),
    ],
)  # fmt: skip
def test_the_act_announced_is_still_read(sentence, kind):
    assert kind in _types(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        # decisions that change the conflict stay statements (C17, C22)
        "The army announced on Sunday the end of military operations in the Hamrin mountains.",
        "Russia announces a ceasefire in the Idlib zone agreed with Turkey.",
        "The SDF announced today that the families sheltering the gunmen have 48 hours to "
        "hand them over.",
        "The two factions reached a deal on Tuesday to exchange prisoners in Afrin.",
    ],
)
def test_a_decision_announced_stays_a_statement(sentence):
    assert "statement" in _types(sentence)
