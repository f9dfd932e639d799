"""A day told as a noun's attribute dates only that noun, session 33 (issue 8, helper hN23):
'a suspect wanted for the 3 March abduction was arrested' is an arrest of the log's day, not
of 3 March, as 'a September ceasefire deal' already dated only its deal. Sentences written
for this test (not copied from a set); each fails before the change, the guards pass before
and after.
"""

from __future__ import annotations

import datetime as dt

import pytest

from etl.extraction.extract import ArticleInput, Extractor


def _mentions(extractor: Extractor, text: str, day: dt.date):
    mentions, _ = extractor.extract(ArticleInput("s33", text, day))
    return mentions


def _one(mentions, event_type):
    found = [m for m in mentions if m.event_type == event_type]
    assert len(found) == 1, [(m.event_type, m.trigger, m.date) for m in mentions]
    return found[0]


@pytest.mark.parametrize(
    "text, event_type, day",
    [
        ("Daily blotter ▹ Diyala Police Command ▹ Saturday 27 July 2019 ▹ 12:00 Muqdadiya: a "
         "suspect wanted for the 3 March abduction was arrested", "detention", dt.date(2019, 7, 27)),
        ("Asayish detained two men linked to the 14 April ambush near Tal Tamr on Sunday.",
         "detention", dt.date(2019, 7, 21)),
        ("Police said a man suspected in the 2 May bombing was detained in Hawija on Tuesday.",
         "detention", dt.date(2019, 7, 23)),
    ],
)  # fmt: skip
def test_a_day_before_a_noun_dates_only_that_noun(extractor, text, event_type, day):
    m = _one(_mentions(extractor, text, dt.date(2019, 7, 27)), event_type)
    assert (m.date.start, m.date.end) == (day, day)


@pytest.mark.parametrize(
    "text, event_type, day",
    [
        ("The 14 February suicide car bombing at Lethpora killed 40 paramilitaries.",
         "explosion", dt.date(2019, 2, 14)),
        ("Police said a man suspected in the 2 May bombing was detained in Hawija on Tuesday.",
         "explosion", dt.date(2019, 5, 2)),
        ("Gunmen attacked a checkpoint near Hawija on the 3 March and 4 March.", "clash",
         dt.date(2019, 3, 3)),
    ],
)  # fmt: skip
def test_the_noun_itself_keeps_its_day(extractor, text, event_type, day):
    m = _one(_mentions(extractor, text, dt.date(2019, 7, 27)), event_type)
    assert m.date.start == day
