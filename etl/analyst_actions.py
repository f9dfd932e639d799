"""What an analyst can do to the store, for the command line and the dashboard alike.

Each action takes the store's lock, reads the current state, records what the analyst
decided in the inbox (append-only), rebuilds and publishes, so readers see the change at
once and `etl build` later reproduces exactly the same published state.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import replace
from pathlib import Path

import pandas as pd

from etl import ids, inbox
from etl import near_duplicates as near
from etl.articles import published_range
from etl.build import analyst_places, build_tables
from etl.inbox import Decision, Snapshot
from etl.ingest import (
    IngestOptions,
    IngestReport,
    built_from,
    check_drafts,
    ingest,
    near_duplicates_of,
)
from etl.mention_cache import MentionCache
from etl.problems import InputError, Problem
from etl.review import mentions_by_event
from etl.settings import Paths
from etl.store import record_then_publish, writing
from etl.tables import Tables

REVIEW = "review"  # the 'file' named in problems about review commands


def ingest_files(
    paths: Paths, files: Sequence[Path], options: IngestOptions, max_file_bytes: int,
    on_wait: Callable[[str], None] | None = None,
) -> IngestReport:  # fmt: skip
    """Read files (any upload format) and ingest them as one batch (the drafts handed over:
    their texts are not held here while the batch is extracted, merged and written).
    Near-duplicates (`etl.near_duplicates`: an article again with a word changed or a
    sentence added, which the exact check passes as new) are stored all the same and named
    in the report, a line each with both ids and the share (the analyst page asks instead;
    a script has no one to ask)."""
    from etl.uploads import Limits, read_paths

    drafts, problems = read_paths(files, Limits(max_file_bytes=max_file_bytes))
    good, found = check_drafts(drafts, problems, options)  # bad files are left out or stop it
    refused = bool(found) and not options.skip_bad  # (`ingest` raises: nothing to compare)
    alike = [] if refused else [near.report_line(n) for n in near_duplicates_of(paths, good)]
    del good
    report = ingest(paths, drafts, problems, options, on_wait=on_wait, hand_over=True)
    return replace(report, near_duplicates=alike) if report.batch_id else report


def report_lines(report: IngestReport) -> list[str]:
    """What an ingest did, in sentences."""
    lines = [f"left out: {p}" for p in report.left_out]
    lines += [f"warning: {w}" for w in report.warnings]
    lines += [f"duplicate: {d}" for d in report.duplicates]
    lines += report.near_duplicates
    if report.batch_id is None and report.build_id:
        return [*lines, f"published build {report.build_id} (it was behind the stored batches "
                "and decisions, or metadata was updated)"]  # fmt: skip
    if report.batch_id is None:
        return [*lines, "nothing new to store: every article is already in the store"]
    events = report.events if report.events is not None else pd.DataFrame()
    pending = events[events["review_status"] == "pending"] if not events.empty else events
    lines.append(
        f"batch {report.batch_id} ({report.batch_name}): {len(report.added)} article(s) stored"
    )
    if report.new_outlets:
        lines.append("new outlet(s): " + ", ".join(report.new_outlets))
    lines.append(f"{len(pending)} extracted event(s) and {report.added_claims} sentence(s) "
                 "adding claims to existing events await review (etl review list --batch "
                 f"{report.batch_id}); published build {report.build_id}")  # fmt: skip
    for e in pending.itertuples():
        lines.append(f"  {e.event_id}  {e.event_type:<12} {e.date_start}  {e.summary[:90]}")
    return lines


Made = tuple[list[dict], list[dict]]  # decision rows, and places to add to the gazetteer


def decide(
    paths: Paths, make: Callable[[Tables], Made], on_wait: Callable[[str], None] | None = None
) -> str:
    """Record decisions (and places) made against the current tables; rebuild and publish.
    `on_wait` hears once if another writer holds the store."""
    with writing(paths.store, on_wait=on_wait):
        snapshot, cache = inbox.read(paths.store), MentionCache(paths.store)
        rows, places = make(build_tables(paths, snapshot=snapshot, cache=cache))  # unknown ids
        at = inbox.now()  # one time for the build and the log, so a rebuild gives the same
        rows, places = [{**r, "at": at} for r in rows], [{**p, "at": at} for p in places]
        candidate = inbox.with_pending(snapshot, rows, places)
        tables = build_tables(paths, snapshot=candidate, cache=cache)

        def record() -> None:
            inbox.commit(paths.store, places=places, decisions=rows)

        built = record_then_publish(paths.store, tables, record, built_from(candidate)).name
        cache.flush()
        return built


def _event(tables: Tables, event_id: str) -> pd.Series:
    events = tables["events"].set_index("event_id", drop=False)
    if event_id not in events.index:
        raise InputError([Problem(REVIEW, None, f"{event_id}: no event with this id in the "
                                  "store (see `python -m etl review list`)")])  # fmt: skip
    event = events.loc[event_id]
    if event["origin"] != "extracted":
        raise InputError([Problem(REVIEW, None, f"{event_id} is a curated event: correct it in "
                                  "data/curated/events.csv (reviewed in git)")])  # fmt: skip
    return event


def event_decisions(
    tables: Tables, event_ids: Sequence[str], action: str, who: str, note: str | None,
    changes: dict | None = None, decided: frozenset[str] = frozenset(),
) -> list[dict]:  # fmt: skip
    """Decision rows for review items: an extracted event (with the stable keys of every
    mention behind it) or one extracted sentence added to a curated event (its mention key).
    `decided`: sentence keys earlier decisions named, accepted even when the tables lack
    them (a sentence rejected on its own stays in the claims table, "rejected", and is
    accepted again from there; builds written before that removed it)."""
    keys = mentions_by_event(tables["claims"])
    problems, rows = [], []
    for item in dict.fromkeys(event_ids):
        try:
            sentence = item.startswith("mn_")
            mentions = (
                (item,)
                if sentence and action == "accept" and item in decided
                else _added_sentence(tables, item, action)
                if sentence
                else None
            )
            if mentions is None:
                _event(tables, item)
                mentions = keys.get(item, ())
        except InputError as exc:
            problems += exc.problems
            continue
        rows.append({"action": action, "target": item, "mentions": mentions,
                     "changes": changes or {}, "who": who, "note": note})  # fmt: skip
    if problems:
        raise InputError(problems)
    return rows


def _added_sentence(tables: Tables, key: str, action: str) -> tuple[str, ...]:
    claims = tables["claims"]
    if key not in set(claims["mention_key"].dropna()):
        raise InputError([Problem(REVIEW, None, f"{key}: no extracted sentence with this key "
                                  "(see `python -m etl review list`)")])  # fmt: skip
    return (key,)


def parse_window(text: str) -> tuple[str, str]:
    """'2019-03-02' or '2019-03-01..2019-03-03' -> (start, end) as ISO dates."""
    start, _, end = text.partition("..")
    try:
        first, last = dt.date.fromisoformat(start), dt.date.fromisoformat(end or start)
    except ValueError:
        raise InputError([Problem(REVIEW, None, f"--date {text!r}: expected YYYY-MM-DD or "
                                  "YYYY-MM-DD..YYYY-MM-DD")]) from None  # fmt: skip
    if last < first:
        raise InputError([Problem(REVIEW, None, f"--date {text!r}: the end is before the start")])
    low, high = published_range()
    if first < low or last > high:  # an event cannot postdate the reports; 0219 is a typo
        raise InputError([Problem(REVIEW, None, f"--date {text!r}: outside {low}..{high}")])
    return first.isoformat(), last.isoformat()


def analyst_place(
    name: str, latitude: float, longitude: float, spellings: Sequence[str], who: str,
    country: str = "", source: str = "picked by an analyst",
) -> dict:  # fmt: skip
    """A place row for the analysts' gazetteer, with every spelling seen for it."""
    if not (-90 <= latitude <= 90 and -180 <= longitude <= 180):
        where = f"{latitude}, {longitude}"
        raise InputError([Problem(REVIEW, None, f"{where} is not a point on Earth")])
    aliases = sorted({s for s in spellings if s and s.casefold() != name.casefold()})
    return {
        "place_id": ids.place_id(name, latitude, longitude),
        "name": name, "aliases": "|".join(aliases) or None, "kind": "town",
        "latitude": latitude, "longitude": longitude, "geo_precision": 1, "admin1": None,
        "country": country or None, "area": "Elsewhere", "source": source, "who": who,
    }  # fmt: skip


def set_batch_state(
    paths: Paths, batch: str, action: str, who: str, note: str | None,
    on_wait: Callable[[str], None] | None = None,
) -> str:  # fmt: skip
    """Retract or restore a whole batch, then republish."""

    def rows(tables: Tables) -> Made:
        state = inbox.read(paths.store, texts=False).batch_state()
        if batch not in state:
            known = ", ".join(state) or "none yet"
            raise InputError([Problem(REVIEW, None, f"{batch}: no such batch (batches: {known})")])
        wanted = "retracted" if action == "retract" else "published"
        if state[batch] == wanted:
            raise InputError([Problem(REVIEW, None, f"batch {batch} is already {wanted}")])
        # what the batch held, kept with the retraction: its events leave the tables with it
        changes = {}
        if action == "retract":
            decided = inbox.read(paths.store, texts=False).decisions
            changes = {"held": batch_events(tables, batch),
                       "events": decided_events(tables, batch, decided)}  # fmt: skip
        return [{"action": action, "target": batch, "who": who, "note": note,
                 "changes": changes}], []  # fmt: skip

    return decide(paths, rows, on_wait)


#: A batch's extracted events by review status, in this order (the keys of `held`).
HELD = ("pending", "accepted", "rejected")


def batch_events(tables: Tables, batch: str) -> dict[str, int]:
    """How many of the batch's events (extracted, or imported: accepted) are pending,
    accepted and rejected."""
    events = tables["events"]
    mine = events[events["batch_id"] == batch]
    counts = mine["review_status"].value_counts()
    return {status: int(counts.get(status, 0)) for status in HELD}


def decided_events(
    tables: Tables, batch: str, decisions: Iterable[Decision]
) -> dict[str, dict[str, str]]:
    """The batch's events that `decisions` name (event id -> type, first and last day, and
    summary), kept with a retraction so the history can still say what a decision was about:
    the events leave the tables with the batch, and the history showed a bare event id."""
    targets = {d.target for d in decisions}
    events = tables["events"]
    mine = events[(events["batch_id"] == batch) & events["event_id"].isin(targets)]
    return {
        e.event_id: {
            "event_type": str(e.event_type),
            "date_start": str(pd.Timestamp(e.date_start).date()),
            "date_end": str(pd.Timestamp(e.date_end).date()),
            "summary": str(e.summary),
        }
        for e in mine.itertuples()
    }


def hidden_events(snapshot: Snapshot) -> dict[str, tuple[str, dict[str, str]]]:
    """Event id -> (its batch, what it was: `decided_events`), for the events of the batches
    retracted now that decisions named."""
    state, hidden = snapshot.batch_state(), {}
    for d in snapshot.decisions:
        if d.action == "retract" and state.get(d.target) == "retracted":
            for event_id, fields in (d.changes.get("events") or {}).items():
                hidden[event_id] = (d.target, fields)
    return hidden


def held_when_retracted(snapshot: Snapshot) -> dict[str, dict[str, int] | None]:
    """Batch id -> its events by status when it was last retracted (None: retracted before
    the counts were kept), for the batches retracted now."""
    state, held = snapshot.batch_state(), {}
    for d in snapshot.decisions:
        if d.action == "retract":
            counts = d.changes.get("held")
            held[d.target] = {s: int(counts.get(s, 0)) for s in HELD} if counts else None
    return {b: n for b, n in held.items() if state.get(b) == "retracted"}


def held_words(held: Mapping[str, int] | None) -> str:
    """'held 3 events: 1 awaiting review, 2 accepted, 0 rejected' (or that nobody counted)."""
    if held is None:
        return "its events were not counted when it was retracted"
    total = sum(held.values())
    return (f"held {total} event{'s' if total != 1 else ''}: {held['pending']} awaiting review, "
            f"{held['accepted']} accepted, {held['rejected']} rejected")  # fmt: skip


def batch_lines(snapshot: Snapshot) -> list[str]:
    """Every batch with its state and size, then the decision history, oldest first."""
    if not snapshot.batches:
        return ["no batches yet: `python -m etl ingest FILE...` adds one"]
    state = snapshot.batch_state()
    counts = pd.Series([a["batch_id"] for a in snapshot.articles]).value_counts()
    imported = pd.Series([i["batch_id"] for i in snapshot.imports]).value_counts()

    def size(batch: str) -> str:  # an import batch holds events, not articles
        if batch in imported.index:
            return f"{int(imported[batch])} imported event(s)"
        return f"{int(counts.get(batch, 0))} article(s)"

    held = held_when_retracted(snapshot)
    lines = [f"{b['batch_id']}  {state[b['batch_id']]:<9}  {size(b['batch_id'])}  "
             f"{b['created_at']} by {b['created_by']}  {b['name']}"
             + (f"  (retracted; {held_words(held[b['batch_id']])})"
                if b["batch_id"] in held else "")
             for b in snapshot.batches]  # fmt: skip
    lines.append("history:")
    lines += [f"  {d.at}  {d.who}: {d.action} {d.target}" + (f" ({d.note})" if d.note else "")
              for d in snapshot.decisions]  # fmt: skip
    return lines


__all__ = [
    "analyst_places", "batch_events", "batch_lines", "decide", "event_decisions",
    "held_when_retracted", "ingest_files",
]  # fmt: skip
