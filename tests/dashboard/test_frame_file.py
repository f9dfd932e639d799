"""The build's columnar event frame (issue 10): written with the build, read instead of
making the frame from SQLite, the same frame and page either way, never of another build."""

from __future__ import annotations

import dataclasses
import json
import os
import shutil

import numpy as np
import pandas as pd
import pyarrow as pa
import pytest

from dashboard.data import load_tables
from dashboard.derived import Derived, Source
from dashboard.event_detail import EventDetail
from dashboard.filters import default_filters, filter_options
from dashboard.frame_file import (
    FILE,
    ensure_frame_file,
    frame_table,
    make_frame,
    read_frame_file,
    reader_frame,
)
from dashboard.views import event_frame
from etl.build import build_tables
from etl.cli import main as etl_main
from etl.schemas import AREAS
from etl.settings import Paths
from etl.store import DATABASE, current_build, write_store
from etl.synthetic import synthetic_tables


def _store(path, tables):
    write_store(path, tables, {"synthetic": "test"}, exports=False)
    return Paths(store=path)


@pytest.fixture(scope="module", params=["default", "synthetic"])
def store(request, tmp_path_factory):
    """The default data and a synthetic store, each written as a build."""
    path = tmp_path_factory.mktemp("frame") / "store"
    if request.param == "default":
        return _store(path, build_tables(Paths.from_env()))
    return _store(path, synthetic_tables(1_500, seed=3))


def _lazy(paths):
    loaded = load_tables(paths, lazy=True)
    return loaded.tables, loaded.build_id


def _same_rows(a, b):
    assert np.array_equal(a.offsets, b.offsets) and np.array_equal(a.rowids, b.rowids)
    assert a.universe.equals(b.universe)


def test_a_build_is_written_with_its_frame_file_and_it_is_the_frame_from_sqlite(store):
    tables, build_id = _lazy(store)
    build = current_build(store.store)
    assert (build / FILE).is_file() and build_id == build.name
    from_file = read_frame_file(build / DATABASE, build_id)
    made = make_frame(tables)
    assert from_file is not None and len(from_file.view) > 0
    pd.testing.assert_frame_equal(from_file.view, made.view, check_exact=True)
    _same_rows(from_file.claim_rows, made.claim_rows)
    _same_rows(from_file.figure_rows, made.figure_rows)
    # events with the same outlets share one list, as the frame made from SQLite does
    lists = from_file.view["outlets"].tolist()
    assert len({id(v) for v in lists}) == len({tuple(v) for v in lists if isinstance(v, list)})
    assert not tables.loaded("events") and not tables.loaded("claims")


def test_the_page_and_the_detail_are_the_same_from_the_file(store):
    tables, build_id = _lazy(store)
    from_file, made = reader_frame(tables, build_id), make_frame(tables)
    assert from_file.view is not made.view
    options = filter_options(from_file.view, tables["outlets"], tables["actors"], AREAS)
    assert options == filter_options(made.view, tables["outlets"], tables["actors"], AREAS)
    first = options.event_types[0][0]
    for filters in (
        default_filters(options),
        dataclasses.replace(default_filters(options), event_types=(first,)),
    ):
        pages = [Derived(Source(f.view, tables, None, AREAS), filters) for f in (from_file, made)]
        pd.testing.assert_frame_equal(pages[0].shown, pages[1].shown, check_exact=True)
        assert pages[0].timeline.to_json() == pages[1].timeline.to_json()
        assert pages[0].deck().to_json() == pages[1].deck().to_json()
        pd.testing.assert_frame_equal(pages[0].arcs, pages[1].arcs)
        assert pages[0].sources_line == pages[1].sources_line
    details = [
        EventDetail(tables, f.view["event_id"], (f.claim_rows, f.figure_rows))
        for f in (from_file, made)
    ]
    for event in from_file.view["event_id"].iloc[:: max(len(from_file.view) // 15, 1)]:
        (claims_a, figures_a), (claims_b, figures_b) = details[0](event), details[1](event)
        pd.testing.assert_frame_equal(claims_a, claims_b)
        pd.testing.assert_frame_equal(figures_a, figures_b)


def test_the_frame_from_the_file_is_the_one_a_whole_read_gives(store):
    whole = load_tables(store).tables
    tables, build_id = _lazy(store)
    pd.testing.assert_frame_equal(reader_frame(tables, build_id).view, event_frame(whole))


@pytest.fixture
def synthetic(tmp_path):
    return _store(tmp_path / "store", synthetic_tables(300, seed=9))


def test_a_file_of_another_build_or_code_is_not_read(synthetic, monkeypatch):
    tables, build_id = _lazy(synthetic)
    database = current_build(synthetic.store) / DATABASE
    assert read_frame_file(database, build_id) is not None
    assert read_frame_file(database, "20260101T000000000000Z-0123456789") is None
    # another build's file copied over this one's: not read, the frame is made from SQLite
    other = _store(synthetic.store.parent / "other", synthetic_tables(200, seed=1))
    shutil.copyfile(current_build(other.store) / FILE, database.parent / FILE)
    assert read_frame_file(database, build_id) is None
    frame = reader_frame(tables, build_id)
    assert len(frame.view) == len(make_frame(tables).view) != len(make_frame(_lazy(other)[0]).view)
    # made by other code (another digest of views.py and frame_file.py): not read either
    ensure_frame_file(database.parent, build_id)
    table = frame_table(make_frame(tables), build_id)
    meta = {k.decode(): v.decode() for k, v in table.schema.metadata.items()}
    assert json.loads(meta["columns"]) == list(frame.view.columns)
    assert meta["build_id"] == build_id and read_frame_file(database, build_id) is not None
    monkeypatch.setattr("dashboard.frame_file.code_digest", lambda: meta["code"][::-1])
    assert read_frame_file(database, build_id) is None


def test_a_damaged_or_missing_file_falls_back_to_the_database(synthetic, caplog):
    tables, build_id = _lazy(synthetic)
    path = current_build(synthetic.store) / FILE
    expected = make_frame(tables).view
    path.write_bytes(b"not arrow at all")
    assert read_frame_file(path.parent / DATABASE, build_id) is None
    assert "not read" in caplog.text
    pd.testing.assert_frame_equal(reader_frame(tables, build_id).view, expected)
    path.unlink()
    pd.testing.assert_frame_equal(reader_frame(tables, build_id).view, expected)
    assert not path.exists()  # the dashboard never writes into the store


def test_a_file_pyarrow_cannot_convert_falls_back_to_the_database(synthetic, monkeypatch, caplog):
    # an empty store's file once raised ArrowNotImplementedError in to_pandas (hC5, session 17):
    # any such failure of the cached file leaves the page to the database, with a log line
    tables, build_id = _lazy(synthetic)
    expected = make_frame(tables).view

    def cannot(table, meta):
        raise pa.ArrowNotImplementedError("Unsupported cast from null to dictionary")

    monkeypatch.setattr("dashboard.frame_file.frame_from_table", cannot)
    pd.testing.assert_frame_equal(reader_frame(tables, build_id).view, expected)
    assert "Unsupported cast" in caplog.text


def test_etl_reader_frame_writes_the_file_of_an_older_build(synthetic, capsys):
    tables, build_id = _lazy(synthetic)
    path = current_build(synthetic.store) / FILE
    path.unlink()
    assert etl_main(["reader-frame", "--store", str(synthetic.store)]) == 0
    assert str(path) in capsys.readouterr().out
    found = read_frame_file(path.parent / DATABASE, build_id)
    pd.testing.assert_frame_equal(found.view, make_frame(tables).view)
    stamp = os.stat(path).st_mtime_ns
    assert ensure_frame_file(path.parent, build_id) == path  # valid: left as it is
    assert os.stat(path).st_mtime_ns == stamp


def test_etl_reader_frame_without_a_build_says_so(tmp_path, capsys):
    assert etl_main(["reader-frame", "--store", str(tmp_path / "none")]) == 2
    assert "no build here" in capsys.readouterr().err
    assert not (tmp_path / "none").exists()  # nothing made


def test_categories_change_nothing_the_reader_is_sent(synthetic, monkeypatch):
    """The frame keeps some text columns as categories; the table and its CSV are as with
    text (and the table carries no categories: 1,000 rows would carry every one)."""
    from dashboard import views

    tables, _ = _lazy(synthetic)
    compact = make_frame(tables).view
    assert all(isinstance(compact[c].dtype, pd.CategoricalDtype) for c in views.CATEGORIES)
    monkeypatch.setattr(views, "COMPACT", False)
    text = make_frame(tables).view
    assert not any(isinstance(t, pd.CategoricalDtype) for t in text.dtypes)
    table = views.table_frame(compact)
    assert not any(isinstance(t, pd.CategoricalDtype) for t in table.dtypes)
    pd.testing.assert_frame_equal(table, views.table_frame(text))
    assert views.table_csv(compact)() == views.table_csv(text)()
