"""A record's toll fields (session 12): 'Victims: N' in a register of deaths, a 'Deaths:' field
given to the record's first violent event (not to a later one, nor made an event itself),
'Nil cas.' as a toll of 0, a toll updated in brackets, a count of staff. Sentences written
for these tests."""

from __future__ import annotations

import datetime as dt

import pytest

from etl.extraction.extract import ArticleInput, Extractor
from etl.extraction.tolls import fatalities

DAY = dt.date(2020, 3, 4)


def _by_type(extractor: Extractor, text: str) -> dict[str, tuple]:
    mentions, _ = extractor.extract(ArticleInput("t", text, DAY))
    out: dict[str, tuple] = {}
    for m in mentions:
        out.setdefault(m.event_type, fatalities(list(m.figures)))
    return out


@pytest.mark.parametrize(
    "text, event_type, toll",
    [  # a register of deaths counts its victims
        ("REC 12 | Date of death: 03/03/2020 | Place: Tabqa | Cause: shelling | Victims: 4 "
         "(two brothers among them) | Circumstances: A shell hit their shop.", "shelling", (4, 4)),
        # a record of arrests does not
        ("REC 13 | Date of event: 03/03/2020 | Place: Tabqa | Cause: arrest | Victims: 6 | "
         "Circumstances: Six men were detained at a checkpoint.", "detention", (None, None)),
        # the toll field is the record's first violent event's
        ("| 03/03/2020 | Community: Tabqa | Incident: Air strike on a fuel depot; secondary "
         "explosions all night. | Deaths: nil | Injured: 2 |", "airstrike", (0, 0)),
        ("ALERT 77 | 03MAR20 | SYR/RAQQA | Mortar fire on the old market. Nil cas.",
         "shelling", (0, 0)),
        ("A car bomb exploded by a bus in Tabqa; 17 KIA (updated 1800 hrs: 21), 30 WIA.",
         "explosion", (21, 21)),
        ("Air strike hit the clinic in Tabqa; at least 4 staff KIA.", "airstrike", (4, None)),
    ],
)  # fmt: skip
def test_record_tolls(extractor, text, event_type, toll):
    got = _by_type(extractor, text)
    assert got.get(event_type) == toll, got


def test_a_deaths_label_is_no_event_beside_the_records_event(extractor):
    row = (
        "| 03/03/2020 | Community: Tabqa | Incident: Buses carrying families left for Jarablus. "
        "| Deaths: 0 | Injured: 0 |"
    )
    got = _by_type(extractor, row)
    assert "deaths" not in got and got.get("evacuation") == (0, 0), got
