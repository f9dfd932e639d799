"""The reader at scale in headless Chromium (issue 10): 3,000 synthetic events are drawn as
weekly counts per lane and grid cells on the map, the page says so, and the two charts' data
sent over the websocket stays far under 2 MB. Screenshot: artifacts/screenshots/reader_counts.png.
Filtering down to single events redraws both charts where they are: the map keeps its WebGL
context and the basemap it fetched once.
"""

from __future__ import annotations

import subprocess
import sys

import pytest

from etl.settings import ROOT
from tests.browser.serving import CHROMIUM, LAUNCH_ARGS, NEEDS_CHROMIUM, SHOTS, running_app

pytestmark = [pytest.mark.browser, NEEDS_CHROMIUM]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    store = tmp_path_factory.mktemp("big") / "store"
    command = [sys.executable, "-m", "etl.synthetic", "--events", "3000", "--store", str(store)]
    subprocess.run(command + ["--no-exports"], cwd=ROOT, check=True, capture_output=True)
    with running_app({"CONFLICT_STORE": str(store)}) as url:
        yield url


def test_many_events_are_drawn_as_counts_and_the_page_says_so(server):
    from playwright.sync_api import sync_playwright

    received: list[int] = []
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=LAUNCH_ARGS)
        page = browser.new_page(viewport={"width": 1280, "height": 1400})
        page.on("websocket", lambda ws: ws.on("framereceived", lambda p: received.append(len(p))))
        page.goto(server, wait_until="networkidle")
        page.wait_for_selector(".js-plotly-plot .main-svg", timeout=240_000)
        page.wait_for_selector('[data-testid="stDeckGlJsonChart"] canvas', timeout=240_000)
        page.wait_for_timeout(2500)  # let deck.gl draw its layers
        line = page.get_by_text("events shown as weekly counts on the timeline")
        assert line.count() == 1
        assert "filter or zoom to see single events" in line.inner_text()
        # a lane per area with stacked bars, and no event's own mark (dots or labels)
        assert page.locator(".js-plotly-plot .barlayer .point").count() > 50
        assert page.locator(".js-plotly-plot .scatterlayer .point").count() == 0
        assert page.get_by_text("Grey circles: the events of one grid cell").count() == 1
        SHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SHOTS / "reader_counts.png"), full_page=True)
        browser.close()
    # the whole first load (page, table, picker and both charts) is under 2 MB
    assert sum(received) < 2 * 2**20


#: Counts the WebGL contexts the page makes: a map mounted anew makes a new one.
CONTEXTS = """
window.__contexts = 0;
const getContext = HTMLCanvasElement.prototype.getContext;
HTMLCanvasElement.prototype.getContext = function (kind, ...rest) {
  if (String(kind).startsWith('webgl') && !this.__counted) {
    this.__counted = true;
    window.__contexts++;
  }
  return getContext.call(this, kind, ...rest);
};
"""


def test_filtering_down_to_single_events_keeps_the_map_mounted(server):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=LAUNCH_ARGS)
        page = browser.new_page(viewport={"width": 1280, "height": 720})
        page.add_init_script(CONTEXTS)
        basemaps: list[str] = []
        page.on("request", lambda r: basemaps.append(r.url) if "/app/static/" in r.url else None)
        page.goto(server, wait_until="networkidle")
        page.wait_for_selector('[data-testid="stDeckGlJsonChart"] canvas', timeout=240_000)
        assert page.get_by_text("events shown as weekly counts on the timeline").count() == 1
        assert page.evaluate("window.__contexts") == 1
        sidebar = page.locator('[data-testid="stSidebar"]')
        sidebar.get_by_role("button", name="Week", exact=True).click()
        # a week of 3,000 events over two years: single events, and the line about counts goes
        page.get_by_text("events shown as weekly counts").wait_for(
            state="detached", timeout=240_000
        )
        page.get_by_text("Markers of one place sit on a ring around it").wait_for(timeout=240_000)
        page.wait_for_timeout(1500)
        assert page.evaluate("window.__contexts") == 1  # the same map, redrawn
        # the basemap's images: each fetched once, not again on the rerun (a new view may
        # need other tiles of it)
        assert basemaps and len(set(basemaps)) == len(basemaps)
        browser.close()
