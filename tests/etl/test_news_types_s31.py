"""Session 31 (hX21): heldout28's news misses and extras by class (docs/extraction_history.md,
"Session 31 (hX21)"): triggers not read, armed and unarmed victims (C16), a killing told by
its manner after a battle. Sentences written for these tests (places and groups invented);
each class read alone and inside an article (the extractor's own path)."""

from __future__ import annotations

import datetime as dt

import pytest

from etl.extraction.tolls import only_casualties
from etl.extraction.triggers import find_triggers
from tests.etl.trigger_check import article_types, sentence_types

CASES = [
    # triggers not read
    (
        "The checkpoint of the Orra council on the road west of the town, near the village of "
        "Tell, came under attack on Sunday night from fighters of a rival faction.",
        {"clash"},
    ),
    ("An army post outside Varn came under heavy attack before dawn.", {"clash"}),
    ("The army has launched a new attempt to storm the Fell hill in the mountains.", {"clash"}),
    ("Rebels made a fresh bid to capture the airbase on Friday.", {"clash"}),
    ("On Tuesday government jets replied with raids on Kell, wounding two.", {"airstrike"}),
    ("Incendiary shells set fields ablaze on Sunday across the plain east of Dorn.", {"shelling"}),
    ("Men were separated and taken to a detention centre in Sarn on Monday.", {"detention"}),
    (
        "The attackers stopped a minibus near Rill, checked identity cards and shot the four on "
        "the spot.",
        {"killing"},
    ),
    (
        "Army artillery and rocket launchers fired across the border into the valley overnight, "
        "hitting militant positions.",
        {"shelling"},
    ),
    # whom it struck: civilians in a convoy, an armed group's members by its name
    (
        "Gunmen opened fire on a convoy of cars carrying a wedding party on the road to Ebb, "
        "killing a woman.",
        {"killing"},
    ),
    (
        "Gunmen fired on a convoy of cars carrying mourners near Zell on Friday.",
        {"killing"},
    ),
    ("The army said it had killed two Daesh members in an operation in the groves.", {"clash"}),
    ("Troops killed three Taliban members in a raid near Pell on Monday.", {"clash"}),
    # the sentence's own event named again; a thing set for a day to come
    (
        "Jets struck the towns of Ebb and Fal on Monday, killing at least 10 civilians in what "
        "residents called the heaviest bombardment in months.",
        {"airstrike"},
    ),
    ("A second convoy, announced for next week, would take in food and medicine.", set()),
]

UNCHANGED = [
    # what the rows must still read, or not read
    ("Insurgents fired on a military convoy near Ulm.", {"clash"}),
    ("Gunmen fired on a convoy of trucks carrying food to the camp, killing one driver.", {"killing"}),
    ("A strike hit a detention centre for migrants in Tarn on Tuesday, killing 40.", {"airstrike"}),
    (
        "Jihadist fighters have besieged Dern for a year, and convoys bringing food to the town "
        "have repeatedly come under attack.",
        {"siege"},
    ),
    ("The village came under fire from the hills on Sunday.", {"killing"}),
    ("The army said it had killed two shepherds by mistake.", {"killing"}),
    ("The army shelled Ebb on Monday in what it called a response to rocket fire.", {"shelling"}),
    ("The army announced on Sunday a curfew in the town.", {"statement"}),
]


@pytest.mark.parametrize("sentence, expected", CASES + UNCHANGED)
def test_news_type_class(sentence, expected):
    assert sentence_types(sentence) == expected


@pytest.mark.parametrize("sentence, expected", CASES + UNCHANGED)
def test_news_type_class_in_an_article(sentence, expected):
    assert article_types(sentence) == expected


@pytest.mark.parametrize(
    "sentence, own",
    [
        ("On Saturday a farmer was shot dead by unknown men in the orchards of Tell.", True),
        ("A teacher was shot dead outside his school.", True),
        ("Two soldiers were shot in the clashes, the army said.", False),
        ("Two soldiers were killed, the army said.", False),
    ],
)
def test_a_killing_told_by_its_manner_in_the_passive_is_its_own(sentence, own):
    """'was shot dead' (the row reads 'was shot') tells how the victim was killed, as the
    active 'gunmen shot dead' does: a killing of its own, not the toll of the event before."""
    triggers = find_triggers(sentence, 0, len(sentence))
    assert triggers, sentence
    assert only_casualties(triggers, sentence, (0, len(sentence))) is (not own)


def test_a_farmer_shot_dead_after_a_battle_is_a_killing_of_its_own():
    """The extractor's path: a battle at a checkpoint, then a farmer shot dead two days later:
    the farmer's killing is no toll of the battle (heldout28-033's shape)."""
    import argparse

    from etl.cli import _extractor, _paths
    from etl.extraction.extract import ArticleInput

    extractor, _ = _extractor(_paths(argparse.Namespace(seeds=None, curated=None)))
    text = (
        "On Thursday night, gunmen attacked a police checkpoint near the village of Tell, and "
        "two policemen died in the firefight. And on Saturday a farmer was shot dead by unknown "
        "men in the orchards of Tell itself."
    )
    mentions, _ = extractor.extract(ArticleInput("t", text, dt.date(2019, 2, 18)))
    second = text.index("And on Saturday")
    assert [m.event_type for m in mentions if m.char_start >= second] == ["killing"]
    assert [m.event_type for m in mentions if m.char_start < second] == ["clash"]


def _events(text: str, published: dt.date) -> list[tuple[str, int]]:
    """The article's merged events: (type, number of mentions), in the merge's order."""
    import argparse

    from etl.cli import _extractor, _paths
    from etl.extraction.extract import ArticleInput
    from etl.merge import cluster_mentions

    extractor, _ = _extractor(_paths(argparse.Namespace(seeds=None, curated=None)))
    mentions, _ = extractor.extract(ArticleInput("t", text, published))
    return sorted((c.event_type, len(c.mentions)) for c in cluster_mentions(mentions))


@pytest.mark.parametrize(
    "text, events",
    [
        # the bodies of the dead told before, found the next day: the same killing
        (
            "Militants killed three shepherds in the desert west of Tell on Saturday, a local "
            "official said. The men's bodies were found by relatives the following day.",
            [("killing", 2)],
        ),
        # the fighting that followed the attack is the attack's
        (
            "Militants attacked army positions around Tell late on Friday, seizing two villages. "
            "The monitor said 41 soldiers were killed in the attack and the fighting that "
            "followed into Saturday.",
            [("clash", 2)],
        ),
        # bodies of others, with no killing told before: a killing of its own
        (
            "The bodies of four herders abducted by gunmen last week were found on Tuesday "
            "near Tell, officials said.",
            [("detention", 1), ("killing", 1)],
        ),
    ],
)
def test_one_event_told_again_is_one_event(text, events):
    assert _events(text, dt.date(2019, 2, 5)) == events
