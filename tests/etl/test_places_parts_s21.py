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
