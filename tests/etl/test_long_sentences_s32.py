"""Session 32: no span the extractor reads as one sentence is longer than MAX_SENTENCE.

A text with no sentence end (a pasted table, a transcript without full stops) was one
sentence of up to MAX_CHARS, and some date rules grow faster than a sentence's length
(session 32's review, `scripts/bench_long_input.py step`: 20 KB took 41 s, 50 KB over
600 s). `capped` cuts such a span after a clause mark or at a space; spans within the limit
(every sentence of the seeds and the development sets) are left as they are.
"""

from __future__ import annotations

import datetime as dt

from etl.extraction.extract import ArticleInput
from etl.extraction.sentences import MAX_SENTENCE, capped, split_sentences


def _pieces(text: str, limit: int) -> list[str]:
    return [text[a:b] for a, b in capped(text, split_sentences(text), limit)]


def test_spans_within_the_limit_are_the_same_list():
    text = "Shells hit Kafr Nabl on Monday. Two men were killed. The road stayed shut."
    spans = split_sentences(text)
    assert capped(text, spans, 40) is spans


def test_a_long_span_is_cut_after_its_last_clause_mark_in_each_pieces_second_half():
    text = "; ".join(f"clause {i} of a row with no full stop" for i in range(40))
    pieces = _pieces(text, 200)
    assert len(pieces) > 1
    assert all(len(p) <= 200 for p in pieces)
    assert all(p.endswith(";") for p in pieces[:-1])
    # every word is kept, in order
    assert " ".join(pieces).split() == text.split()


def test_a_span_with_no_clause_mark_is_cut_at_a_space_and_one_with_no_space_at_the_limit():
    words = " ".join(f"word{i}" for i in range(100))
    pieces = _pieces(words, 120)
    assert all(len(p) <= 120 for p in pieces)
    assert all(not p.startswith(" ") and p[-1].isdigit() for p in pieces)
    assert " ".join(pieces).split() == words.split()
    solid = "x" * 250
    assert _pieces(solid, 100) == ["x" * 100, "x" * 100, "x" * 50]


def test_the_extractor_reads_no_sentence_longer_than_the_cap(extractor):
    phrase = "shells hit the town two days after the strike and "
    text = "In Kafr Nabl " + phrase * (2 * MAX_SENTENCE // len(phrase) + 4)
    assert len(text) > 2 * MAX_SENTENCE
    mentions, _ = extractor.extract(
        ArticleInput("long", text, dt.date(2019, 3, 10), title="Shelling report")
    )
    assert mentions
    assert max(len(m.sentence) for m in mentions) <= MAX_SENTENCE
