"""Deciding on many review items at once: accept or reject them, or give the selected new
events the same type, date window or place."""

from __future__ import annotations

import hashlib
from typing import Any

import pandas as pd
import streamlit as st

from dashboard.click_queue import Click
from dashboard.components.actions import clicked, clicks, record_click
from dashboard.components.place_picker import render_place_picker
from dashboard.decisions import bulk_edit_maker, verdict_maker
from dashboard.review_items import STATUS_WORDS
from etl.analyst_actions import decide
from etl.corrections import Correction
from etl.inbox import Snapshot
from etl.settings import Paths
from etl.tables import Tables

KEEP = ""  # "keep each one's" in the type choice


#: What the bar's buttons queue (dashboard/click_queue.py), recorded by `record_bulk`.
ACTIONS = ("bulk accept", "bulk reject", "bulk save")
PUBLISHING = "Recording and publishing…"


def _note() -> str | None:
    return str(st.session_state.get("bulk_note") or "").strip() or None


def _clicked_verdict(ids: tuple[str, ...], action: str) -> None:
    """A button's callback: the rows selected and the note as the analyst saw them."""
    clicks().add(f"{len(ids)} item(s)", f"bulk {action}", (ids, _note()))


def _clicked_save(events: tuple[str, ...], changes: dict, place, accept_key: str) -> None:
    accept = bool(st.session_state.get(accept_key))
    clicks().add(f"{len(events)} event(s)", "bulk save", (events, changes, place, accept, _note()))


def _verdicts(selected: list[str], cols) -> None:
    for col, action in ((cols[1], "accept"), (cols[2], "reject")):
        label = f"{action.capitalize()} {len(selected)}"
        col.button(label, key=f"bulk_{action}", width="stretch", on_click=_clicked_verdict,
                   args=(tuple(selected), action))  # fmt: skip


def record_bulk(paths: Paths, who: str, snapshot: Snapshot, statuses: dict[str, str]) -> None:
    """Record the oldest click queued by the bar, if it is the oldest click of all: on the
    rows selected when it was made, even if they have left the list shown since (the click
    was made while the decision before it was publishing). `statuses`: each item's now."""
    click = clicked(*ACTIONS)
    if click is None:
        return
    if click.action == "bulk save":
        _record_save(paths, who, snapshot, click)
        return
    ids, note = click.seen
    action = click.action.removeprefix("bulk ")
    word = STATUS_WORDS[action + "ed"].capitalize()
    todo = [i for i in ids if i in statuses and statuses[i] != action + "ed"]
    if not todo:
        clicks().finish(
            click, f"Already {word.lower()}, nothing more recorded: {len(ids)} item(s)."
        )
        st.rerun()
    make = verdict_maker(todo, action, who, note)
    record_click(
        click,
        lambda: decide(paths, make),
        PUBLISHING,
        lambda _: (f"{word}: {len(todo)} item(s).", None),
        f"{action} {len(todo)} item(s).",
    )


def _record_save(paths: Paths, who: str, snapshot: Snapshot, click: Click) -> None:
    events, changes, place, accept, note = click.seen
    base = Correction("", who, note, accept=accept, **changes)
    make = bulk_edit_maker(snapshot, list(events), base, place)
    record_click(
        click,
        lambda: decide(paths, make),
        PUBLISHING,
        lambda _: (f"Saved for {len(events)} event(s)" + (" and accepted." if accept else "."),
                   None),
        f"save for {len(events)} event(s).",
    )  # fmt: skip


def _fields(tables: Tables, key: str) -> dict[str, str]:
    types = tables["event_types"].sort_values("label")
    labels = {KEEP: "keep each one's", **dict(zip(types["event_type"], types["label"]))}
    cols = st.columns(2)
    chosen = cols[0].selectbox(
        "Event type", list(labels), format_func=labels.get, key=f"bulk_type_{key}"
    )
    window = cols[1].date_input(
        "Date window (empty: keep each one's)", value=(), format="YYYY-MM-DD",
        key=f"bulk_dates_{key}",
    )  # fmt: skip
    changes = {"event_type": chosen} if chosen != KEEP else {}
    picked = [d for d in (window if isinstance(window, list | tuple) else [window]) if d]
    if picked:
        changes["date"] = f"{picked[0].isoformat()}..{picked[-1].isoformat()}"
    return changes


def render_bulk(
    data: tuple[Tables, Snapshot, dict[str, Any] | None], selected: pd.DataFrame
) -> None:
    """The bar above the one-at-a-time view while rows of the queue are selected (its clicks
    are recorded by `record_bulk`)."""
    tables, snapshot, basemap = data
    ids = list(selected["item_id"])
    with st.container(border=True):
        cols = st.columns([3, 1, 1], vertical_alignment="bottom")
        cols[0].text_input(
            f"{len(ids)} selected · note for these decisions (optional)", key="bulk_note"
        )
        _verdicts(ids, cols)
        events = list(selected.loc[selected["kind"] == "new event", "item_id"])
        if not events:
            return
        key = hashlib.sha256("|".join(events).encode()).hexdigest()[:10]
        with st.expander(f"Give the {len(events)} selected new event(s) the same type, dates "
                         "or place"):  # fmt: skip
            changes = _fields(tables, key)
            place = render_place_picker(tables, snapshot, basemap, f"bulk_{key}", None, False)
            st.caption(
                "Sentences added to curated events are left out. Edits made together teach "
                "the gazetteer nothing: correct one event at a time to teach it a spelling."
            )
            st.checkbox("and accept them", key=f"bulk_accept_{key}")
            st.button(
                f"Save for the {len(events)} event(s)",
                key=f"bulk_save_{key}",
                disabled=not (changes or place),
                type="primary",
                on_click=_clicked_save,
                args=(tuple(events), changes, place, f"bulk_accept_{key}"),
            )
