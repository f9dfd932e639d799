"""A server's code as loaded against the files on disk (dashboard/code_version.py)."""

from __future__ import annotations

import datetime as dt

from dashboard import code_version as cv


def test_the_digest_follows_the_files_it_covers(tmp_path):
    (tmp_path / "etl").mkdir()
    (tmp_path / "etl" / "a.py").write_text("x = 1\n")
    (tmp_path / "data" / "rules").mkdir(parents=True)
    (tmp_path / "data" / "rules" / "r.csv").write_text("a,b\n")
    (tmp_path / "etl" / "__pycache__").mkdir()
    (tmp_path / "etl" / "__pycache__" / "a.cpython-311.pyc").write_bytes(b"\0")
    loaded = cv.code_digest(tmp_path)
    assert [p.name for p in cv.code_files(tmp_path)] == ["r.csv", "a.py"]
    assert not cv.changed_since_loaded(loaded, tmp_path)
    (tmp_path / "etl" / "__pycache__" / "a.cpython-311.pyc").write_bytes(b"\1")  # not code
    (tmp_path / "notes.md").write_text("outside the code")
    assert not cv.changed_since_loaded(loaded, tmp_path)
    (tmp_path / "data" / "rules" / "r.csv").write_text("a,b,c\n")  # a rule table changed
    assert cv.changed_since_loaded(loaded, tmp_path)
    (tmp_path / "data" / "rules" / "r.csv").write_text("a,b\n")
    assert not cv.changed_since_loaded(loaded, tmp_path)
    (tmp_path / "etl" / "b.py").write_text("")  # a new module
    assert cv.changed_since_loaded(loaded, tmp_path)


def test_this_process_loaded_the_code_on_disk():
    assert cv.code_digest() == cv.LOADED
    assert not cv.changed_since_loaded()
    assert any(p.name == "code_version.py" for p in cv.code_files())


def test_the_message_says_to_restart():
    at = dt.datetime(2026, 12, 2, 14, 5, tzinfo=dt.UTC)
    refused, ahead = cv.restart_message(True, at), cv.restart_message(False, at)
    assert refused.startswith("**Nothing was changed") and "do it again" in refused
    assert ahead.startswith("**This server is running older code: restart it")
    for text in (refused, ahead):
        assert "(2026-12-02 14:05 UTC)" in text and "Restart the dashboard" in text
