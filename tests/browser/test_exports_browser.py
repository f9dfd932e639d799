"""In headless Chromium at 1280x720: the methodology page from the navigation (screenshot
artifacts/screenshots/methodology.png), and the three downloads of the readers' page, each
saved and validated (provenance columns, GeoJSON schema, ACLED columns, one row per event);
at 1280x720 and 1920x1080, the page's four downloads in one row."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import jsonschema
import pytest

from etl.formats.acled import ACLED_COLUMNS
from etl.formats.provenance import PROVENANCE_COLUMNS
from tests.browser.serving import CHROMIUM, LAUNCH_ARGS, NEEDS_CHROMIUM, SHOTS, running_app

pytestmark = [pytest.mark.browser, NEEDS_CHROMIUM]
SCHEMA = Path(__file__).parent.parent / "etl" / "geojson_schema" / "FeatureCollection.json"


@pytest.fixture(scope="module")
def page(tmp_path_factory):
    from playwright.sync_api import sync_playwright

    env = {"CONFLICT_STORE": str(tmp_path_factory.mktemp("s") / "absent")}
    with running_app(env) as url, sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=LAUNCH_ARGS)
        context = browser.new_context(
            viewport={"width": 1280, "height": 720}, accept_downloads=True
        )
        tab = context.new_page()
        tab.goto(url, wait_until="networkidle")
        tab.wait_for_selector(".js-plotly-plot .main-svg", timeout=60_000)
        yield tab
        browser.close()


def _download(page, label: str, folder: Path) -> bytes:
    button = page.get_by_role("button", name=label)
    button.scroll_into_view_if_needed()
    with page.expect_download(timeout=60_000) as caught:
        button.click()
    path = folder / caught.value.suggested_filename
    caught.value.save_as(path)
    return path.read_bytes()


def test_each_download_is_the_view_in_its_format(page, tmp_path):
    shown = int(re.search(r"(\d+) of \d+ events? shown", page.inner_text("body"))[1])
    sources = _download(page, "Events with their sources (CSV)", tmp_path)
    rows = list(csv.DictReader(io.StringIO(sources.decode("utf-8-sig"))))
    assert tuple(rows[0].keys()) == PROVENANCE_COLUMNS
    assert len({r["event_id"] for r in rows}) == shown and all(r["quote"] for r in rows)
    layer = json.loads(_download(page, "Map layer (GeoJSON)", tmp_path))
    jsonschema.Draft7Validator(json.loads(SCHEMA.read_text("utf-8"))).validate(layer)
    assert len(layer["features"]) == shown
    acled = _download(page, "ACLED format (CSV)", tmp_path)
    table = list(csv.reader(io.StringIO(acled.decode("utf-8"))))
    assert tuple(table[0]) == ACLED_COLUMNS and len(table) - 1 == shown
    assert sorted(p.suffix for p in tmp_path.iterdir()) == [".csv", ".csv", ".geojson"]


DOWNLOADS = ["Download these events (CSV)", "Events with their sources (CSV)",
             "Map layer (GeoJSON)", "ACLED format (CSV)"]  # fmt: skip


def test_the_downloads_read_as_one_row(page):
    """At 1280x720 and 1920x1080 the four downloads sit on one line, in order, a small gap
    between each and the next: the table's CSV had a line of its own above the other three,
    which sat in three equal columns (at 1920, 287 px between one and the next).
    Screenshots: artifacts/screenshots/downloads_{1280,1920}.png."""
    try:
        for width, height in ((1280, 720), (1920, 1080)):
            page.set_viewport_size({"width": width, "height": height})
            first = page.get_by_role("button", name=DOWNLOADS[0])
            first.scroll_into_view_if_needed()
            page.wait_for_timeout(800)
            boxes = [page.get_by_role("button", name=n).bounding_box() for n in DOWNLOADS]
            page.screenshot(path=str(SHOTS / f"downloads_{width}.png"))
            assert len({round(b["y"]) for b in boxes}) == 1, (width, boxes)
            gaps = [b["x"] - (a["x"] + a["width"]) for a, b in zip(boxes, boxes[1:])]
            assert all(0 < g <= 24 for g in gaps), (width, gaps)
    finally:
        page.set_viewport_size({"width": 1280, "height": 720})


def test_methodology_page_from_the_navigation(page):
    page.get_by_role("link", name="Methodology").first.click()
    page.wait_for_selector("text=Data dictionary", timeout=60_000)
    page.wait_for_selector('[data-testid="stTable"]', timeout=60_000)
    assert page.url.endswith("/methodology")
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / "methodology.png"))
    page.get_by_text("What the precision codes mean").scroll_into_view_if_needed()
    page.screenshot(path=str(SHOTS / "methodology_codes.png"))
    page.get_by_text("Data dictionary", exact=True).scroll_into_view_if_needed()
    page.wait_for_timeout(1000)
    page.screenshot(path=str(SHOTS / "methodology_dictionary.png"))
    page.get_by_text("independent_sources", exact=True).first.scroll_into_view_if_needed()
    page.screenshot(path=str(SHOTS / "methodology_events.png"))
    body = page.inner_text("body")
    assert "How independent sources are counted" in body and "GeoNames" in body
