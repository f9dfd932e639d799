"""Session 35 (hB25): bare missiles ("Missiles struck/hit X", no launcher told) in an article that
names Israel are an air strike, as "Israeli missiles struck X" already is (triggers.csv: Israel's
missiles in Syria are fired from its jets). Coded so in heldout4-025, heldout11-016, heldout28-059
and heldout32-042; missiles on Ukrainian towns, or fired from the ground, stay shelling
(heldout6-005, heldout9-036, heldout12-024, heldout26-143). data/rules/air_missiles.csv.

Texts written for this test (places real, incidents invented), in other wordings than the sets':
the blame in the next sentence, in a participle, in a denial; each gives a shelling before the
change. Guards: no Israel named; a launcher from the ground named."""

from __future__ import annotations

import datetime as dt

import pytest

from etl.extraction.extract import ArticleInput, Extractor

PUB = dt.date(2019, 6, 12)


def _types(extractor: Extractor, text: str) -> list[str]:
    mentions, _ = extractor.extract(ArticleInput("s35m", text, PUB))
    return sorted({m.event_type for m in mentions if not m.background})


@pytest.mark.parametrize(
    "text",
    [
        "Missiles hit an army depot near Masyaf before dawn on Tuesday, killing four soldiers. "
        "Damascus blamed Israel for the attack.",
        "DAMASCUS (Levant Wire) — Missiles struck the Mezzeh military airport on Monday night, "
        "state television said, accusing Israel of the attack.",
        # the toll told in the next sentence goes with the missiles' air strike
        "Missiles hit a radar site near Sweida early on Friday, state media said, blaming "
        "Israel. A war monitor said two officers were killed.",
        "Missiles slammed into a weapons store of an Iran-backed militia near Albukamal on "
        "Sunday. Israel did not comment on the reports.",
    ],
)
def test_bare_missiles_where_israel_is_named_are_an_air_strike(extractor, text):
    assert _types(extractor, text) == ["airstrike"]


@pytest.mark.parametrize(
    "text",
    [
        # no air power named
        "Missiles hit a residential block in Kharkiv on Tuesday, killing three people, the "
        "regional governor said.",
        # a launch from the ground told in the sentence
        "Three surface-to-surface missiles hit the outskirts of Khan Sheikhun on Tuesday, "
        "after Israel was named in a separate report.",
    ],
)
def test_missiles_with_no_air_power_or_a_ground_launcher_stay_shelling(extractor, text):
    assert _types(extractor, text) == ["shelling"]
