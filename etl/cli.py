"""Command line: `python -m etl build | check | geocode`."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Iterator
from pathlib import Path

from etl.analyst_cli import add_commands
from etl.build import build_tables, extract_articles, make_extractor, run_build
from etl.curated import load_curated
from etl.import_cli import add_import_command
from etl.places.gazetteer import CachedGeocoder
from etl.problems import InputError, StoreError, display_path
from etl.settings import ROOT, Paths


def _paths(args: argparse.Namespace) -> Paths:
    base = Paths.from_env()
    return Paths(
        seeds=args.seeds or base.seeds,
        curated=args.curated or base.curated,
        store=getattr(args, "store", None) or base.store,
        root=base.root,
    )


def _cmd_build(args: argparse.Namespace) -> int:
    def tell(message: str) -> None:
        print(message, file=sys.stderr, flush=True)

    summary = run_build(
        _paths(args), exports=not args.no_exports, wait_seconds=args.wait, on_wait=tell
    )
    print("build ok: rows per table")
    print("\n".join(summary.lines()))
    return 0


def _cmd_check(args: argparse.Namespace) -> int:
    tables = build_tables(_paths(args), extract=False)  # the curated rows only; writes nothing
    print(
        f"check ok: {len(tables['events'])} curated events, {len(tables['claims'])} claims, "
        f"{len(tables['figures'])} figures; every quote is at its offsets"
    )
    return 0


def _cmd_geocode(args: argparse.Namespace) -> int:
    """Every place the name could mean, from the gazetteers extraction uses, best first."""
    from etl.build import analyst_places
    from etl.inbox import read as read_inbox
    from etl.places.geonames import GeoNamesIndex
    from etl.places.place_search import find_places

    paths = _paths(args)
    curated, problems = load_curated(paths.curated, paths.root)
    if problems:
        raise InputError(problems)
    rows = [p.model_dump() for p in curated.rows("places.csv")]
    analysts = analyst_places(read_inbox(paths.store))
    found = find_places(args.name, analysts, rows, GeoNamesIndex.open())
    if found:
        print("\n".join(c.line() for c in found))
        return 0
    if args.online:
        from geopy.geocoders import Nominatim  # opt-in: the only network use in the ETL

        online = CachedGeocoder(Nominatim(user_agent="conflict-timeline"), args.cache)
        if hit := online.geocode(args.name):
            print(f"{hit.address}\t{hit.latitude:.5f}\t{hit.longitude:.5f}\tNominatim")
            return 0
    print(
        f"{args.name!r}: in none of the gazetteers (analysts' places, "
        f"{display_path(paths.curated / 'places.csv', paths.root)}, GeoNames)",
        file=sys.stderr,
    )
    return 1


def _extractor(paths: Paths):
    curated, problems = load_curated(paths.curated, paths.root)
    if problems:
        raise InputError(problems)
    acled = {
        r.event_type: (r.acled_event_type, r.acled_sub_event_type)
        for r in curated.rows("event_types.csv")
    }
    return make_extractor(curated), acled


def _cmd_extract(args: argparse.Namespace) -> int:
    from etl.batch import mention_row, output_problem, write_csv
    from etl.extraction.extract import ExtractStats
    from etl.extraction.mention_filter import THRESHOLD

    paths = _paths(args)
    inputs = [args.input, *sorted(paths.curated.glob("*.csv"))]
    out_problem = output_problem(args.out, inputs)
    source, problems = _read_batch(args.input)
    if out_problem or problems:  # a bad line anywhere means no output at all
        raise InputError([*([out_problem] if out_problem else []), *problems])
    extractor, acled = _extractor(paths)
    stats = ExtractStats()

    def rows():
        for article in source if source is not None else _streamed(args.input):
            mentions, found = extractor.extract(article)
            stats.add(found)
            yield from (mention_row(m, acled) for m in mentions)

    count = write_csv(args.out, rows())
    print(
        f"extract ok: {stats.articles} articles, {stats.sentences} sentences, "
        f"{count} mentions -> {args.out}"
    )
    print(f"  undated (article window used): {stats.undated}; without a place: {stats.unplaced}")
    if stats.filtered:
        print(f"  dropped by the learnt mention filter (P(real) < {THRESHOLD}): {stats.filtered}")
    if stats.unknown_places:
        top = ", ".join(f"{n} ({c})" for n, c in stats.unknown_places.most_common(10))
        print(f"  names in place slots the gazetteers do not know: {top}")
    _warn(stats.cut, "text(s) cut")
    return 0


def _read_batch(path: Path) -> tuple[list | None, list]:
    """Check a whole batch: (its articles if it is a pipe, else None; its problems).

    A file is read twice (checked whole, then streamed: memory stays flat); a pipe can be
    read only once, so its articles are kept in memory.
    """
    from etl.batch import iter_jsonl
    from etl.problems import Problem

    if path.is_file():
        return None, [item for item in iter_jsonl(path) if isinstance(item, Problem)]
    source = list(iter_jsonl(path))
    return source, [item for item in source if isinstance(item, Problem)]


def _streamed(path: Path) -> Iterator:
    """The articles of a checked file, again; a line changed since the check stops the write."""
    from etl.batch import iter_jsonl
    from etl.problems import Problem

    for item in iter_jsonl(path):
        if isinstance(item, Problem):
            raise InputError([item])
        yield item


def _warn(notices: list, what: str, limit: int = 20) -> None:
    """Print warnings to stderr, at most `limit` of them and how many more."""
    for notice in notices[:limit]:
        print(f"warning: {notice}", file=sys.stderr)
    if len(notices) > limit:
        print(f"warning: ... and {len(notices) - limit} more {what}", file=sys.stderr)


def _cmd_evaluate(args: argparse.Namespace) -> int:
    from etl.articles import load_seed_articles
    from etl.extraction.evaluate import load_devset, score_devset, score_devset2, score_seeds

    paths = _paths(args)
    tables = build_tables(paths, extract=False)  # the truth: curated rows only
    extractor, _ = _extractor(paths)
    articles, _ = load_seed_articles(paths.seeds, paths.root)
    reports = [score_seeds(tables, extract_articles(extractor, articles))]
    for name, path in (("development set", args.devset), ("held-out set", args.heldout)):
        if path.exists():
            reports.append(score_devset(load_devset(path), extractor, name))
    if args.devset2.exists():  # issue 8's measures: floors shown beside them, not enforced
        reports.append(score_devset2(load_devset(args.devset2), extractor))
    for scores in reports:
        print("\n".join(scores.lines()))
        if args.verbose:
            print("\n".join("    " + n for n in scores.notes))
    seeds = reports[0]
    recall, precision = seeds.found / seeds.expected, seeds.true_clusters / max(seeds.clusters, 1)
    ok = recall >= RECALL_FLOOR and precision >= PRECISION_FLOOR
    print(
        f"floors on the seeds (recall >= {RECALL_FLOOR}, precision >= {PRECISION_FLOOR}): "
        + ("met" if ok else "NOT MET")
    )
    return 0 if ok else 1


RECALL_FLOOR, PRECISION_FLOOR = 0.9, 0.85


def _cmd_reader_frame(args: argparse.Namespace) -> int:
    """Write the current build's columnar event frame if it has none, or one of other code
    (a build written before the file existed; dashboard/frame_file.py)."""
    import time

    from dashboard.frame_file import ensure_frame_file
    from dashboard.lazy_tables import open_build
    from etl.store import current_build, writing

    store = _paths(args).store
    started = time.perf_counter()
    if current_build(store) is None:  # said before the lock: no folder made for nothing
        raise StoreError(f"{store}: no build here; run `python -m etl build` first")
    with writing(store, args.wait):  # a build is not removed while its file is written
        build = current_build(store)
        if build is None:
            raise StoreError(f"{store}: no build here; run `python -m etl build` first")
        _, meta = open_build(store)  # its meta, read as the dashboard reads them
        path = ensure_frame_file(build, meta.get("build_id") or build.name)
    size = path.stat().st_size / 2**20
    print(f"{path}: {size:,.1f} MiB, in {time.perf_counter() - started:.1f} s")
    return 0


def parser() -> argparse.ArgumentParser:
    top = argparse.ArgumentParser(prog="python -m etl", description=__doc__)
    sub = top.add_subparsers(dest="command", required=True)
    for name, helper in (
        ("build", "build the store and exports"),
        ("check", "validate inputs only"),
        ("geocode", "look a place name up in the gazetteer"),
        ("extract", "extract event mentions from a JSON Lines batch"),
        ("evaluate", "score extraction on the seeds and the development set"),
    ):
        cmd = sub.add_parser(name, help=helper)
        cmd.add_argument("--seeds", type=Path, help="folder of article texts and manifest.csv")
        cmd.add_argument("--curated", type=Path, help="folder of curated CSV tables")
    build = sub.choices["build"]
    build.add_argument(
        "--store", type=Path, help="store folder (default data/store, or CONFLICT_STORE)"
    )
    build.add_argument("--no-exports", action="store_true", help="write the database only")
    build.add_argument(
        "--wait",
        type=float,
        default=600.0,
        metavar="SECONDS",
        help="how long to wait for another build writing the same store (default 600)",
    )
    build.set_defaults(run=_cmd_build)
    sub.choices["check"].set_defaults(run=_cmd_check)
    geo = sub.choices["geocode"]
    geo.add_argument("name")
    geo.add_argument("--store", type=Path, help="store folder whose analysts' places to include")
    geo.add_argument("--online", action="store_true", help="ask Nominatim if the gazetteer fails")
    geo.add_argument("--cache", type=Path, default=ROOT / "data" / "cache" / "geocode.json")
    geo.set_defaults(run=_cmd_geocode)
    extract = sub.choices["extract"]
    extract.add_argument(
        "input", type=Path, help="JSON Lines: id, text, published[, outlet, title, url]"
    )
    extract.add_argument("--out", type=Path, required=True, help="CSV of mentions to write")
    extract.set_defaults(run=_cmd_extract)
    evaluate = sub.choices["evaluate"]
    evaluate.add_argument(
        "--devset", type=Path, default=ROOT / "data" / "devset" / "passages.jsonl"
    )
    evaluate.add_argument(
        "--heldout",
        type=Path,
        default=ROOT / "data" / "heldout" / "passages.jsonl",
        help="passages written after the rules were frozen; never tuned on",
    )
    evaluate.add_argument(
        "--devset2",
        type=Path,
        default=ROOT / "data" / "devset2" / "passages.jsonl",
        help="news and incident notes written blind to the rules: issue 8's measures",
    )
    evaluate.add_argument("-v", "--verbose", action="store_true", help="list misses and extras")
    evaluate.set_defaults(run=_cmd_evaluate)
    frame = sub.add_parser(
        "reader-frame", help="write the current build's columnar event frame for the dashboard"
    )
    frame.add_argument(
        "--store", type=Path, help="store folder (default data/store, or CONFLICT_STORE)"
    )
    frame.add_argument("--wait", type=float, default=600.0, metavar="SECONDS")
    frame.set_defaults(run=_cmd_reader_frame, seeds=None, curated=None)
    add_commands(sub)
    add_import_command(sub)
    return top


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        return args.run(args)
    except BrokenPipeError:  # `... | head`: the reader has all it wanted
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # no error at exit
        return 0
    except InputError as exc:
        print(f"error: {exc}\nnothing was written.", file=sys.stderr)
        return 2
    except (StoreError, OSError) as exc:
        print(
            f"error: {exc}\nnothing was replaced: earlier outputs are as they were.",
            file=sys.stderr,
        )
        return 2
