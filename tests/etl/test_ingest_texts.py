"""An ingest holds its batch's texts as Python strings only until its build has them in
`article_texts` (Arrow): the caller hands its drafts over, the build takes the texts out of
the inbox rows before extraction, and extraction, the sources and the inbox take them from
`article_texts` a chunk at a time (docs/scale.md, "Session 31 (hI21)")."""

from __future__ import annotations

import weakref
from concurrent.futures import Future
from dataclasses import replace

import pandas as pd
import pytest

from etl import build, extracting, inbox
from etl.articles import Article
from etl.ingest import IngestOptions, ingest
from etl.settings import Paths
from etl.store import content_hash, read_store
from tests.etl.test_incremental import drafts, sorted_frame


class Text(str):
    """An article text whose object can be watched (str itself takes no weak reference)."""


def _watched(first: int, count: int):
    given = [replace(d, text=Text(d.text)) for d in drafts(first, count)]
    return given, [weakref.ref(d.text) for d in given], [str(d.text) for d in given]


@pytest.fixture
def alive_at_extraction(monkeypatch):
    """Before each extraction: how many watched texts are alive, and the texts the articles
    it is given carry."""
    seen: dict[str, list] = {"alive": [], "carried": []}
    watched: list = []
    real = extracting._extract

    def spy(articles, *rest):
        seen["alive"].append(sum(r() is not None for r in watched))
        seen["carried"].append({str(a.text) for a in articles})  # (copies: not held here)
        return real(articles, *rest)

    monkeypatch.setattr(extracting, "_extract", spy)
    return seen, watched


def test_an_ingest_lets_the_batch_texts_go_before_extraction(tmp_path, alive_at_extraction):
    seen, watched = alive_at_extraction
    paths = replace(Paths(), store=tmp_path / "store")
    first, refs, texts = _watched(0, 8)
    watched += refs
    report = ingest(paths, first, [], IngestOptions(batch_name="first"), hand_over=True)
    assert first == [] and len(report.added) == 8
    assert seen["alive"] == [0] and seen["carried"] == [{""}]
    stored = {a["article_id"]: a["text"] for a in inbox.read(paths.store).articles}
    assert sorted(stored.values()) == sorted(texts)
    # the published tables are those of a build that keeps its texts (no cache)
    kept, _ = build.build_all(paths, snapshot=inbox.read(paths.store))
    published, meta = read_store(paths.store)
    assert meta["content_sha256"] == content_hash(kept)
    pd.testing.assert_frame_equal(
        sorted_frame(published["article_texts"], "article_texts"),
        sorted_frame(kept["article_texts"], "article_texts"),
    )

    # a second batch, merged into the current build (etl/incremental.py): its texts are
    # written to the inbox from the tables too
    second, refs, more = _watched(8, 4)
    report = ingest(paths, second, [], IngestOptions(batch_name="second"), hand_over=True)
    assert second == [] and len(report.added) == 4
    assert all(r() is None for r in refs)  # (nothing the ingest returned holds them)
    snapshot = inbox.read(paths.store)
    assert sorted(a["text"] for a in snapshot.articles) == sorted(texts + more)
    kept, _ = build.build_all(paths, snapshot=snapshot)
    assert read_store(paths.store)[1]["content_sha256"] == content_hash(kept)


def test_drafts_not_handed_over_are_the_callers(tmp_path, alive_at_extraction):
    seen, watched = alive_at_extraction
    paths = replace(Paths(), store=tmp_path / "store")
    given, refs, texts = _watched(0, 6)
    watched += refs
    ingest(paths, given, [], IngestOptions(batch_name="first"))
    assert [d.text for d in given] == texts  # the caller's list untouched
    assert seen["alive"] == [6] and seen["carried"] == [{""}]  # held by the caller only


def _articles(count: int) -> list[Article]:
    return [Article(article_id=f"a{i}", batch_id="b", file=f"{i}.txt", outlet_id="o", wire=None,
                    byline=None, title="t", published="2019-01-01", dateline=None, url=None,
                    language="en", text="", note=None) for i in range(count)]  # fmt: skip


class _Pool:
    """Stands in for the workers: records what was sent when; a chunk before `fail_at` is
    done at once, the one at it fails, those after it are left to run (pending)."""

    def __init__(self, log: list, fail_at: int | None = None):
        self.log, self.fail_at, self.futures = log, fail_at, []

    def submit(self, _fn, jobs):
        future: Future = Future()
        self.log.append(("sent", [a for a, *_rest in jobs]))
        at, self.futures = len(self.futures), [*self.futures, future]
        if self.fail_at is None or at < self.fail_at:
            future.set_result([(a, t.upper()) for a, t, *_rest in jobs])
        elif at == self.fail_at:
            future.set_exception(RuntimeError("worker died"))
        return future


def test_chunks_are_sent_a_few_ahead_and_come_back_in_order():
    articles, log = _articles(1_050), []
    frame = pd.DataFrame({"article_id": [a.article_id for a in articles],
                          "text": [f"text of {a.article_id}" for a in articles]})  # fmt: skip
    texts = build.texts_in(frame)

    def counted(ids):
        log.append(("texts", list(ids)))
        return texts(ids)

    got = []
    for pairs in extracting._in_order(_Pool(log), articles, counted, ahead=3):
        got.append(pairs)
        sent = sum(1 for kind, _ in log if kind == "sent")
        assert sent <= len(got) + 3  # never more than `ahead` chunks beyond those taken back
    assert [p for chunk in got for p in chunk] == [
        (a.article_id, f"TEXT OF {a.article_id.upper()}") for a in articles]  # fmt: skip
    assert [len(c) for c in got] == [100] * 10 + [50]
    # each chunk's texts were looked up as it was sent, not all at first
    asked = [ids for kind, ids in log if kind == "texts"]
    assert [len(ids) for ids in asked] == [100] * 10 + [50]


def test_a_failed_chunk_cancels_those_not_yet_run():
    articles, log = _articles(1_000), []
    pool = _Pool(log, fail_at=2)
    with pytest.raises(RuntimeError, match="worker died"):
        list(extracting._in_order(pool, articles, None, ahead=4))
    # chunks 0-6 were sent by the time chunk 2 was taken back; 3-6 had not run
    assert sum(1 for kind, _ in log if kind == "sent") == 7
    assert [f.cancelled() for f in pool.futures] == [False] * 3 + [True] * 4


def test_texts_in_finds_texts_by_id_and_names_a_missing_one():
    frame = pd.DataFrame({"article_id": ["x", "y", "z"], "text": ["one", "two", "three"]})
    texts = build.texts_in(frame)
    assert texts(["z", "x"]) == ["three", "one"] and texts([]) == []
    with pytest.raises(KeyError, match="w"):
        texts(["y", "w"])
