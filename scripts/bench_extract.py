"""Benchmark: articles per second for extraction + merging, and memory as the batch grows.

    .venv/bin/python scripts/bench_extract.py [--articles 2000]

Runs on one core (this process). Articles are the five seed texts, cycled with new ids and
publication dates spread over a year, so merging sees both repeats and new happenings.
Figures printed are wall-clock on whatever else the machine is doing: run it twice.
"""

from __future__ import annotations

import argparse
import datetime as dt
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from etl.articles import load_seed_articles  # noqa: E402
from etl.cli import _extractor  # noqa: E402
from etl.extract import ArticleInput  # noqa: E402
from etl.merge import cluster_mentions  # noqa: E402
from etl.settings import Paths  # noqa: E402


def rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def batch(n: int) -> list[ArticleInput]:
    seeds, _ = load_seed_articles(ROOT / "seeds")
    base = dt.date(2019, 1, 1)
    return [
        ArticleInput(
            f"bench-{i}", seeds[i % len(seeds)].text, base + dt.timedelta(days=(i * 7) % 365)
        )
        for i in range(n)
    ]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--articles", type=int, default=2000)
    args = parser.parse_args()
    extractor, _ = _extractor(Paths())
    warm = batch(20)
    for a in warm:
        extractor.extract(a)
    print(f"python {sys.version.split()[0]}, one process; start RSS {rss_mib():.0f} MiB")
    print(
        f"{'articles':>9} {'chars/article':>14} {'extract/s':>10} {'extract+merge/s':>16} {'peak RSS MiB':>13}"
    )
    for n in (args.articles // 4, args.articles // 2, args.articles):
        articles = batch(n)
        chars = sum(len(a.text) for a in articles) / n
        t0 = time.perf_counter()
        mentions = []
        for a in articles:
            found, _ = extractor.extract(a)
            mentions.extend(found)
        t1 = time.perf_counter()
        clusters = cluster_mentions(mentions)
        t2 = time.perf_counter()
        print(
            f"{n:>9} {chars:>14.0f} {n / (t1 - t0):>10.0f} {n / (t2 - t0):>16.0f} {rss_mib():>13.0f}"
            f"   ({len(mentions)} mentions, {len(clusters)} events)"
        )


if __name__ == "__main__":
    main()
