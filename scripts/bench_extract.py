"""Benchmark: articles per second for extraction + merging, and memory as the batch grows.

    .venv/bin/python scripts/bench_extract.py            # sizes 500 1000 2000 4000

Each size runs in its own process on one core, so each peak RSS is that run's own. Articles
are the five seed texts (seed length, about 4,100 characters), cycled with new ids and
publication dates spread over a year, so merging sees repeats and new happenings alike.
Two paths are measured:
- stream: extract one article at a time and write its rows (the `extract` command's path);
  memory should stay flat as the batch grows;
- merge: extract, keep every mention, cluster them all (the build's path); memory grows
  with the mentions held.
Figures are wall-clock on a shared machine: run it twice and keep the slower. 'cpu/s' is
articles per CPU-second of the run (time.process_time), steadier on a loaded machine.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import os
import resource
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from etl.articles import load_seed_articles  # noqa: E402
from etl.batch import MENTION_COLUMNS, mention_row  # noqa: E402
from etl.cli import _extractor  # noqa: E402
from etl.extraction.extract import ArticleInput  # noqa: E402
from etl.merge import cluster_mentions  # noqa: E402
from etl.settings import Paths  # noqa: E402


def rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def articles(n: int) -> Iterator[ArticleInput]:
    seeds, _ = load_seed_articles(ROOT / "seeds")
    base = dt.date(2019, 1, 1)
    for i in range(n):
        seed = seeds[i % len(seeds)]
        yield ArticleInput(f"bench-{i}", seed.text, base + dt.timedelta(days=(i * 7) % 365))


def child(n: int, path: str) -> None:
    extractor, acled = _extractor(Paths())
    for a in articles(20):  # warm caches, as a long run would have them
        extractor.extract(a)
    start_rss = rss_mib()
    began, cpu = time.perf_counter(), time.process_time()
    if path == "stream":
        count = 0
        with open(os.devnull, "w", newline="") as out:  # written as the command writes a file
            sink = csv.DictWriter(out, fieldnames=MENTION_COLUMNS)
            for a in articles(n):
                mentions, _ = extractor.extract(a)
                for m in mentions:
                    sink.writerow(mention_row(m, acled))
                    count += 1
        events = "-"
    else:
        held = [m for a in articles(n) for m in extractor.extract(a)[0]]
        count, events = len(held), len(cluster_mentions(held))
    seconds, cpu = time.perf_counter() - began, time.process_time() - cpu
    print(
        f"{path:>6} {n:>6} {n / seconds:>10.0f} {n / cpu:>7.0f} {count:>9} {events:>7} {start_rss:>10.0f} {rss_mib():>9.0f}"
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("sizes", nargs="*", type=int, default=[500, 1000, 2000, 4000])
    parser.add_argument("--child", nargs=2, metavar=("N", "PATH"))
    args = parser.parse_args()
    if args.child:
        child(int(args.child[0]), args.child[1])
        return
    print(f"python {sys.version.split()[0]}; seed-length articles; one process per row")
    print(
        f"{'path':>6} {'n':>6} {'articles/s':>10} {'cpu/s':>7} {'mentions':>9} {'events':>7} {'RSS start':>10} {'RSS peak':>9}  (MiB)"
    )
    for path in ("stream", "merge"):
        for n in args.sizes:
            subprocess.run([sys.executable, __file__, "--child", str(n), path], check=True)


if __name__ == "__main__":
    main()
