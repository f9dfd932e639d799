"""The reader's page in headless Chromium at 1280×720 and 1920×1080: a click on a timeline
mark selects it on the map and opens its detail (scrolled into view); a click on a map marker
selects its events on the timeline; Reset clears every filter widget, and the next change
brings nothing back. Screenshots go to artifacts/screenshots/reader_*.png."""

from __future__ import annotations

import io
from urllib.parse import parse_qs, urlparse

import pytest

from tests.browser.serving import NEEDS_CHROMIUM, SHOTS

pytestmark = [pytest.mark.browser, NEEDS_CHROMIUM]
SIZES = [(1280, 720), (1920, 1080)]
MAIN = '[data-testid="stMain"]'
#: The id of the event behind a Plotly mark: its trace's customdata at the mark's index.
MARK_ID = "el => el.closest('.trace').__data__[0].trace.customdata[el.__data__.i]"
#: How opaque a mark is drawn: Plotly dims a point's own style, or a bar's path inside it.
OPACITY = (
    "el => Math.min(...[el, ...el.querySelectorAll('path')].map("
    "n => parseFloat(getComputedStyle(n).opacity) * parseFloat(n.style.fillOpacity || 1)))"
)


def _open(browser, server, size):
    page = browser.new_page(viewport={"width": size[0], "height": size[1]})
    page.goto(server, wait_until="networkidle")
    page.wait_for_selector(".js-plotly-plot .main-svg", timeout=240_000)
    page.wait_for_selector('[data-testid="stDeckGlJsonChart"] canvas', timeout=240_000)
    page.wait_for_timeout(2500)  # let deck.gl draw its layers
    return page


def _idle(page, timeout: int = 120_000) -> None:
    """Wait until Streamlit has finished the rerun a click started."""
    page.wait_for_timeout(800)
    page.wait_for_function(
        "document.querySelector('[data-testid=\"stApp\"]')?.dataset.testScriptState !== 'running'",
        timeout=timeout,
    )
    page.wait_for_timeout(1200)


def _shoot(page, name: str, size) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"reader_{name}_{size[0]}x{size[1]}.png"))


def _event_param(page) -> str | None:
    return parse_qs(urlparse(page.url).query).get("event", [None])[0]


def _dark_pixels(png: bytes) -> int:
    from PIL import Image

    image = Image.open(io.BytesIO(png)).convert("RGB")
    data = image.get_flattened_data() if hasattr(image, "get_flattened_data") else image.getdata()
    return sum(1 for r, g, b in data if r < 45 and g < 45 and b < 45)


def _selected_caption(page):
    return page.get_by_text("selected on the timeline or map")


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_a_timeline_click_selects_on_the_map_and_opens_the_detail(browser, server, size):
    page = _open(browser, server, size)
    deck = page.locator('[data-testid="stDeckGlJsonChart"]').first
    dark_before = _dark_pixels(deck.screenshot())
    first_choice = _event_param(page)
    marks = page.locator(".js-plotly-plot .scatterlayer .point")
    assert marks.count() > 3
    target = next(  # a dot whose event is not the one already open
        m for m in marks.all() if m.evaluate(MARK_ID) != first_choice
    )
    wanted = target.evaluate(MARK_ID)
    target.click(force=True)
    _idle(page)
    page.wait_for_function(
        f"new URLSearchParams(location.search).get('event') === {wanted!r}", timeout=60_000
    )
    assert _selected_caption(page).count() == 1
    # the map and detail row was scrolled into view, its top clear of the page's header bar
    page.wait_for_selector("[data-scroll]", state="attached", timeout=60_000)
    row_top = "document.querySelector('.st-key-linked_views').getBoundingClientRect().top"
    page.wait_for_function(f"{row_top} < 160", timeout=10_000)
    assert page.evaluate(f"document.querySelector('{MAIN}').scrollTop") > 0
    assert page.evaluate(row_top) >= 40  # clear of Streamlit's header bar
    assert page.get_by_text("Event detail").is_visible()
    # the map rings the marker of the chosen event: more dark pixels than before
    dark_after = _dark_pixels(deck.screenshot())
    assert dark_after > dark_before + 150, (dark_before, dark_after)
    # the timeline dims every other mark
    dimmed = page.evaluate(
        "[...document.querySelectorAll('.js-plotly-plot .scatterlayer .point')]"
        f".filter(p => ({OPACITY})(p) < 0.5).length"
    )
    assert dimmed >= marks.count() - 2
    _shoot(page, "timeline_click", size)

    page.locator(".st-key-clear_selection button").click()
    _idle(page)
    assert _selected_caption(page).count() == 0
    assert page.locator(".js-plotly-plot .scatterlayer .point").count() == marks.count()
    page.close()


def _marker_point(png: bytes, colour: str) -> tuple[int, int] | None:
    """The centre of the pixels of one marker colour in a map screenshot."""
    from PIL import Image

    image = Image.open(io.BytesIO(png)).convert("RGB")
    r0, g0, b0 = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    w, h = image.size
    pixels = image.load()
    hits = [
        (x, y)
        for y in range(0, h, 2)
        for x in range(0, w, 2)
        if sum(abs(a - b) for a, b in zip(pixels[x, y], (r0, g0, b0))) < 18
    ]
    if len(hits) < 20:
        return None
    # the densest marker: the hit with most hits within 8 px
    best = max(hits, key=lambda p: sum(abs(p[0] - q[0]) + abs(p[1] - q[1]) < 8 for q in hits))
    return best


def test_a_map_click_selects_its_events_on_the_timeline(browser, server, project_tables):
    size = SIZES[1]
    page = _open(browser, server, size)
    types = project_tables["event_types"].set_index("event_type")
    deck = page.locator('[data-testid="stDeckGlJsonChart"]').first
    deck.scroll_into_view_if_needed()
    page.wait_for_timeout(1000)
    point = _marker_point(deck.screenshot(), types.at["evacuation", "colour"])
    assert point, "no evacuation marker found on the map"
    # deck.gl picks what is under the pointer on hover: move there first, then click
    deck.hover(position={"x": point[0], "y": point[1]})
    page.wait_for_timeout(1500)
    page.mouse.down()
    page.mouse.up()
    _idle(page)
    _selected_caption(page).wait_for(timeout=60_000)
    chosen = _event_param(page)
    events = project_tables["events"].set_index("event_id")
    assert events.at[chosen, "event_type"] == "evacuation"
    bright = page.evaluate(
        "[...document.querySelectorAll('.js-plotly-plot .point')].filter(p => "
        f"({OPACITY})(p) > 0.5).map({MARK_ID})"
    )
    assert chosen in bright
    assert {events.at[i, "event_type"] for i in bright if i in events.index} == {"evacuation"}
    _shoot(page, "map_click", size)
    # one click on the map's own clear button clears the page's selection too
    deck.hover()
    deck.get_by_role("button", name="Clear selection").click()
    _idle(page)
    page.wait_for_function(
        "!document.body.innerText.includes('selected on the timeline or map')", timeout=60_000
    )
    assert page.locator('[data-testid="stTextInput"]').filter(has_text="Find an event").count()
    page.close()


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_reset_clears_every_widget(browser, server, size):
    page = _open(browser, server, size)
    sidebar = page.locator('[data-testid="stSidebar"]')
    outlets = sidebar.locator('[data-testid="stMultiSelect"]').filter(has_text="Reported by")
    outlets.scroll_into_view_if_needed()
    outlets.locator("input").click()
    page.get_by_role("option", name="CBC News").click()
    page.keyboard.press("Escape")
    _idle(page)
    background = sidebar.locator("label").filter(has_text="background event")
    background.scroll_into_view_if_needed()
    background.click()
    _idle(page)
    day = sidebar.get_by_role("button", name="Day", exact=True)
    day.scroll_into_view_if_needed()
    day.click()
    _idle(page)
    header = page.locator(MAIN).get_by_text("events shown").first
    assert "reported by CBC News" in header.inner_text()
    assert outlets.get_by_text("CBC News").count() == 1
    assert background.locator("input").is_checked()
    _shoot(page, "before_reset", size)

    reset = sidebar.get_by_role("button", name="Reset filters")
    reset.scroll_into_view_if_needed()
    reset.click()
    _idle(page)
    assert outlets.get_by_text("CBC News").count() == 0  # the chip is gone
    assert not background.locator("input").is_checked()
    text = header.inner_text()
    assert "reported by" not in text and "over the whole range" in text
    assert "without 5 background events" in text
    for label, value in (("From", "2019-01-01"), ("To", "2019-03-04")):
        typed = sidebar.locator('[data-testid="stDateInput"]').filter(has_text=label)
        assert typed.locator("input").input_value().replace(" ", "") == value
    # the next change of another widget does not bring the outlet back
    areas = sidebar.locator('[data-testid="stMultiSelect"]').filter(has_text="Areas")
    areas.scroll_into_view_if_needed()
    areas.locator("input").click()
    page.get_by_role("option", name="Idlib").click()
    page.keyboard.press("Escape")
    _idle(page)
    text = header.inner_text()
    assert "in Idlib" in text and "reported by" not in text
    assert outlets.get_by_text("CBC News").count() == 0
    _shoot(page, "after_reset", size)
    page.close()


def test_the_busiest_event_keeps_the_page_short_and_reads_at_1280(browser, server, project_tables):
    size = SIZES[0]
    counts = project_tables["claims"]["event_id"].value_counts()
    busiest = counts.index[0]
    assert counts.iloc[0] >= 10
    page = browser.new_page(viewport={"width": size[0], "height": size[1]})
    page.goto(f"{server}/?event={busiest}", wait_until="networkidle")
    page.wait_for_selector('[data-testid="stDeckGlJsonChart"] canvas', timeout=240_000)
    page.wait_for_timeout(2500)
    body = page.locator(".st-key-detail_body")
    # the event's claims scroll inside their panel; the page stays short (7,855 px before)
    inner, outer = body.evaluate("b => [b.scrollHeight, b.clientHeight]")
    assert inner > outer
    # and it shows where it ends: without a border the detail seemed to stop at its foot
    assert body.evaluate("b => getComputedStyle(b).borderBottomWidth") == "1px"
    assert page.evaluate(f"document.querySelector('{MAIN}').scrollHeight") < 3600
    text = body.inner_text()
    assert f"{counts.iloc[0]} claims from" in text
    assert "more claim" in text  # folded after the first of each source
    # the sources' words first, the numbers second, readable (not cut) at 1280 px
    assert "“dozens of people”" in text and "“hundreds of men, women and children”" in text
    assert "In numbers: 24 or more." in text  # 'hundreds' has no upper bound (C4, session 25)
    assert "Corroborated by" in text or "Single source" in text
    page.locator(".st-key-linked_views").scroll_into_view_if_needed()
    page.wait_for_timeout(800)
    _shoot(page, "busiest_event", size)
    page.close()


def test_typing_20_feb_lists_events_of_that_day(browser, server):
    size = SIZES[1]
    page = _open(browser, server, size)
    chooser = page.locator('[data-testid="stSelectbox"]').filter(has_text="Choose an event")
    chooser.scroll_into_view_if_needed()
    chooser.locator("input").click()
    page.keyboard.type("20 Feb")
    page.wait_for_timeout(800)
    typed = page.locator('[role="option"]').all_text_contents()
    page.keyboard.press("Escape")
    # 'contains' matching: only labels holding "20 Feb" (fuzzy matching listed 23, March too)
    assert typed and all("20 Feb" in label for label in typed), typed
    assert not any(label.startswith("2019-03") for label in typed)
    # the search box matches the day as a day: windows holding 20 Feb are listed too
    search = page.locator('[data-testid="stTextInput"]').filter(has_text="Find an event")
    search.locator("input").fill("20 Feb")
    search.locator("input").press("Enter")
    _idle(page)
    page.get_by_text("events found").wait_for(timeout=60_000)
    chooser.locator("input").click()
    page.wait_for_timeout(800)
    found = page.locator('[role="option"]').all_text_contents()
    page.keyboard.press("Escape")
    assert len(found) >= len(typed)
    assert all(label[:10] <= "2019-02-20" for label in found)
    assert not any(label.startswith("2019-03") for label in found)
    _shoot(page, "search_20_feb", size)
    page.close()


def test_a_box_on_the_timeline_selects_many_and_clear_lists_every_event(browser, server):
    size = SIZES[1]
    page = _open(browser, server, size)
    plot = page.locator(".js-plotly-plot").first
    plot.hover()
    page.locator('.js-plotly-plot .modebar-btn[data-val="select"]').first.click()
    page.wait_for_timeout(500)
    box = page.locator(".js-plotly-plot .nsewdrag").first.bounding_box()
    page.mouse.move(box["x"] + box["width"] * 0.75, box["y"] + 3)
    page.mouse.down()
    page.mouse.move(box["x"] + box["width"] * 0.99, box["y"] + box["height"] * 0.45, steps=12)
    page.mouse.up()
    _idle(page)
    caption = _selected_caption(page)
    caption.wait_for(timeout=60_000)
    n = int(caption.inner_text().split()[0])
    assert n >= 2
    # the chooser offers the selection (the search box returns once it is cleared)
    search = page.locator('[data-testid="stTextInput"]').filter(has_text="Find an event")
    assert search.count() == 0
    _shoot(page, "timeline_box", size)
    page.locator(".st-key-clear_selection button").click()
    _idle(page)
    assert _selected_caption(page).count() == 0
    search.wait_for(timeout=60_000)
    page.close()


def _chooser_and_detail(page) -> tuple[str, str]:
    """The event the chooser names (its place) and the detail's heading below it."""
    return page.evaluate(
        """() => {
        const box = [...document.querySelectorAll('[data-testid="stSelectbox"]')]
            .find(e => e.innerText.includes('Choose an event'));
        const body = document.querySelector('.st-key-detail_body [data-testid="stMarkdown"]');
        return [box ? box.querySelector('input').value : '', body ? body.innerText : ''];
        }"""
    )


def test_after_a_type_click_the_chooser_names_the_event_the_detail_shows(browser, server):
    """A chosen event still shown after a type click stays chosen: the chooser names it, as
    the detail does. Its options changed and the chooser is keyed, so the browser kept a
    choice of its own unless the run sent the value: the chooser named another event (its
    old position in the new list) while the detail showed the chosen one, for good (at
    100,000 events after the Airstrike click: 'Baghdad north' over al-Fu'ah farms)."""
    page = _open(browser, server, SIZES[0])
    page.mouse.wheel(0, 600)
    page.wait_for_selector(".st-key-detail_body", timeout=120_000)
    chooser = page.locator('[data-testid="stSelectbox"]').filter(has_text="Choose an event")
    _idle(page)
    for _ in range(3):  # the list opens once the chooser has settled
        chooser.locator("input").click()
        page.wait_for_timeout(1000)
        if page.locator('[role="option"]').count() > 6:
            break
        page.keyboard.press("Escape")
    option = page.locator('[role="option"]').nth(6)  # not the newest of its type
    label = option.inner_text()
    option.click()
    _idle(page)
    named, heading = _chooser_and_detail(page)
    _, _, kind, place = label.split(" · ")[:4]
    place = place.split(":")[0]
    assert named == label.strip() and heading.startswith(f"{kind} · {place}"), (named, heading)
    types = page.locator('[data-testid="stSidebar"] [data-testid="stMultiSelect"]')
    types.filter(has_text="Event types").locator("input").click()
    page.locator('[role="option"]').filter(has_text=kind).first.click()
    page.keyboard.press("Escape")
    _idle(page)
    page.wait_for_selector(".st-key-detail_body", timeout=120_000)  # the detail's own run
    _idle(page)
    named, heading = _chooser_and_detail(page)
    assert heading.startswith(f"{kind} · {place}"), heading  # the chosen event, kept
    assert named == label.strip(), (named, heading)  # and the chooser names it
    _shoot(page, "type_click_chooser", SIZES[0])
    page.close()
