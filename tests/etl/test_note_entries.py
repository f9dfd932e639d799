"""Incident notes read whole (issue 8): each stamp starts its own entry, tolls written as
lists, zero tolls said in a note's words. Notes written for these tests; places invented or
chosen only to be found by the gazetteer."""

from __future__ import annotations

import datetime as dt

import pytest

from etl.extraction.evaluate import event_toll
from etl.extraction.extract import ArticleInput, Extractor
from etl.merge import cluster_mentions

THU = dt.date(2021, 6, 10)


def _events(extractor: Extractor, text: str, published: dt.date = THU):
    mentions, _ = extractor.extract(ArticleInput("note", text, published))
    return [
        (c.event_type, c.mentions[0].date.start.isoformat(), event_toll(c.mentions))
        for c in cluster_mentions(mentions)
    ]


def test_a_second_stamp_starts_its_own_entry_with_its_own_toll(extractor):
    note = "Tue: mortars hit a farm near Raqqa, no casualties. Wed: 3 herders shot dead near Raqqa."
    assert sorted(_events(extractor, note)) == [
        ("killing", "2021-06-09", (3, 3)),
        ("shelling", "2021-06-08", (0, 0)),
    ]


def test_a_live_log_stamp_with_a_clock_and_a_dash_starts_its_own_entry(extractor):
    note = (
        "Tue 09:40 -- Raqqa: mortars hit a farm near the town, no casualties. "
        "Wed 17:05 -- Raqqa: 3 herders shot dead near the town."
    )
    assert sorted(_events(extractor, note)) == [
        ("killing", "2021-06-09", (3, 3)),
        ("shelling", "2021-06-08", (0, 0)),
    ]


def test_a_toll_after_a_stamped_note_still_goes_back_to_it(extractor):
    note = "Tue: mortars hit a farm near Raqqa. 2 killed."
    assert _events(extractor, note) == [("shelling", "2021-06-08", (2, 2))]


@pytest.mark.parametrize(
    ("note", "place", "precision"),
    [
        # 'nr X' is near X; 'X, SE of Y': Y only locates X
        ("Sun: mine blast nr Manbij, NE of Aleppo. 2 killed.", "gn:167357", 2),
        ("Sun: mine blast in Manbij, NE of Aleppo. 2 killed.", "gn:167357", 1),
        ("Mon: mortar fire W of Manbij, 1 killed.", "gn:167357", 2),
        ("Mon: a roadside bomb hit a bus on the Manbij-Jarabulus road.", "gn:167357", 3),
        # 'IED at X': 'at' is the preposition, not a name's particle ('Ras at Tin')
        ("Thu: IED at Manbij market, 2 killed.", "gn:167357", 1),
        # a name no gazetteer knows, then its other name in brackets: the bracket is its slot
        ("Mon 01.06: Northern jets struck Zarqozli (Manbij), 3 dead.", "gn:167357", 1),
        # a note headed by its place: the heading is a place slot (a weekday stamp is not)
        ("Manbij: mortar fire on the market, 2 killed.", "gn:167357", 1),
        ("Wed: Manbij - a roadside bomb hit a bus, 2 killed.", "gn:167357", 1),
        ("Manbij, Wed: a roadside bomb hit a bus, 2 killed.", "gn:167357", 1),
        # 'X village, south of Y': Y locates X (no far likeness of X is taken)
        ("On 2 June 2021, an IED exploded in Sarja village, west of Manbij.", "gn:167357", 2),
        # a road between two places: the first, coarsely; the second when the first is unknown
        (
            "Mon: a roadside bomb hit a car on the road between Manbij and Jarabulus.",
            "gn:167357",
            3,
        ),
        ("Mon: gunmen attacked a checkpoint between Manbij and Jarabulus.", "gn:167357", 3),
        ("Mon: a roadside bomb hit a car on the road between Zorvit and Manbij.", "gn:167357", 2),
    ],
)
def test_field_log_abbreviations_of_place(extractor, note, place, precision):
    mentions, _ = extractor.extract(ArticleInput("note", note, THU))
    # a toll sentence after the entry ('... NE of Aleppo. 2 killed.') is a mention of it
    events = cluster_mentions(mentions)
    assert len(events) == 1
    assert {(m.place_id, m.geo_precision) for m in mentions} == {(place, precision)}


@pytest.mark.parametrize(
    ("note", "country"),
    [
        # a province names its country, so the town there beats a likeness in the area's box
        ("On 2 May 2021, gunmen attacked a checkpoint near Ataq, Shabwa governorate.", "YE"),
        # a name meaning one place only is not taken when the article points elsewhere
        (
            "On 2 May 2021, gunmen attacked a market in Pansi, in the Seno province east of Dori.",
            "BF",
        ),
    ],
)
def test_a_province_names_its_country(extractor, note, country):
    mentions, _ = extractor.extract(ArticleInput("note", note, THU))
    assert [m.country for m in mentions] == [country]


def test_a_first_word_alone_is_a_place_only_as_spelt(extractor):
    # 'Bali' of 'Bali Kalay' is no loose likeness of a town far away; the village no gazetteer
    # knows is placed by the town that locates it
    note = "Tue: Taliban fighters clashed with police in Bali Kalay, E of Farah city."
    mentions, _ = extractor.extract(ArticleInput("note", note, THU))
    assert [(m.country, m.place_name) for m in mentions] == [("AF", "Farah")]


@pytest.mark.parametrize(
    ("note", "country"),
    [
        # a national capital written under its own name is that capital ...
        ("On 4 May 2021, a rocket hit a school in the Souq al-Juma district of Tripoli.", "LY"),
        # ... unless the article names another country
        ("On 4 May 2021, a rocket hit a school in Tripoli, in northern Lebanon.", "LB"),
    ],
)
def test_a_capital_is_its_country_s_unless_told_otherwise(extractor, note, country):
    mentions, _ = extractor.extract(ArticleInput("note", note, THU))
    assert [m.country for m in mentions] == [country]


def test_a_sentence_without_a_date_in_a_stamped_entry_takes_the_stamps_days(extractor):
    note = "Mon-Tue -- Raqqa: 300 families left the camp. 1 herder killed by shelling near Raqqa."
    assert ("shelling", "2021-06-07", (1, 1)) in _events(extractor, note)


def test_a_total_neutralised_since_the_start_of_an_operation_is_not_carried(extractor):
    note = (
        "Sun: troops took the centre of Raqqa after clashes. "
        "The army said 400 militants had been neutralised since the start of the operation."
    )
    assert ("clash", "2021-06-06", (None, None)) in _events(extractor, note)


def test_a_later_entry_that_only_updates_the_toll_goes_back_to_the_event(extractor):
    note = (
        "Mon 06:00 -- Raqqa: clashes at a checkpoint near Raqqa. Tue 11:30 -- toll among police 7."
    )
    assert _events(extractor, note) == [("clash", "2021-06-07", (7, 7))]
    # a later entry with an event of its own keeps its toll
    note2 = "Mon 06:00 -- Raqqa: clashes at a checkpoint near Raqqa. Tue 11:30 -- 2 herders shot dead near Raqqa."
    assert ("clash", "2021-06-07", (None, None)) in _events(extractor, note2)


def test_a_report_as_of_a_day_counts_its_relative_phrases_from_that_day(extractor):
    head = "FIELD UPDATE No. 4 (as of 7 June 2021). "
    for body, window in [
        ("In the past week, mortars hit a farm near Raqqa.", ("2021-06-01", "2021-06-07")),
        ("Mortars hit a farm near Raqqa.", ("2021-06-04", "2021-06-07")),  # no date: up to it
    ]:
        mentions, _ = extractor.extract(ArticleInput("r", head + body, THU))
        assert [(m.date.start.isoformat(), m.date.end.isoformat()) for m in mentions] == [window]
