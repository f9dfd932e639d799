"""Session 35 (hB25): an announced start of an offensive is no statement when the fighting it
opens is told (session 34's answer, docs/extraction_history.md "Session 34 (coordinator)", "An
announced start"; heldout11-044 recoded by it, heldout27-038 and heldout29-001 already so). Only
an announced start with no fighting told anywhere in the text is a statement.

Texts written for this test (places real, incidents invented), in other wordings than the sets':
the start before the fighting in one sentence, the fighting told first and the start after it,
a timeline's present tense, 'declared the start', 'announced it had launched an operation'. Each
of the first group gives a statement beside its fighting before the change; the guards (no
fighting told; fighting that ended before the start) keep their statement both ways."""

from __future__ import annotations

import datetime as dt

import pytest

from etl.extraction.extract import ArticleInput, Extractor

PUB = dt.date(2019, 6, 12)


def _types(extractor: Extractor, text: str) -> list[str]:
    mentions, _ = extractor.extract(ArticleInput("s35b", text, PUB))
    return sorted(m.event_type for m in mentions if not m.background)


@pytest.mark.parametrize(
    "text",
    [
        # the start, then its fighting in the same sentence
        "The Iraqi army announced on Sunday the launch of an offensive to clear Islamic State "
        "cells from the Makhoul mountains, and troops clashed with militants near Baiji by the "
        "evening.",
        # the fighting first, the start in a later sentence (past perfect)
        "Heavy fighting raged on Tuesday on the outskirts of Hajin, where SDF units met a "
        "counter-attack. The SDF had declared the start of its final push against the town on "
        "Monday.",
        # a timeline in the present tense, the fighting in the next item with its own day
        "Timeline: the battle for Tal Afar. • 2019-06-01 — The Prime Minister announces the "
        "beginning of the operation to retake Tal Afar. • 2019-06-03 — Troops clash with "
        "militants on the eastern edge of Tal Afar.",
        # 'announced it had launched an operation', the fighting told by an air strike
        "The coalition announced on Friday that it had launched an operation against IS "
        "hideouts in the Hamrin mountains. Coalition aircraft struck four hideouts near "
        "Tuz Khurmatu on Saturday.",
    ],
)
def test_a_start_whose_fighting_is_told_is_no_statement(extractor, text):
    types = _types(extractor, text)
    assert "statement" not in types
    assert set(types) & {"clash", "airstrike"}


@pytest.mark.parametrize(
    "text",
    [
        # no fighting told anywhere: the announcement is the event
        "The Turkish defence ministry announced on Wednesday the start of a new operation "
        "against PKK positions in northern Iraq.",
        # the only fighting told ended days before the start was announced
        "Militants attacked an army post near Rutba on 1 June, killing two soldiers. On 10 "
        "June the army announced the start of an operation to secure the desert road.",
    ],
)
def test_a_start_with_no_fighting_after_it_stays_a_statement(extractor, text):
    assert "statement" in _types(extractor, text)


def test_an_announced_end_beside_its_fighting_stays_a_statement(extractor):
    # C22: an end has no other event to carry it
    text = (
        "Heavy fighting broke out near Hajin on Friday. On Saturday the SDF declared the end of "
        "the battle for Hajin."
    )
    assert "statement" in _types(extractor, text)
