"""One review item: its sentence with the words behind each field highlighted, beside the
fields an analyst may accept, correct or reject."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from typing import Any

import pandas as pd
import streamlit as st

from dashboard.click_queue import Click
from dashboard.components.actions import clicks, run_action, why
from dashboard.components.place_picker import render_place_picker
from dashboard.decisions import edit_maker, verdict_maker
from dashboard.highlight import COLOURS, EDGES, FIELDS, LABELS, claim_spans, segments
from dashboard.place_choice import PlaceChoice, moved_summary
from dashboard.review_items import (
    current_place,
    edits,
    event_line,
    figure_texts,
    item_claims,
    place_line,
    saved_line,
)
from dashboard.sentence_edits import sentence_changes, the_sentence
from dashboard.text import markdown_text, marked_html
from etl.analyst_actions import decide
from etl.corrections import Correction, spellings
from etl.inbox import Snapshot
from etl.settings import Paths
from etl.tables import Tables


def legend_html() -> str:
    """The colour of each field, as chips (our own words and validated colours only)."""
    runs = [run for f in FIELDS for run in ((LABELS[f], f), ("  ", None))]
    chips = marked_html(runs, COLOURS, EDGES, {f: LABELS[f] for f in FIELDS})
    return f'<div style="font-size:0.85rem;color:#555">Highlighted: {chips}</div>'


def _sentence(tables: Tables, claim: Mapping[str, Any]) -> None:
    spans = claim_spans(claim, figure_texts(tables, str(claim["claim_id"])))
    runs = segments(str(claim["sentence"]), spans)
    st.html(
        '<blockquote style="margin:0 0 4px 0;padding:8px 12px;border-left:3px solid #0072B2;'
        'background:#F7F9FB;font-size:1.02rem;line-height:1.75">'
        f"{marked_html(runs, COLOURS, EDGES, LABELS)}</blockquote>"
    )
    st.caption(
        f"{markdown_text(claim['outlet'])} · {markdown_text(claim['published'])} · "
        f"“{markdown_text(claim['title'])}” · who says so: {markdown_text(claim['claimant'])}"
    )


def render_evidence(tables: Tables, item: Mapping[str, Any]) -> None:
    """The item's headline, what it joins, and each sentence behind it, highlighted."""
    status = f"*{markdown_text(item['status_text'])}*"
    if item["kind"] == "new event":
        st.markdown(
            f"**{markdown_text(item['type_label'])}** · {markdown_text(item['place'])} · "
            f"{markdown_text(item['date_text'])} — {status}"
        )
    else:
        line = markdown_text(event_line(tables, item["event_id"]))
        st.markdown(f"**Adds a claim to:** {line} — {status}")
    claims = item_claims(tables, item).to_dict("records")
    if not claims:
        st.caption("No sentence is left behind this item.")
        return
    _sentence(tables, claims[0])
    if len(claims) > 1:
        with st.expander(f"{len(claims) - 1} more sentence(s) reporting it"):
            for claim in claims[1:]:
                _sentence(tables, claim)
    st.html(legend_html())


def _dates(value: object, item: Mapping[str, Any]) -> tuple[str, str]:
    """The window picked (a range input gives one date while the second is being chosen)."""
    picked = [d for d in (value if isinstance(value, list | tuple) else [value]) if d]
    if not picked:
        return item["date_start"], item["date_end"]
    return picked[0].isoformat(), picked[-1].isoformat()


def _fields(tables: Tables, item: Mapping[str, Any], k: Callable[[str], str]) -> dict[str, str]:
    types = tables["event_types"].sort_values("label")
    labels = dict(zip(types["event_type"], types["label"]))
    ids = list(labels)
    current = ids.index(item["event_type"]) if item["event_type"] in ids else 0
    chosen = st.selectbox("Event type", ids, index=current, format_func=labels.get, key=k("type"))
    start, end = (dt.date.fromisoformat(item[c]) for c in ("date_start", "date_end"))
    window = st.date_input("Date window", value=(start, end), format="YYYY-MM-DD", key=k("dates"))
    summary = st.text_area("Summary", value=item["summary"], height=96, key=k("summary"))
    return edits(item, chosen, *_dates(window, item), summary)


def _sentence_fields(tables: Tables, item_id: str, k: Callable[[str], str]) -> dict[str, Any]:
    """Who says so, and the figures, of the item's one extracted sentence (if it has one)."""
    current = the_sentence(tables, item_id)
    if current is None:
        return {}
    claimant = st.text_input("Who says so", value=current["claimant"], key=k("claimant"))
    figures = st.text_input(
        "Figures",
        value=current["figures"],
        key=k("figures"),
        help="As QUANTITY=N, QUANTITY=LOW..HIGH or QUANTITY>=N, separated by ';' "
        "(killed=7..9; injured>=12). They replace the figures read from the sentence.",
    )
    return sentence_changes(current, claimant, figures)


def _clicked(item_id: str, action: str) -> None:
    clicks().add(item_id, action)


def _place_picker(
    tables: Tables, snapshot: Snapshot, basemap: dict[str, Any] | None, event_id: str
) -> Any:
    now = current_place(tables, event_id)
    label = "Change the place" if now else "Place the event (the extractor could not)"
    with st.expander(label, expanded=now is None, icon=":material/location_on:"):
        return render_place_picker(tables, snapshot, basemap, event_id, now)


def render_decision(
    paths: Paths,
    who: str,
    data: tuple[Tables, Snapshot, dict[str, Any] | None],
    item: Mapping[str, Any],
    after: str | None,
    where: tuple[Any, Any],
    clicked: Click | None = None,
) -> None:
    """The fields (a new event's can be edited) beside the sentence, then below both the
    place picker and the accept / save / reject buttons. `where`: (side, below). `clicked`:
    the decision clicked on this item (queued by its button), to record now."""
    tables, snapshot, basemap = data
    item_id, new = item["item_id"], item["kind"] == "new event"
    side, below = where

    def k(name: str) -> str:
        return f"edit_{name}_{item_id}"

    changes, place = {}, None
    with side:
        if new:
            changes = _fields(tables, item, k)
            st.markdown("**Place:** " + markdown_text(place_line(tables, item_id)))
        else:
            st.caption(
                "A sentence the extractor added to an existing event: accept it (correcting "
                "who says so or its figures if need be), or reject it to take it off the "
                "event. The curated event itself is corrected in data/curated/ (reviewed in "
                "git)."
                + (
                    " Rejected: readers do not see it; *Accept* takes the reject back."
                    if item["status"] == "rejected"
                    else ""
                )
            )
        changes = {**changes, **_sentence_fields(tables, item_id, k)}
    with below:
        if new:
            place = _place_picker(tables, snapshot, basemap, item_id)
            changes = {**changes, **_summary_moved(tables, item, changes, place)}
        _verdict(paths, who, (tables, snapshot), item, (after, clicked), (changes, place))


def _summary_moved(
    tables: Tables, item: Mapping[str, Any], changes: Mapping[str, str], place: PlaceChoice | None
) -> dict[str, str]:
    """The summary naming the new place, when the event is moved and the analyst left the
    summary as the extractor wrote it (it named the old place: 'Airstrike · Baghouz: Air
    strikes ... on Al-Hol camp'); said under the place, so it can still be worded otherwise."""
    if place is None or "summary" in changes:
        return {}
    item_id = item["item_id"]
    now = current_place(tables, item_id)
    renamed = moved_summary(str(item["summary"]), now, place, spellings(tables, item_id))
    if renamed is None:
        return {}
    st.caption(
        f"Saved with the new place, the summary reads: “{markdown_text(renamed)}” (edit the "
        "summary above to word it otherwise)."
    )
    return {"summary": renamed}


def _buttons(item: Mapping[str, Any], edited: bool, k: Callable[[str], str]) -> str | None:
    """Accept (or save and accept), save, reject (each click queued by its callback), and
    the note beside them."""
    item_id, new = item["item_id"], item["kind"] == "new event"
    # a sentence has no *Save changes*: Reject beside Accept, not a button's width away
    cols = st.columns([1, 1, 1, 3] if new else [1, 1, 4], vertical_alignment="bottom")
    note = cols[-1].text_input("Note (optional, kept in the history)", key=k("note")).strip()
    cols[0].button(
        "Save and accept" if edited else "Accept",
        type="primary",
        key=k("accept"),
        disabled=item["status"] == "accepted" and not edited,
        width="stretch",
        on_click=_clicked,
        args=(item_id, "accept"),
    )
    if new:
        cols[1].button(
            "Save changes",
            key=k("save"),
            disabled=not edited,
            width="stretch",
            on_click=_clicked,
            args=(item_id, "save"),
        )
    cols[2 if new else 1].button(
        "Reject",
        key=k("reject"),
        disabled=item["status"] == "rejected",
        width="stretch",
        on_click=_clicked,
        args=(item_id, "reject"),
    )
    return note or None


def _verdict(
    paths: Paths,
    who: str,
    data: tuple[Tables, Snapshot],
    item: Mapping[str, Any],
    next_and_clicked: tuple[str | None, Click | None],
    edit: tuple[dict[str, str], PlaceChoice | None],
) -> None:
    """The note and the buttons; a click records the decision and publishes."""
    tables, snapshot = data
    item_id = item["item_id"]
    after, clicked = next_and_clicked
    changes, place = edit
    edited = bool(changes or place)
    note = _buttons(item, edited, lambda n: f"edit_{n}_{item_id}")
    if clicked is None:
        return
    queue = clicks()
    reject, accept = clicked.action == "reject", clicked.action == "accept"
    if reject or accept:
        verdict = "rejected" if reject else "accepted"
        if item["status"] == verdict and (reject or not edited):  # a second click on it
            line = saved_line(tables, item, {}, None)
            queue.finish(clicked, f"Already {verdict}, nothing more recorded: {line[:160]}")
            st.rerun()
    if reject:
        make, done = verdict_maker([item_id], "reject", who, note), "Rejected"
    elif edited:
        wanted = Correction(item_id, who, note, accept=accept, **changes)
        make = edit_maker(snapshot, wanted, place)
        done = "Saved and accepted" if accept else "Saved"
    elif accept:
        make, done = verdict_maker([item_id], "accept", who, note), "Accepted"
    else:  # 'Save changes' clicked, and the fields are as stored by the time it is read
        line = saved_line(tables, item, {}, None)
        queue.finish(clicked, f"Nothing to save, nothing recorded: {line[:160]}")
        st.rerun()
    # as saved: an edit's message named the type and date the analyst had just changed
    moved = place.as_candidate().name if place is not None and not reject else None
    line = saved_line(tables, item, {} if reject else changes, moved)[:160]

    def record() -> bool:
        """Claim, decide, and say: plain Python between the decision stored and its message
        kept, so a click made meanwhile (which stops this run at its next Streamlit call)
        cannot come between them."""
        if not queue.claim(clicked):
            return False  # a run stopped by this one's click is recording it
        try:
            decide(paths, make)
        except Exception as error:
            queue.finish(clicked, f"Not recorded ({why(error)}): {done.lower()} {line}")
            raise
        queue.finish(clicked, f"{done}: {line}")
        return True

    recorded = run_action(record, "Recording the decision and publishing…")
    if recorded:
        st.session_state["review_item_next"] = after
        st.session_state.pop(f"place_choice_{item_id}", None)
    elif recorded is None:  # refused or failed: said here (and at the top if this run stops)
        queue.finish(clicked, f"Not recorded, nothing was changed: {done.lower()} {line}")
        return
    st.rerun()


def frame_row(frame: pd.DataFrame, item_id: str) -> dict[str, Any]:
    """The row of `frame` for an item, as a dict."""
    return frame[frame["item_id"] == item_id].iloc[0].to_dict()
