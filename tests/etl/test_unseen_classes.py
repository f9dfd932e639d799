"""Classes of phrasing that heldout7's misses and extras showed (session 10): a verb's other
forms, headline participles, attacks typed by whom they hit, fighting told as the spell a
capture took, and measures that are no events (martial law, a state of emergency). Sentences
written for these tests; places and groups invented."""

from __future__ import annotations

import pytest

from etl.extraction.triggers import StemIndex, find_triggers

CASES = [
    # a verb's other forms
    ("Rebels seized the district office on Monday after clashing for an hour with guards.",
     {"clash"}),
    ("The two reports were clashing in every detail.", set()),
    ("On 4 May the hamlet of Orsk was taken under control by the second brigade.", {"clash"}),
    ("By Friday evening the rebel council had agreed to disarm.", {"statement"}),
    ("Gunmen fired on army positions around the airfield from noon.", {"clash"}),
    ("Gunmen fired on a car on the ring road on Sunday.", {"killing"}),
    ("The army launched an operation against the militants on Sunday.", {"clash"}),
    ("The agency launched an operation to feed 20,000 people on Sunday.", set()),
    # headline participles: people displaced, no auxiliary
    ("An estimated 4.000 residents displaced towards the coast.", {"displacement"}),
    ("Approx. 2.500 villagers displaced.", {"displacement"}),
    ("Over 12.000 people displaced after raids on the hill villages; many moving south.",
     {"displacement"}),
    ("The displaced families live in tents.", set()),
    # an attack typed by whom it hits: civilians (killing), a military camp (battle)
    ("Gunmen attacked villagers coming back from the market.", {"killing"}),
    ("Militia fighters attacked a displacement site near Pell.", {"killing"}),
    ("Gunmen attacked the Saint Anselm Bilingual Academy in Tarn.", {"killing"}),
    ("Militants attacked residents and guards digging a trench outside Kell.", {"killing"}),
    ("14 May — Simultaneous attacks on two army camps near Pell.", {"clash"}),
    ("14 May | Attack on the army camp | Killed: 9 soldiers", {"clash"}),
    ("14 May | Attack on the camp for displaced people | Killed: 9", {"killing"}),
    # the fighting a capture took: told, not a reference
    ("Orsk fell on Sunday after about three days of fighting in the hills.", {"clash"}),
    ("Kell was taken by the army on 8 May after several days of fighting.", {"clash"}),
    ("A truce that ends days of bombardment was signed on Monday.", {"statement"}),
    # measures, not events
    ("The junta declared martial law across the province late on Tuesday.", set()),
    ("The government declared a six-month state of emergency on 2 May.", set()),
    ("Martial law declared in Pell township by the army on Thursday.", set()),
    ("A curfew was imposed on Kell on Sunday.", set()),
    ("The government declared a unilateral ceasefire on Tuesday.", {"statement"}),
]


def _types(text: str) -> set[str]:
    return {t.event_type for t in find_triggers(text, 0, len(text))}


@pytest.mark.parametrize(("sentence", "expected"), CASES)
def test_unseen_class(sentence, expected):
    assert _types(sentence) == expected


@pytest.mark.parametrize(("sentence", "expected"), CASES)
def test_unseen_class_in_an_article(sentence, expected):
    before, after = "Nothing moved on the front. ", " Analysts disagreed."
    text = before + sentence + after
    start, end = len(before), len(before) + len(sentence)
    found = find_triggers(text, start, end, StemIndex(text))
    assert {t.event_type for t in found} == expected
