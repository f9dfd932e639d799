"""A place outside the area of interest is taken only with evidence (etl.places.settle,
etl.places.lookup), and a table row's place cell is a place slot (etl.places.routes).
Made-up places and sentences written for this test; the end-to-end ones use the shipped
GeoNames index."""

from __future__ import annotations

import datetime as dt

import pytest

from etl.extraction.extract import ArticleInput, Extractor
from etl.places import routes
from etl.places.area import AreaOfInterest
from etl.places.choose import Evidence
from etl.places.geonames import GeoPlace, haversine_km
from etl.places.lookup import _one_country
from etl.places.settle import PlaceHit, settle

AREA = AreaOfInterest(32.0, 35.0, 37.5, 42.5, frozenset({"SY", "IQ"}))


def _hit(text: str, start: int, country: str, lat: float, lon: float) -> PlaceHit:
    return PlaceHit(
        text, start, start + len(text), f"gn:{start}", text, lat, lon, country, 1, False
    )


HOME = _hit("Qaryat Nasr", 40, "SY", 35.5, 40.0)  # a town of a home country
FAR_NAMESAKE = _hit("al-Dahr", 10, "MR", 16.6, -11.4)  # a namesake 5,000 km away
NEAR_FOREIGN = _hit("Kufr Tal", 10, "TR", 36.8, 40.2)  # just across a border, 150 km off


def _nothing(raw: str, start: int, evidence: Evidence) -> PlaceHit | None:
    return None  # no candidate of the name stands beside the sentence's other places


def test_a_namesake_far_from_a_home_place_of_its_sentence_is_dropped():
    settled = settle([FAR_NAMESAKE, HOME], (), Evidence({}, (), AREA), _nothing)
    assert settled == [HOME]  # no place rather than Mauritania for a district of a Syrian town


def test_the_home_place_is_not_dropped_for_a_foreign_one_beside_it():
    settled = settle([HOME, FAR_NAMESAKE], (), Evidence({}, (), AREA), _nothing)
    assert HOME in settled


def test_a_named_country_is_evidence_for_the_far_reading():
    settled = settle([FAR_NAMESAKE, HOME], (), Evidence({"MR": 2}, (), AREA), _nothing)
    assert settled == [FAR_NAMESAKE, HOME]


def test_two_places_neither_grounded_do_not_unseat_each_other():
    other = _hit("Bel Amra", 60, "NE", 14.0, 2.0)  # neither named nor in the area
    settled = settle([FAR_NAMESAKE, other], (), Evidence({}, (), AREA), _nothing)
    assert settled == [FAR_NAMESAKE, other]


def test_a_foreign_reading_close_to_the_home_place_stays():
    settled = settle([NEAR_FOREIGN, HOME], (), Evidence({}, (), AREA), _nothing)
    assert haversine_km((36.8, 40.2), (35.5, 40.0)) < 150
    assert settled == [NEAR_FOREIGN, HOME]


def _geo(gid: int, country: str, population: int) -> GeoPlace:
    return GeoPlace(gid, "Novohrad", country, "01", 48.0, 37.0, population, None)


def test_namesakes_of_one_country_with_a_city_among_them():
    assert _one_country([_geo(1, "UA", 60_000), _geo(2, "UA", 9_000), _geo(3, "UA", 500)])
    assert not _one_country([_geo(1, "UA", 60_000), _geo(2, "US", 9_000)])  # two countries
    assert not _one_country([_geo(1, "UA", 8_000), _geo(2, "UA", 6_000)])  # no city


@pytest.mark.parametrize(
    "row, name, cell",
    [
        ("090830ZMAR21 | HAJAR (east gate) | Mortar rounds hit", "HAJAR", "HAJAR (east gate) |"),
        (
            "2021-03-09 | Hajar - Souk quarter | Mortar rounds hit",
            "Hajar",
            "Hajar - Souk quarter |",
        ),
        ("Bulletin ended. • 07:05 | #Hajar | Mortar rounds hit", "Hajar", "Hajar |"),
        (
            "9 March 2021 to 11 March | Hajar, west of Sabra | Raids",
            "Hajar",
            "Hajar, west of Sabra |",
        ),
    ],
)
def test_the_cell_after_a_rows_stamp_holds_its_place(row, name, cell):
    start = row.index(name)
    end = routes.table_cell_end(row, start, start + len(name))
    assert row[start:end] == cell
    assert routes.note_heading(row, start, start + len(name))


@pytest.mark.parametrize(
    "row, name",
    [
        ("Mortar rounds hit | Hajar | 3 dead", "Hajar"),  # the cell before it is no stamp
        ("2021-03-09 | Mortar rounds hit Hajar | 3 dead", "Hajar"),  # not the cell's start
        ("Troops entered Hajar on 9 March.", "Hajar"),  # no table at all
    ],
)
def test_no_place_cell(row, name):
    start = row.index(name)
    assert routes.table_cell_end(row, start, start + len(name)) == -1


def _points(extractor: Extractor, text: str) -> list[tuple[float, float]]:
    mentions, _ = extractor.extract(ArticleInput("t", text, dt.date(2020, 5, 5)))
    return [(m.latitude, m.longitude) for m in mentions if m.latitude is not None]


@pytest.mark.parametrize(
    "text, point",
    [  # a capitalised place cell of a field log, the stamp a date-time group or a date
        ("051700ZMAY20 | RAQQA | Sniper fire on a patrol; 2 KIA.", (35.95, 39.01)),
        ("2020-05-05 | Manbij (west gate) | A car bomb exploded | Killed: 4", (36.53, 37.95)),
        ("• 11:20 | #Mosul | A roadside bomb killed three soldiers.", (36.34, 43.13)),
    ],
)
def test_a_table_rows_place_cell_places_its_event(extractor, text, point):
    found = _points(extractor, text)
    assert found and haversine_km(found[0], point) <= 10


def test_a_neighbourhood_named_like_a_far_town_is_not_placed_there(extractor):
    text = "On 3 May, drones struck fighters in the al-Kifah and al-Nour quarters of Tel Afar."
    found = _points(extractor, text)
    assert found and all(haversine_km(p, (36.38, 42.45)) <= 10 for p in found)


def test_a_region_of_the_country_words_table_places_an_unknown_village_near_its_town(extractor):
    # 'Gao region' ties the note to Mali and is read as the region around Gao
    text = "2021-02-02 | Tinkessouk (Gao region) | Gunmen attack a market | Killed: 5"
    found = _points(extractor, text)
    assert found and haversine_km(found[0], (16.27, -0.04)) <= 10


def test_a_transliteration_far_from_its_headings_region_gives_way_to_the_region(extractor):
    """'Bulama' has loose likenesses far away; the cell says it lies north of Monguno."""
    text = "2019-03-01 | Bulamari (N of Monguno) | Raid on an army post | Killed: 7"
    found = _points(extractor, text)
    assert found and all(haversine_km(p, (12.67, 13.61)) <= 10 for p in found)


def test_each_bullet_of_a_live_log_is_placed_by_its_own_cell(extractor):
    text = (
        "• 08:10 | #Hama | A car bomb killed four people near a checkpoint. "
        "• 09:30 | #Homs | Shelling killed two civilians in a market."
    )
    mentions, _ = extractor.extract(ArticleInput("t", text, dt.date(2020, 5, 5)))
    by_type = {m.event_type: (m.latitude, m.longitude) for m in mentions if m.latitude}
    assert haversine_km(by_type["shelling"], (34.73, 36.71)) <= 10  # Homs, not Hama


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Manbij fell to the rebels at dawn.", True),
        ("Manbij was retaken by the army on Sunday.", True),
        ("Manbij has been besieged since March.", True),
        ("Hezbollah captured two soldiers.", False),  # an active transitive verb: the actor
        ("Manbij has fallen to the rebels.", True),  # a perfect: 'fallen' of the table
        ("Hezbollah has captured two soldiers.", False),  # a perfect is no passive
        ("Manbij is quiet tonight.", False),
    ],
)
def test_the_verb_after_a_name_can_make_it_a_place(text, expected):
    from etl.places.roles import place_subject

    assert place_subject(text, text.index(" ")) is expected


def test_a_town_taken_by_a_force_is_a_place(extractor):
    text = "On Sunday, rebels took Saraqib after clashes that killed 12 fighters."
    found = _points(extractor, text)
    assert found and haversine_km(found[0], (35.86, 36.80)) <= 10


@pytest.mark.parametrize(
    "text, name",
    [
        (
            "Idlib: Samir al-Hassan, from Saraqib, died of his wounds in a field hospital.",
            "Saraqib",
        ),
        ("A farmer, a native of Kafr Nabl, was shot near Maarrat al-Numan.", "Kafr Nabl"),
        ("Umar Said, originally from Hajin, was detained at a checkpoint.", "Hajin"),
    ],
)
def test_a_persons_home_town_is_not_where_it_happened(text, name):
    from etl.places.roles import role_of

    start = text.index(name)
    assert role_of(text, start, start + len(name)) == "origin"


def test_a_place_after_a_comma_and_from_that_is_no_home_town_keeps_its_role():
    from etl.places.roles import role_of

    text = "Shells fell on the town, from Hajin to Susah."  # 'town' is no capitalised name
    start = text.index("Hajin")
    assert role_of(text, start, start + len("Hajin")) != "origin"
