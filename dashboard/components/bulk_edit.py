"""Deciding on many review items at once: accept or reject them, or give the selected new
events the same type, date window or place."""

from __future__ import annotations

import hashlib
from typing import Any

import pandas as pd
import streamlit as st

from dashboard.components.actions import flash, run_action
from dashboard.components.place_picker import render_place_picker
from dashboard.decisions import bulk_edit_maker, verdict_maker
from dashboard.review_items import STATUS_WORDS
from etl.analyst_actions import decide
from etl.corrections import Correction
from etl.inbox import Snapshot
from etl.settings import Paths
from etl.tables import Tables

KEEP = ""  # "keep each one's" in the type choice


def _done(message: str) -> None:
    flash(message)
    st.rerun()


def _verdicts(paths: Paths, who: str, selected: list[str], note: str | None, cols) -> None:
    for col, action in ((cols[1], "accept"), (cols[2], "reject")):
        label = f"{action.capitalize()} {len(selected)}"
        if col.button(label, key=f"bulk_{action}", width="stretch"):
            make = verdict_maker(selected, action, who, note)
            if run_action(lambda m=make: decide(paths, m), "Recording and publishing…"):
                _done(f"{STATUS_WORDS[action + 'ed'].capitalize()}: {len(selected)} item(s).")


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
    paths: Paths,
    who: str,
    data: tuple[Tables, Snapshot, dict[str, Any] | None],
    selected: pd.DataFrame,
) -> None:
    """The bar above the one-at-a-time view while rows of the queue are selected."""
    tables, snapshot, basemap = data
    ids = list(selected["item_id"])
    with st.container(border=True):
        cols = st.columns([3, 1, 1], vertical_alignment="bottom")
        note = cols[0].text_input(
            f"{len(ids)} selected · note for these decisions (optional)", key="bulk_note"
        )
        note = note.strip() or None
        _verdicts(paths, who, ids, note, cols)
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
            accept = st.checkbox("and accept them", key=f"bulk_accept_{key}")
            if st.button(f"Save for the {len(events)} event(s)", key=f"bulk_save_{key}",
                         disabled=not (changes or place), type="primary"):  # fmt: skip
                base = Correction("", who, note, accept=accept, **changes)
                make = bulk_edit_maker(snapshot, events, base, place)
                if run_action(lambda: decide(paths, make), "Recording and publishing…"):
                    _done(
                        f"Saved for {len(events)} event(s)" + (" and accepted." if accept else ".")
                    )
