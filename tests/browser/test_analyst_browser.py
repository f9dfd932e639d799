"""The analyst page in headless Chromium: files chosen in the browser's file chooser, the
review queue with the words behind each field highlighted, a point picked on the map, an
event accepted and then found on the reader's page. Hostile article text stays text.

Screenshots go to artifacts/screenshots/analyst_*_{1280,1920}.png.
"""

from __future__ import annotations

import re
from urllib.parse import urlparse

import pytest
from playwright.sync_api import expect

from etl.store import read_store
from tests.browser.serving import CHROMIUM, LAUNCH_ARGS, NEEDS_CHROMIUM, SHOTS, running_app
from tests.dashboard.analyst_helpers import FILES, UPLOADS, zipped

pytestmark = [pytest.mark.browser, NEEDS_CHROMIUM]
SIZES = {"1280": {"width": 1280, "height": 720}, "1920": {"width": 1920, "height": 1080}}


@pytest.fixture(scope="module")
def app(tmp_path_factory):
    root = tmp_path_factory.mktemp("analyst")
    (root / "march_wires.zip").write_bytes(zipped())
    files = [str(UPLOADS / name) for name in FILES] + [str(root / "march_wires.zip")]
    with running_app({"CONFLICT_STORE": str(root / "store")}) as url:
        yield url, root / "store", files


@pytest.fixture(scope="module")
def page(app):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=LAUNCH_ARGS)
        context = browser.new_context(viewport=SIZES["1280"])
        requests: list[str] = []
        context.on("request", lambda r: requests.append(r.url))
        page = context.new_page()
        page.requests = requests  # type: ignore[attr-defined]
        yield page
        browser.close()


def shot(page, name: str, target=None) -> None:
    """A screenshot of the viewport, scrolled to `target` (Streamlit scrolls its main area)."""
    SHOTS.mkdir(parents=True, exist_ok=True)
    if target is not None:
        target.scroll_into_view_if_needed()
        page.wait_for_timeout(500)
    width = page.viewport_size["width"]
    page.screenshot(path=str(SHOTS / f"analyst_{name}_{width}.png"))


def settle(page) -> None:
    """Wait until the app has finished its run (the 'Running…' widget is gone)."""
    page.wait_for_timeout(300)
    page.wait_for_function(
        "() => !document.querySelector('[data-testid=\"stStatusWidget\"]')", timeout=60_000
    )


def choose(page, key: str, option: str) -> None:
    """Pick the option matching `option` in the selectbox with this key."""
    settle(page)
    wanted = page.get_by_role("option", name=re.compile(re.escape(option))).first
    for _ in range(3):  # a click that lands as a rerun redraws the box closes the list
        page.locator(f".st-key-{key} button[aria-label='Open']").click()
        try:
            wanted.wait_for(timeout=5_000)
            break
        except Exception:  # noqa: BLE001 - Playwright's timeout: try again
            page.keyboard.press("Escape")
    wanted.click()
    settle(page)


def _sentence(page) -> str:
    return page.locator("blockquote").first.inner_text()


def test_upload_review_pick_accept_then_read(app, page):
    url, store, files = app
    page.goto(url + "/analyst", wait_until="networkidle")
    page.locator(".st-key-analyst_name_given input").fill("Ana Analyst")
    page.get_by_role("button", name="Continue").click()
    uploader = page.locator(
        '[data-testid="stFileUploader"]'
    ).first  # articles; the import's is second
    uploader.wait_for(timeout=60_000)
    with page.expect_file_chooser() as chooser:
        uploader.get_by_test_id("stBaseButton-secondary").click()
    chooser.value.set_files(files)
    page.get_by_text("Read 5 article(s)").wait_for(timeout=60_000)
    page.wait_for_timeout(1000)
    shot(page, "intake", page.get_by_text("Read 5 article(s)"))
    page.get_by_role("button", name="Store 5 article(s) and extract their events").click()
    page.locator(".st-key-review_item").wait_for(timeout=60_000)
    page.wait_for_timeout(2500)
    shot(page, "queue")

    # the first item: its sentence, the words behind each field highlighted
    choose(page, "review_item", "Airstrike")
    marks = page.locator("blockquote").first.locator("mark")
    found = {m.get_attribute("title"): m.inner_text() for m in marks.all()}
    assert found == {"event type (trigger)": "aircraft struck", "place": "Hajin",
                     "date": "on Monday", "who says so": "the SDF"}  # fmt: skip
    shot(page, "review", page.locator("blockquote").first)

    # hostile article text is shown as the words it is
    choose(page, "review_item", "Saraqib")
    assert "<script>window.__pwned=3</script> [read more](http://evil.example/x) **bold**" in (
        _sentence(page)
    )
    assert page.evaluate("window.__pwned") is None
    assert page.locator("blockquote a, blockquote script, blockquote strong").count() == 0
    shot(page, "hostile", page.locator("blockquote").first)

    # the shelling the extractor placed (at the town, since issue 8's name keys): the analyst
    # moves it to a point picked on the map
    choose(page, "review_item", "Jisr al-Shughur")
    page.get_by_text("Change the place").click()
    settle(page)
    page.get_by_role("tab", name="Pick on the map").click()
    settle(page)
    chart = page.locator("[class*='st-key-place_map_'] .js-plotly-plot").first
    chart.wait_for(timeout=30_000)
    page.wait_for_timeout(1500)  # the chart is drawn again once Plotly has its size
    chart.scroll_into_view_if_needed()
    page.wait_for_timeout(1500)
    traces = chart.locator(".scatterlayer .trace")
    grid = next(
        traces.nth(i) for i in range(traces.count())
        if traces.nth(i).locator("path.point").count() == 41 * 41
    )  # fmt: skip
    box = grid.locator("path.point").nth(41 * 26 + 12).bounding_box()  # north-west of the centre
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.wait_for_timeout(500)  # Plotly clicks the point it hovers
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    latitude = page.locator("[class*='st-key-place_lat_'] input").first
    expect(latitude).not_to_have_value("", timeout=30_000)
    picked = float(latitude.input_value())
    name = page.locator("[class*='st-key-place_name_'] input").first
    name.fill("Jisr al-Shughur")
    name.press("Enter")
    page.get_by_text("New place:").wait_for(timeout=30_000)
    shot(page, "pick", page.get_by_text("New place:"))
    page.get_by_role("button", name="Save and accept").click()
    page.get_by_text("Saved and accepted").wait_for(timeout=60_000)

    # accept the airstrike as it is
    choose(page, "review_item", "Airstrike")
    page.get_by_role("button", name="Accept", exact=True).click()
    page.get_by_text("Accepted: Airstrike").wait_for(timeout=60_000)

    events = read_store(store)[0]["events"]
    places = read_store(store)[0]["places"].set_index("place_id")
    reviewed = events[(events["origin"] == "extracted") & (events["review_status"] == "accepted")]
    accepted = reviewed.set_index("event_type")
    assert sorted(accepted.index) == ["airstrike", "shelling"]
    shelling = accepted.loc["shelling"]
    assert places.loc[shelling["place_id"], "latitude"] == pytest.approx(picked, abs=1e-5)
    assert set(accepted["reviewed_by"]) == {"Ana Analyst"}

    # the reader: the accepted event is there, with its batch
    page.get_by_role("link", name="Timeline and map").click()
    page.wait_for_selector(".js-plotly-plot .main-svg", timeout=60_000)
    strike = accepted.loc["airstrike", "event_id"]
    page.goto(f"{url}/?event={strike}", wait_until="networkidle")
    page.wait_for_selector(".js-plotly-plot .main-svg", timeout=60_000)
    page.get_by_text("Coalition aircraft struck Islamic State positions in Hajin").first.wait_for(
        timeout=30_000
    )
    drawn = page.locator(".js-plotly-plot").first.locator(".point").count()
    visible = (~events["background"].astype(bool)) & (events["review_status"] == "accepted")
    assert drawn == int(visible.sum())  # curated and the two accepted, nothing pending
    page.wait_for_timeout(2500)
    shot(page, "reader")


def test_screenshots_at_1920(app, page):
    url, _, _ = app
    page.set_viewport_size(SIZES["1920"])
    page.goto(url + "/analyst", wait_until="networkidle")
    page.locator(".st-key-analyst_name_given input").fill("Ana Analyst")
    page.get_by_role("button", name="Continue").click()
    page.get_by_role("tab", name="Review").click()
    page.locator(".st-key-review_item").wait_for(timeout=60_000)
    page.wait_for_timeout(2000)
    shot(page, "queue")
    choose(page, "review_item", "Saraqib")
    shot(page, "review", page.locator("blockquote").first)
    page.get_by_role("tab", name="Batches and history").click()
    page.wait_for_timeout(1500)
    shot(page, "history", page.get_by_text("Decisions", exact=True))
    page.goto(url, wait_until="networkidle")
    page.wait_for_selector(".js-plotly-plot .main-svg", timeout=60_000)
    page.wait_for_timeout(2500)
    shot(page, "reader")
    page.set_viewport_size(SIZES["1280"])


def test_no_request_left_the_machine(app, page):
    own = urlparse(app[0]).netloc
    outside = [
        u for u in page.requests
        if urlparse(u).scheme not in ("data", "blob") and urlparse(u).netloc != own
    ]  # fmt: skip
    assert page.requests and outside == []
