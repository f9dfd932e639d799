"""The reader's page printed (`dashboard/print_style.py`): no sidebar or app header on the
sheet, and the map's boxes held at their on-screen width while printing, so the deck is not
drawn anew without its basemap images (it was: markers and labels on white); a timeline wider
than a landscape sheet is shrunk to fit it (it was cut at the sheet's edge); the map's width
probe reports no width while printing."""

from __future__ import annotations

import re

import pytest

from tests.browser.serving import NEEDS_CHROMIUM

pytestmark = [pytest.mark.browser, NEEDS_CHROMIUM]
DECK = '[data-testid="stDeckGlJsonChart"]'
BOXES = f"() => [...document.querySelectorAll('{DECK}, {DECK} > div')]"
WIDTHS = f"() => ({BOXES})().map((b) => [b.getBoundingClientRect().width, b.style.width])"
#: The timeline's width and height, how far below the title's top it starts, and the zoom
#: its element is given (SHEET_PX = 940, FIRST_SHEET_PX = 700).
TIMELINE = """() => { const c = document.querySelector('[data-testid="stPlotlyChart"]');
  const r = c.getBoundingClientRect(), t = document.querySelector('h1').getBoundingClientRect();
  const copy = document.querySelector('.conflict-print-chart');
  return [r.width, copy && copy.dataset.zoom, r.height, r.top - t.top, t.width, t.height]; }"""
#: The heights of the timeline's drawing (its first SVG layer): the live chart's, its copy's.
DRAWN = """() => [...document.querySelectorAll(
  '[data-testid="stPlotlyChart"] .main-svg, .conflict-print-chart .main-svg')].filter(
  (s, i, all) => s === all.find((o) => o.closest('.conflict-print-chart') === s.closest(
  '.conflict-print-chart'))).map((s) => s.getAttribute('height'))"""
#: How far below the title's top the timeline's element ends (as laid out, zoom included).
TIMELINE_END = """() => { const c = document.querySelector('[data-testid="stPlotlyChart"]');
  return c.closest('.stElementContainer').getBoundingClientRect().bottom
    - document.querySelector('h1').getBoundingClientRect().top; }"""

#: How the map and the timeline, and the element boxes they sit in, break across sheets.
KEPT_WHOLE = """() => ['stDeckGlJsonChart', 'stPlotlyChart'].flatMap((id) => {
  const chart = document.querySelector(`[data-testid="${id}"]`);
  return [chart, chart.closest('.stElementContainer')].map((b) => getComputedStyle(b).breakInside);
});"""

DETAIL = "() => { const b = document.querySelector('.st-key-detail_body'); return [b, b.parentElement]; }"


def cookie(context) -> str | None:
    """The map width the probe reported last (`dashboard/components/width_probe.py`)."""
    return {c["name"]: c["value"] for c in context.cookies()}.get("conflict_timeline_map_width")


@pytest.mark.parametrize("size", [(1280, 720), (1920, 1080)])
def test_print_hides_the_sidebar_and_holds_the_map(browser, server, size):
    context = browser.new_context(viewport={"width": size[0], "height": size[1]})
    page = context.new_page()
    page.goto(server)
    page.wait_for_selector(f"{DECK} canvas", timeout=240_000)
    page.wait_for_function(
        "() => !document.querySelector('[data-testid=\"stStatusWidget\"]')", timeout=90_000
    )
    page.wait_for_timeout(3000)
    screen = page.evaluate(WIDTHS)
    assert sum(width > 300 for width, _ in screen) == 2  # the deck and its canvas's box
    assert not any(held for _, held in screen)

    screen_cookie = cookie(context)
    assert screen_cookie
    timeline_px, _, timeline_height, below_title, title_px, title_height = page.evaluate(TIMELINE)
    assert below_title + timeline_height > 700  # as drawn, it does not fit the first sheet
    # the text under the title wraps onto more lines on a sheet narrower than the screen
    below_title = title_height + (below_title - title_height) * max(1, title_px / 940)
    page.evaluate("() => window.dispatchEvent(new Event('beforeprint'))")
    zoom = page.evaluate(TIMELINE)[1]  # wider than a landscape sheet: shrunk to fit it, and
    # shrunk to fit under the title on the first sheet (kept whole, it went to the second
    # and left the first sheet nearly blank)
    wanted = min(940 / timeline_px, (700 - below_title) / timeline_height)
    assert float(zoom) == pytest.approx(wanted)
    drawn = page.evaluate(DRAWN)  # printed as a still copy, scaled: the chart is not redrawn
    assert drawn == [drawn[0]] * 2 and float(drawn[0]) == pytest.approx(timeline_height, abs=1)
    held = page.evaluate(WIDTHS)
    assert [h for _, h in held] == [f"{w:g}px" for w, _ in screen]  # the widths on screen
    page.emulate_media(media="print")
    page.wait_for_timeout(1500)  # the width probe would report the sheet's width by now
    assert not page.locator('[data-testid="stSidebar"]').is_visible()
    assert not page.locator('[data-testid="stHeader"]').is_visible()
    # buttons and an empty search box are no use on paper (they were printed on the last sheet)
    assert page.locator('[data-testid="stDownloadButton"]').count() >= 4
    assert not any(b.is_visible() for b in page.locator('[data-testid="stDownloadButton"]').all())
    assert not page.locator(".st-key-event_find").is_visible()
    wider = page.evaluate(WIDTHS)  # the main area is wider without the sidebar; the map not
    assert [w for w, _ in wider] == [w for w, _ in screen]
    # the map and the timeline are each kept whole on one sheet (the map was cut in two
    # across the first and second sheets at 1280x720)
    assert page.evaluate(KEPT_WHOLE) == ["avoid"] * 4
    assert page.evaluate(TIMELINE_END) <= 700  # on the first sheet, under the title
    # the live chart kept its drawing: zoomed (as before), it was drawn again at the zoomed
    # height with the fonts unchanged, bars over bars and the legend over the sources line
    assert page.evaluate(DRAWN) == drawn
    assert not page.locator('[data-testid="stPlotlyChart"]').first.is_visible()
    assert page.locator(".conflict-print-chart").is_visible()
    # the folded events table is not printed as a closed expander: a note says how to print it
    assert not page.locator(".st-key-table_open").is_visible()
    note = page.locator(".st-key-table_print_note")
    assert note.is_visible() and "is not in this printout" in note.inner_text()
    # the detail's other folded sections ("9 more claims from ...") print their label and a
    # line saying they are not on the sheet (they printed as closed controls, unexplained)
    folds = page.locator(".st-key-detail_body details:not([open]) > summary")
    assert folds.count() >= 1
    said = folds.evaluate_all("(s) => s.map((e) => getComputedStyle(e, '::after').content)")
    assert said == [
        '"Folded on the page, so not in this printout: open it and print again."'
    ] * len(said)
    # the event detail's scrolling panel is printed whole: its claims were cut at 640 px
    inner, outer = page.evaluate(f"() => ({DETAIL})().map((b) => [b.scrollHeight, b.clientHeight])")
    assert inner[0] == inner[1] and outer[0] == outer[1] and inner[0] > 640

    # the map's column, stacked in print, is no width to fit the map to (it was: a rerun for
    # it, and one more after printing)
    assert cookie(context) == screen_cookie
    page.emulate_media(media="screen")
    page.evaluate("() => window.dispatchEvent(new Event('afterprint'))")
    assert all(not h for _, h in page.evaluate(WIDTHS))
    assert not page.evaluate(TIMELINE)[1]
    assert page.locator(".conflict-print-chart").count() == 0  # the copy is gone
    assert page.locator('[data-testid="stPlotlyChart"]').first.is_visible()
    assert page.locator('[data-testid="stSidebar"]').is_visible()
    assert page.locator(".st-key-table_open").is_visible() and not note.is_visible()
    assert folds.evaluate_all("(s) => s.map((e) => getComputedStyle(e, '::after').content)") == [
        "none"
    ] * len(said)  # on screen, no note
    assert page.pdf()[:5] == b"%PDF-"  # the browser's own print runs through it too
    context.close()


def test_an_open_events_table_prints_every_row_as_text(browser, server):
    """The open table printed as Streamlit's grid, a canvas that scrolls: its first nine
    rows and five columns, cut at the grid's edge. On paper it is an HTML table of them all."""
    context = browser.new_context(viewport={"width": 1280, "height": 720})
    page = context.new_page()
    page.goto(server)
    page.wait_for_function(f"() => document.querySelector('{DECK} canvas')", timeout=240_000)
    page.wait_for_function(
        "() => !document.querySelector('[data-testid=\"stStatusWidget\"]')", timeout=90_000
    )
    headline = page.get_by_text(re.compile(r"\d+ of \d+ events shown")).first.inner_text()
    shown = int(re.search(r"(\d+) of \d+ events shown", headline)[1])
    page.locator(".st-key-table_open summary").click(timeout=120_000)
    page.wait_for_selector("table.print-events", state="attached", timeout=90_000)
    grid = page.locator('.st-key-table_open [data-testid="stDataFrame"]')
    printed = page.locator(".st-key-table_print")
    grid.wait_for(timeout=90_000)
    assert not printed.is_visible()  # on screen: the grid alone
    page.emulate_media(media="print")
    assert printed.is_visible() and not grid.is_visible()
    assert page.locator("table.print-events tbody tr").count() == shown
    assert not page.locator(".st-key-table_print_note").is_visible()  # it is printed
    context.close()
