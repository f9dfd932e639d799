"""Incident notes' entries, session 36 (issue 8, helper hN26): what dates a note.

- A note of one sentence telling what happened, followed only by lines that give its toll
  ('In Qminas, a gunman killed a driver. Fatalities: 1.', '... . 2 fatalities were
  reported.', '... . The death toll reached 3.'), is one entry of its day, as a note of one
  sentence is: with no date of its own its event is the note's day, not the three days
  before publication an undated news sentence gets (etl/extraction/extract.py).

Sentences written for this test (not copied from a set); each non-guard case fails before the
change (checked against main at ee0fd51), the guards pass before and after.
"""

from __future__ import annotations

import datetime as dt

import pytest

from etl.extraction.extract import ArticleInput, Extractor

DAY = dt.date(2019, 5, 10)


def _windows(extractor: Extractor, text: str) -> set[tuple[dt.date, dt.date]]:
    mentions, _ = extractor.extract(ArticleInput("s36", text, DAY))
    assert mentions, text
    return {(m.date.start, m.date.end) for m in mentions}


TOLL_LINES = [
    "In Kafr Zita, a sniper shot dead a farmer on his land. 1 fatality was reported.",
    "Near Hajin, an IED struck a water truck on the river road. Fatalities: 2.",
    "A motorcycle bomb went off outside a bakery in al-Bab. The death toll reached 3.",
    "Unknown gunmen opened fire on a minibus at the entrance of Tikrit. 4 fatalities "
    "were reported, among them a child.",
]


@pytest.mark.parametrize("text", TOLL_LINES)
def test_a_note_and_its_toll_line_is_one_entry_of_its_day(extractor: Extractor, text: str):
    assert _windows(extractor, text) == {(DAY, DAY)}


GUARDS = [
    # a second sentence that tells more than a toll: the text is no one entry
    "A mortar shell hit a house in Hajin. Many families fled toward the border.",
    # the first sentence passes on what a source said: a brief of the last days, not a note
    "Gunmen attacked a checkpoint in Tikrit, police said. 2 fatalities were reported.",
]


@pytest.mark.parametrize("text", GUARDS)
def test_a_text_of_more_than_one_entry_keeps_the_article_window(extractor: Extractor, text: str):
    assert _windows(extractor, text) != {(DAY, DAY)}


# A record's cause field names what caused its dead or damage: 'during a clash' there is that
# clash told, not a reference to a happening told elsewhere (trigger_words.csv cause_label).
CAUSE_FIELDS = [
    (
        "CLINIC BOOK ▪ Atmeh field clinic ▪ 09/05/2019 ▪ Cause: stray bullets during a "
        "clash between two factions at the camp gate ▪ Dead: 2",
        "clash",
    ),
    (
        "OUTAGE SHEET ∷ Line: Tabqa-Raqqa 66 kV ∷ Date: 08/05/2019 ∷ Cause of damage: tower "
        "hit during a gun battle between SDF and IS cells ∷ Casualties: 1 killed",
        "clash",
    ),
    (
        "Mortuary list | 07/05/2019 | Reason: shrapnel during the bombardment of the old "
        "market | Bodies: 3",
        "shelling",
    ),
]


@pytest.mark.parametrize(("text", "event_type"), CAUSE_FIELDS)
def test_a_cause_field_tells_the_happening_it_names(
    extractor: Extractor, text: str, event_type: str
):
    mentions, _ = extractor.extract(ArticleInput("s36", text, DAY))
    assert {m.event_type for m in mentions} == {event_type}


CAUSE_GUARDS = [
    # outside a cause field 'during' still names what only dates another happening
    "Record ▪ 09/05/2019 ▪ Note: a doctor was detained during the clashes of last month",
    # 'after' in a cause field is still a reference (reference_unless_dated is not read here)
    "BURIAL ⌑ Buried: 09/05/2019 ⌑ Cause: body found in the rubble after the battle, cause "
    "unknown ⌑ Died at: Raqqa",
]


@pytest.mark.parametrize("text", CAUSE_GUARDS)
def test_outside_a_cause_field_or_after_a_reference_names_no_clash(extractor: Extractor, text: str):
    mentions, _ = extractor.extract(ArticleInput("s36", text, DAY))
    assert "clash" not in {m.event_type for m in mentions}


def _killed(extractor: Extractor, text: str) -> set[tuple[float | None, float | None]]:
    mentions, _ = extractor.extract(ArticleInput("s36", text, DAY))
    return {(f.low, f.high) for m in mentions for f in m.figures if f.quantity == "killed"}


# A community's or a witness's own dead, one a noun: 'our son', 'my brother' (figure_single_words
# determiner our, my) and a relative clause after the noun that tells what befell him ('its
# elder, who was assassinated': figures._singles).
OWN_DEAD = [
    "The elders of the village say gunmen shot dead our son at the Rabia crossing on Monday.",
    "A mortar round fell on the courtyard and killed my brother in Hajin on Monday.",
    "The tribe mourns its elder, who was killed by a sniper near Hawija on Monday.",
    "Our local council mourns its mukhtar, who was shot dead outside his house in "
    "Muhasan yesterday.",
]


@pytest.mark.parametrize("text", OWN_DEAD)
def test_one_of_our_own_killed_is_one_dead(extractor: Extractor, text: str):
    assert (1.0, 1.0) in _killed(extractor, text)


OWN_GUARDS = [
    # the teller of the news, no victim
    "An officer told our correspondent that gunmen killed four soldiers in Hit on Monday.",
    # a relative clause that tells no death
    "The village mourns its mukhtar, who said gunmen shot dead four shepherds near Hit on Monday.",
]


@pytest.mark.parametrize("text", OWN_GUARDS)
def test_the_teller_is_no_victim(extractor: Extractor, text: str):
    assert (1.0, 1.0) not in _killed(extractor, text)
