"""Analysts' review decisions applied to the tables, and the review queue (pure).

A decision names the event an analyst saw and the stable keys of the mentions behind it
(`ids.mention_key`: article, sentence span, type). Event ids of extracted events can move
when a later batch reports the same event first; mention keys never do. So after any rebuild
a decision reaches the event that now holds its mentions. Decisions apply in the order they
were made; for each field the latest one wins, but a sentence rejected on its own stays
rejected, whatever its event's later decisions say, until it is accepted on its own.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass

import numpy as np
import pandas as pd
from pandas.api.extensions import ExtensionDtype
from pandas.core.dtypes.cast import maybe_box_native

from etl import ids
from etl.claim_edits import apply_claim_edits
from etl.extraction.dates import precision_of
from etl.inbox import Decision
from etl.sources import count_sources
from etl.tables import TABLE_NAMES, Tables

#: Fields an analyst may change, and what each needs.
EDITABLE = ("event_type", "date_start", "date_end", "place_id", "summary", "actor1", "actor2")
EVENT_ACTIONS = ("accept", "reject", "edit")
STATUS = {"accept": "accepted", "reject": "rejected"}


def _extracted(claims: pd.DataFrame) -> pd.DataFrame:
    found = claims.dropna(subset=["mention_key"])
    sentences = [
        ids.sentence_key(a, s, e)
        for a, s, e in zip(found["article_id"], found["char_start"], found["char_end"])
    ]
    return found.assign(sentence_key=sentences)


def mentions_by_event(claims: pd.DataFrame) -> dict[str, tuple[str, ...]]:
    """event_id -> the mention keys of its extracted claims, then their sentence keys."""
    found = _extracted(claims)
    return {
        e: (*sorted(set(g["mention_key"])), *sorted(set(g["sentence_key"])))
        for e, g in found.groupby("event_id")
    }


@dataclass(frozen=True)
class Owners:
    """Who holds what among the extracted claims."""

    by_mention: dict[str, str]  # mention key -> event
    by_sentence: dict[str, list[str]]  # sentence key -> events (a sentence can report two)
    sentence_of: dict[str, str]  # mention key -> sentence key
    mentions_of: dict[str, list[str]]  # event -> its mention keys


def _owners(claims: pd.DataFrame) -> Owners:
    found = _extracted(claims)
    by_sentence: dict[str, list[str]] = {}
    mentions_of: dict[str, list[str]] = {}
    for mention, sentence, event in zip(
        found["mention_key"], found["sentence_key"], found["event_id"]
    ):
        by_sentence.setdefault(sentence, []).append(event)
        mentions_of.setdefault(event, []).append(mention)
    return Owners(
        dict(zip(found["mention_key"], found["event_id"])),
        by_sentence,
        dict(zip(found["mention_key"], found["sentence_key"])),
        mentions_of,
    )


def reached(d: Decision, owners: Owners) -> set[str]:
    """The events a decision applies to now: those holding its mentions; failing that (a
    rule change re-typed them), the event holding most of its sentences."""
    held = {owners.by_mention[k] for k in d.mentions if k in owners.by_mention}
    if held:
        return held
    counts = Counter(e for k in d.mentions for e in owners.by_sentence.get(k, ()))
    top = max(counts.values(), default=0)
    return {e for e, n in counts.items() if n == top} if top else set()


def _keys_of(owners: Owners, event_id: str, keys: Iterable[str]) -> list[str]:
    """The mention keys of the event's claims that a decision names (by mention or, after a
    re-typing rule change, by sentence)."""
    wanted = set(keys)
    return [
        k for k in owners.mentions_of.get(event_id, [])
        if k in wanted or owners.sentence_of.get(k) in wanted
    ]  # fmt: skip


def orphaned(tables: Tables, decisions: Iterable[Decision]) -> list[Decision]:
    """Event decisions that reach no event in these tables (shown, never dropped silently)."""
    owners = _owners(tables["claims"])
    return [
        d for d in decisions
        if d.action in EVENT_ACTIONS and d.mentions and not reached(d, owners)
    ]  # fmt: skip


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
        out["radius_km"] = None  # the analyst's point, not the extractor's region
        out["place_note"] = "set by an analyst"
    return out


def apply_decisions(
    tables: Tables, decisions: Iterable[Decision], source: Callable[[str], str] | None = None
) -> Tables:
    """New tables with accept / reject / edit decisions applied: to extracted events (and
    the claims they were decided with; a decision reaching a curated event decides only its
    extracted claims, the same way), and to single extracted sentences (a decision whose
    target is a mention key): accepted, or rejected on their own, which no later decision on
    the whole event undoes. A sentence rejected on its
    own stays in the claims table as "rejected" (the analysts' review list shows it, and
    accepting it takes the reject back); readers never see it (`dashboard.views`), and its
    event's independent sources are counted without it (`source`: article id -> its
    independent source; without it they are left as they are).

    Only what the decisions touch is made anew: the owners of the mentions they name, a
    record of each event they reach, the claims when a status changes (docs/scale.md,
    "Session 24"); the events frame is what rebuilding it from every event's record gave."""
    decisions = [d for d in decisions if d.action in EVENT_ACTIONS]
    events = tables["events"]
    types = tables["event_types"].set_index("event_type")
    named = {k for d in decisions if not d.target.startswith("mn_") for k in d.mentions}
    owners = _named_owners(tables["claims"], named)
    by_sentence = (e for held in owners.by_sentence.values() for e in held)
    records = _records(events, {*owners.by_mention.values(), *by_sentence})
    claim_status: dict[str, str] = {}  # mention key -> status
    claim_edits: dict[str, dict] = {}  # mention key -> claimant / figures set by an analyst
    decided_events: set[str] = set()
    for d in decisions:
        if d.target.startswith("mn_"):  # one sentence, decided on its own
            if d.action in STATUS:
                claim_status.update(dict.fromkeys(d.mentions, "sentence " + STATUS[d.action]))
            else:
                for key in d.mentions:
                    claim_edits.setdefault(key, {}).update(d.changes)
            continue
        curated = _on_curated(d, owners, records)  # its sentences are all it decides
        if curated and d.action == "edit":
            for key in d.mentions:
                claim_edits.setdefault(key, {}).update(d.changes)
            continue
        for event_id in sorted(reached(d, owners)):
            if d.action in STATUS:
                decided = _keys_of(owners, event_id, d.mentions)
                # a sentence rejected on its own stays rejected until it is decided on its own
                # again, whatever its event's later decisions say (curated or extracted)
                decided = [k for k in decided if claim_status.get(k) != "sentence rejected"]
                claim_status.update(dict.fromkeys(decided, STATUS[d.action]))
            if records[event_id]["origin"] != "extracted":  # curated: its fields are not ours
                continue
            event = records[event_id]
            if d.action == "edit":
                event = _edit(event, d.changes, types)
            else:
                event = {**event, "review_status": STATUS[d.action]}
            records[event_id] = {**event, "reviewed_by": d.who, "reviewed_at": d.at}
            decided_events.add(event_id)
    out = dict(tables)
    out["events"] = _events_with(events, {e: records[e] for e in decided_events})
    claims, figures = _claims_reviewed(tables, claim_status)
    out["claims"], out["figures"] = apply_claim_edits(claims, figures, claim_edits)
    alone = rejected_alone(out["claims"], out["events"])
    out["flows"] = _flows_without(tables["flows"], out["claims"][alone])
    if source is not None:
        out["events"] = recount_without_rejected(out["events"], out["claims"], source)
    return {name: out[name] for name in TABLE_NAMES}


def _named_owners(claims: pd.DataFrame, named: set[str]) -> Owners:
    """`_owners` as far as decisions naming `named` keys (mention or sentence keys) read it:
    who holds each named mention and sentence, and every mention key (and its sentence) of
    those holders. The sentence keys are made a chunk of claims at a time and only the named
    ones kept, so nothing the size of the claims table is held."""
    if not named:
        return Owners({}, {}, {}, {})
    found = claims["mention_key"].notna().to_numpy()
    mention, event = claims["mention_key"].to_numpy()[found], claims["event_id"].to_numpy()[found]
    article = claims["article_id"].to_numpy()[found]
    start, end = claims["char_start"].to_numpy()[found], claims["char_end"].to_numpy()[found]
    by_mention: dict[str, str] = {}
    by_sentence: dict[str, list[str]] = {}
    for i in np.flatnonzero(pd.Series(mention).isin(named).to_numpy()):
        by_mention[mention[i]] = event[i]
    for at in range(0, len(mention), _CHUNK):
        keys = [ids.sentence_key(a, s, e) for a, s, e in zip(article[at : at + _CHUNK],
                start[at : at + _CHUNK], end[at : at + _CHUNK])]  # fmt: skip
        for i, key in enumerate(keys):
            if key in named:
                by_sentence.setdefault(key, []).append(event[at + i])
    holders = {*by_mention.values(), *(e for held in by_sentence.values() for e in held)}
    sentence_of: dict[str, str] = {}
    mentions_of: dict[str, list[str]] = {}
    for i in np.flatnonzero(pd.Series(event).isin(holders).to_numpy()):
        mentions_of.setdefault(event[i], []).append(mention[i])
        sentence_of[mention[i]] = ids.sentence_key(article[i], start[i], end[i])
    return Owners(by_mention, by_sentence, sentence_of, mentions_of)


_CHUNK = 50_000  # claims whose sentence keys are made at a time


def _records(events: pd.DataFrame, wanted: set[str]) -> dict[str, dict]:
    """event id -> its record (as `to_dict("index")` gives it), for the wanted events."""
    rows = [i for i, e in enumerate(events["event_id"]) if e in wanted]
    return events.iloc[rows].set_index("event_id", drop=False).to_dict("index") if rows else {}


def _events_with(events: pd.DataFrame, changed: Mapping[str, dict]) -> pd.DataFrame:
    """The events frame with the changed records in place, as `pd.DataFrame` made it from
    every event's record (`to_dict("index")`, then the records: the same values and dtypes),
    each column inferred again only where that could differ: a column whose dtype the round
    trip may not keep (object, nullable, dates...), or one a changed record changed."""
    columns = _columns(events)
    if events.empty:
        return pd.DataFrame([], columns=columns)
    row = {}
    if changed:
        row = {e: i for i, e in enumerate(events["event_id"]) if e in changed}
        before = events.iloc[list(row.values())].set_index("event_id", drop=False).to_dict("index")
    out = {}
    for column in columns:
        kept = events[column] if column in events.columns else None
        moved = any(
            not _same(before[e].get(column, np.nan), record.get(column, np.nan))
            for e, record in changed.items()
        )
        if kept is not None and not moved and _round_trips(kept.dtype):
            out[column] = kept.reset_index(drop=True)
            continue
        values = [np.nan] * len(events) if kept is None else _boxed(kept)
        for e, record in changed.items():
            values[row[e]] = record.get(column, np.nan)
        out[column] = pd.DataFrame([(v,) for v in values], columns=[column])[column]
    return pd.DataFrame(out, columns=columns)


#: dtypes a column keeps through `to_dict("index")` and `pd.DataFrame(records)` unchanged
_KEPT = (np.dtype("int64"), np.dtype("float64"), np.dtype("bool"), pd.Series(["a"]).dtype)


def _round_trips(dtype: object) -> bool:
    return any(dtype == kept and type(dtype) is type(kept) for kept in _KEPT)


def _boxed(column: pd.Series) -> list:
    """A column's values as `to_dict` gives them (Python scalars)."""
    if column.dtype == object or isinstance(column.dtype, ExtensionDtype):
        return [maybe_box_native(v) for v in column]
    return list(column)


def _same(a: object, b: object) -> bool:
    return a is b or (type(a) is type(b) and bool(a == b))


def _flows_without(flows: pd.DataFrame, rejected: pd.DataFrame) -> pd.DataFrame:
    """The flows less those read from the sentences of `rejected` claims (their article and
    event, inside the sentence): a map arc is no more shown than its sentence."""
    if rejected.empty or flows.empty:
        return flows
    spans = rejected[["article_id", "event_id", "sentence_start", "sentence_end"]]
    at = flows[["article_id", "event_id", "origin", "char_start", "char_end"]]
    found = at.assign(_row=range(len(flows))).merge(spans, on=["article_id", "event_id"])
    inside = (
        (found["origin"] == "extracted")
        & (found["char_start"] >= found["sentence_start"])
        & (found["char_end"] <= found["sentence_end"])
    )
    keep = ~pd.Series(range(len(flows))).isin(found.loc[inside, "_row"]).to_numpy()
    return flows[keep].reset_index(drop=True)


def rejected_alone(claims: pd.DataFrame, events: pd.DataFrame) -> pd.Series:
    """Claims rejected on their own: "rejected" while their event is not (a rejected event's
    claims are rejected with it)."""
    status = dict(zip(events["event_id"], events["review_status"]))
    event_status = claims["event_id"].map(status)
    return (claims["review_status"] == "rejected") & (event_status != "rejected")


def recount_without_rejected(
    events: pd.DataFrame, claims: pd.DataFrame, source: Callable[[str], str]
) -> pd.DataFrame:
    """independent_sources and source_ids of the events holding a sentence rejected on its
    own, counted again from their other claims (the build counts every claim first)."""
    alone = rejected_alone(claims, events)
    touched = set(claims.loc[alone, "event_id"])
    if not touched:
        return events
    return count_sources(events, claims[claims["event_id"].isin(touched) & ~alone], source, touched)


def _on_curated(d: Decision, owners: Owners, records: Mapping[str, dict]) -> bool:
    held = reached(d, owners)
    return bool(held) and all(records[e]["origin"] != "extracted" for e in held)


def _claims_reviewed(
    tables: Tables, status: Mapping[str, str]
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Claims with their review status (a sentence rejected on its own is kept, "rejected",
    with its figures: readers' paths leave it out)."""
    claims = tables["claims"].copy(deep=False)  # (copy on write: a column set is copied)
    if not status:
        return claims, tables["figures"]
    extracted = claims["origin"] == "extracted"
    decided = claims["mention_key"].map(status).str.removeprefix("sentence ")
    claims.loc[extracted & decided.notna(), "review_status"] = decided
    return claims, tables["figures"]


def _columns(events: pd.DataFrame) -> list[str]:
    extra = [c for c in ("reviewed_by", "reviewed_at") if c not in events.columns]
    return [*events.columns, *extra]


QUEUE_COLUMNS = [
    "item_id", "kind", "batch_id", "status", "event_type", "date", "place", "summary",
    "sentence", "claims", "event_id",
]  # fmt: skip


def _window(start: str, end: str) -> str:
    return start if start == end else f"{start}..{end}"


def _new_events(
    tables: Tables, statuses: set[str], batch: str | None, items: pd.Series
) -> list[dict]:
    """New extracted events, each with its first sentence and its claims counted, leaving
    out the sentences that are review items of their own (`items`, over the claims: listed
    and decided apart)."""
    events, claims = tables["events"], tables["claims"]
    extracted = events[(events["origin"] == "extracted") & events["review_status"].isin(statuses)]
    if batch:
        extracted = extracted[extracted["batch_id"] == batch]
    claims = claims[~items]
    first = claims.sort_values(["article_id", "char_start"]).drop_duplicates("event_id")
    sentence = dict(zip(first["event_id"], first["sentence"]))
    count = claims.groupby("event_id").size()
    places = tables["places"].set_index("place_id")["name"]
    return [
        {"item_id": e.event_id, "kind": "new event", "batch_id": e.batch_id,
         "status": e.review_status, "event_type": e.event_type,
         "date": _window(e.date_start, e.date_end),
         "place": places.get(e.place_id, "") if isinstance(e.place_id, str) else "",
         "summary": e.summary, "sentence": sentence.get(e.event_id, ""),
         "claims": int(count.get(e.event_id, 0)), "event_id": e.event_id}
        for e in extracted.itertuples()
    ]  # fmt: skip


def own_items(tables: Tables, decisions: Iterable[Decision]) -> set[str]:
    """Mention keys of the extracted sentences of extracted events that the decisions made
    review items of their own, for good: one accepted or rejected on its own (as an item),
    and one that was not among the mentions its event's first accept or reject named (it
    joined the event after its review). Their statuses alone cannot tell: a sentence
    accepted on its own, or swept along by a later decision on its whole event, reads as one
    its event's review accepted."""
    decisions = [d for d in decisions if d.action in STATUS]
    if not decisions:
        return set()
    owners = _owners(tables["claims"])
    origin = dict(zip(tables["events"]["event_id"], tables["events"]["origin"]))
    alone: set[str] = set()
    first: dict[str, set[str]] = {}  # event -> the mention keys its first review named
    for d in decisions:
        if d.target.startswith("mn_"):
            alone.update(d.mentions)
            continue
        for event_id in reached(d, owners):
            if origin.get(event_id) == "extracted" and event_id not in first:
                first[event_id] = set(_keys_of(owners, event_id, d.mentions))
    later = {
        k for e, named in first.items() for k in owners.mentions_of.get(e, ()) if k not in named
    }
    return {k for k in alone | later if origin.get(owners.by_mention.get(k)) == "extracted"}


def sentence_items(tables: Tables, own: set[str]) -> pd.Series:
    """Over the claims: the extracted sentences that are review items of their own ("adds a
    claim"): those that joined a curated event, or joined an extracted one after its review,
    or were decided on their own (`own`, from `own_items`: they stay items, whatever is
    decided next), or were rejected on their own (kept on the list, to be accepted again)."""
    claims, events = tables["claims"], tables["events"]
    origin = dict(zip(events["event_id"], events["origin"]))
    status = dict(zip(events["event_id"], events["review_status"]))
    extracted = claims["origin"] == "extracted"
    curated = claims["event_id"].map(origin).ne("extracted")
    pending_later = claims["event_id"].map(status).ne("pending") & (
        claims["review_status"] == "pending"
    )
    alone = rejected_alone(claims, events)
    return extracted & (curated | pending_later | alone | claims["mention_key"].isin(own))


def _added_claims(
    tables: Tables, statuses: set[str], batch: str | None, items: pd.Series
) -> list[dict]:
    claims, events = tables["claims"], tables["events"].set_index("event_id")
    batch_of = dict(zip(tables["articles"]["article_id"], tables["articles"]["batch_id"]))
    added = claims[items & claims["review_status"].isin(statuses)]
    if batch:
        added = added[added["article_id"].map(batch_of) == batch]
    places = tables["places"].set_index("place_id")["name"]
    rows = []
    for c in added.itertuples():
        e = events.loc[c.event_id]
        rows.append(
            {"item_id": c.mention_key, "kind": "adds a claim",
             "batch_id": batch_of.get(c.article_id), "status": c.review_status,
             "event_type": e["event_type"],
             "date": _window(e["date_start"], e["date_end"]),
             "place": places.get(e["place_id"], "") if isinstance(e["place_id"], str) else "",
             "summary": f"adds a claim to: {e['summary']}", "sentence": c.sentence,
             "claims": 1, "event_id": c.event_id}
        )  # fmt: skip
    return rows


def review_queue(
    tables: Tables,
    batch: str | None = None,
    every: bool = False,
    decisions: Iterable[Decision] = (),
) -> pd.DataFrame:
    """What awaits review, one row each: new extracted events (item_id = the event id) and
    extracted sentences that joined an existing event or were decided on their own ("adds a
    claim", item_id = the sentence's mention key), with the sentence behind it. `every` adds
    reviewed ones. `decisions`: the decisions the tables were built with (`own_items`);
    without them a sentence of an extracted event accepted on its own, or decided with its
    whole event after joining it, is not told from the event's own sentences and leaves the
    list."""
    statuses = {"pending", "accepted", "rejected"} if every else {"pending"}
    items = sentence_items(tables, own_items(tables, decisions))
    rows = _new_events(tables, statuses, batch, items) + _added_claims(
        tables, statuses, batch, items
    )
    return pd.DataFrame(rows, columns=QUEUE_COLUMNS)
