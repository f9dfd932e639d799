"""Issue 8, session 19 (hNt7, from hTl6's side branch): the dead counted since a day more than
a week back ('412 people have been killed since 3 June') are a running total. Beside a count
of the event's own dead it is the campaign's tally, not the event's toll; told alone, it is
the toll. Sentences written for these tests (places and groups invented)."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pandas as pd

from etl.extraction.extract import ArticleInput, Extractor
from etl.extraction.figures import fatalities
from etl.extraction.mentions import DateWindow, Figure
from etl.extraction.running_totals import running_toll
from etl.extraction.tolls import RUNNING_TOLL
from etl.formats.acled import fatalities as acled_fatalities
from etl.merge import cluster_mentions, toll_sign

PUB = dt.date(2019, 7, 20)


def _tolls(extractor: Extractor, text: str) -> set[tuple]:
    mentions, _ = extractor.extract(ArticleInput("r19", text, PUB))
    return {
        fatalities([f for m in c.mentions for f in m.figures]) for c in cluster_mentions(mentions)
    }


def _since(start: dt.date, text: str, at: int) -> DateWindow:
    return DateWindow(start, PUB, "days", "relative", text, at, at + len(text))


def test_a_count_since_weeks_back_is_a_running_total() -> None:
    text = "412 people have been killed since 3 June in the offensive."
    f = Figure("killed", 412.0, 412.0, "exact", "412 people", 0, 10)
    assert running_toll(f, _since(dt.date(2019, 6, 3), "since 3 June", 32), text).quantity == (
        RUNNING_TOLL
    )
    # since a day of the same week: the fighting's own toll
    assert running_toll(f, _since(dt.date(2019, 7, 17), "since Wednesday", 32), text) == f


def test_a_running_total_is_the_toll_only_alone() -> None:
    own = Figure("killed", 9.0, 9.0, "exact", "9 villagers", 0, 11)
    tally = Figure(RUNNING_TOLL, 412.0, 412.0, "exact", "412 people", 40, 50)
    assert fatalities([own, tally]) == (9.0, 9.0)
    assert fatalities([tally]) == (412.0, 412.0)


def test_an_event_beside_a_campaign_tally(extractor: Extractor) -> None:
    text = (
        "Artillery shelled the market of Nawa on Friday, killing 9 villagers. "
        "Medics say 412 people have been killed in the province since 3 June."
    )
    assert (9.0, 9.0) in _tolls(extractor, text)
    assert (412.0, 412.0) not in _tolls(extractor, text)


def test_acled_takes_a_running_total_only_alone() -> None:
    figures = pd.DataFrame(
        {
            "event_id": ["a", "a", "b"],
            "quantity": ["killed", RUNNING_TOLL, RUNNING_TOLL],
            "value_low": [9.0, 412.0, 30.0],
        }
    )
    assert acled_fatalities(figures) == {"a": 9, "b": 30}


def test_a_running_total_alone_is_a_toll_when_merging(extractor: Extractor) -> None:
    """A mention whose only toll is a running total counts deaths (merge.toll_sign, as
    tolls.fatalities reads it): it does not merge with the same article's mention that says
    nobody died (hFix7 review)."""
    text = (
        "A roadside bomb hit an army patrol near Kirkuk on 18 July, causing no casualties. "
        "Roadside bombs have killed 40 soldiers around Kirkuk since 2 June."
    )
    mentions, _ = extractor.extract(ArticleInput("r19", text, PUB))
    # session 25, convention C1: the bombs counted since 2 June (seven weeks back) are a
    # running total, background: no event of their own (tests/etl/test_running_totals_c1.py)
    assert sorted((m.event_type, [f.quantity for f in m.figures]) for m in mentions) == [
        ("explosion", ["killed"]),
    ]
    assert [toll_sign(m) for m in mentions] == [0]
    assert sorted(
        fatalities([f for m in c.mentions for f in m.figures]) for c in cluster_mentions(mentions)
    ) == [(0.0, 0.0)]
    # beside a count of its own dead, the running total does not decide the sign
    own = Figure("killed", 0.0, 0.0, "exact", "no one was killed", 0, 17)
    tally = Figure(RUNNING_TOLL, 40.0, 40.0, "exact", "40", 30, 32)
    assert toll_sign(replace(mentions[0], figures=(own, tally))) == 0
    assert toll_sign(replace(mentions[0], figures=(tally,))) == 1
