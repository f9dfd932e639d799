"""Issue 8, session 19 (hNt7): a record's heading of a name and a day ('Daily report 14
August 2019.', 'Western Sector Operations Command, communiqué #7, Wednesday 14/8') dates the
undated entries below it, as a stamp does, whatever its marks; a day told in a later sentence
('... yesterday') takes over from the heading. Notes written for this test (invented outlets'
styles, real towns of the gazetteer)."""

from __future__ import annotations

import datetime as dt

import pytest

from etl.extraction.date_windows import heading_day
from etl.extraction.dates import find_dates
from etl.extraction.extract import ArticleInput, Extractor

PUB = dt.date(2019, 8, 15)


def _heading(text: str) -> dt.date | None:
    first = text.split("\n")[0] if "\n" in text else text[: text.index(".") + 1]
    stop = len(first)
    day = heading_day(find_dates(text, 0, stop, PUB), text, 0, stop)
    return day.start if day else None


def _dates(extractor: Extractor, text: str) -> list[tuple[str, dt.date, dt.date]]:
    mentions, _ = extractor.extract(ArticleInput("s19", text, PUB))
    return [(m.event_type, m.date.start, m.date.end) for m in mentions]


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("Daily report 14 August 2019.\nObservers saw shelling near Nawa.", dt.date(2019, 8, 14)),
        (
            "Western Sector Operations Command, communiqué #7, Wednesday 14/8\n"
            "Our forces repelled an attack on Nawa.",
            dt.date(2019, 8, 14),
        ),
        ("Nawa bulletin — 15 Aug. — 09:40 h.\nGunmen fired on a bus.", dt.date(2019, 8, 15)),
        # not a heading: the day is governed by the sentence ('on ...'), or nothing follows
        ("Clashes resumed on 14 August 2019.\nThree were killed.", None),
        ("Daily report 14 August 2019.", None),
        # two days in the line: a span or two events, no one day
        ("Daily report 12 August 2019 to 14 August 2019.\nShelling near Nawa.", None),
    ],
)
def test_the_day_of_a_heading(text: str, day: dt.date | None) -> None:
    assert _heading(text) == day


def test_a_heading_dates_the_entry_below_it(extractor: Extractor) -> None:
    text = "Daily report 13 August 2019.\nMortar shells hit the market of Nawa, killing 2 people."
    assert {(a, b) for _, a, b in _dates(extractor, text)} == {(dt.date(2019, 8, 13),) * 2}
    text = (
        "Southern Front Command, communiqué #12, Thursday 15/8\n"
        "Our forces repelled an attack on Nawa and 4 attackers were killed."
    )
    assert {(a, b) for _, a, b in _dates(extractor, text)} == {(PUB, PUB)}


def test_a_later_day_takes_over_from_the_heading(extractor: Extractor) -> None:
    text = (
        "PRESS NOTE — For release — 15 August 2019. The council condemns the shelling of the "
        "Nawa clinic yesterday. Staff evacuated 40 patients within hours."
    )
    dates = dict((t, (a, b)) for t, a, b in _dates(extractor, text))
    # the heading no longer dates what follows: the undated evacuation takes the window it
    # takes with no heading at all (the days up to publication), not the heading's 15 August
    headless = dict((t, (a, b)) for t, a, b in _dates(extractor, text.split(". ", 1)[1]))
    assert dates["evacuation"] == headless["evacuation"] == (dt.date(2019, 8, 12), PUB)
    # an event told with 'yesterday' below the heading is the day before it (hFix7 review)
    text = (
        "PRESS NOTE — For release — 15 August 2019. Shelling hit the Nawa clinic yesterday. "
        "Staff evacuated 40 patients within hours."
    )
    dates = dict((t, (a, b)) for t, a, b in _dates(extractor, text))
    assert dates == {
        "shelling": (dt.date(2019, 8, 14),) * 2,
        "evacuation": (dt.date(2019, 8, 12), PUB),
    }
