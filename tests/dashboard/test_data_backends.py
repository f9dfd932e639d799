"""The dashboard reads the current build through the same functions on either backend
(SQLite files; PostgreSQL when CONFLICT_TEST_DATABASE_URL is set, see tests/backends.py)."""

from __future__ import annotations

import re

import pandas as pd
from streamlit.testing.v1 import AppTest

from dashboard.components.loader import store_stamp
from dashboard.data import UNREAD, load_tables
from dashboard.text import markdown_text
from etl.build import build_tables
from etl.settings import ROOT, Paths
from etl.store import read_store, write_store

APP = str(ROOT / "dashboard" / "app.py")


def _total(at: AppTest) -> int:
    for md in at.markdown:
        found = re.search(r"\d+ of (\d+) events? shown", md.value)
        if found:
            return int(found[1])
    raise AssertionError("no 'N of M events shown' line")


def _published(events: pd.DataFrame) -> int:
    """The page's M: those awaiting review are counted only when included."""
    return int((events["review_status"] != "pending").sum())


def test_the_loader_reads_the_current_build(tmp_path, project_tables, mini, backend):
    paths = Paths(store=tmp_path / "store")
    assert store_stamp(paths) == ""  # nothing published yet: the page builds in memory
    build = write_store(paths.store, project_tables, exports=False)
    loaded = load_tables(paths)
    assert markdown_text(f"store build {build.name}") in loaded.origin
    expected, _ = read_store(paths.store, skip=UNREAD)
    for name, frame in expected.items():
        pd.testing.assert_frame_equal(loaded.tables[name], frame)
    assert loaded.tables["article_texts"].empty
    assert len(loaded.tables["events"]) == len(project_tables["events"])
    assert store_stamp(paths) == build.name
    newer = write_store(paths.store, build_tables(mini), exports=False)
    assert store_stamp(paths) == newer.name != build.name
    assert len(load_tables(paths).tables["events"]) == len(build_tables(mini)["events"])


def test_a_dashboard_without_the_inbox_names_batches_as_the_build_recorded_them(
    tmp_path, project_tables, backend
):
    store = tmp_path / "store"
    write_store(store, project_tables, {"batch_names": '{"b_1": "january"}'}, exports=False)
    loaded = load_tables(Paths(store=store))
    assert loaded.batch_names == {"b_1": "january"}
    assert not (store / "inbox.sqlite").exists()  # so the loader falls back on the build's


def test_the_page_shows_the_current_build_and_follows_a_new_one(
    tmp_path, monkeypatch, project_tables, mini, backend
):
    store = tmp_path / "store"
    write_store(store, project_tables, exports=False)
    monkeypatch.setenv("CONFLICT_STORE", str(store))
    at = AppTest.from_file(APP, default_timeout=60)
    at.run()
    assert not at.exception, at.exception
    assert _total(at) == _published(project_tables["events"])
    write_store(store, build_tables(mini), exports=False)
    at.run()
    assert not at.exception, at.exception
    assert _total(at) == _published(build_tables(mini)["events"])
    if backend.url:  # an app instance on another machine: no store folder, the same database
        monkeypatch.setenv("CONFLICT_STORE", str(tmp_path / "not-on-this-machine"))
        elsewhere = AppTest.from_file(APP, default_timeout=60)
        elsewhere.run()
        assert not elsewhere.exception, elsewhere.exception
        assert _total(elsewhere) == _published(build_tables(mini)["events"])
