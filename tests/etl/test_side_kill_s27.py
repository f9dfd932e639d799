"""Session 27 (hC15): the dead a side says it killed ('Rebel factions said they had killed 17
government soldiers'), told in the sentence after an air strike, are a battle's told by its
killers, not the strike's toll (carry.side_kill, trigger_words.csv side_kill; heldout23-008,
heldout23-013). Told after a battle, they are that battle's, added to its dead as before
(heldout21-008). Sentences written for these tests in the sets' shapes."""

from __future__ import annotations

import datetime as dt

import pytest

from etl.extraction.carry import side_kill
from etl.extraction.extract import ArticleInput, Extractor
from etl.extraction.figures import fatalities
from etl.extraction.mentions import Figure
from etl.merge import cluster_mentions

D = dt.date


def _events(extractor: Extractor, text: str, published: dt.date) -> list[tuple]:
    """(type, start, end, toll) of each merged event that is news, sorted."""
    mentions, _ = extractor.extract(ArticleInput("s27", text, published))
    out = []
    for c in cluster_mentions([m for m in mentions if not m.background]):
        figures = [f for m in c.mentions for f in m.figures]
        out.append((c.event_type, c.start, c.end, fatalities(figures)))
    return sorted(out, key=str)


def _figure(text: str, count: str) -> Figure:
    at = text.index(count)
    return Figure("killed", 1.0, 1.0, "exact", count, at, at + len(count))


@pytest.mark.parametrize(
    ("text", "count", "side"),
    [
        ("Rebel factions said they had killed 17 government soldiers", "17 government", True),
        ("the alliance said its fighters had killed at least 30 jihadists", "at least 30", True),
        ("The army said it killed 21 militants near Mora", "21 militants", True),
        ("An explosion in the area and its vicinity killed a child", "a child", False),
        ("Russia said a strike by its warships had killed dozens of militants", "dozens", False),
        ("Two soldiers were killed, the army said", "Two soldiers", False),
    ],
)
def test_a_side_that_says_it_killed(text: str, count: str, side: bool) -> None:
    assert side_kill(text, _figure(text, count)) is side


def test_a_sides_kill_after_an_air_strike_is_a_battle_of_its_own(extractor: Extractor) -> None:
    text = (
        "IDLIB, Syria — The death toll from Tuesday's air strikes on the main market of Khan "
        "Shaykhun has risen to 12, rescuers in the town said. Rebel factions said they had "
        "killed 17 government soldiers while repelling an advance west of Kafr Zita on "
        "Wednesday."
    )
    events = _events(extractor, text, D(2019, 5, 23))
    assert ("clash", D(2019, 5, 22), D(2019, 5, 22), (17, 17)) in events
    assert [e[3] for e in events if e[0] == "airstrike"] == [(12, 12)]


def test_a_sides_kill_after_a_battle_is_added_to_its_dead(extractor: Extractor) -> None:
    text = (
        "Islamic State gunmen attacked a position of the Syrian Democratic Forces at the "
        "village of al-Dashisha before dawn on Tuesday, killing five SDF fighters, a local "
        "source said. The SDF said its men killed three of the attackers."
    )
    assert _events(extractor, text, D(2019, 4, 9)) == [
        ("clash", D(2019, 4, 9), D(2019, 4, 9), (8, 8))
    ]
