"""The merge in two passes (etl/light_mentions.py, extracted.add_extracted_by_article): the
same tables and merge index as the merge over whole mentions, on news-length articles."""

from __future__ import annotations

import dataclasses
import sys
import weakref
from pathlib import Path

import pandas as pd
import pytest

from etl import build
from etl.articles import Article
from etl.build import make_extractor, with_merge
from etl.extracting import extract_light
from etl.light_mentions import Light, cached_json, lights, read_back
from etl.mention_cache import MentionCache
from etl.merge import toll_sign
from etl.settings import Paths
from etl.store import content_hash
from etl.tables import TABLE_NAMES, assemble
from tests.etl.bench_inputs import seeds_and_bench


@pytest.fixture(scope="module")
def inputs():
    curated, articles, extractor = seeds_and_bench(24)
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


def test_the_light_rows_go_before_the_whole_mentions_are_read(inputs):
    """The merge is handed the light rows: once the clusters are walked the list is emptied
    and, when the first whole mentions are read back, no light row is alive (a new event
    keeps its head, `extracted._Head`, not the mentions its row reads: until session 33 up
    to four an event, with the values decoded for them); the tables are the one-pass
    merge's all the same. Fails if the list, the walked clusters or the new events keep
    any."""
    curated, articles, per_article = inputs

    class Held(Light):
        __slots__ = ("__weakref__",)

    light = [Held(m) for found in per_article for m in found]
    for seq, m in enumerate(light):
        m.seq = seq
    refs = [weakref.ref(m) for m in light]
    del m
    alive: list[int] = []

    def whole():
        alive.append(sum(r() is not None for r in refs))
        yield from per_article

    new = with_merge(assemble(curated, articles), curated, articles, light, None, whole)
    assert light == []
    fresh = int((new[0]["events"]["origin"] == "extracted").sum())
    assert fresh > 20 and len(alive) == 1 and len(refs) > fresh
    assert alive[0] == 0  # (298 of 444 before session 33: most clusters of these 24
    # articles are one new event a mention)
    _same(_old(curated, articles, per_article), new)


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
    plain, plain_state = build.build_all(paths)
    cached, state = build.build_all(paths, cache=MentionCache(tmp_path))
    assert state is not None and state.mentions > 0
    for name in TABLE_NAMES:
        pd.testing.assert_frame_equal(plain[name], cached[name], obj=name)
    # a writer's build (with a cache) holds its merge index spilled to a file, not as a
    # frame (merge_state.spill); read back, it is the frame a build without a cache holds
    assert isinstance(plain_state.kept, pd.DataFrame)
    assert not isinstance(state.kept, pd.DataFrame) and Path(state.kept.name).is_file()
    pd.testing.assert_frame_equal(state.index, plain_state.index)


#: articles where `merge.further` fires on a sentence's opening ('Hours later ...'), so the
#: merge reads the mention's sentence (d7a43ca), and one where 'hours later' does not open it
_LATER_TEXTS = (
    "A suicide car bomb killed 40 people at a market in Sadr City, Baghdad, on Monday, police "
    "said. Hours later a roadside bomb in the Shaab area of northern Baghdad killed 2 people.",
    "A car bomb exploded near a checkpoint in Ramadi on Tuesday, killing 7 people. Minutes "
    "later, a second blast hit the crowd that had gathered, police said. Two hours later "
    "a bomb went off at a market in Fallujah, killing 3.",
    "A car bomb killed 12 people at a checkpoint in Hit on Monday, police said. The bomb "
    "went off at the checkpoint and a second device was found hours later.",
)


@pytest.fixture(scope="module")
def later_inputs(inputs):
    from etl.merge import further

    curated, articles, per_article = inputs
    extractor = make_extractor(curated)
    extra = [
        Article(f"later{i}", "b1", f"l{i}.txt", "outlet", None, None, f"Later {i}",
                "2019-05-10", None, None, "en", text, None)  # fmt: skip
        for i, text in enumerate(_LATER_TEXTS)
    ]
    found = [extractor.extract(build.ArticleInput(
        a.article_id, a.text, build.dt.date.fromisoformat(a.published)))[0] for a in extra]  # fmt: skip
    later = [m for f in found for m in f if further(m) and m.trigger_start > m.char_start
             and not m.trigger.lower().startswith(("second", "another"))]  # fmt: skip
    assert len(later) >= 2  # the sentence's opening is what counts them further
    return curated, articles[:12] + extra, per_article[:12] + found


def test_light_rows_carry_what_further_reads(later_inputs):
    """`merge.further` reads the sentence (d7a43ca crashed every light build): the light row
    answers as the whole mention, keeping the sentence only where it says yes."""
    from etl.merge import further

    _, _, per_article = later_inputs
    said = [(further(m), further(light)) for f in per_article for m, light in zip(f, lights(f))]
    assert all(a == b for a, b in said) and sum(a for a, _ in said) >= 2
    kept = [light.sentence for f in per_article for light in lights(f) if light.sentence]
    assert len(kept) == sum(a for a, _ in said)  # no other sentence is kept


def test_two_passes_equal_the_whole_merge_where_further_fires(later_inputs, monkeypatch):
    """The light build equals the whole-mention build on articles where `further` fires; and
    a light row that does not carry what `further` reads gives other tables (or crashes)."""
    from etl import light_mentions

    curated, articles, per_article = later_inputs
    old = _old(curated, articles, per_article)
    _same(old, _new(curated, articles, per_article))
    monkeypatch.setattr(light_mentions, "further", lambda m: False)  # the sentence never kept
    new = _new(curated, articles, per_article)
    assert len(new[0]["events"]) < len(old[0]["events"])  # 'Hours later' merged into the first


def test_the_merge_reads_a_light_sentence_only_in_further(later_inputs):
    """Whatever the merge path reads of a light row is one of its slots (else AttributeError),
    and its sentence, kept only where `further` says yes, is read by `further` alone: a new
    reader of the sentence anywhere on the light path fails here, not in every build."""
    read: list[str] = []

    class Watched(Light):
        __slots__ = ()

        def __getattribute__(self, name):
            if name == "sentence":
                read.append(sys._getframe(1).f_code.co_name)
            return object.__getattribute__(self, name)

    curated, articles, per_article = later_inputs
    tables = assemble(curated, articles)
    light = [Watched(m) for found in per_article for m in found]
    for seq, m in enumerate(light):
        m.seq = seq
    new = with_merge(tables, curated, articles, light, None, lambda: iter(per_article))
    _same(_old(curated, articles, per_article), new)
    assert read and set(read) == {"further"}


def test_the_merge_names_light_rows_by_their_seq(inputs, monkeypatch):
    """Session 35: `merge_all` names a light row by its own `seq` when every row's is its
    position (a build's are), not by a dict of every row's id (1.5 MiB per 1,000
    news-length articles, held through the clustering); rows whose seq is not their
    position, and whole mentions, are named by the dict; the same clusters and index."""
    from etl import merge_index

    curated, articles, per_article = inputs
    whole = [m for found in per_article for m in found]
    light = [m for found in per_article for m in lights(found)]
    for seq, m in enumerate(light):
        m.seq = seq
    asked: list[int] = []

    def counted(value):
        asked.append(1)
        return id(value)

    monkeypatch.setattr(merge_index, "id", counted, raising=False)
    clusters, index = merge_index.merge_all(light)
    assert not asked  # no mention's id asked for
    _, whole_index = merge_index.merge_all(whole)
    assert len(asked) >= len(whole)  # the dict, for mentions without a seq
    pd.testing.assert_frame_equal(index, whole_index)
    light[0].seq, light[1].seq = 1, 0  # a seq that is not its position: the dict again
    asked.clear()
    _, swapped = merge_index.merge_all(light)
    assert len(asked) >= len(light)
    pd.testing.assert_frame_equal(swapped, whole_index)
    assert sum(len(c.mentions) for c in clusters) == len(light)
