"""Session 35 (hB25): convention C11 for a count of strikes told only as support. "Coalition
aircraft conducted four strikes in support of the operation" (heldout30-064), "carried out 14
strikes in support of the SDF during the battle" (heldout32-036): air strikes named only as the
support of a ground assault the article tells are part of its clash, no airstrike of their own.
Strikes with their own target, day or span stay an airstrike (heldout20-011, 21-014, 23-023).

Texts written for this test (places real, incidents invented), in other wordings than the sets':
each of the first group gives an airstrike beside its clash before the change."""

from __future__ import annotations

import datetime as dt

import pytest

from etl.extraction.extract import ArticleInput, Extractor

PUB = dt.date(2019, 6, 12)


def _types(extractor: Extractor, text: str) -> list[str]:
    mentions, _ = extractor.extract(ArticleInput("s35a", text, PUB))
    return sorted({m.event_type for m in mentions if not m.background})


@pytest.mark.parametrize(
    "text",
    [
        "Iraqi troops fought Islamic State militants near Baiji on Tuesday, killing six of them. "
        "Coalition jets carried out nine strikes in support of the troops.",
        "SDF fighters clashed with IS remnants in the desert east of Shaddadi on Monday, the "
        "SDF said. Coalition aircraft conducted three air strikes in support of the SDF fighters.",
        "Fighting raged for a second day on the edge of Hajin on Sunday. The coalition said its "
        "aircraft had carried out seven strikes in support of the offensive.",
    ],
)
def test_strikes_told_only_as_support_are_part_of_the_clash(extractor, text):
    assert _types(extractor, text) == ["clash"]


@pytest.mark.parametrize(
    "text",
    [
        # a span of their own
        "Iraqi troops fought Islamic State militants near Baiji on Tuesday, killing six of "
        "them. Coalition jets carried out nine strikes in support of the troops since Sunday.",
        # no clash told: the strikes are the event
        "Coalition aircraft conducted three air strikes in support of Iraqi forces near Qaim "
        "on Monday, destroying two tunnels.",
    ],
)
def test_strikes_with_a_span_or_no_clash_stay_an_airstrike(extractor, text):
    assert "airstrike" in _types(extractor, text)
