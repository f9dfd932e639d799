"""Session 26 (hD14), convention C3 across a full stop: a sentence of its own that says the
other side's dead are untold ('The military did not give its own losses.', "Assailants'
losses unknown.", 'The LNA did not say how many of its opponents had died.') makes the
closed count of the dead told just before it a low bound, open above (N-null), as the same
words do inside the count's sentence (tolls.left_open). Sentences written for these tests
in the shapes of heldout3-112 and heldout23-001/037/039 (places and groups invented)."""

from __future__ import annotations

import datetime as dt

import pytest

from etl.extraction.extract import ArticleInput, Extractor
from etl.extraction.figures import fatalities
from etl.extraction.mentions import UNTOLD
from etl.merge import cluster_mentions

TUESDAY = dt.date(2018, 2, 27)


def _tolls(extractor: Extractor, text: str) -> list[tuple]:
    mentions, _ = extractor.extract(ArticleInput("u26", text, TUESDAY))
    out = []
    for c in cluster_mentions([m for m in mentions if not m.background]):
        figures = [f for m in c.mentions for f in m.figures]
        out.append((c.mentions[0].event_type, fatalities(figures)))
    return sorted(out, key=str)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The army said on Tuesday it had killed 16 militants in air strikes near Rafah "
            "since Friday. The military did not give its own losses.",
            [("airstrike", (16, None))],
        ),
        (
            "Forces of the coalition said on Monday they had driven the last fighters from "
            "the old town of Sabha after street battles in which 11 of their soldiers were "
            "killed. The coalition did not say how many of its opponents had died.",
            [("clash", (11, None))],
        ),
        (
            "On 20 February 2018, gunmen attacked the army camp at Tessalit. 10 fatalities "
            "were reported among soldiers. Assailants' losses unknown.",
            [("clash", (10, None))],
        ),
    ],
)
def test_a_sentence_saying_the_other_sides_dead_are_untold_opens_the_count_before(
    extractor: Extractor, text: str, expected: list[tuple]
) -> None:
    assert _tolls(extractor, text) == expected


def test_the_figure_keeps_its_count(extractor: Extractor) -> None:
    text = (
        "The army said on Tuesday it had killed 16 militants in air strikes near Rafah "
        "since Friday. The military did not give its own losses."
    )
    mentions, _ = extractor.extract(ArticleInput("u26", text, TUESDAY))
    killed = [(f.low, f.high, f.qualifier) for m in mentions for f in m.figures]
    assert killed == [(16, 16, UNTOLD)]


@pytest.mark.parametrize(
    "second",
    [
        "The military gave details of the weapons seized.",  # no word of untold dead
        "He did not say how many had been wounded.",  # the wounded, not the dead
    ],
)
def test_other_sentences_leave_the_count_closed(extractor: Extractor, second: str) -> None:
    text = (
        "The army said on Tuesday it had killed 16 militants in air strikes near Rafah. " + second
    )
    assert _tolls(extractor, text) == [("airstrike", (16, 16))]


def test_a_sentence_far_after_the_count_leaves_it_closed(extractor: Extractor) -> None:
    text = (
        "The army said on Tuesday it had killed 16 militants in air strikes near Rafah. "
        "Residents said the town was quiet. Shops reopened in the morning. Schools stayed "
        "shut. The military did not give its own losses."
    )
    assert _tolls(extractor, text) == [("airstrike", (16, 16))]
