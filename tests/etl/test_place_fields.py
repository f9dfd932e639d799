"""A record's labelled place fields (etl.places.fields, session 12): 'Gov: X | Community: Y |',
'Place: Y, western countryside of X |'. The finest field holds the record's place, the coarser
ones and the words after it only locate it, and a place the record's text names far from it
(a destination, a city it was 'south of') does not replace it. Sentences written for these
tests; the towns are chosen only to be in the gazetteer."""

from __future__ import annotations

import datetime as dt

import pytest

from etl.extraction.extract import ArticleInput, Extractor
from etl.extraction.sentences import split_sentences
from etl.places.fields import place_fields
from etl.places.geonames import haversine_km

DAY = dt.date(2019, 6, 11)
MANBIJ = (36.53, 37.95)
TABQA = (35.84, 38.55)
JARABLUS = (36.82, 38.01)
DAQUQ = (35.14, 44.45)
RAQQA = (35.95, 39.01)


def _places(extractor: Extractor, text: str) -> list[tuple[str, float | None, float | None]]:
    mentions, _ = extractor.extract(ArticleInput("t", text, DAY))
    assert mentions, text
    return [(m.event_type, m.latitude, m.longitude) for m in mentions]


def _all_near(found, point, km: float = 10.0) -> bool:
    return all(lat is not None and haversine_km((lat, lon), point) <= km for _, lat, lon in found)


@pytest.mark.parametrize(
    "text, values",
    [
        ("| 02/03/2019 | Gov: Aleppo | Community: Manbij (east) | Incident: x |",
         [("Aleppo", 3), ("Manbij (east)", 1)]),
        ("REC 7 | Place of death: Tabqa, western countryside of Raqqa | Cause: mine",
         [("Tabqa, western countryside of Raqqa", 1)]),
        ("Location of incident: Daquq; Sub-district: Daquq; Province: Kirkuk.",
         [("Daquq", 1), ("Daquq", 2), ("Kirkuk", 3)]),
        # a label inside running prose is no field
        ("The town: a ruin. The place said: nothing.", []),
        ("Fighters reached the village: clashes followed.", []),
    ],
)  # fmt: skip
def test_place_fields_are_read_with_their_rank(text, values):
    got = [(text[f.start : f.end], f.rank) for f in place_fields(text, 0, len(text))]
    assert got == values


def test_the_finest_field_is_the_place_not_a_destination_in_the_text(extractor):
    row = (
        "| 02/03/2019 | Gov: Aleppo | Community: Manbij | Incident: Shelling hit the grain "
        "market; dozens of families fled towards Raqqa. | Deaths: 3 | Injured: 9 |"
    )
    found = _places(extractor, row)
    assert _all_near(found, MANBIJ), found


def test_the_words_after_a_fields_place_only_locate_it(extractor):
    row = (
        "RECORD 44 | Date of death: 02/03/2019 | Place: Tabqa, western countryside of Raqqa | "
        "Cause: shelling | Circumstances: A shell hit his house."
    )
    found = _places(extractor, row)
    assert _all_near(found, TABQA), found


def test_a_bracketed_name_in_the_field_only_locates_it(extractor):
    row = "| 02/03/2019 | Location: Jarablus (Aleppo) | Incident: A car bomb exploded. |"
    found = _places(extractor, row)
    assert _all_near(found, JARABLUS), found


def test_a_coarse_field_gives_way_to_a_town_the_text_names(extractor):
    row = "| 02/03/2019 | Province: Kirkuk | Incident: A roadside bomb exploded in Daquq. |"
    found = _places(extractor, row)
    assert _all_near(found, DAQUQ), found


def test_a_coarse_field_alone_places_the_record_as_a_region(extractor):
    row = "| 02/03/2019 | Governorate: Raqqa | Incident: A roadside bomb exploded. |"
    mentions, _ = extractor.extract(ArticleInput("t", row, DAY))
    assert mentions and all(m.geo_precision == 3 for m in mentions)
    assert _all_near([(m.event_type, m.latitude, m.longitude) for m in mentions], RAQQA, 30)


def test_incl_before_a_number_does_not_end_a_sentence():
    text = "Victims: 12 (incl. 4 children) | Circumstances: A shell hit the school."
    assert len(split_sentences(text)) == 1


HILLA = (32.46, 44.42)
KUFA = (32.05, 44.44)


@pytest.mark.parametrize(
    "record, point",
    [
        ("LOG | Hillah Police | 0915 hrs, 03.06.2019 | A sticky bomb exploded under a car "
         "outside the bakery. | Casualties: 2 KIA | Ref: 11/19", HILLA),
        # a station's place before its command's
        ("LOG | Najaf Police, Kufa station | 0915 hrs, 03.06.2019 | Protesters were "
         "arrested at the grain market. | Ref: 12/19", KUFA),
    ],
)  # fmt: skip
def test_a_police_records_unit_places_it_when_its_text_names_no_place(extractor, record, point):
    mentions, _ = extractor.extract(ArticleInput("t", record, DAY))
    assert mentions
    for m in mentions:
        assert m.latitude is not None and haversine_km((m.latitude, m.longitude), point) <= 10
        assert m.geo_precision == 2


def test_a_police_units_place_gives_way_to_a_place_the_text_names(extractor):
    record = (
        "LOG | Hillah Police | 0915 hrs, 03.06.2019 | A roadside bomb exploded in Kufa "
        "as a patrol passed. | Ref: 13/19"
    )
    found = _places(extractor, record)
    assert _all_near(found, KUFA), found


TOBRUK = (32.08, 23.96)


def test_an_alerts_iso3_code_names_its_country(extractor):
    alert = "ALERT 12 | 03MAR20 0700Z | LBY/TOBRUK | Drone strike on the port area overnight."
    found = _places(extractor, alert)
    assert _all_near(found, TOBRUK), found


def test_an_iso3_code_is_no_place_of_its_own(extractor):
    alert = "ALERT 13 | 03MAR20 0700Z | NGA/QWERTZUV | Gunmen attacked a village overnight."
    mentions, _ = extractor.extract(ArticleInput("t", alert, DAY))
    assert mentions and all(m.latitude is None for m in mentions)
