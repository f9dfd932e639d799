"""Issue 8, session 27 (hD15): a record heading that names a few days.

'CSCA ref S-0318: 18-19 March 2019, al-Baghuz.', 'CHT-S19-024 — 12–13 February 2019 — Baghouz
Tahtani.': the days its entry tells of. The entry's words that count from the day of speaking
('Overnight strikes', 'over two days') count from the span's last day, not from publication
weeks later (h22-131, h24-190; date_windows.heading_span, spoken, as_of_span).

Sentences written for these tests (places real, incidents invented); each positive case fails
before the change.
"""

from __future__ import annotations

import datetime as dt

import pytest

from etl.extraction.date_windows import heading_span, spoken
from etl.extraction.dates import find_dates
from etl.extraction.extract import ArticleInput, Extractor

D = dt.date.fromisoformat


def _dates(extractor: Extractor, text: str, published: dt.date) -> list[tuple]:
    mentions, _ = extractor.extract(ArticleInput("s27", text, published))
    return sorted({(m.event_type, str(m.date.start), str(m.date.end)) for m in mentions})


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        (
            "CSCA ref S-0318: 18-19 March 2019, al-Baghuz (Abu Kamal district). Overnight "
            "strikes on the final encampment caused a fire in which women died. Reported "
            "civilian deaths: 12+.",
            D("2019-03-27"),
            ("2019-03-18", "2019-03-19"),
        ),
        (
            "CHT-S19-024 — 12–13 February 2019 — Baghouz Tahtani (34.450, 40.955). Air "
            "strikes hit tents on the riverbank over two days. Civilian deaths: 20+.",
            D("2019-03-14"),
            ("2019-02-12", "2019-02-13"),
        ),
    ],
)
def test_an_entry_under_a_heading_of_days_speaks_of_those_days(
    extractor, text, published, expected
):
    got = _dates(extractor, text, published)
    assert got and all((start, end) == expected for _, start, end in got)


def test_a_heading_span_is_a_few_days_not_governed():
    text = "REF 7: 18-19 March 2019, al-Baghuz. Strikes hit the camp overnight."
    head = text.index(".") + 1
    w = heading_span(find_dates(text, 0, head, D("2019-03-27")), text, 0, head)
    assert w is not None and (str(w.start), str(w.end)) == ("2019-03-18", "2019-03-19")
    # a week is no heading of an entry's days; a span after 'from' is governed
    for head_text in ("REF 7: 1-7 March 2019, al-Baghuz.", "Report from 18-19 March 2019."):
        text = head_text + " Strikes hit the camp overnight."
        head = len(head_text)
        assert heading_span(find_dates(text, 0, head, D("2019-03-27")), text, 0, head) is None


def test_spoken_windows_count_from_the_day_of_speaking():
    text = "Strikes hit the camp overnight and over two days, three days after the truce."
    pub = D("2019-03-27")
    found = {w.text: spoken(w, pub) for w in find_dates(text, 0, len(text), pub, D("2019-03-01"))}
    assert found.get("overnight") is True
    assert found.get("over two days") is True
    assert not any(v for k, v in found.items() if k and "after" in k)
