"""The briefing view and the reader's map legend, run headless by Streamlit's AppTest."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from etl.settings import ROOT
from tests.dashboard.analyst_helpers import ask_for_map

APP = str(ROOT / "dashboard" / "app.py")


@pytest.fixture
def store(tmp_path, monkeypatch):
    monkeypatch.setenv("CONFLICT_STORE", str(tmp_path / "absent"))  # embedded default data


def _run(query: dict[str, str]) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=90)
    for key, value in query.items():
        at.query_params[key] = value
    at.run()
    assert not at.exception, at.exception
    return at


def test_briefing_url_opens_the_slide_alone_with_its_controls(store):
    at = _run({"briefing": "slide", "title": "Brief <b>x</b>", "types": "evacuation"})
    assert not at.sidebar.children  # no filters, no navigation in the sidebar
    assert at.text_input(key="b_title").value == "Brief <b>x</b>"
    assert at.segmented_control(key="b_show").value == "both"
    assert at.segmented_control(key="b_size").value == "slide"
    assert at.get("image"), "the slide is not drawn"
    labels = [b.proto.label for b in at.get("download_button")]
    assert labels == ["PNG 1920×1080", "PNG 3840×2160 (print)", "SVG", "PDF"]
    links = " ".join(md.value for md in at.markdown)
    assert "./?types=evacuation" in links  # back to the reader with the same filters


def test_briefing_choices_go_into_the_url(store):
    at = _run({"briefing": "slide"})
    at.segmented_control(key="b_show").set_value("map").run()
    at.segmented_control(key="b_size").set_value("a4").run()
    at.text_input(key="b_title").set_value("Al-Hol").run()
    assert not at.exception, at.exception
    assert {k: at.query_params[k] for k in ("briefing", "show", "title")} == {
        "briefing": ["a4"] if isinstance(at.query_params["briefing"], list) else "a4",
        "show": ["map"] if isinstance(at.query_params["show"], list) else "map",
        "title": ["Al-Hol"] if isinstance(at.query_params["title"], list) else "Al-Hol",
    }
    labels = [b.proto.label for b in at.get("download_button")]
    assert labels[0] == "PNG 1240×1754"  # A4 at 150 dpi


def test_reader_legend_explains_every_mark_and_links_to_the_briefing(store):
    at = ask_for_map(_run({"pending": "1"}))  # the legend and the link come with the map
    assert not at.exception, at.exception
    html = " ".join(md.value for md in at.markdown)
    assert "Grey halo: how precisely the place is known" in html
    assert "Hollow: extracted, awaiting review" in html
    assert "Number on a marker" in html
    assert "briefing=slide" in html and "pending=1" in html


def test_the_slide_of_one_area_is_titled_by_it_s34(store):
    """`?areas=Idlib&briefing=slide` was titled 'Baghouz, Al-Hol and Idlib' in its box and
    on the slide; the link kept that title wherever it was opened."""
    at = _run({"briefing": "slide", "areas": "Idlib"})
    assert at.text_input(key="b_title").value == "Idlib"
    assert "title" not in at.query_params  # a copied link names what it shows
    at.text_input(key="b_title").set_value("Strikes on Idlib").run()
    assert at.query_params["title"] in ("Strikes on Idlib", ["Strikes on Idlib"])
