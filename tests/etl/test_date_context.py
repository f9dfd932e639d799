"""Dates read against their sentence (issue 8), with sentences written for this test."""

from __future__ import annotations

import datetime as dt

import pytest

from etl.extraction.date_context import may_date, quoted_spans, relative_clause
from etl.extraction.dates import find_dates

PUB = dt.date(2021, 11, 12)  # a Friday
D = dt.date.fromisoformat


def _windows(sentence: str, anchor: dt.date | None = None) -> dict[str, tuple[str, str]]:
    return {
        w.text: (str(w.start), str(w.end))
        for w in find_dates(sentence, 0, len(sentence), PUB, anchor)
    }


@pytest.mark.parametrize(
    ("sentence", "phrase", "expected"),
    [
        # the sentence's own day comes first: the event after "after" is that day minus N
        (
            "Rebels shelled the garrison on Wednesday, two days after launching their assault.",
            "two days after",
            ("2021-11-08", "2021-11-08"),
        ),
        # the day sits in the after-clause: it dates that event, the phrase the main clause
        (
            "Jets struck Ariha a day after militants seized the hill on Tuesday, residents said.",
            "a day after",
            ("2021-11-10", "2021-11-10"),
        ),
        # after a comma the day dates the main clause; "days after" some days before it
        (
            "Days after the first convoy left, the exodus from Hajin stopped on Nov. 3.",
            "Days after",
            ("2021-10-28", "2021-11-02"),
        ),
        # "later" with the sentence's own day after it: the explicit day wins
        (
            "Two days later, on Nov. 5, the town fell.",
            "Two days later",
            ("2021-11-05", "2021-11-05"),
        ),
        # ... and counted from a day before it
        (
            "Troops entered on Nov. 2 and, three days later, raised their flag.",
            "three days later",
            ("2021-11-05", "2021-11-05"),
        ),
    ],
)
def test_explicit_day_anchors_a_counted_phrase(sentence, phrase, expected):
    # the anchor (an earlier sentence's date) is ignored when the sentence has its own day
    assert _windows(sentence, anchor=D("2021-10-01"))[phrase] == expected


def test_without_an_explicit_day_the_phrase_counts_from_the_anchor():
    got = _windows("Two days after the raid, the families returned.", anchor=D("2021-11-06"))
    assert got["Two days after"] == ("2021-11-08", "2021-11-08")


def test_tonight_in_a_quote_is_the_day_the_quote_was_given():
    s = "'They are shelling us tonight,' a nurse in the town said late on Tuesday."
    got = _windows(s)
    assert got["tonight"] == ("2021-11-09", "2021-11-09")
    assert got["late on Tuesday"] == ("2021-11-09", "2021-11-09")


def test_tonight_outside_a_quote_or_without_a_speech_day_is_publication():
    assert _windows("Shelling resumed tonight, on Tuesday's front.")["tonight"] == (
        "2021-11-12",
        "2021-11-12",
    )
    assert _windows("'They are shelling us tonight,' a nurse said.")["tonight"] == (
        "2021-11-12",
        "2021-11-12",
    )


def test_quoted_spans_skip_apostrophes_inside_words():
    s = "'We're hit tonight,' she said, and the army's reply came."
    assert [s[a:b] for a, b in quoted_spans(s)] == ["'We're hit tonight,'"]


def test_in_the_following_days_runs_from_the_day_after_the_anchor():
    s = "Some 4,000 residents fled in the following days, officials said."
    got = _windows(s, anchor=D("2021-11-08"))
    assert got["in the following days"] == ("2021-11-09", "2021-11-12")


def test_in_the_coming_days_is_still_a_plan():
    assert _windows("Aid will arrive in the coming days.") == {}


def _dates_and_position(sentence: str, trigger: str):
    dates = find_dates(sentence, 0, len(sentence), PUB)
    return dates, sentence.index(trigger)


def test_a_year_in_a_relative_clause_dates_that_clause_only():
    s = "The enclave, which in 2016 covered half the province, has shrunk to a few streets."
    dates, shrunk = _dates_and_position(s, "shrunk")
    (year,) = dates
    assert relative_clause(s, year) == (s.index(", which"), s.index(", has"))
    assert not may_date(s, year, shrunk, dates)
    assert may_date(s, year, s.index("covered"), dates)


def test_a_counted_phrase_does_not_date_the_event_of_its_own_dated_clause():
    s = "Jets struck Ariha a day after militants seized the hill on Tuesday, residents said."
    dates, seized = _dates_and_position(s, "seized")
    phrase = next(d for d in dates if d.text == "a day after")
    tuesday = next(d for d in dates if d.text == "on Tuesday")
    assert not may_date(s, phrase, seized, dates)
    assert may_date(s, tuesday, seized, dates)
    assert may_date(s, phrase, s.index("struck"), dates)


def test_a_counted_phrase_dates_its_event_when_its_clause_has_no_day():
    s = "Rebels shelled the garrison on Wednesday, two days after launching their assault."
    dates, launching = _dates_and_position(s, "launching")
    phrase = next(d for d in dates if d.text == "two days after")
    assert may_date(s, phrase, launching, dates)


def test_in_the_following_days_counts_from_the_sentences_own_earlier_day():
    s = "Fighting broke out on Nov. 2, and in the following days 3,000 people fled."
    got = _windows(s, anchor=D("2021-10-20"))
    assert got["in the following days"] == ("2021-11-03", "2021-11-12")


def test_a_day_inside_the_object_of_a_counted_phrase_dates_only_that_object():
    s = "A week after the bus bombing of 1 November, a mortar round hit the Varn market."
    dates, hit = _dates_and_position(s, "hit")
    phrase = next(d for d in dates if d.text == "A week after")
    first = next(d for d in dates if "1 November" in d.text)
    assert (str(phrase.start), str(phrase.end)) == ("2021-11-08", "2021-11-08")
    assert not may_date(s, first, hit, dates)
    assert may_date(s, first, s.index("bombing"), dates)
    assert may_date(s, phrase, hit, dates)


def test_a_day_opening_a_later_conjunct_does_not_date_the_verb_before_it():
    s = "On 9 November, militias took Orra and on 4 November the hill above Tessel."
    dates, took = _dates_and_position(s, "took")
    fourth = next(d for d in dates if "4 November" in d.text)
    ninth = next(d for d in dates if "9 November" in d.text)
    assert not may_date(s, fourth, took, dates)
    assert may_date(s, ninth, took, dates)
    # with no day of its own before it, the verb may still take the later day
    s2 = "Militias took Orra and on 4 November the hill above Tessel."
    dates2, took2 = _dates_and_position(s2, "took")
    assert may_date(s2, dates2[0], took2, dates2)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a dateline's date gives way to the sentence's own day ...
        (
            "VARN, Oct 12 (Northwind) -- Rebels shelled the garrison on Wednesday.",
            {"on Wednesday": ("2021-11-10", "2021-11-10")},
        ),
        # ... and dates the sentence when it has none (the filing day may differ from the paper's)
        (
            "VARN, Nordland, 11 November 2021 (Northwind) -- Rockets hit the market.",
            {"11 November 2021": ("2021-11-11", "2021-11-11")},
        ),
    ],
)
def test_a_datelines_date_is_the_filing_day(text, expected):
    assert _windows(text) == expected


def test_earlier_this_week_runs_to_the_day_of_the_report():
    assert _windows("Earlier this week, gunmen burned a school.") == {
        "Earlier this week": ("2021-11-08", "2021-11-12")
    }


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The rebels had until Wednesday night to leave Orra.", {}),
        ("The group was given until the end of the month to hand in its weapons.", {}),
        ("Villagers were given until 30 November to go.", {}),
        # not a deadline: a spell that ended, or a comma before 'to'
        ("Fighting in Orra lasted until Wednesday.", {"Wednesday": ("2021-11-10", "2021-11-10")}),
        ("Clashes went on until Wednesday, to the dismay of Varn.", {"Wednesday": ("2021-11-10", "2021-11-10")}),
    ],
)  # fmt: skip
def test_a_deadline_given_to_someone_dates_nothing(sentence, expected):
    assert _windows(sentence) == expected


def test_the_day_a_speaker_spoke_gives_way_to_the_events_own_day():
    s = "The ministry said on Wednesday that 12 guards were killed when raiders stormed Orra last Monday."
    dates, stormed = _dates_and_position(s, "stormed")
    wednesday = next(d for d in dates if d.text.endswith("Wednesday"))
    monday = next(d for d in dates if d.text.endswith("Monday"))
    assert not may_date(s, wednesday, stormed, dates)
    assert may_date(s, monday, stormed, dates)
    # alone, the speaking day still dates the sentence
    s2 = "The ministry said on Wednesday that raiders had stormed Orra."
    dates2, stormed2 = _dates_and_position(s2, "stormed")
    assert may_date(s2, dates2[0], stormed2, dates2)


def test_a_day_in_an_apposition_with_its_own_relative_clause_dates_that_clause_only():
    s = "Militias shelled Orra, a hamlet that rebels seized two weeks ago, on Wednesday."
    dates, shelled = _dates_and_position(s, "shelled")
    ago = next(d for d in dates if d.text == "two weeks ago")
    assert not may_date(s, ago, shelled, dates)
    assert may_date(s, ago, s.index("seized"), dates)


def test_a_deadline_of_a_day_dates_nothing():
    assert _windows("Talks stalled after mediators set a deadline of Sunday for a deal.") == {}
