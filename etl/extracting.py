"""Running extraction over many articles: what is cached is read, the rest extracted on every
core, and kept for next time (see etl/mention_cache.py).

Extraction is a pure function of one article, so articles are shared out among worker
processes, each with its own extractor (its own GeoNames connection). Small batches stay in
this process: starting workers costs about a second.

A worker sends each article's mentions back as the mention cache's JSON text, not pickled:
the cache stages that text as it is (this process does not encode them again) and this
process decodes it while the workers go on with the next chunks. Decoding the JSON costs
less than unpickling the same mentions (frozen dataclasses), so the serial share of an
ingest of news-length articles shrinks (docs/scale.md, "Session 19").
"""

from __future__ import annotations

import datetime as dt
import multiprocessing
import os
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from typing import Any

from etl.articles import Article
from etl.engines import Job  # (article id, text, published ISO date, title, outlet)
from etl.extraction.extract import ArticleInput, Extractor
from etl.extraction.mentions import Mention
from etl.light_mentions import Light, cached_json, lights, read_back
from etl.mention_cache import MentionCache, article_key, fingerprint, from_json, to_json

PARALLEL_FROM = 400  # articles: below this one process is faster than starting workers
CHUNK = 100
AHEAD = 2  # chunks sent ahead per worker (their texts the only ones made Python strings)

#: article ids -> their texts, in that order (a chunk at a time: etl/build.py `texts_in`)
Texts = Callable[[Sequence[str]], list[str]]

_worker: Extractor | None = None


def _start_worker(places: list[dict[str, Any]]) -> None:
    global _worker
    from etl.places.geonames import GeoNamesIndex

    _worker = Extractor(places, GeoNamesIndex.open())


def _extract_chunk(chunk: list[Job]) -> list[tuple[str, str]]:
    """(cache key, the mentions as the cache's JSON) of each article of the chunk."""
    assert _worker is not None, "worker not started"
    return [
        (article_key(a, p, h, o), to_json(_one(_worker, a, t, p, h, o))) for a, t, p, h, o in chunk
    ]


def _one(
    extractor: Extractor,
    article_id: str,
    text: str,
    published: str,
    title: str | None = None,
    outlet: str | None = None,
) -> list[Mention]:
    day = dt.date.fromisoformat(published)
    article = ArticleInput(article_id, text, day, outlet=outlet, title=title)
    found, _ = extractor.extract(article)
    return found


def _key(article: Article) -> str:
    """The article's cache key (etl/mention_cache.py `article_key`)."""
    return article_key(article.article_id, article.published, article.title, article.outlet)


def _extract(
    articles: Sequence[Article],
    places: list[dict],
    workers: int,
    cache: MentionCache | None = None,
    keep: Callable[[list[Mention]], Any] | None = None,
    texts: Texts | None = None,
) -> dict[str, Any]:
    """Cache key -> mentions of each article; staged in `cache` too when one is given. With
    `keep`, what it makes of each article's mentions instead (the whole ones are dropped as
    each chunk is staged). With `texts`, the articles carry no text: each chunk's texts are
    looked up there as the chunk is sent, so no more than a few chunks' are Python strings."""
    if workers <= 1 or len(articles) < PARALLEL_FROM:
        from etl.places.geonames import GeoNamesIndex

        extractor = Extractor(places, GeoNamesIndex.open())
        kept: dict[str, Any] = {}
        for i in range(0, len(articles), CHUNK):
            jobs = _jobs(articles[i : i + CHUNK], texts)
            chunk = {
                article_key(a, p, h, o): _one(extractor, a, t, p, h, o) for a, t, p, h, o in jobs
            }
            if cache and keep is not None:
                cache.stage(chunk)
            kept.update(chunk if keep is None else
                        ((key, keep(found)) for key, found in chunk.items()))  # fmt: skip
        if cache and keep is None:
            cache.stage(kept)
        return kept
    found: dict[str, list[Mention]] = {}
    strings: dict[str, str] = {}  # the batch's short strings, each kept once (from_json)
    # spawned, not forked: a forked worker inherits (and, as its garbage collector walks
    # them, copies) every page of this process, which holds the whole batch
    spawn = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(
        workers, mp_context=spawn, initializer=_start_worker, initargs=(places,)
    ) as pool:
        for pairs in _in_order(pool, articles, texts, AHEAD * workers):  # as workers finish
            if cache:
                cache.stage_json(pairs)
            found.update((key, (keep or _same)(from_json(text, strings))) for key, text in pairs)
    return found


def _jobs(articles: Sequence[Article], texts: Texts | None) -> list[Job]:
    """(article id, text, published, title, outlet) of each article, the texts from `texts` when
    given."""
    got = texts([a.article_id for a in articles]) if texts else [a.text for a in articles]
    return [
        (a.article_id, t, a.published, a.title, a.outlet)
        for a, t in zip(articles, got, strict=True)
    ]


def _in_order(
    pool: ProcessPoolExecutor, articles: Sequence[Article], texts: Texts | None, ahead: int
) -> Iterator[list[tuple[str, str]]]:
    """What `pool.map(_extract_chunk, chunks)` yields, in the same order, but with no more
    than `ahead` chunks sent and not yet taken back: a chunk's jobs (its texts) are made as it
    is sent, not all before the first (`map` submits every chunk at once)."""
    pending: deque[Future] = deque()
    try:
        for i in range(0, len(articles), CHUNK):
            pending.append(pool.submit(_extract_chunk, _jobs(articles[i : i + CHUNK], texts)))
            if len(pending) > ahead:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()
    finally:
        for future in pending:  # (after a failure: not run while the pool shuts down)
            future.cancel()


def _same(found: list[Mention]) -> list[Mention]:
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
    keys = [_key(a) for a in articles]
    cached = cache.get(keys) if cache else {}
    missing = [a for a, k in zip(articles, keys) if k not in cached]
    if not missing:
        fresh: dict[str, list[Mention]] = {}
    elif engine == "dask":
        from etl.engines import extract_on_dask

        fresh = extract_on_dask(_jobs(missing, None), places, max(workers, 1))
        if cache:
            cache.stage(fresh)
    else:
        fresh = _extract(missing, places, workers, cache)  # staged as they come
    return [m for k in keys for m in (cached[k] if k in cached else fresh[k])]


def extract_light(
    articles: Sequence[Article],
    places: list[dict[str, Any]],
    cache: MentionCache,
    workers: int = 1,
    engine: str = "local",
    texts: Texts | None = None,
) -> tuple[list[Light], Callable[[], Iterator[list[Mention]]]]:
    """`extract_all` for a build with a cache, in two passes (etl/light_mentions.py): the
    light rows of every mention in article order (`seq` their position), and a function
    that reads the whole mentions back, article by article, in the same order. No more than
    a chunk of articles' whole mentions is held at a time. With `texts` (article ids -> their
    texts), the articles carry none (a build's texts are `article_texts`' Arrow strings):
    what is extracted takes its texts from there a chunk at a time, and so does an article
    read back that was neither cached nor staged; without, the reader keeps the articles."""
    keys = [_key(a) for a in articles]
    strings: dict[str, str] = {}  # the batch's short strings, each kept once (from_json)
    found: dict[str, list[Light]] = {}
    for key, text in cached_json(cache, keys, spill=False):
        if text is not None:
            try:
                found[key] = lights(from_json(text, strings))
            except (ValueError, TypeError, KeyError):
                continue  # extracted again, as `MentionCache.get` does with a damaged entry
    missing = [a for a, k in zip(articles, keys) if k not in found]
    if missing and engine == "dask":
        from etl.engines import extract_on_dask

        fresh = extract_on_dask(_jobs(missing, texts), places, max(workers, 1))
        cache.stage(fresh)
        found.update((key, lights(ms)) for key, ms in fresh.items())
        del fresh
    elif missing:
        found.update(_extract(missing, places, workers, cache, lights, texts))  # staged as
        # they come
    out = [m for k in keys for m in found[k]]
    del found
    for seq, m in enumerate(out):
        m.seq = seq
    extractor: list[Extractor] = []
    dated = [(a.article_id, a.published, a.title, a.outlet) for a in articles]  # (no texts)
    if texts is None:
        texts = _texts_of(articles)

    def again(i: int) -> list[Mention]:  # an article neither cached nor staged: extract it
        if not extractor:
            from etl.places.geonames import GeoNamesIndex

            extractor.append(Extractor(places, GeoNamesIndex.open()))
        article_id, published, title, outlet = dated[i]
        return _one(extractor[0], article_id, texts([article_id])[0], published, title, outlet)

    return out, lambda: read_back(cache, keys, again)


def _texts_of(articles: Sequence[Article]) -> Texts:
    """`Texts` of articles that carry their texts."""
    by_id = {a.article_id: a.text for a in articles}
    return lambda article_ids: [by_id[a] for a in article_ids]


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
