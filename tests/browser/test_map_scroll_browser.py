"""The reader's map scrolled up under the app's header is drawn whole (`dashboard/screen_style.py`).

In software WebGL (this Chromium's) a WebGL canvas partly covered by an opaque fixed header
was drawn without as many rows again at its bottom: with the map's top 150 px above the
window, its lowest 210 rows were blank (background only) at 1280x720 and 1920x1080. Each
band of the map's visible part is compared with the same band with the map fully in view,
and the header over the map is checked to look as opaque as before (no map showing through).
Screenshots: artifacts/screenshots/map_scrolled_*.png.
"""

from __future__ import annotations

import io

import pytest

from tests.browser.serving import NEEDS_CHROMIUM, SHOTS

pytestmark = [pytest.mark.browser, NEEDS_CHROMIUM]
MAP = '[data-testid="stDeckGlJsonChart"]'
HEADER = 'header[data-testid="stHeader"]'
#: How far the map's top is scrolled above the window (px), and the bands compared (rows).
ABOVE_PX = 150
#: ... and at least this far, when the page ends before ABOVE_PX can be reached.
LEAST_ABOVE_PX = 60
BAND_PX = 40
#: Scrolls the page's own scrolling box (Streamlit's main area, not the window) so that the
#: map's top is at `top` in the window; returns the map's box as then laid out.
SCROLL_TO = """([sel, top]) => {
  const map = document.querySelector(sel);
  let box = map.parentElement;
  while (box && !(box.scrollHeight > box.clientHeight &&
                  /(auto|scroll)/.test(getComputedStyle(box).overflowY))) box = box.parentElement;
  box.scrollTop += map.getBoundingClientRect().top - top;
  const r = map.getBoundingClientRect();
  return [r.left, r.top, r.width, r.height];
}"""


def _image(png: bytes):
    from PIL import Image

    return Image.open(io.BytesIO(png)).convert("RGB")


def _drawn(image) -> list[float]:
    """Per band of BAND_PX rows: the share of pixels that are not the page's white."""
    width, height = image.size
    pixels = image.load()
    shares = []
    for top in range(0, height - BAND_PX + 1, BAND_PX):
        seen = [
            min(pixels[x, y]) <= 245
            for y in range(top, top + BAND_PX, 2)
            for x in range(0, width, 2)
        ]
        shares.append(sum(seen) / len(seen))
    return shares


def _scroll(page, top: float) -> tuple[float, float, float, float]:
    box = page.evaluate(SCROLL_TO, [MAP, top])
    page.wait_for_timeout(1500)  # the compositor's frames after the scroll
    return box


@pytest.mark.parametrize("size", [(1280, 720), (1920, 1080)], ids=["1280x720", "1920x1080"])
def test_the_map_scrolled_under_the_header_is_drawn_whole(browser, server, size):
    width, height = size
    context = browser.new_context(viewport={"width": width, "height": height})
    page = context.new_page()
    page.goto(server)
    page.wait_for_selector(MAP + "[data-ct-shown] canvas", timeout=240_000)
    page.wait_for_timeout(3000)  # the basemap's images drawn
    header = page.locator(HEADER).bounding_box()["height"]
    assert header > 0
    # Whole-window screenshots, cut here: a clipped screenshot is composited anew and showed
    # the map whole even when the window did not.

    # the map fully in view, below the header: what each of its rows looks like
    left, top, map_w, map_h = _scroll(page, header + 40)
    assert map_h == 520 and top > header
    whole = _image(page.screenshot()).crop((round(left), round(top), round(left + map_w),
                                           round(top + map_h)))  # fmt: skip

    # its top scrolled above the window: the rows below the header, compared band by band
    # (the page's end can stop the scroll short of ABOVE_PX: at 1920x1080 with the downloads in
    # one row the map's top reaches -139; the band blanked grew with every row hidden, 39 rows
    # at +20 px already, so any top well above the window shows it)
    left, top, map_w, map_h = _scroll(page, -ABOVE_PX)
    assert -ABOVE_PX <= round(top) <= -LEAST_ABOVE_PX
    hidden = round(header - top)  # the map's rows above the window or under the header
    shown = round(min(map_h, height - top)) - hidden
    assert shown >= 6 * BAND_PX
    window = _image(page.screenshot(path=str(SHOTS / f"map_scrolled_{width}x{height}.png")))
    x0, x1, y0 = round(left), round(left + map_w), round(header)
    expected = _drawn(whole.crop((0, hidden, x1 - x0, hidden + shown)))
    drawn = _drawn(window.crop((x0, y0, x1, y0 + shown)))
    assert len(drawn) == len(expected) >= 6
    assert min(expected) > 0.5  # the basemap fills the map: no band is mostly white
    assert drawn == pytest.approx(expected, abs=0.05), (expected, drawn)

    # the header still hides what is under it: its strip over the map is the page's white
    darkest = min(low for low, _ in window.crop((x0, y0 - 10, x1, y0 - 2)).getextrema())
    assert darkest >= 254
    context.close()
