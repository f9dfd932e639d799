"""Places, session 21 (issue 8, helper hPl9): a quarter, square or street named after a far
town ('the Khwaja Omari quarter', 'Kismayu Road'). Sentences written for this test; they use
the shipped GeoNames index. The cases fail before the change (the far town was taken); the
guards pass before and after.
"""

from __future__ import annotations

import datetime as dt

import pytest

from etl.extraction.extract import ArticleInput, Extractor
from etl.places.roles import names_a_part


def _places(extractor: Extractor, text: str) -> list[str | None]:
    mentions, _ = extractor.extract(ArticleInput("s21", text, dt.date(2018, 8, 14)))
    return [m.place_name for m in mentions]


@pytest.mark.parametrize(
    ("text", "end", "expected"),
    [
        ("in the Khwaja Omari quarter of", len("in the Khwaja"), True),
        ("on al-Hamidiyah and al-Qusour quarters", len("on al-Hamidiyah"), True),
        ("a bar on Kismayu Road.", len("a bar on Kismayu"), True),
        ("near the Madina gate", len("near the Madina"), True),
        # no part word after the name (or after its list)
        ("in Kismayu on Monday", len("in Kismayu"), False),
        ("the Sukma district", len("the Sukma"), False),  # a district is often a town's
        ("the Banibangou market", len("the Banibangou"), False),  # a market is its town's
    ],
)
def test_part_words_read_from_the_table(text, end, expected):
    assert names_a_part(text, end) is expected


@pytest.mark.parametrize(
    ("text", "last"),
    [
        (
            # al-Hamidiyah of Homs governorate, 388 km off, was taken for the quarters
            "Government shelling hit Deir ez-Zor on Monday, killing two people. On Tuesday IS "
            "mortars fell on the al-Hamidiyah and al-Qusour quarters, killing four civilians.",
            "Deir ez-Zor",
        ),
        (
            # Kismayo in Somalia, 323 km off, was taken for the street
            "Gunmen attacked a police post in Garissa on Friday, killing two officers. On "
            "Saturday a grenade thrown into a bar on Kismayu Road wounded three people.",
            "Garissa",
        ),
    ],
)
def test_a_part_of_a_town_is_no_far_town(extractor, text, last):
    assert _places(extractor, text)[-1] == last


@pytest.mark.parametrize(
    ("text", "last"),
    [
        (
            # guard: a road named after a town near the article's place is that town's
            "A suicide bomber killed six people in Baquba on Monday. On Tuesday a roadside "
            "bomb exploded on the Muqdadiyah road, killing two soldiers.",
            "Al Miqdādīyah",
        ),
        (
            # guard: nothing placed before it, the name stands
            "A roadside bomb exploded on the Kismayu road on Tuesday, killing two soldiers.",
            "Kismayo",
        ),
    ],
)
def test_a_part_named_after_a_near_town_or_alone_stands(extractor, text, last):
    assert _places(extractor, text)[-1] == last


# A table row's place cells (tab-separated or quoted CSV), largest first as an administrative
# path is written: the last cell a gazetteer knows is the place, the ones before only locate
# it. Before: a tab did not part two names ('Idlib<tab>Saraqib' was one run, the curated
# Idlib taken), and the names of a CSV row's cells stood in no place slot (nothing placed).
@pytest.mark.parametrize(
    ("text", "place"),
    [
        (
            "REG-0415\t2018-02-04\tIdlib\tSaraqib\tairstrike\tJets struck the town's market, "
            "killing 9 civilians\tkilled: 9",
            "Saraqib",
        ),
        (
            '"2016-05-03","Diyala","Baqubah","Kanaan","explosion","A car bomb exploded at a '
            'checkpoint, killing 4 people","4","11"',
            "Baqubah",  # Kanaan is in no gazetteer here: the district's town (precision 2)
        ),
    ],
)
def test_a_rows_place_cells_finest_known_first(extractor, text, place):
    assert _places(extractor, text)[0] == place


def test_row_cells_as_a_path():
    from etl.places.admin_path import in_path, joins

    row = '"2016-05-03","Diyala","Baqubah","Kanaan","explosion","A car bomb"'
    at = row.index("Baqubah")
    assert in_path(row, at, at + len("Baqubah"))
    assert joins(row, row.index("Diyala") + len("Diyala"), at)
    # a cell's first words are no whole cell: 'A' of 'A car bomb' is in no slot
    first = row.index("A car")
    assert not in_path(row, first, first + 1)
    tabbed = "x\tHoms\tal-Qaryatayn\tkilling"
    at = tabbed.index("al-Qaryatayn")
    assert in_path(tabbed, at, at + len("al-Qaryatayn"))
    assert not in_path("told by Idlib Radio", 8, 13)  # guard: no separator
