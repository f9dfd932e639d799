"""Issue 8, session 18 (hTl6): death tolls, in sentences written for these tests (places
and groups invented). A vague word of the dead ('dozens', 'scores') names no count: beside
a count it neither sets the toll's bounds nor is added to it."""

from __future__ import annotations

import datetime as dt

import pytest

from etl.extraction.extract import ArticleInput
from etl.extraction.figures import fatalities, find_figures
from etl.extraction.mentions import Figure
from etl.extraction.tolls import vague
from etl.merge import cluster_mentions


def _toll(text: str) -> tuple[float | None, float | None]:
    return fatalities(find_figures(text, 0, len(text)))


def _event_tolls(extractor, text: str) -> list[tuple]:
    mentions, _ = extractor.extract(ArticleInput("v1", text, dt.date(2019, 5, 6)))
    return [
        fatalities([f for m in c.mentions for f in m.figures]) for c in cluster_mentions(mentions)
    ]


@pytest.mark.parametrize(
    "text, toll",
    [
        # a count beside a vague word: the count is the toll
        ("The army said dozens of rebels were killed in Varn; a monitor said 41 people died.",
         (41.0, 41.0)),
        ("Medics said 9 civilians died in Orla, and officials said scores of gunmen were killed.",
         (9.0, 9.0)),
        # a vague word alone is an unknown toll (session 20: the blind sets' convention)
        ("Dozens of fighters were killed in the clashes near Varn.", (None, None)),
        # a zero beside a vague word of another time stays a zero
        ("No one was killed in the raid on Orla.", (0.0, 0.0)),
    ],
)  # fmt: skip
def test_a_count_beats_a_vague_word(text, toll):
    assert _toll(text) == toll


def test_vague_is_read_from_the_vague_table():
    assert vague(Figure("killed", 24.0, 99.0, "dozens", "dozens", 0, 6))
    assert vague(Figure("killed", 40.0, 99.0, "scores", "scores", 0, 6))
    assert not vague(Figure("killed", 12.0, 12.0, "about", "about 12", 0, 8))  # a number
    assert not vague(Figure("killed", 30.0, None, "at least", "at least 30", 0, 11))


@pytest.mark.parametrize(
    "text, tolls",
    [
        # a vague word in the sentence before is not added to the count told after it
        ("On 3 May, gunmen attacked an army post near Manbij, leaving dozens of bodies. "
         "The army said 14 attackers and 3 soldiers were killed.", [(17.0, 17.0)]),
        # nor a vague word of another group in the sentence after
        ("On 3 May, militants attacked an army post near Manbij, killing 12 soldiers. "
         "Dozens of attackers were also killed.", [(12.0, 12.0)]),
    ],
)  # fmt: skip
def test_a_vague_word_is_not_added_across_sentences(extractor, text, tolls):
    assert _event_tolls(extractor, text) == tolls
