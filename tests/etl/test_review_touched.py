"""`review.apply_decisions` touches only what the decisions touch (session 24, hI12): the owners
of the named mentions, a record of each reached event, the claims when a status changes. The
tables must be those the old whole rebuild gave (every event a dict, every claim's sentence
key, the claims copied), kept here as the reference, on random decisions."""

from __future__ import annotations

import random

import numpy as np
import pandas as pd
import pytest

from etl import build, review
from etl.claim_edits import apply_claim_edits, parse_figure
from etl.inbox import Decision
from etl.review import (
    EVENT_ACTIONS,
    STATUS,
    _columns,
    _edit,
    _flows_without,
    _keys_of,
    _on_curated,
    _owners,
    apply_decisions,
    mentions_by_event,
    reached,
    recount_without_rejected,
    rejected_alone,
)
from etl.source_state import Sources
from etl.tables import TABLE_NAMES, assemble
from tests.etl.bench_inputs import seeds_and_bench


def _old_apply(tables, decisions, source=None):
    """apply_decisions as it was at 23093d1 (every event a dict, the whole owners)."""
    events = tables["events"].set_index("event_id", drop=False)
    records = dict(events.to_dict("index"))
    types = tables["event_types"].set_index("event_type")
    owners = _owners(tables["claims"])
    claim_status: dict = {}
    claim_edits: dict = {}
    for d in decisions:
        if d.action not in EVENT_ACTIONS:
            continue
        if d.target.startswith("mn_"):
            if d.action in STATUS:
                claim_status.update(dict.fromkeys(d.mentions, "sentence " + STATUS[d.action]))
            else:
                for key in d.mentions:
                    claim_edits.setdefault(key, {}).update(d.changes)
            continue
        curated = _on_curated(d, owners, records)
        if curated and d.action == "edit":
            for key in d.mentions:
                claim_edits.setdefault(key, {}).update(d.changes)
            continue
        for event_id in sorted(reached(d, owners)):
            if d.action in STATUS:
                decided = _keys_of(owners, event_id, d.mentions)
                decided = [k for k in decided if claim_status.get(k) != "sentence rejected"]
                claim_status.update(dict.fromkeys(decided, STATUS[d.action]))
            if records[event_id]["origin"] != "extracted":
                continue
            event = records[event_id]
            if d.action == "edit":
                event = _edit(event, d.changes, types)
            else:
                event = {**event, "review_status": STATUS[d.action]}
            records[event_id] = {**event, "reviewed_by": d.who, "reviewed_at": d.at}
    out = dict(tables)
    frame = pd.DataFrame(list(records.values()), columns=_columns(tables["events"]))
    out["events"] = frame.reset_index(drop=True)
    claims = tables["claims"].copy()
    if claim_status:
        extracted = claims["origin"] == "extracted"
        decided = claims["mention_key"].map(claim_status).str.removeprefix("sentence ")
        claims.loc[extracted & decided.notna(), "review_status"] = decided
    out["claims"], out["figures"] = apply_claim_edits(claims, tables["figures"], claim_edits)
    alone = rejected_alone(out["claims"], out["events"])
    out["flows"] = _flows_without(tables["flows"], out["claims"][alone])
    if source is not None:
        out["events"] = recount_without_rejected(out["events"], out["claims"], source)
    return {name: out[name] for name in TABLE_NAMES}


@pytest.fixture(scope="module")
def built():
    """The seeds and 16 news-length bench articles merged (many extracted events)."""
    curated, articles, extractor = seeds_and_bench(16)
    mentions = [m for a in articles for m in extractor.extract(build.ArticleInput(
        a.article_id, a.text, build.dt.date.fromisoformat(a.published)))[0]]  # fmt: skip
    sources = Sources()
    sources.add((a.article_id, a.text, a.outlet_id, a.wire) for a in articles)
    tables, _ = build.with_merge(assemble(curated, articles), curated, articles, mentions,
                                 sources.source)  # fmt: skip
    return tables, sources.source


EDITS = (
    {"summary": "Edited"}, {"event_type": "shelling"}, {"place_id": "gn:99434"},
    {"date_start": "2019-01-02", "date_end": "2019-01-05"}, {"actor1": "someone"},
    {"claimant": "the police"}, {"figures": [parse_figure("killed=3..5")]},
)  # fmt: skip


def _random_decisions(tables, rng: random.Random) -> list[Decision]:
    keys = mentions_by_event(tables["claims"])
    events = sorted(keys)
    found = []
    for seq in range(1, rng.randint(1, 12)):
        event = rng.choice(events)
        named = list(keys[event])
        mentions = [k for k in named if k.startswith("mn_")]
        kind = rng.random()
        if kind < 0.25:  # one sentence on its own
            target, named = mentions[0], [rng.choice(mentions)]
        elif kind < 0.4:  # by sentence keys only (a re-typed sentence)
            target, named = "x", [k for k in named if k.startswith("sn_")]
        elif kind < 0.5:  # mentions no table holds
            target, named = "x", ["mn_gone", "sn_gone"]
        else:
            target, named = "x", rng.sample(named, rng.randint(1, len(named)))
        action = rng.choice(("accept", "reject", "edit", "edit", "ingest"))
        changes = dict(rng.choice(EDITS)) if action == "edit" else {}
        found.append(Decision(seq, action, target, tuple(named), changes, f"ana{seq}",
                              f"2026-01-{seq:02d}T00:00:00Z"))  # fmt: skip
    return found


def _same(old, new):
    for name in TABLE_NAMES:
        pd.testing.assert_frame_equal(old[name], new[name], obj=name)


def test_the_same_tables_as_the_whole_rebuild(built):
    tables, source = built
    assert (tables["events"]["origin"] == "extracted").sum() > 10
    _same(_old_apply(tables, [], source), apply_decisions(tables, [], source))
    decided = 0
    for seed in range(40):
        decisions = _random_decisions(tables, random.Random(seed))
        old = _old_apply(tables, decisions, source)
        _same(old, apply_decisions(tables, decisions, source))
        _same(_old_apply(tables, decisions), apply_decisions(tables, decisions))
        decided += not old["events"].equals(tables["events"].reset_index(drop=True))
    assert decided > 20  # most of the random logs changed some event


def test_an_events_frame_of_every_dtype_comes_out_as_the_rebuild_made_it():
    """The columns kept as they are (int64, float64, bool, str) do come back alike through a
    rebuild from records; the others (object ints and None, nullable, dates) are inferred
    again, with or without changed records."""
    events = pd.DataFrame({
        "event_id": ["e1", "e2", "e3"], "origin": ["extracted", "curated", "extracted"],
        "n": [1, 2, 3], "x": [1.5, np.nan, 2.0], "flag": [True, False, True],
        "radius": pd.Series([5, None, 7], dtype=object), "none": [None, None, None],
        "nullable": pd.array([1, None, 3], dtype="Int64"),
        "when": pd.to_datetime(["2020-01-01", "2020-01-02", None]),
        "summary": ["a", None, "c"], "review_status": ["pending"] * 3,
    })  # fmt: skip
    records = events.set_index("event_id", drop=False).to_dict("index")

    def old(changed):
        merged = {**records, **changed}
        return pd.DataFrame(list(merged.values()), columns=_columns(events))

    for changed in ({}, {"e1": {**records["e1"], "review_status": "accepted", "reviewed_by": "a"}},
                    {"e3": {**records["e3"], "n": 9, "radius": None, "summary": None}}):  # fmt: skip
        pd.testing.assert_frame_equal(review._events_with(events, changed), old(changed))
    empty = events.iloc[[]]
    pd.testing.assert_frame_equal(review._events_with(empty, {}),
                                  pd.DataFrame([], columns=_columns(empty)))  # fmt: skip


def test_only_the_decided_events_become_records(built, monkeypatch):
    """No decision: no event made a dict, no sentence key made, the claims not copied; one
    decision: the records of the events holding its mentions only."""
    tables, source = built
    made: list[int] = []
    plain = pd.DataFrame.to_dict
    monkeypatch.setattr(pd.DataFrame, "to_dict", lambda self, *a, **k: made.append(len(self))
                        or plain(self, *a, **k))  # fmt: skip
    keyed: list[int] = []
    sentence_key = review.ids.sentence_key
    monkeypatch.setattr(review.ids, "sentence_key", lambda *a: keyed.append(1) or sentence_key(*a))
    out = apply_decisions(tables, [], source)
    assert made == [] and keyed == []
    assert np.shares_memory(out["claims"]["char_start"].to_numpy(),
                            tables["claims"]["char_start"].to_numpy())  # fmt: skip
    event_id, keys = next((e, k) for e, k in mentions_by_event(tables["claims"]).items()
                          if (tables["events"].set_index("event_id").at[e, "origin"] == "extracted"))  # fmt: skip
    accept = Decision(1, "accept", "x", keys, {}, "ana", "2026-01-01T00:00:00Z")
    out = apply_decisions(tables, [accept], source)
    assert made and max(made) == 1  # the one event's record, before and after
    assert out["events"].set_index("event_id").at[event_id, "review_status"] == "accepted"
    assert 0 < len(keyed) <= 2 * len(tables["claims"])
