"""The first page in Chromium: the map's place held by a box of its size, the map (and the
event detail beside it) drawn in one fragment run once the part above it has been drawn (no
scroll or click needed), at the width the browser measured, and that width remembered for the
next visit (`dashboard/components/width_probe.py`); the map held out of sight until its first
frames are drawn."""

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
#: Before the page's own scripts: where the placeholder and the map sit (top and height in
#: the page, px), when the timeline was first drawn and when the map's element came, and the
#: WebGL contexts made (one: the map drawn once).
WATCH = """
window.__first = {placeholder: null, map: null, plotted: 0, mapped: 0, contexts: 0};
const box = (el) => { const r = el.getBoundingClientRect(); return [r.top + scrollY, r.height]; };
new MutationObserver(() => {
  const held = document.querySelector('.st-key-map_placeholder');
  if (held && !window.__first.placeholder) window.__first.placeholder = box(held);
  const deck = document.querySelector('[data-testid="stDeckGlJsonChart"]');
  if (deck && !window.__first.mapped) window.__first.mapped = performance.now();
  if (deck) window.__first.map = box(deck);
  document.querySelectorAll('.js-plotly-plot').forEach((gd) => {
    if (gd.__watched || typeof gd.on !== 'function') return;
    gd.__watched = true;
    gd.on('plotly_afterplot', () => {
      window.__first.plotted = window.__first.plotted || performance.now();
    });
  });
}).observe(document, {subtree: true, childList: true, attributes: true});
const getContext = HTMLCanvasElement.prototype.getContext;
HTMLCanvasElement.prototype.getContext = function (kind, ...rest) {
  if (String(kind).startsWith('webgl') && !this.__counted) {
    this.__counted = true;
    window.__first.contexts++;
  }
  return getContext.call(this, kind, ...rest);
};
// whether the map's canvas was out of sight when its first draw call was made
window.__first.drawnHidden = null;
for (const gl of [window.WebGLRenderingContext, window.WebGL2RenderingContext]) {
  for (const name of ['drawArrays', 'drawElements', 'drawArraysInstanced',
                      'drawElementsInstanced']) {
    const draw = gl && gl.prototype[name];
    if (!draw) continue;
    gl.prototype[name] = function (...args) {
      if (window.__first.drawnHidden === null && this.canvas.isConnected) {
        window.__first.drawnHidden = getComputedStyle(this.canvas).visibility === 'hidden';
      }
      return draw.apply(this, args);
    };
  }
}
"""


def _visit(context, server) -> tuple[list[tuple[int, bool]], dict]:
    """A visit with no scroll or click: the script runs finished (bytes, a fragment's run?)
    until the map is drawn and 6 s more (for any width's rerun), and what WATCH saw."""
    page = context.new_page()
    page.add_init_script(WATCH)
    socket = Frames()
    page.on("websocket", socket.attach)
    page.goto(server)
    page.wait_for_selector(MAP, timeout=240_000)  # 80-110 s at a load of 20 on 2 cores
    socket.wait_run(page, 2, 240)
    page.wait_for_timeout(6000)
    page.wait_for_function("window.__first.map && window.__first.map[1] > 0")
    seen = page.evaluate("window.__first")
    page.close()
    return [(size, fragment) for size, fragment, _ in socket.per_run], seen


def _width_cookie(context) -> str | None:
    kept = {c["name"]: c["value"] for c in context.cookies()}
    return kept.get("conflict_timeline_map_width")


def _map_followed_in_place(runs, seen) -> None:
    """The first run held the map's place, the map came in one fragment run after the timeline
    was drawn, into the same box (nothing below it moved), and was drawn once."""
    assert [fragment for _, fragment in runs] == [False, True]
    assert 0 < seen["plotted"] < seen["mapped"]
    assert seen["placeholder"] == seen["map"] and round(seen["map"][1]) == 520
    assert seen["contexts"] == 1
    assert runs[1][0] < 100_000  # the map's and the event detail's columns alone: tens of kB


def test_the_map_follows_the_timeline_in_its_own_fragment_run(browser, server):
    """At 1280x720 the map's column is 440 px wide after rounding: the width the server fits
    to before the browser answers, and the one the browser asks for the map at."""
    context = browser.new_context(viewport={"width": 1280, "height": 720})
    runs, seen = _visit(context, server)
    _map_followed_in_place(runs, seen)
    assert _width_cookie(context) == "440"
    context.close()


def test_a_measured_width_is_used_from_the_next_visits_first_run(browser, server):
    """At 1920x1080 the map is drawn once, at the measured width that comes with the browser's
    request for it (it was fitted to 440 and drawn again); the width is remembered."""
    context = browser.new_context(viewport={"width": 1920, "height": 1080})
    runs, seen = _visit(context, server)
    _map_followed_in_place(runs, seen)
    width = _width_cookie(context)
    assert width is not None and int(width) > 440 and int(width) % 40 == 0
    runs, seen = _visit(context, server)  # fitted to the remembered width at once
    _map_followed_in_place(runs, seen)
    assert _width_cookie(context) == width
    context.close()


def test_a_folded_source_shows_its_claims_when_opened(browser, server):
    """Folded claims are not sent with the first page; opening their expander reruns and
    shows them."""
    context = browser.new_context(viewport={"width": 1280, "height": 720})
    page = context.new_page()
    page.goto(server)
    page.wait_for_selector(MAP, timeout=240_000)
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


def test_the_map_is_drawn_out_of_sight_then_shown(browser, server):
    """The map's first frames are drawn while it is hidden (in software WebGL a visible
    canvas's first frame blocked the page for a second or more), and it is then shown,
    without the reader doing anything; printed, it is shown in any case (a screen-only rule)."""
    context = browser.new_context(viewport={"width": 1280, "height": 720})
    page = context.new_page()
    page.add_init_script(WATCH)
    page.goto(server)
    page.wait_for_selector(MAP, timeout=240_000)  # visible: shown
    assert page.evaluate("window.__first.drawnHidden") is True
    deck = page.locator('[data-testid="stDeckGlJsonChart"]')
    assert deck.get_attribute("data-ct-shown") is not None
    assert deck.evaluate("e => getComputedStyle(e).visibility") == "visible"
    # a map not yet shown is printed all the same
    deck.evaluate("e => e.removeAttribute('data-ct-shown')")
    assert deck.evaluate("e => getComputedStyle(e).visibility") == "hidden"
    page.emulate_media(media="print")
    assert deck.evaluate("e => getComputedStyle(e).visibility") == "visible"
    context.close()


#: Before the page's own scripts: per WebGL program (by its shader's name), the vertex
#: layouts its draw calls were made with (each attribute: from a buffer, with its format and
#: divisor, or a constant), followed through vertex array objects.
LAYOUTS = """
window.__layouts = {};
const P = WebGL2RenderingContext.prototype;
const source = P.shaderSource, attach = P.attachShader, use = P.useProgram;
P.shaderSource = function (s, text) { s.__text = text; return source.call(this, s, text); };
P.attachShader = function (p, s) {
  const name = (s.__text || '').match(/#define SHADER_NAME (\\S+)/);
  if (name && !p.__name) p.__name = name[1];
  return attach.call(this, p, s);
};
P.useProgram = function (p) { this.__program = p; return use.call(this, p); };
const DEFAULT = {};
const state = (gl) => gl.__vao || DEFAULT;
const slot = (gl, i) => (state(gl)[i] = state(gl)[i] || {});
const bind = P.bindVertexArray;
P.bindVertexArray = function (v) {
  this.__vao = v ? (v.__state = v.__state || {}) : DEFAULT;
  return bind.call(this, v);
};
const wrap = (name, f) => { const old = P[name]; P[name] = function (...a) { f(this, ...a); return old.apply(this, a); }; };
wrap('enableVertexAttribArray', (gl, i) => { slot(gl, i).on = true; });
wrap('disableVertexAttribArray', (gl, i) => { slot(gl, i).on = false; });
wrap('vertexAttribPointer', (gl, i, size, type, norm, stride) => {
  slot(gl, i).format = [size, type, norm, stride].join(':'); });
wrap('vertexAttribIPointer', (gl, i, size, type, stride) => {
  slot(gl, i).format = ['I', size, type, stride].join(':'); });
wrap('vertexAttribDivisor', (gl, i, d) => { slot(gl, i).divisor = d; });
for (const name of ['drawArrays', 'drawElements', 'drawArraysInstanced', 'drawElementsInstanced']) {
  wrap(name, (gl) => {
    const program = (gl.__program && gl.__program.__name) || '?';
    const s = state(gl);
    const layout = Object.keys(s).sort((a, b) => a - b).map((i) =>
      `${i}=${s[i].on ? `${s[i].format}/${s[i].divisor || 0}` : 'constant'}`).join(' ');
    const seen = (window.__layouts[program] = window.__layouts[program] || []);
    if (!seen.includes(layout)) seen.push(layout);
  });
}
"""


def test_each_kind_of_map_layer_draws_with_one_vertex_layout(browser, server):
    """The three text layers (country names, counts, site names) and the four circle layers
    draw with one vertex layout a kind (`dashboard.map_cells.per_row`): in software WebGL
    each layout is a pipeline compiled before the map's first frame (there were three text
    and three circle layouts)."""
    context = browser.new_context(viewport={"width": 1280, "height": 720})
    page = context.new_page()
    page.add_init_script(LAYOUTS)
    page.goto(server)
    page.wait_for_selector('[data-testid="stDeckGlJsonChart"][data-ct-shown] canvas',
                           timeout=240_000)  # fmt: skip
    page.wait_for_timeout(2000)  # the basemap's images drawn
    layouts = page.evaluate("window.__layouts")
    assert {"multi-icon-layer-vertex-shader", "scatterplot-layer-vertex-shader"} <= set(layouts)
    assert {program: len(seen) for program, seen in layouts.items()} == dict.fromkeys(layouts, 1)
    context.close()
