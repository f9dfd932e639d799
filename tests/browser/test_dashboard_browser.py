"""Start the app, load it in headless Chromium, check the timeline and map really drew.

Also checks that no request left the machine: every request the page makes must go to the
app's own loopback address (or be data:/blob:). Screenshots go to artifacts/screenshots/.
"""

from __future__ import annotations

import io
from urllib.parse import urlparse

import pytest

from tests.browser.serving import CHROMIUM, LAUNCH_ARGS, NEEDS_CHROMIUM, SHOTS

pytestmark = [pytest.mark.browser, NEEDS_CHROMIUM]


@pytest.fixture(scope="module")
def page_and_requests(server):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=LAUNCH_ARGS)
        context = browser.new_context(viewport={"width": 1500, "height": 1800})
        requests: list[str] = []
        context.on("request", lambda r: requests.append(r.url))
        page = context.new_page()
        page.goto(server, wait_until="networkidle")
        page.wait_for_selector(".js-plotly-plot .main-svg", timeout=60_000)
        page.wait_for_selector('[data-testid="stDeckGlJsonChart"] canvas', timeout=60_000)
        page.wait_for_timeout(3000)  # let deck.gl draw its layers
        yield page, requests, server
        browser.close()


def _colours(png: bytes) -> set[tuple[int, int, int]]:
    from PIL import Image

    image = Image.open(io.BytesIO(png)).convert("RGB")
    return (
        set(image.get_flattened_data())
        if hasattr(image, "get_flattened_data")
        else set(image.getdata())
    )


def _near(colours: set[tuple[int, int, int]], target: str, tol: int = 12) -> bool:
    r, g, b = (int(target[i : i + 2], 16) for i in (1, 3, 5))
    return any(
        abs(c[0] - r) <= tol and abs(c[1] - g) <= tol and abs(c[2] - b) <= tol for c in colours
    )


def test_timeline_drew_every_lane_and_points(page_and_requests, project_tables):
    page, _, _ = page_and_requests
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / "dashboard.png"), full_page=True)
    chart = page.locator(".js-plotly-plot").first
    chart.screenshot(path=str(SHOTS / "timeline.png"))
    ticks = [t.strip() for t in page.locator(".js-plotly-plot .ytick text").all_text_contents()]
    assert {"Baghouz", "Al-Hol", "Idlib"} <= set(ticks)
    drawn = page.locator(".js-plotly-plot .point").count()  # markers and bars alike
    events = project_tables["events"]
    shown = ~events["background"].astype(bool) & (events["review_status"] != "pending")
    assert drawn == int(shown.sum())


TOP_DATES = """() => { const gd = document.querySelector('[data-testid="stPlotlyChart"] .js-plotly-plot');
  const texts = (sel) => [...gd.querySelectorAll(sel)].map((t) => t.textContent.trim());
  const box = (sel) => [...gd.querySelectorAll(sel)].map((t) => t.getBoundingClientRect());
  const plot = gd.querySelector('.nsewdrag').getBoundingClientRect();
  const title = gd.querySelector('.gtitle').getBoundingClientRect();
  return {top: texts('.x2tick text'), bottom: texts('.xtick text'), set: gd.layout.margin.t,
    drawn: gd._fullLayout._size.t, labels: box('.x2tick text').map((r) => [r.top, r.bottom]),
    plot: plot.top, title: title.bottom}; }"""


def test_the_tall_timeline_has_its_dates_over_it_too(page_and_requests):
    """Session 32 (hD22): the default data's 780 px of lanes had their dates only under them."""
    page, _, _ = page_and_requests
    seen = page.evaluate(TOP_DATES)
    assert seen["top"] and seen["top"] == seen["bottom"]  # the same ticks, the same text
    assert seen["drawn"] == seen["set"]  # Plotly did not widen the top margin (a second drawing)
    # between the title and the plot, clear of both
    assert all(seen["title"] < top and bottom < seen["plot"] for top, bottom in seen["labels"])


def test_map_drew_basemap_sites_and_events(page_and_requests):
    page, _, _ = page_and_requests
    deck = page.locator('[data-testid="stDeckGlJsonChart"]').first
    png = deck.screenshot(path=str(SHOTS / "map.png"))
    colours = _colours(png)
    assert _near(colours, "#4A8CC8"), "the Euphrates (river blue) is not drawn"
    assert _near(colours, "#F2EFE9"), "the country fill is not drawn"
    assert _near(colours, "#0072B2", tol=20), "no evacuation marker (blue) is drawn"
    assert len(colours) > 200


def test_no_request_left_the_machine(page_and_requests):
    _, requests, server = page_and_requests
    own = urlparse(server).netloc
    outside = [
        u
        for u in requests
        if urlparse(u).scheme not in ("data", "blob") and urlparse(u).netloc != own
    ]
    assert requests, "no request recorded at all"
    assert outside == []


def test_basemap_is_fetched_once_as_static_images(page_and_requests):
    """Not inside the map's JSON on every rerun (issue 10), and not drawn as shapes (their
    GPU time in software WebGL): images on the app's own server, each fetched once."""
    _, requests, server = page_and_requests
    fetched = [u for u in requests if "/app/static/tiles/" in u]
    assert any(u.endswith("/overview.png") for u in fetched)
    assert len(fetched) >= 2 and len(set(fetched)) == len(fetched)
    assert all(u.startswith(server) and u.endswith(".png") for u in fetched)
    assert not [u for u in requests if "basemap.geojson" in u]
