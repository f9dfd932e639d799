"""Merging mentions into events: one happening reported by several articles is one event.

Two mentions are the same happening when they have the same type, date windows that meet
(a day's slack), and the same or nested places. Figures are never averaged: each stays with
its claim. Curated events are authoritative: a cluster that matches one becomes supporting
claims of it; one that matches none is a new event, extracted and awaiting review.
Deterministic: the same mentions in any order give the same events and ids.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from bisect import insort
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Any

from etl import ids
from etl.extraction.mentions import Mention
from etl.extraction.rules import read_lists
from etl.extraction.span_tolls import is_span
from etl.extraction.tolls import CASUALTY_TYPES as CASUALTIES  # killing, deaths
from etl.extraction.tolls import counted_dead
from etl.extraction.trigger_fold import VIOLENT  # airstrike, shelling, explosion, clash
from etl.extraction.trigger_fold import WORDS as TRIGGER_WORDS
from etl.merge_cells import Candidates

SLACK = dt.timedelta(days=1)
NO_SLACK = dt.timedelta(0)
WEEK = dt.timedelta(days=6)  # a window of up to seven days
SAME_PLACE_KM = 25.0
NESTED_KM = 350.0  # a governorate or country-level place contains places this far off


@dataclass
class Cluster:
    """Mentions of one happening, and the window and place they agree on."""

    event_type: str
    start: dt.date
    end: dt.date
    mentions: list[Mention] = field(default_factory=list)
    place: Mention | None = None  # the mention with the most specific place
    articles: set[str] = field(default_factory=set)
    curated_event_id: str | None = None
    #: set by `distinct_ids` on the events one sentence tells at two distant places
    split_place: str = ""

    @property
    def event_id(self) -> str:
        if self.curated_event_id:
            return self.curated_event_id
        first = min(self.mentions, key=_first_order)
        key = f"{first.article_id}:{first.char_start}:{self.event_type}"
        return ids.event_id("extracted", f"{key}:{self.split_place}" if self.split_place else key)


def _first_order(m: Mention) -> tuple:
    return (*event_id_order(m), m.place_id or "")


def distinct_ids(clusters: Sequence[Cluster]) -> None:
    """Give the events that would share an id their place in it. One sentence that joins two
    distant places with 'and' is two mentions of one type and one span (`place_split`), so
    two events with the same first sentence; each of them (not only the second, so that an
    event rebuilt alone on the merged path cannot take its sibling's id) takes its first
    mention's place into its id. Every other event keeps the id it always had: an analyst's
    place edit, which re-extracts its sentence with a new place, does not move it."""
    same: dict[str, list[Cluster]] = {}
    for c in clusters:
        if not c.curated_event_id:
            same.setdefault(c.event_id, []).append(c)
    for group in same.values():
        if len(group) < 2:
            continue
        for c in group:
            first = min(c.mentions, key=_first_order)
            c.split_place = first.place_id or f"{first.latitude},{first.longitude}"
        taken: set[str] = set()
        for k, c in enumerate(sorted(group, key=lambda c: (c.split_place, c.start, c.end))):
            if c.event_id in taken:  # (two with one place: the order they sort in tells them apart)
                c.split_place += f"#{k}"
            taken.add(c.event_id)


def event_id_order(m: Mention) -> tuple:
    """The order an extracted event's id is made of the first mention in (`Cluster.event_id`)."""
    return (m.date.start, m.date.end, m.article_id, m.char_start, m.trigger_start)


def distance_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = (
        math.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    )
    return 6371.0 * 2 * math.asin(math.sqrt(min(1.0, h)))


def places_compatible(
    a: tuple[float, float, int] | None, b: tuple[float, float, int] | None
) -> bool:
    """Same place, or one inside the other's region; unknown places never rule a match out."""
    if a is None or b is None or (a[0] == b[0] and a[1] == b[1]):
        return True  # the same point is 0 km off
    km = _km(a[0], a[1], b[0], b[1])
    return km <= SAME_PLACE_KM or (max(a[2], b[2]) >= 3 and km <= NESTED_KM)


@lru_cache(maxsize=1 << 16)
def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """`distance_km`, kept: a batch's mentions name the same few hundred places again and
    again (in the clustering of 1,000 news-length articles, 268,000 distances of a few
    thousand pairs)."""
    return distance_km((lat1, lon1), (lat2, lon2))


def windows_meet(a: tuple[dt.date, dt.date], b: tuple[dt.date, dt.date]) -> bool:
    """Windows overlap, with a day's slack unless both are single known days: convoys on
    19 and 20 February are two happenings, 'on Tuesday' and 'on Monday or Tuesday' one."""
    slack = NO_SLACK if a[0] == a[1] and b[0] == b[1] else SLACK
    return a[0] <= b[1] + slack and b[0] <= a[1] + slack


def toll_sign(m: Mention) -> int | None:
    """0 when the mention says nobody died ('no casualties'), 1 when it counts deaths, None
    when it gives no toll (kept in the merge index: etl/merge_index.py). A running total
    ('40 have been killed since March', RUNNING_TOLL) is the mention's toll when nothing
    else counts its dead, as in tolls.fatalities: a mention told with it alone is deadly."""
    lows = [f.low for f in counted_dead(m.figures) if f.low is not None]
    return None if not lows else int(max(lows) > 0)


def tolls_agree(cluster: Cluster, mention: Mention) -> bool:
    """One article does not tell one happening as both deadly and without casualties: a
    mention that says nobody died ('a patrol was hit by a roadside bomb; no casualties')
    and one of the same article that counts dead ('19 people were killed') are two events,
    whatever their windows. Other articles may revise a toll, so only the same article's
    mentions are compared."""
    sign = toll_sign(mention) if mention.figures else None
    if sign is None or mention.article_id not in cluster.articles:
        return True
    return all(
        m.article_id != mention.article_id or toll_sign(m) in (None, sign) for m in cluster.mentions
    )


#: what makes a mention a further happening of its article (data/rules/merge_further.csv)
_FURTHER_WORDS = read_lists("merge_further", ("further_trigger", "later_opening", "answer"))
#: a trigger that counts itself as a further one ('a second bomb', 'another blast')
_FURTHER = re.compile(rf"(?:{'|'.join(_FURTHER_WORDS['further_trigger'])})\b", re.I)


def told_apart(cluster: Cluster, mention: Mention) -> bool:
    """'... the truck bomb killed 175. Hours later, a second bomb ... killed five': a mention
    its article tells as a further one ('a second bomb') is not the same article's mention of
    an earlier sentence, whatever their windows and places."""
    if mention.article_id not in cluster.articles:
        return False
    here = own_place(mention)
    span = is_span(mention.trigger)
    for m in cluster.mentions:
        if m.article_id != mention.article_id:
            continue
        if is_span(m.trigger) != span:
            return True  # 'shelled Kafr Zita on Wednesday, killing two, as the death toll
            # from six days of fighting rose to 220': the days' event and the day's (C7)
        if here is not None and (there := own_place(m)) is not None and there != here:
            return True  # 'shelling killed nine in Khan Sheikhun. Rockets also fell on Maarat
            # al-Numan, 20 km north': two places its article names, two happenings
        if m.char_start == mention.char_start:
            continue
        later = m if m.char_start > mention.char_start else mention
        if further(later):
            return True
    return False


#: the types that land at a point (a strike, a shell, a bomb): one happening per place. A
#: battle moves across places ('took the town ... pulled back towards Nawa'), so not a clash.
POINT_TYPES = frozenset({"airstrike", "shelling", "explosion"})


def own_place(m: Mention) -> str | None:
    """The town or village a strike, shelling or bombing's own sentence names as its place
    (POINT_TYPES; geo precision 1, not taken from a neighbouring sentence or the article: no
    `place_note`), else None. An article that names two such places for two mentions of one
    type tells two happenings (the sets code one event per place and window)."""
    if m.event_type not in POINT_TYPES or m.place_id is None or m.geo_precision != 1:
        return None
    return None if m.place_note else m.place_id


def _fit(cluster: Cluster, mention: Mention) -> tuple:
    """How well a mention fits a cluster (lower is better).

    An undated mention (the article's window) prefers a cluster its own article already
    reports, then the most recent one; a dated one prefers the closest window.
    """
    same_article = mention.article_id in cluster.articles
    if mention.date.source == "article":
        return (not same_article, -cluster.end.toordinal())
    gap = abs((cluster.start - mention.date.start).days) + abs(
        (cluster.end - mention.date.end).days
    )
    return (gap, not same_article)


def _where(m: Mention | None) -> tuple[float, float, int] | None:
    if m is None or m.latitude is None or m.longitude is None:
        return None
    return (m.latitude, m.longitude, m.geo_precision or 2)


def _specificity(m: Mention) -> tuple:
    return (m.place_id is None, m.geo_precision or 9, m.date.end - m.date.start)


def _join(cluster: Cluster, mention: Mention) -> None:
    cluster.mentions.append(mention)
    cluster.articles.add(mention.article_id)
    narrow = (max(cluster.start, mention.date.start), min(cluster.end, mention.date.end))
    if narrow[0] <= narrow[1] and mention.date.source != "article":
        cluster.start, cluster.end = narrow
    if mention.place_id and (
        cluster.place is None or _specificity(mention) < _specificity(cluster.place)
    ):
        cluster.place = mention


def _weeks(start: dt.date, end: dt.date) -> range:
    """Week numbers (days since 1970 // 7) a window touches, slack included."""
    first = (start - SLACK - dt.date(1970, 1, 1)).days // 7
    last = (end + SLACK - dt.date(1970, 1, 1)).days // 7
    return range(first, last + 1)


def merge_order(m: Mention) -> tuple:
    """The order mentions are merged in: dated and precise ones first."""
    return (m.date.source == "article", m.date.end - m.date.start, *event_id_order(m))


def cluster_mentions(mentions: Iterable[Mention]) -> list[Cluster]:
    """Greedy clustering in a fixed order (dated and precise mentions first), so the result
    does not depend on the order mentions arrive in. Clusters are found through a
    (type, week) index, so the cost per mention stays flat as the batch grows.
    """
    clusters = fold_casualties(group_mentions(mentions))
    distinct_ids(clusters)
    return sorted(clusters, key=lambda c: (c.start, c.end, c.event_type, c.event_id))


def group_mentions(mentions: Iterable[Mention]) -> list[Cluster]:
    """The greedy clustering before tolls are folded into their strikes, clusters in the
    order they were opened (etl/merge_replay.py replays it for a new batch).

    Each mention joins the best-fitting cluster (least `_fit`, then the earliest opened) of
    its type registered in a week its window touches, whose window meets its own, whose place
    is compatible, and that `tolls_agree` and is not `told_apart`; an undated one with none
    may join a cluster its own article reports, of a compatible place unless it took its
    place from its neighbours. Otherwise it opens one.
    What keeps the cost linear in the batch (per mention, it is bounded by the clusters near
    it, not by the batch; docs/scale.md, "Session 20"):

    - candidates are found by place as well as by (type, week) (etl/merge_cells.py);
    - beside each cluster, its window (with the day's slack added to its end) and its
      place's point, updated as mentions join;
    - beside each cluster, per article: the toll signs its mentions gave, their first offset
      and the last offset of a 'further' trigger ('a second bomb'): what `tolls_agree` and
      `told_apart` read of the same article's mentions, without walking the cluster (one
      happening reported by 3,000 articles is a cluster of as many mentions).
    """
    ordered = sorted(mentions, key=merge_order)
    clusters: list[Cluster] = []
    spans: list[tuple[dt.date, dt.date, dt.date]] = []
    points: list[tuple[float, float, int] | None] = []
    weeks_of: list[range] = []
    said: list[dict[str, list]] = []  # per cluster: article -> [signs, first, last further]
    index = Candidates(SAME_PLACE_KM, NESTED_KM, 3)
    by_article: dict[tuple[str, str], list[int]] = {}
    for mention in ordered:
        start, end = window = (mention.date.start, mention.date.end)
        one_day, end_slack = start == end, end + SLACK
        where, weeks = _where(mention), _weeks(*window)
        told = _told(mention)
        fitting = []
        near: dict[tuple[float, float, int], bool] = {}  # `places_compatible` per point
        for i in index.near(mention.event_type, weeks, where):
            # (any order: the least (fit, index) wins, and no two are equal)
            c_start, c_end, c_end_slack = spans[i]
            # `windows_meet`: a day's slack unless both are single known days
            if one_day and c_start == c_end:
                if c_start > end or start > c_end:
                    continue
            elif c_start > end_slack or start > c_end_slack:
                continue
            point = points[i]
            if point is not None and where is not None:
                compatible = near.get(point)
                if compatible is None:
                    compatible = near[point] = places_compatible(point, where)
                if not compatible:
                    continue
            if _may_join(said[i].get(mention.article_id), told):
                fitting.append((_fit(clusters[i], mention), i))
        if mention.date.source == "article" and not fitting:  # its own article's event
            fitting = [
                (_fit(clusters[i], mention), i)
                for i in by_article.get((mention.event_type, mention.article_id), ())
                if (mention.place_note or places_compatible(points[i], where))
                and _may_join(said[i].get(mention.article_id), told)
            ]
        if not fitting:  # a new cluster: entered in the index with its first mention's place
            i = len(clusters)
            cluster = Cluster(mention.event_type, mention.date.start, mention.date.end)
            clusters.append(cluster)
            by_article.setdefault((mention.event_type, mention.article_id), []).append(i)
            _join(cluster, mention)
            said.append({})
            _tell(said[i], mention, told)
            spans.append((cluster.start, cluster.end, cluster.end + SLACK))
            points.append(_where(cluster.place))
            weeks_of.append(weeks)
            index.enter(mention.event_type, weeks, i, points[i])
            continue
        i = min(fitting)[1]
        cluster = clusters[i]
        if mention.article_id not in cluster.articles:
            by_article.setdefault((mention.event_type, mention.article_id), []).append(i)
        _join(cluster, mention)
        _tell(said[i], mention, told)
        if cluster.end != spans[i][1] or cluster.start != spans[i][0]:
            spans[i] = (cluster.start, cluster.end, cluster.end + SLACK)
        point = _where(cluster.place)
        if point != points[i]:
            index.move(mention.event_type, weeks_of[i], i, points[i], point)
            points[i] = point
    return clusters


def _told(m: Mention) -> tuple[int | None, bool, int, str | None, int]:
    """What `tolls_agree` and `told_apart` read of a mention: its toll's sign (None when it
    gives none), whether its trigger counts itself a further one or its sentence opens
    with 'Hours later' (`further`), its offset, its own place (`own_place`), and whether it
    is the event of a span of days told by its toll (`is_span`, C7: bit 2) or not (bit 1)."""
    sign = toll_sign(m) if m.figures else None
    return sign, further(m), m.char_start, own_place(m), 2 if is_span(m.trigger) else 1


#: a sentence that opens a later happening of its article: 'Hours later, gunmen shot dead a
#: priest ...', 'Minutes later a second blast ...' (the sets code each such one an event)
_LATER = re.compile(f"(?:{'|'.join(_FURTHER_WORDS['later_opening'])})", re.I)
#: a side's answer to what the article told before: 'Army artillery responded by pounding
#: Kafr Zita', 'Government artillery answered by shelling ...', 'retaliated with air
#: strikes' (the sets code each such one an event of its own, never the attack's)
_ANSWER = re.compile(rf"\b(?:{'|'.join(_FURTHER_WORDS['answer'])})\s+(?:by|with)\b", re.I)


def further(m: Mention) -> bool:
    """Whether a mention counts itself a further happening of its article: its trigger ('a
    second bomb', 'another blast'), its sentence's opening words ('Hours later, ...') or a
    side's answer told up to its trigger ('... responded by shelling')."""
    return (
        _FURTHER.match(m.trigger) is not None
        or (m.trigger_start > m.char_start and _LATER.match(m.sentence) is not None)
        # up to the trigger's end (trigger_start + its length: a light row keeps no end)
        or _ANSWER.search(m.sentence, 0, m.trigger_start + len(m.trigger) - m.char_start)
        is not None
    )


_NONE_FURTHER = -math.inf  # (one float for every record, not one each)


def _tell(said: dict[str, list], m: Mention, told: tuple) -> None:
    """Note a mention that joined a cluster in the cluster's record of its article: the toll
    signs given, as bits (1 << sign: a set of 0 and 1 in an int, not a set object each), the
    first offset, the last offset of a 'further' trigger and the article's own place there
    (`own_place`: `told_apart` lets in at most one per article)."""
    sign, further, start, place, kind = told
    record = said.get(m.article_id)
    if record is None:
        record = said[m.article_id] = [0, start, _NONE_FURTHER, place, 0]
    record[4] |= kind
    if sign is not None:
        record[0] |= 1 << sign
    if start < record[1]:
        record[1] = start
    if further and start > record[2]:
        record[2] = start
    if record[3] is None:
        record[3] = place


def _may_join(record: list | None, told: tuple) -> bool:
    """`tolls_agree` and not `told_apart`, from the cluster's record of the mention's article
    (None: the cluster has none of its mentions). The article's toll signs there must not
    differ from the mention's; no mention of the article after it may count itself a further
    one, nor may it count itself one after a mention of the article before it; its own place
    and the article's own place there, when both are named, are the same."""
    if record is None:
        return True
    sign, further, start, place, kind = told
    signs, first, last_further, there, kinds = record
    if sign is not None and signs & ~(1 << sign):
        return False
    if kinds & ~kind:  # the days' event and the day's are two (C7)
        return False
    if place is not None and there is not None and place != there:
        return False
    return not (last_further > start or (further and first < start))


#: A battle read only from its dead ('2 soldiers were killed'): a toll like any other.
_TOLL_WORDS = frozenset(TRIGGER_WORDS["toll_trigger"])  # data/rules/trigger_words.csv


def _toll_only(cluster: Cluster) -> bool:
    if cluster.event_type in CASUALTIES:
        return True
    return cluster.event_type == "clash" and all(
        m.trigger.lower() in _TOLL_WORDS for m in cluster.mentions
    )


def _guessed(cluster: Cluster) -> tuple[bool, bool]:
    """Whether every sentence of the cluster is undated, and whether every one took its
    place from its neighbours (a toll sentence that names neither: 'Six people died.')."""
    return (
        all(m.date.source == "article" for m in cluster.mentions),
        all(m.place_note for m in cluster.mentions),
    )


def _may_be_toll_of(toll: Cluster, host: Cluster) -> bool:
    """The toll's window and place agree with the host's, or the toll never said them. A
    dated toll whose window opens more than a day before the host's does not count its dead
    ('beheaded 50 people over several days around 7 November' is not the toll of a clash on
    10 November): deaths do not come before what caused them."""
    undated, unplaced = _guessed(toll)
    if not undated and toll.end - toll.start <= WEEK and toll.start < host.start - SLACK:
        return False  # (a longer window, 'this year', is background the host may carry)
    return (undated or windows_meet((host.start, host.end), (toll.start, toll.end))) and (
        unplaced or places_compatible(_where(host.place), _where(toll.place))
    )


def _spans(cluster: Cluster) -> bool:
    """The cluster holds the event of a span of days told by its toll (C7): its own event,
    no toll of a day's strike, nor host of one."""
    return any(is_span(m.trigger) for m in cluster.mentions)


def fold_casualties(clusters: list[Cluster]) -> list[Cluster]:
    """'At least 20 people were killed' in an article that reports a bombing that day, there,
    is the bombing's toll, not a second event: such killing/deaths clusters join it, and so
    do battles read only from their dead ('2 soldiers were killed') after an IED or strike.
    A toll that names no day or place of its own is read as the article's strike's."""
    # the possible hosts, in order; whether a cluster is a toll only does not change here (a
    # host only ever takes tolls in), so it is read once, and hosts are found by article
    violent = [
        c for c in clusters if c.event_type in VIOLENT and not _toll_only(c) and not _spans(c)
    ]
    by_article: dict[str, list[int]] = {}
    for i, v in enumerate(violent):
        for article in v.articles:
            by_article.setdefault(article, []).append(i)
    kept: list[Cluster] = []
    for cluster in clusters:
        index = None
        if _toll_only(cluster) and not _spans(cluster):
            sharing = sorted({i for a in cluster.articles for i in by_article.get(a, ())})
            index = next((i for i in sharing if _may_be_toll_of(cluster, violent[i])), None)
        if index is None:
            kept.append(cluster)
        else:
            host = violent[index]
            for article in cluster.articles - host.articles:
                insort(by_article.setdefault(article, []), index)
            host.mentions.extend(cluster.mentions)
            host.articles |= cluster.articles
    return kept


def match_curated(clusters: list[Cluster], curated: Iterable[Mapping[str, Any]]) -> list[Cluster]:
    """The clusters again, each attached to the curated event it reports, if any (curated rows
    win). New Cluster objects: the ones passed in are left as they were."""
    events = list(curated)
    return [replace(c, curated_event_id=_curated_match(c, events)) for c in clusters]


def _curated_match(cluster: Cluster, events: list[Mapping[str, Any]]) -> str | None:
    best, best_score = None, None
    for event in events:
        if event["event_type"] != cluster.event_type:
            continue
        window = (_date(event["date_start"]), _date(event["date_end"]))
        if not windows_meet(window, (cluster.start, cluster.end)):
            continue
        where = (
            float(event["latitude"]),
            float(event["longitude"]),
            int(event["geo_precision"]),
        )
        if not places_compatible(where, _where(cluster.place)):
            continue
        score = (
            abs((window[0] - cluster.start).days) + abs((window[1] - cluster.end).days),
            str(event["event_id"]),
        )
        if best_score is None or score < best_score:
            best, best_score = event, score
    return str(best["event_id"]) if best is not None else None


def _date(value: Any) -> dt.date:
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value)[:10])
