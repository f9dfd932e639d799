"""Session 33 (hR23, review): a list's ordinary item marks open an item as its symbols do.

d1bf3b9 opened a sentence at a timeline's or bulletin's symbol after a full stop ('... agreement.
⟐ 8–9 May 2019 — ...', '⁂', '⋮'), but the everyday marks of a list, a dash or an asterisk,
stayed inside the sentence before them: a timeline written '... civilians. – 14 March 2019 — A
car bomb ...' was one sentence, every item took the first item's day, and a bulletin's '- ANBAR:
Gunmen shot dead ...' item was lost. After a full stop, a dash or an asterisk before a space and
a capital or a number now opens the next item; inside a sentence it parts nothing.
"""

from __future__ import annotations

import datetime as dt

import pytest

from etl.extraction.extract import ArticleInput, Extractor
from etl.extraction.sentences import split_sentences
from etl.places.geonames import haversine_km

AZAZ = (36.586, 37.046)
ANBAR = (33.817, 41.55)  # the curated governorate's point


def _parts(text: str) -> list[str]:
    return [text[s:e] for s, e in split_sentences(text)]


@pytest.mark.parametrize("mark", ["-", "–", "—", "*"])
def test_a_plain_mark_after_a_full_stop_opens_the_next_item(mark):
    text = (
        f"Shelling killed two in Kafr Zita. {mark} 9 March 2019 — A car bomb killed five in "
        f"Azaz. {mark} KIRKUK: Quiet."
    )
    assert _parts(text) == [
        "Shelling killed two in Kafr Zita.",
        f"{mark} 9 March 2019 — A car bomb killed five in Azaz.",
        f"{mark} KIRKUK: Quiet.",
    ]


@pytest.mark.parametrize(
    "text",
    [
        # a dash inside a sentence, a star of a footnote, a hyphen of a range
        "Gunmen – at least four – stormed the post in Hit on Monday. The army said so.",
        "The toll rose to 12.* Officials gave no figure for the wounded.",
        # after an abbreviation, no sentence ends
        "The U.S. – led coalition struck Hajin on Monday.",
    ],
)
def test_a_plain_mark_elsewhere_parts_nothing_new(text):
    assert not any(part[0] in "-–—*" for part in _parts(text)), _parts(text)


def _events(extractor: Extractor, text: str, day: dt.date):
    mentions, _ = extractor.extract(ArticleInput("s33-plain-marks", text, day))
    return sorted(
        (m.event_type, m.date.start.isoformat(), (m.latitude, m.longitude))
        for m in mentions
        if not m.background
    )


@pytest.mark.parametrize("mark", ["-", "–", "*"])
def test_each_dash_or_star_item_has_its_own_day_and_place(extractor, mark):
    text = (
        f"Chronology of the spring. {mark} 2 March 2019 — Government aircraft strike Saraqib, "
        f"killing four civilians. {mark} 14 March 2019 — A car bomb kills six people in Azaz. "
        f"{mark} 20 March 2019 — Gunmen shoot dead a teacher in Kafr Takharim."
    )
    by_type = {t: (day, place) for t, day, place in _events(extractor, text, dt.date(2019, 4, 1))}
    assert by_type["airstrike"][0] == "2019-03-02"
    assert by_type["explosion"][0] == "2019-03-14"
    assert haversine_km(by_type["explosion"][1], AZAZ) < 10
    assert by_type["killing"][0] == "2019-03-20"


def test_a_bulletins_dash_item_is_read(extractor):
    """'- ANBAR: Gunmen shot dead ...' was read inside the item before it: the killing lost."""
    text = (
        "IRAQ SECURITY DIGEST, WEEK 10. - KIRKUK: A roadside bomb killed a farmer in Umm "
        "Khanazir on 8 March. - ANBAR: Gunmen shot dead a policeman near Kharab Sawda on 9 March. "
        "- BASRA: A rocket hit a house in Zubayr on 10 March."
    )
    events = _events(extractor, text, dt.date(2019, 3, 11))
    days = sorted(day for _, day, _ in events)
    assert days == ["2019-03-08", "2019-03-09", "2019-03-10"]
    ninth = next(place for _, day, place in events if day == "2019-03-09")
    assert haversine_km(ninth, ANBAR) < 10


HAMA = (35.132, 36.758)


@pytest.mark.parametrize("mark", ["–", "-", "*"])
def test_a_label_after_a_plain_mark_places_its_unheld_village(extractor, mark):
    """'... on Monday. – HAMA: Barrel bombs fell on Tell Zaghrafiyya ...': the label heads its
    item after a dash as after '⋮' (test_item_labels_s33); the item was placed nowhere."""
    text = (
        f"Weekly roundup (4–10 March). {mark} HAMA: Barrel bombs fell on Tell Zaghrafiyya on "
        f"Tuesday, killing a child. {mark} IDLIB: Gunmen shot dead a trader in Kafr Takharim on "
        "Friday."
    )
    mentions, _ = extractor.extract(ArticleInput("s33-plain-labels", text, dt.date(2019, 3, 11)))
    first = min((m for m in mentions if not m.background), key=lambda m: m.char_start)
    assert first.place_region == "Tell Zaghrafiyya (HAMA)"
    assert haversine_km((first.latitude, first.longitude), HAMA) < 10
