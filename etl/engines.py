"""Where extraction runs: in this machine's processes ("local"), or on a Dask cluster ("dask").

Extraction is a pure function of one article (its text and date, the rules, the gazetteer
rows), so it can run anywhere the project is installed. Dask was chosen over Ray and Spark:
it installs from PyPI as pure-Python wheels (no JVM, no 60 MB binary with its own raylet and
object-store daemons), `LocalCluster` starts worker processes on this machine in about a
second (so the tests run the real scheduler), and the same code reaches a real cluster by
address: `--engine dask` with `DASK_SCHEDULER_ADDRESS=tcp://host:8786` (Dask's own setting)
sends the work there; without it a local cluster of one worker per core is started and
stopped around the extraction.

Each worker builds its extractor once (its own GeoNames index) and keeps it for every later
chunk of the same gazetteer rows; chunks are submitted a few at a time, so neither the
scheduler nor this process holds every article or every result at once.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
from collections.abc import Iterator, Sequence
from typing import Any

from etl.extraction.mentions import Mention
from etl.problems import StoreError

ENGINES = ("local", "dask")
CHUNK = 200  # articles per task: big enough that scheduling costs little per article
IN_FLIGHT_PER_WORKER = 3  # tasks queued per worker: the workers never wait, memory stays flat
MISSING = (
    "the dask engine needs the 'distributed' extra: "
    "pip install 'conflict-timeline[distributed]' (or: pip install 'dask[distributed]')"
)

#: (article id, text, published ISO date, title or None, the outlet's name or None): what
#: extraction reads of an article, here and in one process (etl/extracting.py)
Job = tuple[str, str, str, str | None, str | None]

_extractors: dict[str, Any] = {}  # per worker process: gazetteer digest -> Extractor


def places_digest(places: list[dict[str, Any]]) -> str:
    """Which gazetteer rows an extractor was built over (a worker keeps one per digest)."""
    rows = json.dumps(places, sort_keys=True, default=str).encode()
    return hashlib.sha256(rows).hexdigest()[:16]


def extract_chunk(
    jobs: Sequence[Job], places: list[dict[str, Any]], digest: str
) -> list[tuple[str, list[Mention]]]:
    """(cache key, mentions) of each article: runs on a worker (pure, given its inputs)."""
    from etl.extraction.extract import ArticleInput, Extractor
    from etl.mention_cache import article_key
    from etl.places.geonames import GeoNamesIndex

    extractor = _extractors.get(digest)
    if extractor is None:
        _extractors.clear()  # one gazetteer at a time: an older one is not needed again
        extractor = _extractors[digest] = Extractor(places, GeoNamesIndex.open())
    found = []
    for article_id, text, published, title, outlet in jobs:
        day = dt.date.fromisoformat(published)
        article = ArticleInput(article_id, text, day, outlet=outlet, title=title)
        found.append(
            (article_key(article_id, published, title, outlet), extractor.extract(article)[0])
        )
    return found


def _chunks(jobs: Sequence[Job], size: int) -> Iterator[list[Job]]:
    for start in range(0, len(jobs), size):
        yield list(jobs[start : start + size])


def require_dask() -> None:
    """Raise StoreError with what to install when Dask's distributed scheduler is missing."""
    try:
        import dask.distributed  # noqa: F401
    except ImportError as exc:
        raise StoreError(MISSING) from exc


def _client(workers: int):  # -> (Client, LocalCluster | None)
    require_dask()
    from dask.distributed import Client, LocalCluster

    address = os.environ.get("DASK_SCHEDULER_ADDRESS")
    if address:
        return Client(address), None
    cluster = LocalCluster(
        n_workers=max(1, workers),
        threads_per_worker=1,  # extraction is pure Python: threads would share one core
        processes=True,
        dashboard_address=None,  # no web server: nothing listens beyond the scheduler
        host="127.0.0.1",
    )
    return Client(cluster), cluster


def extract_on_dask(
    jobs: Sequence[Job], places: list[dict[str, Any]], workers: int, chunk: int = CHUNK
) -> dict[str, list[Mention]]:
    """Every article's mentions, extracted on a Dask cluster (see the module's notes)."""
    client, cluster = _client(workers)
    try:
        from dask.distributed import as_completed

        digest = places_digest(places)
        [shared] = client.scatter([places], broadcast=True)
        pending = _chunks(jobs, chunk)
        limit = max(1, len(client.scheduler_info().get("workers", {})) or workers)
        running = as_completed()
        for part in _take(pending, limit * IN_FLIGHT_PER_WORKER):
            running.add(client.submit(extract_chunk, part, shared, digest, pure=False))
        found: dict[str, list[Mention]] = {}
        for future in running:
            found.update(future.result())
            future.release()
            for part in _take(pending, 1):
                running.add(client.submit(extract_chunk, part, shared, digest, pure=False))
        return found
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def _take(items: Iterator[list[Job]], n: int) -> list[list[Job]]:
    out = []
    for _ in range(n):
        item = next(items, None)
        if item is None:
            break
        out.append(item)
    return out
