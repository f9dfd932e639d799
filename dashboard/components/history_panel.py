"""Batches and decisions: what came in, who decided what and when; retract or restore."""

from __future__ import annotations

import streamlit as st

from dashboard.components.actions import clicked, clicks, record_click
from dashboard.components.loader import Data
from dashboard.components.width_probe import column_width
from dashboard.history import (
    batches_frame,
    decisions_frame,
    decisions_layout,
    place_names,
    retracted_lines,
)
from dashboard.text import plain_text
from etl.analyst_actions import set_batch_state
from etl.inbox import Snapshot
from etl.settings import Paths

#: The decisions grid's width (px) in a 1280 px window: what its columns are sized to until
#: the browser reports the grid's width (then kept in a cookie).
DECISIONS_PX = 1120


def _retract_or_restore(paths: Paths, who: str, snapshot: Snapshot) -> None:
    state = snapshot.batch_state()
    names = {b["batch_id"]: b["name"] for b in snapshot.batches}
    ids = list(reversed(list(names)))
    cols = st.columns([3, 3, 2], vertical_alignment="bottom")
    # the label holds no state: the browser kept showing the label a batch had when chosen
    # ('· published' after it was retracted); the button and the table above say the state
    batch = cols[0].selectbox(
        "Batch", ids, format_func=lambda b: plain_text(f"{names[b]} ({b})"), key="history_batch"
    )
    cols[1].text_input("Why (kept in the history)", key="history_note")  # read on click
    retract = state[batch] == "published"
    label = "Retract: hide it from readers" if retract else "Restore: show it again"
    action = "retract" if retract else "restore"
    cols[2].button(label, key="history_action", width="stretch", on_click=_clicked,
                   args=(batch, action, names[batch]))  # fmt: skip
    click = clicked("retract", "restore")
    if click is not None:
        _record(paths, who, snapshot, click)
    st.caption(
        "A retracted batch disappears from every reader's view, its decisions kept; "
        "restoring it brings it back exactly as it was."
    )


def _clicked(batch: str, action: str, name: str) -> None:
    """The button's callback: the batch and the action as the analyst saw them (a second
    click while the first publishes would otherwise read the button as redrawn: Restore)."""
    note = str(st.session_state.get("history_note") or "").strip() or None
    clicks().add(batch, action, (name, note))


def _record(paths: Paths, who: str, snapshot: Snapshot, click) -> None:
    batch, action, (name, note) = click.item_id, click.action, click.seen
    shown = f"Batch “{name}” ({batch})"  # quoted, as the store message names it
    done = "retracted" if action == "retract" else "restored"
    if snapshot.batch_state().get(batch) == ("retracted" if action == "retract" else "published"):
        clicks().finish(click, f"Already {done}, nothing more recorded: {shown}.")
        st.rerun()
    said = (
        f"{shown} retracted: readers no longer see it."
        if action == "retract"
        else f"{shown} restored: readers see it again."
    )
    record_click(
        click,
        lambda: set_batch_state(paths, batch, action, who, note),
        "Publishing…",
        lambda _: (said, None),
        f"{action} {shown}.",
    )


def render_history(paths: Paths, who: str, data: Data, snapshot: Snapshot) -> None:
    """The 'Batches and history' tab."""
    tables = data.loaded.tables
    st.subheader("Batches")
    batches = batches_frame(snapshot, tables)
    if batches.empty:
        st.info("No batches yet: the first tab brings articles in.")
        return
    st.dataframe(batches, hide_index=True, width="stretch")
    for line in retracted_lines(snapshot):  # the grid cuts long cells: said in full here
        st.caption(plain_text(line))
    _retract_or_restore(paths, who, snapshot)
    st.subheader("Decisions")
    decisions = decisions_frame(snapshot, tables, place_names(snapshot, tables))
    if decisions.empty:
        st.caption("No decision yet.")
    else:
        widths, row_px, grid_px = decisions_layout(
            decisions, column_width("decisions_width", DECISIONS_PX)
        )
        st.dataframe(
            decisions,
            hide_index=True,
            width="stretch",
            height=grid_px,
            row_height=row_px,
            column_config={c: st.column_config.TextColumn(width=w) for c, w in widths.items()},
        )
