"""The merge in two passes (etl/light_mentions.py, extracted.add_extracted_by_article): the
same tables and merge index as the merge over whole mentions, on news-length articles."""

from __future__ import annotations

import dataclasses
import sys
from pathlib import Path

import pandas as pd
import pytest

from etl import build
from etl.articles import Article
from etl.build import actor_ids_of, make_extractor, with_merge
from etl.extracting import extract_light
from etl.extraction.merge import toll_sign
from etl.light_mentions import Light, cached_json, lights, read_back
from etl.mention_cache import MentionCache
from etl.settings import ROOT, Paths
from etl.store import content_hash
from etl.tables import TABLE_NAMES, assemble

sys.path.insert(0, str(ROOT / "scripts"))
from bench_ingest import long_text, texts  # noqa: E402


@pytest.fixture(scope="module")
def inputs():
    curated, seeds = build._inputs(Paths())
    pool = texts()
    bench = [
        Article(f"bench{i:03d}", "b1", f"b{i}.txt", "outlet", None, None, f"Bench {i}",
                f"2019-{1 + i % 12:02d}-{1 + i % 27:02d}", None, None, "en", long_text(pool, i),
                None)  # fmt: skip
        for i in range(24)
    ]
    articles = seeds + bench
    extractor = make_extractor(curated)
    per_article = [extractor.extract(build.ArticleInput(
        a.article_id, a.text, build.dt.date.fromisoformat(a.published)))[0] for a in articles]  # fmt: skip
    return curated, articles, per_article


def _old(curated, articles, per_article):
    tables = assemble(curated, articles)
    mentions = [m for found in per_article for m in found]
    return with_merge(tables, curated, articles, mentions)


def _new(curated, articles, per_article, whole=None):
    tables = assemble(curated, articles)
    light = [m for found in per_article for m in lights(found)]
    for seq, m in enumerate(light):
        m.seq = seq
    back = per_article if whole is None else whole
    return with_merge(tables, curated, articles, light, None, lambda: iter(back))


def _same(old, new):
    (old_tables, old_index), (new_tables, new_index) = old, new
    for name in TABLE_NAMES:
        pd.testing.assert_frame_equal(old_tables[name], new_tables[name], obj=name)
    pd.testing.assert_frame_equal(old_index, new_index)
    assert content_hash(old_tables) == content_hash(new_tables)


def test_two_passes_make_the_same_tables_and_index(inputs):
    curated, articles, per_article = inputs
    old = _old(curated, articles, per_article)
    new_events = old[0]["events"][old[0]["events"]["origin"] == "extracted"]
    assert len(new_events) > 20 and old[0]["figures"]["figure_id"].notna().sum() > 50
    assert (old[0]["events"]["origin"] == "both").any()  # curated events supported too
    _same(old, _new(curated, articles, per_article))


def test_each_pass_matters(inputs, monkeypatch):
    """Rows left in article order are not the same tables (the test above would catch it),
    and whole mentions that do not match the light ones in number are refused."""
    from etl import extracted

    curated, articles, per_article = inputs
    old = _old(curated, articles, per_article)
    with pytest.raises(ValueError, match="read back"):
        _new(curated, articles, per_article, per_article[:-1])
    plain = extracted.Columns.frame
    monkeypatch.setattr(extracted.Columns, "frame", lambda self, order=None: plain(self))
    new = _new(curated, articles, per_article)
    assert set(new[0]["claims"]["claim_id"]) == set(old[0]["claims"]["claim_id"])
    assert not old[0]["claims"]["claim_id"].equals(new[0]["claims"]["claim_id"])


def test_light_keeps_what_the_merge_reads(inputs):
    _, _, per_article = inputs
    for found in per_article:
        for m, light in zip(found, lights(found)):
            for name in ("article_id", "event_type", "trigger", "trigger_start", "char_start",
                         "char_end", "date", "place_id", "latitude", "longitude",
                         "geo_precision", "place_note", "place_name", "country"):  # fmt: skip
                assert getattr(light, name) == getattr(m, name) or (
                    getattr(m, name) != getattr(m, name)
                )
            assert toll_sign(light) == toll_sign(m)
            assert (toll_sign(light) is not None) == bool(light.figures)
    assert not hasattr(lights(per_article[0])[0], "__dict__")  # slots: no dict a mention


def test_extract_light_and_read_back(tmp_path, inputs):
    """A fresh build's mentions come back from the spill, a later one's from the cache,
    and an article in neither is extracted again; all in article order."""
    curated, articles, per_article = inputs
    places = build.gazetteer_rows(curated)
    cache = build.bind_cache(MentionCache(tmp_path), places)
    light, whole = extract_light(articles, places, cache, workers=1)
    assert [m.seq for m in light] == list(range(len(light)))
    assert all(isinstance(m, Light) for m in light)
    want = [[dataclasses.astuple(m) for m in found] for found in per_article]
    assert [[dataclasses.astuple(m) for m in f] for f in whole()] == want  # from the spill
    assert cache.spill is not None and cache.path.exists() is False
    assert cache.flush() and cache.spill is None
    light2, whole2 = extract_light(articles, places, cache, workers=1)
    assert [(m.seq, m.article_id, m.char_start) for m in light2] == [
        (m.seq, m.article_id, m.char_start) for m in light
    ]
    assert [[dataclasses.astuple(m) for m in f] for f in whole2()] == want  # from the cache
    keys = [k for k, _ in cached_json(cache, [f"x{i}" for i in range(3)], spill=True)]
    assert keys == ["x0", "x1", "x2"]  # missing keys come back as None, in order
    again = []
    gone = MentionCache(Path(tmp_path / "elsewhere"), cache.fingerprint)
    back = list(read_back(gone, ["a", "b"], lambda i: again.append(i) or [per_article[i][0]]))
    assert again == [0, 1] and back == [[per_article[0][0]], [per_article[1][0]]]


def test_build_with_a_cache_equals_one_without(tmp_path):
    """`build_all` with a cache (two passes) and without (whole mentions): the same."""
    paths = dataclasses.replace(Paths(), store=tmp_path)
    plain, _ = build.build_all(paths)
    cached, state = build.build_all(paths, cache=MentionCache(tmp_path))
    assert state is not None and state.mentions > 0
    for name in TABLE_NAMES:
        pd.testing.assert_frame_equal(plain[name], cached[name], obj=name)
