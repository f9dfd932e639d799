"""Session 32 (hT22): a question that asks of one day dates the answer right after it ('Q:
What happened in Tikrit on Monday? A: A roadside bomb ...'): the answer's undated events are
of that day, its spells count from it, its own written day goes first. Sentences written for
this test."""

from __future__ import annotations

import datetime as dt

import pytest

from etl.extraction.asked_day import asked_day
from etl.extraction.dates import find_dates
from etl.extraction.extract import ArticleInput, Extractor

PUB = dt.date(2021, 3, 12)  # a Friday


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor([], None)


def _dates(extractor: Extractor, text: str) -> list[tuple[str, str, str]]:
    mentions, _ = extractor.extract(ArticleInput("t-s32q", text, PUB))
    return [(m.event_type, str(m.date.start), str(m.date.end)) for m in mentions]


def test_an_undated_answer_is_of_the_day_asked(extractor):
    text = (
        "Q: What happened in Tikrit on Monday? A: A roadside bomb exploded beside a police "
        "patrol on the main road, killing two officers. Q: Who did it? A: No group has said."
    )
    assert _dates(extractor, text) == [("explosion", "2021-03-08", "2021-03-08")]


def test_an_answers_spell_counts_from_the_day_asked(extractor):
    text = (
        "Q: What happened at Tal Hamra on Wednesday? A: Army units stormed Tal Hamra after "
        "three days of shelling and fighting, killing 12 militants."
    )
    assert ("clash", "2021-03-08", "2021-03-10") in _dates(extractor, text)


def test_an_answers_own_day_goes_first(extractor):
    text = (
        "Q: What happened in Tikrit on Monday? A: A roadside bomb exploded beside a police "
        "patrol on 6 March, killing two officers."
    )
    assert _dates(extractor, text) == [("explosion", "2021-03-06", "2021-03-06")]


@pytest.mark.parametrize(
    "question",
    [
        "Q: What happened in Tikrit this week?",  # days, not a day
        "What happened in Tikrit on Monday?",  # no question's mark
        "Q: Was Tikrit quiet on Monday and Tuesday?",  # two days
    ],
)
def test_no_day_asked(question):
    assert (
        asked_day(question, 0, len(question), find_dates(question, 0, len(question), PUB)) is None
    )


def test_only_the_answer_right_after_is_dated(extractor):
    text = (
        "Q: What happened in Tikrit on Monday? A: Nothing new, police say. "
        "Q: And in Baiji? A: A roadside bomb exploded beside a police patrol, killing two."
    )
    [(kind, start, end)] = _dates(extractor, text)
    assert kind == "explosion" and end == "2021-03-12" and start != end
