"""Issue 8, incident-note failure classes of session 13 (heldout10 as a development set), one
group per class, in sentences written for these tests (places, units and groups invented)."""

from __future__ import annotations

import pytest

from etl.extraction.figures import fatalities, find_figures
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


# a record's toll field in capitals takes a space for its separator, whatever marks its fields
# ('/ TOLL 3 /'), and may give its count with a qualifier, by group, as zero or corrected
@pytest.mark.parametrize(
    ("text", "low", "high"),
    [
        (
            "DATE 04/05/2016 / PLACE Orra / EVENT Car bomb at a market / TOLL 6 (civ) / SRC police",
            6,
            6,
        ),
        ("DATE 04/05/2016 / EVENT Raid on a post / TOLL 5 police + 2 raiders / SRC army", 7, 7),
        ("DATE 04/05/2016 / EVENT Raid on a post / TOLL at least 9 guards / SRC army", 9, None),
        ("DATE 04/05/2016 / EVENT Raid on a post / TOLL nil; 4 hurt / SRC army", 0, 0),
        ("DATE 04/05/2016 / EVENT Bombing at a cafe / TOLL 8; revised 10 / SRC police", 10, 10),
        (
            "LOG | 0900L 04MAY16 | TABB | ASSAULT ON A POST. ARMY KIA 4; MILITIA KIA 3. | REF 1",
            7,
            7,
        ),
        (
            "LOG | 0900L 04MAY16 | TABB | ASSAULT ON A POST. ARMY KIA 4, RAIDER KIA UNK. | REF 1",
            4,
            None,
        ),
        (
            "LOG | 0900L 04MAY16 | TABB | TOWN TAKEN AFTER FIGHTING. RAIDER KIA EST 15+. | REF 1",
            15,
            None,
        ),
    ],
)
def test_a_records_toll_field(text, low, high):
    figures = find_figures(text, 0, len(text))
    assert fatalities(figures) == (low, high)


def test_labels_of_other_counts_are_not_added():
    text = "LOG | 0900L 04MAY16 | TABB | ASSAULT ON A POST. ARMY KIA 4, WIA 3. | REF 1"
    assert fatalities(find_figures(text, 0, len(text))) == (4, 4)
