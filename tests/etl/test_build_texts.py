"""A build with a mention cache lets the articles' Python texts go once they are in
`article_texts`, before the merge (docs/scale.md, "Session 27 (hI15)"): the tables are those a
build that keeps them makes, and it builds with Arrow's system pool (etl/arrow_pool.py)."""

from __future__ import annotations

import weakref
from dataclasses import replace

import pandas as pd
import pyarrow as pa
import pytest

from etl import build, inbox, light_mentions
from etl.ingest import IngestOptions, ingest
from etl.mention_cache import MentionCache
from etl.settings import Paths
from etl.store import content_hash, read_store
from etl.tables import TABLE_NAMES
from tests.etl.test_incremental import drafts


@pytest.fixture
def store_with_a_batch(tmp_path):
    paths = replace(Paths(), store=tmp_path / "store")
    ingest(paths, drafts(0, 8), [], IngestOptions(batch_name="first"))
    return paths


def _spy_merge(monkeypatch):
    """The articles `with_merge` was given, and the Arrow pool it ran in."""
    seen = {}
    real = build.with_merge

    def spy(tables, curated, articles, *rest):
        seen["texts"] = [a.text for a in articles]
        seen["pool"] = pa.default_memory_pool().backend_name
        return real(tables, curated, articles, *rest)

    monkeypatch.setattr(build, "with_merge", spy)
    return seen


def test_a_build_lets_the_texts_go_before_the_merge(store_with_a_batch, monkeypatch):
    paths = store_with_a_batch
    kept, _ = build.build_all(paths, snapshot=inbox.read(paths.store))  # no cache: texts kept
    seen = _spy_merge(monkeypatch)
    build.run_build(paths, exports=False)
    assert seen["pool"] == "system"
    assert len(seen["texts"]) > 8 and set(seen["texts"]) == {""}  # seeds and the batch
    published, meta = read_store(paths.store)
    assert meta["content_sha256"] == content_hash(kept)
    pd.testing.assert_frame_equal(published["article_texts"], kept["article_texts"],
                                  check_dtype=False)  # fmt: skip
    assert meta["inbox_state"] == inbox.stamp(inbox.read(paths.store))


def test_an_article_read_back_from_nowhere_takes_its_text_from_the_tables(
    store_with_a_batch, monkeypatch
):
    """An article neither cached nor staged when the rows are made is extracted again, with
    its text from `article_texts` (the Articles the merge gets have none)."""
    paths = store_with_a_batch
    kept, _ = build.build_all(paths, snapshot=inbox.read(paths.store))
    lost = []
    real = light_mentions.cached_json

    def forgetful(cache, keys, spill):
        for i, (key, text) in enumerate(real(cache, keys, spill)):
            if i in (len(keys) - 1, len(keys) - 3):  # two of the batch's articles
                lost.append(key)
                text = None
            yield key, text

    monkeypatch.setattr(light_mentions, "cached_json", forgetful)
    seen = _spy_merge(monkeypatch)
    tables, _ = build.build_all(paths, cache=MentionCache(paths.store))
    assert len(lost) == 2 and set(seen["texts"]) == {""}
    for name in TABLE_NAMES:
        pd.testing.assert_frame_equal(tables[name], kept[name], obj=name)


def test_a_build_holds_no_inbox_rows_of_its_own_while_it_writes(store_with_a_batch, monkeypatch):
    """`run_build` reads the inbox (without texts) only for its meta: that snapshot is gone
    before the writing (it was held through the build: 1.2 MiB per 1,000 articles)."""
    from etl import store

    paths, made, alive = store_with_a_batch, [], []
    real_read, real_publish = inbox.read, build.publish

    def read(where, texts=True):
        snapshot = real_read(where, texts)
        if not texts:
            made.append(weakref.ref(snapshot))
        return snapshot

    def publish(*args, **kwargs):
        alive.append([r() is not None for r in made])
        return real_publish(*args, **kwargs)

    monkeypatch.setattr(inbox, "read", read)
    monkeypatch.setattr(build, "publish", publish)
    build.run_build(paths, exports=False)
    assert alive == [[False]]
    assert store.read_store(paths.store)[1]["inbox_state"] == inbox.stamp(real_read(paths.store))
