"""The history of batches and decisions, as tables for the analyst page (pure)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Literal

import pandas as pd

from dashboard.review_items import grid_heights, grid_widths, wrapped_lines
from dashboard.views import format_date_window
from etl.analyst_actions import held_when_retracted, held_words, hidden_events
from etl.inbox import Decision, Snapshot
from etl.tables import Tables

ACTION_WORDS = {
    "accept": "accepted",
    "reject": "rejected",
    "edit": "edited",
    "retract": "retracted batch",
    "restore": "restored batch",
    "update_article": "updated article",
}


def batches_frame(snapshot: Snapshot, tables: Tables) -> pd.DataFrame:
    """Every batch, newest first: its state, articles, and its new events by status."""
    state, held = snapshot.batch_state(), held_when_retracted(snapshot)
    articles = pd.Series([a["batch_id"] for a in snapshot.articles], dtype=object).value_counts()
    events = tables["events"]  # a batch's events: extracted, or imported (accepted)
    counts = events.dropna(subset=["batch_id"]).groupby(["batch_id", "review_status"]).size()
    rows = []
    for b in reversed(snapshot.batches):
        batch = b["batch_id"]

        def n(status: str, batch: str = batch) -> int | None:
            if batch in held:  # its events left the tables with it: what it held then
                return None if held[batch] is None else held[batch][status]
            return int(counts.get((batch, status), 0))

        rows.append(
            {
                "batch": b["name"],
                "state": _state_words(state.get(batch, ""), batch, held),
                "articles": int(articles.get(batch, 0)),
                "awaiting review": n("pending"),
                "accepted": n("accepted"),
                "rejected": n("rejected"),
                "added": b["created_at"],
                "by": b["created_by"],
                "batch_id": batch,
            }
        )
    frame = pd.DataFrame(rows, columns=_BATCH_COLUMNS)
    for column in ("awaiting review", "accepted", "rejected"):  # blank, not NaN, when unknown
        frame[column] = frame[column].astype("Int64")
    return frame


def _state_words(state: str, batch: str, held: Mapping[str, Mapping[str, int] | None]) -> str:
    """'published', or 'retracted (counts then)': its counts are what it held when it was
    retracted (they would read 0: its events are no longer in the tables). Short: the grid
    cuts a long cell; `retracted_lines` says it in full under the table."""
    return "retracted (counts then)" if batch in held else state


def retracted_lines(snapshot: Snapshot) -> list[str]:
    """One line per batch retracted now, newest first: who retracted it, when, and what it
    held ('April (b2), retracted 2026-01-02 by ben: held 3 events: 1 awaiting review, ...;
    readers see none of it')."""
    held, names = (
        held_when_retracted(snapshot),
        {b["batch_id"]: b["name"] for b in snapshot.batches},
    )
    last = {d.target: d for d in snapshot.decisions if d.action == "retract"}
    return [
        f"{names.get(batch, batch)} ({batch}), retracted {last[batch].at[:10]} by "
        f"{last[batch].who}: {held_words(counts)}; readers see none of it."
        for batch, counts in reversed(held.items())
    ]


_BATCH_COLUMNS = [
    "batch", "state", "articles", "awaiting review", "accepted", "rejected", "added", "by",
    "batch_id",
]  # fmt: skip


def describe_changes(
    changes: Mapping[str, object], places: Mapping[str, str], types: Mapping[str, str]
) -> str:
    """What an edit changed, in words: 'place: Jisr ash Shughur; date: 14–15 Mar 2019'."""
    parts = []
    if "event_type" in changes:
        parts.append(f"type: {types.get(str(changes['event_type']), changes['event_type'])}")
    if "date_start" in changes or "date_end" in changes:
        start = pd.Timestamp(str(changes.get("date_start", changes.get("date_end"))))
        end = pd.Timestamp(str(changes.get("date_end", changes.get("date_start"))))
        parts.append(f"date: {format_date_window(start, end)}")
    if "place_id" in changes:
        parts.append(f"place: {places.get(str(changes['place_id']), changes['place_id'])}")
    if "held" in changes:  # a retraction: what the batch held then
        parts.append(held_words(changes["held"]))  # type: ignore[arg-type]
    if "summary" in changes:
        parts.append(f"summary: {changes['summary']}")
    known = {"event_type", "date_start", "date_end", "place_id", "summary", "held", "events"}
    others = sorted(set(changes) - known)
    parts += [f"{k}: {changes[k]}" for k in others]
    return "; ".join(parts)


def _target(
    d: Decision, batches: Mapping[str, str], said: Mapping[str, str], hidden: Mapping[str, str]
) -> str:
    """What a decision was about, in words where the tables still know it, or where its
    batch's retraction kept them (`hidden`: its events leave the tables)."""
    if d.action in ("retract", "restore"):
        return batches.get(d.target, d.target)
    if d.target.startswith("mn_"):
        return f"sentence: {said[d.target]}" if d.target in said else f"sentence {d.target}"
    if d.target in said:
        return f"{said[d.target]} ({d.target})"
    return (
        f"{hidden[d.target]} ({d.target}; its batch is retracted)"
        if d.target in hidden
        else d.target
    )


def _event_words(types: Mapping[str, str], event_type, start, end, summary) -> str:
    """'Airstrike · 11 Mar 2019: summary', cut short."""
    window = format_date_window(pd.Timestamp(start), pd.Timestamp(end))
    return _short(f"{types.get(event_type, event_type)} · {window}: {summary}")


def _hidden(snapshot: Snapshot, types: Mapping[str, str]) -> dict[str, str]:
    """Event id -> its words, for the decided events of the batches retracted now."""
    return {
        event_id: _event_words(types, f["event_type"], f["date_start"], f["date_end"], f["summary"])
        for event_id, (_, f) in hidden_events(snapshot).items()
    }


def _said(tables: Tables) -> dict[str, str]:
    """Event id -> 'Airstrike · 11 Mar 2019: summary'; mention key -> its sentence (short)."""
    types = dict(zip(tables["event_types"]["event_type"], tables["event_types"]["label"]))
    events = tables["events"]
    said = {
        e.event_id: _event_words(types, e.event_type, e.date_start, e.date_end, e.summary)
        for e in events.itertuples()
    }
    claims = tables["claims"].dropna(subset=["mention_key"])
    said.update({k: _short(s) for k, s in zip(claims["mention_key"], claims["sentence"])})
    return said


def _short(text: str, width: int = 90) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= width else text[: width - 1] + "…"


def decisions_frame(snapshot: Snapshot, tables: Tables, places: Mapping[str, str]) -> pd.DataFrame:
    """Every decision, newest first: when, who, what they did to what, and why.

    `places` maps place ids to names: the tables' places and the analysts' own."""
    types = dict(zip(tables["event_types"]["event_type"], tables["event_types"]["label"]))
    batches = {b["batch_id"]: f"{b['name']} ({b['batch_id']})" for b in snapshot.batches}
    said, hidden = _said(tables), _hidden(snapshot, types)
    rows = [
        {
            "when": d.at,
            "who": d.who,
            "did": ACTION_WORDS.get(d.action, d.action),
            "to": _target(d, batches, said, hidden),
            "changes": describe_changes(d.changes, places, types),
            "note": d.note or "",
        }
        for d in reversed(snapshot.decisions)
    ]
    return pd.DataFrame(rows, columns=["when", "who", "did", "to", "changes", "note"])


#: The decisions grid: the short columns' widths (CSS px), the long ones' shares of the rest
#: (each at least DECISIONS_LONG_MIN_PX) and the lines their rows hold (least, most). Left to
#: Streamlit, every column had an even share and one line: at 1920 px what a decision was
#: about was cut after 70 characters ("... Maarat al-Numan: a… (ev_8f32"), its event id lost,
#: beside empty *changes* and *note* columns (session 33's walk-through).
DECISIONS_WIDTHS = {"when": 176, "who": 128, "did": 112}
DECISIONS_SHARES = {"to": 5, "changes": 3, "note": 2}
DECISIONS_LONG_MIN_PX = 128
DECISIONS_LINES = (3, 5)
#: The grid's two borders (no selection boxes, no index).
DECISIONS_MARGIN_PX = 4
DECISIONS_BODY_PX = 440


def decisions_layout(
    frame: pd.DataFrame, table_px: int
) -> tuple[dict[str, int], int | None, int | Literal["auto"]]:
    """The decisions grid `table_px` wide: column -> width (px), row height and the grid's
    own height. Rows are tall enough for the cell that needs most lines (within
    DECISIONS_LINES: Streamlit wraps a cell only in a row of three lines or more), or
    Streamlit's one line when every cell fits one."""
    widths = grid_widths(
        {c: w for c, w in DECISIONS_WIDTHS.items() if c in frame},
        {c: n for c, n in DECISIONS_SHARES.items() if c in frame},
        table_px - DECISIONS_MARGIN_PX,
        DECISIONS_LONG_MIN_PX,
    )
    need = max(
        (wrapped_lines(v, w) for c, w in widths.items() for v in frame[c].astype(str)),
        default=1,
    )
    if need <= 1:
        return widths, None, "auto"
    row_px, grid_px = grid_heights(need, len(frame), DECISIONS_LINES, DECISIONS_BODY_PX)
    return widths, row_px, grid_px


def place_names(snapshot: Snapshot, tables: Tables) -> dict[str, str]:
    """Place id -> name, over the published places and every place analysts added."""
    names = {str(p["place_id"]): str(p["name"]) for p in snapshot.places}
    names.update(zip(tables["places"]["place_id"], tables["places"]["name"]))
    return names
