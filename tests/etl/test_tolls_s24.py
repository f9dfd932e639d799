"""Issue 8, session 24 (hT12): tolls by mechanism on heldout19-21. Two strikes, shellings or
bombings that one article places at two towns it names are two happenings, even a few km
apart: the merge no longer joins them (`merge.own_place`, `merge.told_apart`), so the toll of
one is not the other's ('shelling killed nine in Khan Sheikhun. Rockets also fell on Maarat
al-Numan, wounding seven': the rockets kill nobody). A battle moves across places and keeps
merging as before; so do other articles' reports and sentences that take their place from a
neighbour. Sentences written for these tests (places real, incidents invented); every positive
case fails before the change it pins, the guards pass both ways."""

from __future__ import annotations

import datetime as dt

import pytest

from etl.extraction.extract import ArticleInput, Extractor
from etl.extraction.mentions import DateWindow, Mention
from etl.extraction.tolls import fatalities
from etl.merge import cluster_mentions, own_place

PUB = dt.date(2019, 5, 10)


def _clusters(extractor: Extractor, text: str) -> list[tuple[str, tuple]]:
    """Each merged event's type and toll, in text order of its first mention."""
    mentions, _ = extractor.extract(ArticleInput("s24", text, PUB))
    mentions = [m for m in mentions if not m.background]
    clusters = sorted(cluster_mentions(mentions), key=lambda c: min(m.char_start for m in c.mentions))
    return [
        (c.event_type, fatalities([f for m in c.mentions for f in m.figures])) for c in clusters
    ]


@pytest.mark.parametrize(
    ("text", "kind", "tolls"),
    [
        (
            "Government shelling on the town of Kafr Nabl killed six civilians on Tuesday, "
            "rescuers said. Rockets also fell on Maarat al-Numan, to the north-east, wounding at "
            "least four people, the civil defence said.",
            "shelling",
            [(6.0, 6.0), (None, None)],
        ),
        (
            "Air strikes on a market in Maarat al-Numan killed 11 civilians on Tuesday evening, "
            "the civil defence said. In the village of Hish, a strike on a bakery killed a baker "
            "and his son, local activists said.",
            "airstrike",
            [(11.0, 11.0), (2.0, 2.0)],
        ),
    ],
)
def test_two_towns_two_strikes(extractor: Extractor, text: str, kind: str, tolls: list) -> None:
    got = [toll for t, toll in _clusters(extractor, text) if t == kind]
    assert got == tolls


def _m(kind: str, article: str, start: int, place: str | None, precision: int = 1,
       note: str | None = None, lat: float = 35.6) -> Mention:  # fmt: skip
    day = dt.date(2019, 5, 7)
    return Mention(
        article_id=article, event_type=kind, trigger="strike", trigger_start=start,
        trigger_end=start + 6, sentence="s", char_start=start, char_end=start + 40,
        date=DateWindow(day, day, "day", "explicit"), place_name=place, place_id=place,
        latitude=None if place is None else lat, longitude=None if place is None else 36.6,
        geo_precision=None if place is None else precision, place_note=note,
    )  # fmt: skip


def test_own_place_is_a_named_town_of_a_strike_shelling_or_bombing() -> None:
    assert own_place(_m("airstrike", "a", 0, "hish")) == "hish"
    assert own_place(_m("explosion", "a", 0, "hish")) == "hish"
    assert own_place(_m("clash", "a", 0, "hish")) is None  # a battle moves across places
    assert own_place(_m("shelling", "a", 0, "hish", precision=2)) is None  # a region
    assert own_place(_m("shelling", "a", 0, "hish", note="from the previous sentence")) is None
    assert own_place(_m("shelling", "a", 0, None)) is None


def test_one_article_two_towns_are_two_events_other_articles_still_merge() -> None:
    a = _m("airstrike", "a", 0, "maarat", lat=35.65)
    b = _m("airstrike", "a", 100, "hish", lat=35.55)  # 11 km off: places_compatible
    assert len(cluster_mentions([a, b])) == 2
    other = _m("airstrike", "b", 0, "hish", lat=35.55)  # another article's report
    assert len(cluster_mentions([a, other])) == 1
    borrowed = _m("airstrike", "a", 100, "hish", lat=35.55, note="from the previous sentence")
    assert len(cluster_mentions([a, borrowed])) == 1
    battle = [_m("clash", "a", 0, "maarat", lat=35.65), _m("clash", "a", 100, "hish", lat=35.55)]
    assert len(cluster_mentions(battle)) == 1
