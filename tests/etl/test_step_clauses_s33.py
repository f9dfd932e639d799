"""Session 33: a sentence's dates are read against each other once (date_context).

Asked afresh for every trigger, date and other date, the step-clause rules ('N days after
<event>') were cubic in a sentence's dates, and each clause's end was searched for up to the
text's end: a text of repeated 'two days after' phrases with no full stop took 41 s at 20 KB
(session 32's review). Now each clause end is searched for once per sentence, no further than
the sentence's end, so the work grows with the sentence. So does the rest of a sentence's
date reading that read every day for each phrase: the speech day of a quoted 'tonight', the
first day of a spell 'until <day>', the day a widening phrase ends on, the day a 'since' span
is said to end (`scripts/bench_long_input.py` quote, until, tally, with CAP=0).
"""

from __future__ import annotations

import datetime as dt
import re

import pytest

from etl.extraction import date_context
from etl.extraction.date_context import SentenceDates, may_date
from etl.extraction.dates import find_dates
from etl.extraction.extract import ArticleInput

PUB = dt.date(2019, 3, 10)
PHRASE = "shells hit the town two days after the strike and "


class _Counting:
    """The clause-end pattern, counting its searches and the characters they cover."""

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.pattern = pattern
        self.calls = 0
        self.chars = 0

    def search(self, text: str, pos: int = 0, endpos: int | None = None):
        found = self.pattern.search(text, pos, len(text) if endpos is None else endpos)
        self.calls += 1
        stop = found.start() if found else (len(text) if endpos is None else endpos)
        self.chars += max(0, stop - pos)
        return found


def _scans(extractor, monkeypatch, text: str) -> tuple[int, int, int]:
    counting = _Counting(date_context._CLAUSE_END)
    monkeypatch.setattr(date_context, "_CLAUSE_END", counting)
    mentions, _ = extractor.extract(ArticleInput("steps", text, PUB, title="Shelling"))
    monkeypatch.undo()
    return counting.calls, counting.chars, len(mentions)


def test_clause_scans_grow_with_the_sentence_not_its_square(extractor, monkeypatch):
    # one sentence (under the 3,000-character cap) of k 'two days after' phrases
    short = "In Kafr Nabl " + PHRASE * 25
    long = "In Kafr Nabl " + PHRASE * 50
    calls_short, chars_short, found_short = _scans(extractor, monkeypatch, short)
    calls_long, chars_long, found_long = _scans(extractor, monkeypatch, long)
    assert found_short == found_long == 1
    # one search per clause end a date asks of, each within the sentence: at most one
    # scan of it (at main: 2,550 searches over 3.2 million characters for the long one)
    assert calls_long <= 2 * calls_short + 2
    assert chars_long <= len(long)
    assert chars_short <= len(short)


def _phrase_dates(sentence: str) -> list:
    return find_dates(sentence, 0, len(sentence), PUB)


@pytest.mark.parametrize("steps", [1, 3, 12])
def test_a_day_in_a_steps_object_dates_that_object_only_however_many_steps(steps):
    # 'a day after troops crossed in on Wednesday': Wednesday dates the crossing, not the
    # shelling before the phrase; each step of the sentence the same
    sentence = (
        "".join(
            f"shells hit Ariha {i + 1} days after troops crossed in on Wednesday, and "
            for i in range(steps)
        )
        + "the town fell."
    )
    dates = _phrase_dates(sentence)
    reader = SentenceDates(sentence, dates, len(sentence))
    wednesdays = [d for d in dates if d.source == "weekday"]
    assert len(wednesdays) == steps
    for i, hit in enumerate(m.start() for m in re.finditer("hit", sentence)):
        for j, wednesday in enumerate(wednesdays):
            crossed = sentence.index("crossed", wednesday.char_start - 30)
            # the day dates its own object's crossing, never another step's shelling
            assert reader.may_date(wednesday, crossed)
            assert not reader.may_date(wednesday, hit) or i != j
            # the one-question function reads the same
            assert may_date(sentence, wednesday, hit, dates) == reader.may_date(wednesday, hit)


def test_a_day_in_the_first_steps_object_of_two_sharing_a_clause_end():
    # two steps whose objects both run to the same comma: the day is in both, the first
    # step of the sentence decides (its object holds the trigger 'raid': may date it)
    sentence = (
        "A week after the market bombing and a day after the raid of 2 November, a bomb "
        "exploded in the square."
    )
    dates = _phrase_dates(sentence)
    reader = SentenceDates(sentence, dates, len(sentence))
    november = next(d for d in dates if d.source == "explicit")
    assert reader.may_date(november, sentence.index("raid"))
    assert reader.may_date(november, sentence.index("bombing"))
    assert not reader.may_date(november, sentence.index("exploded"))


# --- the rest of a sentence's date reading (date_context.reanchor, date_windows.close_since)


class _Calls:
    """A function of a module, counting its calls."""

    def __init__(self, module, name: str, monkeypatch) -> None:
        self.inner = getattr(module, name)
        self.calls = 0
        monkeypatch.setattr(module, name, self)

    def __call__(self, *args):
        self.calls += 1
        return self.inner(*args)


def _count(monkeypatch, module, name: str, sentence: str) -> tuple[int, list]:
    calls = _Calls(module, name, monkeypatch)
    dates = find_dates(sentence, 0, len(sentence), PUB)
    monkeypatch.undo()
    return calls.calls, dates


@pytest.mark.parametrize(
    ("name", "piece"),
    [
        # each quoted 'tonight' looked for the days outside the quotes among all of them
        ("_inside", "'they hit us tonight,' a driver said on Thursday and "),
        # each day after 'until' read every day before it for the spell's first day
        ("_in_year_of", "fighting went on until 9 March and "),
        # each 'over two days' read every day of the sentence for the day it ends on
        ("_is_dated", "troops took the village after two days of fighting on 3 March and "),
    ],
)
def test_a_sentences_dates_are_read_in_time_that_grows_with_it(monkeypatch, name, piece):
    few, dates_few = _count(monkeypatch, date_context, name, piece * 20)
    many, dates_many = _count(monkeypatch, date_context, name, piece * 40)
    assert len(dates_many) == 2 * len(dates_few) > 0
    # 20 -> 40 pieces at main: _inside 420 -> 1,640 calls, _in_year_of 190 -> 780, _is_dated
    # 400 -> 1,600; now 40 -> 80, 0 -> 0, 20 -> 40
    assert many <= 2 * few + 4


def test_each_pieces_dates_read_alike_however_long_the_sentence():
    # the speech day, the spell after 'until' and the two days' widening of each piece are
    # those of the piece alone
    pieces = (
        "'they hit us tonight,' a driver said on Thursday; ",
        "fighting began on 7 March and went on until 9 March; ",
        "troops took the village after two days of fighting on 3 March; ",
    )
    for piece in pieces:
        alone = [(d.start, d.end) for d in find_dates(piece, 0, len(piece), PUB)]
        text = piece * 30
        together = [(d.start, d.end) for d in find_dates(text, 0, len(text), PUB)]
        assert together == alone * 30


def test_a_since_span_closes_on_the_day_said_after_it_in_a_long_sentence():
    piece = "Since 24 February forces have encircled the town, committees said on 5 March, and "
    text = piece * 40
    spans = [d for d in find_dates(text, 0, len(text), PUB) if d.text.lower().startswith("since")]
    assert len(spans) == 40
    assert {(d.start, d.end) for d in spans} == {(dt.date(2019, 2, 24), dt.date(2019, 3, 5))}
