"""Command line: `python -m etl build | check | geocode`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from etl.build import build_tables, run_build
from etl.curated import load_curated
from etl.gazetteer import CachedGeocoder, OfflineGazetteer
from etl.problems import InputError
from etl.settings import Paths
from etl.store import StoreError


def _paths(args: argparse.Namespace) -> Paths:
    base = Paths.from_env()
    return Paths(
        seeds=args.seeds or base.seeds,
        curated=args.curated or base.curated,
        store=getattr(args, "store", None) or base.store,
        exports=getattr(args, "exports", None) or base.exports,
        root=base.root,
    )


def _cmd_build(args: argparse.Namespace) -> int:
    summary = run_build(_paths(args), exports=not args.no_exports)
    print("build ok: rows per table")
    print("\n".join(summary.lines()))
    return 0


def _cmd_check(args: argparse.Namespace) -> int:
    tables = build_tables(_paths(args))
    print(
        f"check ok: {len(tables['events'])} events, {len(tables['claims'])} claims, "
        f"{len(tables['figures'])} figures; every quote is at its offsets"
    )
    return 0


def _cmd_geocode(args: argparse.Namespace) -> int:
    paths = _paths(args)
    curated, problems = load_curated(paths.curated, paths.root)
    if problems:
        raise InputError(problems)
    gazetteer = OfflineGazetteer(p.model_dump() for p in curated.rows("places.csv"))
    found = gazetteer.geocode(args.name)
    if found is None and args.online:
        from geopy.geocoders import Nominatim  # opt-in: the only network use in the ETL

        online = CachedGeocoder(Nominatim(user_agent="conflict-timeline"), args.cache)
        found = online.geocode(args.name)
    if found is None:
        print(
            f"{args.name!r}: not in the gazetteer ({paths.curated / 'places.csv'})", file=sys.stderr
        )
        return 1
    print(f"{found.address}\t{found.latitude:.5f}\t{found.longitude:.5f}")
    return 0


def parser() -> argparse.ArgumentParser:
    top = argparse.ArgumentParser(prog="python -m etl", description=__doc__)
    sub = top.add_subparsers(dest="command", required=True)
    for name, helper in (
        ("build", "build the store and exports"),
        ("check", "validate inputs only"),
        ("geocode", "look a place name up in the gazetteer"),
    ):
        cmd = sub.add_parser(name, help=helper)
        cmd.add_argument("--seeds", type=Path, help="folder of article texts and manifest.csv")
        cmd.add_argument("--curated", type=Path, help="folder of curated CSV tables")
    build = sub.choices["build"]
    build.add_argument("--store", type=Path, help="SQLite store to replace")
    build.add_argument("--exports", type=Path, help="folder for CSV/Parquet exports")
    build.add_argument("--no-exports", action="store_true", help="write the store only")
    build.set_defaults(run=_cmd_build)
    sub.choices["check"].set_defaults(run=_cmd_check)
    geo = sub.choices["geocode"]
    geo.add_argument("name")
    geo.add_argument("--online", action="store_true", help="ask Nominatim if the gazetteer fails")
    geo.add_argument("--cache", type=Path, default=Path("data/cache/geocode.json"))
    geo.set_defaults(run=_cmd_geocode)
    return top


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        return args.run(args)
    except InputError as exc:
        print(
            f"error: {exc}\nnothing was written; the existing store is unchanged.", file=sys.stderr
        )
        return 2
    except (StoreError, OSError) as exc:
        print(f"error: {exc}\nthe existing store is unchanged.", file=sys.stderr)
        return 2
