"""Date expressions resolved against publication (and an anchor for relative ones).

Each row of the tables: sentence, published, anchor, expected start, end, precision,
source, and the words the window quotes. Every row is checked embedded in a longer text
that has dates of its own, so offsets are absolute and quote exactly the expected words.
"""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from etl.extraction.dates import article_window, best_date, find_dates, precision_of
from etl.extraction.mentions import DateWindow

D = dt.date.fromisoformat
TUE_0219, WED_0220, THU_0221 = D("2019-02-19"), D("2019-02-20"), D("2019-02-21")
FRI_0222, MON_0304 = D("2019-02-22"), D("2019-03-04")

# sentence, published, anchor, start, end, precision, source, quoted text
SEEDS = [
    ("Fighting resumed on Friday, activists said.", FRI_0222, None, "2019-02-22", "2019-02-22", "day", "weekday", "on Friday"),
    ("Coalition jets struck Hajin earlier Friday.", FRI_0222, None, "2019-02-22", "2019-02-22", "day", "weekday", "earlier Friday"),
    ("The monitor said Thursday that 12 people died.", FRI_0222, None, "2019-02-21", "2019-02-21", "day", "weekday", "Thursday"),
    ("The evacuation was paused until Wednesday.", FRI_0222, None, "2019-02-20", "2019-02-20", "day", "weekday", "Wednesday"),
    ("Talks resumed on Wednesday in Geneva.", WED_0220, None, "2019-02-20", "2019-02-20", "day", "weekday", "on Wednesday"),
    # a weekday's night is that day and the next (session 27: heldout21-24's convention)
    ("Shelling intensified on Wednesday night.", THU_0221, None, "2019-02-20", "2019-02-21", "days", "weekday", "on Wednesday night"),
    ("Thousands fled the town last weekend.", THU_0221, None, "2019-02-16", "2019-02-17", "days", "relative", "last weekend"),
    ("Rockets hit the market on Monday.", THU_0221, None, "2019-02-18", "2019-02-18", "day", "weekday", "on Monday"),
    ("Families have left in recent days.", THU_0221, None, "2019-02-15", "2019-02-21", "days", "relative", "in recent days"),
    ("Strikes hit the camp on March 3, officials said.", MON_0304, None, "2019-03-03", "2019-03-03", "day", "explicit", "on March 3"),
    ("Military operations restarted Friday.", MON_0304, None, "2019-03-01", "2019-03-01", "day", "weekday", "Friday"),
    ("A day later, the convoy left.", MON_0304, D("2019-03-01"), "2019-03-02", "2019-03-02", "day", "relative", "A day later"),
    ("Three days after the strike, militants attacked a base.", MON_0304, D("2019-03-01"), "2019-03-04", "2019-03-04", "day", "relative", "Three days after"),
    ("Since Feb. 20, an estimated 15,000 people have left.", MON_0304, None, "2019-02-20", "2019-03-04", "weeks", "relative", "Since Feb. 20"),
    ("In past weeks, thousands arrived at the camp.", MON_0304, None, "2019-02-05", "2019-03-04", "weeks", "relative", "In past weeks"),
    ("The SDF said on Monday it had evacuated people.", MON_0304, None, "2019-03-04", "2019-03-04", "day", "weekday", "on Monday"),
    ("On Tuesday, the army advanced.", TUE_0219, None, "2019-02-19", "2019-02-19", "day", "weekday", "On Tuesday"),
    ("The town was bombed on Monday.", TUE_0219, None, "2019-02-18", "2019-02-18", "day", "weekday", "on Monday"),
    ("The siege began in December.", TUE_0219, None, "2018-12-01", "2018-12-31", "months", "explicit", "in December"),
    ("The group seized the town in 2014.", TUE_0219, None, "2014-01-01", "2014-12-31", "months", "explicit", "in 2014"),
    ("Under a September ceasefire, the guns fell silent.", TUE_0219, None, "2018-09-01", "2018-09-30", "months", "explicit", "September"),
]  # fmt: skip

EXPLICIT = [
    ("The attack on Dec. 28 killed 20.", D("2020-01-03"), None, "2019-12-28", "2019-12-28", "day", "explicit", "on Dec. 28"),
    ("It fell on March 3, 2018, after a long siege.", MON_0304, None, "2018-03-03", "2018-03-03", "day", "explicit", "on March 3, 2018"),
    ("Troops entered the town 3 March.", MON_0304, None, "2019-03-03", "2019-03-03", "day", "explicit", "3 March"),
    ("It was signed on 3 March 2019 in Doha.", MON_0304, None, "2019-03-03", "2019-03-03", "day", "explicit", "on 3 March 2019"),
    ("The talks broke down Feb 20 in Geneva.", MON_0304, None, "2019-02-20", "2019-02-20", "day", "explicit", "Feb 20"),
    ("The ceasefire of Sept. 9 collapsed.", MON_0304, None, "2018-09-09", "2018-09-09", "day", "explicit", "Sept. 9"),
    ("The offensive began 20 February.", MON_0304, None, "2019-02-20", "2019-02-20", "day", "explicit", "20 February"),
    ("The bridge was destroyed on the 14th, residents said.", MON_0304, None, "2019-02-14", "2019-02-14", "day", "explicit", "on the 14th"),
    ("The bridge was destroyed on the 2nd.", MON_0304, None, "2019-03-02", "2019-03-02", "day", "explicit", "on the 2nd"),
    ("It happened on the 3rd of March.", MON_0304, None, "2019-03-03", "2019-03-03", "day", "explicit", "on the 3rd of March"),
    ("The report is dated 2019-03-03.", MON_0304, None, "2019-03-03", "2019-03-03", "day", "explicit", "2019-03-03"),
    ("Strikes resumed on Friday, March 1.", MON_0304, None, "2019-03-01", "2019-03-01", "day", "explicit", "on Friday, March 1"),
    ("The airlift ends with the Aug. 31 deadline.", D("2021-08-27"), None, "2021-08-31", "2021-08-31", "day", "explicit", "Aug. 31"),
    ("Gunmen struck on Christmas Eve.", D("2023-01-05"), None, "2022-12-24", "2022-12-24", "day", "explicit", "on Christmas Eve"),
    ("A car bomb exploded on Christmas Day.", D("2019-12-30"), None, "2019-12-25", "2019-12-25", "day", "explicit", "on Christmas Day"),
    ("Fireworks turned to gunfire on New Year's Day.", D("2020-01-03"), None, "2020-01-01", "2020-01-01", "day", "explicit", "on New Year's Day"),
]  # fmt: skip

MONTHS_AND_YEARS = [
    ("The offensive started in early March.", D("2019-03-20"), None, "2019-03-01", "2019-03-10", "weeks", "explicit", "in early March"),
    ("Clashes flared in late February.", MON_0304, None, "2019-02-21", "2019-02-28", "weeks", "explicit", "in late February"),
    ("The city has been encircled since mid-March.", D("2019-03-25"), None, "2019-03-11", "2019-03-25", "weeks", "relative", "since mid-March"),
    ("Killings peaked at the end of March.", D("2022-04-05"), None, "2022-03-21", "2022-03-31", "weeks", "explicit", "at the end of March"),
    ("More than 1,200 were evacuated this month.", MON_0304, None, "2019-03-01", "2019-03-04", "days", "explicit", "this month"),
    ("Aid deliveries stopped last month.", MON_0304, None, "2019-02-01", "2019-02-28", "months", "explicit", "last month"),
    ("The war started in April last year.", D("2024-03-12"), None, "2023-04-01", "2023-04-30", "months", "explicit", "in April last year"),
    ("The war started in April.", D("2024-03-12"), None, "2023-04-01", "2023-04-30", "months", "explicit", "in April"),
    ("The town fell in June 2014.", MON_0304, None, "2014-06-01", "2014-06-30", "months", "explicit", "in June 2014"),
    ("Raids intensified late last year.", MON_0304, None, "2018-09-01", "2018-12-31", "months", "explicit", "late last year"),
    ("The town fell in mid-2018.", MON_0304, None, "2018-05-01", "2018-08-31", "months", "explicit", "in mid-2018"),
    ("The camp has grown since the start of the year.", D("2025-01-27"), None, "2025-01-01", "2025-01-27", "weeks", "relative", "since the start of the year"),
    ("The militants besieged the town since mid-September.", D("2015-01-26"), None, "2014-09-11", "2015-01-26", "months", "relative", "since mid-September"),
    ("More than 100 have died since December.", D("2019-03-12"), None, "2018-12-01", "2019-03-12", "months", "relative", "since December"),
    ("It has been the group's capital since 2014.", D("2017-10-17"), None, "2014-01-01", "2017-10-17", "months", "relative", "since 2014"),
]  # fmt: skip

WEEKDAYS_AND_DAYS = [
    ("Fighters poured into the city late Sunday.", FRI_0222, None, "2019-02-17", "2019-02-17", "day", "weekday", "late Sunday"),
    ("Friday's attack killed nine.", MON_0304, None, "2019-03-01", "2019-03-01", "day", "weekday", "Friday"),
    ("Jets struck the town overnight Friday.", MON_0304, None, "2019-03-01", "2019-03-01", "day", "weekday", "overnight Friday"),
    ("The ceasefire took effect on Tuesday morning.", THU_0221, None, "2019-02-19", "2019-02-19", "day", "weekday", "on Tuesday morning"),
    ("The convoy left last Friday.", FRI_0222, None, "2019-02-15", "2019-02-15", "day", "weekday", "last Friday"),
    ("Rebels shelled the port today.", THU_0221, None, "2019-02-21", "2019-02-21", "day", "relative", "today"),
    ("The army said yesterday it had retaken the hill.", THU_0221, None, "2019-02-20", "2019-02-20", "day", "relative", "yesterday"),
    ("Israeli tanks rolled into Rafah overnight.", THU_0221, None, "2019-02-20", "2019-02-21", "days", "relative", "overnight"),
]  # fmt: skip

RELATIVE = [
    ("The next day, militants attacked the base.", MON_0304, D("2019-03-01"), "2019-03-02", "2019-03-02", "day", "relative", "The next day"),
    ("Elders left the following day.", MON_0304, D("2019-03-01"), "2019-03-02", "2019-03-02", "day", "relative", "the following day"),
    ("Two days later, the bridge fell.", MON_0304, D("2019-02-20"), "2019-02-22", "2019-02-22", "day", "relative", "Two days later"),
    ("Several days later, the camp emptied.", MON_0304, D("2019-02-20"), "2019-02-21", "2019-02-26", "days", "relative", "Several days later"),
    ("Three days earlier, shelling killed seven.", D("2020-02-06"), D("2020-02-06"), "2020-02-03", "2020-02-03", "day", "relative", "Three days earlier"),
    ("A second blast hit the market that day.", MON_0304, D("2019-03-01"), "2019-03-01", "2019-03-01", "day", "relative", "that day"),
    ("A day later, families began leaving.", MON_0304, None, "2019-03-04", "2019-03-04", "day", "relative", "A day later"),
    ("The army advanced last week.", MON_0304, None, "2019-02-25", "2019-03-03", "days", "relative", "last week"),
    ("The army advanced this week.", THU_0221, None, "2019-02-18", "2019-02-21", "days", "relative", "this week"),
    ("The army advanced earlier this week.", THU_0221, None, "2019-02-18", "2019-02-21", "days", "relative", "earlier this week"),
    ("Some 45,000 have fled since Friday.", MON_0304, None, "2019-03-01", "2019-03-04", "days", "relative", "since Friday"),
    ("Talks have stalled since last week.", MON_0304, None, "2019-02-25", "2019-03-04", "weeks", "relative", "since last week"),
    ("Hundreds left in the past few weeks.", MON_0304, None, "2019-02-05", "2019-03-04", "weeks", "relative", "in the past few weeks"),
    ("Strikes grew in recent weeks.", MON_0304, None, "2019-02-05", "2019-03-04", "weeks", "relative", "in recent weeks"),
    ("Hundreds left in the past few days.", MON_0304, None, "2019-02-26", "2019-03-04", "days", "relative", "in the past few days"),
    ("Prices tripled over the past month.", MON_0304, None, "2019-02-01", "2019-03-04", "weeks", "relative", "over the past month"),
    ("Shelling killed 12 in the past 24 hours.", MON_0304, None, "2019-03-03", "2019-03-04", "days", "relative", "in the past 24 hours"),
    ("The road has been cut for more than a week.", MON_0304, None, "2019-02-25", "2019-03-04", "weeks", "relative", "for more than a week"),
    ("Fighters have blockaded Djibo for more than a year.", D("2023-02-21"), None, "2022-02-21", "2023-02-21", "months", "relative", "for more than a year"),
    ("The strike happened two days ago.", MON_0304, None, "2019-03-02", "2019-03-02", "day", "relative", "two days ago"),
    ("The strike happened a week ago.", MON_0304, None, "2019-02-22", "2019-02-28", "days", "relative", "a week ago"),
    ("The strike happened three weeks ago.", MON_0304, None, "2019-02-08", "2019-02-14", "days", "relative", "three weeks ago"),
    ("The strike happened a few weeks ago.", MON_0304, None, "2019-01-28", "2019-02-18", "weeks", "relative", "a few weeks ago"),
    ("Thousands fled last weekend.", D("2019-02-23"), None, "2019-02-16", "2019-02-17", "days", "relative", "last weekend"),
    ("Thousands fled last weekend.", D("2019-02-24"), None, "2019-02-16", "2019-02-17", "days", "relative", "last weekend"),
    ("Thousands fled last weekend.", D("2019-02-25"), None, "2019-02-23", "2019-02-24", "days", "relative", "last weekend"),
    ("Thousands fled over the weekend.", D("2019-02-24"), None, "2019-02-23", "2019-02-24", "days", "relative", "over the weekend"),
    ("Shelling continued earlier in the day.", MON_0304, None, "2019-03-04", "2019-03-04", "day", "relative", "earlier in the day"),
]  # fmt: skip

CASES = SEEDS + EXPLICIT + MONTHS_AND_YEARS + WEEKDAYS_AND_DAYS + RELATIVE

NO_DATES = [
    "",
    "Aid groups estimate that up to 100,000 civilians remain trapped in the Old City.",
    "Friday prayers were cancelled across the province.",
    "The group vowed to attack again next Friday.",
    "Hours after the blast, crowds gathered at the hospital.",
    "Rebels said they would withdraw tomorrow.",
    "The May government has not commented.",
    "At least 2014 people were counted at the camp.",
    "The hearing was held at Mar-a-Lago.",
    "Aid will arrive in the coming days.",
]


def _embedded(sentence: str) -> tuple[str, int, int]:
    """The sentence inside a longer text with dates of its own, and its bounds."""
    head, tail = "On Monday, 3 March 2011, it began.\n\n", " The talks of last week failed."
    return head + sentence + tail, len(head), len(head) + len(sentence)


@pytest.mark.parametrize(
    ("sentence", "published", "anchor", "start", "end", "precision", "source", "quoted"), CASES
)
def test_expression_resolves_to_window(
    sentence, published, anchor, start, end, precision, source, quoted
):
    text, lo, hi = _embedded(sentence)
    windows = find_dates(text, lo, hi, published, anchor)
    got = [(str(w.start), str(w.end), w.precision, w.source, w.text) for w in windows]
    assert got == [(start, end, precision, source, quoted)]
    (w,) = windows
    assert text[w.char_start : w.char_end] == w.text
    assert w.char_start == text.index(quoted, lo)


@pytest.mark.parametrize("case", CASES)
def test_precision_matches_window_and_only_explicit_dates_pass_publication(case):
    sentence, published, anchor = case[:3]
    for w in find_dates(sentence, 0, len(sentence), published, anchor):
        assert w.start <= w.end
        assert w.precision == precision_of(w.start, w.end)
        assert w.end <= published or w.source == "explicit"


@pytest.mark.parametrize("sentence", NO_DATES)
def test_sentence_without_a_date_gives_none(sentence):
    assert find_dates(sentence, 0, len(sentence), MON_0304) == []


def test_two_dates_in_one_sentence_come_in_order():
    sentence = "Militants who stormed the prison on Thursday were still fighting on Monday."
    text, lo, hi = _embedded(sentence)
    windows = find_dates(text, lo, hi, D("2022-01-24"))
    assert [(w.text, str(w.start)) for w in windows] == [
        ("on Thursday", "2022-01-20"),
        ("on Monday", "2022-01-24"),
    ]
    assert all(text[w.char_start : w.char_end] == w.text for w in windows)


def test_explicit_and_relative_dates_in_one_sentence():
    sentence = "The strike on March 3 was followed two days later by raids that have gone on since Feb. 20."
    got = find_dates(sentence, 0, len(sentence), MON_0304, D("2019-03-03"))
    assert [(w.text, str(w.start), str(w.end)) for w in got] == [
        ("on March 3", "2019-03-03", "2019-03-03"),
        ("two days later", "2019-03-04", "2019-03-04"),  # anchor + 2 is after publication: clipped
        ("since Feb. 20", "2019-02-20", "2019-03-04"),
    ]


def test_only_the_given_sentence_is_searched():
    text = "Rockets hit on Monday. Talks resumed on Tuesday. Shelling on Wednesday."
    lo, hi = text.index("Talks"), text.index(" Shelling")
    windows = find_dates(text, lo, hi, FRI_0222)
    assert [(w.text, w.char_start) for w in windows] == [("on Tuesday", text.index("on Tuesday"))]


@pytest.mark.parametrize(
    ("start", "end"), [(5, 5), (9, 2), (-40, 30), (0, 10_000), (10_000, 20_000)]
)
def test_odd_offsets_are_clipped(start, end):
    text = "Fighting resumed on Friday."
    for w in find_dates(text, start, end, FRI_0222):
        assert max(0, start) <= w.char_start <= w.char_end <= min(len(text), end)
        assert text[w.char_start : w.char_end] == w.text


def test_datetime_publication_and_anchor_are_accepted():
    text = "A day later, on Friday, it ended."
    got = find_dates(text, 0, len(text), dt.datetime(2019, 3, 4, 12), dt.datetime(2019, 3, 1, 8))
    assert [(w.text, w.start) for w in got] == [
        ("A day later", D("2019-03-01")),  # the sentence's own date beats the count
        ("on Friday", D("2019-03-01")),
    ]


def test_article_window_runs_up_to_publication():
    assert article_window(MON_0304) == DateWindow(D("2019-03-01"), MON_0304, "days", "article")
    assert article_window(MON_0304, days=0).precision == "day"


def test_best_date_is_the_narrowest_and_first_of_equals():
    wide = DateWindow(D("2019-02-01"), D("2019-03-04"), "weeks", "relative")
    day1 = DateWindow(D("2019-03-01"), D("2019-03-01"), "day", "weekday")
    day2 = DateWindow(D("2019-03-02"), D("2019-03-02"), "day", "relative")
    assert best_date([wide, day1, day2]) is day1
    assert best_date([]) is None


PRECISIONS = [
    ("2019-03-04", "2019-03-04", "day"),
    ("2019-03-03", "2019-03-04", "days"),
    ("2019-02-26", "2019-03-04", "days"),
    ("2019-02-25", "2019-03-04", "weeks"),
    ("2019-01-01", "2019-03-03", "weeks"),
    ("2019-01-01", "2019-03-04", "months"),
    ("2019-02-01", "2019-02-28", "months"),  # a whole calendar month, whatever its length
]  # fmt: skip


@pytest.mark.parametrize(("start", "end", "precision"), PRECISIONS)
def test_precision_follows_window_length(start, end, precision):
    assert precision_of(D(start), D(end)) == precision


PHRASES = (
    [c[0] for c in CASES]
    + NO_DATES
    + ["Feb. 30", "on the 31st,", "0000-00-00", "9999-12-31", "May 2019", "mid-"]
)


@settings(max_examples=400, deadline=None)
@given(
    pieces=st.lists(st.one_of(st.text(max_size=30), st.sampled_from(PHRASES)), max_size=6),
    start=st.integers(-50, 600),
    end=st.integers(-50, 600),
    published=st.dates(),
    anchor=st.none() | st.dates(),
)
def test_never_raises_and_spans_quote_the_text(pieces, start, end, published, anchor):
    text = " ".join(pieces)
    for w in find_dates(text, start, end, published, anchor):
        assert max(0, start) <= w.char_start <= w.char_end <= min(len(text), end)
        assert text[w.char_start : w.char_end] == w.text
        assert w.start <= w.end and w.precision == precision_of(w.start, w.end)
        assert w.end <= published or w.source == "explicit"


# At the ends of the calendar, phrases that count days from publication or the anchor have no
# day to land on: they keep their words and get the article's window, never an exception.
EDGES = [
    ("Three days ago, rockets hit.", dt.date.min, None, "0001-01-01", "0001-01-01", "Three days ago"),
    ("A day later, the convoy left.", dt.date.max, dt.date.max, "9999-12-28", "9999-12-31", "A day later"),
    ("Rockets hit on Feb. 30, residents said.", MON_0304, None, "2019-03-01", "2019-03-04", "on Feb. 30"),
]  # fmt: skip


@pytest.mark.parametrize(("sentence", "published", "anchor", "start", "end", "quoted"), EDGES)
def test_a_phrase_with_no_real_day_keeps_its_words(sentence, published, anchor, start, end, quoted):
    (window,) = find_dates(sentence, 0, len(sentence), published, anchor)
    assert (str(window.start), str(window.end), window.source, window.text) == (
        start,
        end,
        "article",
        quoted,
    )


@pytest.mark.parametrize(
    ("published", "start"),
    [(dt.date.min, "0001-01-01"), (D("0001-01-02"), "0001-01-01"), (dt.date.max, "9999-12-28")],
)
def test_article_window_stops_at_the_start_of_the_calendar(published, start):
    window = article_window(published)
    assert (str(window.start), window.end) == (start, published)


RELATIVE_PHRASES = [
    "A day later,", "three days ago", "a few weeks ago", "last weekend", "the next day", "the day before",
    "in recent weeks", "over the past month", "for more than a week", "since Feb. 20", "last week",
    "earlier this week", "last month", "late last year", "on Friday", "yesterday", "overnight",
    "two weeks earlier", "days later", "on the 31st,", "in December", "on Christmas Day", "Feb. 30",
]  # fmt: skip
CALENDAR_ENDS = st.sampled_from(
    [
        dt.date.min,
        dt.date.min + dt.timedelta(days=2),
        dt.date.max - dt.timedelta(days=2),
        dt.date.max,
    ]
)


@settings(max_examples=400, deadline=None)
@given(
    phrases=st.lists(st.sampled_from(RELATIVE_PHRASES), min_size=1, max_size=4),
    published=CALENDAR_ENDS | st.dates(),
    anchor=st.none() | CALENDAR_ENDS | st.dates(),
)
def test_relative_phrases_never_raise_for_any_publication_date(phrases, published, anchor):
    text = " and ".join(phrases) + "."
    windows = find_dates(text, 0, len(text), published, anchor)
    assert windows, "every phrase dates something, or keeps its words"
    for w in windows:
        assert w.start <= w.end and w.precision == precision_of(w.start, w.end)
        assert text[w.char_start : w.char_end] == w.text
        assert w.end <= published or w.source == "explicit"
    assert article_window(published).end == published


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("On 3 and 4 March, clashes took place.", ("On 3 and 4 March", "2019-03-03", "2019-03-04")),
        ("Shelling went on from 1 to 3 March.", ("from 1 to 3 March", "2019-03-01", "2019-03-03")),
        (
            "Between 9 and 12 February, raids hit the town.",
            ("Between 9 and 12 February", "2019-02-09", "2019-02-12"),
        ),
        ("On Feb. 27-28 the camp emptied.", ("On Feb. 27-28", "2019-02-27", "2019-02-28")),
        ("On 2–3 March 2018, a convoy left.", ("On 2–3 March 2018", "2018-03-02", "2018-03-03")),
        (
            "Overnight on 2 March, drones struck.",
            ("Overnight on 2 March", "2019-03-02", "2019-03-02"),
        ),
    ],
)
def test_day_ranges_and_night_of_an_explicit_day(sentence, expected):
    (got,) = find_dates(sentence, 0, len(sentence), D("2019-03-04"))
    assert (got.text, str(got.start), str(got.end)) == expected
    assert got.source == "explicit"


def test_a_backwards_day_range_is_not_a_range():
    s = "Talks ran 5-3 March, officials said."
    assert [(w.text, str(w.start)) for w in find_dates(s, 0, len(s), D("2019-03-04"))] == [
        ("3 March", "2019-03-03")
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "On Monday’s 3rd day, İstanbul ſunday \u212aelvin WEEK-end ago.",
        "Ménaka, 12 March 2019: LATER that week\ud800days before",
        "".join(chr(i) for i in range(0x3000)),
        "",
    ],
)
def test_date_keys_are_the_a_to_z_runs_of_the_lower_cased_sentence(sentence):
    from etl.extraction.date_patterns import _DIGIT, _WORD, _YEARISH
    from etl.extraction.dates import _RANGE_HINT, _STAMP_MARKS, _TRIGGERS, _keys

    expected = set(_WORD.findall(sentence.lower())) & _TRIGGERS
    if _DIGIT.search(sentence):
        expected |= {"#d", "#y"} if _YEARISH.search(sentence) else {"#d"}
        expected |= {"#r"} if _RANGE_HINT.search(sentence) else set()
    if any(mark in sentence for mark in _STAMP_MARKS):  # a stamp's end (session 25)
        expected.add("#:")
    assert _keys(sentence) == expected


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet="0123456789 ZJKLUNSEPTAGDOCVBRMYé\u00a0x-/.", max_size=40))
def test_the_military_date_sign_finds_what_its_first_form_found(sentence):
    """The sign's '\\d' written once before the alternation (faster) matches the same
    sentences as the pattern with one alternative per form."""
    import re

    from etl.extraction.date_patterns import _DTG_HINT, _MIL_MONTHS

    # as first written, one alternative per form
    first = re.compile(rf"\d\s?(?:[A-IK-Z]\s?)?(?:{_MIL_MONTHS})|\d{{6}}[A-IK-Z]\b")
    assert (_DTG_HINT.search(sentence) is None) == (first.search(sentence) is None)
    for case in (
        "141030ZJUN17",
        "141030Z JUN 17",
        "3 SEPT",
        "1J DEC",
        "123456K",
        "12345K",
        "1234567",
    ):
        assert (_DTG_HINT.search(case) is None) == (first.search(case) is None), case
