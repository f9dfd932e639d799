"""The analysts' commands: ingest a batch, review what was extracted, retract or restore.

    python -m etl ingest PATH... [--outlet NAME] [--published YYYY-MM-DD] [--batch NAME]
    python -m etl review list [--batch ID] [--all] [--format table|csv]
    python -m etl review accept|reject ID...
    python -m etl review edit ID [--place NAME [--country CC] | --lat N --lon N] [--date ...]
    python -m etl batches | retract BATCH | restore BATCH

Every command takes --store (else CONFLICT_STORE, else data/store), writes as the store's
only writer, and publishes a new build so readers see the change at once.
"""

from __future__ import annotations

import argparse
import datetime as dt
import getpass
import sys
from dataclasses import replace
from pathlib import Path

from etl import inbox
from etl.analyst_actions import (
    batch_lines,
    decide,
    event_decisions,
    hidden_events,
    ingest_files,
    report_lines,
    set_batch_state,
)
from etl.corrections import Correction, correction_rows, curated_place_rows
from etl.csvwriter import frame_csv_bytes
from etl.ingest import IngestOptions
from etl.review import review_queue
from etl.settings import Paths


def _tell(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def _paths(args: argparse.Namespace) -> Paths:
    base = Paths.from_env()
    return replace(
        base,
        store=args.store or base.store,
        seeds=getattr(args, "seeds", None) or base.seeds,
        curated=getattr(args, "curated", None) or base.curated,
    )


def _who() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "analyst"


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date (YYYY-MM-DD)") from None


def _cmd_ingest(args: argparse.Namespace) -> int:
    options = IngestOptions(
        args.batch, args.outlet, args.published, args.who, args.skip_bad, args.update_metadata,
        engine=args.engine,
    )  # fmt: skip
    limit = int(args.max_file_mb * 1_000_000)
    report = ingest_files(_paths(args), args.paths, options, limit, _tell)
    print("\n".join(report_lines(report)))
    return 0


def _cmd_review_list(args: argparse.Namespace) -> int:
    from etl.store import read_store

    store = _paths(args).store
    tables, _ = read_store(store)
    decisions = inbox.read(store, texts=False).decisions  # which sentences are items of their own
    queue = review_queue(tables, batch=args.batch, every=args.all, decisions=decisions)
    if args.format == "csv":
        sys.stdout.buffer.write(frame_csv_bytes(queue))
        return 0
    if queue.empty:
        print("nothing to review" + (f" in batch {args.batch}" if args.batch else ""))
        return 0
    for row in queue.itertuples():
        print(f"{row.item_id}  {row.status:<8} {row.event_type:<12} {row.date:<22} "
              f"{row.place or '(no place)'}  [{row.batch_id}]")  # fmt: skip
        print(f"    {row.summary}")
    print(f"{len(queue)} item(s)")
    return 0


def _cmd_review_decide(args: argparse.Namespace) -> int:
    paths = _paths(args)
    decided = frozenset(d.target for d in inbox.read(paths.store, texts=False).decisions)

    def rows(tables):
        return event_decisions(
            tables, args.ids, args.action, args.who, args.note, None, decided
        ), []

    build = decide(paths, rows, _tell)
    done = {"accept": "accepted", "reject": "rejected"}[args.action]
    print(f"{done} {len(set(args.ids))} event(s); published build {build}")
    return 0


def _cmd_review_edit(args: argparse.Namespace) -> int:
    from etl.places.geonames import GeoNamesIndex

    paths, said = _paths(args), []
    wanted = Correction(
        args.id, args.who, args.note, args.place, args.country, args.lat, args.lon,
        args.date, args.event_type, args.summary, args.accept, args.teach,
        args.claimant, tuple(args.figure or ()),
    )  # fmt: skip

    def make(tables):
        snapshot, geonames = inbox.read(paths.store), GeoNamesIndex.open()
        curated = curated_place_rows(tables)
        made, lines = correction_rows(tables, snapshot, curated, geonames, wanted)
        said.extend(lines)
        return made

    build = decide(paths, make, _tell)
    print("\n".join([f"edited {args.id}", *said, f"published build {build}"]))
    return 0


def _cmd_batches(args: argparse.Namespace) -> int:
    from etl.review import orphaned
    from etl.store import current_build, read_store

    store = _paths(args).store
    snapshot = inbox.read(store, texts=False)
    print("\n".join(batch_lines(snapshot)))
    if current_build(store) is not None:
        lost = orphaned(read_store(store)[0], snapshot.decisions)
        hidden = hidden_events(snapshot)  # not lost: its batch is retracted
        for d in lost:
            if d.target in hidden:
                print(f"  hidden with retracted batch {hidden[d.target][0]}: {d.at} {d.who}: "
                      f"{d.action} {d.target}")  # fmt: skip
                continue
            print(f"  reaches no event now: {d.at} {d.who}: {d.action} {d.target} (its sentences "
                  "are no longer read as an event; review the batch again)")  # fmt: skip
    return 0


def _cmd_batch_state(args: argparse.Namespace) -> int:
    build = set_batch_state(_paths(args), args.batch, args.action, args.who, args.note, _tell)
    done = {"retract": "retracted", "restore": "restored"}[args.action]
    print(f"{done} batch {args.batch}; published build {build}")
    return 0


def _inputs(cmd: argparse.ArgumentParser) -> None:
    cmd.add_argument("--store", type=Path, help="store folder (default data/store)")
    cmd.add_argument("--seeds", type=Path, help="folder of seed articles (default seeds/)")
    cmd.add_argument("--curated", type=Path, help="folder of curated tables")


def _common(cmd: argparse.ArgumentParser) -> None:
    _inputs(cmd)
    cmd.add_argument("--who", default=_who(), help="name recorded with the decision")
    cmd.add_argument("--note", help="why (kept in the history)")


def add_commands(sub: argparse._SubParsersAction) -> None:
    """Register ingest, review, batches, retract and restore on the `etl` parser."""
    ingest = sub.add_parser("ingest", help="add a batch of articles, extract, publish")
    ingest.add_argument("paths", nargs="+", type=Path, help=".txt .md .html .json .jsonl .csv .zip")
    ingest.add_argument("--outlet", help="outlet of articles that do not name one")
    ingest.add_argument("--published", type=_date, help="date of articles that give none")
    ingest.add_argument("--batch", help="a name for the batch")
    ingest.add_argument("--skip-bad", action="store_true", help="store the good files anyway")
    ingest.add_argument(
        "--update-metadata",
        action="store_true",
        help="for articles already stored, record the new title/date/outlet/url given",
    )
    ingest.add_argument("--max-file-mb", type=float, default=20.0, help="size limit per file")
    ingest.add_argument(
        "--engine", choices=("local", "dask"), default="local",
        help="where new articles are extracted: this machine's cores, or a Dask cluster "
        "(DASK_SCHEDULER_ADDRESS, else a local one; needs the 'distributed' extra)",
    )  # fmt: skip
    _common(ingest)
    ingest.set_defaults(run=_cmd_ingest)

    review = sub.add_parser("review", help="list, accept, reject or edit extracted events")
    verbs = review.add_subparsers(dest="verb", required=True)
    listing = verbs.add_parser("list", help="events awaiting review")
    listing.add_argument("--batch", help="only this batch")
    listing.add_argument("--all", action="store_true", help="reviewed ones too")
    listing.add_argument("--format", choices=("table", "csv"), default="table")
    _inputs(listing)
    listing.set_defaults(run=_cmd_review_list)
    for action in ("accept", "reject"):
        cmd = verbs.add_parser(action, help=f"{action} extracted events")
        cmd.add_argument("ids", nargs="+", help="event ids (see `review list`)")
        _common(cmd)
        cmd.set_defaults(run=_cmd_review_decide, action=action)
    edit = verbs.add_parser("edit", help="correct an extracted event or one of its sentences")
    edit.add_argument("id", help="event id, or a sentence's key (mn_...) for claimant/figures")
    edit.add_argument("--place", help="a place name from the gazetteers")
    edit.add_argument("--country", help="ISO code that picks among places of that name")
    edit.add_argument("--lat", type=float, help="latitude of a point picked by hand")
    edit.add_argument("--lon", type=float, help="longitude of a point picked by hand")
    edit.add_argument("--date", help="YYYY-MM-DD or YYYY-MM-DD..YYYY-MM-DD")
    edit.add_argument("--type", dest="event_type", help="event type (see event_types.csv)")
    edit.add_argument("--summary", help="one-line summary")
    edit.add_argument("--accept", action="store_true", help="and accept it")
    edit.add_argument("--claimant", help="who the sentence says reports it")
    edit.add_argument(
        "--figure",
        action="append",
        metavar="QUANTITY=N[..M]",
        help="the sentence's figures, replacing what was read (killed=7, killed=7..9, "
        "killed>=7); repeat for several",
    )
    edit.add_argument(
        "--teach",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="keep the sentence's spelling with the place, so later batches are placed "
        "there (default: only when it is the place's own name)",
    )
    _common(edit)
    edit.set_defaults(run=_cmd_review_edit)

    batches = sub.add_parser("batches", help="batches and their state")
    _inputs(batches)
    batches.set_defaults(run=_cmd_batches)
    for action in ("retract", "restore"):
        cmd = sub.add_parser(action, help=f"{action} a whole batch")
        cmd.add_argument("batch", help="batch id (see `batches`)")
        _common(cmd)
        cmd.set_defaults(run=_cmd_batch_state, action=action)
