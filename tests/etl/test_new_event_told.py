"""A new event's row from what the second pass gathers (`extracted._Told`, `extracted.Largest`)
equals the row made from every whole mention of its cluster (`_new_event` without `told`),
whatever order the pass reads the mentions in (docs/scale.md, "Session 28 (hI16)")."""

from __future__ import annotations

import datetime as dt
import random

from etl.extracted import Largest, _best, _Head, _new_event, _Told, _told_row
from etl.extraction.mentions import DateWindow, Figure, Mention
from etl.extraction.summary import _PEOPLE, _largest
from etl.light_mentions import Light
from etl.merge import Cluster

QUANTITIES = ("killed", "wounded", "died", "displaced", "families", "buses", "trucks")
ACTORS = (None, "", "Army", "Rebels", "Police")


def _figures(rng: random.Random) -> tuple[Figure, ...]:
    out = []
    for _ in range(rng.choice((0, 0, 1, 2, 3))):
        low = rng.choice((None, 0.0, 3.0, 5.0, 5.0, 12.0))
        high = rng.choice((None, 0.0, low, 7.0, 20.0))
        # the words tell equal figures apart: which one is chosen shows in the summary
        words = rng.choice(("five", "at least 5", "5", "a dozen", "scores"))
        out.append(Figure(rng.choice(QUANTITIES), low, high, "exact", words, 0, 5))
    return tuple(out)


def _mention(rng: random.Random, i: int, kind: str) -> Mention:
    day = dt.date(2021, 5, 3) + dt.timedelta(days=rng.randrange(2))
    sentence = f"Sentence {i} of the event, by bus."
    return Mention(
        article_id=f"a{rng.randrange(4)}", event_type=kind, trigger="x", trigger_start=i * 10,
        trigger_end=i * 10 + 1, sentence=sentence, char_start=i * 10,
        char_end=i * 10 + len(sentence),
        date=DateWindow(day, day + dt.timedelta(days=rng.randrange(2)), "day", "explicit"),
        actor1=rng.choice(ACTORS), actor2=rng.choice(ACTORS), figures=_figures(rng),
        background=rng.random() < 0.1,
    )  # fmt: skip


def _told(cluster: Cluster, rng: random.Random) -> _Told:
    """As the second pass gathers it: the mentions in a shuffled order, each with its place
    in the summary's order (0 the best, then 1 + its place in the cluster)."""
    best = _best(cluster)
    placed = [(0 if m is best else i + 1, m) for i, m in enumerate(cluster.mentions)]
    rng.shuffle(placed)
    told = _Told()
    for place, m in placed:
        told.add(m, place)
    return told


def test_largest_keeps_what_largest_chooses():
    rng = random.Random(7)
    wanted = [(q,) for q in QUANTITIES] + list(_PEOPLE.values()) + [("killed", "died")]
    for _ in range(2000):
        figures = [f for _ in range(rng.randrange(1, 6)) for f in _figures(rng)]
        placed = list(enumerate(figures))
        rng.shuffle(placed)
        largest = Largest()
        for at, f in placed:
            largest.add(f, (at,))
        kept = largest.figures()
        assert len(kept) == len({f.quantity for f in figures if f.low is not None})
        for quantities in wanted:
            assert _largest(kept, quantities) is _largest(figures, quantities)


def test_a_new_events_row_from_what_the_pass_gathers():
    rng = random.Random(11)
    acled = {k: ("ACLED " + k, "sub " + k) for k in ("airstrike", "displacement", "evacuation")}
    differ = 0
    for _ in range(1500):
        kind = rng.choice(tuple(acled))
        mentions = [_mention(rng, i, kind) for i in range(rng.randrange(1, 7))]
        cluster = Cluster(kind, dt.date(2021, 5, 3), dt.date(2021, 5, 4), mentions)
        whole = _new_event(cluster, acled, {"Army": "act_army"}, {})
        told = _told(cluster, rng)
        assert _new_event(cluster, acled, {"Army": "act_army"}, {}, told) == whole
        # the order matters: the same figures read as if the last mention were the best
        reverse = _Told()
        for i, m in enumerate(reversed(mentions)):
            reverse.add(m, i)
        differ += _new_event(cluster, acled, {}, {}, reverse)["summary"] != _new_event(
            cluster, acled, {}, {})["summary"]  # fmt: skip
    assert differ > 0


def test_second_actor_leaves_out_the_first():
    """Mentions whose second actor is the event's first actor do not count for the second."""
    day = DateWindow(dt.date(2021, 5, 3), dt.date(2021, 5, 3), "day", "explicit")

    def said(i: int, actor1: str, actor2: str) -> Mention:
        return Mention("a1", "airstrike", "x", i, i + 1, "s", i, i + 1, day, actor1=actor1,
                       actor2=actor2)  # fmt: skip

    mentions = [said(0, "Army", "Army"), said(2, "Army", "Army"), said(4, "Army", "Rebels")]
    cluster = Cluster("airstrike", day.start, day.end, mentions)
    acled = {"airstrike": ("Strike", "Air")}
    told = _told(cluster, random.Random(1))
    assert told.actors() == ("Army", "Rebels")
    assert _new_event(cluster, acled, {}, {}, told)["actor2"] == "Rebels"
    assert _new_event(cluster, acled, {}, {})["actor2"] == "Rebels"


def test_a_new_events_row_from_its_head():
    """The second pass keeps of a new event its head (`_Head`: id, type, window, the batch
    that brought it, the seqs of its best and place mentions), no mention: the row made of
    the head, those two mentions whole and what the pass gathered is the row every whole
    mention makes (random batches and place mentions), though the head was taken from the
    light rows (docs/scale.md, "Session 33 (hI23)")."""
    rng = random.Random(29)
    acled = {k: ("ACLED " + k, "sub " + k) for k in ("airstrike", "displacement")}
    for _ in range(1500):
        kind = rng.choice(tuple(acled))
        mentions = [_mention(rng, i, kind) for i in range(rng.randrange(1, 9))]
        place = rng.choice([None, *range(len(mentions))])
        cluster = Cluster(kind, dt.date(2021, 5, 3), dt.date(2021, 5, 4), mentions,
                          place=None if place is None else mentions[place])  # fmt: skip
        light = [Light(m, seq) for seq, m in enumerate(mentions)]
        walked = Cluster(kind, cluster.start, cluster.end, light,
                         place=None if place is None else light[place])  # fmt: skip
        batches = rng.sample(range(4), 4)
        batch_of = {f"a{i}": (batches[i], f"batch{batches[i]}") for i in range(4)}
        head = _Head.of(walked, _best(walked), batch_of)
        assert mentions[head.best] is _best(cluster) and head.place == place
        assert all(type(getattr(head, n)) in (str, int, dt.date, type(None))
                   for n in _Head.__slots__)  # fmt: skip
        told = _told(cluster, rng)
        best = mentions[head.best]
        row = _told_row(head, best, best if place is None else mentions[place], told, acled, {})
        assert row == _new_event(cluster, acled, {}, batch_of, told)
        assert row == _new_event(cluster, acled, {}, batch_of)
