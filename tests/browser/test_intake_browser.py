"""The analyst's upload preview in headless Chromium at 1280x720 and 1920x1080: the table of
articles read fits its box, so no column is cut at its right edge. Found in session 30's
walkthrough: a file in windows-1252 was shown as 'windows-1252 (detected by
charset-normalizer)', which pushed the table 54 px past its 1118 px box at 1280 and cut the
*characters* column off (the note under the table already says what was assumed). And when
every article uploaded is in the store already, the *already stored* column ('batch “name”
(id)') made the table 1401 px wide in its 1118 px box at 1280, *dateline* and *characters*
off its edge: the short columns now have set widths and the long ones wrap (as the review
table's, session 29).

Screenshots go to artifacts/screenshots/intake_preview_{new,stored}_{1280,1920}.png.
"""

from __future__ import annotations

import pytest

from tests.browser.serving import NEEDS_CHROMIUM, SHOTS, running_app

pytestmark = [pytest.mark.browser, NEEDS_CHROMIUM]
SIZES = [(1280, 720), (1920, 1080)]

#: A wire story with a dateline, a Markdown file from a monitoring site, and a French desk's
#: file saved in windows-1252 (the walkthrough's own texts).
FILES = {
    "baghouz_march5.txt": (
        "Title: Convoy leaves Baghouz as SDF pauses assault\nOutlet: Reuters\n"
        "Published: 2019-03-05\n\nOUTSIDE BAGHOUZ, Syria (Reuters) — A convoy of about 30 "
        "trucks carried hundreds of women and children out of the Islamic State group's last "
        "enclave in Baghouz on Tuesday, the Syrian Democratic Forces said.\n"
    ).encode(),
    "idlib_shelling.md": (
        b"Title: Shelling hits Khan Sheikhun market\nOutlet: Middle East Monitor\n"
        b"Published: 2019-03-06\n\nGovernment shelling struck a market in the town of Khan "
        b"Sheikhun in southern Idlib province on Wednesday, killing at least seven civilians.\n"
    ),
    "latin1_cafe.txt": (
        b"Title: Caf\xe9 bomb in Idlib\nOutlet: Le Monde\nPublished: 2019-03-08\n\n"
        b"IDLIB, Syria \x96 A bomb killed eight people near a caf\xe9 in Idlib on Friday, "
        b"witnesses said. \xabIt was a massacre\xbb, a resident told the r\xe9porter.\n"
    ),
}


@pytest.fixture(scope="module")
def files(tmp_path_factory):
    folder = tmp_path_factory.mktemp("uploads")
    for name, data in FILES.items():
        (folder / name).write_bytes(data)
    return [str(folder / name) for name in FILES]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    with running_app({"CONFLICT_STORE": str(tmp_path_factory.mktemp("s") / "store")}) as url:
        yield url


@pytest.fixture(scope="module")
def stored_server(tmp_path_factory):
    """A store that holds the three files already (stored as the analyst's page stores them)."""
    from dashboard.intake import read_uploads
    from etl.ingest import IngestOptions, ingest
    from etl.settings import Paths

    store = tmp_path_factory.mktemp("stored") / "store"
    drafts, problems = read_uploads(FILES.items())
    assert len(drafts) == 3 and not problems
    report = ingest(Paths(store=store), drafts, problems, IngestOptions(batch_name="March wires"))
    assert len(report.added) == 3
    with running_app({"CONFLICT_STORE": str(store)}) as url:
        yield url


def _settle(page) -> None:
    page.wait_for_timeout(500)
    page.wait_for_function(
        "() => !document.querySelector('[data-testid=\"stStatusWidget\"]')", timeout=120_000
    )


@pytest.mark.parametrize("size", SIZES, ids=["1280", "1920"])
def test_the_preview_of_what_was_read_fits_its_box(server, browser, files, size):
    _preview_fits(server, browser, files, size, "new")


@pytest.mark.parametrize("size", SIZES, ids=["1280", "1920"])
def test_the_preview_of_articles_stored_already_fits_its_box(stored_server, browser, files, size):
    _preview_fits(stored_server, browser, files, size, "stored")


def _preview_fits(server, browser, files, size, case) -> None:
    width, height = size
    page = browser.new_page(viewport={"width": width, "height": height})
    try:
        page.goto(server + "/analyst")
        _settle(page)
        page.get_by_test_id("stTextInputField").first.fill("Test Analyst")
        page.keyboard.press("Enter")
        _settle(page)
        page.locator('[data-testid="stFileUploaderDropzoneInput"]').first.set_input_files(files)
        _settle(page)
        grid = page.locator('[data-testid="stDataFrame"]').filter(has_text="encoding").first
        grid.wait_for(timeout=60_000)
        grid.scroll_into_view_if_needed()
        page.wait_for_timeout(800)
        SHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SHOTS / f"intake_preview_{case}_{width}.png"))
        inner, outer = grid.evaluate(
            "g => { const s = g.querySelector('.dvn-scroller');"
            " return [s.scrollWidth, s.clientWidth]; }"
        )
        headings = grid.locator('[role="columnheader"]').all_inner_texts()
        assert ("already stored" in headings) == (case == "stored"), headings
        assert {"dateline", "characters"} <= set(headings), headings
        assert outer > 0.8 * (width - 160), outer  # the table takes the page's width
        assert inner <= outer + 1, f"the table is {inner} px wide in a {outer} px box"
    finally:
        page.close()


def test_a_file_over_the_limit_is_named_and_the_rest_stored(server, browser, files, tmp_path):
    """Session 34: a file over 20 MB was refused by the browser itself (the uploader's
    `max_upload_size`): a red chip on the uploader said "File must be 20.0MB or smaller",
    while the page's problems, the *Go on without* box and the stored batch's report never
    named it. Now it reaches the server, is named with its size and the limit beside the
    other problems, and the batch's report says it was left out."""
    big = tmp_path / "huge_report.txt"
    big.write_bytes(b"Title: Huge\n\n" + b"Government forces shelled Saraqib. " * 600_000)
    page = browser.new_page(viewport={"width": 1280, "height": 720})
    try:
        page.goto(server + "/analyst")
        _settle(page)
        page.get_by_test_id("stTextInputField").first.fill("Test Analyst")
        page.keyboard.press("Enter")
        _settle(page)
        # the dropzone's line says our limit, not Streamlit's "200MB per file"
        page.wait_for_function(
            "() => { const e = document.querySelector("
            "'[data-testid=\"stFileUploaderDropzoneInstructions\"] span');"
            " return e && getComputedStyle(e, '::after').content.startsWith('\"20 MB per file'); }",
            timeout=30_000,
        )
        chosen = [files[1], str(big)]  # a good Markdown article and the 21 MB one
        page.locator('[data-testid="stFileUploaderDropzoneInput"]').first.set_input_files(chosen)
        _settle(page)
        refused = page.locator('[data-testid="stAlert"]').filter(has_text="huge_report.txt")
        refused.first.wait_for(timeout=60_000)
        assert "is 21.0 MB, over the limit of 20.0 MB per file" in refused.first.inner_text()
        assert page.locator('[data-testid="stFileUploaderFileErrorMessage"]').count() == 0
        page.get_by_text("Go on without what has problems (huge_report.txt)").click()
        _settle(page)
        page.get_by_role("button", name="Store 1 article(s) and extract their events").click()
        report = page.get_by_text("Left out huge_report.txt: is 21.0 MB, over the limit")
        report.first.wait_for(timeout=180_000, state="attached")  # on the tab left for Review
        _settle(page)
        page.get_by_role("tab", name="Bring articles in").click()
        report.first.wait_for(timeout=30_000)
        page.screenshot(path=str(SHOTS / "intake_over_limit_1280.png"))
    finally:
        page.close()
