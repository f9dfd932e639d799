"""Extraction on a Dask cluster (a real LocalCluster of worker processes) gives exactly what
one process gives, article for article; `ingest --engine dask` publishes the same tables; and
a missing Dask is a message, not a traceback."""

from __future__ import annotations

import sys

import pandas as pd
import pytest

from etl.articles import load_seed_articles
from etl.build import gazetteer_rows
from etl.cli import main
from etl.curated import load_curated
from etl.engines import extract_on_dask, places_digest
from etl.extracting import extract_all
from etl.mention_cache import article_key
from etl.settings import Paths
from etl.store import read_store
from tests.etl.test_analyst_cli import GAMMA, WIRE

pytest.importorskip("dask.distributed")


@pytest.fixture(scope="module")
def seeds():
    paths = Paths()
    articles, _ = load_seed_articles(paths.seeds)
    curated, _ = load_curated(paths.curated)
    return articles, gazetteer_rows(curated)


def test_dask_extraction_equals_one_process(seeds):
    articles, places = seeds
    serial = extract_all(articles, places)
    jobs = [(a.article_id, a.text, a.published, a.title, a.outlet) for a in articles]
    found = extract_on_dask(jobs, places, workers=2, chunk=2)  # 3 tasks over 2 workers
    assert sorted(found) == sorted(article_key(a.article_id, a.published, a.title) for a in articles)
    in_order = [m for a in articles for m in found[article_key(a.article_id, a.published, a.title)]]
    assert len(in_order) > 50
    assert in_order == serial


def test_places_digest_names_the_gazetteer(seeds):
    _, places = seeds
    assert places_digest(places) == places_digest([dict(p) for p in places])
    assert places_digest(places) != places_digest(places[1:])


def _published(store) -> dict[str, pd.DataFrame]:
    tables, _ = read_store(store)
    # batch ids carry the time of the ingest; everything else must be equal
    return {
        name: frame.drop(columns=[c for c in frame.columns if c in ("batch_id", "added_at")])
        for name, frame in tables.items()
    }


def test_ingest_on_dask_publishes_the_same_tables(mini, tmp_path, capsys):
    up = tmp_path / "up"
    up.mkdir()
    (up / "gamma.txt").write_text(GAMMA, encoding="utf-8")
    (up / "wire.md").write_text(WIRE, encoding="utf-8")
    stores = {engine: tmp_path / f"store_{engine}" for engine in ("local", "dask")}
    for engine, store in stores.items():
        args = ["ingest", str(up), "--published", "2020-01-09", "--batch", "jan"]
        code = main([*args, "--store", str(store), "--engine", engine, "--seeds", str(mini.seeds),
                     "--curated", str(mini.curated)])  # fmt: skip
        assert code == 0, capsys.readouterr().err
    local, dask = _published(stores["local"]), _published(stores["dask"])
    assert len(local["claims"]) > len(read_store(stores["local"])[0]["claims"].query(
        "origin == 'curated'"))  # fmt: skip
    for name in local:
        pd.testing.assert_frame_equal(dask[name], local[name], check_like=False)


def test_a_missing_dask_is_named_with_what_to_install(mini, tmp_path, capsys, monkeypatch):
    monkeypatch.setitem(sys.modules, "dask.distributed", None)  # import fails as if absent
    (tmp_path / "up").mkdir()
    (tmp_path / "up" / "gamma.txt").write_text(GAMMA, encoding="utf-8")
    store = tmp_path / "store_x"
    code = main(["ingest", str(tmp_path / "up"), "--store", str(store), "--engine", "dask",
                 "--seeds", str(mini.seeds), "--curated", str(mini.curated)])  # fmt: skip
    err = capsys.readouterr().err
    assert code != 0
    assert "conflict-timeline[distributed]" in err
    assert "Traceback" not in err
    assert not (store / "inbox.sqlite").exists()
