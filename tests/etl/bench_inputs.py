"""The seeds plus news-length bench articles (scripts/bench_ingest.py's texts), for tests
that need many extracted events through the real build inputs."""

from __future__ import annotations

import sys

from etl import build
from etl.articles import Article
from etl.settings import ROOT, Paths

sys.path.insert(0, str(ROOT / "scripts"))
from bench_ingest import long_text, texts  # noqa: E402


def seeds_and_bench(count: int):
    """(curated, seed articles + `count` bench articles, the extractor)."""
    curated, seeds = build._inputs(Paths())
    pool = texts()
    bench = [
        Article(f"bench{i:03d}", "b1", f"b{i}.txt", "outlet", None, None, f"Bench {i}",
                f"2019-{1 + i % 12:02d}-{1 + i % 27:02d}", None, None, "en", long_text(pool, i),
                None)  # fmt: skip
        for i in range(count)
    ]
    return curated, seeds + bench, build.make_extractor(curated)
