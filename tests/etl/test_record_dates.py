"""A record's row (session 12): the day its event's own cell names ('around midday Sunday',
'over the weekend', 'the past 48 hours') dates the event before the stamp cell that says
when it was logged. Sentences written for these tests."""

from __future__ import annotations

import datetime as dt

import pytest

from etl.extraction.extract import ArticleInput, Extractor


@pytest.mark.parametrize(
    "text, published, window",
    [
        ("ALERT 51 | 09MAR20 0700Z | SYR/RAQQA | Mortar fire hit the old market late Saturday.",
         dt.date(2020, 3, 9), (dt.date(2020, 3, 7), dt.date(2020, 3, 7))),
        ("LOG 09/03/2020 | 07:00 | Raqqa | Clashes on the edge of the town over the weekend.",
         dt.date(2020, 3, 9), (dt.date(2020, 3, 7), dt.date(2020, 3, 8))),
        # no day in the event's cell: the stamp dates it
        ("LOG 09/03/2020 | 07:00 | Raqqa | Clashes on the edge of the town.",
         dt.date(2020, 3, 10), (dt.date(2020, 3, 9), dt.date(2020, 3, 9))),
    ],
)  # fmt: skip
def test_the_events_own_cell_dates_it(extractor: Extractor, text, published, window):
    mentions, _ = extractor.extract(ArticleInput("t", text, published))
    assert mentions
    assert {(m.date.start, m.date.end) for m in mentions} == {window}
