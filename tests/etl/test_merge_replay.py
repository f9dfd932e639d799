"""Replaying the merge for a new batch gives what merging everything again gives."""

from __future__ import annotations

import datetime as dt
import random

import pytest

from etl.extraction.mentions import DateWindow, Figure, Mention
from etl.merge_index import merge_all
from etl.merge_replay import Replay, TooWide, replay, weeks

TYPES = ["airstrike", "shelling", "killing", "deaths", "clash", "evacuation"]
POINTS = [(34.45, 40.95), (34.5, 40.96), (35.33, 40.14), (35.93, 36.63), None]
TRIGGERS = ["killed", "shelled", "struck", "died", "fighting"]
DAY0 = dt.date(2020, 1, 1)


def random_mention(rng: random.Random, article: str, at: int) -> Mention:
    start = DAY0 + dt.timedelta(days=rng.randrange(40))
    width = rng.choice([0, 0, 0, 1, 2, 6, 20])
    undated = rng.random() < 0.2
    point = rng.choice(POINTS)
    precision = rng.choice([1, 1, 2, 3]) if point else None
    return Mention(
        article_id=article,
        event_type=rng.choice(TYPES),
        trigger=rng.choice(TRIGGERS),
        trigger_start=at + rng.randrange(3),
        trigger_end=at + 5,
        sentence=f"sentence {at}",
        char_start=at,
        char_end=at + 40,
        date=DateWindow(
            start, start + dt.timedelta(days=width), "day", "article" if undated else "explicit"
        ),  # fmt: skip
        place_id=None if point is None else f"p{POINTS.index(point)}",
        latitude=None if point is None else point[0],
        longitude=None if point is None else point[1],
        geo_precision=precision,
        place_note="from the sentence before" if rng.random() < 0.2 else None,
        figures=_toll(rng, at),
    )


def _toll(rng: random.Random, at: int) -> tuple[Figure, ...]:
    """No toll, 'no casualties' (0 killed) or 'N killed': one article's deadly and
    casualty-free mentions are kept apart (merge.tolls_agree)."""
    low = rng.choice([None, None, 0, 3])
    if low is None:
        return ()
    return (Figure("killed", low, low, "", f"{low} killed", at + 10, at + 18),)


def articles(rng: random.Random, first: int, count: int) -> list[Mention]:
    found = []
    for a in range(first, first + count):
        at = 0
        for _ in range(rng.randrange(1, 5)):
            found.append(random_mention(rng, f"a{a:04d}", at))
            at += rng.choice([0, 50])  # two mentions of one sentence now and then
    return found


def groups_of(hosts: dict[int, int]) -> set[frozenset[int]]:
    found: dict[int, set[int]] = {}
    for seq, host in hosts.items():
        found.setdefault(host, set()).add(seq)
    return {frozenset(g) for g in found.values()}


@pytest.mark.parametrize("seed", range(60))
def test_replay_equals_merging_everything_again(seed):
    rng = random.Random(seed)
    old = articles(rng, 0, rng.randrange(2, 120))
    new = articles(rng, 1000, rng.randrange(1, 15))
    _, index = merge_all(old)
    outcome = replay(Replay(index), [(len(old) + j, m) for j, m in enumerate(new)])
    hosts = dict(zip(index["seq"], index["host"]))
    hosts.update(outcome.host)
    _, everything = merge_all(old + new)
    assert groups_of(hosts) == groups_of(dict(zip(everything["seq"], everything["host"])))
    # what the outcome names as changed, and as replaced, is exactly what differs
    before = groups_of(dict(zip(index["seq"], index["host"])))
    now = groups_of(hosts)
    assert {frozenset(s) for s in outcome.seqs.values()} == now - before
    replaced = {frozenset(s for s, h in zip(index["seq"], index["host"]) if h == r)
                for r in outcome.removed}  # fmt: skip
    assert replaced == before - now


@pytest.mark.parametrize("seed", range(40))
def test_replay_tells_a_further_blast_apart_as_the_merge_does(seed, monkeypatch):
    """'... a second bomb' is not the same article's earlier blast (merge.told_apart): the
    replay asks it too (without it, 56 of 200 such batches came out otherwise)."""
    monkeypatch.setitem(globals(), "TRIGGERS", ["killed", "a second bomb", "another blast", "hit"])
    test_replay_equals_merging_everything_again(seed)


@pytest.mark.parametrize("seed", range(40))
def test_replay_tells_an_hours_later_sentence_apart_as_the_merge_does(seed, monkeypatch):
    """'Hours later, ...' opening a mention's sentence makes it a further happening of its
    article (merge.further reads the sentence, not the trigger). The index keeps that as a
    flag (`further`), so a replayed old mention still counts itself one: without the flag,
    the replayed sentence is '' and 14 of these 40 seeds merged where the full merge did not."""

    def later(rng: random.Random, article: str, at: int) -> Mention:
        m = plain(rng, article, at)
        if rng.random() < 0.5:
            m = Mention(**{**m.__dict__, "sentence": f"Hours later, {m.sentence}"})
        return m

    plain = random_mention
    monkeypatch.setitem(globals(), "random_mention", later)
    test_replay_equals_merging_everything_again(seed)


def test_the_index_keeps_whether_a_sentence_opens_a_further_happening():
    from etl.merge import further
    from etl.merge_index import light

    """Whatever made a mention a further one (its sentence's opening 'Hours later', a side's
    answer told up to its trigger 'responded by shelling', its trigger 'a second bomb'), its
    light copy from the index is one too, and no other is."""
    rng = random.Random(3)

    def varied(i: int, m: Mention) -> Mention:
        at = m.char_start
        if i % 4 == 1:
            return Mention(**{**m.__dict__, "sentence": f"Hours later, {m.sentence}"})
        if i % 4 == 2:  # the answer before the trigger
            return Mention(**{**m.__dict__, "sentence": f"Army guns responded by {m.trigger}",
                              "trigger_start": at + 23})  # fmt: skip
        if i % 8 == 3:  # the answer in a trigger that opens the sentence
            return Mention(**{**m.__dict__, "sentence": "Struck back with rockets at dawn",
                              "trigger": "Struck back with rockets", "trigger_start": at})
        if i % 8 == 7:  # an answer after the trigger's end is none ('... as it responded by')
            return Mention(**{**m.__dict__, "sentence": f"{m.trigger} as it responded by",
                              "trigger_start": at})  # fmt: skip
        return m

    old = [varied(i, m) for i, m in enumerate(articles(rng, 0, 40))]
    _, index = merge_all(old)
    rows = list(index.itertuples(index=False, name=None))
    flags = dict(zip(index["seq"], index["further"]))
    assert flags == {i: further(m) for i, m in enumerate(old)}
    assert any(flags.values()) and not all(flags.values())
    assert [further(light(r)) for r in rows] == [flags[r[0]] for r in rows]
    told = {i % 8 for i, m in enumerate(old) if further(m)}
    assert {1, 2, 3, 5, 6} <= told and 7 not in told  # each kind met (0, 4: trigger alone)


def test_a_batch_far_from_the_store_touches_nothing_of_it():
    rng = random.Random(7)
    old = articles(rng, 0, 50)
    _, index = merge_all(old)
    far = random_mention(rng, "z", 0)
    far = Mention(**{**far.__dict__, "date": DateWindow(dt.date(2024, 6, 1), dt.date(2024, 6, 1),
                                                        "day", "explicit")})  # fmt: skip
    outcome = replay(Replay(index), [(len(old), far)])
    assert outcome.removed == set()
    assert list(outcome.seqs.values()) == [[len(old)]]


def test_a_replay_past_its_limit_stops_and_says_how_far_it_went():
    rng = random.Random(11)
    old = articles(rng, 0, 80)
    _, index = merge_all(old)
    new = [(len(old) + j, m) for j, m in enumerate(articles(rng, 1000, 10))]
    whole = replay(Replay(index), new)  # no limit
    looked = len(new)  # at least the batch itself is looked at
    with pytest.raises(TooWide) as caught:
        replay(Replay(index), new, limit=looked - 1)
    assert caught.value.looked_at == looked
    same = replay(Replay(index), new, limit=len(old) + len(new))  # room for all: no change
    assert same.seqs == whole.seqs and same.removed == whole.removed


def test_weeks_match_the_merge():
    from etl.merge import _weeks

    for start in range(0, 30):
        a = DAY0 + dt.timedelta(days=start)
        b = a + dt.timedelta(days=start % 9)
        assert list(weeks(a.toordinal(), b.toordinal())) == list(_weeks(a, b))


def test_the_replay_reads_the_index_as_columns_and_makes_a_row_when_asked():
    """Session 36: `Replay` holds the index as columns and its look-ups as sorted positions,
    no Python object for each stored mention (session 35's rows of shared values were still
    176 MiB at 16,000 news-length articles); what it gives for a row is what the row says:
    the light mention, the merge-order key, the seq, cluster and host as Python ints, and the
    look-ups the positions a dict of lists would hold, in merge order."""
    import gc

    import pandas as pd

    from etl.merge_index import key_of, light
    from etl.merge_previous import weeks

    old = articles(random.Random(5), 0, 600)
    _, built = merge_all(old)
    for index in (built, pd.read_parquet(_parquet(built))):  # (as a stored state comes back)
        plain = list(index.itertuples(index=False, name=None))
        assert len(plain) > 1000
        gc.collect()
        before = len(gc.get_objects())
        state = Replay(index)
        assert len(gc.get_objects()) - before < len(plain) / 4  # (session 35: 3 a row)
        at = {c: i for i, c in enumerate(index.columns)}
        members, bucket, registered, by_article, of_article = {}, {}, {}, {}, {}
        for p, row in enumerate(plain):
            assert state.mention(p) == light(row)
            seq, group, host = row[at["seq"]], row[at["group"]], row[at["host"]]
            assert state.keys[p] == key_of(row[at["source"]] == "article", row[at["start"]],
                                           row[at["end"]], row[at["article_id"]],
                                           row[at["char_start"]], row[at["trigger_start"]],
                                           seq)  # fmt: skip
            assert (state.seq[p], state.group[p], state.host[p]) == (seq, group, host)
            assert {type(state.seq[p]), type(state.group[p]), type(state.host[p])} == {int}
            assert state.pos[seq] == p and seq in state.pos
            kind, article = row[at["event_type"]], row[at["article_id"]]
            members.setdefault(group, []).append(p)
            for w in weeks(row[at["start"]], row[at["end"]]):
                bucket.setdefault((kind, w), []).append(p)
                if group == seq:
                    registered.setdefault((kind, w), []).append(p)
            by_article.setdefault((kind, article), []).append(p)
            of_article.setdefault(article, []).append(p)
        for want, got in ((members, state.members), (bucket, state.bucket),
                          (registered, state.registered), (by_article, state.by_article),
                          (of_article, state.of_article)):  # fmt: skip
            for key, positions in want.items():
                assert list(got.get(key, ())) == positions and key in got
        assert len(state.bucket.get(("airstrike", -10**6), ())) == 0
        assert len(state.by_article.get(("airstrike", "no such article"), ())) == 0
        assert -1 not in state.pos and max(state.seq.array) + 1 not in state.pos


def _parquet(frame):
    import io

    buffer = io.BytesIO()
    frame.to_parquet(buffer)
    buffer.seek(0)
    return buffer
