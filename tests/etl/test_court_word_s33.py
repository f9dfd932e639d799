"""Session 33 (hR23, review): a court's verb dates only a court's act where a court is named.

61e0075 read the day right after a court's verb (date_context_words.csv court_verb: sentenced,
heard, tried, charged ...) as the court's act's, no event's, when the sentence tells another
day. 'heard', 'tried' and 'charged' are every reader's verbs too: 'Residents heard explosions on
Tuesday night in Ariha, a week after the air strike of 3 March' dated the explosions a week after
3 March, not on Tuesday. Now a court word (court_word: court, judge, trial ...) must stand within
COURT_REACH characters of the day; a court report keeps its reading (test_court_reports_s33).
"""

from __future__ import annotations

import datetime as dt

import pytest

from etl.extraction.extract import ArticleInput, Extractor

PUBLISHED = dt.date(2019, 3, 14)  # a Thursday: Tuesday is 12 March


def _days(extractor: Extractor, text: str) -> dict[str, str]:
    mentions, _ = extractor.extract(ArticleInput("s33-court-word", text, PUBLISHED))
    return {m.event_type: m.date.start.isoformat() for m in mentions if not m.background}


@pytest.mark.parametrize(
    "text",
    [
        "Residents heard explosions on Tuesday night in Ariha, a week after the air strike of 3 "
        "March.",
        "Witnesses heard a blast on Tuesday in Azaz, days after the car bomb of 3 March.",
    ],
)
def test_a_verb_of_hearing_with_no_court_dates_its_event(extractor, text):
    assert _days(extractor, text)["explosion"] == "2019-03-12"


def test_a_court_that_heard_a_case_still_dates_only_its_hearing(extractor):
    text = (
        "A court in Erbil heard on Tuesday how gunmen shot dead two farmers near Makhmour on 3 "
        "March."
    )
    assert _days(extractor, text)["killing"] == "2019-03-03"
