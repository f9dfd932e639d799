"""The timeline's legend at 1280x720 holds three entries a row, as the layout reserves room
for, so the sources line under it never runs over its rows. With entries of 185 px it held
two when the last date label widened the right margin (18-23 Feb: a 688 px plot), and the
sources line ran over the fourth row."""

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
          sourcesTop: Math.min(...sources.map((r) => r.top))}; }"""


@pytest.mark.parametrize("query", ["/", "/?from=2019-02-18&to=2019-02-23"])
def test_the_legend_holds_three_a_row_above_the_sources(browser, server, query):
    context = browser.new_context(viewport={"width": 1280, "height": 720})
    page = context.new_page()
    page.goto(server + query)
    page.wait_for_selector('[data-testid="stPlotlyChart"] .legend .traces', timeout=240_000)
    page.wait_for_function(
        "() => !document.querySelector('[data-testid=stStatusWidget]')", timeout=90_000
    )
    page.wait_for_timeout(1500)
    got = page.evaluate(LEGEND)
    assert got["plot"] < 705  # the reader's column at 1280 px
    assert got["rows"] == -(-got["n"] // 3), got
    assert got["legendBottom"] <= got["sourcesTop"], got
    context.close()
