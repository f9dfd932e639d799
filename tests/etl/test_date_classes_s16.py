"""Session 16 (issue 8): date classes. Sentences are the team's own."""

from __future__ import annotations

import datetime as dt

import pytest

from etl.extraction.dates import find_dates
from etl.extraction.extract import ArticleInput

D = dt.date.fromisoformat


def _windows(text: str, published: dt.date) -> dict[str, tuple[str, str]]:
    return {w.text: (str(w.start), str(w.end)) for w in find_dates(text, 0, len(text), published)}


def _dated(extractor, text: str, published: dt.date) -> dict[str, tuple[dt.date, dt.date]]:
    mentions, _ = extractor.extract(ArticleInput("s16", text, published))
    return {m.event_type: (m.date.start, m.date.end) for m in mentions}


# Class (date): a date inside the dateline is the day the article was filed, in every shape a
# wire writes it ('BEIRUT, Sept 18 (Wire) -', 'VARN (Wire) — Monday 8 March 2021 —', 'VARN,
# March 8, 2021 —', 'VARN, 08.03.2021 —', 'VARN, Sept 8 (Wire):', 'Wire — Varn — 08.03.2021 —'):
# the lead's own day dates the lead; the filing day only when the lead has none.
@pytest.mark.parametrize(
    "text",
    [
        "ORRA, Varnland (Northwind) — Monday 8 March 2021 — Jets bombed a fuel depot on Saturday.",
        "ORRA (Northwind) — Monday 8 March 2021 — Jets bombed a fuel depot on Saturday.",
        "ORRA, March 8, 2021 — Jets bombed a fuel depot on Saturday, officials said.",
        "ORRA, 08.03.2021 — Jets bombed a fuel depot on Saturday, officials said.",
        "ORRA, 8 March — Jets bombed a fuel depot on Saturday, officials said.",
        "ORRA, March 8 (Northwind): Jets bombed a fuel depot on Saturday, officials said.",
        "ORRA (Varnland), 8 Mar 2021 (Northwind) - Jets bombed a fuel depot on Saturday.",
        "FLASH | ORRA, Varnland, March 8 (Northwind) — Jets bombed a fuel depot on Saturday.",
        "Northwind Agency — Orra — 08.03.2021 — Jets bombed a fuel depot on Saturday.",
        "ORRA — Monday — Jets bombed a fuel depot on Saturday, officials said.",
    ],
)
def test_a_dated_dateline_gives_way_to_the_leads_own_day(text):
    assert _windows(text, D("2021-03-08")) == {
        next(p for p in ("on Saturday", "Saturday") if p in text): ("2021-03-06", "2021-03-06")
    }


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("ORRA, March 8, 2021 — Jets bombed a fuel depot, officials said.", "March 8, 2021"),
        ("ORRA (Northwind) — Monday 8 March 2021 — Jets bombed a depot.", "Monday 8 March 2021"),
    ],
)
def test_a_dated_dateline_dates_a_lead_without_a_day(text, day):
    assert _windows(text, D("2021-03-09")) == {day: ("2021-03-08", "2021-03-08")}


@pytest.mark.parametrize(
    "text",
    [
        # a heading's date followed by a full stop: the report's day, not a dateline
        "DAILY LIST — Monday 8 March 2021. Jets bombed a fuel depot on Saturday.",
        # a date that opens the lead's own words, no place before it
        "Monday 8 March 2021 — Jets bombed a fuel depot on Saturday.",
        # a record's header with a reference number before its date
        "SIR 041/21 — 8 Mar 2021 — Jets bombed a fuel depot on Saturday.",
    ],
)
def test_not_a_dateline(text):
    assert len(_windows(text, D("2021-03-08"))) == 2


def test_the_filing_day_anchors_the_leads_relative_day_in_a_later_paper(extractor):
    # filed on Sunday 7 March, printed on Tuesday 9 March: 'yesterday' is the 6th
    text = "ORRA, March 7 (Northwind) — Jets bombed a fuel depot yesterday, officials said."
    assert _dated(extractor, text, D("2021-03-09"))["airstrike"] == (D("2021-03-06"),) * 2


# Class (date): a day, a month in Roman numerals and a year, the European and Slavic way of
# writing a date ('20.III.2016', '1 XI 2016'): a record's date field
@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("LOG-17 ¦ 4.III.2019 ¦ Orra ¦ Mortars hit the market ¦ dead: 2", "2019-03-04"),
        ("Entry of 19.XII.2018: a sniper killed a baker in Orra.", "2018-12-19"),
        ("Shelling of Orra, 2 XI 2019, destroyed a school.", "2019-11-02"),
        ("Orra, 8-VIII-2019 — mortar fire on the market.", "2019-08-08"),
    ],
)
def test_a_day_with_a_roman_month(text, day):
    assert list(_windows(text, D("2019-12-31")).values()) == [(day, day)]


@pytest.mark.parametrize(
    "text",
    [
        "Pope Gregory XIII 1582 reformed the calendar.",
        "The 3 IV 19 code was withdrawn.",  # a two-digit year is no date
        "See section 2.IV.2019b of the rules.",
    ],
)
def test_roman_numerals_that_are_no_date(text):
    assert _windows(text, D("2019-12-31")) == {}


# Class (date): 'on the morning of the 11th' is the 11th, and it anchors 'the same
# afternoon' in the next sentence
def test_a_part_of_an_ordinal_day(extractor):
    text = (
        "Jets bombed the bakery of Orra on the morning of the 9th, killing six people. "
        "Rebels shelled the airbase the same afternoon, a monitor said."
    )
    dated = _dated(extractor, text, D("2021-03-12"))
    assert dated["airstrike"] == (D("2021-03-09"),) * 2
    assert dated["shelling"] == (D("2021-03-09"),) * 2


# Class (date): the day a report or a document is dated ('DSR dt. 07-02-2021:', 'a letter
# dated 5 March') gives way to the day the sentence tells of
@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("Report dt. 09-03-2021: Rebels burned the Orra police post on 07-03-2021.", "2021-03-07"),
        (
            "In a letter dated 9 March, the mayor said gunmen killed 4 guards on 6 March.",
            "2021-03-06",
        ),
        ("Memo dtd. 09.03.2021: clash at Orra on Sunday.", "2021-03-07"),
    ],
)
def test_a_reports_own_day_gives_way_to_the_day_it_tells_of(text, day):
    assert list(_windows(text, D("2021-03-10")).values()) == [(day, day)]


def test_a_reports_own_day_dates_a_sentence_with_no_other():
    text = "Report dt. 09-03-2021: Rebels burned the Orra police post."
    assert _windows(text, D("2021-03-10")) == {"09-03-2021": ("2021-03-09", "2021-03-09")}


# Class (date): two days counted from the day of speaking, joined ('from the evening of
# yesterday until the morning of today', 'yesterday and today'): the span of both
@pytest.mark.parametrize(
    "text",
    [
        "Clashes raged near Orra from the evening of yesterday until the morning of today.",
        "Clashes raged near Orra from yesterday evening until this morning.",
        "Clashes raged near Orra yesterday and today, a monitor said.",
    ],
)
def test_yesterday_until_today_is_both_days(text):
    assert list(_windows(text, D("2021-03-10")).values()) == [("2021-03-09", "2021-03-10")]


def test_yesterday_and_today_apart_stay_apart():
    text = "Rebels shelled Orra yesterday, and today jets struck the market."
    assert len(_windows(text, D("2021-03-10"))) == 2
