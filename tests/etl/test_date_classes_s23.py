"""Date classes of session 23 (hD11, issue 8): a dateline whose date follows a day of the
week ('KIRKUK, Iraq, Fri Apr 5, 2019 (NPW) -') is the filing day, not the lead's.

heldout18 (h18-002, 003, 004, 058, 065, 066) and heldout20 (h20-013, h20-021) write their
datelines so; the lead dated its event by the dateline's day, one day late."""

from __future__ import annotations

import datetime as dt

import pytest

from etl.extraction.date_windows import in_dateline
from etl.extraction.dates import lead_dates
from etl.extraction.extract import ArticleInput

D = dt.date.fromisoformat


def _dates(extractor, text: str, published: dt.date) -> list[tuple[str, dt.date, dt.date]]:
    mentions, _ = extractor.extract(ArticleInput("s23", text, published))
    return [(m.event_type, m.date.start, m.date.end) for m in mentions]


@pytest.mark.parametrize(
    ("text", "published", "day"),
    [
        ("KIRKUK, Iraq, Fri Apr 5, 2019 (NPW) - Gunmen attacked an army checkpoint in the "
         "village of Hamid, 8 km west of Hawija, late on Thursday, killing two soldiers.",
         "2019-04-05", "2019-04-04"),
        ("SINJAR, Iraq, Wed Jan 30, 2019 (NPW) - Turkish warplanes struck positions on Mount "
         "Sinjar on Tuesday, killing two fighters.", "2019-01-30", "2019-01-29"),
        ("ORRA, Varnland, Mon Mar 8, 2021 (Northwind) - Jets bombed a fuel depot near the "
         "border on Saturday, killing a guard.", "2021-03-08", "2021-03-06"),
    ],
)  # fmt: skip
def test_a_dateline_with_a_weekday_gives_way_to_the_leads_own_day(extractor, text, published, day):
    dates = _dates(extractor, text, D(published))
    assert dates and {(s, e) for _, s, e in dates} == {(D(day), D(day))}


def test_the_weekday_dateline_is_the_filing_day():
    text = "KIRKUK, Iraq, Fri Apr 5, 2019 (NPW) - Gunmen attacked a checkpoint."
    windows, filed = lead_dates(text, 0, len(text), D("2019-04-06"))
    assert filed is not None and filed.text == "Apr 5, 2019" and in_dateline(filed, text)
    # alone in its lead, it dates it (the filing day)
    assert [(w.start, w.end) for w in windows] == [(D("2019-04-05"), D("2019-04-05"))]


def test_a_weekday_after_a_full_stop_opens_no_dateline():
    text = "Gunmen attacked a checkpoint. Fri Apr 5, 2019 - more news."
    _, filed = lead_dates(text, 0, len(text), D("2019-04-06"))
    assert filed is None
