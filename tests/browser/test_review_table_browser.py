"""The analyst's review table in headless Chromium at 1280x720 and 1920x1080 (the default
data: the seed batch awaiting review): the summary column takes the width the short columns
leave, no column runs past the table's right edge, and the rows are tall enough for the
sentence to wrap. Before, the summary was given 400 px: at 1280 it ran past the edge, at
1920 the short columns were stretched instead, and either way one line showed its first words.

Screenshots go to artifacts/screenshots/analyst_review_table_{1280,1920}.png.
"""

from __future__ import annotations

import io

import pytest

from dashboard.review_items import QUEUE_MARGIN_PX, QUEUE_WIDTHS
from tests.browser.serving import NEEDS_CHROMIUM, SHOTS

pytestmark = [pytest.mark.browser, NEEDS_CHROMIUM]
SIZES = [(1280, 720), (1920, 1080)]
SHORT = [QUEUE_WIDTHS[f] for f in ("kind", "type_label", "date_text", "place")]
HEADER_PX = 36


def _settle(page) -> None:
    page.wait_for_timeout(500)
    page.wait_for_function(
        "() => !document.querySelector('[data-testid=\"stStatusWidget\"]')", timeout=120_000
    )


def _column_edges(page, box) -> list[int]:
    """The x (px, from the grid's left) of the lines drawn the whole height of the grid's
    heading row: its left border, the column separators, its right border."""
    import numpy as np
    from PIL import Image

    clip = {"x": box["x"], "y": box["y"], "width": box["width"], "height": HEADER_PX}
    grey = np.asarray(Image.open(io.BytesIO(page.screenshot(clip=clip))).convert("L"))
    grey = grey.astype(int)
    background = np.median(grey[HEADER_PX // 2])
    return [x for x in range(grey.shape[1]) if (abs(grey[6:30, x] - background) > 8).all()]


@pytest.mark.parametrize("size", SIZES, ids=["1280", "1920"])
def test_the_summary_fills_the_table_and_wraps(server, browser, size):
    width, height = size
    page = browser.new_page(viewport={"width": width, "height": height})
    try:
        page.goto(server + "/analyst")
        _settle(page)
        page.get_by_test_id("stTextInputField").first.fill("Test Analyst")
        page.keyboard.press("Enter")
        _settle(page)
        page.get_by_role("tab", name="Review").click()
        _settle(page)
        page.wait_for_timeout(1500)  # the table's width reported: one more run at 1920
        _settle(page)
        grid = page.locator('[data-testid="stDataFrame"]').first
        grid.scroll_into_view_if_needed()
        page.wait_for_timeout(800)
        page.screenshot(path=str(SHOTS / f"analyst_review_table_{width}.png"))
        box = grid.bounding_box()
        scroller = grid.locator(".dvn-scroller").first
        wide, seen, tall = scroller.evaluate(
            "e => [e.scrollWidth, e.clientWidth, e.querySelector('.dvn-stack').scrollHeight]"
        )
        rows = int(grid.locator("table[role=grid]").get_attribute("aria-rowcount")) - 1
        edges = _column_edges(page, box)
    finally:
        page.close()
    assert rows > 5
    assert wide <= seen  # nothing runs past the right edge: no sideways scrolling
    assert (tall - HEADER_PX) / rows > 64  # Streamlit wraps text only in rows over 4rem
    # the short columns as set, not stretched; the summary all the rest, to the right edge
    gaps = [b - a for a, b in zip(edges[1:], edges[2:])]
    assert gaps[:4] == pytest.approx(SHORT, abs=2), edges
    assert gaps[4] >= box["width"] - QUEUE_MARGIN_PX - sum(SHORT) - 2, edges
    assert len(gaps) == 5 and edges[-1] >= box["width"] - 2, edges
