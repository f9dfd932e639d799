"""Incident notes' tolls, session 33 (issue 8, helper hN23).

- An alert service's abbreviation of casualties: '0 cas reported' is a zero, 'No cas info'
  (no casualty information) no zero.

Sentences written for this test (not copied from a set); each fails before the change, the
guards pass before and after. (A zero told in words beside an arrest stays the arrest's 0:
C20 would make it null, but most sets code it 0; see docs/extraction_history.md, session 33.)
"""

from __future__ import annotations

import datetime as dt

import pytest

from etl.extraction.extract import ArticleInput, Extractor
from etl.extraction.figures import fatalities


def _mentions(extractor: Extractor, text: str, day: dt.date = dt.date(2019, 6, 14)):
    mentions, _ = extractor.extract(ArticleInput("s33", text, day))
    return mentions


def _one(mentions, event_type):
    found = [m for m in mentions if m.event_type == event_type]
    assert len(found) == 1, [(m.event_type, m.trigger, m.place_name) for m in mentions]
    return found[0]


@pytest.mark.parametrize(
    "text, event_type",
    [
        ("Mortar rounds fell on Khanaqin on Monday. No casualties were reported.", "shelling"),
        ("Tue 11/06 | Hajin | Asayish arrested 3 men in a raid | killed 0", "detention"),
    ],
)
def test_a_violent_event_or_a_deaths_cell_keeps_its_zero(extractor, text, event_type):
    assert fatalities(_one(_mentions(extractor, text), event_type).figures) == (0, 0)


@pytest.mark.parametrize(
    "text, toll",
    [
        ("SMS 41 | 08/07/19 08:20 | IDLIB / SARAQIB | Air strikes on Saraqib overnight. 0 cas "
         "reported.", (0, 0)),
        ("ALERT 77 ~ 12/06/19 11:40 ~ Mortars on the Saraqib market at 11:00, zero cas.", (0, 0)),
        ("SMS 42 | 09/07/19 17:05 | IDLIB / SARAQIB | Heavy shelling on Saraqib since noon. No "
         "cas info.", (None, None)),
        ("ALERT 78 ~ 13/06/19 09:10 ~ Shelling on the Saraqib market, no cas. information yet",
         (None, None)),
        ("ALERT 79 ~ 14/06/19 10:00 ~ Shelling on the Saraqib market. No cas.", (0, 0)),
        ("Shelling hit the Saraqib market on Monday. No casualties were reported.", (0, 0)),
    ],
)  # fmt: skip
def test_an_alert_s_cas(extractor, text, toll):
    mentions = [m for m in _mentions(extractor, text) if m.event_type != "statement"]
    assert mentions
    assert all(fatalities(m.figures) == toll for m in mentions), [
        (m.event_type, fatalities(m.figures)) for m in mentions
    ]


@pytest.mark.parametrize(
    "text, event_type, toll",
    [
        ("Team report ⌁ 02/06/2019 ⌁ Task site: Hajin, wheat fields ⌁ Incident: a harvester "
         "struck a mine; operator and his helper killed", "explosion", (2, 2)),
        ("A tractor hit a mine near Hajin on Sunday; a driver and his helper were killed.",
         "explosion", (2, 2)),
        ("Gunmen shot dead a bulldozer operator near Hawija on Sunday.", "killing", (1, 1)),
        ("An IED hit a water truck near Hajin on Monday, killing the driver's helper.",
         "explosion", (1, 1)),
    ],
)  # fmt: skip
def test_a_trade_noun_counts_its_victim(extractor, text, event_type, toll):
    assert fatalities(_one(_mentions(extractor, text), event_type).figures) == toll


@pytest.mark.parametrize(
    "text",
    [
        "Daily blotter ▹ Kirkuk Police Command ▹ Sunday 9 June 2019 ▹ 09:00 Hawija: body of a "
        "young man found in an irrigation canal, cause of death unknown",
        "The body of a woman was found near the river in Hajin on Monday; the cause of her death "
        "remains unclear.",
        "Villagers found the body of a shepherd in the desert near Hajin on Monday, the cause of "
        "death not yet known.",
    ],
)
def test_a_body_found_with_its_cause_unknown_is_no_killing(extractor, text):
    assert [m for m in _mentions(extractor, text) if m.event_type == "killing"] == []


@pytest.mark.parametrize(
    "text, toll",
    [
        ("The body of a kidnapped teacher was found in Hajin on Monday with gunshot wounds.",
         (1, 1)),
        ("The bodies of two men were found in Hajin on Monday; the cause of death was gunfire.",
         (2, 2)),
    ],
)  # fmt: skip
def test_a_body_found_otherwise_stays_a_killing(extractor, text, toll):
    assert fatalities(_one(_mentions(extractor, text), "killing").figures) == toll
