"""The windows a sentence gets when no phrase dates it exactly (etl.extraction.dates): the
article's window up to publication, the narrowest of several, and the window of a sentence
right after a dated one. Pure."""

from __future__ import annotations

import datetime as dt

from etl.extraction.date_resolvers import precision_of
from etl.extraction.mentions import DateWindow

_DAY = dt.timedelta(days=1)


def article_window(published: dt.date, days: int = 3) -> DateWindow:
    """What the article allows when nothing dates a sentence: the days up to publication
    (fewer at the very start of the calendar, where there are none before)."""
    try:
        start = published - max(0, days) * _DAY
    except OverflowError:
        start = dt.date.min
    return DateWindow(start, published, precision_of(start, published), "article")


def best_date(windows: list[DateWindow]) -> DateWindow | None:
    """The most specific window (narrowest; the first of equals), or None."""
    return min(windows, key=lambda w: w.end - w.start, default=None)


def undated_window(published: dt.date, anchor: dt.date | None, since_anchor: int) -> DateWindow:
    """The window of a sentence no date phrase dates: the article's window, or, right after
    a sentence (since_anchor == 1) dated to a day before publication, from that day to
    publication when that is narrower ('On 26 January, gunmen attacked Gasseliki. Around
    3.000 people fled.': 26-28 January for a note of the 28th)."""
    window = article_window(published)
    if anchor is None or since_anchor != 1 or not window.start < anchor < published:
        return window
    return DateWindow(anchor, published, precision_of(anchor, published), "article")


def after_spell(spell: DateWindow | None, since_spell: int) -> DateWindow | None:
    """'Between 1 and 4 February, 7.200 people left. 11 children died on the way.': a
    sentence with no date right after (since_spell == 1) one dated by an explicit span of
    days takes that span, marked as the article's reading (source "article")."""
    if spell is None or since_spell != 1:
        return None
    return DateWindow(spell.start, spell.end, spell.precision, "article")
