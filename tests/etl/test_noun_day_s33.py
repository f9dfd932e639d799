"""Session 33 (hP23): a happening's noun dated in its own phrase tells no happening of another
day again ('the toll of the air strikes on the Maardibsa market on 20 May has risen to 11': not
the barrel bombs of 21 May told next; h30-078). `etl/extraction/anaphora.py` refer_back."""

from __future__ import annotations

import datetime as dt

import pytest

from etl.extraction.extract import ArticleInput, Extractor


def _days(extractor: Extractor, text: str, day: dt.date) -> list[tuple[str, str, float | None]]:
    mentions, _ = extractor.extract(ArticleInput("s33-noun-day", text, day))
    return [(m.event_type, m.date.start.isoformat(), _killed(m)) for m in mentions]


def _killed(m) -> float | None:
    return max((f.low or 0 for f in m.figures if f.quantity == "killed"), default=None)


@pytest.mark.parametrize(
    ("text", "published", "day", "toll"),
    [
        (
            "The toll of the air strikes on the Maardibsa market on 20 May has risen to 11 dead, "
            "the local council said on 21 May. On the morning of 21 May, barrel bombs were "
            "dropped on Kafr Nabudah, wounding three.",
            dt.date(2019, 5, 22),
            "2019-05-20",
            11,
        ),
        (  # the day before the noun
            "Medics said the toll of the 2 June air raid on Ariha had reached 12. Warplanes "
            "struck Ariha again on 3 June, killing two.",
            dt.date(2019, 6, 5),
            "2019-06-02",
            12,
        ),
        (
            "The toll of the shelling of the Kafr Takharim school on 9 April rose to 6, the health "
            "directorate said. Shells fell on Kafr Takharim again on 10 April, wounding four.",
            dt.date(2019, 4, 12),
            "2019-04-09",
            6,
        ),
    ],
)
def test_a_toll_of_a_noun_with_its_own_day_keeps_that_day(extractor, text, published, day, toll):
    days = _days(extractor, text, published)
    assert any(d == day and k == toll for _, d, k in days), days


def test_a_noun_dated_beyond_a_clause_still_refers_back(extractor):
    """'the strike' whose sentence dates another happening after a comma is the strike told
    before (session 31's case, kept)."""
    text = (
        "An air strike hit a bus in Saada on Thursday, killing 40. The coalition said the strike "
        "targeted fighters, in response to a missile fired at Jizan on Wednesday."
    )
    days = _days(extractor, text, dt.date(2019, 6, 1))
    assert {d for t, d, _ in days if t == "airstrike"} == {"2019-05-30"}


def test_a_day_of_the_verb_after_the_noun_still_refers_back(extractor):
    """'The evacuation had begun on Wednesday': the day is the verb's, the noun the evacuation
    told before (heldout10-020's shape)."""
    text = (
        "Buses carried 400 people out of the besieged town on Friday, the Red Crescent said. "
        "The evacuation had begun on Wednesday."
    )
    days = _days(extractor, text, dt.date(2019, 6, 1))
    assert {d for t, d, _ in days if t == "evacuation"} == {"2019-05-31"}, days


def test_the_nouns_phrase_and_clause_words_are_read_from_the_table(monkeypatch):
    """Session 33 (hR23): the words that open the noun's own phrase or a clause after it are
    date_context_words.csv's (noun_day_preposition, noun_day_clause), not the module's: a word
    the table gains is read."""
    import importlib

    from etl.extraction import anaphora
    from etl.extraction.date_words import WORDS

    assert anaphora._NOUN_TAIL.fullmatch(" targeting the Maardibsa market ")
    assert anaphora._NOUN_TAIL.fullmatch(" beside the Maardibsa market ") is None
    assert anaphora._CLAUSE_MARK.search(" whereupon the ") is None
    for name, word in (("noun_day_preposition", "beside"), ("noun_day_clause", "whereupon")):
        monkeypatch.setitem(WORDS.context, name, (*WORDS.context[name], word))
    try:
        read = importlib.reload(anaphora)
        assert read._NOUN_TAIL.fullmatch(" beside the Maardibsa market ")
        assert read._CLAUSE_MARK.search(" whereupon the ")
    finally:
        monkeypatch.undo()
        importlib.reload(anaphora)
