"""Hostile text in every place the dashboard shows data, seen in headless Chromium as text.

The store's text columns hold scripts, HTML, Markdown, links, bare URLs, e-mail addresses and
spreadsheet formulas (tests/dashboard/hostile.py). The page must run none of it, link none of
it, format none of it, and show all of it as the words it is. Screenshots (1280x720) go to
artifacts/screenshots/hostile_*.png.
"""

from __future__ import annotations

import math
from urllib.parse import urlencode

import pandas as pd
import pytest

from dashboard.filters import Filters, apply_filters, filter_options
from dashboard.mapview import build_map, reference_sites, spread_markers
from dashboard.text import WORD_JOINER, plain_text
from dashboard.views import event_frame
from etl.schemas import AREAS
from tests.browser.serving import NEEDS_CHROMIUM, SHOTS, running_app
from tests.dashboard.hostile import hostile_value, write_hostile_store

pytestmark = [pytest.mark.browser, NEEDS_CHROMIUM]
VIEWPORT = {"width": 1280, "height": 720}

#: Elements that would mean a hostile string was read as markup (checked in the whole page).
MARKUP_FROM_DATA = """() => {
  const all = (sel) => [...document.querySelectorAll(sel)];
  const text = (e) => e.textContent.replaceAll('\\u2060', '').trim();
  return {
    pwned: window.__pwned === undefined ? null : String(window.__pwned),
    js_links: all('a[href]').filter(a => /^\\s*javascript:/i.test(a.getAttribute('href'))).length,
    evil_links: all('a[href]').filter(a => a.href.includes('evil.example')).length,
    mail_links: all('a[href^="mailto:"]').length,
    bold: all('strong, b').filter(e => ['bold', 'x'].includes(text(e))).length,
    italic: all('em, i').filter(e => /^(claimant|acled|[a-z_]+)$/.test(text(e))
                                      && !e.closest('.js-plotly-plot')).length,
    headings: all('h1, h2, h3, h4, h5, h6').filter(e => text(e).startsWith('heading')).length,
    lists: all('li, ol, ul').filter(e => text(e).includes('item')).length,
    quotes: all('blockquote').filter(e => text(e).startsWith('sentence')).length,
    strike: all('del, s').length,
    code: all('code').filter(e => text(e) === 'code').length,
    images: all('img').filter(e => /^(x|.*evil\\.example.*)$/.test(e.getAttribute('src') || '')
                                 || e.alt === 'Streamlit logo' || e.alt === 'img').length,
    maths: all('.katex, math').length,
    scripts: all('script').filter(e => e.textContent.includes('__pwned')).length,
  };
}"""
CLEAN = {
    "pwned": None,
    "js_links": 0,
    "evil_links": 0,
    "mail_links": 0,
    "bold": 0,
    "italic": 0,
    "headings": 0,
    "lists": 0,
    "quotes": 0,
    "strike": 0,
    "code": 0,
    "images": 0,
    "maths": 0,
    "scripts": 0,
}


def _chosen_view(tables) -> tuple[dict[str, str], pd.DataFrame, pd.Series]:
    """A link that filters by an outlet and a claimant of the busiest event and opens it."""
    view = event_frame(tables)
    shown = view[~view["background"] & (view["review_status"] != "pending")]
    event = shown.sort_values("n_claims", ascending=False).iloc[0]
    outlet, actor = event["outlet_ids"][0], event["claimant_actors"][0]
    options = filter_options(view, tables["outlets"], tables["actors"], AREAS)
    filters = Filters(options.date_min, options.date_max, outlets=(outlet,), claimants=(actor,))
    params = {"outlets": outlet, "by": actor, "event": event["event_id"]}
    return params, apply_filters(view, filters), event


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    store = tmp_path_factory.mktemp("hostile") / "store"  # no suffix: file or folder store
    tables = write_hostile_store(store)
    params, shown, event = _chosen_view(tables)
    with running_app({"CONFLICT_STORE": str(store)}) as url:
        yield url + "/?" + urlencode(params), tables, shown, event


@pytest.fixture(scope="module")
def page(hostile, browser):
    page = browser.new_page(viewport=VIEWPORT)
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto(hostile[0], wait_until="networkidle")
    page.wait_for_selector(".js-plotly-plot .main-svg", timeout=60_000)
    page.wait_for_selector('[data-testid="stDeckGlJsonChart"] canvas', timeout=60_000)
    page.wait_for_timeout(3000)  # let deck.gl draw its layers
    yield page
    page.close()
    assert dialogs == []


def _page_text(page) -> str:
    """What the reader sees, on one line per element (word joiners are invisible)."""
    text = page.evaluate("() => document.body.innerText").replace(WORD_JOINER, "")
    return "\n".join(" ".join(line.split()) for line in text.splitlines())


def _shoot(page, name: str, locator=None) -> None:
    if locator is not None:
        locator.scroll_into_view_if_needed()
        page.wait_for_timeout(300)
    page.screenshot(path=str(SHOTS / f"hostile_{name}.png"))


def test_hostile_text_runs_links_and_formats_nothing(page):
    _shoot(page, "top")
    assert page.evaluate(MARKUP_FROM_DATA) == CLEAN


def test_hostile_text_is_shown_as_the_words_it_is(page, hostile):
    _, tables, _, event = hostile
    outlet, actor = event["outlet_ids"][0], event["claimant_actors"][0]
    seen = _page_text(page)
    expected = {
        "summary": hostile_value("events", "summary"),
        "date note": hostile_value("events", "date_note"),
        "place note": hostile_value("events", "place_note"),
        "ACLED type": hostile_value("events", "acled_event_type"),
        "outlet (sources, header, chip, claims)": hostile_value("outlets", "name", outlet),
        "article title": hostile_value("articles", "title"),
        "claimant": hostile_value("claims", "claimant"),
        "quote": plain_text(hostile_value("claims", "quote")),
        "sentence": hostile_value("claims", "sentence"),
        "place": hostile_value("places", "name", event["place_id"]),
        "event type (legend, detail)": hostile_value("event_types", "label", event["event_type"]),
        "claimed by (header, chip)": hostile_value("actors", "name", actor),
    }
    missing = {where: text for where, text in expected.items() if text not in seen}
    assert missing == {}
    header = next(line for line in seen.splitlines() if "events shown" in line)
    assert hostile_value("outlets", "name", outlet) in header
    assert hostile_value("actors", "name", actor) in header
    detail = page.get_by_text("Event detail", exact=True)
    _shoot(page, "detail", detail)
    _shoot(page, "claims", page.get_by_text("Claims, by source").first)


def test_timeline_hover_shows_text(page, hostile):
    _, _, shown, _ = hostile
    chart = page.locator(".js-plotly-plot").first
    chart.scroll_into_view_if_needed()
    page.locator(".js-plotly-plot .point").first.hover(force=True)
    hover = page.locator(".js-plotly-plot .hoverlayer .hovertext").first
    hover.wait_for(timeout=10_000)
    text = hover.text_content()
    assert hostile_value("events", "summary") in text
    assert "<script>" in text and hover.locator("a").count() == 0
    _shoot(page, "timeline_hover")
    legend = " ".join(page.locator(".js-plotly-plot .legendtext").all_text_contents())
    assert plain_text(shown["label"].iloc[0]) in legend
    assert page.evaluate(MARKUP_FROM_DATA) == CLEAN


def test_event_picker_and_filter_options_are_text(page, hostile):
    _, tables, _, event = hostile
    picker = page.locator('[data-testid="stSelectbox"]').first
    picker.scroll_into_view_if_needed()
    picker.click()
    options = page.locator('[role="option"]')
    options.first.wait_for(timeout=10_000)
    texts = [t.replace(WORD_JOINER, "") for t in options.all_text_contents()]
    assert texts and all(t.endswith(": " + hostile_value("events", "summary")) for t in texts)
    assert page.locator('[role="option"] strong, [role="option"] a').count() == 0
    _shoot(page, "event_picker")
    page.keyboard.press("Escape")
    page.wait_for_timeout(500)  # let the picker's list close before opening another
    claimed = page.locator('[data-testid="stMultiSelect"]').filter(has_text="Claimed by")
    claimed.scroll_into_view_if_needed()
    claimed.locator("input").click()
    page.locator('[role="option"]').first.wait_for(timeout=10_000)
    names = [
        t.replace(WORD_JOINER, "") for t in page.locator('[role="option"]').all_text_contents()
    ]
    expected = {hostile_value("actors", "name", a) for a in tables["actors"]["actor_id"]}
    assert names and set(names) - {"Select all"} <= expected
    _shoot(page, "claimant_options")
    page.keyboard.press("Escape")
    assert page.evaluate(MARKUP_FROM_DATA) == CLEAN


def _marker_pixels(shown: pd.DataFrame, places: pd.DataFrame, width: float, height: float):
    """Where each event marker is drawn on the map canvas (Web Mercator, 512 px tiles)."""
    deck = build_map(shown, reference_sites(places), None)
    state = deck.initial_view_state
    scale = 512 * 2**state.zoom

    def project(lon: float, lat: float) -> tuple[float, float]:
        y = math.log(math.tan(math.pi / 4 + math.radians(lat) / 2))
        return (lon + 180) / 360 * scale, (1 - y / math.pi) / 2 * scale

    cx, cy = project(state.longitude, state.latitude)
    markers = spread_markers(shown, state.zoom)
    xy = [project(lon, lat) for lon, lat in zip(markers["lon"], markers["lat"])]
    return markers.assign(
        x=[width / 2 + x - cx for x, _ in xy], y=[height / 2 + y - cy for _, y in xy]
    )


def test_map_tooltip_is_text(page, hostile):
    _, tables, shown, _ = hostile
    canvas = page.locator('[data-testid="stDeckGlJsonChart"] canvas').first
    canvas.evaluate("e => e.scrollIntoView({block: 'start'})")
    page.wait_for_timeout(1000)
    box = canvas.bounding_box()
    markers = _marker_pixels(shown, tables["places"], box["width"], box["height"])
    marker = markers.sort_values("y").iloc[0]  # the top one: its tooltip fits below it
    tooltip = page.locator(".deck-tooltip")
    for dx, dy in [(0, 0), (2, 0), (-2, 0), (0, 2), (0, -2), (4, 4), (-4, -4)]:
        page.mouse.move(box["x"] + marker["x"] + dx, box["y"] + marker["y"] + dy)
        page.wait_for_timeout(400)
        if tooltip.count() and tooltip.first.is_visible():
            break
    assert tooltip.first.is_visible(), "no tooltip over the marker"
    text = tooltip.first.inner_text().replace(WORD_JOINER, "")
    assert text.splitlines() == marker["tip"].splitlines()
    # set as text: the only elements are the line breaks innerText makes of "\n"
    tags = tooltip.first.evaluate("e => [...e.querySelectorAll('*')].map(c => c.tagName)")
    assert set(tags) <= {"BR"}
    _shoot(page, "map_tooltip")
    assert page.evaluate(MARKUP_FROM_DATA) == CLEAN


def test_unreadable_store_is_explained_without_a_traceback(tmp_path, browser):
    store = tmp_path / "store"
    store.write_bytes(b"SQLite format 3\x00" + b"\x00" * 300)  # cut off after its header
    with running_app({"CONFLICT_STORE": str(store)}) as url:
        page = browser.new_page(viewport=VIEWPORT)
        page.goto(url, wait_until="networkidle")
        alert = page.locator('[data-testid="stAlert"]').first
        alert.wait_for(timeout=60_000)
        page.screenshot(path=str(SHOTS / "hostile_unreadable_store.png"))
        message = " ".join(alert.inner_text().split())
        body = page.evaluate("() => document.body.innerText")
        page.close()
    assert "The event store …/store could not be read" in message
    assert "python -m etl build" in message
    assert "Traceback" not in body and str(tmp_path) not in body and "sqlite3" not in body


def test_tables_offer_no_csv_of_their_own_s33(page, hostile):
    """Session 33 (hD23): every grid's toolbar offered Streamlit's own *Download as CSV*,
    which writes each cell as it is: the events table's summary `=HYPERLINK(...)` reached the
    file as a formula (Streamlit's exporter defuses nothing). The page's own downloads go
    through `etl.csvwriter`; the built-in one is off (`client.disableDataExport` in
    .streamlit/config.toml), on the analyst's grids too."""
    table = page.get_by_text("Table: the", exact=False).first
    table.scroll_into_view_if_needed()
    table.click()
    grid = page.locator('[data-testid="stDataFrame"]').first
    grid.wait_for(timeout=30_000)
    page.wait_for_timeout(1500)
    grid.hover()
    search = page.locator('[data-testid="stElementToolbar"] button[aria-label="Search"]')
    search.first.wait_for(timeout=10_000)  # the grid's own toolbar is shown
    labels = [
        b.get_attribute("aria-label")
        for b in page.locator('[data-testid="stElementToolbar"] button').all()
    ]
    _shoot(page, "events_table_toolbar", grid)
    assert "Download as CSV" not in labels
    assert page.get_by_role("button", name="Download these events (CSV)").count() == 1
