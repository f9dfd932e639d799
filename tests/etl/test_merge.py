"""Merging mentions into events: same type, meeting windows, same or nested places."""

from __future__ import annotations

import datetime as dt
import random

import pytest

from etl import ids
from etl.extraction.mentions import DateWindow, Figure, Mention
from etl.merge import (
    NESTED_KM,
    SAME_PLACE_KM,
    Cluster,
    cluster_mentions,
    distance_km,
    match_curated,
    places_compatible,
    windows_meet,
)

D = dt.date
KM_PER_DEGREE = 111.195  # along a meridian, on merge.distance_km's sphere


def north(point: tuple[float, float], km: float) -> tuple[float, float]:
    """The point `km` due north of `point` (south when km < 0)."""
    return (point[0] + km / KM_PER_DEGREE, point[1])


MARCH_1 = D(2019, 3, 1)
BAGHOUZ = (34.45861, 40.95056)
NEAR_BAGHOUZ = north(BAGHOUZ, SAME_PLACE_KM - 5)  # the same place
HAJIN = (34.695, 40.831)  # about 28 km from Baghouz: a different town
TOWN_140_KM = north(BAGHOUZ, 140)  # inside a region around Baghouz
TOWN_300_KM = north(BAGHOUZ, 300)
FAR_TOWN = north(BAGHOUZ, -(NESTED_KM + 50))  # due south, outside any region around Baghouz
DEIR_EZ_ZOR = (35.336, 40.141)  # the governorate's point, about 122 km from Baghouz
IDLIB = (35.93, 36.63)  # about 425 km from Baghouz


def mention(
    article: str,
    event_type: str = "clash",
    start: D = MARCH_1,
    end: D | None = None,
    where: tuple[float, float] | None = BAGHOUZ,
    precision: int = 1,
    char_start: int = 0,
    source: str = "explicit",
    figures: tuple[Figure, ...] = (),
) -> Mention:
    """A mention as the extractor would make it, with only the fields merging reads."""
    end = end or start
    precision_word = "day" if start == end else "days"
    return Mention(
        article_id=article,
        event_type=event_type,
        trigger=event_type,
        trigger_start=char_start,
        trigger_end=char_start + len(event_type),
        sentence=f"{event_type} in {article}.",
        char_start=char_start,
        char_end=char_start + 40,
        date=DateWindow(start, end, precision_word, source),
        place_name=None if where is None else f"place at {where}",
        place_id=None if where is None else f"p{where[0]:.3f},{where[1]:.3f}",
        latitude=None if where is None else where[0],
        longitude=None if where is None else where[1],
        geo_precision=None if where is None else precision,
        figures=figures,
    )


def trucks(article: str, n: int) -> Mention:
    figure = Figure("trucks", float(n), float(n), "exact", f"{n} trucks", 0, 9)
    return mention(article, "evacuation", figures=(figure,))


def _members(clusters: list[Cluster]) -> list[list[str]]:
    return [sorted(m.article_id for m in c.mentions) for c in clusters]


# (case, mentions, articles per cluster)
CASES = [
    ("same type, same day, same place", [mention("a"), mention("b")], [["a", "b"]]),
    (
        "same type, same day, places 20 km apart",
        [mention("a"), mention("b", where=NEAR_BAGHOUZ)],
        [["a", "b"]],
    ),
    (
        "overlapping windows",
        [mention("a", start=D(2019, 3, 1), end=D(2019, 3, 4)), mention("b", start=D(2019, 3, 3))],
        [["a", "b"]],
    ),
    (
        "two known days a day apart are two happenings",
        [mention("a", start=D(2019, 3, 1)), mention("b", start=D(2019, 3, 2))],
        [["a"], ["b"]],
    ),
    (
        "a window meets a day a day later (one day's slack)",
        [mention("a", start=D(2019, 3, 1), end=D(2019, 3, 2)), mention("b", start=D(2019, 3, 3))],
        [["a", "b"]],
    ),
    ("different types", [mention("a", "clash"), mention("b", "airstrike")], [["b"], ["a"]]),
    (
        "windows a week apart",
        [mention("a", start=D(2019, 3, 1)), mention("b", start=D(2019, 3, 8))],
        [["a"], ["b"]],
    ),
    (
        "windows three days apart",
        [mention("a", start=D(2019, 3, 1)), mention("b", start=D(2019, 3, 4))],
        [["a"], ["b"]],
    ),
    ("towns 28 km apart", [mention("a"), mention("b", where=HAJIN)], [["a"], ["b"]]),
    ("towns 300 km apart", [mention("a"), mention("b", where=TOWN_300_KM)], [["a"], ["b"]]),
    ("towns 140 km apart", [mention("a"), mention("b", where=TOWN_140_KM)], [["a"], ["b"]]),
    (
        "a region holds a town 140 km away",
        [mention("a", where=TOWN_140_KM), mention("b", precision=3)],
        [["a", "b"]],
    ),
    (
        "a governorate holds a town 122 km away",
        [mention("a"), mention("b", where=DEIR_EZ_ZOR, precision=3)],
        [["a", "b"]],
    ),
    (
        "a region does not hold a town beyond NESTED_KM",
        [mention("a", where=FAR_TOWN), mention("b", precision=3)],
        [["a"], ["b"]],
    ),
    ("an unknown place merges", [mention("a"), mention("b", where=None)], [["a", "b"]]),
    (
        "an undated mention joins a dated one in its window",
        [
            mention("a", start=D(2019, 3, 1)),
            mention("b", start=D(2019, 2, 27), end=D(2019, 3, 2), source="article"),
        ],
        [["a", "b"]],
    ),
]


@pytest.mark.parametrize(("case", "mentions", "expected"), CASES, ids=[c[0] for c in CASES])
def test_cluster_mentions(case, mentions, expected):
    assert _members(cluster_mentions(mentions)) == expected


def test_the_distances_the_cases_rely_on():
    assert distance_km(BAGHOUZ, NEAR_BAGHOUZ) == pytest.approx(SAME_PLACE_KM - 5, abs=0.1)
    assert SAME_PLACE_KM < distance_km(BAGHOUZ, HAJIN) < 35
    assert distance_km(BAGHOUZ, TOWN_140_KM) == pytest.approx(140, abs=0.1)
    assert distance_km(BAGHOUZ, TOWN_300_KM) == pytest.approx(300, abs=0.1)
    assert distance_km(BAGHOUZ, FAR_TOWN) == pytest.approx(NESTED_KM + 50, abs=0.1)
    assert NESTED_KM > 140  # the project promises at least this much for a region


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ((*BAGHOUZ, 1), (*NEAR_BAGHOUZ, 1), True),
        ((*BAGHOUZ, 1), (*HAJIN, 1), False),
        ((*BAGHOUZ, 1), (*DEIR_EZ_ZOR, 3), True),
        ((*DEIR_EZ_ZOR, 3), (*BAGHOUZ, 1), True),
        ((*BAGHOUZ, 3), (*FAR_TOWN, 1), False),
        ((*BAGHOUZ, 2), (*TOWN_140_KM, 1), False),
        (None, (*BAGHOUZ, 1), True),
        ((*BAGHOUZ, 1), None, True),
    ],
)
def test_places_compatible(a, b, expected):
    assert places_compatible(a, b) is expected


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ((D(2019, 3, 1), D(2019, 3, 1)), (D(2019, 3, 2), D(2019, 3, 2)), False),
        ((D(2019, 3, 1), D(2019, 3, 2)), (D(2019, 3, 3), D(2019, 3, 3)), True),
        ((D(2019, 3, 1), D(2019, 3, 1)), (D(2019, 3, 3), D(2019, 3, 3)), False),
        ((D(2019, 3, 1), D(2019, 3, 10)), (D(2019, 3, 5), D(2019, 3, 5)), True),
        ((D(2019, 3, 5), D(2019, 3, 5)), (D(2019, 3, 1), D(2019, 3, 3)), False),
        ((D(2019, 3, 5), D(2019, 3, 5)), (D(2019, 3, 1), D(2019, 3, 4)), True),
    ],
)
def test_windows_meet(a, b, expected):
    assert windows_meet(a, b) is expected
    assert windows_meet(b, a) is expected


def test_cluster_takes_the_narrowest_window_and_the_most_specific_place():
    clusters = cluster_mentions(
        [
            mention("a", start=D(2019, 3, 1), end=D(2019, 3, 5), where=DEIR_EZ_ZOR, precision=3),
            mention("b", start=D(2019, 3, 3)),
        ]
    )
    (cluster,) = clusters
    assert (cluster.start, cluster.end) == (D(2019, 3, 3), D(2019, 3, 3))
    assert cluster.place.article_id == "b"


BATCH = [
    mention("a1", "clash", D(2019, 3, 1), where=BAGHOUZ),
    mention("a2", "clash", D(2019, 3, 1), where=NEAR_BAGHOUZ, char_start=100),
    mention("a3", "clash", D(2019, 3, 1), where=HAJIN),
    mention("a4", "clash", D(2019, 3, 2), where=None),
    mention("a5", "clash", D(2019, 3, 8)),
    mention("a6", "airstrike", D(2019, 3, 1)),
    mention("a7", "airstrike", D(2019, 2, 27), D(2019, 3, 2), source="article"),
    mention("a8", "evacuation", D(2019, 3, 1), where=DEIR_EZ_ZOR, precision=3),
    mention("a9", "evacuation", D(2019, 3, 1), where=FAR_TOWN),
    mention("a1", "evacuation", D(2019, 3, 2), where=BAGHOUZ, char_start=300),
    mention("b1", "surrender", D(2019, 3, 1), D(2019, 3, 10)),
    mention("b2", "surrender", D(2019, 3, 5)),
    mention("b3", "surrender", D(2019, 3, 9), where=FAR_TOWN),
]


def _summary(clusters: list[Cluster]) -> list[tuple]:
    return [
        (
            c.event_id,
            c.event_type,
            c.start,
            c.end,
            sorted((m.article_id, m.char_start) for m in c.mentions),
        )
        for c in clusters
    ]


@pytest.fixture(scope="module")
def batch_clusters() -> list[tuple]:
    return _summary(cluster_mentions(BATCH))


def test_batch_clusters(batch_clusters):
    found = [(t, s, e, [a for a, _ in members]) for _, t, s, e, members in batch_clusters]
    assert [(s, e) for _, s, e, _ in found] == sorted((s, e) for _, s, e, _ in found)
    assert sorted(found) == [
        ("airstrike", D(2019, 3, 1), D(2019, 3, 1), ["a6", "a7"]),
        ("clash", D(2019, 3, 1), D(2019, 3, 1), ["a1", "a2"]),
        ("clash", D(2019, 3, 1), D(2019, 3, 1), ["a3"]),
        ("clash", D(2019, 3, 2), D(2019, 3, 2), ["a4"]),  # a known day after: another happening
        ("clash", D(2019, 3, 8), D(2019, 3, 8), ["a5"]),
        ("evacuation", D(2019, 3, 1), D(2019, 3, 1), ["a8"]),
        ("evacuation", D(2019, 3, 1), D(2019, 3, 1), ["a9"]),
        ("evacuation", D(2019, 3, 2), D(2019, 3, 2), ["a1"]),
        ("surrender", D(2019, 3, 5), D(2019, 3, 5), ["b1", "b2"]),
        ("surrender", D(2019, 3, 9), D(2019, 3, 9), ["b3"]),
    ]
    assert len({event_id for event_id, *_ in batch_clusters}) == len(batch_clusters)


@pytest.mark.parametrize("seed", range(8))
def test_any_input_order_gives_the_same_events(batch_clusters, seed):
    shuffled = BATCH[:]
    random.Random(seed).shuffle(shuffled)
    assert _summary(cluster_mentions(shuffled)) == batch_clusters


def test_reversed_input_gives_the_same_events(batch_clusters):
    assert _summary(cluster_mentions(reversed(BATCH))) == batch_clusters


def test_extracted_event_id_is_stable():
    (cluster,) = cluster_mentions([mention("b", char_start=7), mention("a", char_start=40)])
    assert cluster.curated_event_id is None
    # the earliest mention (date, then article, then offset) names the event
    assert cluster.event_id == ids.event_id("extracted", "a:40:clash")
    assert cluster.event_id == "ev_3ad4e77bb57a"  # the same in every run and process


def test_one_sentence_at_two_distant_places_is_two_event_ids():
    # place_split's two mentions of one sentence (session 36: they once shared an id)
    here, there = mention("a", char_start=40), mention("a", char_start=40, where=(35.9, 36.6))
    clusters = cluster_mentions([here, there, mention("b", char_start=7)])
    assert len(clusters) == 2
    assert len({c.event_id for c in clusters}) == 2
    # an event told by one sentence at one place keeps the id it always had
    (alone,) = cluster_mentions([mention("a", char_start=40)])
    assert alone.event_id == ids.event_id("extracted", "a:40:clash")


CURATED = [
    {
        "event_id": "ev_baghouz_clash",
        "event_type": "clash",
        "date_start": "2019-03-01",
        "date_end": "2019-03-02",
        "latitude": BAGHOUZ[0],
        "longitude": BAGHOUZ[1],
        "geo_precision": 1,
    },
    {
        "event_id": "ev_deir_clash",
        "event_type": "clash",
        "date_start": D(2019, 2, 20),
        "date_end": D(2019, 3, 20),
        "latitude": DEIR_EZ_ZOR[0],
        "longitude": DEIR_EZ_ZOR[1],
        "geo_precision": 3,
    },
    {
        "event_id": "ev_idlib_strike",
        "event_type": "airstrike",
        "date_start": "2019-03-01",
        "date_end": "2019-03-01",
        "latitude": IDLIB[0],
        "longitude": IDLIB[1],
        "geo_precision": 1,
    },
]

# (case, mentions of one cluster, curated event id or None)
MATCHES = [
    ("same type, day and village", [mention("a")], "ev_baghouz_clash"),
    (
        "closest window wins over the wide regional event",
        [mention("a", start=D(2019, 3, 2))],
        "ev_baghouz_clash",
    ),
    (
        "only the regional event fits the date",
        [mention("a", start=D(2019, 3, 15))],
        "ev_deir_clash",
    ),
    ("only the regional event holds the town", [mention("a", where=HAJIN)], "ev_deir_clash"),
    ("wrong type", [mention("a", "surrender")], None),
    ("airstrike far from Idlib", [mention("a", "airstrike")], None),
    ("airstrike in Idlib", [mention("a", "airstrike", where=IDLIB)], "ev_idlib_strike"),
    ("airstrike with no place", [mention("a", "airstrike", where=None)], "ev_idlib_strike"),
    ("too late for every event", [mention("a", start=D(2019, 4, 1))], None),
]


@pytest.mark.parametrize(("case", "mentions", "expected"), MATCHES, ids=[c[0] for c in MATCHES])
def test_match_curated(case, mentions, expected):
    (original,) = cluster_mentions(mentions)
    (cluster,) = match_curated([original], CURATED)
    assert cluster.curated_event_id == expected
    assert original.curated_event_id is None  # the argument is not changed
    if expected is None:
        first = mentions[0]
        assert cluster.event_id == ids.event_id(
            "extracted", f"{first.article_id}:{first.char_start}:{first.event_type}"
        )
    else:
        assert cluster.event_id == expected


def test_match_curated_goes_over_every_cluster():
    far = mention("c", where=FAR_TOWN)
    clusters = match_curated(
        cluster_mentions([mention("a"), mention("b", "surrender"), far]), CURATED
    )
    assert sorted((c.mentions[0].article_id, c.curated_event_id) for c in clusters) == [
        ("a", "ev_baghouz_clash"),
        ("b", None),
        ("c", None),
    ]


def test_an_undated_mention_joins_its_own_articles_event_not_just_any():
    # two dated convoys a day apart from two articles; an undated sentence of the second
    # article (its window covers both days) belongs with the second article's convoy
    first = mention("a", "evacuation", D(2019, 2, 19))
    second = mention("b", "evacuation", D(2019, 2, 20))
    undated = mention(
        "b", "evacuation", D(2019, 2, 17), D(2019, 2, 20), source="article", char_start=500
    )
    clusters = cluster_mentions([undated, first, second])
    members = sorted(sorted((m.article_id, m.char_start) for m in c.mentions) for c in clusters)
    assert [[a for a, _ in group] for group in members] == [["a"], ["b", "b"]]


@pytest.mark.parametrize(
    ("casualty_article", "casualty_day", "folded"),
    [
        ("a", MARCH_1, True),  # same article, same day, same place: the bombing's toll
        ("b", MARCH_1, False),  # another article's killing report stays its own event
        ("a", D(2019, 3, 5), False),  # a killing days later is another happening
    ],
)
def test_killings_fold_into_a_violent_event_of_the_same_article(
    casualty_article, casualty_day, folded
):
    bombing = mention("a", "explosion")
    toll = mention(casualty_article, "killing", casualty_day, char_start=200)
    clusters = cluster_mentions([bombing, toll])
    types = sorted(c.event_type for c in clusters)
    assert types == (["explosion"] if folded else ["explosion", "killing"])
    if folded:
        assert len(clusters[0].mentions) == 2


def _with(m: Mention, **fields) -> Mention:
    return Mention(**{**m.__dict__, **fields})


@pytest.mark.parametrize(
    ("undated_article", "where", "note", "joins"),
    [
        ("a", BAGHOUZ, None, True),  # its own article's strike, days earlier: the same one
        ("a", FAR_TOWN, None, False),  # a place of its own, far off: another happening
        ("a", FAR_TOWN, "from the previous sentence", True),  # a borrowed place is no evidence
        ("b", BAGHOUZ, None, False),  # another article: the window must meet
    ],
)
def test_an_undated_sentence_joins_its_articles_dated_event_whatever_the_window(
    undated_article, where, note, joins
):
    # 'The raids claimed the lives of nine civilians' after 'jets carried out raids on X on
    # Wednesday', in an article published a week later: one event, not two
    dated = mention("a", "airstrike", D(2019, 3, 1))
    undated = mention(
        undated_article, "airstrike", D(2019, 3, 5), D(2019, 3, 8), where, source="article"
    )
    undated = _with(undated, place_note=note, char_start=300)
    clusters = cluster_mentions([dated, undated])
    assert len(clusters) == (1 if joins else 2)


def test_a_battle_read_only_from_its_dead_folds_into_the_strike_it_follows():
    """'An IED hit a checkpoint on 7 April. 2 soldiers were killed.': the soldiers' deaths
    make a clash in their sentence; it is the bombing's toll, not a second event."""
    bomb = mention("a", "explosion")
    toll = _with(mention("a", "clash", char_start=120), trigger="killed")
    battle = _with(mention("a", "clash", char_start=240), trigger="stormed")
    assert [c.event_type for c in cluster_mentions([bomb, toll])] == ["explosion"]
    kept = sorted(c.event_type for c in cluster_mentions([bomb, battle]))
    assert kept == ["clash", "explosion"]  # a battle with its own verb stays a battle


@pytest.mark.parametrize(
    ("source", "note", "where", "folded"),
    [
        ("article", "from the previous sentence", FAR_TOWN, True),  # says no day, no place
        ("article", None, FAR_TOWN, False),  # names a far place of its own
        ("explicit", "from the previous sentence", BAGHOUZ, False),  # dated days later
    ],
)
def test_a_toll_that_says_no_day_or_place_is_the_strikes_of_its_article(
    source, note, where, folded
):
    """'The raids claimed the lives of nine civilians.' a week after the strike it follows."""
    strike = mention("a", "airstrike", D(2019, 3, 1))
    toll = mention("a", "killing", D(2019, 3, 6), D(2019, 3, 8), where, source=source)
    toll = _with(toll, place_note=note, char_start=200)
    types = sorted(c.event_type for c in cluster_mentions([strike, toll]))
    assert types == (["airstrike"] if folded else ["airstrike", "killing"])
