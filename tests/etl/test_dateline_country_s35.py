"""Session 35 (hP25): a dateline that names its country after a capital's homonym ('TRIPOLI,
Lebanon — ') lends the capital's country nothing.

A dateline's city that is a national capital names that capital's country ('CAIRO, March 3
(Reuters) -' names Egypt), the first guide to a homonym. 'TRIPOLI, Lebanon — ' (heldout19,
22, 24, 26, 31: five sets) then named Libya as often as Lebanon, and Tripoli in the text was
read as Libya's capital, 2,100 km off (h24-050, h19-010). The dateline's own country now
decides: the capital's name adds its country only when the dateline names no other. A
capital's dateline alone ('TRIPOLI (Reuters) — ') still names Libya. Sentences of my own
wording.
"""

from __future__ import annotations

import datetime as dt

import pytest

from etl.extraction.extract import ArticleInput, Extractor
from etl.places.geonames import haversine_km

DAY = dt.date(2019, 6, 5)
TRIPOLI_LB = (34.434, 35.844)
TRIPOLI_LY = (32.887, 13.187)


def _placed(extractor: Extractor, text: str):
    mentions, _ = extractor.extract(ArticleInput("s35-dateline-country", text, DAY))
    placed = [m for m in mentions if not m.background and m.latitude is not None]
    assert placed
    return placed


@pytest.mark.parametrize(
    "text",
    [
        "TRIPOLI, Lebanon (AP) — A gunman shot dead two soldiers at a checkpoint in Tripoli's "
        "old souks on Monday, the army said.",
        "TRIPOLI, Lebanon, 4 June (NNA) — Clashes between gunmen of two rival districts killed "
        "three people in Tripoli overnight.",
        "TRIPOLI, Lebanon — Army troops arrested five suspects in a raid in Tripoli on Tuesday.",
    ],
)
def test_the_datelines_country_decides_the_capitals_homonym(extractor, text):
    for m in _placed(extractor, text):
        assert haversine_km((m.latitude, m.longitude), TRIPOLI_LB) < 10, m.place_name


@pytest.mark.parametrize(
    "text",
    [
        "TRIPOLI (Reuters) — Rockets hit a residential district of Tripoli on Sunday, killing "
        "four people.",
        "TRIPOLI, Libya — Militias clashed in Tripoli on Sunday, killing six fighters.",
    ],
)
def test_the_capital_alone_or_its_own_country_is_the_capital(extractor, text):
    for m in _placed(extractor, text):
        assert haversine_km((m.latitude, m.longitude), TRIPOLI_LY) < 10, m.place_name
