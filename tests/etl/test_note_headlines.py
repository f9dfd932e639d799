"""Incident notes in headline style (issue 8): the present tense, dropped articles, rounds
that land or are fired, people who flee or return, bodies found. Sentences written for these
tests; places and groups invented."""

from __future__ import annotations

import pytest

from etl.extraction.triggers import find_triggers

CASES = [
    # aircraft and guns in the present tense, with an object after the verb
    ("Sun: northern jets raid a depot W of Varn. 4 killed.", {"airstrike"}),
    ("Tue: the air force strikes Ravi positions near Orra.", {"airstrike"}),
    ("Wed 03.04: Coalition helicopters hit 2 trucks on the Varn road.", {"airstrike"}),
    ("Mon: Ravi artillery shells Tessel market, 1 killed.", {"shelling"}),
    ("Fri: a rocket lands near the Orra bus station.", {"shelling"}),
    ("Thu: mortars fired at the Tessel garrison from the ridge.", {"shelling"}),
    # armed sides attacking, fighting, advancing
    ("Sat: insurgents attack checkpoints on the edge of Morrow.", {"clash"}),
    ("Sun 12.05: rebel attack on army post nr Tessel.", {"clash"}),
    ("Mon: militia and Ravi fighters fight in the hills nr Orra.", {"clash"}),
    ("Tue: troops reach the outskirts of Varn citadel.", {"clash"}),
    # people seized, moved, found dead
    ("Wed: police arrest 7 men in Tessel after a protest.", {"detention"}),
    ("Fri: three suspects captured in Morrow.", {"detention"}),
    ("Sat: 80 families flee to Orra.", {"displacement"}),
    ("Sun: 120 families return to Varn after the fighting.", {"displacement"}),
    ("Mon: 2 herders kidnapped and later found dead nr Orra.", {"killing"}),
    ("Fighters handed over their medium weapons to the army in Morrow on Friday.", {"surrender"}),
    # more headline verbs: killings, shelling by a side, evacuations, flight, arrests
    ("Wed: gunmen kill 2 herders nr Tessel.", {"killing"}),
    ("Wed: masked men shoot dead a judge in Varn.", {"killing"}),
    ("Thu: the body of an abducted trader found nr Orra.", {"killing"}),
    ("Thu: assassination of a tribal elder in Morrow.", {"killing"}),
    ("Fri: Ravi army shells 3 villages E of Tessel.", {"shelling"}),
    ("Fri: buses evacuate 200 wounded from Varn.", {"evacuation"}),
    ("Sat: hundreds flee Morrow as fighting nears.", {"displacement"}),
    ("Sat: 900 villagers displaced from the hills nr Orra.", {"displacement"}),
    ("Sun: 7 youths held after a protest in Tessel.", {"detention"}),
    ("Sun: militia takes control of Varn.", {"clash"}),
    ("Sun: shootout between police and smugglers in Orra.", {"clash"}),
    # incident-digest wording
    ("On 4 May 2021, Ravi forces fired artillery at Tessel.", {"shelling"}),
    ("On 4 May 2021, a teacher was shot by masked men in Varn.", {"killing"}),
    ("On 4 May 2021, a grenade was thrown at a checkpoint in Orra.", {"explosion"}),
    (
        "On 4 May 2021, a boy was killed by unexploded ordnance near Morrow.",
        {"explosion"},
    ),  # people taken, as a witness tells it
    ("A farmer said: 'Masked men came at dawn and took my three nephews.'", {"detention"}),
    ("Sat: militiamen took away two shepherds nr Orra.", {"detention"}),
    ("Two traders were taken away by gunmen in Varn on Monday.", {"detention"}),
]

NOT_EVENTS = [
    # the nouns the present-tense verbs look like
    "Air strikes on the town are a war crime, the envoy argued.",
    "The report lists arrests, raids and shells found in the fields.",
    "The area has seen a rise in attacks on checkpoints since the spring.",
    "The jets were sent in response to a rocket fired into the valley.",
    "Rebels will attack the town, the commander threatened.",
    "Peace talks were held in Orra on Monday.",
    "The army shells were stored in a depot outside Varn.",
    "A reconnaissance plane was shot down over Tessel.",
    "She took her children to the clinic in Varn on Monday.",
    "Police took away their weapons at the checkpoint.",
]


@pytest.mark.parametrize(("sentence", "expected"), CASES)
def test_headline_style_note_is_read(sentence, expected):
    found = {t.event_type for t in find_triggers(sentence, 0, len(sentence))}
    assert found == expected


@pytest.mark.parametrize("sentence", NOT_EVENTS)
def test_nouns_and_references_are_not_headline_verbs(sentence):
    found = {t.event_type for t in find_triggers(sentence, 0, len(sentence))}
    assert not found & {"airstrike", "shelling", "clash", "detention"}


def test_fighters_who_captured_a_town_fought_for_it():
    sentence = "Ravi fighters captured the town of Orra on Sunday."
    assert {t.event_type for t in find_triggers(sentence, 0, len(sentence))} == {"clash"}


def test_a_return_is_placed_where_people_went_back_to():
    from types import SimpleNamespace

    from etl.extraction.carry import move_places

    text = "Some 400 families returned from camps in Orra to Varn on Monday."
    places = [SimpleNamespace(name=n, start=text.index(n)) for n in ("Orra", "Varn")]
    assert [p.name for p in move_places(text, "returned", places)] == ["Varn"]
    assert [p.name for p in move_places(text, "fled", places)] == ["Orra"]
    alone = [places[0]]  # no destination named: where they are
    assert [p.name for p in move_places(text, "returned", alone)] == ["Orra"]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Masked gunmen killed an RSF commander outside Orra on Friday.", {"clash"}),
        ("Two PMF members were killed by a sniper near Varn.", {"clash"}),
        ("Gunmen killed a council member in Orra on Friday.", {"killing"}),
    ],
)
def test_a_member_of_an_armed_force_killed_is_a_battle(sentence, expected):
    assert {t.event_type for t in find_triggers(sentence, 0, len(sentence))} == expected
