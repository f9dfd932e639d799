"""Session 30 (hX18): news events typed by whom they struck and by the weapon that fired,
the classes of heldout23-27's misses and extras (docs/extraction_history.md, "Session 30
(hX18)"). Sentences written for these tests (places and groups invented); each class read
alone and inside an article (the extractor's own path)."""

from __future__ import annotations

import pytest

from etl.extraction.tolls import only_casualties
from etl.extraction.triggers import find_triggers
from tests.etl.trigger_check import article_types, sentence_types

CASES = [
    # members of a force are armed men: their killing is a battle
    ("Gunmen killed two members of a tribal force near Varn on Sunday night.", {"clash"}),
    (
        "Militants killed three members of the Orra Internal Security Forces at a checkpoint.",
        {"clash"},
    ),
    ("Two members of the force were shot dead by men on a motorcycle in Dell.", {"clash"}),
    (
        "Troops killed two suspected Harl Front commanders and detained a third, the alliance said.",
        {"clash", "detention"},
    ),
    # a side's word in quotes: "Six 'terrorists' were killed" is a battle's dead
    ("Six 'terrorists' were killed in an operation in the Tarn valley on Sunday.", {"clash"}),
    # an attack on positions around villages is an attack on armed men, not on the villages
    (
        "Rebel factions launched a new attack on government positions around the villages of Ebb "
        "and Fal on Thursday, and state media said the army repelled it.",
        {"clash"},
    ),
    ("Rebels struck back on Monday, attacking an army position near Gorse.", {"clash"}),
    # civilians' work or a flock attacked: a killing
    ("Gunmen fired on a convoy of trucks carrying food to the camp, killing one driver.", {"killing"}),
    ("Two herders were killed when militants attacked a flock grazing near Hoth.", {"killing"}),
    (
        "A gunman opened fire in a restaurant in Pell on Wednesday afternoon, killing a consulate "
        "employee and two customers, officials said.",
        {"killing"},
    ),
    # the guns that fired name the weapon
    ("Army artillery deployed near Quill fired on insurgent positions on Saturday.", {"shelling"}),
    ("Its guns fired at rebel positions further south the same day.", {"shelling"}),
    ("The army answered within the hour, shelling the village of Rusk.", {"shelling"}),
    ("Two brothers were killed when a bomb left behind by the militants went off.", {"explosion"}),
    # bodies found: a killing (the abduction told beside it stays a detention of its own)
    (
        "The bodies of three herders abducted by gunmen in the hills east of Varn last week were "
        "found on Tuesday, officials said.",
        {"killing", "detention"},
    ),
    ("Police found the bodies of two men with gunshot wounds in a ditch near Orra.", {"killing"}),
    ("A woman was found strangled in a tent at the Kell camp on Sunday.", {"killing"}),
    # a camp's count of people arriving
    ("Since Friday, some 2.500 new arrivals have been registered at the Kell camp.", {"displacement"}),
    ("Our teams at the Kell camp received 2.300 new arrivals in the last 48 hours.", {"displacement"}),
    # C5 for an attack on civilians: the bomb that opens the shooting is its means
    (
        "Gunmen and a suicide bomber stormed a hotel in Pell on Tuesday, shooting diners, and at "
        "least 14 civilians were killed.",
        {"killing"},
    ),
    (
        "Militants detonated a bomb and then opened fire on worshippers at a mosque in Sarn, "
        "killing 35 people.",
        {"killing"},
    ),
    # other senses of 'fought' and 'fighting'
    ("On Wednesday, farmers in Sarn fought a blaze for six hours.", set()),
    # (no battle; since session 35 the men handed over are held: a detention, as heldout27-083)
    ("The alliance handed over 150 men suspected of fighting for the group.", {"detention"}),
]

UNCHANGED = [
    # what the rows must still read
    ("Gunmen opened fire on an army checkpoint outside Tabb, killing two soldiers.", {"clash"}),
    ("Insurgents fired on a military convoy near Ulm.", {"clash"}),
    ("Armed men attacked several hamlets around Zell on Friday.", {"killing"}),
    ("Saturday's attack on Vell, a herding village, killed 30 people.", {"killing"}),
    ("Police fired into the air to disperse the crowd.", set()),
    ("Heavy machine guns fired on the protesters, killing four.", {"killing"}),
    # C8: bombers alone stay the explosion
    ("Two suicide bombers attacked a crowded market in Dern, killing 20 people.", {"explosion"}),
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
        ("Gunmen killed a farmer and his son in their orchard on Saturday.", True),
        ("Militants also killed a shepherd near the wells.", True),
        ("Two soldiers were killed, the army said.", False),
        ("Four attackers were killed.", False),
    ],
)
def test_killers_named_before_the_verb_tell_a_killing_of_its_own(sentence, own):
    """A sentence whose killing names its killers right before the verb is no toll of the
    event told before it ('Gunmen killed a farmer': a killing of its own)."""
    triggers = find_triggers(sentence, 0, len(sentence))
    assert triggers, sentence
    assert only_casualties(triggers, sentence, (0, len(sentence))) is (not own)


def test_a_body_found_is_dated_by_the_finding_and_yields_to_the_killing_told():
    """The long form marks only the finding ('were found'), so the day read beside it is the
    finding's, not 'last week' of the words between; where the sentence tells the killing
    itself, the killing verb is the trigger (its day is the shooting's)."""
    long = (
        "The bodies of three herders abducted by gunmen in the hills east of Varn last week "
        "were found on Tuesday."
    )
    killing = [t for t in find_triggers(long, 0, len(long)) if t.event_type == "killing"]
    assert [t.text for t in killing] == ["were found"]
    told = (
        "Soldiers found the bodies of 16 workers on Wednesday near Tell, where rebels shot "
        "them on Sunday."
    )
    killing = [t for t in find_triggers(told, 0, len(told)) if t.event_type == "killing"]
    assert [t.text for t in killing] == ["shot them"]
