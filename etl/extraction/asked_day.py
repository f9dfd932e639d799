"""A question that asks of one day dates its answer ('Q: What happened in al-Qaim on Tuesday?
A: A car bomb exploded outside a restaurant ...'): an interview or explainer names the day in
the question only, and the answer tells the event as of it. The answer's relative words and
spells ('after two days of shelling') count from the question's day, and an answer with no
date of its own is of that day. Only the sentence right after the question, opened by an
answer's mark, is read so. The marks are date_context_words.csv's lists question_mark and
answer_mark. Pure."""

from __future__ import annotations

import re

from etl.extraction.date_words import WORDS
from etl.extraction.mentions import DateWindow

_QUESTION = re.compile(
    r"\s*(?:" + "|".join(WORDS.context["question_mark"]) + r")\s*[:\u2014]", re.I
)
_ANSWER = re.compile(r"\s*(?:" + "|".join(WORDS.context["answer_mark"]) + r")\s*[:\u2014]", re.I)


def asked_day(text: str, start: int, end: int, dates: list[DateWindow]) -> DateWindow | None:
    """The one day a question at text[start:end] asks of ('Q: What happened at al-Jalama on
    Wednesday?'), or None: the sentence opens with a question's mark and ends with '?', and
    its dates are one window of one day, written or a weekday."""
    if not _QUESTION.match(text, start) or not text[start:end].rstrip().endswith("?"):
        return None
    if len(dates) != 1:
        return None
    day = dates[0]
    if day.start != day.end or day.source not in ("explicit", "weekday", "relative"):
        return None
    return DateWindow(day.start, day.end, "day", "article")


def answers(text: str, start: int) -> bool:
    """The sentence at text[start:] opens with an answer's mark ('A: ...')."""
    return _ANSWER.match(text, start) is not None


def as_asked(dates: list[DateWindow], again: list[DateWindow]) -> list[DateWindow]:
    """`dates` with their relative readings (day words, spells, steps) read again as of the
    question's day (`again`: the same sentence's dates with that day for publication)."""
    by_start = {d.char_start: d for d in again if d.source == "relative"}
    return [by_start.get(d.char_start, d) if d.source == "relative" else d for d in dates]
