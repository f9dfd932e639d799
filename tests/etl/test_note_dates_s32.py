"""Session 32 (hT22): a place's taking told in a participle after its name ('Tal Sakhr, lost
last week') dates the taking only; a length's word before 'N day(s) after' ('closed all day
after shelling', 'delivery delayed 1 day after shelling') tells how long the happening before
it lasted, not a step to another day: no date, so a record's own day dates the entry.
Sentences written for this test."""

from __future__ import annotations

import datetime as dt

import pytest

from etl.extraction.dates import find_dates
from etl.extraction.extract import ArticleInput, Extractor

PUB = dt.date(2020, 6, 12)


def _windows(sentence: str) -> dict[str, tuple[str, str]]:
    return {w.text: (str(w.start), str(w.end)) for w in find_dates(sentence, 0, len(sentence), PUB)}


@pytest.mark.parametrize(
    "sentence",
    [
        "The bakery stayed shut all day after mortar fire hit the square.",
        "Vaccination round delayed 2 days after gunfire near the clinic.",
        "The convoy was postponed by a day after an IED struck the road.",
        "Trucks held up three days after the bridge was shelled.",
    ],
)
def test_a_length_before_days_after_is_no_date(sentence):
    assert _windows(sentence) == {}


@pytest.mark.parametrize(
    ("sentence", "day"),
    [
        # a step from the anchor, as before
        ("The ambush came two days after militants shelled the post.", "2020-06-10"),
        ("Shelling resumed three days before the talks opened.", "2020-06-09"),
    ],
)
def test_a_step_is_still_a_day(sentence, day):
    assert [s for s, _ in _windows(sentence).values()] == [day]


def test_a_records_day_dates_an_entry_with_a_length():
    extractor = Extractor([], None)
    text = (
        "Clinic log | Tell Rifaat health post | 10/06/2020 | Outreach delayed 1 day after "
        "shelling on the road north of the village; 2 civilians killed | Stock: low"
    )
    mentions, _ = extractor.extract(ArticleInput("t-s32n", text, PUB))
    assert [(m.event_type, str(m.date.start), str(m.date.end)) for m in mentions] == [
        ("shelling", "2020-06-10", "2020-06-10")
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a participle of a place's taking after its name and a comma: its day is the taking's
        # (before session 32: last week's days; Tuesday for the shelling)
        (
            "Rebel units said they were fighting to recapture Tal Hamra, lost last week.",
            [("clash", "2020-06-09", "2020-06-12")],  # the article's days, not last week
        ),
        (
            "Militants shelled Kafr Zeita, retaken by the army on Tuesday, killing a soldier.",
            [("shelling", "2020-06-12", "2020-06-12"), ("clash", "2020-06-09", "2020-06-09")],
        ),
        # ... not a participle after the event's own noun, nor a day of the main clause
        (
            "The assault, launched on Tuesday, killed four soldiers.",
            [("clash", "2020-06-09", "2020-06-09")],
        ),
        (
            "Militants shelled Kafr Zeita on Tuesday, killing a soldier.",
            [("shelling", "2020-06-09", "2020-06-09")],
        ),
    ],
)
def test_a_places_taking_day_is_not_the_main_clauses(text, expected):
    mentions, _ = Extractor([], None).extract(ArticleInput("t-s32p", text, PUB))
    assert [(m.event_type, str(m.date.start), str(m.date.end)) for m in mentions] == expected
