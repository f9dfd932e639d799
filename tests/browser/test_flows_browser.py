"""The evacuation flows on the reader's map at 1280x720: the arcs are drawn and hovering one
shows where people were moved, how many and who says so. The screenshot goes to
artifacts/screenshots/map_flows_1280.png."""

from __future__ import annotations

import io

import pytest

from dashboard.map_flows import FLOW_LEGEND
from tests.browser.serving import CHROMIUM, LAUNCH_ARGS, NEEDS_CHROMIUM, SHOTS, running_app

pytestmark = [pytest.mark.browser, NEEDS_CHROMIUM]

#: The Evacuation blue (#0072B2) as the arc's opaque end draws it.
BLUE = (0, 114, 178)


def _blue_pixels(png: bytes, tol: int = 18) -> list[tuple[int, int]]:
    from PIL import Image

    image = Image.open(io.BytesIO(png)).convert("RGB")
    width, height = image.size
    pixels = image.load()
    return [
        (x, y)
        for y in range(0, height, 2)
        for x in range(0, width, 2)
        if all(abs(c - b) <= tol for c, b in zip(pixels[x, y], BLUE))
    ]


def test_the_arcs_are_drawn_and_hovered(tmp_path):
    from playwright.sync_api import sync_playwright

    with (
        running_app({"CONFLICT_STORE": str(tmp_path / "absent")}) as url,
        sync_playwright() as pw,
    ):
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=LAUNCH_ARGS)
        page = browser.new_page(viewport={"width": 1280, "height": 720})
        page.goto(url, wait_until="networkidle")
        page.wait_for_selector('[data-testid="stDeckGlJsonChart"] canvas', timeout=90_000)
        deck = page.locator('[data-testid="stDeckGlJsonChart"]').first
        deck.scroll_into_view_if_needed()
        page.wait_for_timeout(4000)  # let deck.gl draw its layers
        SHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SHOTS / "map_flows_1280.png"))
        png = deck.screenshot()
        box = deck.bounding_box()
        assert FLOW_LEGEND in page.inner_text("body")
        tips = []
        candidates = _blue_pixels(png)
        assert len(candidates) > 50, "no arc in the Evacuation blue is drawn"
        for x, y in candidates[:: max(1, len(candidates) // 60)]:
            page.mouse.move(box["x"] + x, box["y"] + y)
            page.wait_for_timeout(120)
            tooltip = page.locator(".deck-tooltip")
            text = tooltip.inner_text() if tooltip.count() and tooltip.is_visible() else ""
            if text.startswith("Moved:"):
                tips.append(text)
                break
        browser.close()
    assert tips, "no arc answered the pointer with its tooltip"
    lines = tips[0].splitlines()
    assert lines[0].startswith("Moved: Baghouz tent camp (last IS-held pocket) → ")
    assert lines[1].startswith("How many: ") and lines[2].startswith("Sources: ")
