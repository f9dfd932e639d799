"""Batches and decisions as the analyst page lists them (pure)."""

from __future__ import annotations

import pandas as pd
import pytest

from dashboard.history import batches_frame, decisions_frame, describe_changes, retracted_lines
from etl.inbox import Decision, Snapshot

PLACES = {"gn:169023": "Jisr ash Shughūr"}
TYPES = {"shelling": "Shelling / rocket fire"}


@pytest.mark.parametrize(
    ("changes", "words"),
    [
        ({}, ""),
        ({"place_id": "gn:169023"}, "place: Jisr ash Shughūr"),
        ({"place_id": "pl_unknown"}, "place: pl_unknown"),
        ({"date_start": "2019-03-13", "date_end": "2019-03-14"}, "date: 13–14 Mar 2019"),
        ({"event_type": "shelling", "summary": "Shelled"}, "type: Shelling / rocket fire; summary: Shelled"),
        ({"geo_precision": 1}, "geo_precision: 1"),
    ],
)  # fmt: skip
def test_describe_changes(changes, words):
    assert describe_changes(changes, PLACES, TYPES) == words


def test_batches_and_decisions_newest_first(project_tables):
    snapshot = Snapshot(
        batches=[{"batch_id": "b1", "name": "March", "created_at": "2026-01-01T00:00:00Z",
                  "created_by": "ana", "note": None},
                 {"batch_id": "b2", "name": "April", "created_at": "2026-01-02T00:00:00Z",
                  "created_by": "ben", "note": None}],
        articles=[{"batch_id": "b1"}, {"batch_id": "b1"}, {"batch_id": "b2"}],
        decisions=[Decision(1, "edit", "ev_1", ("m1",), {"place_id": "gn:169023"}, "ana", "t1"),
                   Decision(2, "retract", "b2", (), {}, "ben", "t2", "wrong feed")],
    )  # fmt: skip
    batches = batches_frame(snapshot, project_tables)
    assert batches[["batch", "articles", "by"]].values.tolist() == [
        ["April", 1, "ben"], ["March", 2, "ana"]]  # fmt: skip
    assert batches["state"].tolist() == ["retracted (counts then)", "published"]
    assert retracted_lines(snapshot) == [
        "April (b2), retracted t2 by ben: its events were not counted when it was retracted; "
        "readers see none of it."]  # fmt: skip
    assert batches["accepted"].isna().tolist() == [True, False]  # unknown, not 0
    decisions = decisions_frame(snapshot, project_tables, PLACES)
    assert decisions.values.tolist() == [
        ["t2", "ben", "retracted batch", "April (b2)", "", "wrong feed"],
        ["t1", "ana", "edited", "ev_1", "place: Jisr ash Shughūr", ""],
    ]


def test_decisions_name_what_they_were_about(project_tables):
    events, claims = project_tables["events"], project_tables["claims"]
    event = events[events["origin"] == "extracted"].iloc[0]
    added = claims.dropna(subset=["mention_key"]).iloc[0]
    snapshot = Snapshot(decisions=[
        Decision(1, "accept", event["event_id"], (), {}, "ana", "t1"),
        Decision(2, "reject", added["mention_key"], (), {}, "ana", "t2"),
    ])  # fmt: skip
    about = decisions_frame(snapshot, project_tables, {})["to"].tolist()
    assert about[0].startswith("sentence: " + added["sentence"][:40])
    assert about[1].endswith(f"({event['event_id']})") and " · " in about[1]


def test_a_retracted_batch_says_what_it_held(project_tables):
    """A retracted batch's events leave the tables, so its counts read '0 accepted': the
    counts kept with the retraction are shown instead, and the state says it was retracted."""
    held = {"pending": 1, "accepted": 2, "rejected": 0}
    snapshot = Snapshot(
        batches=[{"batch_id": "b2", "name": "April", "created_at": "2026-01-02T00:00:00Z",
                  "created_by": "ben", "note": None}],
        articles=[{"batch_id": "b2"}],
        decisions=[Decision(1, "retract", "b2", (), {"held": held}, "ben", "t1", "wrong feed")],
    )  # fmt: skip
    row = batches_frame(snapshot, project_tables).iloc[0]
    assert [row["awaiting review"], row["accepted"], row["rejected"]] == [1, 2, 0]
    assert row["state"] == "retracted (counts then)"
    assert retracted_lines(snapshot) == [
        "April (b2), retracted t1 by ben: held 3 events: 1 awaiting review, 2 accepted, "
        "0 rejected; readers see none of it."
    ]
    decision = decisions_frame(snapshot, project_tables, PLACES).iloc[0]
    assert decision["changes"] == "held 3 events: 1 awaiting review, 2 accepted, 0 rejected"
    # restored: the tables count its events again (none of them here: it is not in them)
    restored = Snapshot(snapshot.batches, snapshot.articles, decisions=[
        *snapshot.decisions, Decision(2, "restore", "b2", (), {}, "ben", "t2")])  # fmt: skip
    row = batches_frame(restored, project_tables).iloc[0]
    assert row["state"] == "published" and row["accepted"] == 0
    assert retracted_lines(restored) == []


def test_an_import_batch_counts_its_imported_events(project_tables):
    """Imported events (ACLED, UCDP: accepted as they come) are the batch's events too: the
    list said '0 accepted' for a published import batch."""
    events = project_tables["events"]
    imported = events.head(2).assign(origin="acled", batch_id="b3", review_status="accepted")
    tables = {**project_tables, "events": pd.concat([events, imported], ignore_index=True)}
    snapshot = Snapshot(
        batches=[{"batch_id": "b3", "name": "ACLED", "created_at": "2026-01-03T00:00:00Z",
                  "created_by": "ana", "note": None}],
    )  # fmt: skip
    row = batches_frame(snapshot, tables).iloc[0]
    assert [row["awaiting review"], row["accepted"], row["rejected"]] == [0, 2, 0]


def test_a_decision_on_a_retracted_batchs_event_still_says_what_it_was(project_tables):
    """A retracted batch's events leave the tables: its decisions read 'accepted
    ev_9e353ba0e603' and nothing more (seen on the analyst page after a retraction). The
    retraction keeps the decided events' type, dates and summary, and the history words them."""
    kept = {"ev_9": {"event_type": "shelling", "date_start": "2019-03-05",
                     "date_end": "2019-03-05", "summary": "Shelling of Hajin"}}  # fmt: skip
    snapshot = Snapshot(
        batches=[{"batch_id": "b2", "name": "April", "created_at": "2026-01-02T00:00:00Z",
                  "created_by": "ben", "note": None}],
        decisions=[Decision(1, "accept", "ev_9", ("m1",), {}, "ana", "t1"),
                   Decision(2, "retract", "b2", (), {"held": {"pending": 0, "accepted": 1, "rejected": 0}, "events": kept},
                            "ben", "t2")],
    )  # fmt: skip
    frame = decisions_frame(snapshot, project_tables, PLACES)
    assert frame["to"].tolist() == [
        "April (b2)",
        "Shelling / rocket fire · 5 Mar 2019: Shelling of Hajin (ev_9; its batch is retracted)",
    ]
    assert frame["changes"].tolist()[0] == "held 1 event: 0 awaiting review, 1 accepted, 0 rejected"
    restored = Snapshot(snapshot.batches, decisions=[
        *snapshot.decisions, Decision(3, "restore", "b2", (), {}, "ben", "t3")])  # fmt: skip
    assert decisions_frame(restored, project_tables, PLACES)["to"].tolist()[-1] == "ev_9"


@pytest.mark.parametrize("table_px", [1120, 1800])
def test_decisions_grid_shows_what_each_was_about_whole_s33(project_tables, table_px):
    """Session 33 (hD23): the decisions grid gave every column an even share and one line, so
    what an accept was about was cut after about 70 characters at 1920 px, its event id lost.
    Now the long columns share what the short ones leave and the rows hold every cell."""
    from dashboard.history import decisions_layout
    from dashboard.review_items import QUEUE_LINE_PX, QUEUE_ROW_PAD_PX, wrapped_lines

    events = project_tables["events"]
    event = events[events["summary"].str.len() > 90].iloc[0]
    accept = Decision(1, "accept", event["event_id"], (), {}, "Ana Analyst", "2026-12-07T15:51:22Z")
    frame = decisions_frame(Snapshot(decisions=[accept]), project_tables, {})
    to = frame["to"].iloc[0]
    assert event["event_id"] in to and len(to) > 100
    widths, row_px, grid_px = decisions_layout(frame, table_px)
    assert sum(widths.values()) <= table_px
    assert widths["to"] > max(widths["when"], widths["who"], widths["did"])
    assert widths["to"] > table_px / len(frame.columns)  # more than Streamlit's even share
    lines = max(wrapped_lines(str(v), widths[c]) for c in frame for v in frame[c])
    if row_px is None:  # one line holds every cell
        assert lines == 1
    else:
        assert QUEUE_ROW_PAD_PX + QUEUE_LINE_PX * lines <= row_px and grid_px >= row_px
