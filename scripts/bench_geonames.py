"""Benchmark of the GeoNames gazetteer: index build, open, look-ups per second, peak memory.

    .venv/bin/python scripts/bench_geonames.py            # builds a fresh index in a temp folder
    .venv/bin/python scripts/bench_geonames.py --cache-dir ~/.cache/conflict-timeline

Each phase runs in its own Python process, so the peak RSS of the query phase is that of a
process that only opens the index and queries it (the build's memory is not counted there).
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from etl.places.geonames import GeoNamesIndex, index_path  # noqa: E402

LOOKUPS = 10_000
SYRIA = [(35.336, 40.141), (35.953, 39.008), (36.202, 37.161)]  # Deir ez-Zor, Raqqa, Aleppo


def peak_rss_mb() -> float:
    """Peak resident set size of this process, in MiB (ru_maxrss is KiB on Linux)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def sample_names(path: Path, count: int, seed: int = 1) -> list[str]:
    """`count` place names drawn from the index, with one in ten made-up (a miss)."""
    db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    names = [row[0] for row in db.execute("SELECT name FROM places")]
    db.close()
    rng = random.Random(seed)
    picked = rng.sample(names, count)
    return [f"{n}zzq" if i % 10 == 0 else n for i, n in enumerate(picked)]


def phase_build(cache_dir: Path) -> dict[str, float]:
    """Open (and so build, when absent) the index; time it."""
    existed = index_path(cache_dir).exists()
    start = time.perf_counter()
    index = GeoNamesIndex.open(cache_dir)
    seconds = time.perf_counter() - start
    info = index.info()
    index.close()
    return {"built": not existed, "build_s": seconds, "peak_rss_mb": peak_rss_mb(), **info}


def _rate(fn, names: list[str]) -> float:
    start = time.perf_counter()
    for name in names:
        fn(name)
    return len(names) / (time.perf_counter() - start)


def phase_query(cache_dir: Path) -> dict[str, float]:
    """Open time, look-ups per second of candidates() and choose(), and peak RSS."""
    rss_before = peak_rss_mb()
    start = time.perf_counter()
    index = GeoNamesIndex.open(cache_dir)
    first_open = time.perf_counter() - start
    rss_open = peak_rss_mb()
    reopen = []
    for _ in range(20):
        start = time.perf_counter()
        GeoNamesIndex.open(cache_dir).close()
        reopen.append(time.perf_counter() - start)
    names = sample_names(index.path, LOOKUPS)
    result = {
        "open_first_s": first_open,
        "open_median_s": sorted(reopen)[len(reopen) // 2],
        "candidates_per_s": _rate(index.candidates, names),
        "choose_per_s": _rate(index.choose, names),
        "choose_sy_near_per_s": _rate(
            lambda n: index.choose(n, countries=["SY"], near=SYRIA), names
        ),
        "hits": sum(index.choose(n) is not None for n in names),
        "lookups": len(names),
        "rss_before_open_mb": rss_before,
        "rss_after_open_mb": rss_open,
        "peak_rss_mb": peak_rss_mb(),
    }
    index.close()
    return result


def run_phase(phase: str, cache_dir: Path) -> dict:
    """Run one phase in a fresh interpreter and return what it printed."""
    cmd = [sys.executable, __file__, "--phase", phase, "--cache-dir", str(cache_dir)]
    done = subprocess.run(cmd, check=True, capture_output=True, text=True)
    return json.loads(done.stdout)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cache-dir", type=Path, help="reuse this cache (default: a new temp one)")
    parser.add_argument("--phase", choices=["build", "query"], help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.phase:
        run = phase_build if args.phase == "build" else phase_query
        print(json.dumps(run(args.cache_dir)))
        return
    with tempfile.TemporaryDirectory() as tmp:
        cache_dir = args.cache_dir or Path(tmp)
        build = run_phase("build", cache_dir)
        query = run_phase("query", cache_dir)
    print(
        f"data: {build['package']} {build['version']} ({build['source']}), "
        f"{build['place_count']:,} places"
    )
    print(f"index: {build['index_path']} ({build['index_bytes'] / 2**20:.1f} MiB)")
    label = "build" if build["built"] else "open (already built)"
    print(f"{label}: {build['build_s']:.2f} s, peak RSS {build['peak_rss_mb']:.0f} MiB")
    print(
        f"open: first {query['open_first_s'] * 1000:.1f} ms, "
        f"median of 20 reopens {query['open_median_s'] * 1000:.2f} ms"
    )
    print(f"{query['lookups']:,} look-ups ({query['hits']:,} hits):")
    print(f"  candidates(name)                 {query['candidates_per_s']:,.0f}/s")
    print(f"  choose(name)                     {query['choose_per_s']:,.0f}/s")
    print(f"  choose(name, ['SY'], near=3 pts) {query['choose_sy_near_per_s']:,.0f}/s")
    print(
        f"query process: RSS {query['rss_before_open_mb']:.0f} MiB before open, "
        f"{query['rss_after_open_mb']:.0f} MiB after, peak {query['peak_rss_mb']:.0f} MiB "
        "(with the 10,000 sampled names)"
    )


if __name__ == "__main__":
    main()
