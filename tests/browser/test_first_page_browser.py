"""The first page in Chromium: one script run where the map's assumed width is right, and a
width measured once is remembered for the next visit (`dashboard/components/width_probe.py`)."""

from __future__ import annotations

import re
import sys

import pytest

from etl.settings import ROOT
from tests.browser.serving import NEEDS_CHROMIUM

sys.path.insert(0, str(ROOT / "scripts"))
from websocket_frames import Frames  # noqa: E402

pytestmark = [pytest.mark.browser, NEEDS_CHROMIUM]
MAP = '[data-testid="stDeckGlJsonChart"] canvas'


def _runs_of_a_visit(context, server) -> int:
    """Script runs finished during a visit: open, map drawn, then 6 s for a width's rerun."""
    page = context.new_page()
    socket = Frames()
    page.on("websocket", socket.attach)
    page.goto(server)
    page.wait_for_selector(MAP, timeout=90_000)
    socket.wait_run(page, 1, 90)
    page.wait_for_timeout(6000)
    page.close()
    return socket.runs


def _width_cookie(context) -> str | None:
    kept = {c["name"]: c["value"] for c in context.cookies()}
    return kept.get("conflict_timeline_map_width")


def test_no_second_run_where_the_assumed_width_is_right(browser, server):
    """At 1280x720 the map's column is 440 px wide after rounding: the width the server fits
    to before the browser answers, so the probe does not ask for a rerun."""
    context = browser.new_context(viewport={"width": 1280, "height": 720})
    assert _runs_of_a_visit(context, server) == 1
    assert _width_cookie(context) == "440"
    context.close()


def test_a_measured_width_is_used_from_the_next_visits_first_run(browser, server):
    context = browser.new_context(viewport={"width": 1920, "height": 1080})
    assert _runs_of_a_visit(context, server) == 2  # fitted to 440, then to the real width
    width = _width_cookie(context)
    assert width is not None and int(width) > 440 and int(width) % 40 == 0
    assert _runs_of_a_visit(context, server) == 1  # fitted to the remembered width at once
    context.close()


def test_a_folded_source_shows_its_claims_when_opened(browser, server):
    """Folded claims are not sent with the first page; opening their expander reruns and
    shows them."""
    context = browser.new_context(viewport={"width": 1280, "height": 720})
    page = context.new_page()
    page.goto(server)
    page.wait_for_selector(MAP, timeout=90_000)
    fold = page.locator('.st-key-detail_body [data-testid="stExpander"]').filter(
        has_text="more claim"
    )
    fold = fold.first
    label = fold.locator("summary").inner_text()
    count = int(re.search(r"(\d+) more claims? from", label).group(1))  # after the icon's name
    assert fold.locator("blockquote").count() == 0  # not sent
    fold.locator("summary").click()
    page.wait_for_function(
        "n => document.querySelector('.st-key-detail_body [data-testid=\"stExpander\"]')"
        ".querySelectorAll('blockquote').length === n",
        arg=count,
        timeout=60_000,
    )
    context.close()
