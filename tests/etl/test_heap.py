"""etl/heap.py: the heap's free pages go back to the system (glibc), and a build calls it
once the merge is done."""

from __future__ import annotations

import pytest

from etl import heap


def _rss_mib() -> float:
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * 4096 / 2**20


@pytest.mark.skipif(heap._trim() is None, reason="no malloc_trim (not glibc)")
def test_freed_heap_below_memory_in_use_is_given_back():
    # 80 MiB of blocks malloc serves from its heap (over pymalloc's 512 B, under mmap's
    # threshold), then one kept above them, so freeing them leaves a hole the heap's end
    # cannot give back
    blocks = [bytes(2000) + bytes([i % 256]) for i in range(40_000)]
    kept = bytes(3000) + b"kept"
    del blocks
    before = _rss_mib()
    assert heap.release()
    after = _rss_mib()
    assert kept.endswith(b"kept")
    assert before - after > 40, (before, after)


def _build_calls(monkeypatch, tmp_path, cache: bool) -> list[str]:
    from etl import build
    from etl.mention_cache import MentionCache
    from etl.settings import ROOT, Paths

    calls = []
    monkeypatch.setattr(build, "release", lambda: calls.append("release") or True)
    for name in ("apply_decisions", "spill"):
        plain = getattr(build, name)

        def called(*args, _plain=plain, _name=name, **kwargs):
            calls.append(_name)
            return _plain(*args, **kwargs)

        monkeypatch.setattr(build, name, called)
    paths = Paths(seeds=ROOT / "seeds", curated=ROOT / "data" / "curated", store=tmp_path)
    build.build_all(paths, cache=MentionCache(tmp_path) if cache else None)
    return calls


def test_a_build_releases_the_heap_after_the_merge(monkeypatch, tmp_path):
    assert _build_calls(monkeypatch, tmp_path, cache=False) == [
        "release", "release", "apply_decisions"]  # fmt: skip


def test_a_writer_s_build_releases_the_heap_before_it_spills_the_merge_index(monkeypatch, tmp_path):
    # the index's Arrow copy comes from pages given back, not on top of the merge's freed
    # heap (docs/scale.md, "Session 32 (hI22)"), and the index's own go before the review
    assert _build_calls(monkeypatch, tmp_path, cache=True) == [
        "release", "spill", "release", "apply_decisions"]  # fmt: skip


def test_each_writer_of_a_build_has_the_heap_given_back_after_it(monkeypatch, tmp_path):
    """`stage_build` releases the heap after the digest and after each writer, so their freed
    transients do not stack up (docs/scale.md, "Session 29 (hI17)")."""
    from etl import store
    from etl.build import build_tables
    from etl.settings import ROOT, Paths

    tables = build_tables(Paths(seeds=ROOT / "seeds", curated=ROOT / "data" / "curated",
                                store=tmp_path / "unused"))  # fmt: skip
    calls = []
    monkeypatch.setattr(store, "release", lambda: calls.append("release") or True)
    for name in ("content_hash", "write_database", "write_reader_file", "write_exports"):
        plain = getattr(store, name)

        def called(*args, _name=name, _plain=plain, **kwargs):
            calls.append(_name)
            return _plain(*args, **kwargs)

        monkeypatch.setattr(store, name, called)
    store.stage_build(tmp_path / "store", tables, {}, True)
    # the digest gives it back after each table too (docs/scale.md, "Session 33 (hI23)")
    assert calls == ["content_hash", *["release"] * len(tables), "release", "write_database",
                     "release", "write_reader_file", "release", "write_exports", "release"]  # fmt: skip


def test_each_export_file_and_each_read_of_the_reader_file_gives_the_heap_back(
    monkeypatch, tmp_path
):
    """The exports give the heap back after each file, and the reader file after each read
    of the database: their freed transients stacked up, each file's or read's pages kept
    under the next's (+169 and +142 MiB at 16,000 news-length articles: docs/scale.md,
    "Session 33 (hI23)")."""
    from dashboard import frame_file
    from dashboard.lazy_tables import LazyTables
    from etl import exports, store
    from etl.build import build_tables
    from etl.settings import ROOT, Paths

    tables = build_tables(Paths(seeds=ROOT / "seeds", curated=ROOT / "data" / "curated",
                                store=tmp_path / "unused"))  # fmt: skip
    calls = []
    monkeypatch.setattr(exports, "release", lambda: calls.append("release") or True)
    for name in ("write_frame", "write_parquet"):
        plain = getattr(exports, name)

        def called(path, *args, _plain=plain, **kwargs):
            calls.append(path.name)
            return _plain(path, *args, **kwargs)

        monkeypatch.setattr(exports, name, called)
    exports.write_exports(tmp_path / "exports", tables, "b1")
    files = [n for name in tables for n in (f"{name}.csv", f"{name}.parquet")]
    assert calls == [c for f in files for c in (f, "release")]

    calls.clear()
    staging = tmp_path / "build"
    staging.mkdir()
    store.write_database(staging / store.DATABASE, tables, {})
    monkeypatch.setattr(frame_file, "release", lambda: calls.append("release") or True)
    plain_query = LazyTables._query
    monkeypatch.setattr(LazyTables, "_query", lambda self, *a: calls.append("read") or
                        plain_query(self, *a))  # fmt: skip
    frame_file.write_frame_file(staging / store.DATABASE, "b1")
    reads = calls.count("read")
    assert reads >= 5 and calls == ["read", "release"] * reads + ["release"]


def test_the_rows_columns_have_the_heap_given_back_one_by_one(monkeypatch):
    """`Columns.frame` releases the heap after each column is joined: the chunks it freed
    cannot hold the next whole column, so without it they stayed resident beside it."""
    from etl import extracted

    calls = []
    monkeypatch.setattr(extracted, "release", lambda: calls.append("release") or True)
    rows = extracted.Columns(chunk=3)
    for i in range(10):
        rows.append({"a": i, "b": f"s{i}", "c": None})
    frame = rows.frame()
    assert list(frame["a"]) == list(range(10)) and len(calls) == 3


_POOLS: list = []


def test_rows_in_another_order_are_gathered_from_their_chunks(monkeypatch):
    """`Columns.frame(order)` gathers a text column's rows from its chunks a piece at a time
    (`extracted._taken`): the same frame as joining the chunks and taking the rows, with
    Arrow holding at most a little over the column beside its chunks; Arrow's take of the
    joined chunks held two copies (the claims' sentences, the second pass's peak:
    docs/scale.md, "Session 33 (hI23)")."""
    import numpy as np
    import pandas as pd
    import pyarrow as pa

    from etl import extracted

    monkeypatch.setattr(extracted, "release", lambda: True)
    monkeypatch.setattr(extracted, "TAKE_PIECE", 2_000)
    rng = np.random.default_rng(3)
    n = 30_000
    order = rng.permutation(n)

    def rows() -> extracted.Columns:
        made = extracted.Columns(chunk=1_000)
        for i in range(n):
            made.append({"n": i, "text": None if i % 7 == 0 else f"{i:06d} " + "x" * 90,
                         "short": "" if i % 5 else "s"})  # fmt: skip
        return made

    def frame(made: extracted.Columns) -> tuple[pd.DataFrame, int]:
        pool = pa.proxy_memory_pool(pa.default_memory_pool())
        _POOLS.append(pool)  # (kept: buffers made from it outlive the test's frames)
        default = pa.default_memory_pool()
        pa.set_memory_pool(pool)
        try:
            return made.frame(order), pool.max_memory()
        finally:
            pa.set_memory_pool(default)

    gathered, most = frame(rows())
    monkeypatch.setattr(extracted, "_arrow_strings", lambda parts: False)
    joined, most_joined = frame(rows())
    pd.testing.assert_frame_equal(gathered, joined)
    assert gathered["text"].dtype == joined["text"].dtype == pd.Series(["a"]).dtype
    column = gathered["text"].array.__arrow_array__().nbytes
    assert most < 1.3 * column < most_joined, (most, column, most_joined)


def test_texts_are_gathered_from_the_columns_chunks():
    """`build.texts_in` gives the texts asked for, from a column in many chunks (as a build
    holds `article_texts`), with Arrow holding about the texts asked for, not the column:
    `Series.take` joined every chunk of it on each call (docs/scale.md, "Session 33 (hI23)")."""
    import pandas as pd
    import pyarrow as pa

    from etl.build import texts_in

    n, size = 4_000, 40
    every = pd.Series([f"text {i} " + "y" * 500 for i in range(n)])
    whole = every.array.__arrow_array__().combine_chunks()
    chunked = pa.chunked_array([whole.slice(i, size) for i in range(0, n, size)])
    column = pd.Series(type(every.array)(chunked, dtype=every.dtype))
    frame = pd.DataFrame({"article_id": [f"a{i}" for i in range(n)], "text": column})
    texts = texts_in(frame)
    asked = [f"a{i}" for i in (3_999, 5, 2_000, 41, 40, 0)]
    pool = pa.proxy_memory_pool(pa.default_memory_pool())
    _POOLS.append(pool)
    default = pa.default_memory_pool()
    pa.set_memory_pool(pool)
    try:
        got = texts(asked)
    finally:
        pa.set_memory_pool(default)
    assert got == [every[int(a[1:])] for a in asked]
    assert pool.max_memory() < 0.05 * whole.nbytes, (pool.max_memory(), whole.nbytes)


def _buffers(column) -> list[int]:
    """The addresses of a text column's data buffers, chunk by chunk."""
    return [c.buffers()[2].address for c in column.array.__arrow_array__().chunks if len(c)]


@pytest.mark.parametrize("ordered", [False, True])
def test_a_claims_quote_equal_to_its_sentence_is_the_sentences_array(monkeypatch, ordered):
    """`Columns(same={"quote": "sentence"})`: where every chunk's quotes are its sentences
    (an extracted claim quotes its whole sentence) the frame's quote column is the sentence
    column's Arrow array, not a second copy of the strings (docs/scale.md, "Session 34
    (hI24)"); where one differs, the quotes are their own. The same frame either way."""
    import numpy as np
    import pandas as pd

    from etl import extracted

    monkeypatch.setattr(extracted, "release", lambda: True)
    order = np.random.default_rng(4).permutation(50) if ordered else None

    def frame(same, odd: int | None) -> pd.DataFrame:
        rows = extracted.Columns(chunk=8, same=same)
        for i in range(50):
            sentence = f"sentence {i} " + "z" * (i % 9)
            rows.append({"claim_id": f"c{i}", "sentence": sentence, "n": i,
                         "quote": "a quote of its own" if i == odd else sentence})  # fmt: skip
        return rows.frame(order)

    shared, plain = frame(extracted.CLAIM_SAME, None), frame({}, None)
    pd.testing.assert_frame_equal(shared, plain)
    assert list(shared.columns) == ["claim_id", "sentence", "n", "quote"]
    assert _buffers(shared["quote"]) == _buffers(shared["sentence"])
    assert not set(_buffers(plain["quote"])) & set(_buffers(plain["sentence"]))
    one_own, plain = frame(extracted.CLAIM_SAME, 17), frame({}, 17)
    pd.testing.assert_frame_equal(one_own, plain)
    assert (one_own["quote"] != one_own["sentence"]).sum() == 1


def test_a_build_holds_its_extracted_claims_quotes_as_their_sentences(tmp_path):
    """A writer's build (the seeds, with a mention cache): the extracted claims' quotes are
    their sentences, held once: every chunk of the quote column that holds extracted claims
    is a chunk of the sentence column (at main, a second copy: 36 MiB at 16,000 news-length
    articles)."""
    from etl import build
    from etl.mention_cache import MentionCache
    from etl.settings import ROOT, Paths

    paths = Paths(seeds=ROOT / "seeds", curated=ROOT / "data" / "curated", store=tmp_path)
    claims = build.build_all(paths, cache=MentionCache(tmp_path))[0]["claims"]
    extracted = claims["origin"] == "extracted"
    assert extracted.sum() > 10
    assert (claims.loc[extracted, "quote"] == claims.loc[extracted, "sentence"]).all()
    quote = claims["quote"].array.__arrow_array__().chunks
    at = 0
    own = set(_buffers(claims["sentence"]))
    for chunk in quote:  # (the curated claims come first, in chunks of their own)
        if extracted.iloc[at : at + len(chunk)].any():
            assert chunk.buffers()[2].address in own
        at += len(chunk)
