"""Issue 8, session 25 (hN13): a campaign told as going on, in an 'as' clause after the
happening the sentence tells, only frames it ('..., as a week-old government offensive on
the south of the province gathered pace', '..., as the army pressed an offensive to retake
the south': heldout22-003, -070; '..., as Russian and Syrian jets widened a bombing campaign',
read as a bombing: heldout21-018). No set codes such a campaign; a campaign that begins
('as allied Yemeni forces began an assault on the port city', dev-019's clash) stays.
Sentences written for these tests (places real, incidents invented): each positive case
fails before the change (an extra clash or explosion), the guards pass both ways."""

from __future__ import annotations

import datetime as dt

import pytest

from etl.extraction.extract import ArticleInput, Extractor

PUB = dt.date(2019, 5, 10)


def _types(extractor: Extractor, text: str) -> list[str]:
    mentions, _ = extractor.extract(ArticleInput("s25f", text, PUB))
    return sorted(m.event_type for m in mentions if not m.background)


@pytest.mark.parametrize(
    ("text", "kinds"),
    [
        ("Warplanes struck a market in Kafr Nabl on Thursday, killing seven civilians, "
         "rescuers said, as a month-old government offensive on the south of Idlib "
         "gathered pace.", ["airstrike"]),
        ("Government forces shelled the town of Nawa on Wednesday, killing two children, "
         "activists said, as the army pressed an offensive to retake the province.",
         ["shelling"]),
        ("Air strikes on the town of Saraqib killed four people on Friday, the civil "
         "defence said, as Russian and Syrian jets widened a bombing campaign on the "
         "province.", ["airstrike"]),
    ],
)  # fmt: skip
def test_a_campaign_going_on_in_an_as_clause_is_no_event(extractor, text, kinds):
    assert _types(extractor, text) == kinds


def test_a_campaign_that_begins_in_an_as_clause_stays(extractor):
    text = (
        "Coalition warplanes pounded Houthi positions around Hudaydah on Wednesday as "
        "allied Yemeni forces began an assault on the port city, residents said."
    )
    assert _types(extractor, text) == ["airstrike", "clash"]


def test_a_campaign_widened_as_the_main_clause_stays(extractor):
    text = "Government forces widened their offensive to the town of Khan Sheikhun on Friday."
    assert _types(extractor, text) == ["clash"]
