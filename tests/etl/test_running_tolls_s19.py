"""Issue 8, session 19 (hNt7, from hTl6's side branch): the dead counted since a day more than
a week back ('412 people have been killed since 3 June') are a running total. Beside a count
of the event's own dead it is the campaign's tally, not the event's toll; told alone, it is
the toll. Sentences written for these tests (places and groups invented)."""

from __future__ import annotations

import datetime as dt

import pandas as pd

from etl.extraction.extract import ArticleInput, Extractor
from etl.extraction.figures import fatalities
from etl.extraction.mentions import DateWindow, Figure
from etl.extraction.merge import cluster_mentions
from etl.extraction.running_totals import running_toll
from etl.extraction.tolls import RUNNING_TOLL
from etl.formats.acled import fatalities as acled_fatalities

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
