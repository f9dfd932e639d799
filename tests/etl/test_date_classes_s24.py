"""Issue 8, session 24 (hD12): note dates by mechanism. 'Hours ago' and 'since midnight'
are the day the text speaks as of (publication, or the day of its own stamp), as 'today'
and 'since dawn' are; before, 'hours ago' was blocked as a clock span and 'since midnight'
not read, so a post that told its time only by them took the article's three days. Texts
written for this test (invented styles, real towns of the gazetteer); every case fails
before the change it pins."""

from __future__ import annotations

import datetime as dt

import pytest

from etl.extraction.dates import find_dates
from etl.extraction.extract import ArticleInput, Extractor

PUB = dt.date(2019, 3, 7)  # a Thursday


def _read(text: str) -> list[tuple[dt.date, dt.date, str]]:
    return [(d.start, d.end, d.source) for d in find_dates(text, 0, len(text), PUB)]


@pytest.mark.parametrize(
    "text",
    [
        "Hours ago, clashes broke out between the army and rebels on the edge of Talbiseh.",
        "Two hours ago, government jets struck the market of Talbiseh, killing 4 civilians.",
        "Artillery shelled the farms around Talbiseh a few hours ago, killing a shepherd.",
        "Jets have carried out more than 20 air strikes on Talbiseh since midnight.",
    ],
    ids=["hours ago", "two hours ago", "a few hours ago", "since midnight"],
)
def test_hours_ago_and_since_midnight_are_the_day_of_the_post(
    extractor: Extractor, text: str
) -> None:
    # a second sentence, so that the text is no one-sentence note (those take publication
    # day whatever they say): before, the article's three days
    text += " Medics said the wounded were taken to Homs."
    mentions, _ = extractor.extract(ArticleInput("s24", text, PUB))
    assert mentions, text
    assert {(m.date.start, m.date.end, m.date.source) for m in mentions} == {(PUB, PUB, "relative")}


def test_hours_ago_is_read_as_a_relative_day() -> None:
    assert _read("Hours ago, jets struck Talbiseh.") == [(PUB, PUB, "relative")]


def test_since_midnight_with_a_day_of_its_own_is_that_day() -> None:
    # a row stamped the day before publication: 'since midnight' is of the row's day
    text = "OPS LOG | 0300L 06MAR19 | SHELLING ON TALBISEH, TRUCE BROKEN SINCE MIDNIGHT."
    assert {(s, e) for s, e, _ in _read(text)} == {(dt.date(2019, 3, 6),) * 2}


@pytest.mark.parametrize(
    "text",
    [
        # hours after or before another moment stay no date of their own
        "Two hours later, jets struck Talbiseh.",
        "Rebels shelled the town minutes before, witnesses said.",
    ],
)
def test_hours_after_another_moment_are_still_no_date(text: str) -> None:
    assert _read(text) == []
