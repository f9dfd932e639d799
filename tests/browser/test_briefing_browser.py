"""The briefing view in headless Chromium at 1280×720 and 1920×1080: the slide is drawn with
the title the briefer typed, no sidebar or app header, and the downloads are the right files.

Screenshots go to artifacts/screenshots/ (briefing_1280.png, briefing_1920.png, ...).
"""

from __future__ import annotations

import io
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import urlparse

import pytest

from tests.browser.serving import NEEDS_CHROMIUM, SHOTS

pytestmark = [pytest.mark.browser, NEEDS_CHROMIUM]
TITLE = "Fall of Baghouz & the Al-Hol convoys"
#: The controls of the briefing's first row that run past their column or are cut short (an
#: ellipsis): [column, text, right edge, column's right edge, cut].
CUT_CONTROLS = """() => { const out = [];
  const row = document.querySelector('[data-testid="stHorizontalBlock"]');
  row.querySelectorAll(':scope > [data-testid="stColumn"]').forEach((col, i) => {
    const right = col.getBoundingClientRect().right;
    col.querySelectorAll('button, a, input').forEach((el) => {
      const b = el.getBoundingClientRect();
      const cut = [el, ...el.querySelectorAll('*')].some((k) => k.scrollWidth > k.clientWidth + 1);
      if (b.right > right + 1 || cut) out.push([i, el.innerText.trim(), b.right, right, cut]);
    }); });
  return out; }"""


def _open(browser, server, width, height, query):
    context = browser.new_context(
        viewport={"width": width, "height": height}, accept_downloads=True
    )
    requests: list[str] = []
    context.on("request", lambda r: requests.append(r.url))
    page = context.new_page()
    page.goto(f"{server}/?{query}", wait_until="networkidle")
    page.wait_for_selector('[data-testid="stImage"] img', timeout=90_000)
    page.wait_for_function(
        "() => [...document.querySelectorAll('[data-testid=\"stImage\"] img')]"
        ".every(i => i.complete && i.naturalWidth > 0)",
        timeout=60_000,
    )
    return context, page, requests


@pytest.mark.parametrize(("width", "height"), [(1280, 720), (1920, 1080)])
def test_briefing_url_shows_the_slide_with_the_title_and_no_chrome(browser, server, width, height):
    from PIL import Image

    query = "briefing=slide&from=2019-02-15&to=2019-03-01"
    context, page, requests = _open(browser, server, width, height, query)
    image = page.locator('[data-testid="stImage"] img').first
    before = image.get_attribute("src")
    title = page.get_by_label("Title")
    title.fill(TITLE)
    title.press("Enter")
    page.wait_for_function(
        "t => decodeURIComponent(location.search.replace(/\\+/g, ' ')).includes(t)", arg=TITLE
    )
    page.wait_for_function(  # the slide was drawn again with the new title, and is loaded
        "old => { const i = document.querySelector('[data-testid=\"stImage\"] img');"
        " return i && i.getAttribute('src') !== old && i.complete && i.naturalWidth > 0; }",
        arg=before,
        timeout=60_000,
    )
    page.wait_for_selector('[data-testid="stSpinner"]', state="detached", timeout=60_000)
    page.wait_for_timeout(500)
    assert page.get_by_label("Title").input_value() == TITLE
    assert page.evaluate(CUT_CONTROLS) == []  # at 1280: "Timeline" and "Download" were cut
    for chrome in ("stSidebar", "stHeader", "stToolbar"):
        boxes = [e.bounding_box() for e in page.locator(f'[data-testid="{chrome}"]').all()]
        assert not [b for b in boxes if b and b["width"] > 0], f"{chrome} is visible"
    image = page.locator('[data-testid="stImage"] img').first
    natural = image.evaluate("i => [i.naturalWidth, i.naturalHeight]")
    assert natural == [1920, 1080]  # the server's own pixels, not shrunk by Streamlit
    box = image.bounding_box()
    # the whole slide is in the window, as wide as the window's height allows
    assert box["y"] + box["height"] <= height + 1 and box["x"] >= 0
    assert box["width"] >= min(width * 0.9, (height - 100) * 16 / 9) - 2
    # the slide's picture is the server's render: fetch it and check the title's row has ink
    png = page.screenshot()
    shot = Image.open(io.BytesIO(png))
    assert shot.size == (width, height)
    SHOTS.mkdir(parents=True, exist_ok=True)
    (SHOTS / f"briefing_{width}.png").write_bytes(png)
    hosts = {urlparse(u).hostname for u in requests if urlparse(u).scheme in ("http", "https")}
    assert hosts <= {"127.0.0.1"}, hosts
    context.close()


def test_downloads_are_the_files_they_say(browser, server):
    from PIL import Image

    context, page, _ = _open(
        browser, server, 1600, 1000, "briefing=slide&show=map&types=evacuation"
    )
    got = {}
    page.get_by_role("button", name="Download").click()
    for label in ("PNG 1920×1080", "PNG 3840×2160 (print)", "SVG", "PDF"):
        with page.expect_download(timeout=90_000) as info:
            page.get_by_role("button", name=label).click()
        got[label] = Path(info.value.path()).read_bytes()
    assert Image.open(io.BytesIO(got["PNG 1920×1080"])).size == (1920, 1080)
    assert Image.open(io.BytesIO(got["PNG 3840×2160 (print)"])).size == (3840, 2160)
    assert ET.fromstring(got["SVG"]).tag.endswith("svg")
    assert got["PDF"].startswith(b"%PDF-")
    context.close()


def test_a4_page_and_timeline_only(browser, server):
    context, page, _ = _open(browser, server, 1280, 720, "briefing=a4&show=timeline&pending=1")
    natural = page.locator('[data-testid="stImage"] img').first.evaluate(
        "i => [i.naturalWidth, i.naturalHeight]"
    )
    assert natural[0] == 1240 and abs(natural[1] - 1754) <= 1  # A4 at 150 dpi
    page.screenshot(path=str(SHOTS / "briefing_a4_1280.png"), full_page=True)
    context.close()


@pytest.mark.parametrize(("width", "height"), [(1280, 720), (1920, 1080)])
def test_the_map_is_fitted_to_its_real_width_and_tooltips_stay_inside(
    browser, server, project_tables, width, height
):
    """The map's view is fitted to the width the browser gives its column (reported by
    `dashboard/components/width_probe.py`, rounded down to 40 px), so the leftmost and the
    rightmost markers are where that fit puts them, inside the map, and each one's tooltip
    (centred on the pointer) is not cut by the map's edge."""
    from dashboard.components.width_probe import STEP_PX
    from dashboard.map_layout import reference_sites
    from dashboard.map_markers import layout_markers
    from dashboard.mapview import SCREEN_HEIGHT_PX
    from dashboard.views import event_frame

    context = browser.new_context(viewport={"width": width, "height": height})
    page = context.new_page()
    page.goto(server, wait_until="networkidle")
    chart = page.locator('[data-testid="stDeckGlJsonChart"]').first
    chart.wait_for(timeout=90_000)
    chart.scroll_into_view_if_needed()
    page.wait_for_timeout(5000)  # the width's rerun, then deck.gl draws its layers
    box = chart.bounding_box()
    fit = STEP_PX * int(box["width"] // STEP_PX)
    assert fit > 440 if width == 1920 else fit == 440  # wider column, wider fit

    view = event_frame(project_tables)
    view = view[~view["background"] & view["review_status"].ne("pending")]
    sites = reference_sites(project_tables["places"])
    markers, fitted = layout_markers(view, sites, fit, SCREEN_HEIGHT_PX)
    points = sorted(fitted.to_px(lon, lat) for lon, lat in zip(markers["lon"], markers["lat"]))
    for x, y in (points[0], points[-1]):
        page.mouse.move(0, 0)
        page.wait_for_timeout(300)
        page.mouse.move(
            box["x"] + box["width"] / 2 + x - fit / 2,
            box["y"] + box["height"] / 2 + y - SCREEN_HEIGHT_PX / 2,
        )
        tip = page.locator(".deck-tooltip").first
        tip.wait_for(state="visible", timeout=10_000)
        assert "event" in tip.inner_text()
        inner = tip.bounding_box()
        assert box["x"] <= inner["x"] and inner["x"] + inner["width"] <= box["x"] + box["width"]
    page.screenshot(path=str(SHOTS / f"map_tooltip_{width}.png"))
    context.close()


def test_timeline_camera_png_is_wide_and_doubled(browser, server):
    """The camera button's PNG, made by Plotly in the page with the chart's own options:
    1600 px wide at 2x (labels fitted for the narrowest screen have room) with the sources."""
    import base64

    from PIL import Image

    context = browser.new_context(viewport={"width": 1280, "height": 720})
    page = context.new_page()
    page.goto(f"{server}/?pending=1", wait_until="networkidle")
    page.wait_for_selector(".js-plotly-plot .main-svg", timeout=90_000)
    options, url = page.evaluate(
        """async () => {
            const gd = document.querySelector('.js-plotly-plot');
            const o = gd._context.toImageButtonOptions;
            const P = window.Plotly || gd.constructor.Plotly;
            const url = await P.toImage(gd, {format: 'png', width: o.width,
                                             height: o.height, scale: o.scale});
            return [o, url];
        }"""
    )
    assert (options["width"], options["scale"]) == (1600, 2)
    png = base64.b64decode(url.split(",", 1)[1])
    assert Image.open(io.BytesIO(png)).size == (3200, 2 * options["height"])
    (SHOTS / "timeline_camera.png").write_bytes(png)
    svg = page.locator(".js-plotly-plot").first.inner_html()
    assert "Sources: " in svg and "Elsewhere" in svg
    context.close()
