"""Review decisions applied to the tables (pure), and the review queue."""

from __future__ import annotations

import pandas as pd
import pytest

from dashboard.views import claim_frame, event_frame
from etl.build import build_tables
from etl.cli import main
from etl.inbox import Decision
from etl.review import apply_decisions, mentions_by_event, review_queue
from etl.store import read_store

HILL = (
    "Outlet: Hill Times\nPublished: 2020-01-07\n\nRockets slammed into the market in Alpha "
    "on Monday, killing four people, witnesses said.\n"
)


@pytest.fixture
def tables(mini):
    return build_tables(mini)


def decision(seq: int, action: str, mentions, **changes) -> Decision:
    return Decision(seq, action, "x", tuple(mentions), changes, "ana", f"2026-01-0{seq}T00:00:00Z")


def _pending(tables):
    events = tables["events"]
    event = events[events["review_status"] == "pending"].iloc[0]
    return event["event_id"], mentions_by_event(tables["claims"])[event["event_id"]]


CASES = [
    # (decisions as (action, changes), field, expected value)
    ([("accept", {})], "review_status", "accepted"),
    ([("reject", {})], "review_status", "rejected"),
    ([("accept", {}), ("reject", {})], "review_status", "rejected"),  # the latest wins
    (
        [("edit", {"event_type": "shelling"})],
        "acled_sub_event_type",
        "Shelling/artillery/missile attack",
    ),
    ([("edit", {"date_start": "2020-01-05", "date_end": "2020-01-06"})], "date_precision", "days"),
    ([("edit", {"summary": "Five killed in Alpha"})], "summary", "Five killed in Alpha"),
    ([("edit", {"summary": "A"}), ("edit", {"summary": "B"})], "summary", "B"),
    ([("edit", {"place_id": "beta"})], "place_id", "beta"),
    ([("edit", {"place_id": "beta"})], "place_note", "set by an analyst"),  # session 36
    ([("edit", {"summary": "A"}), ("accept", {})], "reviewed_at", "2026-01-02T00:00:00Z"),
]


@pytest.mark.parametrize(("made", "field", "expected"), CASES)
def test_decisions_on_an_extracted_event(tables, made, field, expected):
    event_id, keys = _pending(tables)
    decisions = [decision(i, a, keys, **c) for i, (a, c) in enumerate(made, start=1)]
    out = apply_decisions(tables, decisions).get("events").set_index("event_id")
    assert out.loc[event_id, field] == expected
    assert len(out) == len(tables["events"])  # decisions never drop events


def test_decisions_for_unknown_mentions_change_nothing(tables):
    out = apply_decisions(tables, [decision(1, "reject", ["mn_unknown"])])
    assert out["events"]["review_status"].tolist() == tables["events"]["review_status"].tolist()


def test_batch_decisions_are_not_event_decisions(tables):
    _, keys = _pending(tables)
    out = apply_decisions(tables, [decision(1, "retract", keys)])
    assert out["events"].equals(apply_decisions(tables, [])["events"])


def test_the_queue_lists_pending_events_with_their_sentence(tables):
    queue = review_queue(tables)
    assert list(queue["kind"]) == ["new event"]
    assert (
        queue.iloc[0]["sentence"]
        == "Officials said at least 5 people were killed in Alpha on Monday."
    )
    event_id, keys = _pending(tables)
    accepted = apply_decisions(tables, [decision(1, "accept", keys)])
    assert review_queue(accepted).empty
    assert review_queue(accepted, every=True)["status"].tolist() == ["accepted"]


def test_a_sentence_that_joins_a_curated_event_is_reviewed_on_its_own(mini, tmp_path, capsys):
    upload = tmp_path / "hill.txt"
    upload.write_text(HILL, encoding="utf-8")
    args = ["--seeds", str(mini.seeds), "--curated", str(mini.curated), "--store", str(mini.store)]
    assert main(["ingest", str(upload), *args]) == 0
    assert "1 sentence(s) adding claims to existing events" in capsys.readouterr().out
    queue = review_queue(read_store(mini.store)[0])
    added = queue[queue["kind"] == "adds a claim"].iloc[0]
    assert added["summary"] == "adds a claim to: Rockets hit Alpha market"
    assert added["item_id"].startswith("mn_")
    claims_before = len(read_store(mini.store)[0]["claims"])

    assert main(["review", "edit", added["item_id"], "--summary", "x", *args]) == 2
    assert "is one sentence: correct its --claimant or --figure" in capsys.readouterr().err
    assert main(["review", "reject", added["item_id"], *args]) == 0
    after = read_store(mini.store)[0]
    assert len(after["claims"]) == claims_before  # kept, rejected: readers never see it
    assert _status(after, added["item_id"]) == "rejected"
    assert added["item_id"] not in set(claim_frame(after)["mention_key"].dropna())
    assert review_queue(after).query("kind == 'adds a claim'").empty  # nothing awaits review
    listed = review_queue(after, every=True).query("kind == 'adds a claim'")
    assert listed[["item_id", "status", "sentence", "event_id", "batch_id"]].values.tolist() == [
        [added["item_id"], "rejected", added["sentence"], added["event_id"], added["batch_id"]]
    ]  # still on the analysts' list, as rejected
    # changed one's mind: accepting the sentence brings it back to its event
    assert main(["review", "accept", added["item_id"], *args]) == 0
    back = read_store(mini.store)[0]
    assert len(back["claims"]) == claims_before
    assert _status(back, added["item_id"]) == "accepted"
    assert added["item_id"] in set(claim_frame(back)["mention_key"].dropna())


def _status(tables, key: str) -> str:
    (status,) = tables["claims"].loc[tables["claims"]["mention_key"] == key, "review_status"]
    return status


def test_a_later_sentence_joining_an_accepted_event_is_reviewed_on_its_own(mini, tmp_path, capsys):
    args = ["--seeds", str(mini.seeds), "--curated", str(mini.curated), "--store", str(mini.store)]
    first = tmp_path / "first.txt"
    first.write_text(
        "Outlet: Hill Times\nPublished: 2020-01-10\n\nArtillery shelled the town of "
        "Jisr al-Shughur on Thursday, killing at least 7 civilians, medics said.\n",
        encoding="utf-8",
    )
    assert main(["ingest", str(first), *args]) == 0
    shelling = read_store(mini.store)[0]["events"].query(
        "event_type == 'shelling' and origin == 'extracted'"
    )
    event_id = shelling["event_id"].iloc[0]
    assert main(["review", "accept", event_id, *args]) == 0
    later = tmp_path / "later.txt"
    later.write_text(
        "Outlet: Valley Courier\nPublished: 2020-01-11\n\nGovernment forces shelled "
        "Jisr al-Shughur on Thursday, killing at least 5 civilians, a monitor said.\n",
        encoding="utf-8",
    )
    capsys.readouterr()
    assert main(["ingest", str(later), *args]) == 0
    assert "1 sentence(s) adding claims to existing events" in capsys.readouterr().out
    tables = read_store(mini.store)[0]
    item = review_queue(tables).query("kind == 'adds a claim'").iloc[0]
    assert item["event_id"] == event_id
    assert main(["review", "reject", item["item_id"], *args]) == 0
    after = read_store(mini.store)[0]
    event = after["events"].set_index("event_id").loc[event_id]
    assert event["review_status"] == "accepted"  # the event stays; only the sentence goes
    assert _status(after, item["item_id"]) == "rejected"
    assert (claim_frame(after)["event_id"] == event_id).sum() == 1
    # counted without it: one source (Hill Times), its figure only, its outlet only
    assert (event["independent_sources"], event["source_ids"]) == (1, "hill_times")
    shown = event_frame(after).set_index("event_id").loc[event_id]
    assert (shown["n_claims"], shown["outlets"], shown["figures_text"]) == (
        1, ["Hill Times"], "killed 7"
    )  # fmt: skip
    # accepting the sentence on its own takes the reject back, whatever the event's status
    listed = review_queue(after, every=True).set_index("item_id")
    assert listed.loc[item["item_id"], "status"] == "rejected"
    assert main(["review", "accept", item["item_id"], *args]) == 0
    back = read_store(mini.store)[0]
    assert _status(back, item["item_id"]) == "accepted"
    event = back["events"].set_index("event_id").loc[event_id]
    assert event["independent_sources"] == 2
    shown = event_frame(back).set_index("event_id").loc[event_id]
    assert (shown["n_claims"], shown["figures_text"]) == (2, "killed 5–7")


def test_a_decision_finds_its_event_again_after_a_rule_change_retypes_the_sentence(tables):
    from etl.review import orphaned

    event_id, keys = _pending(tables)
    retyped = dict(tables)  # as if a new rule read the same sentence as another type
    claims = tables["claims"].copy()
    mine = claims["event_id"] == event_id
    claims.loc[mine, "mention_key"] = claims.loc[mine, "mention_key"] + "-retyped"
    retyped["claims"] = claims
    accepted = [decision(1, "accept", keys)]
    out = apply_decisions(retyped, accepted)
    assert out["events"].set_index("event_id").loc[event_id, "review_status"] == "accepted"
    assert set(out["claims"].loc[out["claims"]["event_id"] == event_id, "review_status"]) == {
        "accepted"
    }
    assert orphaned(retyped, accepted) == []
    gone = dict(tables)
    gone["claims"] = tables["claims"][~(tables["claims"]["event_id"] == event_id)]
    assert orphaned(gone, accepted) == accepted  # the sentence is no longer read at all


def test_a_sentence_rejected_on_its_own_keeps_its_row_and_loses_its_map_arc(tables):
    """Kept in the claims (and figures) table as rejected, whatever its event's later
    decisions say; the arc read from its sentence leaves the flows table; accepting the
    sentence takes all of it back."""
    claims = tables["claims"]
    event_id, event_keys = _pending(tables)
    claim = claims[claims["event_id"] == event_id].dropna(subset=["mention_key"]).iloc[0]
    assert (claims["event_id"] == event_id).sum() == 1  # its event's only claim
    assert (tables["figures"]["claim_id"] == claim["claim_id"]).any()
    key, start = claim["mention_key"], int(claim["sentence_start"])
    arc = {"flow_id": "fl_x", "event_id": claim["event_id"], "origin_place_id": "alpha",
           "destination_place_id": "beta", "article_id": claim["article_id"],
           "char_start": start, "char_end": start + 5, "quote": "x", "origin": "extracted"}  # fmt: skip
    flows = pd.concat([tables["flows"], pd.DataFrame([arc])], ignore_index=True)
    tables = {**tables, "flows": flows}

    def sentence(seq: int, action: str) -> Decision:
        return Decision(seq, action, key, (key,), {}, "ana", f"2026-01-0{seq}T00:00:00Z")

    rejected = apply_decisions(tables, [sentence(1, "reject"), decision(2, "accept", event_keys)])
    assert _status(rejected, key) == "rejected"  # the later accept of its event leaves it so
    assert len(rejected["claims"]) == len(claims)
    assert rejected["figures"].equals(tables["figures"])
    assert "fl_x" not in set(rejected["flows"]["flow_id"])
    assert len(rejected["flows"]) == len(flows) - 1
    back = apply_decisions(tables, [sentence(1, "reject"), sentence(2, "accept")])
    assert _status(back, key) == "accepted"
    assert "fl_x" in set(back["flows"]["flow_id"])
