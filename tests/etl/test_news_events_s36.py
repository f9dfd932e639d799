"""Session 36 (hB26): evacuations told by people brought out of a place, moved in buses, or by
trucks that come out of it. 'About 2,800 people were brought out of the pocket on Wednesday'
(heldout33-011), '188 Iraqi nationals were moved in buses from al-Hol camp ... to the Jeddah 5
camp' (heldout32-088), 'a line of 23 trucks came out of the al-Baghouz pocket' (heldout33-050;
heldout30-029's 'trucks went into the pocket ... and came out ... carrying' is the like) were
read by no row: 'were moved out of', 'were transported in buses' and 'trucks ... left' were.

Texts written for this test (places real, incidents invented), in other wordings than the sets':
the cases of the first group give no evacuation before the change."""

from __future__ import annotations

import datetime as dt

import pytest

from etl.extraction.extract import ArticleInput, Extractor

PUB = dt.date(2019, 3, 16)


def _types(extractor: Extractor, text: str) -> list[str]:
    mentions, _ = extractor.extract(ArticleInput("s36c", text, PUB))
    return sorted({m.event_type for m in mentions if not m.background})


@pytest.mark.parametrize(
    "text",
    [
        "Some 400 women and children were brought out of the old city of Homs on Thursday.",
        "On 2 April, 95 families were moved by trucks from the Rukban camp to shelters in Homs.",
        "On Friday 230 civilians were brought out of the besieged district by the Red Crescent.",
        "Shortly after dawn, eleven buses came out of the enclave and headed north, monitors said.",
    ],
)
def test_people_brought_out_or_moved_in_buses_are_an_evacuation(extractor, text):
    assert _types(extractor, text) == ["evacuation"]


@pytest.mark.parametrize(
    "text",
    [
        "Rescuers said 17 bodies were brought out of the rubble on Tuesday.",
        "Divers said two children were brought out of the river alive on Sunday.",
    ],
)
def test_bodies_or_the_rescued_brought_out_of_rubble_or_water_are_no_evacuation(extractor, text):
    assert "evacuation" not in _types(extractor, text)
