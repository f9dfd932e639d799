"""The one setting that chooses where builds' tables go, and URLs shown without passwords."""

from __future__ import annotations

import os

import pandas as pd
import pytest

from etl.backend import DATABASE_URL, database_url, shown_url
from etl.build import run_build
from etl.problems import StoreError
from etl.settings import Paths
from etl.store import read_store


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("", None),
        ("   ", None),
        ("postgresql://app@db:5432/conflict", "postgresql://app@db:5432/conflict"),
        (" postgres:///conflict ", "postgres:///conflict"),
    ],
)
def test_the_setting_chooses_the_backend(value, expected):
    assert database_url({DATABASE_URL: value}) == expected
    assert database_url({}) is None


@pytest.mark.parametrize("value", ["sqlite:///x.db", "data/store", "mysql://u:pw@h/db"])
def test_a_setting_that_is_not_postgresql_is_named_without_its_password(value):
    with pytest.raises(StoreError, match=f"^{DATABASE_URL}: .* is not a PostgreSQL URL") as caught:
        database_url({DATABASE_URL: value})
    assert "pw" not in str(caught.value)


@pytest.mark.parametrize(
    ("url", "shown"),
    [
        ("postgresql://app:s3cr%40t@db:5432/c", "postgresql://app:***@db:5432/c"),
        ("postgresql://db/c?password=s3cret&sslmode=require",
         "postgresql://db/c?password=***&sslmode=require"),
        ("postgresql://app@db/c", "postgresql://app@db/c"),
        ("postgresql:///c", "postgresql:///c"),
    ],
)  # fmt: skip
def test_urls_are_shown_without_passwords(url, shown):
    assert shown_url(url) == shown


def test_a_whole_build_of_the_default_data_gives_equal_tables_on_either_backend(
    tmp_path, monkeypatch, backend
):
    """`etl build` on seeds/ and data/curated/ into SQLite, then into this test's backend:
    every table read back is frame-equal (values and dtypes), and the content digest agrees."""
    url = os.environ.pop(DATABASE_URL, None)  # the reference: SQLite files
    reference = run_build(Paths(store=tmp_path / "sqlite"), exports=False)
    expected, expected_meta = read_store(tmp_path / "sqlite")
    if url:
        monkeypatch.setenv(DATABASE_URL, url)
    summary = run_build(Paths(store=tmp_path / "store"), exports=False)
    back, meta = read_store(tmp_path / "store")
    assert summary.counts == reference.counts
    assert meta["content_sha256"] == expected_meta["content_sha256"]
    assert meta["build_id"] == summary.build_id
    for name, frame in expected.items():
        pd.testing.assert_frame_equal(back[name], frame, check_exact=True)
    if url:  # the summary names the database (no password) and the build's schema
        assert summary.store == f"{shown_url(url)} (schema build_{summary.build_id})"
    else:
        assert summary.store.endswith("current/conflict.sqlite")


def test_an_unreachable_database_is_a_clear_error_and_nothing_is_published(mini, monkeypatch):
    pytest.importorskip("psycopg", reason="psycopg is not installed (.[postgresql])")
    from etl.build import build_tables
    from etl.store import current_build, write_store

    tables = build_tables(mini)
    monkeypatch.setenv(
        DATABASE_URL, "postgresql://app:s3cret@127.0.0.1:1/conflict?connect_timeout=3"
    )
    for attempt in (
        lambda: write_store(mini.store, tables),
        lambda: read_store(mini.store),
        lambda: current_build(mini.store),
    ):
        with pytest.raises(StoreError, match=r"app:\*\*\*@127\.0\.0\.1:1/conflict.*could not") as e:
            attempt()
        assert "s3cret" not in str(e.value)
    assert not (mini.store / "builds").exists()
