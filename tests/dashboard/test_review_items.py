"""The review queue as the page shows it (pure), on the real tables and small frames."""

from __future__ import annotations

from dataclasses import replace

import pandas as pd
import pytest

from dashboard.highlight import claim_spans, segments
from dashboard.review_items import (
    QUEUE_MARGIN_PX,
    SUMMARY_MIN_PX,
    batch_choices,
    current_place,
    edits,
    event_line,
    in_batch,
    item_claims,
    latest_decisions,
    queue_columns,
    queue_heights,
    queue_items,
    queue_widths,
    saved_line,
    wrapped_lines,
)
from etl.inbox import Decision


def test_every_extracted_span_points_at_its_words(project_tables):
    claims = project_tables["claims"]
    extracted = claims[claims["origin"] == "extracted"]
    assert len(extracted) > 20
    for claim in extracted.to_dict("records"):
        runs: dict = {}
        for text, field in segments(claim["sentence"], claim_spans(claim)):
            runs.setdefault(field, []).append(text)
        if isinstance(claim["place_text"], str):
            assert runs["place"] == [claim["place_text"]]
        assert "".join(runs["type"]).strip()  # the trigger is words of the sentence


def test_queue_items_put_what_awaits_review_first(project_tables):
    items = queue_items(project_tables)
    assert set(items["kind"]) == {"new event", "adds a claim"}
    assert items["status"].iloc[0] == "pending"
    assert items.columns[:3].tolist() == ["item_id", "kind", "status"]
    new = items[items["kind"] == "new event"].iloc[0]
    assert new["type_label"] != new["event_type"]  # labelled for people
    assert new["batch_label"] == "seed articles (extracted)"
    claims = item_claims(project_tables, new)
    assert claims["event_id"].unique().tolist() == [new["event_id"]]
    added = items[items["kind"] == "adds a claim"].iloc[0]
    assert item_claims(project_tables, added)["mention_key"].tolist() == [added["item_id"]]
    assert " · " in event_line(project_tables, added["event_id"])


def decision(seq, action, mentions, who="ana"):
    return Decision(seq, action, "x", tuple(mentions), {}, who, f"2026-01-0{seq}T00:00:00Z")


def test_latest_accept_or_reject_decides():
    found = latest_decisions(
        [decision(1, "accept", ["m1", "m2"]), decision(2, "edit", ["m1"]),
         decision(3, "reject", ["m2"], who="ben"), decision(4, "retract", ["m1"])]
    )  # fmt: skip
    assert {k: (d.action, d.who) for k, d in found.items()} == {
        "m1": ("accept", "ana"), "m2": ("reject", "ben")}  # fmt: skip


ITEMS = pd.DataFrame({"batch_id": ["b20190302-1", "seeds", "b20190301-1", "b20190302-1"]})


def test_a_whole_event_accept_is_not_who_reviewed_a_sentence_rejected_on_its_own():
    """A sentence rejected on its own stays rejected when its whole event is accepted later
    (`etl.review.apply_decisions`), so the page's 'reviewed by' names who rejected it; a
    whole-event reject, or the sentence decided again on its own, does decide it."""

    def on(seq, action, target, mentions, who):
        return replace(decision(seq, action, mentions, who), target=target)

    log = [
        on(1, "reject", "mn_s", ["mn_s"], "ana"),
        on(2, "accept", "ev_e", ["mn_s", "mn_t"], "ben"),
    ]
    found = latest_decisions(log)
    assert {k: (d.action, d.who) for k, d in found.items()} == {
        "mn_s": ("reject", "ana"), "mn_t": ("accept", "ben")
    }  # fmt: skip
    log.append(on(3, "reject", "ev_e", ["mn_s", "mn_t"], "cy"))
    assert latest_decisions(log)["mn_s"].who == "ana"  # rejected on its own still
    log.append(on(4, "accept", "mn_s", ["mn_s"], "dee"))
    log.append(on(5, "reject", "ev_e", ["mn_s", "mn_t"], "eve"))
    assert latest_decisions(log)["mn_s"].who == "eve"  # accepted on its own: the event decides


@pytest.mark.parametrize(
    ("batch", "rows"),
    [("", [0, 2, 3]), ("seeds", [1]), ("b20190301-1", [2]), ("b-none", [])],
)
def test_in_batch(batch, rows):
    assert in_batch(ITEMS, batch)["batch_id"].tolist() == ITEMS.loc[rows, "batch_id"].tolist()


def test_batch_choices_newest_first_then_the_seeds():
    choices = batch_choices(ITEMS, {"b20190302-1": "March"})
    assert choices == [
        ("", "every uploaded batch"),
        ("b20190302-1", "March (b20190302-1)"),
        ("b20190301-1", "b20190301-1"),
        ("seeds", "seed articles (extracted)"),
    ]
    assert batch_choices(ITEMS[ITEMS["batch_id"] == "seeds"], {}) == [
        ("seeds", "seed articles (extracted)")]  # fmt: skip


ITEM = {"event_type": "shelling", "date_start": "2019-03-14", "date_end": "2019-03-14",
        "summary": "Artillery shelled Jisr al-Shughur."}  # fmt: skip


@pytest.mark.parametrize(
    ("changed", "expected"),
    [
        ({}, {}),
        ({"event_type": "airstrike"}, {"event_type": "airstrike"}),
        ({"start": "2019-03-13"}, {"date": "2019-03-13..2019-03-14"}),
        ({"summary": "  Artillery   shelled Jisr al-Shughur. "}, {}),  # spacing only
        ({"summary": ""}, {}),  # a blank summary keeps the old one
        ({"summary": "Shelling of Jisr ash Shughur"}, {"summary": "Shelling of Jisr ash Shughur"}),
    ],
)
def test_edits_are_what_changed(changed, expected):
    values = {"event_type": "shelling", "start": "2019-03-14", "end": "2019-03-14",
              "summary": ITEM["summary"]} | changed  # fmt: skip
    assert edits(ITEM, values["event_type"], values["start"], values["end"],
                 values["summary"]) == expected  # fmt: skip


def test_current_place(project_tables):
    events = project_tables["events"]
    placed = events[events["place_id"] == "baghouz"].iloc[0]["event_id"]
    lat, lon, name = current_place(project_tables, placed)
    assert name.startswith("Baghouz") and 34 < lat < 35 and 40 < lon < 41
    assert current_place(project_tables, "ev_missing") is None


@pytest.mark.parametrize(
    ("labels", "unique"),
    [
        (["a", "b"], ["a", "b"]),
        (["a", "a", "b", "a"], ["a", "a (2)", "b", "a (3)"]),
        (["x" * 200], ["x" * 149 + "…"]),
        (["a  b\nc"], ["a b c"]),
    ],
)
def test_unique_labels(labels, unique):
    from dashboard.review_items import unique_labels

    assert unique_labels(labels) == unique


def test_added_sentences_are_told_apart_by_their_words(project_tables):
    items = queue_items(project_tables)
    assert items["label"].is_unique
    added = items[items["kind"] == "adds a claim"].iloc[0]
    assert added["what"] == f"“{added['sentence']}”"
    assert added["label"].startswith("awaiting review · adds a claim to ")


def test_the_saved_message_names_the_item_as_saved(project_tables):
    """'Saved and accepted: Killing of civilians · 4 Mar 2019: ...' was said of an event the
    analyst had just made a bombing in Saraqib: the message read the item before the edit."""
    item = queue_items(project_tables).query("kind == 'new event'").iloc[0].to_dict()
    other = next(t for t in project_tables["event_types"]["event_type"] if t != item["event_type"])
    label = project_tables["event_types"].set_index("event_type").at[other, "label"]
    changes = {"event_type": other, "date": "2019-03-03..2019-03-04", "summary": "A café hit."}
    assert saved_line(project_tables, item, changes, "Saraqib") == (
        f"{label} · 3–4 Mar 2019 · Saraqib: A café hit."
    )
    unchanged = f"{item['type_label']} · {item['date_text']}: {item['summary']}"
    assert saved_line(project_tables, item, {}, None) == unchanged


def test_the_queue_drops_a_status_every_row_shares(project_tables):
    items = queue_items(project_tables)
    pending = items[items["status"] == "pending"]
    assert "status_text" not in queue_columns(pending, "")
    mixed = pd.concat([pending.head(2), pending.head(1).assign(status="accepted")])
    assert list(queue_columns(mixed, "")).count("status_text") == 1


def test_the_queue_drops_a_batch_every_row_shares(project_tables):
    """Every uploaded batch chosen (""), but one batch in the rows: its name and id said the
    same in every row (the id broken over three lines at 1920 px)."""
    items = queue_items(project_tables).assign(batch_id="b20261207-022918-732050")
    assert "batch_label" not in queue_columns(items, "")
    two = pd.concat([items.head(2), items.head(1).assign(batch_id="b20261207-031500-aaaaaa")])
    assert list(queue_columns(two, "")).count("batch_label") == 1
    assert "batch_label" not in queue_columns(two, "b20261207-031500-aaaaaa")  # one chosen


def test_the_summary_gets_what_the_short_columns_leave():
    columns = {"kind": "kind", "type_label": "type", "place": "place", "what": "summary"}
    for table in (1120, 1760):
        widths = queue_widths(columns, table)
        assert list(widths) == ["kind", "type", "place", "summary"]
        assert sum(widths.values()) + QUEUE_MARGIN_PX == table
        assert widths["summary"] == table - QUEUE_MARGIN_PX - 96 - 128 - 176
    assert queue_widths(columns, 500)["summary"] == SUMMARY_MIN_PX  # then it scrolls sideways


def test_wrapped_lines_counts_a_cells_lines():
    per_line = int((400 - 16) / 6.6)  # 58 characters
    assert wrapped_lines("word", 400) == 1
    assert wrapped_lines("a" * per_line, 400) == 1
    assert wrapped_lines("a" * per_line + " b", 400) == 2
    assert wrapped_lines(" ".join(["abcdefghi"] * 12), 400) == 3  # 5 words (49 chars) a line
    assert wrapped_lines("x" * (3 * per_line + 1), 400) == 4  # a long word broken


def test_rows_are_tall_enough_to_wrap_and_for_the_longest_summary():
    short, long = "Clashes near Hajin.", " ".join(["reported"] * 60)  # 539 characters
    row, height = queue_heights([short] * 8, 1200)
    assert row > 64 and row == 14 + 19 * 3  # Streamlit wraps only rows over 4rem
    assert height == 38 + row * 6 + 2  # as many rows as fit 440 px
    row, _ = queue_heights([short, long], 1200)
    assert row == 14 + 19 * 3  # 20 words a line
    row, _ = queue_heights([short, long], 1000)
    assert row == 14 + 19 * 4  # 16 words a line
    row, height = queue_heights([short, long], 600)
    assert row == 14 + 19 * 5 and height == 38 + row * 2 + 2  # five lines at most; 2 rows
