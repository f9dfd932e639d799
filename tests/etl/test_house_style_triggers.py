"""Events in house styles the trigger tables first missed (military press releases, UN
situation reports, live blogs, translated regional press, terse night logs) and false events
they first reported (taken without a fight, planned or ongoing talks, tallies, bombs that
never went off). Sentences written for these tests; places and groups invented."""

from __future__ import annotations

import datetime as dt

import pytest

from etl.extraction.extract import ArticleInput, Extractor
from tests.etl.trigger_check import article_types, sentence_types

CASES = [
    # the month May is no modal; the modal 'may' still is
    ("VARN, May 12 (Wire) -- Northern troops retook the hamlet of Orsk at dawn.", {"clash"}),
    ("Officials fear the rebels may attack Orsk again.", set()),
    # a modal opening the next predicate is not the trigger's
    (
        "About 9,000 villagers were displaced from Pell last month and will go home later.",
        {"displacement"},
    ),
    ("The fall of Pell would mark the end of the campaign.", set()),
    # people taken out by bus
    (
        "Some 1.300 people left the eastern quarters on Monday in buses and ambulances.",
        {"evacuation"},
    ),
    (
        "The last green buses from the old town crossed into the western suburbs at night.",
        {"evacuation"},
    ),
    ("Twenty buses carrying families were stopped at the bridge and sent back.", set()),
    # people moving, fleeing, leaving, coming back, arriving: sit-reps and night logs
    ("Hundreds of families have moved from the hill villages into Varn itself.", {"displacement"}),
    (
        "As of 3 May, 12,000 people are displaced from Orsk since the start of the month.",
        {"displacement"},
    ),
    (
        "Since 2 March, hostilities in the south have displaced more than 80,000 people.",
        {"displacement"},
    ),
    ("villagers fleeing W towards the river", {"displacement"}),
    ("2,500+ people leave Old Varn and New Varn quarters for the coast", {"displacement"}),
    ("first 25 families back in the town", {"displacement"}),
    ("1,100 IDPs arrived from Kell and Morrow in the last 24 h", {"displacement"}),
    ("Now the insurgency has reached Pell district.", set()),
    # fire from afar in press-release and regional-press words
    ("Harassment fire from across the border hit Tarn on Monday.", {"shelling"}),
    ("Three rockets fired by the militants from the hills struck a school in Tarn.", {"shelling"}),
    ("On Friday artillery fired from army positions hit the edge of Kell.", {"shelling"}),
    ("4 mortar rds on a farm nr the town", {"shelling"}),
    ("3 Grad rockets on the market district", {"shelling"}),
    ("rebel rockets on army positions N of the town", {"shelling"}),
    ("A school in Kell was put out of service by a strike on 4 May.", {"airstrike"}),
    (
        "On Mar. 2, Coalition forces conducted a precision strike on a depot near Tarn.",
        {"airstrike"},
    ),
    ("Its bombers flying from a base abroad had struck targets near Orsk.", {"airstrike"}),
    ("Teachers at the school launched a general strike on Monday.", set()),
    # bombs and mines told by their toll
    ("A mine left behind in an orchard near Pell killed a boy.", {"explosion"}),
    ("Twin bombs at a tea house in Kell killed at least 9 people on Sunday.", {"explosion"}),
    ("Two VBIEDs were stopped at the berm west of the town.", set()),
    (
        "Jets conducted 12 strikes near Orsk, destroying fighting positions, vehicle-borne IEDs "
        "and tunnels.",
        {"airstrike"},
    ),
    # battles in night-log and UN words
    ("IS gunmen hit a police checkpoint on the northern edge of the town", {"clash"}),
    ("an IED blast hit a police patrol on the ring road", {"explosion"}),
    ("police post fired on from the orchards; police return fire", {"clash"}),
    ("troops say town centre retaken after a 3-day push", {"clash"}),
    ("militia push on villages around the dam", {"clash"}),
    ("In the past week hostilities moved into the northern countryside of Varn.", {"clash"}),
    ("Militias continued to clear the western district of Kell.", {"clash"}),
    ("Troops linked up with the garrison, breaking a two-year siege of the base.", {"clash"}),
    ("The brigade took over Tarn and nearby villages without fighting, residents said.", set()),
    ("About 300 people have been killed since fighting began on 4 May.", {"killing"}),
    ("In a separate attack, 11 gendarmes were killed at a post near Orsk.", {"clash"}),
    # deadlines and threats without the word 'ultimatum'
    ("The fighters have until Friday noon to leave the whole district.", {"statement"}),
    (
        "A second group had been given until the end of the month to lay down its arms.",
        {"statement"},
    ),
    # not events: talks, inquiries, declarations of a victory told with the battle
    ("The envoy flew to Varn on Monday for talks on a ceasefire.", set()),
    ("Negotiations for the release of the hostages are said to be ongoing.", set()),
    ("The governor ordered an investigation into the reports.", set()),
    ("The army declared the town liberated.", {"clash"}),  # the battle, no statement
    ("The families had fled in June when militias attacked the valley.", set()),
    ("Aid agencies say 40,000 people fled Kell during the six-month battle.", set()),
    ("Since the start of the operation, 9 rockets have landed in Tarn.", set()),
    # attacks on vehicles, convoys of troops, releases
    ("A drone struck a pick-up truck carrying militia fighters near Kell.", {"airstrike"}),
    ("A convoy of traders and soldiers was attacked by gunmen near Orsk.", {"clash"}),
    ("The militia released 12 herders they had detained near the well.", set()),
    ("Gunmen raided a hamlet near Pell and abducted 6 men.", {"detention"}),
    ("0 killed.", set()),
    (
        "On 3 May, the first anniversary of the offensive, a drone struck a car near Orsk.",
        {"airstrike"},
    ),
]


@pytest.mark.parametrize(("sentence", "expected"), CASES)
def test_house_style(sentence, expected):
    assert sentence_types(sentence) == expected


@pytest.mark.parametrize(("sentence", "expected"), CASES)
def test_house_style_in_an_article(sentence, expected):
    assert article_types(sentence) == expected


def _events(extractor: Extractor, text: str) -> list[tuple[str, str]]:
    mentions, _ = extractor.extract(ArticleInput("a", text, dt.date(2021, 6, 5)))
    return [(m.event_type, m.trigger) for m in mentions]


def test_a_new_attack_in_the_next_sentence_is_its_own_event(extractor):
    """'14 people were killed in an attack on the village of X' tells of another attack, not
    the toll of the one before."""
    text = (
        "Gunmen killed at least 60 people overnight in the village of Kell, the government "
        "said on Saturday. The attackers also burned the market. On Friday, 9 people were "
        "killed in an attack on the village of Orsk in the same province."
    )
    events = _events(extractor, text)
    assert [e for e in events if e[0] == "killing" and e[1] == "killed"] == [
        ("killing", "killed"),
        ("killing", "killed"),
    ]


def test_a_massacre_told_after_a_battle_is_its_own_event(extractor):
    text = (
        "Now the fighting has reached the district of Pell. Local sources say fighters "
        "beheaded more than 20 people on a football pitch in the village of Kell."
    )
    assert ("killing", "beheaded") in _events(extractor, text)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Fri 14:00 -- same area: a patrol arrives, fighting stops.", set()),
        (
            "Rebels pushed into the east of Kell on Friday after a night of artillery fire.",
            {"clash"},
        ),
        (
            "A ceasefire took effect on Tuesday after a night of heavy clashes in Kell.",
            {"statement", "clash"},
        ),
    ],
)
def test_the_end_of_a_battle_and_the_fire_before_an_assault(sentence, expected):
    assert sentence_types(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Engineers cleared the northern villages of mines on Monday.", set()),
        # an attack on workers is a killing (session 20, attack_targets); the mine no bomb
        ("Gunmen attacked workers at a gold mine near Kell; 20 were killed.", {"killing"}),
        ("An attack on an artisanal gold mine near Kell killed 20 miners.", {"killing"}),
        # no bomb that went off on the ground (session 14: a weapon dropped by jets is an air strike)
        ("Bombs dropped by the jets killed 5 people in Orsk.", {"airstrike"}),
        ("The militia has 200 missiles at its disposal.", set()),
        ("The brigade pushed on Monday into the outskirts of Pell.", {"clash"}),
        ("The group has linked up with a rival faction.", set()),
        ("Troops linked up in Orsk after a week of fighting.", {"clash"}),
    ],
)
def test_the_new_rows_stay_in_their_class(sentence, expected):
    assert sentence_types(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The envoy has arrived in Varn for talks on a ceasefire.", set()),
        ("Army reinforcements have arrived in Orsk.", set()),
        ("Some 2,000 families have arrived in Orsk from the hills.", {"displacement"}),
    ],
)
def test_officials_and_troops_arriving_are_no_displacement(sentence, expected):
    assert sentence_types(sentence) == expected
