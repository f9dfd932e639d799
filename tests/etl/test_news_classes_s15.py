"""Session 15 (issue 8): news classes beyond the trigger rows. Sentences are the team's own."""

from __future__ import annotations

import datetime as dt

from etl.extraction.extract import ArticleInput


def _dated(extractor, text: str, published: dt.date) -> dict[str, tuple[dt.date, dt.date]]:
    mentions, _ = extractor.extract(ArticleInput("s15", text, published))
    return {m.event_type: (m.date.start, m.date.end) for m in mentions}


# Class (date): a day in the object of 'since <a noun>' dates that object, not the happening
# measured against it ('the heaviest fighting since a truce in 2014' is this week's fighting)
def test_a_day_after_since_a_noun_dates_only_that_noun(extractor):
    text = (
        "On Tuesday rebels and troops in the southern quarters were locked in the heaviest "
        "fighting since a truce in 2016."
    )
    start, end = _dated(extractor, text, dt.date(2019, 4, 4))["clash"]
    assert start <= dt.date(2019, 4, 2) <= end


def test_a_happening_measured_against_a_dated_noun_is_not_of_that_day(extractor):
    text = (
        "Aid workers counted 3,000 people at the crossing, the largest exodus since the "
        "siege began on 3 February."
    )
    start, _ = _dated(extractor, text, dt.date(2019, 4, 4))["displacement"]
    assert start > dt.date(2019, 2, 3)


def test_since_a_bare_day_still_opens_the_window(extractor):
    text = "At least 12 fighters were killed in clashes since Friday, a monitor said."
    start, end = _dated(extractor, text, dt.date(2019, 4, 8))["clash"]
    assert start == dt.date(2019, 4, 5)


# Class (precision): a toll counted over a whole year is a statistic, not an event
def test_a_years_tally_of_the_dead_is_no_event(extractor):
    text = (
        "A monitoring group says 2,300 civilians were killed in attacks across the country in 2018."
    )
    mentions, _ = extractor.extract(ArticleInput("s15", text, dt.date(2019, 3, 1)))
    assert not [m for m in mentions if m.event_type in ("killing", "deaths")]


def test_a_killing_of_one_day_is_still_an_event(extractor):
    text = "A monitoring group says 23 civilians were killed in an attack on the market on Monday."
    mentions, _ = extractor.extract(ArticleInput("s15", text, dt.date(2019, 3, 6)))
    assert [m for m in mentions if m.event_type == "killing"]
