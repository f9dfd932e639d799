"""Session 34 (hB24): convention C18 read by the rules (docs/extraction_history.md "Session 34
(hB24)"). A bomb a fighter sets off inside a fight or a raid the text tells right after it
('blew himself up when troops surrounded a house', 'detonated an explosive belt as our forces
surrounded it', 'a third blew himself up when he was surrounded') is part of that fight: one
clash, not an explosion (heldout27-176, heldout29-095, heldout30-050, heldout31-082). A bomber
who strikes on his own stays an explosion (C5, C8).

Sentences written for this test (places real, incidents invented), in other wordings than the
sets': each clash case fails before the change; the guards pass both ways."""

from __future__ import annotations

import datetime as dt

import pytest

from etl.extraction.extract import ArticleInput, Extractor

PUB = dt.date(2019, 6, 12)


def _mentions(extractor: Extractor, text: str):
    mentions, _ = extractor.extract(ArticleInput("s34b", text, PUB))
    return [m for m in mentions if not m.background]


def _types(extractor: Extractor, text: str) -> list[str]:
    return sorted(m.event_type for m in _mentions(extractor, text))


@pytest.mark.parametrize(
    "text",
    [
        # the forces' encirclement after the bomb, in a clause of 'as'
        "A wanted militant detonated his suicide vest in a farmhouse outside Tikrit on Tuesday "
        "as counter-terrorism troops closed in on the building.",
        # passive, the bomber the subject: 'when he was cornered'
        "An Islamic State suspect blew himself up in Hawija on Monday when he was cornered by "
        "police in an abandoned school.",
        # 'during' a raid the forces carried out
        "A man wearing an explosive belt detonated it during a security raid on a house in the "
        "al-Tamim district of Ramadi on Sunday, wounding three policemen.",
        # a statement's style, two bombers, 'while they were encircled'
        "Kurdistan Region Security Council: two IS members detonated explosive belts while they "
        "were encircled by Peshmerga fighters in a cave near Makhmour on Wednesday.",
    ],
)
def test_a_bomb_set_off_inside_a_raid_is_its_clash(extractor, text):
    assert _types(extractor, text) == ["clash"]


def test_a_raid_that_kills_and_a_bomber_who_blows_himself_up_in_it_are_one_clash(extractor):
    text = (
        "On Tuesday, Iraqi commandos raided a hideout near Baiji and killed three militants, "
        "while a fourth blew himself up when the commandos surrounded him."
    )
    got = _mentions(extractor, text)
    assert [m.event_type for m in got] == ["clash"]
    # the bomber's own death is no count; the raid's three dead are the toll
    assert [(f.quantity, f.low) for f in got[0].figures if f.quantity == "killed"] == [
        ("killed", 3)
    ]


@pytest.mark.parametrize(
    "text",
    [
        # a bomber who strikes on his own (C8): no fight told
        "A suicide bomber blew himself up at the entrance of a mosque in Tikrit on Monday, "
        "killing four worshippers.",
        # a search at a checkpoint is no fight (heldout31-221's reading)
        "A suicide bomber detonated his vest when stopped for a search at a checkpoint in "
        "Ramadi on Tuesday, killing two soldiers.",
        # the soldiers' coming is no encirclement
        "A car bomb exploded as an army convoy passed through Baiji on Sunday, killing two "
        "soldiers.",
    ],
)
def test_a_bomber_on_his_own_stays_an_explosion(extractor, text):
    assert _types(extractor, text) == ["explosion"]
