"""Running extraction over many articles: what is cached is read, the rest extracted on every
core, and kept for next time (see etl/mention_cache.py).

Extraction is a pure function of one article, so articles are shared out among worker
processes, each with its own extractor (its own GeoNames connection). Small batches stay in
this process: starting workers costs about a second.
"""

from __future__ import annotations

import datetime as dt
import multiprocessing
import os
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from typing import Any

from etl.articles import Article
from etl.extraction.extract import ArticleInput, Extractor
from etl.extraction.mentions import Mention
from etl.mention_cache import MentionCache, article_key, fingerprint

PARALLEL_FROM = 400  # articles: below this one process is faster than starting workers
CHUNK = 100

_worker: Extractor | None = None


def _start_worker(places: list[dict[str, Any]]) -> None:
    global _worker
    from etl.places.geonames import GeoNamesIndex

    _worker = Extractor(places, GeoNamesIndex.open())


def _extract_chunk(chunk: list[tuple[str, str, str]]) -> list[tuple[str, list[Mention]]]:
    assert _worker is not None, "worker not started"
    return [(article_key(a, p), _one(_worker, a, t, p)) for a, t, p in chunk]


def _one(extractor: Extractor, article_id: str, text: str, published: str) -> list[Mention]:
    found, _ = extractor.extract(ArticleInput(article_id, text, dt.date.fromisoformat(published)))
    return found


def _extract(articles: Sequence[Article], places: list[dict], workers: int) -> dict:
    jobs = [(a.article_id, a.text, a.published) for a in articles]
    if workers <= 1 or len(jobs) < PARALLEL_FROM:
        from etl.places.geonames import GeoNamesIndex

        extractor = Extractor(places, GeoNamesIndex.open())
        return {article_key(a, p): _one(extractor, a, t, p) for a, t, p in jobs}
    chunks = [jobs[i : i + CHUNK] for i in range(0, len(jobs), CHUNK)]
    found: dict[str, list[Mention]] = {}
    # spawned, not forked: a forked worker inherits (and, as its garbage collector walks
    # them, copies) every page of this process, which holds the whole batch
    spawn = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(
        workers, mp_context=spawn, initializer=_start_worker, initargs=(places,)
    ) as pool:
        for pairs in pool.map(_extract_chunk, chunks):
            found.update(pairs)
    return found


def extract_all(
    articles: Sequence[Article],
    places: list[dict[str, Any]],
    cache: MentionCache | None = None,
    workers: int = 1,
    engine: str = "local",
) -> list[Mention]:
    """Every mention of every article, in article order: from the cache where it has them,
    extracted (in parallel when there are many; on a Dask cluster with engine "dask", see
    etl/engines.py) and staged in the cache where it has not."""
    keys = [article_key(a.article_id, a.published) for a in articles]
    cached = cache.get(keys) if cache else {}
    missing = [a for a, k in zip(articles, keys) if k not in cached]
    if not missing:
        fresh: dict[str, list[Mention]] = {}
    elif engine == "dask":
        from etl.engines import extract_on_dask

        jobs = [(a.article_id, a.text, a.published) for a in missing]
        fresh = extract_on_dask(jobs, places, max(workers, 1))
    else:
        fresh = _extract(missing, places, workers)
    if cache:
        cache.stage(fresh)
    return [m for k in keys for m in (cached[k] if k in cached else fresh[k])]


def bind_cache(cache: MentionCache, places: list[dict[str, Any]]) -> MentionCache:
    """The cache, under the fingerprint of the rules and these gazetteer rows."""
    from etl.places.geonames import source_version

    cache.bind(fingerprint(places, source_version()))
    return cache


def default_workers() -> int:
    """Every core this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:
        return os.cpu_count() or 1
