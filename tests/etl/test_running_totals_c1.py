"""Session 25 (hC13), convention C1 (docs/extraction_history.md "Session 25 (hC13)"): a
running total of people 'since <a day>' is an event when the day is at most RUNNING_DAYS (7,
data/rules/running_totals.csv) before publication, its window running from that day to
publication and its count its toll or figure; since a day further back, or since no day
('since December'), it is background: no event. Sentences written for these tests (places
and groups invented or shapes of the held-out sets)."""

from __future__ import annotations

import datetime as dt

from etl.extraction.extract import ArticleInput, Extractor
from etl.extraction.figures import fatalities
from etl.extraction.mentions import DateWindow
from etl.extraction.rules import read_rules
from etl.extraction.running_totals import RUNNING_DAYS, counted_since
from etl.merge import cluster_mentions

MONDAY = dt.date(2019, 4, 8)


def _events(extractor: Extractor, text: str, published: dt.date = MONDAY) -> list[tuple]:
    """(type, start, end, toll) of each merged event that is news (not background)."""
    mentions, _ = extractor.extract(ArticleInput("c1", text, published))
    out = []
    for c in cluster_mentions([m for m in mentions if not m.background]):
        figures = [f for m in c.mentions for f in m.figures]
        first = c.mentions[0]
        out.append((first.event_type, first.date.start, first.date.end, fatalities(figures)))
    return sorted(out, key=str)


def test_the_days_are_read_from_the_rule_table() -> None:
    rows = read_rules("running_totals", ("kind", "value"))
    assert [int(r["value"]) for r in rows if r["kind"] == "running_days"] == [RUNNING_DAYS] == [7]


def test_counted_since_draws_the_line_at_seven_days() -> None:
    def since(start: dt.date, text: str) -> DateWindow:
        return DateWindow(start, MONDAY, "days", "relative", text, 0, len(text))

    stale, window = counted_since(since(dt.date(2019, 4, 4), "since Thursday"), MONDAY)
    assert (stale, window.start, window.end, window.precision) == (
        False,
        dt.date(2019, 4, 4),
        MONDAY,
        "days",
    )
    assert counted_since(since(dt.date(2019, 4, 1), "since 1 April"), MONDAY)[0] is False
    assert counted_since(since(dt.date(2019, 3, 31), "since 31 March"), MONDAY)[0] is True
    # a month names no day: background however near ('since April' on 8 April)
    assert counted_since(since(dt.date(2019, 4, 1), "since April"), MONDAY)[0] is True


def test_a_count_since_a_day_of_the_week_is_an_event_to_publication(
    extractor: Extractor,
) -> None:
    # heldout3-043's shape, which the set coded as no event before C1
    text = (
        "Forces loyal to the eastern commander fought government troops around Qasr Bin "
        "Gashir on Sunday. The health ministry said 35 people had been killed since Thursday, "
        "including fighters and civilians."
    )
    events = _events(extractor, text)
    # (typed a killing out of the set's context; the window and toll are C1's)
    assert ("killing", dt.date(2019, 4, 4), MONDAY, (35.0, 35.0)) in events


def test_a_flight_since_a_weekday_over_no_place_is_an_event(extractor: Extractor) -> None:
    # heldout10-028's shape: set aside as a statistic over no place before C1
    text = "The UN says 100,000 people have now left their homes since Wednesday."
    friday = dt.date(2019, 10, 11)
    assert _events(extractor, text, friday) == [
        ("displacement", dt.date(2019, 10, 9), friday, (None, None))
    ]


def test_a_count_since_weeks_back_or_since_a_month_is_no_event(extractor: Extractor) -> None:
    # devset2 d2-003's and heldout19-042's shapes, both coded as events before C1
    assert (
        _events(
            extractor,
            "Since December at least 90 people, most of them infants, have died on the way "
            "to the camp or shortly after reaching it, a relief group said.",
            dt.date(2019, 3, 7),
        )
        == []
    )
    assert (
        _events(
            extractor,
            "Turkish security forces have killed 40 Kurdish militants in Silopi since a curfew "
            "was imposed on the town on 14 December, the army said on Wednesday.",
            dt.date(2015, 12, 24),
        )
        == []
    )


def test_a_since_clause_that_names_its_day_decides(extractor: Extractor) -> None:
    text = (
        "More than 45,000 Ethiopians have crossed into eastern Sudan since fighting reached "
        "Humera on 9 November, the UN refugee agency said."
    )
    assert [e[0] for e in _events(extractor, text, dt.date(2020, 12, 5))] == []
    week = _events(extractor, text, dt.date(2020, 11, 13))
    assert ("displacement", dt.date(2020, 11, 9), dt.date(2020, 11, 13), (None, None)) in week


def test_a_state_since_a_month_and_a_day_told_beside_it_stay(extractor: Extractor) -> None:
    # a siege is a state, not a running count; the count told with its own day is that day's
    siege = (
        "The paramilitary group has encircled the North Darfur capital since mid-April, and "
        "the United Nations says some 800,000 civilians are trapped."
    )
    assert [e[0] for e in _events(extractor, siege, dt.date(2024, 5, 12))] == ["siege"]
    shelling = (
        "Qaboun had been under bombardment since February, and local activists said 9 people "
        "were killed by rockets there on Saturday alone."
    )
    events = _events(extractor, shelling, dt.date(2017, 5, 15))
    assert [(e[0], e[3]) for e in events] == [("shelling", (9.0, 9.0))]
