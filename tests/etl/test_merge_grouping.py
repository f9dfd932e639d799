"""`merge.group_mentions` finds its candidates by place as well as by (type, week)
(etl/merge_cells.py), keeps each cluster's window and point beside it, asks
`places_compatible` once per point and mention, and reads `tolls_agree` and `told_apart` from
a per-article record of each cluster: held here to the plain greedy rule (every candidate of
the (type, week) index asked `windows_meet`, `places_compatible`, `tolls_agree` and
`told_apart`, the least (fit, index) taken) on random batches, with places near each other
and anywhere on Earth (the poles and the date line too)."""

from __future__ import annotations

import datetime as dt
import math
import random
from dataclasses import replace

import pytest

from etl import merge
from etl.extraction.mentions import DateWindow, Figure, Mention
from etl.merge import (
    NESTED_KM,
    SAME_PLACE_KM,
    Cluster,
    _fit,
    _join,
    _weeks,
    _where,
    group_mentions,
    merge_order,
    places_compatible,
    told_apart,
    tolls_agree,
    windows_meet,
)
from etl.merge_cells import Candidates

#: a few points, some within SAME_PLACE_KM or NESTED_KM of each other, some far
POINTS = [(34.46, 40.95), (34.55, 40.95), (34.70, 40.83), (35.34, 40.14), (35.93, 36.63),
          (33.31, 44.36), (36.20, 37.15)]  # fmt: skip
TYPES = ("clash", "airstrike", "killing")


def plain_grouping(mentions: list[Mention]) -> list[Cluster]:
    """The greedy clustering written as its rule reads."""
    clusters: list[Cluster] = []
    by_week: dict[tuple[str, int], list[int]] = {}
    by_article: dict[tuple[str, str], list[int]] = {}
    for mention in sorted(mentions, key=merge_order):
        window = (mention.date.start, mention.date.end)
        candidates = sorted(
            {i for w in _weeks(*window) for i in by_week.get((mention.event_type, w), ())}
        )
        fitting = [
            (_fit(clusters[i], mention), i)
            for i in candidates
            if windows_meet((clusters[i].start, clusters[i].end), window)
            and places_compatible(_where(clusters[i].place), _where(mention))
            and tolls_agree(clusters[i], mention)
            and not told_apart(clusters[i], mention)
        ]
        if mention.date.source == "article" and not fitting:  # its own article's event
            fitting = [
                (_fit(clusters[i], mention), i)
                for i in by_article.get((mention.event_type, mention.article_id), ())
                if (mention.place_note
                    or places_compatible(_where(clusters[i].place), _where(mention)))
                and tolls_agree(clusters[i], mention)
                and not told_apart(clusters[i], mention)
            ]  # fmt: skip
        if fitting:
            index = min(fitting)[1]
        else:
            index = len(clusters)
            clusters.append(Cluster(mention.event_type, mention.date.start, mention.date.end))
            for w in _weeks(*window):
                by_week.setdefault((mention.event_type, w), []).append(index)
        if mention.article_id not in clusters[index].articles:
            by_article.setdefault((mention.event_type, mention.article_id), []).append(index)
        _join(clusters[index], mention)
    return clusters


def random_mention(rng: random.Random, article: str, char_start: int) -> Mention:
    start = dt.date(2019, 3, 1) + dt.timedelta(days=rng.randrange(20))
    end = start + dt.timedelta(days=rng.choice((0, 0, 0, 1, 2, 6)))
    source = rng.choice(("explicit", "explicit", "weekday", "article"))
    place = rng.choice([None, *POINTS])
    precision = rng.choice((1, 1, 2, 3, 4))
    figures = ()
    if rng.random() < 0.3:
        low = rng.choice((0.0, 3.0, 12.0))
        figures = (Figure("killed", low, None, "", f"{low:g} killed", char_start, char_start + 8),)
    trigger = rng.choice(
        ("clashes", "a second bomb", "another blast", "fighting", "four days of fighting")
    )
    return Mention(
        article_id=article,
        event_type=rng.choice(TYPES),
        trigger=trigger,
        trigger_start=char_start + 2,
        trigger_end=char_start + 2 + len(trigger),
        sentence="s",
        char_start=char_start,
        char_end=char_start + 50,
        date=DateWindow(start, end, "day" if start == end else "days", source),
        place_name=None if place is None else "P",
        place_id=None if place is None else f"p{POINTS.index(place)}",
        latitude=None if place is None else place[0],
        longitude=None if place is None else place[1],
        geo_precision=None if place is None else precision,
        place_note=rng.choice((None, None, "neighbour")),
        figures=figures,
    )


def _shape(clusters: list[Cluster]) -> list[tuple]:
    return [(c.event_type, c.start, c.end, [id(m) for m in c.mentions], id(c.place),
             sorted(c.articles)) for c in clusters]  # fmt: skip


@pytest.mark.parametrize("seed", range(40))
def test_grouping_follows_the_plain_rule(seed):
    rng = random.Random(seed)
    mentions = [
        random_mention(rng, f"a{rng.randrange(12)}", 60 * k) for k in range(rng.randrange(20, 160))
    ]
    assert _shape(group_mentions(mentions)) == _shape(plain_grouping(mentions))


def test_the_plain_rule_is_not_trivially_met(monkeypatch):
    """The comparison can fail: a grouping that skips the place test differs."""
    rng = random.Random(1)
    mentions = [random_mention(rng, f"a{rng.randrange(12)}", 60 * k) for k in range(150)]
    monkeypatch.setattr(merge, "places_compatible", lambda a, b: True)
    assert _shape(group_mentions(mentions)) != _shape(plain_grouping(mentions))


#: places anywhere: by the poles, either side of the date line, and in between
ANCHORS = [(89.95, 10.0), (-89.9, -170.0), (12.0, 179.9), (12.1, -179.95), (0.0, 0.0),
           (34.46, 40.95), (-33.9, 18.4), (64.1, -21.9)]  # fmt: skip


def _moved(lat: float, lon: float, km: float, bearing: float) -> tuple[float, float]:
    """The point `km` away from (lat, lon) on the given bearing (degrees), great circle."""
    d, b = km / 6371.0, math.radians(bearing)
    p1, l1 = math.radians(lat), math.radians(lon)
    p2 = math.asin(math.sin(p1) * math.cos(d) + math.cos(p1) * math.sin(d) * math.cos(b))
    l2 = l1 + math.atan2(math.sin(b) * math.sin(d) * math.cos(p1),
                         math.cos(d) - math.sin(p1) * math.sin(p2))  # fmt: skip
    return math.degrees(p2), (math.degrees(l2) + 540.0) % 360.0 - 180.0


def near_threshold_point(rng: random.Random) -> tuple[float, float]:
    """A point off an anchor by about SAME_PLACE_KM or NESTED_KM (either side), or anything
    up to 600 km."""
    lat, lon = rng.choice(ANCHORS)
    km = rng.choice((rng.uniform(0, 600), rng.uniform(10, 15), rng.uniform(170, 180),
                     rng.uniform(0, 30), rng.uniform(320, 380), 0.0))  # fmt: skip
    return _moved(lat, lon, km, rng.uniform(0, 360))


def scattered_mention(rng: random.Random, article: str, char_start: int) -> Mention:
    """`random_mention` with places anywhere on Earth, some a few metres either side of
    the 25 and 350 km limits from each other; some mentions share a sentence (offset)."""
    m = random_mention(rng, article, char_start)
    if m.latitude is None:
        return m
    lat, lon = near_threshold_point(rng)
    if rng.random() < 0.02:
        lat = math.nan  # not a number: compatible with nothing but an unknown place
    return replace(m, latitude=lat, longitude=lon,
                   geo_precision=rng.choice((None, 1, 2, 2, 3, 4, 5)),
                   place_id=f"q{rng.randrange(40)}")  # fmt: skip


def scattered_batch(rng: random.Random, size: int) -> list[Mention]:
    found, offset = [], 0
    for _ in range(size):
        offset += rng.choice((0, 60, 60, 60))  # 0: another mention of the same sentence
        found.append(scattered_mention(rng, f"a{rng.randrange(10)}", offset))
    return found


@pytest.mark.parametrize("seed", range(60))
def test_grouping_anywhere_follows_the_plain_rule(seed):
    rng = random.Random(1000 + seed)
    mentions = scattered_batch(rng, rng.randrange(40, 240))
    assert _shape(group_mentions(mentions)) == _shape(plain_grouping(mentions))


def test_a_cluster_is_found_wherever_its_place_could_be_compatible():
    """The index returns every cluster whose place `places_compatible` accepts (a superset),
    and leaves out places far off (a cube holds what is within 3 r along each axis: the far
    test takes 2,000 km, more than sqrt(27) x NESTED_KM)."""
    rng = random.Random(7)
    found = missed = far = 0
    for _ in range(4000):
        a = (*near_threshold_point(rng), rng.choice((1, 2, 3, 4)))
        if rng.random() < 0.8:  # about 25 or 350 km off, either side
            km = rng.choice((rng.uniform(24, 26), rng.uniform(345, 355), rng.uniform(0, 400)))
            b = (*_moved(a[0], a[1], km, rng.uniform(0, 360)), rng.choice((1, 2, 3, 4)))
        else:
            b = (*near_threshold_point(rng), rng.choice((1, 2, 3, 4)))
        index = Candidates(SAME_PLACE_KM, NESTED_KM, 3)
        index.enter("clash", range(5, 7), 0, a)
        seen = 0 in index.near("clash", range(6, 8), b)
        if places_compatible(a, b):
            found += 1
            missed += not seen
        elif merge.distance_km(a[:2], b[:2]) > 2000:
            far += 1
            assert not seen
    assert missed == 0 and found > 1000 and far > 300


def test_a_cluster_that_moved_is_found_at_its_new_place():
    index = Candidates(SAME_PLACE_KM, NESTED_KM, 3)
    paris, berlin = (48.85, 2.35, 1), (52.52, 13.40, 1)
    index.enter("clash", range(3, 4), 0, paris)
    assert index.near("clash", range(3, 4), berlin) == set()
    index.move("clash", range(3, 4), 0, paris, berlin)
    assert index.near("clash", range(3, 4), berlin) == {0}
    assert index.near("clash", range(3, 4), paris) == set()
    assert index.near("clash", range(3, 4), None) == {0}  # an unknown place sees every one
    assert index.near("airstrike", range(3, 4), berlin) == set()


def test_moving_clusters_matters(monkeypatch):
    """The comparison can fail: an index that keeps a cluster where it opened differs."""
    monkeypatch.setattr(Candidates, "move", lambda *args: None)
    differ = 0
    for seed in range(20):
        rng = random.Random(1000 + seed)
        mentions = scattered_batch(rng, rng.randrange(40, 240))
        differ += _shape(group_mentions(mentions)) != _shape(plain_grouping(mentions))
    assert differ


def test_article_record_keeps_signs_as_bits():
    """Session 22: a cluster's record of an article keeps the toll signs given as the bits of
    an int (1 << sign), not a set object per record; the same answers as the set did.
    Session 24: the record's fourth field is the article's own place there (`own_place`).
    Session 27: its fifth the kinds of its mentions there, as bits: 1 a day's event, 2 the
    event of a span of days its toll told (C7); the two kinds never join."""
    from etl.merge import _may_join, _tell

    rng = random.Random(3)
    said: dict[str, list] = {}
    m = random_mention(rng, "a0001", 100)
    _tell(said, m, (None, False, 100, None, 1))
    assert said["a0001"] == [0, 100, -math.inf, None, 1]
    _tell(said, m, (1, False, 120, None, 1))
    assert said["a0001"][0] == 0b10 and _may_join(said["a0001"], (1, False, 130, None, 1))
    assert not _may_join(said["a0001"], (0, False, 130, None, 1))  # deadly, then 'no casualties'
    _tell(said, m, (0, True, 90, "p1", 1))
    assert said["a0001"] == [0b11, 90, 90, "p1", 1]
    assert not _may_join(said["a0001"], (1, False, 130, None, 1)) and _may_join(
        said["a0001"], (None, False, 95, None, 1)
    )
    # another own place of the same article is another happening; the same one, or none, not
    assert not _may_join(said["a0001"], (None, False, 95, "p2", 1))
    assert _may_join(said["a0001"], (None, False, 95, "p1", 1))
    # the span's event of the same article is another happening, and the other way round
    assert not _may_join(said["a0001"], (None, False, 95, "p1", 2))
    span: dict[str, list] = {}
    _tell(span, m, (1, False, 100, None, 2))
    assert span["a0001"][4] == 2 and not _may_join(span["a0001"], (None, False, 95, None, 1))
    assert _may_join(span["a0001"], (None, False, 95, None, 2))


def test_grid_keys_hold_each_cluster_once_in_a_list():
    """Session 22: the place grids keep a list per key (a cluster filed once under a key);
    a move takes it out of every key it left."""
    index = Candidates(SAME_PLACE_KM, NESTED_KM, 3)
    weeks = range(10, 12)
    index.enter("airstrike", weeks, 0, (34.45, 40.95, 1))
    index.enter("airstrike", weeks, 1, (34.45, 40.95, 1))
    entries = [v for g in index.grids.values() for v in g.values()]
    assert entries and all(type(v) is list and sorted(v) == [0, 1] for v in entries)
    index.move("airstrike", weeks, 0, (34.45, 40.95, 1), (35.93, 36.63, 1))
    near = index.near("airstrike", weeks, (34.45, 40.95, 1))
    assert near == {1}
    assert index.near("airstrike", weeks, (35.93, 36.63, 1)) == {0}
    assert all(v.count(0) <= 1 for g in index.grids.values() for v in g.values())


def test_a_cluster_is_filed_under_one_cube_a_grid_a_week():
    """Session 35: a cluster is entered under its own point's cube, one key a grid a week
    (the mention looks in the cubes its box meets); it was entered under the eight cubes of
    its own box, eight keys a grid a week (about 5 MiB of keys and lists per 1,000
    news-length articles, the clustering's largest structure)."""
    weeks = range(10, 13)
    for point, grids in (((34.45, 40.95, 1), ("placed", "precise")),
                         ((34.45, 40.95, 3), ("placed", "wide"))):  # fmt: skip
        index = Candidates(SAME_PLACE_KM, NESTED_KM, 3)
        index.enter("airstrike", weeks, 0, point)
        filed = {name: len(grid) for name, grid in index.grids.items()}
        assert filed == {name: len(weeks) if name in grids else 0 for name in filed}
        # and it is found from anywhere within SAME_PLACE_KM, in any direction
        for bearing in range(0, 360, 15):
            near = (*_moved(point[0], point[1], SAME_PLACE_KM * 0.99, bearing), 1)
            assert index.near("airstrike", range(11, 12), near) == {0}
