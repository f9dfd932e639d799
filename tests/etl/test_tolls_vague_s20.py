"""Issue 8, session 20 (hTv8): a toll told only by a vague word ('dozens', 'scores',
'hundreds') is unknown, the convention of the blind sets heldout8-17. The vague figure keeps
its words and the bounds of data/rules/figure_vague.csv; only the event's toll is unknown.
Sentences written for these tests (places and groups invented)."""

from __future__ import annotations

import datetime as dt

import pytest

from etl.extraction.extract import ArticleInput
from etl.extraction.figures import fatalities, find_figures
from etl.merge import cluster_mentions


def _figures(text: str):
    return find_figures(text, 0, len(text))


@pytest.mark.parametrize(
    "text, word, bounds",
    [
        ("Scores of fighters died in the battle for the Tell Orra ridge.", "scores", (40, 99)),
        ("Dozens of villagers were killed when gunmen stormed Kafr Varn.", "dozens", (24, 99)),
        ("Hundreds of people were killed in the siege of Orla, medics said.", "hundreds", (100, None)),
    ],
)  # fmt: skip
def test_a_vague_word_alone_is_no_toll_but_stays_a_figure(text, word, bounds):
    figures = _figures(text)
    assert fatalities(figures) == (None, None)
    vague = [f for f in figures if f.qualifier == word]
    assert [(f.low, f.high) for f in vague] == [bounds]  # the word's bounds, kept on the figure


def test_a_count_still_makes_the_toll():
    assert fatalities(_figures("Seven shepherds were killed near Kafr Varn.")) == (7, 7)
    assert fatalities(_figures("At least 30 people died in Orla.")) == (30, None)


def test_an_extracted_event_with_a_vague_toll_has_no_toll(extractor):
    text = (
        "On 3 May, militants overran an army post near Manbij. "
        "Dozens of soldiers were killed, the army said."
    )
    mentions, _ = extractor.extract(ArticleInput("v20", text, dt.date(2019, 5, 6)))
    clusters = cluster_mentions(mentions)
    assert clusters
    figures = [f for c in clusters for m in c.mentions for f in m.figures]
    assert any(f.qualifier == "dozens" and (f.low, f.high) == (24, 99) for f in figures)
    assert [fatalities([f for m in c.mentions for f in m.figures]) for c in clusters] == [
        (None, None)
    ] * len(clusters)


def test_a_vague_word_does_not_hide_a_running_total():
    """A running total counts when nothing else counts the dead; a vague word counts nobody
    (session 21 review: 'dozens' beside '425 killed since 8 July' was an unknown toll, while
    the running total alone was 425)."""
    from etl.extraction.mentions import RUNNING_TOLL, Figure

    dozens = _figures("Dozens were killed in the raid.")
    assert [(f.quantity, f.qualifier) for f in dozens] == [("killed", "dozens")]
    running = [Figure(RUNNING_TOLL, 425.0, 425.0, "exact", "425 people", 50, 60)]
    assert fatalities(running) == (425, 425)
    assert fatalities(dozens + running) == fatalities(running)
    assert fatalities(_figures("Seven were killed.") + running) == (7, 7)  # a count still wins
