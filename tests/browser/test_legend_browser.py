"""The timeline's legend holds three entries a row at 1280x720 and at 1920x1080, as the
layout reserves room for, so the sources line under it never runs over its rows and no
reserved row is left empty. With entries of 185 px it held two when the last date label
widened the right margin (18-23 Feb: a 688 px plot), and the sources line ran over the fourth
row; with entries of 170 px it held six a row at 1920 px, two rows of four reserved, and a
blank band of about 50 px was left between the legend and the sources line."""

from __future__ import annotations

import pytest

from tests.browser.serving import NEEDS_CHROMIUM

pytestmark = [pytest.mark.browser, NEEDS_CHROMIUM]

LEGEND = """() => { const gd = document.querySelector('[data-testid="stPlotlyChart"] .js-plotly-plot');
  const entries = [...gd.querySelectorAll('.legend .traces')].map((t) => t.getBoundingClientRect());
  const sources = [...gd.querySelectorAll('.annotation')].map((a) => a.getBoundingClientRect())
    .filter((r) => r.top > Math.min(...entries.map((e) => e.top)));
  return {plot: gd._fullLayout._size.w, n: entries.length,
          rows: new Set(entries.map((e) => Math.round(e.top))).size,
          legendBottom: Math.max(...entries.map((e) => e.bottom)),
          sourcesTop: Math.min(...sources.map((r) => r.top)),
          sourcesBottom: Math.max(...sources.map((r) => r.bottom)),
          chartBottom: gd.getBoundingClientRect().bottom}; }"""
SIZES = {1280: 720, 1920: 1080}


@pytest.mark.parametrize("width", SIZES)
@pytest.mark.parametrize("query", ["/", "/?from=2019-02-18&to=2019-02-23"])
def test_the_legend_holds_three_a_row_above_the_sources(browser, server, query, width):
    context = browser.new_context(viewport={"width": width, "height": SIZES[width]})
    page = context.new_page()
    page.goto(server + query)
    page.wait_for_selector('[data-testid="stPlotlyChart"] .legend .traces', timeout=240_000)
    page.wait_for_function(
        "() => !document.querySelector('[data-testid=stStatusWidget]')", timeout=90_000
    )
    page.wait_for_timeout(1500)
    got = page.evaluate(LEGEND)
    assert got["plot"] < 705 if width == 1280 else got["plot"] > 1000  # the reader's column
    assert got["rows"] == -(-got["n"] // 3), got
    assert got["legendBottom"] <= got["sourcesTop"] <= got["legendBottom"] + 12, got
    assert got["chartBottom"] - got["sourcesBottom"] < 30, got  # no blank band under it
    context.close()
