"""The day an article's title says the text speaks as of ('Live: Raqqa, Friday 1 March',
'Daily roundup, 7 January 2017', 'al-Susah, 19 January 2019'), when the body does not say it.

A live blog published the morning after its day stamps its entries with clock times alone
('10:15 — a car bomb went off ...', 'this morning') and tells its day only in its title: its
entries, undated sentences and relative words are of the title's day, not of publication.
A title's day is read only as a heading's is: one day closing the title after a mark that
parts it ('Live: Iraq, Thursday 21 March', 'Syria live - Sunday 17 February'), not a day
inside a headline's sentence ('Egypt says 16 militants killed in Sinai since Friday', 'Q&A:
What happened in Shaddadi on Thursday?', 'A Sunday in Kafr Nabl'): those tell an event's day,
which the body tells again. It never dates an event itself and never beats the body's own
day of speaking (a report's '(as of 24 February 2020)', a dateline's 'SHOPIAN, April 1'):
it counts only where those are missing (etl.extraction.extract). Pure.
"""

from __future__ import annotations

import datetime as dt
import re

from etl.extraction.dates import DATELINE_DAYS, find_dates
from etl.extraction.mentions import DateWindow

#: what parts a heading's day from the name before it: a comma, colon, dash, bar or bracket
_PARTED = re.compile(r"(?:\A|[,:;(\[|—–-])\s*\Z")
#: what may follow the day at the title's end
_CLOSING = re.compile(r"[\s.)\]]*\Z")
#: the ingest's stand-in title (etl/ingest.py `_title`): the text's first line, cut
_CUT = "…"


def title_day(title: str | None, text: str, published: dt.date) -> dt.date | None:
    """The one day that closes `title` (see the module), when it is a day before publication
    and up to DATELINE_DAYS before it (a day of publication changes nothing); None for no
    title, a title the text opens with (the ingest's stand-in when none was given: the
    body's own first line, read there already), or any other title."""
    if not title or not (title := title.strip()):
        return None
    if text.lstrip().startswith(title.removesuffix(_CUT).rstrip()):
        return None
    dates = find_dates(title, 0, len(title), published)
    if not dates:
        return None
    last = dates[-1]
    if last.start != last.end or last.source not in ("explicit", "weekday"):
        return None
    if last.char_start is None or not _CLOSING.match(title, last.char_end or len(title)):
        return None
    at = _opening(dates, title)
    if not _PARTED.search(title, 0, at):
        return None
    return last.start if 0 < (published - last.start).days <= DATELINE_DAYS else None


def _opening(dates: list[DateWindow], title: str) -> int:
    """Where the closing day's words begin: a weekday right before its written day
    ('Wednesday 27.06.2018', read as two windows of one day) is part of it."""
    last = dates[-1]
    at = last.char_start or 0
    for w in reversed(dates[:-1]):
        between = title[w.char_end or 0 : at]
        if w.start != last.start or w.char_start is None or between.strip(" ,"):
            break
        at = w.char_start
    return at
