"""Session 33 (hP23): a timeline's, digest's or bulletin's item marks open a new sentence.

heldout30's think-tank timelines (' ⟐ '), weekly digest (' ⁂ ') and security bulletin (' ⋮ ')
put a mark of no word between dated items; after an item's full stop the next item opens with
a day's number or a province label, which the splitter read only after the marks it knew
(arrows, geometric shapes, dingbats). The whole timeline was one sentence: every event got the
first item's day and place. The sentences below are of other wordings and other marks.
"""

from __future__ import annotations

import datetime as dt

import pytest

from etl.extraction.extract import ArticleInput, Extractor
from etl.extraction.sentences import split_sentences
from etl.places.geonames import haversine_km

AZAZ = (36.586, 37.046)


def _parts(text: str) -> list[str]:
    return [text[s:e] for s, e in split_sentences(text)]


@pytest.mark.parametrize(
    ("text", "parts"),
    [
        (  # a think-tank chronology: a dated item after a full stop
            "CHRONOLOGY ⁕ 3 March 2019 — Shelling kills two in Kafr Zita. ⁕ 9 March 2019 — "
            "A car bomb kills five in Azaz.",
            [
                "CHRONOLOGY ⁕ 3 March 2019 — Shelling kills two in Kafr Zita.",
                "⁕ 9 March 2019 — A car bomb kills five in Azaz.",
            ],
        ),
        (  # a security bulletin's province label after a mathematical mark
            "NINEWA: A patrol was ambushed near Badush on 4 May. ⊙ KIRKUK: Quiet. ⊙ DIYALA: "
            "Two mortar rounds fell on Jalawla.",
            [
                "NINEWA: A patrol was ambushed near Badush on 4 May.",
                "⊙ KIRKUK: Quiet.",
                "⊙ DIYALA: Two mortar rounds fell on Jalawla.",
            ],
        ),
        (  # a digest's weekday item after a dagger and after a circled mark
            "Gunmen shot a trader in Hajin on Sunday. † Tue 7 May: a mine hurt a boy. ⦿ 8 May — "
            "two arrests.",
            [
                "Gunmen shot a trader in Hajin on Sunday.",
                "† Tue 7 May: a mine hurt a boy.",
                "⦿ 8 May — two arrests.",
            ],
        ),
        (  # a judgment's numbered paragraph
            "The hearing closed on 2 June. § 41. The court finds that the accused fired first.",
            [
                "The hearing closed on 2 June.",
                "§ 41.",
                "The court finds that the accused fired first.",
            ],
        ),
    ],
)
def test_an_item_mark_after_a_full_stop_opens_a_new_sentence(text, parts):
    assert _parts(text) == parts


def test_a_mark_inside_a_sentence_or_a_field_row_still_splits_nothing():
    """Only after a sentence's end: a note's fields keep their row ('Convoy ⋮ 04/03/2019 ⋮
    Route: Hasakah → al-Hol'), a formula's sign its sentence."""
    row = "Convoy movement ⋮ CT-19-077 ⋮ 04/03/2019 ⋮ Route: Hasakah → al-Hol camp ⋮ Status: held"
    assert _parts(row) == [row]
    plain = "Temperatures fell ≥ 5 degrees in Raqqa on Monday, the office said."
    assert _parts(plain) == [plain]


def _events(extractor: Extractor, text: str, day: dt.date):
    mentions, _ = extractor.extract(ArticleInput("s33-timeline", text, day))
    return sorted(
        (m.event_type, m.date.start.isoformat(), (m.latitude, m.longitude))
        for m in mentions
        if not m.background
    )


def test_each_timeline_item_has_its_own_day_and_place(extractor):
    text = (
        "TIMELINE: THE SIEGE OF THE SOUTHERN VILLAGES ⟡ 2 March 2019 — Government aircraft "
        "strike Saraqib, killing four civilians. ⟡ 14 March 2019 — A car bomb kills six people "
        "in Azaz. ⟡ 20 March 2019 — Gunmen shoot dead a teacher in Kafr Takharim."
    )
    events = _events(extractor, text, dt.date(2019, 4, 1))
    by_type = {t: (day, place) for t, day, place in events}
    assert by_type["explosion"][0] == "2019-03-14"
    assert haversine_km(by_type["explosion"][1], AZAZ) < 10
    assert by_type["killing"][0] == "2019-03-20"
    assert by_type["airstrike"][0] == "2019-03-02"
