"""Session 33 (hX23): a digest's, timeline's or bulletin's item break, whatever its glyph.

heldout30's weekly digest (' ⁂ '), think-tank timelines (' ⟐ ') and security bulletin
(' ⋮ ') part their dated items with a spaced mark no rule knew: the splitter kept a week's
items, or a timeline's, as one sentence, so one item's date, place and toll went to another's
event and most items gave none. A field mark the text also sets right after a sentence's end
is the text's item break: every one parts the text (a heading from its first item too), when
two or more of the pieces it opens are longer than a cell. The texts below are written for
this test, with other glyphs and other item labels than the set's.
"""

from __future__ import annotations

import datetime as dt

import pytest

from etl.extraction.extract import ArticleInput
from etl.extraction.sentences import list_heading, split_sentences


def _pieces(text: str) -> list[str]:
    return [text[a:b] for a, b in split_sentences(text)]


DIGEST = (
    "THE WEEK IN THE VALLEY (11–17 March 2019) ✦ Tue 12 Mar: A roadside bomb hit a water "
    "tanker near Hajin, killing its driver. ✦ Thu 14 Mar: Gunmen abducted three shepherds "
    "from a village east of Tabqa and drove off towards the desert. ✦ Sat 16 Mar: Shells "
    "fell on the market of Kafr Nabl, killing two children."
)
TIMELINE = (
    "CHRONOLOGY: THE SIEGE OF THE OLD CITY, APRIL 2019 § 3 April 2019 — Rebels shell the "
    "government-held quarter of Suqaylabiyah, killing a woman. § 9 April 2019 — An air strike "
    "on the hospital of Kafr Zita kills four staff. § 15 April 2019 — The army says talks "
    "with local elders continue."
)
BULLETIN = (
    "NORTHERN IRAQ SECURITY ROUND-UP — 6 May 2019 ¦ KIRKUK: An IED exploded under a police "
    "vehicle on the Hawija road, killing one officer. ¦ NINEVEH: Gunmen shot dead a village "
    "mukhtar outside his home in Badush on Saturday evening. ¦ ERBIL: Quiet."
)


@pytest.mark.parametrize(
    ("text", "first", "count"),
    [
        (DIGEST, "THE WEEK IN THE VALLEY (11–17 March 2019)", 4),
        (TIMELINE, "CHRONOLOGY: THE SIEGE OF THE OLD CITY, APRIL 2019", 4),
        (BULLETIN, "NORTHERN IRAQ SECURITY ROUND-UP — 6 May 2019", 4),
    ],
)
def test_an_item_break_parts_every_item_and_the_heading(text, first, count):
    pieces = _pieces(text)
    assert pieces[0] == first
    assert len(pieces) == count
    mark = pieces[1][0]
    assert all(p.startswith(mark + " ") for p in pieces[1:])  # each item opens with its mark


def test_a_records_field_marks_part_no_cells():
    # one record's row: its one long cell is its narrative, the others are cells
    row = (
        "OPS LOG | 0640L 05FEB20 | AFIS (E OF SARAQIB) | ARTY IMPACTS VIC AFIS X-ROADS, "
        "SUSPECTED REGIME 122MM. 2X CIV KIA, 3X WIA. | REF OL-0205-07"
    )
    assert not any(p.startswith("|") for p in _pieces(row))
    log = "12/03/2019 ⇒ Call: car bomb at the bus station, Sarmada. ⇒ Outcome: 3 dead"
    assert _pieces(log)[0].startswith("12/03/2019 ⇒ Call: car bomb")


def test_a_mark_after_no_sentence_end_is_no_item_break():
    text = "Shelling hit Ariha ✦ a town of Idlib ✦ on Monday, killing three people in the market."
    assert _pieces(text) == [text]


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        (
            DIGEST,
            dt.date(2019, 3, 17),
            {
                ("explosion", dt.date(2019, 3, 12)),
                ("detention", dt.date(2019, 3, 14)),
                ("shelling", dt.date(2019, 3, 16)),
            },
        ),
        (
            TIMELINE,
            dt.date(2019, 4, 30),
            {("shelling", dt.date(2019, 4, 3)), ("airstrike", dt.date(2019, 4, 9))},
        ),
    ],
)
def test_each_item_is_its_own_event_on_its_own_day(extractor, text, published, expected):
    mentions, _ = extractor.extract(ArticleInput("t", text, published))
    got = {(m.event_type, m.date.start) for m in mentions if m.date.start == m.date.end}
    assert expected <= got
    # the heading's words tell no event of their own
    assert not any(m.char_start == 0 for m in mentions)


@pytest.mark.parametrize(
    ("text", "heading"),
    [
        (TIMELINE, True),
        (DIGEST, True),  # 'THE WEEK IN THE VALLEY (11–17 March 2019)': a month in capitals' run
        (
            "CHRONOLOGY: ATTACKS AND AIR STRIKES ON THE GHAB PLAIN, MAY 2019 ✦ 3 May 2019 — "
            "Shells kill two farmers near Qalaat al-Madiq. ✦ 9 May 2019 — An air strike on "
            "the market of Kafr Nabudah kills five shoppers and wounds a dozen more.",
            True,
        ),
        (BULLETIN, True),
        # a log's first entry with no full stop before a bullet is no heading: not in capitals
        ("06:10 | Shelling hit Kafr Zita, no injuries ■ 18:05 | A drone struck a car.", False),
        ("Shelling hit Ariha on Monday. Two men were killed.", False),
    ],
)
def test_a_lists_heading(text, heading):
    assert list_heading(text, split_sentences(text)) is heading


def test_a_lists_heading_names_no_event(extractor):
    text = (
        "CHRONOLOGY: ATTACKS AND AIR STRIKES ON THE GHAB PLAIN, MAY 2019 ✦ 3 May 2019 — Shells "
        "kill two farmers near Qalaat al-Madiq. ✦ 9 May 2019 — An air strike on the market of "
        "Kafr Nabudah kills five shoppers and wounds a dozen more."
    )
    mentions, _ = extractor.extract(ArticleInput("t", text, dt.date(2019, 5, 31)))
    assert mentions
    assert not any(m.char_start == 0 for m in mentions)
