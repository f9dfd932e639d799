"""Date readings heldout7 showed wrong (issue 8, session 10), each class on sentences written
for this test, not taken from any set: a date field in a note's header row dates the note's
later sentences; a span across two months written with a bare dash; a length of time gives way
to the span the sentence writes out; a day inside a name is no date; a 'N days after <event>'
phrase counted back from the sentence's own day dates that event only."""

from __future__ import annotations

import datetime as dt

import pytest

from etl.extraction.dates import find_dates
from etl.extraction.extract import ArticleInput


def _windows(text: str, published: dt.date) -> list[tuple[str, str, str]]:
    return [
        (d.start.isoformat(), d.end.isoformat(), d.text)
        for d in find_dates(text, 0, len(text), published)
    ]


def _dated(extractor, text: str, published: dt.date) -> dict[str, tuple[str, str]]:
    mentions, _ = extractor.extract(ArticleInput("t", text, published))
    return {m.event_type: (m.date.start.isoformat(), m.date.end.isoformat()) for m in mentions}


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        (
            "SIR 0101/21 | 14 Mar 2021 | TAFAS | Gunmen ambushed a minibus on the main road. "
            "3 passengers killed; 5 abducted.",
            dt.date(2021, 3, 16),
            {"killing": ("2021-03-14", "2021-03-14"), "detention": ("2021-03-14", "2021-03-14")},
        ),
        (
            "#R-0077 — 2-5 Jun 20 — DAEL — Clashes between two armed groups in the town. "
            "About 400 residents displaced.",
            dt.date(2020, 6, 7),
            {"clash": ("2020-06-02", "2020-06-05"), "displacement": ("2020-06-02", "2020-06-05")},
        ),
    ],
)
def test_a_date_field_of_a_header_row_dates_the_notes_later_sentences(
    extractor, text, published, expected
):
    dated = _dated(extractor, text, published)
    assert {k: dated.get(k) for k in expected} == expected


def test_an_undated_sentence_after_a_dated_news_sentence_still_runs_to_publication(extractor):
    text = "On 14 March 2021 gunmen attacked the market in Tafas. 3 people fled."
    assert _dated(extractor, text, dt.date(2021, 3, 16))["displacement"] == (
        "2021-03-14",
        "2021-03-16",
    )


def test_a_span_across_two_months_with_a_bare_dash():
    assert _windows("#X-12 — 28 Feb-2 Mar 21 — HAMA — shelling.", dt.date(2021, 3, 5)) == [
        ("2021-02-28", "2021-03-02", "28 Feb-2 Mar")
    ]


def test_a_length_of_time_gives_way_to_the_span_written_out(extractor):
    text = "#K-9 — 3-4 Apr 22 — SARAQIB — Gunmen raided the town for two days; 6 killed."
    dated = _dated(extractor, text, dt.date(2022, 4, 8))
    assert dated and set(dated.values()) == {("2022-04-03", "2022-04-04")}


@pytest.mark.parametrize(
    "text",
    [
        "Shells fell on the 9 April neighbourhood on 3 June 2019.",
        "Shells fell near 15 June Hospital on 3 June 2019.",
        "Fighters of the March 2 Brigade attacked on 3 June 2019.",
    ],
)
def test_a_day_inside_a_name_is_no_date(text):
    assert [w[2] for w in _windows(text, dt.date(2019, 6, 5))] == ["on 3 June 2019"]


def test_a_day_before_an_ordinary_noun_stays_a_date():
    assert _windows("On 5 May camp residents marched.", dt.date(2019, 6, 5)) == [
        ("2019-05-05", "2019-05-05", "On 5 May")
    ]


def test_days_after_an_event_date_that_event_not_the_announcement(extractor):
    text = (
        "The governor announced on Monday that the siege of the old town had been broken, "
        "60 days after the offensive began."
    )
    dated = _dated(extractor, text, dt.date(2021, 3, 17))  # a Wednesday
    assert dated["statement"] == ("2021-03-15", "2021-03-15")


def test_an_abbreviation_does_not_end_the_clause_a_step_dates(extractor):
    text = (
        "Parliament voted on Sunday to expel the foreign troops, two days after a U.S. drone "
        "strike near the airport killed six people."
    )
    dated = _dated(extractor, text, dt.date(2020, 1, 5))
    assert dated["airstrike"] == ("2020-01-03", "2020-01-03")
    assert dated["statement"] == ("2020-01-05", "2020-01-05")


def test_a_length_of_time_gives_way_to_the_day_written_out(extractor):
    text = (
        "#K-10 — 6 Apr 22 — TAFAS — Gunmen held 4 police officers for a day before releasing them."
    )
    assert _dated(extractor, text, dt.date(2022, 4, 8))["detention"] == (
        "2022-04-06",
        "2022-04-06",
    )


def test_overnight_in_an_entry_of_two_days_is_that_night(extractor):
    text = "SIR 0012/21 | 01-02 May 2021 | DAEL | Police fired live rounds at a sit-in overnight."
    dated = _dated(extractor, text, dt.date(2021, 5, 4))
    assert dated and set(dated.values()) == {("2021-05-01", "2021-05-02")}
