"""Issue 8, news failure classes of session 13 (heldout10 as a development set), one group
per class, in sentences written for these tests (places, people and groups invented)."""

from __future__ import annotations

import datetime as dt

import pytest

from etl.extraction.extract import ArticleInput
from etl.extraction.figures import find_figures
from etl.extraction.tolls import fatalities
from etl.merge import cluster_mentions
from tests.etl.trigger_check import article_types, sentence_types

PRECISION_CASES = [
    # an anniversary: what happened years ago is recalled, not reported
    ("Four years ago this month the town of Velm fell to the militants.", set()),
    ("A year ago today, a car bomb killed 30 people in Lisk.", set()),
    ("Orra, which fell to the militants two years ago, was shelled on Monday.", {"shelling"}),
    # the reason a side gives for its strike is its own account, not another event
    (
        "Jets struck the port of Tabb in response to a rocket fired at a tanker on Friday.",
        {"airstrike"},
    ),
    (
        "The army shelled Orra in retaliation for an ambush on its convoy.",
        {"shelling"},
    ),
    # people described by a past state or a past flight's cause
    ("Families who had been trapped in the old city reached the camp.", set()),
    # (the flight stays a displacement; the fighting fled is no battle of its own)
    # (session 22: people a camp shelters are a stock, no flight: heldout8, 10, 18 code none;
    # the point of this case, the fighting fled is no battle, told as a flight)
    ("Some 900 people fled earlier fighting near Velm on Monday.", {"displacement"}),
    ("The camp shelters some 900 people who fled earlier fighting near Velm.", set()),
    ("Since June, 4,000 people have been displaced by the military operations.", {"displacement"}),
    # people captured are no battle
    ("The accused had been captured in Orra and handed over to the police.", set()),
    # a happening a side says another was preparing has not happened
    ("The rebels said the brigade was preparing an offensive on their lines.", set()),
    # a missile and a drone together: typed by the first-named weapon
    (
        "A ballistic missile and an armed drone fired by the rebels hit a depot in Velm.",
        {"shelling"},
    ),
    ("A rebel missile and drone attack on a barracks killed 12 soldiers.", {"shelling"}),
    ("An armed drone struck a car near Lisk on Monday.", {"airstrike"}),
]


@pytest.mark.parametrize(("sentence", "expected"), PRECISION_CASES)
def test_precision_class(sentence, expected):
    assert sentence_types(sentence) == expected
    assert article_types(sentence) == expected


def _events(extractor, text: str, published: dt.date) -> list[tuple[str, list[str]]]:
    mentions, _ = extractor.extract(ArticleInput("s13", text, published))
    return sorted(
        (c.event_type, sorted(m.trigger for m in c.mentions)) for c in cluster_mentions(mentions)
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 'the strike' is the strike told before, whatever day its sentence names
        (
            "An air strike hit a market in Raqqa on Thursday, killing 12 people. The coalition "
            "said on Friday that the strike targeted a depot of the group.",
            [("airstrike", ["air strike", "strike targeted"])],
        ),
        # 'the evacuation had begun' on another day: the same evacuation
        (
            "The evacuation of fighters from Homs was completed on Friday. The evacuation had "
            "begun on Wednesday.",
            [("evacuation", ["evacuation", "evacuation"])],
        ),
        # 'the attacks' names no weapon: the bombing told before
        (
            "A car bomb killed 20 people in Homs on Sunday. Islamic State said it carried out "
            "the attacks.",
            [("explosion", ["A car bomb killed", "carried out the attacks"])],
        ),
        # a toll 'from a bombing' on the day it rose is the bombing's, told next
        (
            "The death toll from a suicide bombing in Hama rose to 30 on Saturday. The bomber "
            "blew himself up on Friday evening at a checkpoint.",
            [("explosion", ["blew himself up", "suicide bombing"])],
        ),
        # 'the strike on <another place>' is another strike
        (
            "An air strike hit a market in Raqqa on Thursday, killing 12 people. On Friday, the "
            "air strike on Homs killed 3 people.",
            [("airstrike", ["air strike"]), ("airstrike", ["air strike"])],
        ),
    ],
)
def test_a_happening_told_again(extractor, text, expected):
    assert _events(extractor, text, dt.date(2019, 3, 9)) == expected


@pytest.mark.parametrize(
    ("text", "toll"),
    [
        # groups of a toll added, whatever their sizes (three groups whose later parts happen
        # to add up to the first are still three groups)
        ("Officials said the raid killed three guards, two drivers and a nurse.", (6, 6)),
        # ... but a whole and the people who make it up are one count
        ("The blast caused the death of 2 pilgrims, a woman and her son.", (2, 2)),
        ("The blast killed 3 people, two guards and a cook.", (3, 3)),
        # a part's own side after it does not end the list
        ("Clashes near Velm killed 7 fighters of the tribes and 4 soldiers.", (11, 11)),
        ("Shelling killed 2 gunmen of the local militia and 5 guards.", (7, 7)),
        # the victims' household between the count and its verb
        ("Four civilians from one family were killed when a shell hit their house.", (4, 4)),
        ("Three children of the same family died in the fire.", (3, 3)),
        # a count's verb past the list of its groups: the count is the toll, not its first part
        (
            "At least 30 people, among them 12 fighters, six guards and a nurse, have been "
            "killed in Orra since Monday.",
            (30, None),
        ),
    ],
)
def test_toll_groups_of_session_13(text, toll):
    assert fatalities(find_figures(text, 0, len(text))) == toll


@pytest.mark.parametrize(
    ("text", "toll"),
    [
        # a toll revised by a verb before it, the revised figure set aside
        (
            "The ministry lowered the death toll of Friday's raid on Orra, a hamlet in the "
            "hills east of Velm, to 12 on Sunday.",
            (12, 12),
        ),
        (
            "Officials said 40 people were killed in the raid, revising a toll of 52 given on Monday.",
            (40, 40),
        ),
        (
            "Officials said 40 people were killed, down from a first count of 55 people killed.",
            (40, 40),
        ),
    ],
)
def test_revised_tolls_of_session_13(text, toll):
    assert fatalities(find_figures(text, 0, len(text))) == toll


def test_a_name_spelt_exactly_beats_a_curated_spelling_of_another(extractor):
    # 'al-Faw' (Iraq's port town in GeoNames) is no transliteration of the curated al-Fu'ah
    # (Syria), which it resembles; a curated place spelt otherwise still wins where no
    # GeoNames place is spelt so ('Idleeb': Idlib)
    text = (
        "BASRA, Iraq - Gunmen shot dead a teacher outside his home in al-Faw on Wednesday. "
        "Later, jets struck a market in Idleeb."
    )
    mentions, _ = extractor.extract(ArticleInput("s13", text, dt.date(2019, 11, 1)))
    places = {m.event_type: (m.place_name, m.country) for m in mentions}
    assert places["killing"][1] == "IQ"
    assert places["airstrike"][0] == "Idlib"


@pytest.mark.parametrize(
    ("text", "displaced"),
    [
        # a running total since no day or weeks back: a statistic, no event (C1, session 25)
        ("Shelling hit Velm on Monday. Since early May, 90,000 people have fled the area.", 0),
        # ... since a day of the last week: an event, wherever they fled from (C1)
        (
            "Shelling hit Velm on Monday. The UN says 8,000 people have now left their homes "
            "since Friday.",
            1,
        ),
        # ... but one that names where they fled, or points back to it, is a flight
        ("Shelling hit Velm on Monday. Since Friday, 9,000 people have fled Velm.", 1),
        ("Shelling hit Velm on Monday. Some 3,000 people have fled the town since Friday.", 1),
        # ... and a flight of the past days, with no 'since', is told as one
        ("Shelling hit Velm on Monday. About 7,000 people have fled the area in the past week.", 1),
    ],
)
def test_running_totals_of_displacement(extractor, text, displaced):
    mentions, _ = extractor.extract(ArticleInput("s13", text, dt.date(2019, 6, 12)))
    assert sum(m.event_type == "displacement" for m in mentions) == displaced


def test_a_city_quarter_is_no_town_elsewhere(extractor):
    # 'the Karama quarter' is a part of the city told before, not a town of a like name
    text = (
        "Barrel bombs hit Homs at dawn on Tuesday. Rebels say they repelled an assault on the "
        "Karama quarter last night."
    )
    mentions, _ = extractor.extract(ArticleInput("s13", text, dt.date(2017, 6, 13)))
    assert {m.event_type: m.place_name for m in mentions}["clash"] == "Homs"
