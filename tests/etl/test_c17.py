"""Convention C17 (session 30, coordinator; extractor: session 31, helper hC21): an ultimatum, a
deadline or a truce announced or brokered by a party to the fighting is a statement event on the
day it is told as made; the surrender, withdrawal or ceasefire it demands is an event only when
told as done; a threat with no demand and no deadline is no event. Sentences written for this
test (not copied from a set), each after a sentence that tells an event, as in the sets' news (a
passage of one sentence is read as a note, whose nouns count without a verb). The cases of
`test_an_announced_ultimatum_or_truce_is_a_statement` and the appeal and deadline-day cases fail
before hC21's change; the guards pass before and after.
"""

from __future__ import annotations

import datetime as dt

import pytest

from etl.extraction.extract import ArticleInput, Extractor

PUBLISHED = dt.date(2019, 3, 13)  # a Wednesday
LEAD = "Artillery shelled the village of Kafr Zita on Monday, wounding two farmers. "


def _mentions(extractor: Extractor, text: str):
    mentions, _ = extractor.extract(ArticleInput("c17", LEAD + text, PUBLISHED))
    return [m for m in mentions if m.sentence != LEAD.strip()]


def _types(extractor: Extractor, text: str) -> list[str]:
    return sorted(m.event_type for m in _mentions(extractor, text))


@pytest.mark.parametrize(
    "text",
    [
        # a deadline after a long object ('given <the fighters still inside X> until ... to')
        "The army has given the rebels still holding the hill until Friday to surrender.",
        "The alliance has given the last fighters in the pocket until the end of the week to lay down their arms.",
        # a deadline of 'a few' days, the words quoted
        'The minister has given the militia "a few days" to withdraw from the village.',
        # the demand and the threat without the word 'ultimatum'
        "A commander said the fighters had been told to surrender once the talks ended or face an assault.",
        # the threat that closes it is not done ('or be killed' is no killing)
        "Gunmen on motorbikes told the villagers they had 48 hours to leave or be killed.",
        # a truce a mediator made, no day named
        "Turkish officers mediated a truce between the two factions by the evening, residents said.",
    ],
)
def test_an_announced_ultimatum_or_truce_is_a_statement(extractor, text):
    assert _types(extractor, text) == ["statement"]


def test_the_deadline_day_is_not_the_statements_day(extractor):
    """'an ultimatum to surrender by Saturday' names the deadline: Saturday is not the day the
    ultimatum was given (the statement is dated by the article, not to last Saturday)."""
    text = "The garrison was given an ultimatum to surrender by Saturday."
    (statement,) = _mentions(extractor, text)
    assert statement.event_type == "statement"
    assert statement.date.start.strftime("%A") != "Saturday" or statement.date.end >= PUBLISHED
    assert statement.date.source != "weekday"


def test_an_appeal_that_a_thing_be_done_is_no_statement(extractor):
    assert _types(extractor, "Moscow has called for the area to be handed to Damascus.") == []


@pytest.mark.parametrize(
    "text, expected",
    [
        # an ultimatum is never the surrender it demands
        ("The army gave the fighters 48 hours to surrender.", ["statement"]),
        (
            "Russia gave the troops in the plant an ultimatum on Tuesday to lay down their arms.",
            ["statement"],
        ),
        # the demanded act told as done is its own event
        (
            "More than 500 fighters surrendered to the army in the village on Tuesday.",
            ["surrender"],
        ),
        # a threat with no demand and no deadline is no event
        ("The minister said the army would respond with brute force.", []),
        # a call for a ceasefire and a truce broken are no truce made
        ("The United Nations called for an immediate ceasefire.", []),
        ("Each side accused the other of having broken the truce.", []),
    ],
)
def test_guards(extractor, text, expected):
    assert _types(extractor, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a zero told after an ultimatum is no toll of the statement (C17: toll null) ...
        (
            "On 3 June 2020, armed men who entered the village of Kolo told residents to leave "
            "within two days. No casualties were reported.",
            [("statement", (None, None))],
        ),
        # ... but stays the toll of a raid told so (C6's zero to any event but a statement)
        (
            "On 3 June 2020, troops raided the village of Kolo and detained six men. "
            "No casualties were reported.",
            [("detention", (0.0, 0.0))],
        ),
    ],
)
def test_a_statement_takes_no_zero_toll(extractor, text, expected):
    from etl.extraction.evaluate import event_toll

    mentions, _ = extractor.extract(ArticleInput("c17", text, dt.date(2020, 6, 4)))
    assert [(m.event_type, event_toll([m])) for m in mentions] == expected
