"""The store: builds published whole, the previous one kept, leftovers removed, one writer.

Tests that take `backend` run on SQLite files and, when CONFLICT_TEST_DATABASE_URL is set, on
PostgreSQL (tests/backends.py): the same code, the same assertions."""

from __future__ import annotations

import os
import stat
import threading
import time
from urllib.parse import urlsplit, urlunsplit

import pandas as pd
import pytest

from etl import database
from etl.build import build_tables
from etl.exports import read_manifest
from etl.lock import exclusive
from etl.store import (
    StoreError,
    content_hash,
    current_build,
    read_store,
    remove_leftovers,
    write_store,
)
from tests.conftest import tree_digest


@pytest.fixture
def tables(mini):
    return build_tables(mini)


def test_round_trip_keeps_every_table(mini, tables, backend):
    build = write_store(mini.store, tables)
    back, meta = read_store(mini.store)
    assert meta["schema_version"] == database.SCHEMA_VERSION
    assert meta["build_id"] == build.name == read_manifest(build / "exports")["build_id"]
    assert meta["content_sha256"] == content_hash(tables)
    for name, frame in tables.items():
        assert list(back[name].columns) == list(frame.columns)
        assert len(back[name]) == len(frame)
    assert back["claims"]["quote"].tolist() == tables["claims"]["quote"].tolist()
    assert os.readlink(mini.store / "current") == f"builds/{build.name}"


def test_a_skipped_table_comes_back_empty_with_its_columns(mini, tables, backend):
    write_store(mini.store, tables, exports=False)
    back, _ = read_store(mini.store, skip=frozenset({"article_texts"}))
    assert len(tables["article_texts"]) > 0
    assert back["article_texts"].empty
    assert list(back["article_texts"].columns) == list(tables["article_texts"].columns)
    assert back["claims"]["quote"].tolist() == tables["claims"]["quote"].tolist()


def test_same_tables_same_content_hash_new_build_id(mini, tables, backend):
    first = write_store(mini.store, tables)
    second = write_store(mini.store, tables)
    assert first.name != second.name
    assert first.name.split("-")[1] == second.name.split("-")[1]  # same content digest
    assert current_build(mini.store) == second


def test_failed_write_leaves_old_build_current_and_no_staging(mini, tables, backend):
    write_store(mini.store, tables)
    before, database_before = tree_digest(mini.store), backend.state()
    back_before = read_store(mini.store)
    broken = dict(tables)
    broken["figures"] = tables["figures"].assign(claim_id="cl_missing")  # foreign key fails
    with pytest.raises(StoreError, match=backend.foreign_key_error):
        write_store(mini.store, broken)
    assert tree_digest(mini.store) == before
    assert backend.state() == database_before
    back, meta = read_store(mini.store)
    assert meta == back_before[1]
    pd.testing.assert_frame_equal(back["figures"], back_before[0]["figures"])


def test_primary_keys_are_enforced(mini, tables, backend):
    doubled = dict(tables)
    doubled["events"] = pd.concat([tables["events"], tables["events"]])
    with pytest.raises(StoreError, match=backend.primary_key_error):
        write_store(mini.store, doubled)
    assert current_build(mini.store) is None
    assert not list((mini.store / "builds").iterdir())
    assert backend.state().get("schemas", []) == []


def test_only_the_current_and_previous_builds_are_kept(mini, tables, backend):
    builds = [write_store(mini.store, tables) for _ in range(4)]
    kept = sorted(p.name for p in (mini.store / "builds").iterdir())
    assert kept == [builds[2].name, builds[3].name]
    if backend.url:
        assert backend.state() == {
            "schemas": [f"build_{b.name}" for b in builds[2:]],
            "pointer": [("current", builds[3].name), ("previous", builds[2].name)],
        }


def test_leftovers_of_a_crashed_writer_are_removed_by_the_next(mini, tables, backend):
    write_store(mini.store, tables)
    junk = [
        mini.store / "builds" / ".staging-20990101T000000000000Z-abc.1.ff",
        mini.store / ".staging-current.1.ff",
        mini.store / "conflict.sqlite",  # the single-file layout of earlier versions
        mini.store / "conflict.sqlite.x1y2.tmp",
        mini.store / "conflict.sqlite.x1y2.tmp-journal",
    ]
    junk[0].mkdir()
    (junk[0] / "conflict.sqlite").write_bytes(b"half a database")
    for path in junk[1:]:
        path.write_bytes(b"left behind")
    unpublished = mini.store / "builds" / "20990101T000000000000Z-0123456789"
    unpublished.mkdir()  # complete but never published (killed before the pointer moved)
    if backend.url:  # and its tables, committed in the database but never pointed at
        from etl import pg_store

        pg_store.stage(backend.url, unpublished.name, tables, {})
        assert f"build_{unpublished.name}" in backend.state()["schemas"]
    build = write_store(mini.store, tables)
    assert not [p for p in junk if p.exists()]
    assert not unpublished.exists()
    assert current_build(mini.store) == build
    assert backend.state().get("schemas", [f"build_{build.name}"])[-1] == f"build_{build.name}"


def test_files_follow_the_umask(mini, tables, backend):
    old = os.umask(0o022)
    try:
        build = write_store(mini.store, tables)
    finally:
        os.umask(old)
    modes = {
        p.relative_to(mini.store).as_posix(): stat.S_IMODE(p.stat().st_mode)
        for p in [
            build,
            *([] if backend.url else [build / "conflict.sqlite"]),
            build / "exports",
            *(build / "exports").iterdir(),
        ]
    }
    assert set(modes.values()) <= {0o644, 0o755}, modes
    assert modes[f"builds/{build.name}"] == 0o755
    assert modes[f"builds/{build.name}/exports/events.csv"] == 0o644


def test_a_second_writer_waits_for_the_first(mini, tables, backend):
    held, release = threading.Event(), threading.Event()

    def first_writer():
        with exclusive(mini.store / ".lock"):
            held.set()
            release.wait(5)

    thread = threading.Thread(target=first_writer)
    thread.start()
    held.wait(5)
    told: list[str] = []
    threading.Timer(0.5, release.set).start()
    started = time.monotonic()
    build = write_store(mini.store, tables, wait_seconds=10, on_wait=told.append)
    thread.join()
    assert time.monotonic() - started >= 0.4
    assert told and told[0].startswith(f"waiting for another process (pid {os.getpid()})")
    assert current_build(mini.store) == build


def test_a_second_writer_gives_up_clearly(mini, tables, backend):
    with exclusive(mini.store / ".lock"), pytest.raises(StoreError) as caught:
        write_store(mini.store, tables, wait_seconds=0.2)
    assert f"another process (pid {os.getpid()}) is writing here; waited 0.2 s" in str(caught.value)
    assert current_build(mini.store) is None


def test_a_file_where_the_store_folder_should_be_is_named(tmp_path, tables):
    path = tmp_path / "conflict.sqlite"
    path.write_bytes(b"x")
    with pytest.raises(StoreError, match="is a file; the store is now a folder of builds"):
        write_store(path, tables)
    assert path.read_bytes() == b"x"


def test_remove_leftovers_on_a_missing_store_is_harmless(tmp_path, backend):
    assert remove_leftovers(tmp_path / "nowhere") == []


def test_reading_garbage_is_a_clear_error(tmp_path):
    path = tmp_path / "x.sqlite"
    path.write_bytes(b"not a database at all" * 100)
    with pytest.raises(StoreError, match="not a readable store"):
        read_store(path)
    with pytest.raises(StoreError, match="run `python -m etl build`"):
        read_store(tmp_path / "absent")


def test_an_empty_store_says_build_first(tmp_path, backend):
    with pytest.raises(StoreError, match="no build here; run `python -m etl build` first"):
        read_store(tmp_path / "store")
    assert current_build(tmp_path / "store") is None


def test_a_truncated_database_is_a_clear_error(mini, tables):
    build = write_store(mini.store, tables)
    db = build / "conflict.sqlite"
    db.write_bytes(db.read_bytes()[: db.stat().st_size // 3])
    with pytest.raises(StoreError, match="not a readable store"):
        read_store(mini.store)


def test_a_damaged_build_in_the_database_is_a_clear_error(mini, tables, backend):
    if not backend.url:
        pytest.skip("PostgreSQL only (the truncated SQLite file is the test above)")
    import psycopg

    build = write_store(mini.store, tables, exports=False)
    with psycopg.connect(backend.url, autocommit=True) as conn:
        conn.execute(f'DROP TABLE "build_{build.name}".flows')
    with pytest.raises(StoreError, match="not a readable store"):
        read_store(mini.store)


def test_readers_see_one_whole_build_while_builds_are_published(mini, tables, backend):
    """Every read, however it falls between publishes, is one build: its meta and its rows
    agree (the claims of variant b carry a marked quote)."""
    marked = dict(tables)
    marked["claims"] = tables["claims"].assign(quote="b: " + tables["claims"]["quote"])
    variants = {"a": tables, "b": marked}
    write_store(mini.store, tables, {"variant": "a"}, exports=False)
    stop, seen, failures = threading.Event(), [], []

    def reader():
        while not stop.is_set():
            try:
                back, meta = read_store(mini.store)
            except StoreError as exc:  # a reader may not fail while builds are published
                failures.append(exc)
                return
            is_b = back["claims"]["quote"].str.startswith("b: ")
            seen.append(meta["variant"])
            if not (is_b.all() if meta["variant"] == "b" else not is_b.any()):
                failures.append(meta)

    threads = [threading.Thread(target=reader) for _ in range(2)]
    for thread in threads:
        thread.start()
    try:
        for i in range(6):
            variant = "ab"[i % 2 == 0]
            write_store(mini.store, variants[variant], {"variant": variant}, exports=False)
    finally:
        stop.set()
        for thread in threads:
            thread.join(30)
    assert not failures
    assert len(seen) >= 2
    assert read_store(mini.store)[1]["variant"] == "a"


def test_writers_with_separate_store_folders_take_turns_in_one_database(tmp_path, tables, backend):
    """Two machines, each with its own store folder, publishing to one database: the
    database's advisory lock makes the second wait, then it gives up clearly."""
    if not backend.url:
        pytest.skip("PostgreSQL only: SQLite builds live in one folder, locked by a file")
    from etl import pg_store

    held, release = threading.Event(), threading.Event()

    def other_machine():
        with pg_store.locked(backend.url):
            held.set()
            release.wait(10)

    thread = threading.Thread(target=other_machine)
    thread.start()
    held.wait(10)
    try:
        with pytest.raises(StoreError, match=r"another writer \(server pid \d+.*waited 0.2 s"):
            write_store(tmp_path / "here", tables, wait_seconds=0.2)
        told: list[str] = []
        threading.Timer(0.5, release.set).start()
        started = time.monotonic()
        build = write_store(tmp_path / "here", tables, wait_seconds=10, on_wait=told.append)
    finally:
        release.set()
        thread.join()
    assert time.monotonic() - started >= 0.4
    assert told and told[0].startswith("waiting for another writer (server pid")
    assert current_build(tmp_path / "elsewhere") == tmp_path / "elsewhere" / "builds" / build.name


def test_the_pointer_check_survives_a_dropped_connection_and_names_a_refused_one(
    mini, tables, backend, monkeypatch
):
    """The dashboard checks the pointer on every rerun over one kept connection: when the
    server drops it, the next check reconnects; a refused login is a StoreError without the
    password."""
    if not backend.url:
        pytest.skip("PostgreSQL only")
    import psycopg

    build = write_store(mini.store, tables, exports=False)
    assert current_build(mini.store).name == build.name
    with psycopg.connect(backend.url, autocommit=True) as conn:
        ended = conn.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = "
            "current_database() AND pid <> pg_backend_pid()"
        ).fetchall()
    assert ended  # the kept connection was one of them
    assert current_build(mini.store).name == build.name
    parts = urlsplit(backend.url)
    netloc = f"{parts.username}:not-the-s3cret@{parts.hostname}:{parts.port or 5432}"
    wrong = urlunsplit(parts._replace(netloc=netloc, path="/no_such_database"))
    monkeypatch.setenv("CONFLICT_DATABASE_URL", wrong)
    with pytest.raises(StoreError, match="could not connect") as caught:
        current_build(mini.store)
    assert "s3cret" not in str(caught.value)
