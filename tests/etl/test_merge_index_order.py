"""The merge index's rows are made in merge order on numpy columns (session 22): the same
frame as sorting one key tuple per row (`key_of`, as it was done), and the same clusters'
decisions (`group`, `host`) as the dicts by mention it was made from."""

from __future__ import annotations

import random

import pandas as pd
import pytest

from etl.merge import fold_casualties, further, group_mentions, toll_sign
from etl.merge_index import COLUMNS, key_of, merge_all, positions, rows_of, seq_of, sort_index
from tests.etl.test_merge_replay import articles, random_mention

# ids that sort differently as text than by length or by their code points' bytes would not:
# what orders rows is Python's order of the strings
ARTICLES = ["art_b", "art_a", "art_ab", "art_B", "art_é", "art_z", "art_"]


def plain_rows(mentions, seqs, group, host, pos) -> pd.DataFrame:
    """The rows as they were made before session 22: a frame in input order, then sorted by
    one `key_of` tuple per row."""
    frame = pd.DataFrame(
        {
            "seq": list(seqs),
            "article_id": [m.article_id for m in mentions],
            "event_type": [m.event_type for m in mentions],
            "start": [m.date.start.toordinal() for m in mentions],
            "end": [m.date.end.toordinal() for m in mentions],
            "source": [m.date.source for m in mentions],
            "char_start": [m.char_start for m in mentions],
            "char_end": [m.char_end for m in mentions],
            "trigger": [m.trigger for m in mentions],
            "trigger_start": [m.trigger_start for m in mentions],
            "place_id": [m.place_id for m in mentions],
            "latitude": pd.array([m.latitude for m in mentions], dtype="Float64"),
            "longitude": pd.array([m.longitude for m in mentions], dtype="Float64"),
            "geo_precision": pd.array([m.geo_precision for m in mentions], dtype="Int64"),
            "place_note": [m.place_note for m in mentions],
            "group": list(group),
            "host": list(host),
            "pos": list(pos),
            "place_name": [m.place_name for m in mentions],
            "country": [m.country for m in mentions],
            "event_id": [None] * len(mentions),
            "toll": pd.array([toll_sign(m) for m in mentions], dtype="Int64"),
            "further": pd.array([further(m) for m in mentions], dtype="bool"),
        },
        columns=COLUMNS,
    )
    keys = [key_of(*k) for k in zip(frame["source"] == "article", frame["start"], frame["end"],
                                    frame["article_id"], frame["char_start"],
                                    frame["trigger_start"], frame["seq"])]  # fmt: skip
    order = sorted(range(len(keys)), key=keys.__getitem__)
    return frame.iloc[order].reset_index(drop=True)


def crowded(rng: random.Random, count: int) -> list:
    """Mentions that tie on every key but seq, often: few days, widths, offsets, articles."""
    found = []
    for _ in range(count):
        m = random_mention(rng, rng.choice(ARTICLES), rng.choice([0, 40]))
        found.append(m)
    return found


@pytest.mark.parametrize("seed", range(30))
def test_rows_in_merge_order_as_sorting_key_tuples(seed):
    rng = random.Random(seed)
    mentions = crowded(rng, rng.randrange(1, 120))
    n = len(mentions)
    seqs = rng.sample(range(10 * n), n)  # a replay's seqs: not 0..n-1, not in order
    group = [rng.randrange(500) for _ in range(n)]
    host = [rng.randrange(500) for _ in range(n)]
    pos = [rng.randrange(20) for _ in range(n)]
    made = rows_of(mentions, seqs, group, host, pos)
    plain = plain_rows(mentions, seqs, group, host, pos)
    pd.testing.assert_frame_equal(made, plain)
    # and a frame of rows in any order (the replay's concatenated index) sorts the same
    shuffled = plain.sample(frac=1.0, random_state=seed).reset_index(drop=True)
    pd.testing.assert_frame_equal(sort_index(shuffled), plain)


def test_ties_broken_by_seq_and_articles_by_python_order():
    rng = random.Random(1)
    base = random_mention(rng, "art_b", 0)
    from dataclasses import replace

    mentions = [replace(base, article_id=a) for a in ["art_é", "art_B", "art_b", "art_b"]]
    made = rows_of(mentions, [7, 3, 9, 2], [0] * 4, [0] * 4, [0] * 4)
    assert list(made["article_id"]) == ["art_B", "art_b", "art_b", "art_é"]
    assert list(made["seq"]) == [3, 2, 9, 7]


def test_empty_rows_as_before():
    pd.testing.assert_frame_equal(rows_of([], [], [], [], []), plain_rows([], [], [], [], []))


@pytest.mark.parametrize("seed", range(10))
def test_merge_all_decisions_as_the_dicts_by_mention(seed):
    rng = random.Random(seed)
    mentions = articles(rng, 0, 40)
    clusters, index = merge_all(mentions)
    seqs = {id(m): i for i, m in enumerate(mentions)}
    groups = group_mentions(mentions)
    group = seq_of(groups, seqs)
    folded = fold_casualties(groups)
    host = {id(m): group[id(c.mentions[0])] for c in folded for m in c.mentions}
    plain = plain_rows(mentions, range(len(mentions)), [group[id(m)] for m in mentions],
                       [host[id(m)] for m in mentions], positions(mentions))  # fmt: skip
    pd.testing.assert_frame_equal(index, plain)
    assert index["group"].nunique() > index["host"].nunique() or len(folded) == len(groups)
    assert len(clusters) == len(folded)
    assert (index["group"] != index["seq"]).any()  # clusters of several mentions
