"""Session 26 (hD14): a note's heading that ends with its day in brackets and a colon
('Flash Update 6 (27 May 2019): ...', 'Snapshot 25 (26 April 2019): ...') is the entry's
stamp, the day it was written; a day the entry tells of its own ('on 26 May', 'on 24
April', a weekday, 'yesterday') dates its event before the stamp does (date_windows.
entry_stamp, own_day). heldout21-166 and heldout22-162 dated their strikes by the heading,
the nearer date to the trigger. Sentences written for these tests (places invented)."""

from __future__ import annotations

import datetime as dt

import pytest

from etl.extraction.date_windows import entry_stamp, own_day
from etl.extraction.dates import find_dates
from etl.extraction.extract import ArticleInput, Extractor


def _dates(extractor: Extractor, text: str, published: dt.date) -> list[tuple]:
    mentions, _ = extractor.extract(ArticleInput("hd26", text, published))
    return sorted({(m.event_type, m.date.start, m.date.end) for m in mentions}, key=str)


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        (
            "Flash Update 6 (27 May 2019): Kafr Sijnah was hit by air strikes on 26 May; "
            "10 civilians were killed.",
            dt.date(2019, 5, 27),
            [("airstrike", dt.date(2019, 5, 26), dt.date(2019, 5, 26))],
        ),
        (
            "Snapshot 25 (26 April 2019): Shelling by government forces on 24 April hit the "
            "village of Tell Hamis, wounding two farmers.",
            dt.date(2019, 4, 26),
            [("shelling", dt.date(2019, 4, 24), dt.date(2019, 4, 24))],
        ),
    ],
)
def test_the_entrys_own_day_dates_it_not_the_headings(
    extractor: Extractor, text: str, published: dt.date, expected: list[tuple]
) -> None:
    assert _dates(extractor, text, published) == expected


def test_a_heading_day_alone_still_dates_the_entry(extractor: Extractor) -> None:
    text = "Update #82 (21 July 2017): Air strikes on Marawi continued; 4 enemy KIA."
    got = _dates(extractor, text, dt.date(2017, 7, 21))
    assert got == [("airstrike", dt.date(2017, 7, 21), dt.date(2017, 7, 21))]


def test_yesterday_counts_from_the_heading(extractor: Extractor) -> None:
    text = "Update #41 (10 June 2017): Thirteen Marines were killed in a firefight in Marawi yesterday."
    got = _dates(extractor, text, dt.date(2017, 6, 10))
    assert [(s, e) for _, s, e in got] == [(dt.date(2017, 6, 9), dt.date(2017, 6, 9))]


def test_the_bracketed_day_before_a_colon_is_the_stamp() -> None:
    text = "Flash Update 6 (27 May 2019): Kafr Sijnah was hit by air strikes on 26 May."
    dates = find_dates(text, 0, len(text), dt.date(2019, 5, 27))
    stamp = entry_stamp(dates, text, 0, len(text))
    assert stamp is not None and stamp.text == "27 May 2019"
    assert [d.text for d in own_day(dates, stamp)] == ["on 26 May"]


def test_a_bracketed_day_in_the_middle_of_a_sentence_is_no_stamp() -> None:
    text = "The council said the shelling of the market (on 26 May): two killed."
    dates = find_dates(text, 0, len(text), dt.date(2019, 5, 27))
    assert entry_stamp(dates, text, 0, len(text)) is None
