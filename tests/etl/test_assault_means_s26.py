"""Session 26 (hD14), convention C5: a car bomb, suicide bomber or booby trap that opens or is
part of an assault is the assault's means: one event, the clash, whose toll includes the
bomb's dead (etl/extraction/assault_means.py, data/rules/assault_means.csv). A bomb told
with no assault beside it stays an explosion, and so does a bombing told as the bombers' own
attack ('Two suicide bombers attacked a police station', the sets' coding). Sentences
written for these tests in the shapes of heldout8-051/053, heldout19-037, heldout23-063 and
heldout23-005 (places and groups invented)."""

from __future__ import annotations

import datetime as dt

import pytest

from etl.extraction.extract import ArticleInput, Extractor
from etl.extraction.figures import fatalities
from etl.extraction.rules import read_rules
from etl.merge import cluster_mentions

THURSDAY = dt.date(2019, 1, 3)


def _events(extractor: Extractor, text: str) -> list[tuple]:
    mentions, _ = extractor.extract(ArticleInput("c5", text, THURSDAY))
    out = []
    for c in cluster_mentions([m for m in mentions if not m.background]):
        figures = [f for m in c.mentions for f in m.figures]
        out.append((c.mentions[0].event_type, fatalities(figures)))
    return sorted(out, key=str)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # the bomb opens the assault in the same sentence
            "Militants set off a car bomb at the gate of the main prison in Tessit on "
            "Wednesday evening and stormed the compound, killing 29 people.",
            [("clash", (29, 29))],
        ),
        (  # a bomber of the assault in the next sentence, undated: part of it
            "A gunfight between police and militants who had hidden in a house in Tessit left "
            "four people dead on Wednesday. A third militant detonated his explosive vest as "
            "officers closed in, wounding three of them.",
            [("clash", (4, 4))],
        ),
        (  # the bomb's dead are the assault's toll
            "Troops stormed the airport of Tessit and the adjacent base on Wednesday. "
            "Police officers said five of their men had been killed by a suicide car bomb at "
            "the base's perimeter.",
            [("clash", (5, 5))],
        ),
    ],
)
def test_a_bomb_that_opens_or_is_part_of_an_assault_is_the_clash(
    extractor: Extractor, text: str, expected: list[tuple]
) -> None:
    assert _events(extractor, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # no assault told
        "A car bomb exploded near a market in Tessit on Wednesday, killing 12 people.",
        # the bombers' own attack
        "Two suicide bombers attacked a police station in Tessit on Wednesday, killing 12 people.",
    ],
)
def test_a_bomb_with_no_assault_of_others_stays_an_explosion(
    extractor: Extractor, text: str
) -> None:
    assert "explosion" in [t for t, _ in _events(extractor, text)]


def test_a_bomb_told_at_another_time_stays_apart(extractor: Extractor) -> None:
    text = (
        "Troops stormed the village of Tessit on Wednesday after a night of fighting. "
        "Hours before the assault, a suicide bomber blew himself up among guards near the "
        "camp, killing three of them."
    )
    assert [t for t, _ in _events(extractor, text)].count("explosion") == 1


def test_the_tables_kinds() -> None:
    rows = read_rules("assault_means", ("kind", "pattern"), ("pattern",))
    assert {r["kind"] for r in rows} == {"means", "apart", "fight", "inside"}


def test_a_bomber_s_own_verb_is_an_assault_when_a_fight_follows(extractor: Extractor) -> None:
    # session 28 (heldout23-034, heldout24-068): the bombers' own verb opens an assault when
    # the sentence tells the fight that followed; without it, the bombing itself (h13-016)
    fight = (
        "Two suicide bombers attacked a base of the army on the edge of Tessit on Friday "
        "evening, and the gunfight that followed lasted until dawn."
    )
    alone = "Two suicide bombers attacked a police station in Tessit on Friday, killing 17 people."
    assert [t for t, _ in _events(extractor, fight)] == ["clash"]
    assert "explosion" in [t for t, _ in _events(extractor, alone)]
