from __future__ import annotations

import pytest

from etl.extraction.sentences import sentence_around, split_sentences

TEXT = (
    "The U.S.-backed SDF said on Monday it had evacuated people. Since Feb. 20, an estimated "
    "15,000 people have left.\n\nMilitary operations restarted Friday. “We are aware,” he said."
)

CASES = [
    ("evacuated people", "The U.S.-backed SDF said on Monday it had evacuated people."),
    ("15,000 people", "Since Feb. 20, an estimated 15,000 people have left."),
    ("restarted Friday", "Military operations restarted Friday."),
    ("We are aware", "“We are aware,” he said."),
]


@pytest.mark.parametrize(("needle", "sentence"), CASES)
def test_sentence_around_span(needle, sentence):
    start = TEXT.index(needle)
    assert sentence_around(TEXT, start, start + len(needle)) == sentence


def test_span_over_two_sentences_returns_both():
    start = TEXT.index("people. Since")
    got = sentence_around(TEXT, start, start + len("people. Since"))
    assert got.startswith("The U.S.-backed") and got.endswith("have left.")


@pytest.mark.parametrize(
    ("text", "sentences"),
    [
        (
            "Lt. Col. Omar Hadi said the base was hit. Fighting continued.",
            ["Lt. Col. Omar Hadi said the base was hit.", "Fighting continued."],
        ),
        (
            "Shells fell at about 6 p.m. Monday, residents said. Nobody was hurt.",
            ["Shells fell at about 6 p.m. Monday, residents said.", "Nobody was hurt."],
        ),
        (
            "The blast came at 9 a.m. Residents fled.",
            ["The blast came at 9 a.m.", "Residents fled."],
        ),
        (
            "It ended at 10 p.m. local time. Then it was calm.",
            ["It ended at 10 p.m. local time.", "Then it was calm."],
        ),
    ],
)
def test_titles_and_clock_times_do_not_end_a_sentence(text, sentences):
    assert [text[s:e] for s, e in split_sentences(text)] == sentences


@pytest.mark.parametrize(
    ("text", "parts"),
    [
        (
            "Two shells hit the depot. ■ 11:40 | #Sabra | Clashes resumed. • 12:00 | Calm.",
            ["Two shells hit the depot.", "■ 11:40 | #Sabra | Clashes resumed.", "• 12:00 | Calm."],
        ),
        # a live blog's markers (arrows, geometric shapes) as well
        (
            "Troops took the bridge, the command said. ↳ Update: It was over. ▸ Calm.",
            ["Troops took the bridge, the command said.", "↳ Update: It was over.", "▸ Calm."],
        ),
    ],
)
def test_a_bullet_or_marker_after_a_full_stop_opens_a_new_sentence(text, parts):
    assert [text[s:e] for s, e in split_sentences(text)] == parts


def test_a_bullet_without_a_full_stop_opens_a_new_sentence_and_no_bullet_splits_as_before():
    """The splitter runs a pattern without the bullet rule on texts that hold no bullet:
    both must split the same words the same way."""
    text = "Two shells hit the depot, no injuries ■ 11:40 | Clashes resumed; • 12:00 | Calm."
    parts = [text[s:e] for s, e in split_sentences(text)]
    assert parts == [
        "Two shells hit the depot, no injuries",
        "■ 11:40 | Clashes resumed",
        "• 12:00 | Calm.",
    ]
    plain = "Two shells hit the depot. No injuries, then calm.\nClashes resumed. ‘Calm’ now."
    assert [plain[s:e] for s, e in split_sentences(plain)] == [
        "Two shells hit the depot.",
        "No injuries, then calm.",
        "Clashes resumed.",
        "‘Calm’ now.",
    ]
