"""`merge.group_mentions` keeps each cluster's window and point beside it and asks
`places_compatible` once per point and mention: held here to the plain greedy rule (every
candidate of the (type, week) index asked `windows_meet`, `places_compatible`, `tolls_agree`
and `told_apart`, the least (fit, index) taken) on random batches."""

from __future__ import annotations

import datetime as dt
import random

import pytest

from etl.extraction import merge
from etl.extraction.mentions import DateWindow, Figure, Mention
from etl.extraction.merge import (
    Cluster,
    _fit,
    _join,
    _own_article,
    _weeks,
    _where,
    group_mentions,
    merge_order,
    places_compatible,
    told_apart,
    tolls_agree,
    windows_meet,
)

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
        if mention.date.source == "article" and not fitting:
            fitting = _own_article(clusters, by_article, mention)
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
    trigger = rng.choice(("clashes", "a second bomb", "another blast", "fighting"))
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
