"""Session 16 (issue 8): an abbreviation ends no sentence only as a whole word.

The list's 'est.' and 'ca.' matched the end of longer words ('west.', 'arrest.', 'Africa.'),
so two sentences were read as one (the list is case-sensitive, so 'Mono.' and 'Omar.' were
safe already: kept here as guards). Initials in a run ('A. B. Smith')
no longer split a name into three sentences.
"""

from __future__ import annotations

import pytest

from etl.extraction.sentences import sentence_around, split_sentences


def _split(text: str) -> list[str]:
    return [text[s:e] for s, e in split_sentences(text)]


@pytest.mark.parametrize(
    "text",
    [
        "Troops moved west. Rebels fled the valley.",
        "The convoy crossed into the north-west. Nobody stopped it.",
        "Aid reached East Africa. Then the rains came.",
        "Police made an arrest. Two men were held overnight.",
        "Thousands joined the protest. Shops stayed shut.",
        "The pilgrims reached Mecca. Prayers began.",
        "The delegation flew to Mono. Talks began at once.",
        "The envoy met Omar. Later he left for the border.",
        "The raid was a disaster. Few returned.",
        "Shells hit the bazaar. Shops burned.",
        "They held the pass. No one crossed.",
        "They found a cache. Weapons were seized.",
        "Gunmen stormed the hotel's east wing, then the west. Guests hid upstairs.",
    ],
)
def test_a_word_ending_in_an_abbreviation_ends_the_sentence(text):
    first, second = text.split(". ", 1)
    assert _split(text) == [first + ".", second]


@pytest.mark.parametrize(
    "text",
    [
        "Gen. Haddad said the line held.",
        "Lt. Col. Samir Aziz led the unit.",
        "Shelling hit St. George church overnight.",
        "Losses est. 12 fighters on the first day.",
        "Losses approx. 40 on the day.",
        "The town fell on Jan. 4 after a siege.",
        "The No. 3 battalion moved up.",
        "The U.S. Army said it was not involved.",
        "A. B. Smith said the town fell.",
        "The report by J. R. Kamal was published.",
        "Fighting resumed (ca. 200 men) near the dam.",
        "The “Gen. Staff” denied it.",
    ],
)
def test_a_whole_abbreviation_or_initial_does_not(text):
    assert _split(text) == [text]


def test_a_single_initial_after_a_name_still_ends_the_sentence():
    assert _split("They chose Plan B. Then they left.") == ["They chose Plan B.", "Then they left."]


def test_the_sentence_around_a_span_stops_at_a_word_like_west():
    text = "Troops moved west. Rebels fled the valley. Gen. Haddad said so."
    start = text.index("fled")
    assert sentence_around(text, start, start + 4) == "Rebels fled the valley."
    start = text.index("Haddad")
    assert sentence_around(text, start, start + 6) == "Gen. Haddad said so."
