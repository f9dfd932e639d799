"""Incident notes' structure, session 33 (issue 8, helper hN23): what a log's or an alert's
fields say about where its events happened, whatever the note's style.

- A log's timed entries ('▹ 05:50 Muqdadiya: mortar rounds fell ...'), each after a field
  mark, are entries of their own: the place heading an entry is its event's place, and an
  entry naming no known place takes the record's unit's town, not another entry's place.
- An administrative path inside a heading's cell, the largest unit first ('| IDLIB / SARAQIB
  |'), places the event at its last unit; the province only locates it.

Sentences written for this test (not copied from a set); each fails before the change, the
guards pass before and after.
"""

from __future__ import annotations

import datetime as dt

import pytest

from etl.extraction.extract import ArticleInput, Extractor
from etl.extraction.record_shape import opens_timed_entry, timed_entries
from etl.extraction.sentences import split_sentences
from etl.places.geonames import haversine_km

SARAQIB = (35.864, 36.806)
JISR = (35.814, 36.320)  # Jisr al-Shughur
KAFR_NABUDAH = (35.432, 36.493)
KHANAQIN = (34.348, 45.391)
MUQDADIYA = (33.979, 44.937)
TIKRIT = (34.616, 43.679)
SAMARRA = (34.196, 43.886)
BAQUBAH = (33.746, 44.643)
KIRKUK = (35.468, 44.392)
HAWIJA = (35.327, 43.774)


def _mentions(extractor: Extractor, text: str, day: dt.date = dt.date(2019, 6, 14)):
    mentions, _ = extractor.extract(ArticleInput("s33", text, day))
    return mentions


def _one(mentions, event_type):
    found = [m for m in mentions if m.event_type == event_type]
    assert len(found) == 1, [(m.event_type, m.trigger, m.place_name) for m in mentions]
    return found[0]


def _km(m, point: tuple[float, float]) -> float:
    assert m.latitude is not None, (m.event_type, m.place_name, m.place_note)
    return haversine_km((m.latitude, m.longitude), point)


# --- a log's timed entries -------------------------------------------------------------


def test_timed_entries_cut_a_log_at_its_marks():
    text = (
        "Night log ▹ Diyala Police Command ▹ Friday 12 April 2019 ▹ 02:15 Khanaqin: two "
        "mortar shells hit a farm ▹ 09:40 Muqdadiya: gunmen abducted a trader"
    )
    parts = [text[s:e] for s, e in timed_entries(text, split_sentences(text))]
    assert parts == [
        "Night log ▹ Diyala Police Command ▹ Friday 12 April 2019",
        "▹ 02:15 Khanaqin: two mortar shells hit a farm",
        "▹ 09:40 Muqdadiya: gunmen abducted a trader",
    ]
    starts = [s for s, _ in timed_entries(text, split_sentences(text))]
    assert [opens_timed_entry(text, s) for s in starts] == [False, True, True]


@pytest.mark.parametrize(
    "text",
    [
        # a dispatch row's stamp cells: a clock time followed by a mark, no entry
        "Dispatch log ⇒ 09/07/2019 ⇒ 16:40 ⇒ Unit 4 (Saraqib) ⇒ Call: shells on the market",
        # a table row's date and time in one cell
        "ALERT 221 | 03/05/19 09:10 | SARAQIB | Shelling on the market, 2 KIA.",
        # prose with a clock time
        "At 06:30 Khanaqin police said gunmen had fired on a patrol.",
    ],
)
def test_no_timed_entry(text):
    assert timed_entries(text, split_sentences(text)) == split_sentences(text)


@pytest.mark.parametrize(
    "text, first, second",
    [
        (
            "Night log ▹ Diyala Police Command ▹ Friday 12 April 2019 ▹ 02:15 Khanaqin: two "
            "mortar shells hit a farm on the edge of town, no casualties ▹ 09:40 Muqdadiya: "
            "gunmen abducted a money changer from his shop",
            ("shelling", KHANAQIN),
            ("detention", MUQDADIYA),
        ),
        (
            "Station log • Sunday 14 April 2019 • 0630 hrs Baqubah: a roadside bomb exploded "
            "under an army vehicle, 1 soldier killed • 1415 hrs Khanaqin: police arrested two "
            "men smuggling rifles",
            ("explosion", BAQUBAH),
            ("detention", KHANAQIN),
        ),
        (
            "Duty sheet ~ Salahuddin Police Command ~ 14/06/2019 ~ 21:30 Tikrit: gunmen shot "
            "dead a shopkeeper outside his home ~ 23:10 Samarra: a bomb exploded near a "
            "checkpoint, no injuries",
            ("killing", TIKRIT),
            ("explosion", SAMARRA),
        ),
    ],
)
def test_each_timed_entry_is_at_its_own_heading_place(extractor, text, first, second):
    mentions = _mentions(extractor, text)
    for event_type, point in (first, second):
        assert _km(_one(mentions, event_type), point) < 10


def test_an_entry_naming_no_known_place_takes_the_unit_not_another_entry(extractor):
    text = (
        "Daily blotter ▹ Kirkuk Police Command ▹ Saturday 4 May 2019 ▹ 06:30 Qizlarbat "
        "Saghir: armed men fired on a police patrol, one policeman wounded ▹ 11:00 Hawija: "
        "an IED killed two soldiers"
    )
    mentions = _mentions(extractor, text, dt.date(2019, 5, 4))
    assert _km(_one(mentions, "clash"), KIRKUK) < 10  # the unit's town
    assert _km(_one(mentions, "explosion"), HAWIJA) < 10


# --- an administrative path in a heading's cell -----------------------------------------


@pytest.mark.parametrize(
    "text, point",
    [
        ("ALERT 221 | 03/05/19 09:10 | IDLIB / SARAQIB | Shelling hit the eastern edge of "
         "the town. 2 KIA.", SARAQIB),
        ("MSG 0412 ‖ 12.06.2019 ‖ Idlib / Jisr al-Shughur ‖ Air strike on the town market, "
         "3 killed", JISR),
        ("SMS 19/077 | 04/05/19 22:50 | HAMA / KAFR NABUDAH | Heavy clashes on the southern "
         "outskirts, cas unknown.", KAFR_NABUDAH),
    ],
)  # fmt: skip
def test_a_path_in_a_heading_cell_places_its_last_unit(extractor, text, point):
    mentions = [m for m in _mentions(extractor, text) if m.event_type != "statement"]
    assert mentions
    assert all(_km(m, point) < 10 for m in mentions), [
        (m.event_type, m.place_name) for m in mentions
    ]


# --- the places of the trigger's own field ----------------------------------------------

HASAKAH = (36.502, 40.748)
JARABLUS = (36.818, 38.011)


@pytest.mark.parametrize(
    "text, event_type, point",
    [
        ("Convoy movement ⋮ CT-19-131 ⋮ 12/06/2019 ⋮ Route: Hasakah → Qamishli ⋮ Remarks: "
         "mortar rounds fell 3 km S of Hasakah, no casualties", "shelling", HASAKAH),
        ("Patrol sheet | 14/06/2019 | Sector: Manbij | Narrative: an IED exploded under a "
         "patrol car outside Jarablus, 2 soldiers killed", "explosion", JARABLUS),
        ("Escort log ~ 03/07/2019 ~ From: Hasakah ~ To: Tal Tamr ~ Note: a roadside bomb hit "
         "the lead vehicle near Hasakah, one guard killed", "explosion", HASAKAH),
    ],
)  # fmt: skip
def test_a_record_field_naming_a_place_places_its_own_event(extractor, text, event_type, point):
    assert _km(_one(_mentions(extractor, text), event_type), point) < 10


def test_a_field_naming_no_place_leaves_the_record_s_place(extractor):
    text = (
        "Team report ⌁ 10/06/2019 ⌁ Task site: Saraqib, school yard ⌁ Incident: a buried shell "
        "exploded during clearance; one deminer killed"
    )
    mentions = _mentions(extractor, text)
    assert mentions and all(_km(m, SARAQIB) < 10 for m in mentions)
