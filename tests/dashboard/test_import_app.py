"""Importing an ACLED export from the analyst page (AppTest, real files): a bad file is named
by file and line with nothing stored; a good one is published and reaches the readers."""

from __future__ import annotations

from etl.settings import ROOT
from etl.store import read_store
from tests.conftest import tree_digest
from tests.dashboard.analyst_helpers import analyst_page, as_read, button, sign, texts

ACLED = ROOT / "tests" / "etl" / "imports" / "acled_syria.csv"


def _upload(at, name: str, data: bytes):
    at.radio(key="import_dataset").set_value("acled")
    at.file_uploader(key="import_file_0").set_value([(name, data, "text/csv")]).run()
    button(at, "Import").click().run()
    assert not at.exception, at.exception
    return at


def test_a_bad_export_is_named_by_line_and_nothing_is_stored(store):
    at = sign(analyst_page())
    before = tree_digest(store)
    bad = ACLED.read_text("utf-8").replace("40.9501", "far east").encode()
    at = _upload(at, "acled_march.csv", bad)
    shown = as_read(texts(at))
    assert "Nothing was changed" in shown
    assert "**acled_march.csv**: longitude 'far east' is not a number (line 3)" in shown
    assert tree_digest(store) == before


def test_an_export_is_imported_and_published(store):
    at = _upload(sign(analyst_page()), "acled_march.csv", ACLED.read_bytes())
    shown = as_read(texts(at))
    assert "3 new and 0 updated ACLED (Armed Conflict Location & Event Data) event(s)" in shown
    assert "1 row(s) of ACLED type Protests / Peaceful protest" in shown
    events = read_store(store)[0]["events"]
    imported = events[events["origin"] == "acled"]
    assert sorted(imported["event_key"]) == ["acled:SYR90001", "acled:SYR90002", "acled:SYR90004"]
    assert (imported["reviewed_by"] == "Ana Analyst").all()
    assert at.file_uploader(key="import_file_1").value in (None, [])  # a fresh uploader
