"""Benchmark: merging a new batch into a merged store by replay, against merging it all again.

    .venv/bin/python scripts/bench_merge.py STORE --new 1000 [--check]

STORE is a store whose mention cache holds its articles (any store `etl ingest` or
`etl build` wrote, e.g. one `scripts/bench_ingest.py` made). Its articles' mentions are read
from the cache (not timed); the last `--new` articles play the new batch. Timed, each in this
process: merging all but the batch (the previous build's merge, with its index), replaying the
batch into that index (etl/merge_replay.py) and, with `--check`, merging everything again,
whose clusters must equal the replay's. Peak memory is this process's.
"""

from __future__ import annotations

import argparse
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from etl import inbox  # noqa: E402
from etl.articles import load_seed_articles  # noqa: E402
from etl.build import analyst_places, gazetteer_rows, inbox_articles  # noqa: E402
from etl.curated import load_curated  # noqa: E402
from etl.extracting import bind_cache, extract_all  # noqa: E402
from etl.mention_cache import MentionCache, article_key  # noqa: E402
from etl.merge_index import merge_all  # noqa: E402
from etl.merge_replay import Replay, replay  # noqa: E402
from etl.settings import Paths  # noqa: E402


def mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def groups(hosts: dict[int, int]) -> set[frozenset[int]]:
    found: dict[int, set[int]] = {}
    for seq, host in hosts.items():
        found.setdefault(host, set()).add(seq)
    return {frozenset(g) for g in found.values()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("store", type=Path)
    parser.add_argument("--new", type=int, default=1000)
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args()
    paths = Paths()
    seeds, _ = load_seed_articles(paths.seeds, paths.root)
    curated, _ = load_curated(paths.curated, paths.root)
    snapshot = inbox.read(args.store)
    articles = seeds + inbox_articles(snapshot)
    places = gazetteer_rows(curated, analyst_places(snapshot))
    cache = bind_cache(MentionCache(args.store), places)
    started = time.perf_counter()
    held = cache.get([article_key(a.article_id, a.published, a.title, a.outlet) for a in articles])
    print(f"{len(articles):,} articles, {len(held):,} cached; read in "
          f"{time.perf_counter() - started:.1f} s")  # fmt: skip
    mentions = extract_all(articles, places, cache)  # all cached: nothing is extracted
    cut = len(articles) - args.new
    old_ids = {a.article_id for a in articles[:cut]}
    old = [m for m in mentions if m.article_id in old_ids]
    new = [m for m in mentions if m.article_id not in old_ids]
    print(f"{len(old):,} mentions before, {len(new):,} in the batch of {args.new:,} articles")
    began = time.perf_counter()
    _, index = merge_all(old)
    print(f"merge of the store before the batch: {time.perf_counter() - began:.1f} s, "
          f"{index['host'].nunique():,} clusters")  # fmt: skip
    began = time.perf_counter()
    state = Replay(index)
    loaded = time.perf_counter() - began
    outcome = replay(state, [(len(old) + j, m) for j, m in enumerate(new)])
    took = time.perf_counter() - began
    print(f"replay of the batch: {took:.1f} s ({loaded:.1f} s of it indexing the "
          f"previous merge); {len(outcome.clusters):,} clusters new or changed, "
          f"{len(outcome.removed):,} replaced; {len(outcome.group):,} mentions replayed")  # fmt: skip
    if args.check:
        began = time.perf_counter()
        _, everything = merge_all(old + new)
        print(f"merge of everything again: {time.perf_counter() - began:.1f} s")
        hosts = dict(zip(index["seq"], index["host"]))
        hosts.update(outcome.host)
        same = groups(hosts) == groups(dict(zip(everything["seq"], everything["host"])))
        print("replay equals merging everything again:", same)
        if not same:
            raise SystemExit(1)
    print(f"peak memory of this process: {mib():,.0f} MiB")


if __name__ == "__main__":
    main()
