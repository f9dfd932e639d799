"""The width, in CSS pixels, of the column a chart is drawn in, as the browser lays it out.

Streamlit does not tell the server how wide a column is, and a map's view (centre and zoom)
has to be fitted on the server, before the browser draws it. This invisible component measures
its own box in the browser (a ResizeObserver, so a resized window reports again) and returns
the width rounded down to a step, so that a pixel of jitter never causes a rerun.

A report costs a rerun and a map drawn again (seconds in software WebGL), so the browser
reports only a width other than the one the server fitted to: the caller's default on a
first visit (440 px is the map's column in a 1280 px window: no rerun there), else the width
this browser measured last time, kept in a cookie (a number, nothing else; read from the
session's request, `st.context.cookies`), else the width reported earlier in this session.
Until the browser has answered (and in AppTest, which runs no JavaScript) that width is
used. The script is ours and fixed; no data reaches it but numbers and the cookie's name.

A probe told to wait (`column_width(..., wait=True)`: the reader's map) also holds back its
chart: the server draws a placeholder until the browser asks for the chart, once the part of
the page above has been drawn (or the reader scrolls or prints), and the width goes with that
one request. The map, below the fold at 1280x720 and 1920x1080, then no longer competes with
the first viewport (its first frame in software WebGL was half of Chromium's work for a first
page, issue 10); the cost is a second run per session, of the map's fragment alone. It asks
as soon as that chart is drawn at its width (an idle callback after two frames cost 0.1-0.25 s).

Such a chart (a deck.gl map) is also held out of sight (`visibility: hidden`, on screen only)
until its first frames are drawn: in software WebGL a visible canvas's first frame blocked
the page's main thread for a second or more (its pixels read back while the GPU process
compiles the layers' shaders), and each basemap image's frame after it; a hidden one is drawn
in the background and shown once a WebGL2 fence put after its first draw calls has passed
(at most `HOLD_MS` after it appeared; at once when printed).
"""

from __future__ import annotations

import streamlit as st

#: Widths are reported in steps of this many pixels, between these bounds.
STEP_PX = 40
MIN_PX, MAX_PX = 320, 2400
#: A year: the width is a property of the reader's screen, not of one visit.
COOKIE_AGE_S = 365 * 24 * 3600
#: A waiting probe asks for its chart at the latest this long after it was mounted (should
#: the page above it never be drawn).
LIMIT_MS = 10_000
#: A waiting probe's chart is held out of sight until its first frames are drawn (`_JS`,
#: `holdMap`), at most this long after it appeared.
HOLD_MS = 8_000

_JS = """
// The map held out of sight (visibility: hidden) until its first frames are drawn: in
// software WebGL the page's frame waits for a visible canvas's pixels (the main thread
// blocked while the GPU process compiles the layers' shaders, a second or more), where a
// hidden canvas is drawn in the background while the page goes on (the map's legend, the
// event detail, the images of the basemap). Shown once a fence put after its first draw
// calls has passed (WebGL2), at the latest data.limit ms after it appeared, or when printed.
const DRAWS = ["drawArrays", "drawElements", "drawArraysInstanced", "drawElementsInstanced"];
function holdMap(box, limit) {
  const column = box.closest('[data-testid="stColumn"]') || box.parentElement;
  if (!column || column.hasAttribute("data-ct-map-hold")) return;
  column.setAttribute("data-ct-map-hold", "");
  if (!document.getElementById("ct-map-hold")) {
    const style = document.createElement("style");
    style.id = "ct-map-hold";
    style.textContent = '@media screen { [data-ct-map-hold] [data-testid="stDeckGlJsonChart"]' +
      ":not([data-ct-shown]) { visibility: hidden; } }";  // printed: always shown
    document.head.appendChild(style);
  }
  if (!HTMLCanvasElement.prototype.getContext.__ctKept) {  // which context a canvas has
    const getContext = HTMLCanvasElement.prototype.getContext;
    const kept = function (kind, ...rest) {
      const context = getContext.call(this, kind, ...rest);
      if (context && String(kind).startsWith("webgl")) this.__ctGl = context;
      return context;
    };
    kept.__ctKept = true;
    HTMLCanvasElement.prototype.getContext = kept;
  }
  const watch = () => {
    const charts = column.querySelectorAll(
      '[data-testid="stDeckGlJsonChart"]:not([data-ct-shown]):not([data-ct-watched])');
    charts.forEach((chart) => {
      chart.setAttribute("data-ct-watched", "");
      showWhenDrawn(chart, limit);
    });
  };
  new MutationObserver(watch).observe(column, { subtree: true, childList: true });
  watch();
}
function showWhenDrawn(chart, limit) {
  const started = performance.now();
  let gl = null, drew = false, fence = null;
  const show = () => {
    chart.setAttribute("data-ct-shown", "");
    window.removeEventListener("beforeprint", show);
  };
  window.addEventListener("beforeprint", show);
  const step = () => {
    if (chart.hasAttribute("data-ct-shown")) return;
    if (!chart.isConnected || performance.now() - started > limit) return show();
    if (!gl) {
      const canvas = [...chart.querySelectorAll("canvas")].find((c) => c.__ctGl);
      gl = canvas ? canvas.__ctGl : null;
      if (gl && typeof gl.fenceSync !== "function") return show();
      if (gl) {
        for (const name of DRAWS) {
          const draw = gl[name];
          if (typeof draw === "function") {
            gl[name] = function (...args) { drew = true; return draw.apply(this, args); };
          }
        }
      }
    } else if (drew && !fence) {
      fence = gl.fenceSync(gl.SYNC_GPU_COMMANDS_COMPLETE, 0);  // after the frame's draws
      gl.flush();
    } else if (fence && gl.getSyncParameter(fence, gl.SYNC_STATUS) === gl.SIGNALED) {
      gl.deleteSync(fence);
      return show();
    }
    requestAnimationFrame(step);
  };
  requestAnimationFrame(step);
}

export default function(component) {
  const { parentElement, setStateValue, data } = component;
  const box = parentElement.host || parentElement;
  if (data.hold) holdMap(box, data.hold);
  const measure = () => Math.floor(box.getBoundingClientRect().width / data.step) * data.step;
  // data.wait: the server draws the chart only once asked (its first run drew a placeholder)
  let waiting = Boolean(data.wait);
  const report = () => {
    if (window.matchMedia("print").matches) return;  // a printed sheet is no screen width
    const width = measure();
    if (width <= 0) return;
    document.cookie = `${data.cookie}=${width}; path=/; max-age=${data.age}; SameSite=Strict`;
    if (!waiting && width !== data.known) {
      data.known = width;
      setStateValue("width", width);
    }
  };
  const observer = new ResizeObserver(report);
  observer.observe(box);
  report();
  if (!waiting) return () => observer.disconnect();
  // Ask for the chart (one rerun, with the width) once the page's first Plotly chart (the
  // part above it) has been drawn and the page has had a moment (an idle callback), as soon
  // as the reader scrolls or prints, or after data.limit ms in any case. (Not when the box
  // first nears the viewport: until the chart above is drawn, the page is short and the box
  // sits in view.)
  const timers = [];
  function want() {
    if (!waiting) return;
    waiting = false;
    timers.forEach(clearTimeout);
    const width = measure();
    data.known = width > 0 ? width : data.known;
    setStateValue("drawn", data.known);
  }
  const started = performance.now();
  // drawn at its column's width (Streamlit's chart is first drawn hidden, at Plotly's own)
  const drawn = () => [...document.querySelectorAll("[data-testid=stPlotlyChart]")].some((c) => {
    const svg = c.querySelector(".main-svg");
    const width = svg ? svg.getBoundingClientRect().width : 0;
    return width > 0 && Math.abs(width - c.getBoundingClientRect().width) < 2;
  });
  // asked at once: the run's round trip (tens of ms) leaves the chart's frame time to be
  // committed before the map's elements arrive
  const poll = () => {
    if (!waiting) return;
    if (drawn() || performance.now() - started > data.limit) {
      want();
    } else {
      timers.push(setTimeout(poll, 50));
    }
  };
  poll();
  const scrolled = () => want();
  window.addEventListener("scroll", scrolled, { capture: true, passive: true, once: true });
  window.addEventListener("beforeprint", want);
  return () => {
    observer.disconnect();
    timers.forEach(clearTimeout);
    window.removeEventListener("scroll", scrolled, { capture: true });
    window.removeEventListener("beforeprint", want);
  };
}
"""

_probe = st.components.v2.component("conflict_timeline_width_probe", js=_JS)


def clamp_width(reported: object, default: int) -> int:
    """The reported width as a whole number of pixels within bounds, or the default."""
    if isinstance(reported, bool) or not isinstance(reported, int | float) or reported <= 0:
        return default
    return int(min(MAX_PX, max(MIN_PX, reported)))


def cookie_width(text: object) -> int | None:
    """A width kept in the cookie ('840'), or None for anything else (it comes from the
    browser: any text)."""
    if not isinstance(text, str) or not text.isdigit() or len(text) > 5:
        return None
    width = int(text)
    return width if MIN_PX <= width <= MAX_PX and width % STEP_PX == 0 else None


def cookie_name(key: str) -> str:
    return f"conflict_timeline_{key}"


def _number(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool) and value > 0


def column_width(key: str, default: int, wait: bool = False) -> int:
    """This column's width in the browser (pixels): as reported in this session, else as
    this browser's cookie remembers it, else `default`.

    `wait`: the chart beside the probe is drawn only once the browser asks for it
    (`wanted`): the probe asks, with the width, once the page's first Plotly chart (the part
    above it) has been drawn, or as soon as the reader scrolls or prints (`_JS`)."""
    state = st.session_state
    if f"{key}_seen" not in state:  # first run of a session: what the browser measured before
        state[f"{key}_seen"] = cookie_width(st.context.cookies.get(cookie_name(key))) or default
    assumed = state[f"{key}_seen"]  # what the server fits to until the browser says otherwise
    waiting = wait and not wanted(key)
    result = _probe(
        key=key,
        data={
            "step": STEP_PX,
            "known": assumed,
            "cookie": cookie_name(key),
            "age": COOKIE_AGE_S,
            "wait": waiting,
            "limit": LIMIT_MS,
            "hold": HOLD_MS if wait else 0,
        },
        default={"width": None, "drawn": None},
        on_width_change=lambda: None,
        on_drawn_change=lambda: None,
        height=1,
    )
    reported = getattr(result, "width", None)
    asked = getattr(result, "drawn", None)
    if _number(asked):  # the browser asks for the chart, at this width
        state[f"{key}_wanted"] = True
        if not _number(reported):
            reported = asked
    if _number(reported):
        state[f"{key}_seen"] = reported  # as measured (unclamped): the browser compares to it
    width = clamp_width(reported, clamp_width(assumed, default))
    state[f"{key}_px"] = width
    return width


def known_width(key: str, default: int) -> int:
    """The width the server fits probe `key`'s chart to now (as `column_width` last said,
    else as this browser's cookie says, else `default`), without drawing the probe: for a
    part of the page drawn above it."""
    state = st.session_state
    if f"{key}_px" in state:
        return int(state[f"{key}_px"])
    cookie = cookie_width(st.context.cookies.get(cookie_name(key)))
    return clamp_width(cookie, default)


def wanted(key: str) -> bool:
    """Whether the browser has asked for the chart beside probe `key` in this session
    (`column_width(..., wait=True)`); once asked, it is drawn on every run after."""
    return bool(st.session_state.get(f"{key}_wanted"))
