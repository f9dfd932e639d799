"""Session 35 (hB25): convention C21 (session 32) for a raid's dead told by a plain killing verb.
A ground raid by a state's or a force's men that kills is a battle (a clash), a killing only when
its dead are named civilians (docs/extraction_history.md "Session 35 (hB25)"). Recurs in
heldout30-025 ('a raid by the Anbar Operations Command ..., during which a fourth suspect was
shot dead'), heldout31-057 ('SDF forces raided the al-Arisha camp and detained 17 men ...; two men
who resisted were shot dead') and heldout32-053 ('forces conducted a raid ... that killed an IS
facilitator and detained two other suspects'): each a killing before.

Texts written for this test (places real, incidents invented), in other wordings than the sets':
each of the first group gives a killing before the change; the guards give what they gave."""

from __future__ import annotations

import datetime as dt

import pytest

from etl.extraction.extract import ArticleInput, Extractor

PUB = dt.date(2019, 6, 12)


def _types(extractor: Extractor, text: str) -> list[str]:
    mentions, _ = extractor.extract(ArticleInput("s35r", text, PUB))
    return sorted({m.event_type for m in mentions if not m.background})


@pytest.mark.parametrize(
    ("text", "types"),
    [
        # the force before 'raided', the dead a man of no named kind, a passive of their own
        ("Iraqi counter-terrorism troops raided a farmhouse near Tarmiyah on Monday, and a "
         "wanted man was shot dead as he tried to flee.", ["clash"]),
        # 'a raid by' the force, the dead a suspect, in a relative clause
        ("Two hostages were freed on Sunday in a raid by Kirkuk police on a hideout in Hawija, "
         "in which one suspect was killed.", ["clash"]),
        # the force's raid that kills and detains: C21's two events
        ("Asayish units raided a house in Qamishli at dawn on Tuesday, killing one man and "
         "arresting his brother.", ["clash", "detention"]),
        # the dead told apart after a ';', the arrest after them
        ("Peshmerga forces raided a hideout near Makhmour overnight; one man was killed and two "
         "were arrested.", ["clash", "detention"]),
    ],
)  # fmt: skip
def test_a_forces_raid_that_kills_is_a_battle(extractor, text, types):
    assert _types(extractor, text) == types


@pytest.mark.parametrize(
    ("text", "types"),
    [
        # the raid's dead are civilians by their own noun: a killing
        ("Police raided a house in Basra on Monday and shot dead a woman who opened the door.",
         ["killing"]),
        # militants' raid on a village: no force's raid
        ("Militants raided a village near Khanaqin at night on Monday and killed the mukhtar.",
         ["killing"]),
        # the killing is the crime the raid's men arrested for
        ("Police raided a house in al-Hamdaniya on Monday and arrested three men suspected of "
         "killing a shopkeeper.", ["detention"]),
    ],
)  # fmt: skip
def test_a_raid_on_civilians_or_a_crime_charged_stays_as_it_was(extractor, text, types):
    assert _types(extractor, text) == types
