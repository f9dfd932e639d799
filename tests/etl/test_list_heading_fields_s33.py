"""Session 33 (hR23, review): a flash's headline in capitals over its fields is no list's heading.

54baf02 read a first sentence in capitals, with no sentence end, whose next sentence opens with
a mark, as the heading of a list of items ('TIMELINE: ISLAMIC STATE ATTACKS IN ... ⟐ 7 March
2019 — ...'), and dropped its triggers: the items tell the events. A flash or an urgent note
sets its one event in such a headline and its fields below it with bullets ('BREAKING: AIRSTRIKE
KILLS FOUR CIVILIANS IN HAJIN\\n• Source: local activists\\n• Time: 14:05 local, 13 June'): its
only event was lost. A heading heads items that tell something, longer than a field's cell.
"""

from __future__ import annotations

import datetime as dt

import pytest

from etl.extraction.extract import ArticleInput, Extractor
from etl.extraction.sentences import list_heading, split_sentences

FLASHES = [
    "BREAKING: AIRSTRIKE KILLS FOUR CIVILIANS IN HAJIN\n• Source: local activists\n"
    "• Time: 14:05 local, 13 June",
    "URGENT: CAR BOMB EXPLODES IN AZAZ MARKET, SIX DEAD\n▪ Reported by: White Helmets\n"
    "▪ 13 June 2019",
    "SHELLING HITS KAFR ZITA, THREE WOUNDED\n» Ref: HM-0613-02\n» Verified: yes",
]


@pytest.mark.parametrize("text", FLASHES)
def test_a_headline_over_its_fields_heads_no_list(text):
    assert list_heading(text, split_sentences(text)) is False


def test_a_headline_over_items_that_tell_heads_a_list():
    text = (
        "TIMELINE: THE SIEGE OF THE SOUTHERN VILLAGES\n• 2 March 2019 — Government aircraft "
        "strike Saraqib, killing four civilians in the market.\n• 14 March 2019 — A car bomb "
        "kills six people in Azaz."
    )
    assert list_heading(text, split_sentences(text)) is True


@pytest.mark.parametrize(
    ("text", "event_type"), list(zip(FLASHES, ["airstrike", "explosion", "shelling"], strict=True))
)
def test_a_flashs_headline_keeps_its_event(extractor: Extractor, text, event_type):
    mentions, _ = extractor.extract(ArticleInput("s33-flash", text, dt.date(2019, 6, 14)))
    assert event_type in {m.event_type for m in mentions if not m.background}
