"""Issue 8, session 16 (hN3): a short note whose event no trigger row finds is named by its
noun of violence ('Gunfire across the line', 'Riot in the prison overnight'), read by a
second pass over notes in which nothing was found (triggers.csv rows of form note). In
sentences written for these tests (places and people invented or common)."""

from __future__ import annotations

import datetime as dt

import pytest

from etl.extraction.extract import NOTE_CHARS, ArticleInput
from etl.extraction.tolls import fatalities

PUBLISHED = dt.date(2019, 5, 3)


def _events(extractor, text: str) -> dict[str, tuple[float | None, float | None]]:
    mentions, _ = extractor.extract(ArticleInput("n", text, PUBLISHED))
    return {m.event_type: fatalities(m.figures) for m in mentions}


@pytest.mark.parametrize(
    "text, event_type, toll",
    [
        (
            "LOG 7 | 2 May 2019 | Tal Hamid | Gunfire across the river at the old mill; "
            "no casualties | dead: 0",
            "clash",
            (0.0, 0.0),
        ),
        (
            "REPORT 12 / Rivas / 02-05-2019 / Riot in the county jail overnight; 9 inmates "
            "dead, 30 escaped.",
            "clash",
            (9.0, 9.0),
        ),
        (
            "Entry 11/19 » 02/05/2019 » Santa Marta » A passer-by was wounded by a stray bullet "
            "during a confrontation between two gangs. No deaths.",
            "clash",
            (0.0, 0.0),
        ),
        (
            "Item 301 ¦ 2.V.2019 ¦ Idlib ¦ air ¦ Raids on Kafr Hamra and the nearby farms ¦ "
            "dead: 3 ¦ wounded: 8",
            "airstrike",
            (3.0, 3.0),
        ),
        (
            "Entry 12/19 » 02/05/2019 » Santa Marta » Police operation in the hills since "
            "dawn; 4 dead.",
            "clash",
            (4.0, 4.0),
        ),
    ],
)
def test_a_note_named_by_its_noun(extractor, text, event_type, toll):
    assert _events(extractor, text) == {event_type: toll}


@pytest.mark.parametrize(
    "text",
    [
        # negated: no event
        "LOG 8 | 3 May 2019 | Tal Hamid | Quiet night on the river; no gunfire reported.",
        # an operation that clears mines is no fighting
        "Engineers lifted 20 mines during a clearing operation near the dam on Thursday.",
        # planned only
        "The governor said police will launch an operation in the hills next week.",
    ],
)
def test_no_event_named(extractor, text):
    assert _events(extractor, text) == {}


def test_news_is_not_read_again(extractor):
    text = (
        "The city council met on Tuesday to hear residents of the northern districts, who "
        "asked for more street lighting and a new bus line. Several speakers recalled the "
        "shooting near the stadium, and the mayor promised a report on the matter by the "
        "end of the month. The next session is set for June, when the budget for the coming "
        "year will be put to a vote."
    )
    assert len(text) > NOTE_CHARS
    assert _events(extractor, text) == {}


def test_the_nouns_only_where_no_row_found_an_event(extractor):
    text = "Tal Hamid: mortar shells hit the market on Thursday; gunfire near the bridge."
    assert set(_events(extractor, text)) == {"shelling"}
