"""Convention C6 (session 25): 'There were no casualties' / 'no injuries or deaths' gives 0
only to the violent events of its sentence or the sentence before; an evacuation or a
displacement beside it keeps its toll unknown (null). A record's own field ('Deaths: 0',
'killed=0') stays its row's toll (heldout9's and heldout13's rule for non-violent rows)."""

from __future__ import annotations

import datetime as dt

import pytest

from etl.extraction import carry
from etl.extraction.extract import ArticleInput
from etl.extraction.figures import fatalities
from etl.extraction.mentions import Figure


def _tolls(extractor, text: str) -> dict[str, tuple]:
    mentions, _ = extractor.extract(ArticleInput("t", text, dt.date(2019, 3, 20)))
    out: dict[str, tuple] = {}
    for m in mentions:
        out.setdefault(m.event_type, fatalities(m.figures))
    return out


@pytest.mark.parametrize(
    "text",
    [
        "On 19 March 2019, buses took the first 1,580 fighters and relatives out of Harasta. "
        "There were no casualties.",
        "On 19 March 2019, a convoy of trucks evacuated around 600 people from Baghouz. "
        "Neither injuries nor fatalities were reported.",
        "On 19 March 2019, a convoy of green buses took 620 fighters out of Qudsaya; nobody was hurt.",
    ],
)
def test_a_zero_told_beside_an_evacuation_is_not_its_toll(extractor, text):
    tolls = _tolls(extractor, text)
    assert tolls.get("evacuation") == (None, None)


def test_a_zero_still_goes_to_the_violent_event(extractor):
    text = (
        "On 19 March 2019, mortar shells hit the market in Idlib and hundreds of families "
        "fled the town. There were no casualties."
    )
    tolls = _tolls(extractor, text)
    assert tolls.get("shelling") == (0, 0)
    assert tolls.get("displacement", (None, None)) == (None, None)


def test_a_records_field_zero_stays_the_rows_toll():
    field = Figure("killed", 0.0, 0.0, "exact", "killed=0", 0, 8)
    words = Figure("killed", 0.0, 0.0, "exact", "There were no casualties", 0, 24)
    assert not carry.said_zero(field) and carry.said_zero(words)


class _T:
    def __init__(self, event_type: str, start: int):
        self.event_type, self.start, self.end = event_type, start, start + 5


def test_a_worded_zero_belongs_to_no_lone_evacuation():
    zero = Figure("killed", 0.0, 0.0, "exact", "no casualties", 40, 53)
    field = Figure("killed", 0.0, 0.0, "exact", "Deaths: 0", 40, 49)
    evacuation = _T("evacuation", 0)
    assert carry.trigger_for([evacuation], zero) is None
    assert carry.trigger_for([evacuation], field) is evacuation
