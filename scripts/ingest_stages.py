"""CPU seconds of each stage of one `etl ingest` (or `etl build`), with a timer around each.

    PYTHONPATH=$PWD .venv/bin/python scripts/ingest_stages.py FOLDER           # ingest, fresh store
    PYTHONPATH=$PWD .venv/bin/python scripts/ingest_stages.py --build STORE    # rebuild a store
    KEEP=STORE PYTHONPATH=$PWD .venv/bin/python scripts/ingest_stages.py FOLDER # ingest into STORE, kept
    WORKERS=1 PYTHONPATH=$PWD .venv/bin/python scripts/ingest_stages.py FOLDER # extract here too

Make a folder of bench articles first (`scripts/bench_ingest.py` writes them into a temporary
folder; `write_batch` can be called on its own). Stages are timed in this process (CPU, not
wall, so the load disturbs them less than a stopwatch, if still by 10-20%); extraction runs
in worker processes, whose CPU is the "children" figure, unless WORKERS=1. Stages nest (the
indented ones are inside the one below them), so the lines do not add up to the total. The
wall seconds beside each stage show where this process waits (for the workers, or for the
machine when it is loaded). No profiler: cProfile doubles the cost of Python-heavy code and
moves the split.
"""

from __future__ import annotations

import contextlib
import functools
import importlib
import io
import os
import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SPENT: dict[str, float] = {}
WALL: dict[str, float] = {}

#: (module, function, label, other modules that imported the function by name)
STAGES = (
    ("etl.uploads", "read_paths", "read the files", ("etl.analyst_actions",)),
    ("etl.inbox", "read", "read the inbox", ()),
    ("etl.extracting", "_extract", "  extract (workers' CPU: children)", ()),
    (
        "etl.extracting",
        "extract_all",
        "extract, cache looked up and staged",
        ("etl.build", "etl.incremental"),
    ),
    ("etl.extracting", "extract_light", "extract, cache looked up and staged", ("etl.build",)),
    ("etl.merge_index", "merge_all", "  cluster mentions", ()),
    ("etl.extracted", "add_extracted", "  rows of the clusters", ()),
    ("etl.extracted", "add_extracted_by_article", "  rows of the clusters", ()),
    ("etl.build", "with_merge", "merge", ()),
    ("etl.build", "apply_decisions", "review decisions", ()),
    ("etl.store", "content_hash", "  content digest", ()),
    ("etl.store", "write_database", "  database", ()),
    ("etl.store", "write_reader_file", "  reader file", ()),
    ("etl.store", "write_exports", "  exports", ()),
    ("etl.store", "record_then_publish", "write and publish (ingest)", ("etl.ingest",)),
    ("etl.store", "publish", "write and publish (build)", ("etl.build",)),
    ("etl.inbox", "commit", "inbox commit", ()),
    # a batch merged into the current build (etl/incremental.py), written as a delta
    ("etl.incremental", "_read_export", "  read the current build's exports", ()),
    ("etl.merge_replay", "replay", "  replay", ("etl.incremental",)),
    ("etl.incremental", "_full_mentions", "    whole mentions of the changed clusters", ()),
    ("etl.incremental", "_tables", "    tables spliced", ()),
    ("etl.incremental", "_splice", "  splice", ()),
    ("etl.incremental", "build_batch", "batch merged in (build_batch)", ()),
    ("etl.delta_write", "record_then_publish_delta", "write and publish (delta)", ("etl.ingest",)),
)
CACHE_METHODS = ("get", "stage", "stage_json", "flush")


def _timed(function, label: str):
    @functools.wraps(function)
    def timed(*args, **kwargs):
        started, wall = time.process_time(), time.perf_counter()
        try:
            return function(*args, **kwargs)
        finally:
            SPENT[label] = SPENT.get(label, 0.0) + time.process_time() - started
            WALL[label] = WALL.get(label, 0.0) + time.perf_counter() - wall

    return timed


def _wrap() -> None:
    for module_name, name, label, also in STAGES:
        module = importlib.import_module(module_name)
        if not hasattr(module, name):  # older code (extract_light: session 23)
            continue
        timed = _timed(getattr(module, name), label)
        for holder in (module_name, *also):
            setattr(importlib.import_module(holder), name, timed)
    from etl.mention_cache import MentionCache

    for name in (n for n in CACHE_METHODS if hasattr(MentionCache, n)):  # older code too
        setattr(MentionCache, name, _timed(getattr(MentionCache, name), f"  mention cache {name}"))
    if os.environ.get("WORKERS") == "1":
        import etl.build
        import etl.extracting

        etl.extracting.default_workers = etl.build.default_workers = lambda: 1


def main() -> None:
    args = sys.argv[1:]
    if not args or args[0] in ("-h", "--help"):
        raise SystemExit(__doc__)
    _wrap()
    from etl.cli import main as etl_main

    build = args[0] == "--build"
    keep = os.environ.get("KEEP")
    if build:
        store = Path(args[1])
    elif keep:
        store = Path(keep)
    else:
        store = Path(tempfile.mkdtemp(prefix="ingest-stages-")) / "store"
    sys.argv = ["etl", "build", "--store", str(store)] if build else [
        "etl", "ingest", args[0], "--store", str(store)]  # fmt: skip
    started, wall = time.process_time(), time.perf_counter()
    try:
        with contextlib.redirect_stdout(io.StringIO()):
            code = etl_main()
    finally:
        if not build and not keep:
            shutil.rmtree(store.parent, ignore_errors=True)
    total = time.process_time() - started
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    print(f"load average before the end: {' '.join(f'{x:.1f}' for x in os.getloadavg())}")
    print(f"{'stage':<40} {'CPU-s':>7} {'wall-s':>7}")
    for label, seconds in SPENT.items():
        print(f"{label:<40} {seconds:7.2f} {WALL[label]:7.2f}")
    print(f"{'this process':<40} {total:7.2f}")
    print(f"{'children (extraction workers)':<40} {children.ru_utime + children.ru_stime:7.2f}")
    print(f"{'wall clock':<40} {time.perf_counter() - wall:7.2f}")
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{'peak RSS, this process (MiB)':<40} {own:7.0f}")
    print(f"{'peak RSS, largest child (MiB)':<40} {children.ru_maxrss / 1024:7.0f}")
    raise SystemExit(code)


if __name__ == "__main__":  # spawned workers import this module again: nothing runs then
    main()
