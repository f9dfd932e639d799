"""Places, session 29 (issue 8, helper hP17): convention C12. Sentences written for this test
(not copied from a set); they use the shipped GeoNames index and the curated places.

C12. A point told by distance and direction from a named place with no other place named for
the event ("about 15 km south of Shaddadi", "12 kilometres north of the town", a register's
"al-Shaddadi, 20 km S") is coded at the moved point (the named place's point moved that
distance in that direction), geo precision 2, with the stated distance as the radius; when a
place of its own is also named ("the village of X, 15 km south of Y") the event is at X.

The words are read from data/rules/place_distances.csv (units, bearings, hedges, the least
distance that moves a point) and the register's row of data/rules/place_regions.csv.
"""

from __future__ import annotations

import datetime as dt

import pytest

from etl.extraction.extract import ArticleInput, Extractor
from etl.places import roles
from etl.places.geonames import haversine_km, moved
from etl.problems import InputError

BAQUBAH = (33.75403, 44.60518)  # GeoNames 97990, Baqubah
MUQDADIYAH = (33.97861, 44.93694)  # GeoNames 99062, Al Miqdādīyah


def _mentions(extractor: Extractor, text: str, day: dt.date = dt.date(2019, 5, 20)):
    mentions, _ = extractor.extract(ArticleInput("s29", text, day))
    return mentions


def _km(mention, point: tuple[float, float]) -> float:
    return haversine_km((mention.latitude, mention.longitude), point)


@pytest.mark.parametrize(
    ("before", "km"),
    [
        ("a convoy about 20 km ", 20.0),  # no place named before it: moved all the same
        ("some forty kilometres ", 40.0),  # a number word (figure_numbers.csv)
        ("a village twenty-five km ", 25.0),
        ("X, about 60 km ", 60.0),  # no upper bound any more (hP12's 40 km)
        ("on the road 5 km ", 5.0),  # nor the old 10 km floor
        ("X, 12 miles to the ", 12 * 1.609),
        ("a few kilometres ", None),  # no number
        ("a convoy of 20 trucks ", None),  # no unit
    ],
)
def test_stated_km_reads_any_stated_distance(before, km):
    assert roles.stated_km(before) == (pytest.approx(km) if km else None)


def test_distance_after_no_named_place_moves_the_point(extractor):
    text = (
        "A roadside bomb struck an army convoy about 20 km north of Baqubah on Sunday, "
        "killing two soldiers."
    )
    (mention,) = _mentions(extractor, text)
    assert _km(mention, moved(BAQUBAH, 20, 0.0)) < 0.5
    assert mention.geo_precision == 2 and mention.place_radius_km == 20.0
    assert mention.place_region == "20 km north of Baqubah"


def test_a_long_distance_moves_the_point_too(extractor):
    text = (
        "Gunmen shot dead two farmers in the village of Umm Qarqoush, about 60 km north of "
        "Baqubah, on Sunday."
    )
    (mention,) = _mentions(extractor, text)
    assert _km(mention, moved(BAQUBAH, 60, 0.0)) < 0.5


def test_a_known_place_of_its_own_is_the_event_s(extractor):
    text = (
        "Gunmen shot dead two farmers in Muqdadiyah, about 35 km north-east of Baqubah, on "
        "Sunday."
    )
    (mention,) = _mentions(extractor, text)
    assert _km(mention, MUQDADIYAH) < 1


def test_a_register_s_distance_and_capital_direction(extractor):
    text = "04/03/2019 | Baqubah, 20 km S | Armed clash | 3 killed | gunmen attacked a checkpoint"
    (mention,) = _mentions(extractor, text, dt.date(2019, 3, 5))
    assert _km(mention, moved(BAQUBAH, 20, 180.0)) < 0.5
    assert mention.place_region == "20 km south of Baqubah"


def test_a_register_s_place_named_before_a_distance_is_not_moved():
    text = "the village of Umm Qarqoush, 20 km S of Baqubah"
    at = text.index("Umm")
    assert roles.region_of(text, at, at + len("Umm Qarqoush"), "Umm Qarqoush") is None


def test_distance_from_the_town_moves_the_carried_place(extractor):
    text = (
        "BAQUBAH, Iraq - Gunmen attacked a police post in Baqubah on Saturday, killing three "
        "policemen. A second patrol hit a roadside bomb on Sunday near the village of Umm "
        "Qarqoush, 12 kilometres north of the town, wounding two more policemen."
    )
    bomb = next(m for m in _mentions(extractor, text) if m.event_type == "explosion")
    assert _km(bomb, moved(BAQUBAH, 12, 0.0)) < 0.5


def test_distance_from_the_town_after_the_heading_s_town(extractor):
    # a record's heading names the town, its text moves from it
    text = (
        "CR-IQ-19-0042 · incident 2019-05-18 · Baqubah · IED · Roadside bomb hit an army "
        "truck 15 km east of the town · killed 2 soldiers"
    )
    (mention,) = _mentions(extractor, text)
    assert _km(mention, moved(BAQUBAH, 15, 90.0)) < 0.5


def test_a_known_place_told_by_the_town_s_distance_stays(extractor):
    text = (
        "BAQUBAH, Iraq - Gunmen attacked a police post in Baqubah on Saturday, killing three "
        "policemen. On Sunday a bomb exploded in Muqdadiyah, a town about 35 km north-east of "
        "the city, wounding two."
    )
    bomb = next(m for m in _mentions(extractor, text) if m.event_type == "explosion")
    assert _km(bomb, MUQDADIYAH) < 1


def test_a_field_s_town_moved_by_its_text(extractor):
    text = (
        "SHEET | LOC: BAQUBAH | NATURE: IED | SUMMARY: IED on an army patrol 20 km N of "
        "Baqubah | CAS: 2 KIA"
    )
    (mention,) = _mentions(extractor, text)
    assert _km(mention, moved(BAQUBAH, 20, 0.0)) < 0.5


def test_a_town_named_in_a_road_then_moved(extractor):
    text = (
        "Gunmen killed 4 passengers on the Baqubah - Muqdadiyah road, 20 km north-east of "
        "Baqubah, on Sunday."
    )
    (mention,) = _mentions(extractor, text)
    assert _km(mention, moved(BAQUBAH, 20, 45.0)) < 0.5


def test_the_town_itself_after_its_moved_point_is_another_event(extractor):
    # 'In Baqubah itself' names the town, not the village 50 km south of it: its own event
    text = (
        "BAGHDAD - Police said two bodies were found near the village of Umm Qarqoush, about "
        "50 km south of Baqubah, on Monday. In Baqubah itself, gunmen shot dead three "
        "shopkeepers on Tuesday."
    )
    mentions = _mentions(extractor, text, dt.date(2019, 5, 22))
    assert any(_km(m, BAQUBAH) < 1 for m in mentions)
    assert any(_km(m, moved(BAQUBAH, 50, 180.0)) < 0.5 for m in mentions)


def test_a_direction_without_distance_moves_nothing(extractor):
    text = "A roadside bomb struck an army convoy north of Baqubah on Sunday, killing two."
    (mention,) = _mentions(extractor, text)
    assert _km(mention, BAQUBAH) < 0.5 and mention.place_region == "north of Baqubah"


def test_anaphor_offset_reads_the_distance_and_its_start():
    sentence = "The bomb hit near the village of Umm Qarqoush, some 12 km to the north of the town."
    region, at = roles.anaphor_offset(sentence)
    assert sentence[at:].startswith("some 12 km")
    assert (region.offset_km, region.bearing, region.precision, region.radius_km) == (
        12.0, 0.0, 2, 12.0,
    )  # fmt: skip
    assert roles.own_place_before(sentence, sentence.index(","), at)
    assert roles.anaphor_offset("north of the town") is None


def test_distance_table_problems_are_named(tmp_path):
    (tmp_path / "place_distances.csv").write_text(
        "kind,word,value\nunit,km,1\nunit,league,x\nbearing,up,400\n", encoding="utf-8"
    )
    roles.distance_words.cache_clear()
    try:
        with pytest.raises(InputError) as error:
            roles.distance_words(tmp_path)
        text = str(error.value)
        assert "place_distances.csv:3" in text and "place_distances.csv:4" in text
    finally:
        roles.distance_words.cache_clear()


# heldout26's news places by mechanism (session 29, hP17): rows of place_roles.csv and
# place_regions.csv. Each case fails before its row; sentences written for this test.
MOREK = (35.37615, 36.68970)  # GeoNames 166640, Mūrak
GHARYAN = (32.17222, 13.02028)  # GeoNames 2217362
DAQUQ = (35.13923, 44.44907)  # GeoNames 90220, Dāqūq
TAL_RIFAAT = (36.47229, 37.09471)  # GeoNames 163476, Tall Rif'at
AL_HOL = (36.376, 41.149)  # data/curated/places.csv al_hol


def test_a_city_before_government_is_no_place(extractor):
    text = (
        "Forces loyal to the Tripoli government clashed with Haftar's troops in the hills "
        "south of Gharyan on Tuesday, killing 11 fighters."
    )
    (mention,) = _mentions(extractor, text)
    assert _km(mention, GHARYAN) < 1


def test_a_place_in_a_directed_province_is_the_place(extractor):
    text = (
        "A Turkish observation post near Morek in northern Hama came under mortar fire on "
        "Sunday, wounding three soldiers."
    )
    (mention,) = _mentions(extractor, text)
    assert _km(mention, MOREK) < 1


def test_a_district_located_by_a_town_without_a_comma(extractor):
    text = (
        "Gunmen stormed a sheep farm in the Daquq district south of Kirkuk at dawn on "
        "Wednesday and shot dead three shepherds."
    )
    (mention,) = _mentions(extractor, text)
    assert _km(mention, DAQUQ) < 1


def test_fighters_from_a_country_give_no_place(extractor):
    text = (
        "NEAR AL-BAGHOUZ, Syria - Militants attacked SDF positions at the edge of the enclave "
        "on Sunday, killing two fighters. On Saturday, dozens of militants had surrendered at "
        "the same front, among them fighters from Iraq and Central Asia."
    )
    mentions = _mentions(extractor, text, dt.date(2019, 2, 18))
    assert all(m.country != "IQ" for m in mentions)


def test_the_camp_after_people_came_from_a_front(extractor):
    text = (
        "Nine children have died on the road to al-Hol camp this month, aid workers said. On "
        "Monday alone, 4,600 people arrived at the camp, most of them in open trucks from the "
        "screening point near the Baghouz front."
    )
    arrival = next(
        m for m in _mentions(extractor, text, dt.date(2019, 3, 20)) if m.trigger.startswith("arrived")
    )
    assert _km(arrival, AL_HOL) < 2


def test_a_town_and_its_villages_located_by_a_city(extractor):
    text = (
        "More than 600 families fled the town of Tal Rifaat and surrounding villages north of "
        "Aleppo on Monday after Turkish artillery shelled the area. On Tuesday, one of the "
        "shells struck the courtyard of a school, killing a girl."
    )
    mentions = _mentions(extractor, text, dt.date(2019, 4, 5))
    assert mentions and all(_km(m, TAL_RIFAAT) < 1 for m in mentions)
