"""Issue 8, incident-note failure classes of session 13 (heldout10 as a development set), one
group per class, in sentences written for these tests (places, units and groups invented)."""

from __future__ import annotations

import pytest

from tests.etl.trigger_check import article_types, sentence_types

CASES = [
    # a log row's day-month-year stamp ('14MAR19') says its noun-phrase entry took place
    ("SITREP | 0915L 14MAR19 | KELL | AIR STRIKES ON THE KELL RIDGE.", {"airstrike"}),
    ("LOG | 2350L 02OCT2017 | AIR RAIDS ON THE ORRA RIDGE.", {"airstrike"}),
    ("Planners studied air strikes on bridges in the old manuals.", set()),
    # rounds (or 'arty', as logs write artillery) that impact
    ("Two rockets impacted the Velm depot before noon.", {"shelling"}),
    ("ARTY IMPACTS NEAR THE TABB WATER TOWER, 2X WIA.", {"shelling"}),
    ("The report studied the impact of sanctions.", set()),
    # mortars named on what they hit, with no verb (a note's telegraphic entry)
    ("Insurgent mortars on the Castor market, 3 dead.", {"shelling"}),
]


@pytest.mark.parametrize(("sentence", "expected"), CASES)
def test_note_class(sentence, expected):
    assert sentence_types(sentence) == expected


@pytest.mark.parametrize(("sentence", "expected"), CASES)
def test_note_class_in_an_article(sentence, expected):
    assert article_types(sentence) == expected
