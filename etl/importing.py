"""Import events from an ACLED or UCDP GED export an analyst holds, as one batch.

The file is read and checked whole first: any bad row is named as file:line with its reason
and nothing is stored (unless `skip_bad`, which stores the good rows and lists the others).
Then, as the store's only writer: rows already stored with the same content are skipped, a
row whose id is stored with other content is stored again (the latest wins at build), a new
build is staged with the batch, the batch is committed to the inbox in one transaction, and
the build is published, so a crash leaves the whole batch or none of it (see etl/store.py).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path

from etl import ids, inbox
from etl.build import build_tables
from etl.formats.acled_reader import read_acled
from etl.formats.records import DATASETS, ImportedEvent
from etl.formats.ucdp_reader import read_ucdp
from etl.ingest import built_from
from etl.mention_cache import MentionCache
from etl.problems import InputError, Problem
from etl.settings import Paths
from etl.store import record_then_publish, writing

READERS = {"acled": read_acled, "ucdp": read_ucdp}
MAX_BYTES = 500_000_000


@dataclass
class ImportReport:
    """What an import did."""

    dataset: str
    read: int  # events read from the file
    stored: int = 0  # new events
    updated: int = 0  # ids stored before, with other content now
    unchanged: int = 0  # ids stored before with the same content
    left_out: dict = field(default_factory=dict)  # (type, sub-type) -> rows not drawn
    problems: list[Problem] = field(default_factory=list)  # bad rows left out (skip_bad)
    batch_id: str | None = None
    batch_name: str | None = None
    build_id: str | None = None

    def lines(self) -> list[str]:
        out = [f"left out (bad row): {p}" for p in self.problems]
        out += [f"left out: {n} row(s) of ACLED type {t} / {s} (not a type this project draws)"
                for (t, s), n in sorted(self.left_out.items())]  # fmt: skip
        if self.unchanged:
            out.append(f"{self.unchanged} event(s) already stored with the same content")
        if self.batch_id is None:
            return [*out, "nothing new to store"]
        out.append(
            f"batch {self.batch_id} ({self.batch_name}): {self.stored} new and {self.updated} "
            f"updated {DATASETS[self.dataset]} event(s) of {self.read} read; published build "
            f"{self.build_id}"
        )
        return out


def read_export(path: Path, dataset: str, label: str | None = None):
    """(events, problems, left out by type) of one export file; never raises on bad input."""
    label = label or str(path)
    if dataset not in READERS:
        return [], [Problem(label, None, f"unknown format {dataset!r} (acled or ucdp)")], {}
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            return [], [Problem(label, None, f"{size:,} bytes; the limit is {MAX_BYTES:,}")], {}
        data = path.read_bytes()
    except OSError as exc:
        return [], [Problem(label, None, f"cannot be read ({exc.strerror or exc})")], {}
    events, problems, left_out = READERS[dataset](data, label)
    name = Path(label).name
    events = [replace(e, extra={**e.extra, "file": name}) for e in events]
    return events, problems, left_out


def _changes(snapshot: inbox.Snapshot, events: list[ImportedEvent]) -> tuple[list, int, int]:
    """The events to store (new or changed), how many are updates and how many unchanged."""
    state = snapshot.batch_state()
    stored: dict[tuple[str, str], str] = {}
    for row in snapshot.imports:
        if state.get(row["batch_id"]) == "published":
            stored[(row["dataset"], row["original_id"])] = row["record"]
    fresh, updated, unchanged = [], 0, 0
    for e in events:
        before = stored.get(e.key())
        if before is not None and ImportedEvent.from_json(before).content() == e.content():
            unchanged += 1
            continue
        updated += before is not None
        fresh.append(e)
    return fresh, updated, unchanged


def import_events(
    paths: Paths,
    path: Path,
    dataset: str,
    who: str,
    batch_name: str | None = None,
    skip_bad: bool = False,
    label: str | None = None,
    on_wait: Callable[[str], None] | None = None,
    wait_seconds: float = 600.0,
) -> ImportReport:
    """Read, check, store and publish; raise InputError (nothing stored) on a bad file."""
    events, problems, left_out = read_export(path, dataset, label)
    if problems and (not skip_bad or not events):
        raise InputError(problems)
    report = ImportReport(dataset, len(events), left_out=left_out, problems=problems)
    with writing(paths.store, wait_seconds, on_wait):
        snapshot = inbox.read(paths.store)
        fresh, report.updated, report.unchanged = _changes(snapshot, events)
        if not fresh:
            return report
        name = batch_name or f"{dataset.upper()} import of {Path(label or path).name}, " \
            f"{dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC"  # fmt: skip
        stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%d-%H%M%S")
        records = [e.to_json() for e in fresh]
        batch_id = f"b{stamp}-{ids.content_hash(name, *records, length=6)}"
        at = inbox.now()
        batch = {"batch_id": batch_id, "name": name, "created_at": at, "created_by": who,
                 "note": f"{DATASETS[dataset]} export {Path(label or path).name}"}  # fmt: skip
        rows = [
            {"batch_id": batch_id, "dataset": e.dataset, "original_id": e.original_id,
             "line": e.line, "record": record, "added_at": at}
            for e, record in zip(fresh, records)
        ]  # fmt: skip
        candidate = replace(snapshot, batches=[*snapshot.batches, batch],
                            imports=[*snapshot.imports, *rows])  # fmt: skip
        cache = MentionCache(paths.store)
        tables = build_tables(paths, snapshot=candidate, cache=cache)  # raises before storing

        def record() -> None:
            inbox.commit(paths.store, batch, imports=rows)

        built = record_then_publish(paths.store, tables, record, built_from(candidate))
        cache.flush()
    report.stored = len(fresh) - report.updated
    report.batch_id, report.batch_name, report.build_id = batch_id, name, built.name
    return report
