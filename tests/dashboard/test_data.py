"""What the page says when the data cannot be loaded (dashboard/data.py, pure)."""

from __future__ import annotations

from pathlib import Path

import pytest

from dashboard.data import LOAD_ERRORS, load_error_message
from etl.problems import InputError, Problem
from etl.settings import ROOT, Paths
from etl.store import StoreError

LOG_NOTE = " The details are in the dashboard's server log."


@pytest.mark.parametrize(
    ("error", "store", "message"),
    [
        (
            StoreError("/srv/x/data/store/builds/b1/conflict.sqlite: not a readable store"),
            ROOT / "data" / "store",
            "The event store **data\\/store** could not be read: it is damaged, incomplete or "
            "from another version. Rebuild it with `python -m etl build`, then reload this page.",
        ),
        (  # outside the project only the name is shown, not the server's folders
            StoreError("boom"),
            Path("/srv/secret/place/my_store"),
            "The event store **…\\/my\\_store** could not be read: it is damaged, incomplete or "
            "from another version. Rebuild it with `python -m etl build`, then reload this page.",
        ),
        (
            PermissionError(13, "Permission denied", str(ROOT / "seeds" / "manifest.csv")),
            ROOT / "data" / "store",
            "The file **seeds\\/manifest\\.csv** could not be read (Permission denied). Check "
            "that it exists and can be read by the dashboard (if it is the store, rebuild it "
            "with `python -m etl build`), then reload this page.",
        ),
        (
            InputError(
                [
                    Problem("data/curated/claims.csv", 14, "quote not at 120-180"),
                    Problem("data/curated/claims.csv", 20, "unknown event"),
                    Problem("data/curated/events.csv", 3, "bad date"),
                ]
            ),
            ROOT / "data" / "store",
            "The default data could not be built: 3 problem(s) in "
            "**data\\/curated\\/claims\\.csv, data\\/curated\\/events\\.csv**. Run "
            "`python -m etl check` to list them, fix those rows, then reload this page.",
        ),
    ],
)
def test_load_error_names_the_file_and_what_to_do(error, store, message):
    assert isinstance(error, LOAD_ERRORS)
    assert load_error_message(error, Paths(store=store)) == message + LOG_NOTE


@pytest.mark.parametrize("content", ["{not json", "[1, 2]", "[" * 100_000, ""])
def test_a_damaged_basemap_is_left_out_not_a_crash(tmp_path, content):
    from dashboard.data import load_basemap

    path = tmp_path / "basemap.geojson"
    path.write_text(content, encoding="utf-8")
    assert load_basemap(path) is None


def test_a_database_that_cannot_be_read_is_named_without_its_address(monkeypatch):
    monkeypatch.setenv("CONFLICT_DATABASE_URL", "postgresql://reader:s3cret@db.internal/conflict")
    message = load_error_message(StoreError("db.internal: could not connect"), Paths())
    assert message.startswith("The event database could not be read: the server is unreachable")
    assert "s3cret" not in message and "db.internal" not in message


@pytest.mark.parametrize(
    ("meta", "names"),
    [
        ({"batch_names": '{"b1": "january", "b2": "feb"}'}, {"b1": "january", "b2": "feb"}),
        ({}, {}),  # a build made before builds recorded names
        ({"batch_names": "{not json"}, {}),
        ({"batch_names": "[1, 2]"}, {}),
        ({"batch_names": '{"b1": 5, "b2": "x"}'}, {"b2": "x"}),
    ],
)
def test_batch_names_recorded_in_a_build_are_read_or_left_out(meta, names):
    from dashboard.data import recorded_batch_names

    assert recorded_batch_names(meta) == names
