"""A span written with two dates ('Mar 28 - Apr 1:', 'from 28 March to 1 April') is one
window (issue 8, incident notes). Sentences written for this test."""

from __future__ import annotations

import datetime as dt

import pytest

from etl.extraction.dates import find_dates

PUBLISHED = dt.date(2022, 5, 6)


def _windows(text: str) -> list[tuple[str, str]]:
    return [
        (d.start.isoformat(), d.end.isoformat()) for d in find_dates(text, 0, len(text), PUBLISHED)
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Apr 27 - May 2: a sweep of the Varn camp, 40 arrests.", [("2022-04-27", "2022-05-02")]),
        ("From 29 April to 3 May, police held 12 men in Orra.", [("2022-04-29", "2022-05-03")]),
        ("Between 30 April and 2 May 2022, 900 families left Tessel.", [("2022-04-30", "2022-05-02")]),
        ("On 28 April and 3 May, jets struck Morrow.", [("2022-04-28", "2022-04-28"), ("2022-05-03", "2022-05-03")]),
        ("On 3 January and 5 May, jets struck Morrow.", [("2022-01-03", "2022-01-03"), ("2022-05-05", "2022-05-05")]),
    ],
)  # fmt: skip
def test_two_dates_written_as_a_span_are_one_window(text, expected):
    assert _windows(text) == expected


def test_a_spell_since_a_day_runs_to_the_day_it_was_said():
    text = "Since 20 April, militias have blockaded Orra, elders said on 1 May."
    assert _windows(text)[0] == ("2022-04-20", "2022-05-01")


def test_a_spell_since_a_day_without_a_speaking_day_runs_to_publication():
    text = "Since 20 April, militias have blockaded Orra, elders said."
    assert _windows(text) == [("2022-04-20", "2022-05-06")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Wed 16:45: a rocket hit the Orra bus station.", [("2022-05-04", "2022-05-04")]),
        ("Tue, 0530: a drone struck a car near Varn.", [("2022-05-03", "2022-05-03")]),
        ("03.05, 22:10: clashes at the Tessel checkpoint.", [("2022-05-03", "2022-05-03")]),
        ("02.05 at 2300 hrs: shelling of Morrow.", [("2022-05-02", "2022-05-02")]),
        ("2-4.05: a sweep of the camp, 30 arrests.", [("2022-05-02", "2022-05-04")]),
        ("29.04-01.05: a sweep of the camp, 30 arrests.", [("2022-04-29", "2022-05-01")]),
        ("Wed 21:05 -- Orra: a rocket hit the bus station.", [("2022-05-04", "2022-05-04")]),
        ("Mon 02/05 18:40 -- Varn: police detain 3.", [("2022-05-02", "2022-05-02")]),
        ("Tue 03.05 06:15 \u2014 Tessel: mortar rounds on the market.", [("2022-05-03", "2022-05-03")]),
        ("Sun-Mon overnight -- Morrow: a patrol ambushed.", [("2022-05-01", "2022-05-02")]),
        ("Wed-Thu -- Orra: 400 families leave the camp.", [("2022-05-04", "2022-05-05")]),
    ],
)  # fmt: skip
def test_a_stamp_with_a_clock_time_or_a_span_of_days(text, expected):
    assert _windows(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "On the night of 2 to 3 May, jets struck Orra.",
        "On the night of 2-3 May, jets struck Orra.",
        "During the night of 2/3 May, jets struck Orra.",
        "On the night of Monday to Tuesday, jets struck Orra.",
    ],
)
def test_a_night_written_as_two_days_is_both_days(text):
    assert _windows(text) == [("2022-05-02", "2022-05-03")]


def test_a_night_of_one_day_is_that_day():
    assert _windows("On the night of 2 May, jets struck Orra.") == [("2022-05-02", "2022-05-02")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Overnight Saturday into Sunday, rockets hit Orra.", [("2022-04-30", "2022-05-01")]),
        ("In the first week of April, 300 families left Varn.", [("2022-04-01", "2022-04-07")]),
        ("During the last week of April, 40 were killed near Orra.", [("2022-04-24", "2022-04-30")]),
        ("In the second week of March 2022, the road was cut.", [("2022-03-08", "2022-03-14")]),
    ],
)  # fmt: skip
def test_a_night_into_a_day_and_a_week_of_a_month(text, expected):
    assert _windows(text) == expected
