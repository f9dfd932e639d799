"""The methodology page renders (AppTest) with the dictionary as tables, and the readers' page
offers the three downloads of the filtered view."""

from __future__ import annotations

import re

import pytest
from streamlit.testing.v1 import AppTest

from dashboard.text import WORD_JOINER, markdown_text
from etl.dictionary import load_dictionary
from etl.settings import ROOT
from tests.dashboard.analyst_helpers import ask_for_map

APP = str(ROOT / "dashboard" / "app.py")


def _as_read(markdown: str) -> str:
    """What a reader sees of escaped Markdown: escapes undone, invisible joiners dropped."""
    return re.sub(r"\\(.)", r"\1", markdown).replace(WORD_JOINER, "")


@pytest.fixture
def absent_store(tmp_path, monkeypatch):
    monkeypatch.setenv("CONFLICT_STORE", str(tmp_path / "absent.sqlite"))  # embedded default data


def test_methodology_page_renders_prose_dictionary_and_licences(absent_store):
    at = AppTest.from_file(APP, default_timeout=60)
    at.switch_page("app_pages/methodology.py")
    at.run()
    assert not at.exception, at.exception
    assert at.title[0].value == "Methodology"
    text = "\n".join(md.value for md in at.markdown)
    for heading in (
        "## How mentions are merged into events",
        "## How events are reviewed",
        "## What the precision codes mean",
        "## How independent sources are counted",
        "## Licences of the data shipped",
    ):
        assert heading in text
    assert "GeoNames" in text and "CC BY 4.0" in text and "Natural Earth" in text
    dictionary = load_dictionary()
    frames = at.table
    assert len(frames) == len(dictionary.tables)
    events = next(
        f.value for f in frames if markdown_text("independent_sources") in set(f.value["column"])
    )
    assert list(events.columns) == ["column", "type", "meaning"]
    meaning = events.set_index("column").at[markdown_text("independent_sources"), "meaning"]
    assert _as_read(meaning).startswith(
        "How many independent sources report it: articles are counted by wire"
    )


def test_reader_page_offers_the_three_downloads(absent_store):
    at = AppTest.from_file(APP, default_timeout=60)
    at.run()
    ask_for_map(at)  # the downloads come with the map, after the first screenful
    assert not at.exception, at.exception
    labels = [b.proto.label for b in at.get("download_button")]
    for label in (
        "Events with their sources (CSV)",
        "Map layer (GeoJSON)",
        "ACLED format (CSV)",
    ):
        assert label in labels


def test_an_imported_event_reaches_the_readers_page_with_its_own_source(tmp_path, monkeypatch):
    from dataclasses import replace

    from etl import ids
    from etl.importing import import_events
    from etl.settings import Paths

    store = tmp_path / "store"
    monkeypatch.setenv("CONFLICT_STORE", str(store))
    fixture = ROOT / "tests" / "etl" / "imports" / "ucdp_ged_syria.csv"
    import_events(replace(Paths.from_env(), store=store), fixture, "ucdp", "ana")
    at = AppTest.from_file(APP, default_timeout=60)
    at.run()
    ask_for_map(at)  # the detail (and its chooser) is drawn once the browser asks for it
    at.selectbox(key="event_choice").set_value(ids.event_id("ucdp", "900001")).run()
    assert not at.exception, at.exception
    text = _as_read("\n".join(md.value for md in at.markdown))
    for said in (  # the place, the dataset as outlet, the row's own source, its figures
        "Hajin town",
        "UCDP Georeferenced Event Dataset",
        "Syrian Observatory for Human Rights",
        "best 12 (low 10, high 15)",
    ):
        assert said in text, said
    captions = _as_read("\n".join(c.value for c in at.caption))
    assert "UCDP record 900001 (ucdp_ged_syria.csv, line 2)" in captions
