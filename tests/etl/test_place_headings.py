"""Incident notes headed by their place (issue 8): bracketed stamps, dash stamps, numbered
list items, and the region written after the place in the heading. Notes written for these
tests; the towns are chosen only to be in the gazetteer."""

from __future__ import annotations

import datetime as dt

import pytest

from etl.extraction.extract import ArticleInput, Extractor
from etl.places import routes
from etl.places.scan import dateline_end

FRI = dt.date(2021, 6, 11)


@pytest.mark.parametrize(
    ("text", "name", "heading"),
    [
        ("[03.02.2021] Manbij: a mine went off.", "Manbij", "[03.02.2021] Manbij:"),
        ("Wed 14:05 -- Manbij: a mine went off.", "Manbij", "Wed 14:05 -- Manbij:"),
        ("Thu-Fri overnight -- Manbij: shelling.", "Manbij", "Thu-Fri overnight -- Manbij:"),
        (
            "Fri 04/06 21:40 -- Manbij (Aleppo): shelling.",
            "Manbij",
            "Fri 04/06 21:40 -- Manbij (Aleppo):",
        ),
        ("09:15 GMT -- Manbij: shelling.", "Manbij", "09:15 GMT -- Manbij:"),
        (
            "Deaths today. (4) Manbij, east of Aleppo: two died.",
            "Manbij",
            "(4) Manbij, east of Aleppo:",
        ),
        (
            "Sat 10:00 -- Manbij-Jarabulus rd: a mine.",
            "Manbij",
            "Sat 10:00 -- Manbij-Jarabulus rd:",
        ),
    ],
)
def test_a_stamped_heading_ends_after_its_colon(text, name, heading):
    start = text.index(name)
    assert text[: routes.heading_end(text, start, start + len(name))].endswith(heading)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Jets struck Manbij: two died.", "Manbij"),  # a name inside the sentence
        ("[03.02.2021] Manbij was quiet today.", "Manbij"),  # no colon or dash after it
        ("[03.02.2021] Wed: shelling.", "Wed"),  # a weekday is a stamp, not a place
        ("Reported at 14:05 -- Manbij: shelling.", "Manbij"),  # words before the stamp
    ],
)
def test_no_heading(text, name):
    start = text.index(name)
    assert routes.heading_end(text, start, start + len(name)) == -1


def _places(extractor: Extractor, text: str) -> list[tuple[str | None, int | None]]:
    mentions, _ = extractor.extract(ArticleInput("note", text, FRI))
    return [(m.place_name, m.geo_precision) for m in mentions]


@pytest.mark.parametrize(
    "note",
    [
        "[02.06.2021] Salqin: a drone hit a car on the main street. Fatalities: 2.",
        "Tue 23:10 -- Salqin: a drone hit a car on the main street, 2 killed.",
        # the heading's region (a governorate, its countryside) only locates the town
        "[02.06.2021] Salqin (western countryside of Idlib): a drone hit a car. Fatalities: 2.",
        "Victims recorded today. (3) Salqin, northern countryside of Idlib: a drone hit a car, "
        "2 killed.",
    ],
)
def test_a_note_is_placed_at_the_town_its_heading_names(extractor, note):
    assert _places(extractor, note) == [("Salqīn", 1)]


def test_a_road_heading_written_rd_is_a_road_from_its_first_end(extractor):
    note = "Wed 06:40 -- Salqin-Harim rd: a mine blast hit a pickup, 3 killed."
    assert _places(extractor, note) == [("Salqīn", 3)]


@pytest.mark.parametrize(
    "text",
    [
        "GAZIANTEP, Turkey, Oct 11 (Coastline) -- Shells fell on Jarabulus.",
        "GAZIANTEP (Coastline) -- Shells fell on Jarabulus.",
        "GAZIANTEP, Turkey - Shells fell on Jarabulus.",
    ],
)
def test_a_dateline_ends_with_one_or_two_dashes(text):
    assert text[: dateline_end(text, 0)].rstrip().endswith("-")


def test_a_governorate_in_the_heading_does_not_pull_a_distant_town_to_its_point(extractor):
    # Rutba lies some 140 km from the point that stands for Anbar governorate
    note = "[02.06.2021] Rutba (western Anbar): gunmen attacked a police post. Fatalities: 2."
    assert _places(extractor, note) == [("Ar Ruţbah", 1)]


@pytest.mark.parametrize(
    ("note", "expected"),
    [
        # the town alone has a larger namesake abroad and no evidence; beside the region its
        # heading names it is the town there
        ("[08.03.2022] Hays (Hodeidah governorate): shelling damaged two houses. Fatalities: 0.",
         [("Ḩays", 1)]),
        # a heading's place no gazetteer has: a region around the place its heading names
        ("[08.03.2022] Zorvitka (Idlib countryside): a drone hit a car. Fatalities: 2.",
         [("Idlib", 3)]),
    ],
)  # fmt: skip
def test_a_heading_s_place_is_looked_up_beside_its_region(extractor, note, expected):
    assert _places(extractor, note) == expected


def test_a_range_of_hills_named_after_a_city_is_a_region_not_the_city(extractor):
    note = "On 2 June 2021, shells fell near the village of Slinfah in the Latakia mountains."
    assert _places(extractor, note) == [("Şlinfah", 2)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a bracketed other name is the same place, or dropped when no reading lies near it
        ("On Monday a mortar round hit Jarabulus (Zorvit), killing 3.", [("Jarābulus", 1)]),
        ("On Monday a mortar round hit Manbij (Palma), killing 3.", [("Manbij", 1)]),
        # a month written short is no place ('Nov' is a village in the Golan)
        ("On Nov. 3, a drone struck a truck on the eastern edge of Anah, killing 2.",
         [("‘Anah", 2)]),
        # where rockets were fired from is no event place
        ("Three rockets fired by militants from Afrin hit a school in Kilis on Monday.",
         [("Kilis", 1)]),
    ],
)  # fmt: skip
def test_names_that_are_not_the_event_place(extractor, text, expected):
    assert _places(extractor, text) == expected


def test_a_likeness_elsewhere_in_the_area_is_refused_in_an_article_about_another_country(
    extractor,
):
    # 'Qadisiya' is among the other names of a suburb of Damascus; in an article about Iraq,
    # near Tikrit, it is a district of that city: the sentence takes the previous place
    text = (
        "Iraqi troops entered Tikrit on Monday. Fighting went on in the northern district of "
        "Qadisiya on Tuesday, killing 4."
    )
    assert [p for p, _ in _places(extractor, text)][-1] == "Tikrīt"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 'the provincial capital X' is a place slot
        (
            "Some 600 people who fled Quissanga reached the provincial capital Pemba on Monday.",
            ("Pemba", 1),
        ),
        # 'X Governorate' with its capital: the governorate, coarsely
        ("As Daraa Governorate counts its dead, 12 people were killed on Monday.", ("Dar‘ā", 3)),
    ],
)
def test_capitals_and_governorates_written_with_capitals(extractor, text, expected):
    assert _places(extractor, text)[-1] == expected


def test_a_town_placed_elsewhere_in_the_article_is_a_place_where_it_opens_a_sentence(extractor):
    # 'Qabbasin lies ...' is no place slot, but the last sentence places Qabbasin: the
    # shelling of 'the town's market' is then Qabbasin's, not al-Bab's
    text = (
        "Qabbasin lies on the road from al-Bab to Manbij. On Monday shelling hit the town's "
        "market, killing 4. Clashes on Sunday on the road between Qabbasin and al-Bab killed 2."
    )
    mentions, _ = extractor.extract(ArticleInput("t", text, FRI))
    assert [(m.event_type, m.place_name) for m in mentions] == [
        ("shelling", "Kabbasin"),
        ("clash", "Kabbasin"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        # 'X in the <direction> countryside of Y': Y only locates X
        "On Monday government troops re-entered Salqin in the western countryside of Idlib "
        "and killed 5 fighters.",
        "On Monday jets struck Salqin in the Idlib countryside, killing 5.",
        # 'X, the capital of Y': Y only locates X
        "On Monday jets struck Salqin, the district capital of Idlib governorate, killing 5.",
    ],
)
def test_a_region_that_locates_the_town_is_not_the_event_place(extractor, text):
    assert {p for p, _ in _places(extractor, text)} == {"Salqīn"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a lower-case joining word inside a name
        ("Fighters entered Mocímboa da Praia.", ["Fighters", "Mocímboa da Praia"]),
        # a compass abbreviation of a field log is no part of the name
        ("Sat 10:00 -- W Manbij countryside: shelling.", ["Sat", "Manbij"]),
        ("a mine went off in Arima (NE Aleppo)", ["Arima", "Aleppo"]),
    ],
)
def test_names_with_joining_words_and_compass_letters(text, expected):
    from etl.places.scan import names

    assert [text[a:b] for a, b in names(text, 0, len(text))] == expected


def test_a_compass_letter_and_a_region_word_may_stand_in_a_heading(extractor):
    note = "Sat 10:00 -- W Salqin countryside: shelling hit two farms, 2 killed."
    assert _places(extractor, note) == [("Salqīn", 3)]


def test_where_a_patrol_had_set_out_from_is_not_where_it_was_ambushed(extractor):
    text = "Tue: an army patrol, which had left Diré at dawn, was ambushed near Goundam, 4 killed."
    assert {p for p, _ in _places(extractor, text)} == {"Goundam"}


def test_every_place_of_a_list_after_towards_is_a_destination():
    from etl.extraction.carry import origins

    class Spot:
        def __init__(self, text: str, name: str) -> None:
            self.start = text.index(name)

    text = "Thousands fled Azaz, heading towards Afrin and Tal Rifaat."
    spots = [Spot(text, n) for n in ("Azaz", "Afrin", "Tal Rifaat")]
    assert [s.start for s in origins(text, spots)] == [spots[0].start]
