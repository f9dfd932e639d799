"""Analysts' review decisions applied to the tables, and the review queue (pure).

A decision names the event an analyst saw and the stable keys of the mentions behind it
(`ids.mention_key`: article, sentence span, type). Event ids of extracted events can move
when a later batch reports the same event first; mention keys never do. So after any rebuild
a decision reaches the event that now holds its mentions. Decisions apply in the order they
were made; for each field the latest one wins.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping

import pandas as pd

from etl.dates import precision_of
from etl.inbox import Decision
from etl.tables import TABLE_NAMES, Tables

#: Fields an analyst may change, and what each needs.
EDITABLE = ("event_type", "date_start", "date_end", "place_id", "summary", "actor1", "actor2")
EVENT_ACTIONS = ("accept", "reject", "edit")
STATUS = {"accept": "accepted", "reject": "rejected"}


def mentions_by_event(claims: pd.DataFrame) -> dict[str, tuple[str, ...]]:
    """event_id -> the mention keys of its extracted claims."""
    found = claims.dropna(subset=["mention_key"])
    return {e: tuple(sorted(g)) for e, g in found.groupby("event_id")["mention_key"]}


def _owners(claims: pd.DataFrame) -> dict[str, str]:
    found = claims.dropna(subset=["mention_key"])
    return dict(zip(found["mention_key"], found["event_id"]))


def _edit(event: dict, changes: Mapping[str, object], types: pd.DataFrame) -> dict:
    out = {**event, **{k: v for k, v in changes.items() if k in EDITABLE}}
    if "event_type" in changes:
        out["acled_event_type"] = types.at[out["event_type"], "acled_event_type"]
        out["acled_sub_event_type"] = types.at[out["event_type"], "acled_sub_event_type"]
    if "date_start" in changes or "date_end" in changes:
        start = dt.date.fromisoformat(str(out["date_start"]))
        end = dt.date.fromisoformat(str(out["date_end"]))
        out["date_precision"] = precision_of(start, end)
        out["date_note"] = "set by an analyst"
    if "place_id" in changes:
        out["geo_precision"] = changes.get("geo_precision", 1)
    return out


def apply_decisions(tables: Tables, decisions: Iterable[Decision]) -> Tables:
    """New tables with accept / reject / edit decisions applied to extracted events, and
    rejected supporting claims (extracted sentences added to curated events) removed."""
    events = tables["events"].set_index("event_id", drop=False)
    records = {e: row for e, row in events.to_dict("index").items()}
    types = tables["event_types"].set_index("event_type")
    owners = _owners(tables["claims"])
    dropped: set[str] = set()
    for d in decisions:
        if d.action not in EVENT_ACTIONS:
            continue
        for event_id in sorted({owners[k] for k in d.mentions if k in owners}):
            event = records[event_id]
            if event["origin"] in ("curated", "both"):  # a claim added to a curated event
                if d.action == "reject":
                    dropped.update(d.mentions)
                continue
            if d.action == "edit":
                event = _edit(event, d.changes, types)
            else:
                event = {**event, "review_status": STATUS[d.action]}
            records[event_id] = {**event, "reviewed_by": d.who, "reviewed_at": d.at}
    out = dict(tables)
    frame = pd.DataFrame(list(records.values()), columns=_columns(tables["events"]))
    out["events"] = frame.reset_index(drop=True)
    if dropped:
        claims = tables["claims"]
        gone = claims["mention_key"].isin(dropped) & (claims["origin"] == "extracted")
        out["claims"] = claims[~gone].reset_index(drop=True)
        figures = tables["figures"]
        out["figures"] = figures[~figures["claim_id"].isin(claims.loc[gone, "claim_id"])]
    return {name: out[name] for name in TABLE_NAMES}


def _columns(events: pd.DataFrame) -> list[str]:
    extra = [c for c in ("reviewed_by", "reviewed_at") if c not in events.columns]
    return [*events.columns, *extra]


def review_queue(tables: Tables, batch: str | None = None, every: bool = False) -> pd.DataFrame:
    """Extracted events to review (pending ones, or all with `every`), one row each, with the
    sentence behind it and, for extracted claims added to curated events, what they join."""
    events, claims = tables["events"], tables["claims"]
    extracted = events[events["origin"] == "extracted"]
    if not every:
        extracted = extracted[extracted["review_status"] == "pending"]
    if batch:
        extracted = extracted[extracted["batch_id"] == batch]
    first = (
        claims.sort_values(["article_id", "char_start"])
        .drop_duplicates("event_id")
        .set_index("event_id")
    )
    places = tables["places"].set_index("place_id")["name"]
    rows = []
    for e in extracted.itertuples():
        claim = first.loc[e.event_id] if e.event_id in first.index else None
        rows.append(
            {
                "event_id": e.event_id,
                "batch_id": e.batch_id,
                "status": e.review_status,
                "event_type": e.event_type,
                "date": e.date_start
                if e.date_start == e.date_end
                else f"{e.date_start}..{e.date_end}",
                "place": places.get(e.place_id, "") if isinstance(e.place_id, str) else "",
                "summary": e.summary,
                "sentence": "" if claim is None else claim["sentence"],
                "claims": int((claims["event_id"] == e.event_id).sum()),
            }
        )
    columns = ["event_id", "batch_id", "status", "event_type", "date", "place", "summary"]
    return pd.DataFrame(rows, columns=[*columns, "sentence", "claims"])
