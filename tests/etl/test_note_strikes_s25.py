"""Issue 8, session 25 (hD13): incident notes that tell an air strike by a bare 'strike'.

Casualty-archive entries (heldout21-22) name the strike by the noun alone: 'strikes during
the night of 17 to 18 March hit the riverside encampment' (a time between the strike and its
verb), 'a strike collapsed a house', 'strikes on the final encampment ...' (a target outside
the list the row held), 'Strikes on the industrial zone ...' (a short note's noun, with no
word saying it took place). None was read. Sentences written for these tests (places real,
incidents invented); each positive case fails before the change, the guards pass both ways.
"""

from __future__ import annotations

import datetime as dt

import pytest

from etl.extraction.extract import ArticleInput, Extractor
from etl.extraction.triggers import find_triggers

PUB = dt.date(2019, 3, 20)


def _types(extractor: Extractor, text: str) -> list[str]:
    mentions, _ = extractor.extract(ArticleInput("s25", text, PUB))
    return sorted({m.event_type for m in mentions if not m.background})


@pytest.mark.parametrize(
    "text",
    [
        # a time between the strike and what it hit
        "A monitor said strikes during the night of 11 to 12 March hit tents near Hajin, "
        "killing an unknown number of people.",
        "Strikes late on Sunday hit a school in the west of Hajin.",
        # what a strike did: it collapsed or brought down a building
        "Local sources said a strike collapsed a house in al-Susah where a family sheltered.",
        "A strike brought down a building in the centre of al-Susah on 9 March.",
        # a strike on any target that it hit, told with what followed
        "Overnight strikes on the last encampment caused a fire in which two women died.",
    ],
)
def test_a_bare_strike_told_by_what_it_hit_is_an_airstrike(extractor, text):
    assert "airstrike" in _types(extractor, text)


def test_a_short_note_names_its_strike_by_the_noun(extractor):
    text = (
        "Ref S-0402: 9 March 2019, Hajin (Abu Kamal district). "
        "Strikes on the grain silos on the southern edge of the town. "
        "No civilian harm was reported."
    )
    mentions, _ = extractor.extract(ArticleInput("s25", text, PUB))
    strikes = [m for m in mentions if m.event_type == "airstrike"]
    assert len(strikes) == 1
    assert (strikes[0].date.start, strikes[0].date.end) == (dt.date(2019, 3, 9),) * 2


@pytest.mark.parametrize(
    "text",
    [
        "Teachers in Mosul began a strike on Monday over unpaid salaries.",
        "Dock workers went on strike on 3 March and the port hit a standstill.",
        "Prisoners on hunger strike on the third floor were moved on Monday.",
        "Workers at the factory held a general strike on the eve of the vote.",
    ],
)
def test_a_strike_of_workers_or_a_strike_on_a_day_is_no_airstrike(extractor, text):
    assert "airstrike" not in _types(extractor, text)


def test_a_strike_on_a_day_is_not_read_as_its_target():
    text = "A strike on Monday targeted a depot."  # read by the verb, not by 'strike on'
    found = find_triggers(text, 0, len(text))
    assert [(t.event_type, t.text) for t in found] == [("airstrike", "strike on Monday targeted")]
