"""Where one `etl ingest` (or `etl build`) reaches its peak memory: RSS at each stage's entry and
exit and its highest within, sampled every 10 ms.

    PYTHONPATH=$PWD .venv/bin/python scripts/ingest_probe.py FOLDER           # ingest, fresh store
    PYTHONPATH=$PWD .venv/bin/python scripts/ingest_probe.py --build STORE    # rebuild a store
    KEEP=STORE ... scripts/ingest_probe.py FOLDER                             # ingest into STORE
    TRACE_AT="  database" ... scripts/ingest_probe.py ...                     # + tracemalloc

The stages are `scripts/ingest_stages.py`'s, and a few inside them (the build's, the second
pass's). Each stage's line: RSS at its entry, its peak while it is the innermost stage
running (what it adds itself, not its inner stages'), its exit, and the process's high-water
mark at its exit (MiB). With TRACE_AT=LABEL, tracemalloc runs from the start (TRACE_FRAMES, 10) and
a snapshot is taken at that stage's entry and again when the stage's RSS is at its highest
(checked at each 10 ms sample: a snapshot there costs time, so the figures of a traced run
are the trace's, not the run's; the largest allocation sites of each snapshot are printed).
Run one probe at a time on an otherwise idle machine.
"""

from __future__ import annotations

import ctypes
import functools
import os
import resource
import sys
import threading
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import ingest_stages  # noqa: E402

EXTRA = (
    ("etl.build", "build_all", "build_all", ("etl.ingest",)),
    ("etl.build", "with_inbox", "  with_inbox", ()),
    ("etl.merge", "match_curated", "  match curated", ()),
    ("etl.build", "with_imports", "  with imports", ()),
    ("etl.merge_state", "spill", "  spill index", ("etl.build",)),
    ("etl.build", "keep_state", "keep merge state", ("etl.ingest",)),
    ("etl.ingest", "ingest", "ingest", ("etl.analyst_actions",)),
)
PAGE = resource.getpagesize()
STACK: list[str] = []
LINES: list[tuple] = []
PEAK_OF: dict[int, float] = {}  # frame id -> its highest RSS while innermost
TRACE_AT = os.environ.get("TRACE_AT")
TRACED: dict[str, object] = {}
LOCK = threading.Lock()


def _rss() -> float:
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * PAGE / 2**20


class _Mallinfo2(ctypes.Structure):
    _fields_ = [(n, ctypes.c_size_t) for n in (
        "arena", "ordblks", "smblks", "hblks", "hblkhd", "usmblks", "fsmblks", "uordblks",
        "fordblks", "keepcost")]  # fmt: skip


def _mallinfo2():
    try:
        call = ctypes.CDLL("libc.so.6").mallinfo2
    except (OSError, AttributeError):
        return lambda: None
    call.restype = _Mallinfo2
    return call


MALLINFO = _mallinfo2()


def _held() -> tuple[float, float, float, float]:
    """Arrow's live bytes, the C heap in use, malloc's own mmaps (MiB), Python blocks (M)."""
    import pyarrow

    info = MALLINFO()
    heap, mapped = (info.uordblks / 2**20, info.hblkhd / 2**20) if info else (0.0, 0.0)
    return pyarrow.total_allocated_bytes() / 2**20, heap, mapped, sys.getallocatedblocks() / 1e6


def _high() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _sampler() -> None:
    while True:
        rss = _rss()
        with LOCK:
            if STACK:
                top = len(STACK) - 1
                if rss > PEAK_OF.get(top, 0.0):
                    PEAK_OF[top] = rss
                    if TRACE_AT and STACK[top] == TRACE_AT and rss > TRACED.get("rss", 0) + 8:
                        TRACED["rss"], TRACED["peak"] = rss, tracemalloc.take_snapshot()
        time.sleep(0.01)


def _probed(function, label: str):
    timed = ingest_stages_timed(function, label)

    @functools.wraps(function)
    def probed(*args, **kwargs):
        entry, held = _rss(), _held()
        with LOCK:
            depth = len(STACK)
            STACK.append(label)
            PEAK_OF[depth] = entry
        quiet = label.strip().startswith("mention cache")  # (called per chunk)
        if not quiet:
            slot = len(LINES)
            LINES.append(None)
        if label == TRACE_AT and "entry" not in TRACED:
            TRACED["entry"] = tracemalloc.take_snapshot()
        try:
            return timed(*args, **kwargs)
        finally:
            with LOCK:
                peak = PEAK_OF.pop(depth, entry)
                STACK.pop()
            if not quiet:
                LINES[slot] = (depth, label, entry, peak, _rss(), _high(), held, _held())

    return probed


ingest_stages_timed = ingest_stages._timed


def _report() -> None:
    print(f"{'stage (innermost)':<40} {'entry':>6} {'peak':>6} {'exit':>6} {'high':>6}   "
          "Arrow, heap in use, mmaps (MiB), Python blocks (M): entry -> exit")  # fmt: skip
    for depth, label, entry, peak, exit_, high, held, after in filter(None, LINES):
        print(
            f"{'  ' * depth + label.strip():<40} {entry:6.0f} {peak:6.0f} {exit_:6.0f} {high:6.0f}"
            f"   {held[0]:.0f} {held[1]:.0f} {held[2]:.0f} {held[3]:.2f}"
            f" -> {after[0]:.0f} {after[1]:.0f} {after[2]:.0f} {after[3]:.2f}"
        )
    for name in ("entry", "peak"):
        if name in TRACED:
            snapshot = TRACED[name]
            stats = snapshot.statistics("traceback")
            total = sum(s.size for s in stats) / 2**20
            print(f"\ntracemalloc at {TRACE_AT!r} {name}"
                  + (f" (RSS {TRACED['rss']:.0f} MiB)" if name == "peak" else "")
                  + f": {total:.1f} MiB traced")  # fmt: skip
            for stat in stats[:25]:
                frames = " <- ".join(  # the allocating line first, then its callers
                    f"{Path(f.filename).name}:{f.lineno}" for f in reversed(stat.traceback)
                )
                print(f"{stat.size / 2**20:8.1f} MiB {stat.count:9d}  {frames}")


def main() -> None:
    if TRACE_AT:
        tracemalloc.start(int(os.environ.get("TRACE_FRAMES", "10")))
    ingest_stages._timed = _probed
    ingest_stages.STAGES = ingest_stages.STAGES + EXTRA
    threading.Thread(target=_sampler, daemon=True).start()
    try:
        ingest_stages.main()
    finally:
        _report()


if __name__ == "__main__":  # spawned workers import this module again: nothing runs then
    main()
