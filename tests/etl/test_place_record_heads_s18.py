"""A record's place in the heading of its first line (issue 8, session 18): 'Alert
2019/05/03 - Garoua (Benue): ...', 'Week 18 (...), Maroua: ...', 'FIR 12/19, PS City, Sukkur,
03-05-2019' name the record's place before its text, with no 'in' before the name; a news
article's dateline, prose and abbreviations ('Sin.') are no such heading.

Records written for this test; the towns are GeoNames', no curated place.
"""

from __future__ import annotations

import datetime as dt

import pytest

from etl.extraction.extract import ArticleInput, Extractor
from etl.places.routes import record_head

PUB = dt.date(2019, 5, 5)


def _span(text: str, name: str) -> tuple[int, int]:
    at = text.index(name)
    return at, at + len(name)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Alert 2019/05/03 - Garoua (Benue): Gunmen killed 3 farmers.", "Garoua"),
        ("Week 18 (29 April - 5 May 2019), Maroua: Gunmen killed 3 farmers.", "Maroua"),
        ("FIR 12/19, PS City, Sukkur, 03-05-2019\nA grenade exploded.", "Sukkur"),
        ("CASE 0412 / Guayaquil / 03-05-2019 / Shots were fired at a bus.", "Guayaquil"),
    ],
)
def test_a_name_in_a_records_heading_is_in_a_place_slot(text, name):
    assert record_head(text, *_span(text, name))


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # prose before the name: no heading
        ("Gunmen killed 3 farmers near Garoua: the army said.", "Garoua"),
        # an abbreviation of a state, not a town
        ("Navolato, Sin., 3 May. — Gunmen killed 3 farmers.", "Sin"),
        # a name on a later line
        ("FIR 12/19, 03-05-2019\nSukkur: a grenade exploded.", "Sukkur"),
        # a month of the heading's stamp
        ("REGISTER | Ref 19-0503 | Date: 3 May 2019 | Narrative: Shots.", "May"),
        # a long text: a news article's dateline files it
        (
            "Garoua, 3 May (Wire) - " + "Gunmen killed three farmers, officials said. " * 10,
            "Garoua",
        ),
    ],
)
def test_prose_an_abbreviation_a_later_line_or_a_long_text_is_no_records_heading(text, name):
    assert not record_head(text, *_span(text, name))


@pytest.mark.parametrize(
    ("text", "town"),
    [
        (
            "Week 18 (29 April - 5 May 2019), Maroua: Gunmen killed 3 farmers near the market.",
            "Maroua",
        ),
        (
            "FIR 12/19, PS City, Sukkur, 03-05-2019\nA grenade exploded in the bazaar; 2 injured.",
            "Sukkur",
        ),
    ],
)
def test_a_record_is_placed_at_its_headings_town(extractor: Extractor, text, town):
    mentions, _ = extractor.extract(ArticleInput("s18", text, PUB))
    assert mentions
    assert all(m.place_name == town for m in mentions)
