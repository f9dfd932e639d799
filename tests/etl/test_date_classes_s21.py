"""Issue 8, session 21 (hDt9): date shapes read generally, whatever the house style. A
dateline that carries its filing time ('HOMS, 03-Mar-2019 10:40 GMT (Agency) —') is still the
filing day, so the lead's weekday dates the event; a post stamped with its clock time alone
('⚡ 09:10 ⟩ #Nawa ⟩ ...', '🔵 [16:02] #Nawa — ...') is of the day the text speaks as of, not
the article's three days; a record's id that holds its day, year first ('INC-2019-0305 ▸
...', 'REG_20190305'), dates the record when the record tells no day of its own; a month of another language or calendar is read after a day ('21 de
marzo', '16 Adhar'), never alone. Texts written for this test (invented outlets' styles, real towns
of the gazetteer); every case fails before the change it pins."""

from __future__ import annotations

import datetime as dt

import pytest

from etl.extraction.date_windows import clock_stamp
from etl.extraction.dates import find_dates, lead_dates
from etl.extraction.extract import ArticleInput, Extractor

PUB = dt.date(2019, 3, 7)  # a Thursday


def _dates(extractor: Extractor, text: str, pub: dt.date = PUB) -> set[tuple[dt.date, dt.date]]:
    mentions, _ = extractor.extract(ArticleInput("s21", text, pub))
    assert mentions, text
    return {(m.date.start, m.date.end) for m in mentions}


@pytest.mark.parametrize(
    "text",
    [
        "HOMS, 07-Mar-2019 10:40 GMT (Levant Wire) — Jets struck Talbiseh on Tuesday.",
        "HOMS, Syria, March 7, 2019, 10:40 local time — Jets struck Talbiseh on Tuesday.",
        "HOMS, 07.03.2019 10.40 — Jets struck Talbiseh on Tuesday.",
        "HOMS, 7 March 2019 at 10:40 UTC: Jets struck Talbiseh on Tuesday.",
    ],
)
def test_a_dateline_with_its_filing_time_is_the_filing_day(text: str) -> None:
    dates, filed = lead_dates(text, 0, len(text), PUB)
    assert filed is not None and (filed.start, filed.end) == (PUB, PUB)
    # the filing day gives way to the lead's own day
    assert [(d.start, d.source) for d in dates] == [(dt.date(2019, 3, 5), "weekday")]


def test_the_leads_weekday_beats_a_timed_dateline(extractor: Extractor) -> None:
    text = (
        "HOMS, 07-Mar-2019 10:40 GMT (Levant Wire) — Government jets struck the market of "
        "Talbiseh late on Tuesday, killing 6 civilians, rescuers said."
    )
    assert _dates(extractor, text) == {(dt.date(2019, 3, 5),) * 2}


@pytest.mark.parametrize(
    ("text", "stamped"),
    [
        ("⚡ 09:10 ⟩ #Nawa ⟩ Shelling on Nawa.", True),
        ("🔵 [16:02] #Nawa — Shelling on Nawa.", True),
        ("23:45 – Explosions heard over Nawa.", True),
        ("[07:05] #Nawa ⟩ Shelling on Nawa.", True),
        # a clock inside the sentence, a score, a verse: no stamp
        ("At 09:10 shells fell on Nawa.", False),
        ("Nawa 09:10 — shells fell.", False),
        ("3:1 was the score in Nawa.", False),
    ],
)
def test_a_clock_time_that_opens_an_entry_is_its_stamp(text: str, stamped: bool) -> None:
    day = clock_stamp(text, 0, PUB)
    assert (day is not None and (day.start, day.end) == (PUB, PUB)) is stamped


def test_an_undated_post_is_of_the_day_it_was_posted(extractor: Extractor) -> None:
    # two posts; the second relays a source's words, so the text is no one-sentence note
    text = (
        "⚡ 09:10 ⟩ #Nawa ⟩ A car bomb exploded near the market of Nawa, killing 3 people.\n"
        "⚡ 11:45 ⟩ #Nawa ⟩ Update: rescuers say the toll of the bombing rose to 5."
    )
    assert _dates(extractor, text) == {(PUB, PUB)}
    text = "🔵 [16:02] #Nawa — Shelling hit Nawa, and the local council says 4 people were killed."
    assert _dates(extractor, text) == {(PUB, PUB)}
    # its own day word still dates it
    text = "🔵 [16:02] #Nawa — Shelling hit Nawa yesterday, the local council says, killing 4."
    assert _dates(extractor, text) == {(dt.date(2019, 3, 6),) * 2}


def _read(text: str) -> list[tuple[dt.date, dt.date, str]]:
    return [(d.start, d.end, d.source) for d in find_dates(text, 0, len(text), PUB)]


@pytest.mark.parametrize(
    ("text", "read"),
    [
        ("INC-2019-0305 ▸ Idlib ▸ Shelling on Nawa ▸ 2 killed", [(dt.date(2019, 3, 5),) * 2]),
        ("REG_20190305: shelling on Nawa", [(dt.date(2019, 3, 5),) * 2]),
        ("PARTE 2019-0306 / Nawa / shots fired", [(dt.date(2019, 3, 6),) * 2]),
        ("Record SY-2019-0304-07 | Cause: sniper fire", [(dt.date(2019, 3, 4),) * 2]),
        # a two-digit year is a serial as often as a day; after publication, or a month
        # before it, no record's day; a day no calendar has
        ("LIT-19-0305 ▸ Shelling on Nawa", []),
        ("INC-2019-0309 ▸ Shelling on Nawa", []),
        ("INC-2018-1105 ▸ Shelling on Nawa", []),
        ("INC-2019-0231 ▸ Shelling on Nawa", []),
        # the record's own day comes first
        ("SY-2019-0305 | Date of death: 03/03/2019 | Nawa", [(dt.date(2019, 3, 3),) * 2]),
        ("INC-2019-0305 ▸ Shelling on Nawa yesterday", [(dt.date(2019, 3, 6),) * 2]),
    ],
)
def test_the_day_a_records_id_holds(text: str, read: list[tuple[dt.date, dt.date]]) -> None:
    assert [(a, b) for a, b, _ in _read(text)] == read


def test_a_row_dated_only_by_its_id(extractor: Extractor) -> None:
    text = "INC-2019-0305 ▸ Idlib ▸ Nawa ▸ Mortar shells hit a house in Nawa, killing 2 children ▸ 2 killed"
    assert _dates(extractor, text) == {(dt.date(2019, 3, 5),) * 2}


@pytest.mark.parametrize(
    ("text", "read"),
    [
        ("Apure, 2 de marzo: troops destroyed a camp.", [dt.date(2019, 3, 2)]),
        ("El 5 de mayo de 2018 hubo combates.", [dt.date(2018, 5, 5)]),
        ("Le 1er mars 2019, des tirs sur Nawa.", [dt.date(2019, 3, 1)]),
        ("Am 21. Februar 2019 Beschuss.", [dt.date(2019, 2, 21)]),
        ("Colpi il 3 febbraio su Nawa.", [dt.date(2019, 2, 3)]),
        ("Op 12 maart 2018 vielen granaten.", [dt.date(2018, 3, 12)]),
        ("Shells hit Nawa on 4 Adhar, the paper says.", [dt.date(2019, 3, 4)]),
        ("Shells hit Nawa on 2 Tishrin al-Awwal 2018.", [dt.date(2018, 10, 2)]),
        # never alone: names and words first
        ("Troops in Mayo and Nisan Street were calm.", []),
        ("The mars rover in Ab Bakr street.", []),
    ],
)
def test_another_languages_month_after_a_day(text: str, read: list[dt.date]) -> None:
    assert [a for a, b, _ in _read(text) if a == b] == read
    assert all(source == "explicit" for _, _, source in _read(text))


def test_a_note_dated_in_spanish(extractor: Extractor) -> None:
    text = "PARTE 03-05 – Apure, 5 de marzo: 2 soldiers were killed in combat near La Victoria."
    assert _dates(extractor, text) == {(dt.date(2019, 3, 5),) * 2}


def test_a_hold_of_weeks_ends_on_its_day_that_day_its_last() -> None:
    text = "Residents found the bodies of 30 men executed during its three-week hold on Nawa."
    assert _read(text) == [(dt.date(2019, 2, 15), PUB, "relative")]  # 21 days, 7 March the last
    text = "On 1 March troops found 9 bodies of men killed during its ten-day control of Nawa."
    assert [(a, b) for a, b, _ in _read(text)][-1] == (dt.date(2019, 2, 20), dt.date(2019, 3, 1))


@pytest.mark.parametrize(
    ("text", "window"),
    [
        ("Gunmen raided Nawa at dawn yesterday.", (dt.date(2019, 3, 6),) * 2),
        ("Gunmen raided Nawa yesterday at dawn.", (dt.date(2019, 3, 6),) * 2),
        ("Clashes around Nawa since dawn yesterday.", (dt.date(2019, 3, 6), PUB)),
        ("Gunmen left Nawa last evening.", (dt.date(2019, 3, 6),) * 2),
        ("An encounter at Nawa since last evening.", (dt.date(2019, 3, 6), PUB)),
    ],
)
def test_a_time_of_yesterday(text: str, window: tuple[dt.date, dt.date]) -> None:
    assert [(a, b) for a, b, _ in _read(text)] == [window]


@pytest.mark.parametrize(
    ("text", "window"),
    [
        ("'On the eighth of February the men came back to Nawa.'", (dt.date(2019, 2, 8),) * 2),
        ("They came on the fifth of March in the afternoon.", (dt.date(2019, 3, 5),) * 2),
        ("It was the night of the fourteenth of January.", (dt.date(2019, 1, 14),) * 2),
        ("On the twenty-first of March 2018 jets struck.", (dt.date(2018, 3, 21),) * 2),
        ("4,000 have fled since the first of February.", (dt.date(2019, 2, 1), PUB)),
    ],
)
def test_a_day_written_as_an_ordinal_word(text: str, window: tuple[dt.date, dt.date]) -> None:
    assert [(a, b) for a, b, _ in _read(text)] == [window]


@pytest.mark.parametrize(
    ("text", "read"),
    [
        ("Some 40 families fled Nawa in 48 hours.", [(dt.date(2019, 3, 6), PUB)]),
        ("Over 900 people left Nawa within 72 hours.", [(dt.date(2019, 3, 5), PUB)]),
        ("They fled in the space of 48 hours.", [(dt.date(2019, 3, 6), PUB)]),
        # hours within a day, and a deadline's count, date nothing
        ("Rescuers reached Nawa within 2 hours.", []),
        ("Fighters were given 48 hours to leave Nawa.", []),
    ],
)
def test_in_so_many_hours(text: str, read: list[tuple[dt.date, dt.date]]) -> None:
    assert [(a, b) for a, b, _ in _read(text)] == read


def test_a_day_since_which_something_is_measured_anchors_no_step(extractor: Extractor) -> None:
    text = (
        "Thousands of civilians walked out of Nawa on Tuesday, March 5. It was the biggest "
        "exodus since the offensive began on February 18. Air strikes on neighbouring Jasim "
        "the same day killed 12 people, rescuers said."
    )
    mentions, _ = extractor.extract(ArticleInput("s21", text, PUB))
    strikes = [m for m in mentions if m.event_type == "airstrike"]
    assert [(m.date.start, m.date.end) for m in strikes] == [(dt.date(2019, 3, 5),) * 2]
