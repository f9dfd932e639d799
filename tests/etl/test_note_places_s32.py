"""Incident notes' places, session 32 (issue 8, helper hN22): the facility that keeps a record,
named in the record's opening cells whatever mark parts them, places what its text tells
where the text names no place of its own ('the market of the city', 'the village', 'the
camp'), and a place its text names far from the keeper's town is a namesake. Sentences written
for this test (not copied from a set); each fails before the change, the guards pass before
and after.
"""

from __future__ import annotations

import datetime as dt

import pytest

from etl.extraction.extract import ArticleInput, Extractor
from etl.extraction.record_shape import first_cells
from etl.places.fields import record_unit
from etl.places.geonames import haversine_km


def _mentions(extractor: Extractor, text: str, day: dt.date = dt.date(2019, 6, 10)):
    mentions, _ = extractor.extract(ArticleInput("s32", text, day))
    return mentions


def _one(mentions, event_type):
    found = [m for m in mentions if m.event_type == event_type]
    assert len(found) == 1, [(m.event_type, m.trigger, m.place_name) for m in mentions]
    return found[0]


def _km(m, point: tuple[float, float]) -> float:
    assert m.latitude is not None, (m.place_name, m.place_note)
    return haversine_km((m.latitude, m.longitude), point)


SARAQIB = (35.864, 36.806)
JISR = (35.813, 36.318)  # Jisr al-Shughur
ROJ_CAMP = (36.96, 42.08)
AL_BAB = (36.371, 37.516)
MAARAT = (35.648, 36.677)


def test_first_cells_of_a_record_and_of_prose():
    text = "Intake sheet » Saraqib Field Hospital » 3 June 2019 » Received 2 dead"
    assert [text[s:e] for s, e in first_cells(text, 3, 120)] == [
        "Intake sheet",
        "Saraqib Field Hospital",
        "3 June 2019",
    ]
    assert first_cells("On 3 June 2019, shelling hit Saraqib. 2 dead.", 3, 120) == []


@pytest.mark.parametrize(
    "text, town",
    [
        ("Saraqib Field Hospital ‣ Intake sheet ‣ 3 June 2019 ‣ Received 2 dead", "Saraqib"),
        ("Intake sheet ~ PHC Saraqib ~ 3 June 2019 ~ Clinic closed", "Saraqib"),
        ("Daily sheet ▪ al-Bab north checkpoint ▪ 3 June 2019 ▪ 1 detained", "al-Bab"),
        ("al-Hol camp management » daily sheet » 3 June 2019 » 2 dead", "al-Hol"),
        ("DAILY | Saraqib surgical hospital | 03.06.2019 | Received: 2 dead", "Saraqib"),
    ],
)
def test_a_record_cell_naming_its_keeper_names_its_town(text, town):
    assert [text[s:e] for s, e in record_unit(text)] == [town]


@pytest.mark.parametrize(
    "text",
    [
        "SPOX | SDF Media Centre | 11 Oct 2019 | Tonight shells fell",  # a side's, no town's
        "Intake sheet » Admissions » 3 June 2019 » Received 2 dead",
        "On 3 June 2019, shelling hit the Saraqib Field Hospital. 2 dead.",  # prose
    ],
)
def test_no_keeper_cell(text):
    assert record_unit(text) == []


def test_a_hospital_record_places_the_city_it_names_by_its_keeper(extractor):
    text = (
        "Jisr al-Shughur National Hospital ‣ Intake sheet ‣ 3 June 2019 ‣ Received 4 dead after "
        "an air strike on the vegetable market of the city at noon ‣ Referred onward: 1"
    )
    m = _one(_mentions(extractor, text), "airstrike")
    assert _km(m, JISR) < 5


def test_a_health_centre_log_places_the_village(extractor):
    text = (
        "Supply sheet ~ PHC Saraqib ~ 4 June 2019 ~ Shelling on the western side of the village "
        "at 08:00, 3 children wounded ~ Stock: normal"
    )
    m = _one(_mentions(extractor, text), "shelling")
    assert _km(m, SARAQIB) < 5


def test_a_checkpoint_register_places_its_town(extractor):
    text = (
        "Gate register ▪ al-Bab north checkpoint ▪ 05/06/2019 ▪ A motorcycle bomb exploded 30 m "
        "from the gate; 2 guards killed ▪ Traffic: stopped"
    )
    m = _one(_mentions(extractor, text), "explosion")
    assert _km(m, AL_BAB) < 5


def test_a_camp_administration_places_the_camp(extractor):
    text = (
        "Roj camp administration » daily sheet » 06/06/2019 » Security: guards detained 4 women "
        "after a fight in the market » Water: normal"
    )
    m = _one(_mentions(extractor, text), "detention")
    assert _km(m, ROJ_CAMP) < 5


def test_a_village_read_as_a_far_namesake_is_near_the_keeper(extractor):
    # 'Maar' is an other name of Maghār in Israel; the village is a few km from the hospital
    text = (
        "Maarat al-Numan Field Hospital ‣ Intake sheet ‣ 7 June 2019 ‣ Received 2 dead after "
        "a barrel bomb on Maar Hattat this morning ‣ Referred onward: 0"
    )
    m = _one(_mentions(extractor, text), "airstrike")
    assert _km(m, MAARAT) < 10


def test_a_keeper_read_only_as_a_far_namesake_is_no_keeper(extractor):
    # the clinic's village is no gazetteer's; its first word is Maghār's other name
    text = "Supply sheet ~ PHC Maar Hattat ~ 8 June 2019 ~ Clinic closed ~ Stock: normal"
    assert record_unit(text)  # the cell is read ...
    assert extractor.resolver.unit_place(text, {}) is None  # ... its town is no namesake's


# --- a camp record's arrivals cell ---------------------------------------------------------


def test_an_arrivals_cell_is_a_displacement_at_the_camp(extractor):
    text = (
        "Roj camp administration » daily sheet » 09/06/2019 » Arrivals: 1.240 persons received "
        "from the Hajin screening site overnight » Water: normal"
    )
    m = _one(_mentions(extractor, text, dt.date(2019, 6, 9)), "displacement")
    assert _km(m, ROJ_CAMP) < 5  # where they arrived, not where they came from


@pytest.mark.parametrize(
    "text",
    [
        "Roj camp administration » daily sheet » 09/06/2019 » Arrivals: 0 » Water: normal",
        "Roj camp administration » daily sheet » 09/06/2019 » Arrivals: see annex » Water: normal",
    ],
)
def test_an_arrivals_cell_with_no_one_is_no_event(extractor, text):
    assert [m for m in _mentions(extractor, text) if m.event_type == "displacement"] == []


# --- C16: gunfire on one armed man, told as a record writes it -------------------------------


@pytest.mark.parametrize(
    "text",
    [
        # a force's member by its initials after 'of'
        "On 3 June 2019, unknown gunmen shot dead a member of the YPG in Tal Tamr. 1 fatality "
        "was reported.",
        # one armed man shot at the place he stood
        "Qamishli Field Hospital ‣ Intake sheet ‣ 4 June 2019 ‣ Received 1 dead, a YPG fighter "
        "shot at his post in the town at dawn ‣ Referred onward: 0",
        # his body: the armed man after 'of' is the dead
        "Qamishli Field Hospital ‣ Intake sheet ‣ 5 June 2019 ‣ Received the body of an Asayish "
        "member shot at a roadblock near the town overnight ‣ Referred onward: 0",
    ],
)
def test_gunfire_on_one_armed_man_is_a_clash(extractor, text):
    types = sorted(m.event_type for m in _mentions(extractor, text))
    assert "clash" in types and "killing" not in types, types


@pytest.mark.parametrize(
    "text",
    [
        "On 3 June 2019, unknown gunmen shot dead a member of the ICRC in Tal Tamr.",
        "On 3 June 2019, soldiers shot at protesters in the square, killing 2.",
    ],
)
def test_gunfire_on_the_unarmed_stays_a_killing(extractor, text):
    types = sorted(m.event_type for m in _mentions(extractor, text))
    assert "killing" in types and "clash" not in types, types


# --- a record's telegraphic passive, no 'was' ---------------------------------------------


def test_a_man_shot_by_gunmen_in_a_record_is_a_killing(extractor):
    text = (
        "Saraqib Field Hospital ‣ Intake sheet ‣ 8 June 2019 ‣ Overnight: 1 man brought dead, "
        "shot by masked gunmen outside his shop ‣ Referred onward: 0"
    )
    assert [m.event_type for m in _mentions(extractor, text)] == ["killing"]


def test_a_guard_shot_dead_by_an_attacker_at_his_gate_is_a_clash(extractor):
    text = (
        "Roj camp administration » daily sheet » 10/06/2019 » Security: a guard at the north gate "
        "shot dead by a man with a pistol at 14:00 » Water: normal"
    )
    assert [m.event_type for m in _mentions(extractor, text)] == ["clash"]


def test_a_video_shot_by_a_journalist_is_no_event(extractor):
    assert _mentions(extractor, "A video shot by a journalist on 8 June 2019 showed the square.") == []


# --- people received or registered at a site ------------------------------------------------


def test_a_site_that_received_a_count_of_arrivals_tells_a_displacement(extractor):
    text = "Flash note ▹ The Debaga reception site received 2,300 arrivals on 9 June 2019 ▹ more expected"
    assert [m.event_type for m in _mentions(extractor, text)] == ["displacement"]


def test_families_registered_at_a_site_tell_a_displacement(extractor):
    text = (
        "Sarmada Local Council — Bulletin 4 (10.06.2019):\n"
        "900 new families were registered in the camps north of the town this week."
    )
    m = _one(_mentions(extractor, text), "displacement")
    assert _km(m, (36.18, 36.72)) < 10  # the council's town
