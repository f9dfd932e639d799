"""Session 14 (issue 8): news classes beyond the trigger rows. Sentences are the team's own."""

from __future__ import annotations

import datetime as dt

import pytest

from etl.extraction.extract import ArticleInput
from etl.extraction.tolls import only_casualties
from etl.extraction.triggers import find_triggers
from etl.places.roles import refers_back


def _only_casualties(sentence: str) -> bool:
    triggers = find_triggers(sentence, 0, len(sentence))
    return only_casualties(triggers, sentence, (0, len(sentence)))


# Class: a killing told by how it was done is a killing of its own, not the toll of the event
# told in the sentence before (carry.hand_back no longer drops it)
@pytest.mark.parametrize(
    "sentence",
    [
        "Later that night, gunmen shot dead two guards at the pumping station.",
        "At least 20 detainees had died, some of them beaten to death, in a school basement.",
        "Three of the hostages were executed on the road out of the town.",
    ],
)
def test_a_killing_told_by_its_manner_is_no_carried_toll(sentence):
    assert not _only_casualties(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "Seven people were killed and 20 wounded.",
        "Four of the wounded later died in hospital.",
    ],
)
def test_a_bare_toll_still_belongs_to_the_event_before(sentence):
    assert _only_casualties(sentence)


# Class (place): 'the area' points back to the place the article is about, as 'the city' does,
# so a sentence that names no place but 'the area' may take the dateline's place
def test_the_area_refers_back_like_the_city():
    assert refers_back("About 4,000 residents fled the area during the week.")
    assert not refers_back("About 4,000 residents fled during the week.")


# Class (place, homonym): 'X, a rural area of Y' only locates X in Y; a reading of X on another
# continent gives way to the region around Y
def test_a_part_of_a_town_named_like_a_far_city_is_placed_by_the_town(extractor):
    text = (
        "TUMACO, Monday (XX) - Three farmers were killed at Mendoza, a rural area of Tumaco, "
        "on Sunday, officials said."
    )
    mentions, _ = extractor.extract(ArticleInput("s14", text, dt.date(2018, 3, 5)))
    killing = next(m for m in mentions if m.event_type == "killing")
    assert (killing.place_name, killing.place_region) == ("Tumaco", "near Tumaco")
