"""General formats of dates, tolls and places (issue 8, session 11): every common numeric
date format, a count in any label=value shape, a place written as an administrative path and
a country's code as a field of a row. Sentences written for these tests, not taken from any
evaluation set; near misses beside each."""

from __future__ import annotations

import datetime as dt

import pytest

from etl.extraction.dates import find_dates
from etl.extraction.extract import ArticleInput, Extractor
from etl.extraction.figures import fatalities, find_figures
from etl.places import admin_path
from etl.places.geonames import haversine_km

PUB = dt.date(2020, 3, 20)


def _windows(text: str, published: dt.date = PUB) -> list[tuple[str, str, str]]:
    return [
        (d.start.isoformat(), d.end.isoformat(), d.text)
        for d in find_dates(text, 0, len(text), published)
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Mortars hit the camp on 20200314.", [("2020-03-14", "2020-03-14", "20200314")]),
        (
            "RPT-88; 20200314-15; mortars hit the camp",
            [("2020-03-14", "2020-03-15", "20200314-15")],
        ),
        (
            "Raids 20200228-20200302 emptied the village",
            [("2020-02-28", "2020-03-02", "20200228-20200302")],
        ),
        ("Mortars hit the camp on 2020/03/14.", [("2020-03-14", "2020-03-14", "2020/03/14")]),
        ("Mortars hit the camp on 2020.3.14.", [("2020-03-14", "2020-03-14", "2020.3.14")]),
        ("Mortars hit the camp on 14.03.20.", [("2020-03-14", "2020-03-14", "14.03.20")]),
        ("Mortars hit the camp on 14/3/20.", [("2020-03-14", "2020-03-14", "14/3/20")]),
        (
            "Mortars hit the camp on 3/14/20.",
            [("2020-03-14", "2020-03-14", "3/14/20")],
        ),  # month first
        (
            "Clashes on 13-15.03.2020 left the road shut.",
            [("2020-03-13", "2020-03-15", "13-15.03.2020")],
        ),
        (
            "Clashes 28.02.-02.03.2020 near the mill",
            [("2020-02-28", "2020-03-02", "28.02.-02.03.2020")],
        ),
        ("Mortars hit the camp on 14-Mar-20.", [("2020-03-14", "2020-03-14", "14-Mar-20")]),
        ("14-MAR-2020: mortars hit the camp", [("2020-03-14", "2020-03-14", "14-MAR-2020")]),
        ("Raids rose in 2020-W11 across the plain.", [("2020-03-09", "2020-03-15", "2020-W11")]),
        (
            "Raids rose in week 11 of 2020 across the plain.",
            [("2020-03-09", "2020-03-15", "week 11 of 2020")],
        ),
        (
            "Late on the 14th (March 2020), a mine went off.",
            [("2020-03-14", "2020-03-14", "the 14th (March 2020)")],
        ),
    ],
)
def test_numeric_date_formats(text, expected):
    assert _windows(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The patch 1.2.19 was installed.",  # a version: points need a two-digit month
        "Shipment 20201345 arrived.",  # no thirteenth month
        "Reference 2020031415 was filed.",  # ten digits: an id, no date
        "Case FM#20-0314 was closed.",  # an id with a dash
        "They counted 12345678 votes.",
    ],
)
def test_numbers_that_are_no_date(text):
    assert _windows(text) == []


def test_a_day_and_month_before_a_count_is_not_a_two_digit_year():
    assert _windows("On 3 March 19 people died.") == [("2020-03-03", "2020-03-03", "On 3 March")]


def _toll(text: str) -> tuple[float | None, float | None]:
    return fatalities(find_figures(text, 0, len(text)))


@pytest.mark.parametrize(
    ("text", "toll"),
    [
        ("Mortar rounds hit the market; fat=6; src=medics", (6.0, 6.0)),
        ("Mortar rounds hit the market; fat≈12; src=medics", (12.0, 12.0)),
        ("Mortar rounds hit the market; fat=~12", (12.0, 12.0)),
        ("Mortar rounds hit the market; fat=≥7; src=medics", (7.0, None)),
        ("Mortar rounds hit the market; fat=>7", (7.0, None)),
        ("Mortar rounds hit the market; fat=9–14; src=medics", (9.0, 14.0)),
        ("Mortar rounds hit the market; fat=0; src=police", (0.0, 0.0)),
        ("Mortar rounds hit the market; fat=4 (police); src=medics", (4.0, 4.0)),
        ("A mine went off. Killed: 9 (5 soldiers, 4 militiamen).", (9.0, 9.0)),  # breakdown
        ("A mine went off. Killed: 2 soldiers (1 officer) and 3 drivers.", (5.0, 5.0)),  # groups
        ("A mine went off. Lives lost: 4.", (4.0, 4.0)),
        ("A mine went off. Deaths = 3.", (3.0, 3.0)),
        ("Patrol ambushed, KIA 3, WIA 1", (3.0, 3.0)),
        ("A mine went off. Dead: 2 and 6 wounded.", (2.0, 2.0)),  # the 6 are no deaths
        ("A mine went off. Dead: 11, a teacher among them.", (11.0, 11.0)),
    ],
)
def test_a_toll_in_any_label_value_shape(text, toll):
    assert _toll(text) == toll


@pytest.mark.parametrize(
    "text",
    [
        "Mortar rounds hit the market; fat=n.k.; src=medics",
        "Mortar rounds hit the market; fat=—; src=medics",
        "Mortar rounds hit the market; fat=unknown",
        "Mortar rounds hit the market; Deaths: ?",
    ],
)
def test_a_label_of_no_count_gives_no_toll_not_zero(text):
    assert _toll(text) == (None, None)


def test_a_label_of_no_count_leaves_the_numbers_inside_its_bracket_uncounted():
    assert _toll("A mine went off; fat=n.k. (7 per locals); inj=2") == (None, None)


@pytest.mark.parametrize(
    ("text", "toll"),
    [
        ("Gunmen killed 5 at 10:30: police said.", (5.0, 5.0)),  # a verb, not a label
        ("A fat=free diet and killed 2 people", (2.0, 2.0)),  # 'fat=free' is no count
        ("The kia 2 was stolen after gunmen shot dead 3 guards", (3.0, 3.0)),  # lower case
    ],
)
def test_no_label_where_none_is_written(text, toll):
    assert _toll(text) == toll


def test_other_counts_by_label():
    figures = find_figures("Fighting in the town; displ=~4.500; inj=8", 0, 41)
    assert [(f.quantity, f.low, f.high) for f in figures] == [
        ("displaced", 4500.0, 4500.0),
        ("injured", 8.0, 8.0),
    ]


@pytest.mark.parametrize(
    ("text", "start", "expected"),
    [
        ("Hama » Mhardeh; shelling", 7, True),
        ("Hama » Mhardeh; shelling", 0, True),
        ("Hama > Mhardeh", 7, True),
        ("Hama/Mhardeh", 5, True),
        ("Hama / Mhardeh", 7, True),
        ("Hama and Mhardeh", 9, False),
        ("shelling and/or Mhardeh", 16, False),  # no name before the slash
        ("1/ Mhardeh: shelling", 3, False),  # a list number
    ],
)
def test_a_name_in_an_administrative_path(text, start, expected):
    end = start + len(text[start:].split()[0].rstrip(";:"))
    assert admin_path.in_path(text, start, end) is expected


def _places(extractor: Extractor, text: str, day: dt.date = PUB):
    mentions, _ = extractor.extract(ArticleInput("t", text, day))
    return [(m.place_name, m.latitude, m.longitude) for m in mentions]


def _all_near(found, point, km: float = 10.0) -> bool:
    return bool(found) and all(
        lat is not None and haversine_km((lat, lon), point) <= km for _, lat, lon in found
    )


@pytest.mark.parametrize(
    ("text", "point"),
    [
        ("RPT-12; 20200314; Hama » Mhardeh; Shells hit the town centre; fat=2", (35.25, 36.57)),
        (
            "RPT-13; 20200314; Aleppo > Manbij > Manbij; A car bomb exploded at a market",
            (36.53, 37.95),
        ),
        ("RPT-14; 20200314; Raqqa/Tabqa; Gunmen shot dead a shopkeeper", (35.84, 38.55)),
        ("RPT-15; 20200314; Deir ez-Zor › Mayadin; Drones struck a car", (35.02, 40.45)),
    ],
)
def test_the_last_name_of_a_path_is_the_place(extractor, text, point):
    assert _all_near(_places(extractor, text), point)


ROW = "RPT-16; 20160625; {code}; Western Bahr el Ghazal » Wau; Soldiers and youths fought"


def test_a_rows_country_code_field_is_evidence_for_its_town(extractor):
    # Wau of South Sudan, far from the area of interest: its country written as a code field
    assert _all_near(_places(extractor, ROW.format(code="SS")), (7.70, 27.99))
    # no code, or one of no country: no evidence, no place rather than a guess
    assert _places(extractor, ROW.format(code="ZZ")) == [(None, None, None)]


def test_a_code_word_in_prose_is_no_country_field(extractor):
    found = _places(extractor, "Soldiers of the SS unit fought in Wau.")
    assert not _all_near(found, (7.70, 27.99))


@pytest.mark.parametrize(
    ("text", "toll"),
    [
        ("A mine went off. The dead numbered nine.", (9.0, 9.0)),
        ("A mine went off. Fatalities totalled 4.", (4.0, 4.0)),
        ("A mine went off. Deaths put at 4-6.", (4.0, 6.0)),
        ("A mine went off. One man lost his life.", (1.0, 1.0)),
        ("A mine went off. Two men lost their lives.", (2.0, 2.0)),
        ("The number of martyrs has risen to 12.", (12.0, 12.0)),
    ],
)
def test_a_toll_noun_with_a_verb_of_amount_and_lives_lost(text, toll):
    assert _toll(text) == toll


@pytest.mark.parametrize(
    "text",
    [
        "Troops numbered 400 in the town.",  # no toll noun
        "A farmer lost his sheep to the flood.",  # no life lost
        "The army lost a soldier's trust.",
    ],
)
def test_amounts_and_losses_that_are_no_toll(text):
    assert _toll(text) == (None, None)


def test_until_closes_the_spell_of_the_nearest_earlier_day(extractor):
    text = (
        "On Saturday 14 March 2020 (reported on the 16th), armed men attacked army posts near "
        "the dam; fighting went on into Sunday."
    )
    mentions, _ = extractor.extract(ArticleInput("t", text, dt.date(2020, 3, 16)))
    assert [(m.date.start.isoformat(), m.date.end.isoformat()) for m in mentions] == [
        ("2020-03-14", "2020-03-15")
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [  # a date standing as a field of its own dates the whole row: 'overnight' is the night into it
        ("RPT-7; 20200314; gunmen fired on a patrol overnight.", ("2020-03-13", "2020-03-14")),
        ("RPT-7 | 14.03.2020 | gunmen fired on a patrol overnight", ("2020-03-13", "2020-03-14")),
    ],
)
def test_a_rows_date_field_anchors_overnight_across_its_fields(text, expected):
    assert {(w[0], w[1]) for w in _windows(text)} == {expected}


def test_a_date_inside_a_clause_does_not_cross_a_semicolon():
    text = "On 14 March gunmen fired on a patrol; overnight, shells fell."
    assert _windows(text)[-1][:2] == ("2020-03-19", "2020-03-20")
