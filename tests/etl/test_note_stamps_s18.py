"""A note's own day (issue 8, session 18): the day a record is stamped with, read by where it
stands, and the day its relative words count from.

- a yearless day and month in digits ('19/6', '13.12') is read where a record writes its day:
  a field of its own ('• 19/6 •'), the end of a heading before its colon ('ALERT Kaduna 20/10:'),
  after a weekday ('Sunday 13/12'); elsewhere '3/4' is a fraction and '3.5' a number;
- a heading that a day ends after a comma dates the record wherever in its line the day stands
  ('FIR 211/16, PS Saddar, Mastung, 16-09-2016'), but not a sentence's own day ('..., on 3 March.');
- a stamped record speaks as of its stamp: 'yesterday', 'this morning', 'last night' count from
  the stamp, and such a word (or a weekday) of the record's own text dates its event before the
  stamp does.

Notes written for this test (invented places and outlets' styles, real towns of the gazetteer).
"""

from __future__ import annotations

import datetime as dt

import pytest

from etl.extraction.date_resolvers import field_day_shape
from etl.extraction.date_windows import own_day, stamp_day
from etl.extraction.dates import find_dates
from etl.extraction.extract import ArticleInput, Extractor
from etl.extraction.mentions import DateWindow
from etl.extraction.record_shape import heads_record

PUB = dt.date(2019, 8, 15)


def _days(text: str, published: dt.date = PUB) -> list[tuple[dt.date, dt.date, str]]:
    return [(d.start, d.end, d.text) for d in find_dates(text, 0, len(text), published)]


def _mention(extractor: Extractor, text: str, published: dt.date = PUB):
    mentions, _ = extractor.extract(ArticleInput("s18", text, published))
    assert mentions, text
    return mentions[0]


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("⚫ Jasim ◆ 13/8 ◆ Gunmen shot a teacher near the bakery", dt.date(2019, 8, 13)),
        ("FLASH Nawa 12/8: mortar fire hit the market", dt.date(2019, 8, 12)),
        ("Bulletin 204/2019, 11/8: a bomb went off in a car", dt.date(2019, 8, 11)),
        ("Bulletin ◆ 11.8 ◆ a bomb went off in a car", dt.date(2019, 8, 11)),
        ("Southern Front Command, order #12, Tuesday 13/8", dt.date(2019, 8, 13)),
        # up to a month after publication is read ahead, as any yearless day is
        ("FLASH Nawa 20/8: mortar fire hit the market", dt.date(2019, 8, 20)),
        # earlier in the year than publication: the same year; later: the year before
        ("FLASH Nawa 2/3: mortar fire hit the market", dt.date(2019, 3, 2)),
        ("FLASH Nawa 28/12: mortar fire hit the market", dt.date(2018, 12, 28)),
    ],
)
def test_a_yearless_day_where_a_record_writes_its_day(text, day):
    assert any(start == end == day for start, end, _ in _days(text))


@pytest.mark.parametrize(
    "text",
    [
        "About 3/4 of the houses in the village were damaged by the shelling",
        "The rebels held 2/3 of the town after a week of fighting",
        "A 3.5 km stretch of the road was mined, the engineers said",
        "They fought 24/7 along the front, officers said",
        "Report 12/8 of the council was read out at the meeting in the town hall",
        "Sirens sounded at 12.03: nobody moved from the shelters",
    ],
)
def test_a_fraction_or_a_number_is_no_day(text):
    assert all(start.month != 8 or start.day not in (3, 12) for start, _, _ in _days(text))
    assert not any("/" in t or "." in t for _, _, t in _days(text))


def test_the_shape_of_a_field_day():
    text = "⚫ Jasim ◆ 13/8 ◆ Gunmen shot a teacher"
    at = text.index("13/8")
    assert field_day_shape(text, at, at + 4)
    prose = "Gunmen shot a teacher and 13/8 of the pupils fled"
    at = prose.index("13/8")
    assert not field_day_shape(prose, at, at + 4)


def test_a_heading_a_day_ends_after_a_comma_dates_the_record_wherever_it_stands():
    text = "FIR 77/19, PS Cantonment, Quetta, 14-08-2019\nA grenade was thrown into a shop."
    at = text.index("14-08")
    stop = text.index("\n")
    assert heads_record(text, 0, stop, at, at + len("14-08-2019"))
    caption = "Smoke rises over the old town of Hajin, in Syria, on March 3. More text follows."
    at = caption.index("on March 3")
    assert not heads_record(caption, 0, caption.index(".") + 1, at, at + len("on March 3"))


def test_a_stamp_speaks_as_of_its_day_within_a_week():
    stamp = DateWindow(dt.date(2019, 8, 13), dt.date(2019, 8, 13), "day", "explicit", "13/8")
    assert stamp_day(stamp, PUB) == dt.date(2019, 8, 13)
    assert stamp_day(stamp, dt.date(2019, 8, 13)) is None  # publication's own day: no change
    assert stamp_day(stamp, dt.date(2019, 9, 13)) is None  # a month old: not the text's day
    spell = DateWindow(dt.date(2019, 8, 12), dt.date(2019, 8, 13), "days", "explicit", "12-13/8")
    assert stamp_day(spell, PUB) is None


def test_a_day_word_of_the_entry_dates_its_event_before_the_stamp():
    stamp = DateWindow(dt.date(2019, 8, 13), dt.date(2019, 8, 13), "day", "explicit", "13/8")
    word = DateWindow(dt.date(2019, 8, 12), dt.date(2019, 8, 12), "day", "relative", "yesterday")
    step = DateWindow(dt.date(2019, 8, 14), dt.date(2019, 8, 14), "day", "relative", "the next day")
    assert own_day([stamp, word], stamp) == [word]
    assert own_day([stamp, step], stamp) == [stamp, step]  # a step is no day of its own
    assert own_day([stamp, word], None) == [stamp, word]


@pytest.mark.parametrize(
    ("text", "first", "last"),
    [
        # the yearless stamp of a post, publication the next day
        ("⚫ Jasim ◆ 13/8 ◆ Gunmen killed a teacher near the bakery", (8, 13), (8, 13)),
        # 'this morning' counts from the stamp, not from publication
        ("FLASH Nawa 13/8: mortar fire hit the market this morning, 2 dead", (8, 13), (8, 13)),
        # 'yesterday' of the stamped entry: the day before the stamp
        (
            "Bulletin 204/2019, 13/8: a bomb went off in a car yesterday, killing 1",
            (8, 12),
            (8, 12),
        ),
        # 'last night' before a stamp: the night into the stamp's day
        ("FLASH Nawa 13/8: shelling of the town last night killed 3", (8, 12), (8, 13)),
        # the heading's stamp dates the next line's event, and 'today' there is its day
        (
            "Southern Front Command, order #12, Tuesday 13/8\nOur units repelled an attack on "
            "Nawa at dawn today and killed 9 attackers.",
            (8, 13),
            (8, 13),
        ),
        (
            "FIR 77/19, PS Cantonment, Nawa, 13-08-2019\nA grenade was thrown into a shop.",
            (8, 13),
            (8, 13),
        ),
        # a weekday of the entry's own text before the stamp
        ("Bureau, 14/08/2019 : Police arrested two men in Nawa on Monday.", (8, 12), (8, 12)),
    ],
)
def test_a_note_is_dated_by_its_stamp_and_its_own_words(extractor, text, first, last):
    m = _mention(extractor, text)
    assert (m.date.start, m.date.end) == (dt.date(2019, *first), dt.date(2019, *last))
