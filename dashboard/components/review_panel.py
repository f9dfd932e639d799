"""The review queue: choose a batch and what to show, decide many at once from the table,
or one at a time with its sentence beside it."""

from __future__ import annotations

import hashlib

import pandas as pd
import streamlit as st

from dashboard.click_queue import Click
from dashboard.components.actions import clicked, clicks
from dashboard.components.bulk_edit import record_bulk, render_bulk
from dashboard.components.event_review import frame_row, render_decision, render_evidence
from dashboard.components.loader import Data
from dashboard.components.width_probe import column_width
from dashboard.review_items import (
    STATUS_WORDS,
    batch_choices,
    in_batch,
    queue_columns,
    queue_heights,
    queue_items,
    queue_widths,
)
from dashboard.text import plain_text
from etl.inbox import Snapshot
from etl.settings import Paths


def _batch(items: pd.DataFrame, names: dict[str, str]) -> str:
    choices = dict(batch_choices(items, names))
    wanted = st.session_state.pop("review_batch_next", None)
    if wanted in choices:
        st.session_state["review_batch"] = wanted
    if st.session_state.get("review_batch") not in choices:
        st.session_state["review_batch"] = next(iter(choices))
    return st.selectbox(
        "Batch", list(choices), format_func=lambda b: plain_text(choices[b]), key="review_batch"
    )


def _statuses() -> list[str]:
    chosen = st.segmented_control(
        "Show",
        list(STATUS_WORDS),
        selection_mode="multi",
        default=["pending"],
        format_func=STATUS_WORDS.get,
        key="review_statuses",
    )
    return list(chosen or [])


def _counts(items: pd.DataFrame) -> str:
    counts = items["status"].value_counts()
    parts = [f"{int(counts.get(s, 0))} {w}" for s, w in STATUS_WORDS.items()]
    return f"{len(items)} item(s): " + ", ".join(parts) + "."


#: The review table's width (px) in a 1280 px window: what the server sizes the summary to
#: until the browser reports the table's width (then kept in a cookie).
TABLE_PX = 1120


def _table(shown: pd.DataFrame, batch: str) -> list[str]:
    """The queue as a table whose rows can be selected; the selected item ids. Its summary
    takes the width the short columns leave, as the browser measures the table (the probe
    above it), and wraps onto the rows' lines: cut at the table's edge, an analyst reviewing
    a batch read only its first words."""
    columns = queue_columns(shown, batch)
    widths = queue_widths(columns, column_width("review_width", TABLE_PX))
    row_px, table_px = queue_heights(shown["what"], widths[columns["what"]])
    digest = hashlib.sha256("|".join(shown["item_id"]).encode()).hexdigest()[:12]
    state = st.dataframe(
        shown[list(columns)].rename(columns=columns),
        hide_index=True,
        width="stretch",
        height=table_px,
        row_height=row_px,
        key=f"queue_{digest}",  # a new list, a new selection: rows never point at other items
        on_select="rerun",
        selection_mode="multi-row",
        column_config={h: st.column_config.TextColumn(width=w) for h, w in widths.items()},
    )
    return [shown["item_id"].iloc[i] for i in state.selection.rows if i < len(shown)]


def _current(shown: pd.DataFrame, selected: list[str]) -> tuple[str, str | None]:
    """The item shown one at a time (the first selected row when the selection changed,
    else the one kept, else the first), and the one to open after deciding on it."""
    ids = list(shown["item_id"])
    state = st.session_state
    wanted = state.pop("review_item_next", None)
    if wanted in ids:
        state["review_item"] = wanted
    if selected and tuple(selected) != state.get("_review_selected"):
        state["review_item"] = selected[0]
    state["_review_selected"] = tuple(selected)
    if state.get("review_item") not in ids:
        state["review_item"] = ids[0]
    labels = dict(zip(shown["item_id"], shown["label"].map(plain_text)))
    current = st.selectbox(
        "One at a time",
        ids,
        format_func=labels.get,
        key="review_item",
        help="Or choose a row in the table.",
    )
    at = ids.index(current)
    rest = ids[at + 1 :] + ids[:at]
    return current, (rest[0] if rest else None)


def _clicked_item(items: pd.DataFrame) -> tuple[dict, Click] | None:
    """The item of the oldest click, if it is a decision on one item (one being recorded by
    a run a later click stopped is waited for at the top of the page), and the click. A
    click on an item no longer in the queue is dropped, and said not to be recorded."""
    click = clicked("accept", "save", "reject")
    if click is None:
        return None
    if click.item_id not in set(items["item_id"]):
        clicks().finish(
            click, f"Not recorded: {click.action} on {click.item_id}, no longer in the queue."
        )
        st.rerun()
    return frame_row(items, click.item_id), click


def render_review(paths: Paths, who: str, data: Data, snapshot: Snapshot) -> None:
    """The 'Review' tab. A decision clicked is recorded on the item it was clicked on, even
    when that item has left the list shown since (a click made while the decision before
    it was publishing)."""
    tables = data.loaded.tables
    items = queue_items(tables, snapshot.decisions, data.batch_names)
    clicked = _clicked_item(items)
    if items.empty:
        st.info("Nothing to review yet: bring articles in first (the first tab).")
        return
    cols = st.columns([2, 3], vertical_alignment="bottom")
    with cols[0]:
        batch = _batch(items, data.batch_names)
    with cols[1]:
        statuses = _statuses()
    in_this = in_batch(items, batch)
    st.caption(_counts(in_this))
    shown = in_this[in_this["status"].isin(statuses)].reset_index(drop=True)
    current, after, selected = None, None, []
    if shown.empty:
        st.info("Nothing to show here: choose another batch, or show accepted or rejected items.")
    else:
        selected = _table(shown, batch)
        if selected:
            chosen = shown[shown["item_id"].isin(selected)]
            render_bulk((tables, snapshot, data.basemap), chosen)
    # a click on the bar, recorded here even if its rows have left the list shown since
    record_bulk(paths, who, snapshot, dict(zip(items["item_id"], items["status"])))
    if not shown.empty:
        current, after = _current(shown, selected)
    if clicked is None and current is None:
        return
    item, action = clicked if clicked is not None else (frame_row(shown, current), None)
    if item["item_id"] != current:  # decided on an item no longer shown: stay on this one
        after = current
    left, right = st.columns([3, 2], gap="large")
    with left:
        render_evidence(tables, item)
    below = st.container()
    where = (right, below)
    render_decision(paths, who, (tables, snapshot, data.basemap), item, after, where, action)
