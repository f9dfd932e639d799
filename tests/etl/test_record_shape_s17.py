"""A record's fields told by their shape (issue 8, session 17): a mark of any symbols between
spaces, a line break, a label ending in ':' part a record's fields, whatever the symbol or the
label's words; a field is then read by what it holds (a day, a place), not by its label.

Records written for this test, with marks and labels no rule table lists ('◊', '»', '¤',
'Incident day:', 'Where:'); they use the shipped GeoNames index.
"""

from __future__ import annotations

import datetime as dt

import pytest

from etl.extraction.extract import ArticleInput, Extractor
from etl.extraction.record_shape import field_end, fills_field, opens_field, short_field


def _mentions(extractor: Extractor, text: str, published: dt.date = dt.date(2016, 3, 9)):
    mentions, _ = extractor.extract(ArticleInput("s17", text, published))
    return mentions


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("BULLETIN ◊ 05-03-2016 ◊ Tadmur ◊ Fighting broke out", "Tadmur"),
        ("BULLETIN ◊ 05-03-2016 ◊ Tadmur ◊ Fighting broke out", "05-03"),
        ("Report 4 » 7/3/2016 » Arsal, Lebanon » Clashes", "Arsal"),
        ("LOG ¤¤ 7/3/2016 ¤¤ Arsal", "Arsal"),
        ("CALL 12 // 7/3/2016 // Arsal", "Arsal"),
        ("Entry: K-88\nIncident day: 6 Mar 2016\nWhere: Tadmur", "6 Mar"),
        ("Entry: K-88\nIncident day: 6 Mar 2016\nWhere: Tadmur", "Tadmur"),
        ("Entry: K-88\nIncident day: 6 Mar 2016\nWhere: Tadmur", "Incident"),
        ("Tadmur, 6 Mar 2016", "Tadmur"),
    ],
)
def test_a_field_opens_after_any_mark_a_line_break_or_a_label(text, word):
    assert opens_field(text, text.index(word))


@pytest.mark.parametrize(
    ("text", "word"),
    [
        # a dash is prose's own mark: 'AMMAN, 19 Jul (TT) – Islamic State ...' opens no field
        ("AMMAN, 19 Jul 2014 (TT) – Islamic State fighters overran the field", "Islamic"),
        ("Fighters — Tadmur was shelled", "Tadmur"),
        ("Shelling hit Tadmur, 6 Mar 2016", "Tadmur"),
        ("Shelling hit Tadmur, 6 Mar 2016", "6 Mar"),
        ("a value of 3 + 4 > 2 and x = Tadmur", "Tadmur"),
        ("LOG ◊◊◊◊ Tadmur", "Tadmur"),  # a run of symbols is a rule, not a mark
        ("Where:Tadmur is", "is"),
    ],
)
def test_no_field_opens_inside_prose(text, word):
    assert not opens_field(text, text.index(word))


def test_a_field_ends_at_the_next_mark_or_line():
    text = "BULLETIN ◊ 05-03-2016 ◊ Tadmur, eastern Homs desert ◊ Fighting broke out"
    start = text.index("Tadmur")
    assert text[start : field_end(text, start)] == "Tadmur, eastern Homs desert"
    text = (
        "Where: Tadmur  \nSummary: Shelling hit a bakery on the main street of the town early "
        "today, witnesses said."
    )
    start = text.index("Tadmur")
    assert text[start : field_end(text, start)] == "Tadmur"
    assert short_field(text, start)
    assert not short_field(text, text.index("Shelling"))


def test_a_day_fills_its_field():
    text = "Incident day: 6 Mar 2016.\nWhere: Tadmur"
    start = text.index("6 Mar")
    assert fills_field(text, start, start + len("6 Mar 2016"))
    assert not fills_field(text, start, start + len("6 Mar"))  # '2016' is left in the field
    text = "Shelling hit Tadmur on 6 Mar 2016"
    start = text.index("6 Mar")
    assert not fills_field(text, start, len(text))


@pytest.mark.parametrize(
    "text",
    [
        # a label no table lists, the day on its line: the record's day, not the
        # publication's window
        "Entry: K-88\nIncident day: 6 Mar 2016\nWhere: Tadmur, eastern Homs desert\n"
        "Summary: Shelling hit a bakery on the main street.",
        # a day between marks of its own, the event in a later cell
        "K-88 • 2016-03-06 • ERW • Shelling hit a bakery on the main street",
    ],
)
def test_the_day_of_a_date_field_dates_the_record(extractor, text):
    (mention,) = _mentions(extractor, text)
    assert (mention.date.start, mention.date.end) == (dt.date(2016, 3, 6), dt.date(2016, 3, 6))


def test_the_label_of_a_date_field_is_no_place(extractor):
    # 'Date' is a town in Japan: as the label of a field holding a day it names no place
    text = "Log entry\nDate: 7 Mar 2016\nAccount: Warplanes struck the market of the town."
    (mention,) = _mentions(extractor, text)
    assert mention.place_name is None
    assert mention.date.start == dt.date(2016, 3, 7)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("BULLETIN ◊ 05-03-2016 ◊ Tadmur ◊ Fighting broke out on the outskirts of the town.",
         "Tadmur"),
        ("Report 4 ¤ 7/3/2016 ¤ Arsal, Lebanon ¤ Clashes between the army and militants left "
         "2 soldiers dead.", "Aarsâl"),
        ("FLASH 2\nBujumbura, 6 Mar 2016\nEvents: Soldiers searched homes and arrested dozens "
         "of people.", "Bujumbura"),
    ],
)  # fmt: skip
def test_the_first_name_of_a_short_cell_is_the_record_place(extractor, text, name):
    (mention, *_) = _mentions(extractor, text)
    assert mention.place_name == name


def test_the_days_of_an_events_own_cell_beat_its_stamp_cells(extractor):
    # '◊' parts the cells: the stamp '10/9/2017' says when it was logged, 'the past 48
    # hours' of the event's own cell when it happened (as with '|' before)
    text = (
        "LOG 10/9/2017 ◊ 16:45 ◊ Deir ez-Zor ◊ Regime forces broke the siege of the airport; "
        "at least 31 fighters were killed in the battles of the past 48 hours."
    )
    (mention,) = _mentions(extractor, text, dt.date(2017, 9, 10))
    assert (mention.date.start, mention.date.end) == (dt.date(2017, 9, 9), dt.date(2017, 9, 10))


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("OPS LOG ◊ 0300L 09SEP17 ◊ E OF ZABID ◊ SHELLING ON FARMS 5KM E OF ZABID. NO CAS "
         "REPORTED. ◊ REF OL-1218-01", "Zabīd"),
        ("OPS LOG ¤ 0300L 09SEP17 ¤ KUTUM (N DARFUR) ¤ MILITIA ATTACK KUTUM POLICE HQ. POLICE "
         "KIA 3. ¤ REF OL-0501-06", "Kutum"),
    ],
)  # fmt: skip
def test_a_place_in_capitals_in_a_rows_cell_after_any_mark(extractor, text, name):
    (mention, *_) = _mentions(extractor, text, dt.date(2017, 9, 10))
    assert mention.place_name == name


@pytest.mark.parametrize(
    ("text", "day"),
    [
        # a short heading that a date ends dates the log's sentences
        ("Field diary, 6 March 2016. Our teams pulled 4 bodies from a house hit by shelling "
         "in the old city. In the evening a fire was put out.", dt.date(2016, 3, 6)),
        # one row of cells the splitter parts at its bullets is one entry of its day: no
        # date in it, the day of publication (as a note of one sentence)
        ("OPS 0412 • Tadmur town • IED • Roadside bomb hit an army truck on the bridge • "
         "killed: 2", dt.date(2016, 3, 9)),
    ],
)  # fmt: skip
def test_a_records_heading_or_row_dates_its_event(extractor, text, day):
    (mention, *_) = _mentions(extractor, text)
    assert (mention.date.start, mention.date.end) == (day, day)


def test_a_row_parted_at_its_bullets_is_one_sentence(extractor):
    # the toll cell stands before the narrative cell: in one row, it counts for its event
    text = (
        "REGISTER • Record 0306-2 • 06/03/2016 • Tadmur • killed: 3 (names withheld) • "
        "Circumstances: A mortar round fell on a house near the grain centre."
    )
    (mention,) = _mentions(extractor, text)
    killed = [(f.low, f.high) for f in mention.figures if f.quantity == "killed"]
    assert killed == [(3, 3)]
    assert (mention.place_name, mention.date.start) == ("Tadmur", dt.date(2016, 3, 6))


def test_a_log_of_bulleted_entries_stays_parted(extractor):
    # two long entries, each its own sentence: not one row
    text = (
        "• 18:05 Artillery shells hit the market of Tadmur and killed two traders this evening. "
        "• 18:40 Warplanes struck a checkpoint near Arsal, wounding five soldiers at the gate."
    )
    mentions = _mentions(extractor, text)  # (a guard: passes before the joining too)
    assert [m.event_type for m in mentions] == ["shelling", "airstrike"]
    assert len({m.char_start for m in mentions}) == 2
