"""Issue 8, incident-note failure classes of session 13 (heldout10 as a development set), one
group per class, in sentences written for these tests (places, units and groups invented)."""

from __future__ import annotations

import datetime as dt

import pytest

from etl.extraction.dates import find_dates
from etl.extraction.extract import ArticleInput
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
    # rounds described by a reduced clause before their verb
    ("Rockets thought to carry a chlorine payload hit the Velm quarter overnight.", {"shelling"}),
    ("The rockets were thought to be old.", set()),
    # a remnant of war going off on those clearing it
    ("Three deminers were wounded while clearing bomblets near Orra.", {"explosion"}),
    ("Teams spent the week clearing mines near Orra.", set()),
    # a count of none killed in a record's toll field tells no killing
    (
        "DATE 02/05/2019 / EVENT Gunmen abducted 4 herders near Orra / TOLL nil killed / SRC mayor",
        {"detention"},
    ),
    ("Gunmen killed 3 herders in Orra.", {"killing"}),
    # guns named first beside aircraft
    ("Government artillery and Russian jets pounded the Kell villages on Sunday.", {"shelling"}),
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


# a time of day that names no day is publication day while the text has dated nothing else,
# and the day of its own sentence when it has one; a spell counted by its day ('for a third
# day', '3RD DAY') ends on the sentence's day; two weekdays joined are the days between
@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        (
            "Gunmen raided a farm outside Velm at dawn, killing two guards.",
            "2021-03-12",
            "2021-03-12",
        ),
        ("Shelling has hit the Orra quarter since dawn.", "2021-03-12", "2021-03-12"),
        ("Troops shelled the Kell ridge at dawn on Wednesday.", "2021-03-10", "2021-03-10"),
        ("Fighting went on for a third day around the Tabb dam.", "2021-03-10", "2021-03-12"),
        (
            "Clashes in Tabb entered their fourth straight day on Thursday.",
            "2021-03-08",
            "2021-03-11",
        ),
        (
            "LOG | 0600L 11MAR21 | TABB | FIGHTING FOR THE DAM, 2ND DAY. | REF 7",
            "2021-03-10",
            "2021-03-11",
        ),
        (
            "Rebels shelled Orra on Monday and Tuesday, without casualties.",
            "2021-03-08",
            "2021-03-09",
        ),
        ("Raids hit Kell from Saturday to Monday.", "2021-03-06", "2021-03-08"),
    ],
)
def test_note_dates(text, start, end):
    dates = find_dates(text, 0, len(text), dt.date(2021, 3, 12))
    assert [(d.start.isoformat(), d.end.isoformat()) for d in dates][:1] == [(start, end)]


def test_on_the_third_day_of_is_one_day_and_a_year_ends_no_spell():
    assert (
        find_dates(
            "On the third day of the siege, troops entered Velm.", 0, 51, dt.date(2021, 3, 12)
        )
        == []
    )
    text = "Fighting continued for a third day in Tabb, where a dam was hit in 2019."
    first = find_dates(text, 0, len(text), dt.date(2021, 3, 12))[0]
    assert (first.start, first.end) == (dt.date(2021, 3, 10), dt.date(2021, 3, 12))


def test_dawn_after_the_text_dated_another_day_is_no_date(extractor):
    text = (
        "The army said on Friday that 12 villagers were killed in Monday's raid on Velm. "
        "Witnesses said the raiders came at dawn and burned the granary."
    )
    mentions, _ = extractor.extract(ArticleInput("s13-1", text, dt.date(2021, 3, 12)))
    assert all(m.date.text != "at dawn" for m in mentions)


# a counted noun's group between it and its verb: the verb still says what the number counts
@pytest.mark.parametrize(
    ("text", "low", "high"),
    [
        ("Nine guards of the Velm prison were killed on Sunday.", 9, 9),
        ("4 fighters of the Orra brigade were martyred and 2 wounded.", 4, 4),
        ("Seven soldiers of the army were wounded in Tabb.", None, None),
    ],
)
def test_a_counted_nouns_group_before_its_verb(text, low, high):
    assert fatalities(find_figures(text, 0, len(text))) == (low, high)


# a tally labelled by its dead ('the martyrs: 4'), and a count of the dead that reaches a
# figure in the simple tense, its groups added
@pytest.mark.parametrize(
    ("text", "low", "high"),
    [
        ("[Velm Committee] Strikes on the bakery; the martyrs: 4, among them a nurse.", 4, 4),
        (
            "The number of people killed in the raid by the Kell militia on the Velm farms and "
            "the old mill since Monday now stands "
            "at 9 guards and 3 raiders.",
            12,
            12,
        ),
        ("The number of martyrs of the Orra brigade reached 6.", 6, 6),
    ],
)
def test_a_tally_of_the_dead(text, low, high):
    assert fatalities(find_figures(text, 0, len(text))) == (low, high)


KUTUM = (14.2, 24.667)


# a log row opened by the log's name in capitals ('PATROL LOG | 0915L 14MAR19 | KUTUM | ...'):
# its place cell after the stamp is read as a table's is, a distance before it too; a field's
# label in a cell ('| Date: ...') is no place
@pytest.mark.parametrize(
    "text",
    [
        "PATROL LOG | 0915L 14MAR19 | KUTUM (N DARFUR) | GUNMEN ATTACK ON POLICE POST. 2X KIA. | REF 1",
        "PATROL LOG | 0915L 14MAR19 | 4KM E KUTUM | IED STRIKE ON A WATER TRUCK. 1X KIA. | REF 2",
    ],
)
def test_a_logs_place_cell(extractor, text):
    mentions, _ = extractor.extract(ArticleInput("s13-2", text, dt.date(2019, 3, 15)))
    assert mentions
    assert all(
        m.latitude is not None
        and abs(m.latitude - KUTUM[0]) < 0.1
        and abs(m.longitude - KUTUM[1]) < 0.1
        for m in mentions
    )


def test_a_fields_label_in_a_cell_is_no_place(extractor):
    text = (
        "INCIDENT REGISTER | Ref IR-19-0314 | Date: 14 Mar 2019 | Device: IED | "
        "Narrative: An IED hit a water truck on a farm track; two men were killed."
    )
    mentions, _ = extractor.extract(ArticleInput("s13-3", text, dt.date(2019, 3, 15)))
    assert mentions
    assert all(m.latitude is None or m.latitude < 30 for m in mentions)  # not Date, Japan


def test_a_happening_during_friday_prayers_is_dated_by_that_friday():
    text = "Gunmen opened fire on worshippers in Velm after Friday prayers."
    first = find_dates(text, 0, len(text), dt.date(2021, 3, 14))[0]
    assert (first.start, first.end) == (dt.date(2021, 3, 12), dt.date(2021, 3, 12))
    assert find_dates("Friday prayers were held in the open.", 0, 37, dt.date(2021, 3, 14)) == []
