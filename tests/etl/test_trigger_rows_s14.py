"""Session 14 (issue 8): trigger rows for grammar any reporter writes, by class.

Sentences are the team's own, written for these tests (none is copied from a heldout set).
"""

from __future__ import annotations

import pytest

from etl.extraction.triggers import find_triggers


def types(sentence: str) -> list[str]:
    return [t.event_type for t in find_triggers(sentence, 0, len(sentence))]


# Class: a killing told by a verb with its victims as object, or in a form the rows lacked
@pytest.mark.parametrize(
    "sentence",
    [
        "The gunmen lined up the drivers by the road and shot them one by one.",
        "In our village they shot seven of my cousins outside the mosque.",
        "Witnesses said the militia shot 12 farmers near the wells on Friday.",
        "A crowd cornered two suspected robbers and burned them to death in the square.",
        "Dozens of prisoners were hanged at the central jail last winter, the report said.",
        "A teenager blew herself up at the checkpoint on Monday, killing a guard.",
        "A video released on Tuesday showed the execution of 18 captured soldiers.",
    ],
)
def test_a_killing_told_with_its_victims_is_a_killing(sentence):
    assert "killing" in types(sentence) or "explosion" in types(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "The plane was shot down over the hills on Sunday.",
        "She shot a documentary about the camps in 2015.",
        "He hanged himself in his cell, the prison said.",
    ],
)
def test_shot_and_hanged_that_kill_no_one_else_are_no_killing(sentence):
    assert "killing" not in types(sentence)


def test_blew_herself_up_is_an_explosion():
    assert "explosion" in types("A woman blew herself up in the crowded market on Friday.")
