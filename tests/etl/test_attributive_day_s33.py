"""Session 33 (hR23, review): a determiner before a date is a word of its own.

2f6ae77 let a day between a determiner and a lower-case word name that noun only ('a suspect
wanted for the 3 March abduction was arrested': the abduction's day, not the arrest's). The
determiner was read as the last characters before the date ('a ', 'the ' ...), so a place
ending in 'a' ('Ariha', 'Raqqa', 'Hama') made 'in Ariha on the 3 March where five people died'
an attributive day: the strike lost its day and took publication's.
"""

from __future__ import annotations

import datetime as dt

import pytest

from etl.extraction.extract import ArticleInput, Extractor

PUBLISHED = dt.date(2019, 3, 14)  # a Thursday


def _days(extractor: Extractor, text: str) -> dict[str, str]:
    mentions, _ = extractor.extract(ArticleInput("s33-attributive", text, PUBLISHED))
    return {m.event_type: m.date.start.isoformat() for m in mentions if not m.background}


@pytest.mark.parametrize(
    "text",
    [
        "Jets struck a market in Ariha on the 3 March where five people died.",
        "Jets struck a market in Ariha on the 3 March 2019 killing five people.",
        "Jets struck a market in Raqqa on 3 March killing five shoppers.",
        "Jets struck a bakery in Hama on 3 March where five people queued.",
    ],
)
def test_a_place_ending_in_a_is_no_determiner(extractor, text):
    assert _days(extractor, text)["airstrike"] == "2019-03-03"


def test_a_day_that_names_a_noun_still_dates_only_that_noun(extractor):
    text = "A suspect wanted for the 3 March abduction was arrested in Mosul on Tuesday."
    assert _days(extractor, text)["detention"] == "2019-03-12"
