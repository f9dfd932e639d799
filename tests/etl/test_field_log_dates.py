"""Dates and tolls the way military logs, monitor rows and incident ledgers write them
(issue 8): date-time groups ("141030ZJUN17"), compact days ("29SEP", "29-30NOV"), a day made
approximate ("on or about", "around"), ranges with ordinals or weekdays, an ISO night
("2019-07-02/03"), "over the N days to <day>", counts of past days; and the tolls beside
them ("2x KIA", "3 EKIA", "N martyrs", "Fatality count: N"). Sentences written for this test."""

from __future__ import annotations

import datetime as dt

import pytest

from etl.extraction.dates import find_dates
from etl.extraction.figures import fatalities, find_figures
from etl.extraction.mentions import Figure
from etl.merge import cluster_mentions
from tests.etl.test_merge import mention

D = dt.date


def _windows(sentence: str, published: D) -> list[tuple[D, D, str]]:
    return [(w.start, w.end, w.text) for w in find_dates(sentence, 0, len(sentence), published)]


@pytest.mark.parametrize(
    ("sentence", "published", "window", "text"),
    [
        # date-time groups: day, clock, zone letter, month in capitals, year of two or four digits
        (
            "220845ZMAR19 | HAJIN | patrol hit by IED.",
            D(2019, 3, 25),
            (D(2019, 3, 22),) * 2,
            "220845ZMAR19",
        ),
        (
            "DTG 061200Z OCT 18: convoy ambushed west of Varn.",
            D(2018, 10, 9),
            (D(2018, 10, 6),) * 2,
            "061200Z OCT 18",
        ),
        (
            "At 301915ZDEC2020 the outpost came under fire.",
            D(2021, 1, 2),
            (D(2020, 12, 30),) * 2,
            "301915ZDEC2020",
        ),
        (
            "Local militia ambushed a supply truck 14FEB21 near the ford.",
            D(2021, 2, 20),
            (D(2021, 2, 14),) * 2,
            "14FEB21",
        ),
        # a group without its month: the latest such day by publication
        (
            "Checkpoint raided at 031400L; two guards missing.",
            D(2020, 5, 9),
            (D(2020, 5, 3),) * 2,
            "031400L",
        ),
        # ... a month back past one without that day (April has no 31st, February no 30th)
        (
            "Checkpoint raided at 311400L; two guards missing.",
            D(2020, 5, 9),
            (D(2020, 3, 31),) * 2,
            "311400L",
        ),
        (
            "Checkpoint raided at 301400L; two guards missing.",
            D(2021, 3, 9),
            (D(2021, 1, 30),) * 2,
            "301400L",
        ),
        (
            "Checkpoint raided at 291400L; two guards missing.",
            D(2020, 3, 9),
            (D(2020, 2, 29),) * 2,
            "291400L",
        ),
        # compact day and range, yearless
        (
            "Mortar fire on the quarry 27-28AUG, no damage.",
            D(2019, 8, 30),
            (D(2019, 8, 27), D(2019, 8, 28)),
            "27-28AUG",
        ),
        # a day made approximate
        (
            "On or about 9 May 2016, gunmen burned the grain store.",
            D(2016, 5, 20),
            (D(2016, 5, 8), D(2016, 5, 10)),
            "9 May 2016",
        ),
        (
            "Around 2 March the ferry was shelled.",
            D(2019, 3, 20),
            (D(2019, 2, 27), D(2019, 3, 5)),
            "2 March",
        ),
        # ranges written with ordinals or weekdays
        (
            "From the 11th to the 13th of April 2018, the hills were bombed.",
            D(2018, 4, 30),
            (D(2018, 4, 11), D(2018, 4, 13)),
            None,
        ),
        (
            "In the night of Tuesday 7 to Wednesday 8 July 2020 raiders crossed the river.",
            D(2020, 7, 12),
            (D(2020, 7, 7), D(2020, 7, 8)),
            None,
        ),
        # an ISO night
        (
            "2021-09-14/15 (night) | Orra | drone strike on a depot",
            D(2021, 9, 20),
            (D(2021, 9, 14), D(2021, 9, 15)),
            "2021-09-14/15",
        ),
        # the N days ending on a day
        (
            "Over the four days to 12 June 2017 the army shelled the ridge.",
            D(2017, 6, 20),
            (D(2017, 6, 9), D(2017, 6, 12)),
            "12 June 2017",
        ),
        # a count of past days counts publication day among them
        (
            "Nine people have drowned in the last four days.",
            D(2018, 6, 10),
            (D(2018, 6, 7), D(2018, 6, 10)),
            "in the last four days",
        ),
        (
            "2x WIA in the past 24 hrs.",
            D(2018, 6, 10),
            (D(2018, 6, 9), D(2018, 6, 10)),
            "in the past 24 hrs",
        ),
    ],
)
def test_field_log_dates(sentence, published, window, text):
    got = _windows(sentence, published)
    assert len(got) == 1, got
    assert got[0][:2] == window
    if text is not None:
        assert got[0][2] == text


@pytest.mark.parametrize(
    "sentence",
    [
        "The 4x4 trucks drove 30 km up the valley.",  # no date in a vehicle's name
        "He paid 12 JUNK bonds.",  # a month must stand alone
        "Team 3 EKIA confirmed.",  # EKIA is no month
    ],
)
def test_no_military_date(sentence):
    assert _windows(sentence, D(2019, 1, 10)) == []


def _toll(sentence: str) -> tuple[float | None, float | None]:
    return fatalities(find_figures(sentence, 0, len(sentence)))


@pytest.mark.parametrize(
    ("sentence", "toll"),
    [
        ("Sniper fire on the bridge; 3x militia KIA, 2x WIA.", (3, 3)),
        ("Air strike on a bunker; 4 EKIA.", (4, 4)),
        ("Truck bomb at the gate; 41x killed, 60x WIA (per hospital).", (41, 41)),
        ("Enemy losses est. 9.", (9, 9)),
        ("Killed: ~40 | Injured: n/k", (40, 40)),
        ("Fatality count: 14 villagers.", (14, 14)),
        ("Death count: 5.", (5, 5)),
        ("Reported fatalities: 8, both sides.", (8, 8)),
        ("Two martyrs fell in the shelling of the market this evening.", (2, 2)),
        ("The jets struck the farms at dawn, without human losses.", (0, 0)),
        # a zero for one group is not the event's toll
        ("Artillery hit the village; no casualties among civilians were reported.", (None, None)),
        # a day after the verb is no object: the count was killed
        ("est. 60 villagers killed 11-12MAY (local sources).", (60, 60)),
        # a number word ending in x is not a multiplier
        ("Gunmen killed six herders at the well.", (6, 6)),
    ],
)
def test_field_log_tolls(sentence, toll):
    assert _toll(sentence) == toll


def test_a_toll_dated_before_the_battle_is_not_its_toll():
    """'Raiders killed 30 villagers over several days around 4 May' beside 'a clash on 8
    May' in one article: the killings open before the clash, so they stay their own event;
    a killing dated the clash's day is still folded into it."""
    clash = mention("a1", "clash", D(2020, 5, 8))
    killings = mention("a1", "killing", D(2020, 5, 1), D(2020, 5, 7), char_start=100)
    assert sorted(c.event_type for c in cluster_mentions([clash, killings])) == [
        "clash",
        "killing",
    ]
    same_day = mention("a1", "killing", D(2020, 5, 8), char_start=100)
    assert [c.event_type for c in cluster_mentions([clash, same_day])] == ["clash"]


def test_one_article_does_not_tell_one_happening_as_deadly_and_without_casualties():
    """'Two blasts hit the clinic gate; 14 were killed.' and 'A patrol was hit by a roadside
    bomb; no casualties.' in one bulletin: two explosions even when their windows meet. Other
    articles may revise a toll, so across articles they still merge."""
    killed = Figure("killed", 14.0, 14.0, "exact", "14", 0, 2)
    nobody = Figure("killed", 0.0, 0.0, "exact", "no casualties", 0, 13)
    deadly = mention("a1", "explosion", D(2021, 3, 2), figures=(killed,))
    quiet = mention("a1", "explosion", D(2021, 3, 2), char_start=200, figures=(nobody,))
    assert len(cluster_mentions([deadly, quiet])) == 2
    later = mention("a2", "explosion", D(2021, 3, 2), figures=(nobody,))
    assert len(cluster_mentions([deadly, later])) == 1
    untold = mention("a1", "explosion", D(2021, 3, 2), char_start=300)
    assert len(cluster_mentions([deadly, untold])) == 1


def _bulletin_tolls(text: str, published: D) -> list[tuple[str, float | None]]:
    from etl.extraction.evaluate import extract_passage  # noqa: F401  (the same extractor)
    from etl.extraction.extract import ArticleInput, Extractor
    from etl.places.geonames import GeoNamesIndex

    extractor = Extractor([], GeoNamesIndex.open())
    found, _ = extractor.extract(ArticleInput("t1", text, published))
    return [(m.event_type, fatalities(m.figures)[0]) for m in found]


def test_a_sentence_with_its_own_day_keeps_its_toll():
    """The second item names a day of its own: its dead are not the first item's toll; a
    toll said 'by the time' of a later day still belongs to the event before."""
    text = (
        "4 May, raiders overran an army post at Kirra. "
        "5 May, gunmen struck the ferry landing, killing 6 fishermen and 3 traders."
    )
    tolls = _bulletin_tolls(text, D(2019, 5, 8))
    assert ("clash", 9.0) not in tolls
    text = (
        "On 2 June 2017 militants began an assault on the ridge. "
        "The army said 12 of its soldiers were killed by the time a truce took hold on 6 June."
    )
    assert _bulletin_tolls(text, D(2017, 6, 10))[0] == ("clash", 12.0)


@pytest.mark.parametrize(
    ("sentence", "toll"),
    [
        # a tens word and a unit word: every unit from one to nine
        ("Twenty-nine recruits were killed at the depot.", (29, 29)),
        ("Officials said eighty-nine soldiers died in the assault.", (89, 89)),
        # where the dead came from, between the count and its verb
        ("Elders say 31 men from Kirra died in detention last month.", (31, 31)),
        ("Four guards from the Northern Brigade were killed at the gate.", (4, 4)),
    ],
)
def test_counts_and_their_verbs(sentence, toll):
    assert _toll(sentence) == toll


def test_bulleted_items_are_sentences():
    from etl.extraction.sentences import split_sentences

    text = (
        "\u25a0 06:10 | #Varn | Shelling on the market; three killed. "
        "\u25a0 07:45 | #Orra | Drone hit a depot, no injuries \u2022 09:00 Recap: 2 incidents"
    )
    parts = [text[a:b] for a, b in split_sentences(text)]
    assert parts == [
        "\u25a0 06:10 | #Varn | Shelling on the market; three killed.",
        "\u25a0 07:45 | #Orra | Drone hit a depot, no injuries",
        "\u2022 09:00 Recap: 2 incidents",
    ]


@pytest.mark.parametrize(
    ("sentence", "published", "second"),
    [
        # a yearless day after a day whose year is stated is of that year
        (
            "The siege began on 12 November 2016 and, on 3 December, the garrison fled.",
            D(2019, 5, 1),
            D(2016, 12, 3),
        ),
        # or of the next, across the new year
        (
            "Fighting started on 20 December 2014; on 9 January the town fell.",
            D(2020, 3, 1),
            D(2015, 1, 9),
        ),
        # too far after it: the latest such day by publication, as before
        (
            "The bridge, first cut on 3 May 2016, was bombed again on 5 March.",
            D(2019, 4, 1),
            D(2019, 3, 5),
        ),
    ],
)
def test_a_yearless_day_takes_the_year_of_the_story(sentence, published, second):
    got = _windows(sentence, published)
    assert got[-1][0] == second


@pytest.mark.parametrize(
    ("sentence", "toll"),
    [
        # the only one who died is named: one death, not the zero around it
        ("A bomber blew himself up at the gate; no deaths apart from the bomber.", (1, 1)),
        ("Killed: 0 | Source: police - only the suicide bomber was killed", (1, 1)),
        # zeros said without a verb or as 'victims'
        ("Rockets fell on the port at night with no victims.", (0, 0)),
        ("Raiders freed twelve prisoners from the lock-up. No one killed.", (0, 0)),
        # two sides' dead joined by 'and', the first with its own auxiliary
        ("The garrison said 6 raiders were neutralised and 3 guards killed.", (3, 3)),  # 'neutralised' is no death (C2, session 25)
    ],
)
def test_named_and_unspoken_tolls(sentence, toll):
    assert _toll(sentence) == toll


def test_an_estimate_does_not_end_a_sentence():
    from etl.extraction.sentences import split_sentences

    text = "Rebel losses est. 14. The road is shut."
    assert [text[a:b] for a, b in split_sentences(text)] == [
        "Rebel losses est. 14.",
        "The road is shut.",
    ]


@pytest.mark.parametrize(
    ("sentence", "toll"),
    [
        # a noun that is itself one dead person counts one killed, verb or not
        ("Idlib: A martyr from the local council fell under the shelling this morning.", (1, 1)),
        ("Hama: The martyr Omar al-Hasan, a baker, was killed by a sniper at noon.", (1, 1)),
        # other singular people still need a verb
        ("A baker from the old market spoke to us.", (None, None)),
        # a capitalised word of a name ('the Martyr Hospital') is no dead person
        ("Shelling hit the Martyr Hospital, 3 injured.", (None, None)),
        ("The Martyr Brigades shelled the village at dawn.", (None, None)),
    ],
)
def test_a_martyr_is_one_dead(sentence, toll):
    assert _toll(sentence) == toll
