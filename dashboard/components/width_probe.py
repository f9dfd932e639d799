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
"""

from __future__ import annotations

import streamlit as st

#: Widths are reported in steps of this many pixels, between these bounds.
STEP_PX = 40
MIN_PX, MAX_PX = 320, 2400
#: A year: the width is a property of the reader's screen, not of one visit.
COOKIE_AGE_S = 365 * 24 * 3600

_JS = """
export default function(component) {
  const { parentElement, setStateValue, data } = component;
  const box = parentElement.host || parentElement;
  const report = () => {
    if (window.matchMedia("print").matches) return;  // a printed sheet is no screen width
    const width = Math.floor(box.getBoundingClientRect().width / data.step) * data.step;
    if (width <= 0) return;
    document.cookie = `${data.cookie}=${width}; path=/; max-age=${data.age}; SameSite=Strict`;
    if (width !== data.known) {
      data.known = width;
      setStateValue("width", width);
    }
  };
  const observer = new ResizeObserver(report);
  observer.observe(box);
  report();
  return () => observer.disconnect();
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


def column_width(key: str, default: int) -> int:
    """This column's width in the browser (pixels): as reported in this session, else as
    this browser's cookie remembers it, else `default`."""
    state = st.session_state
    if f"{key}_seen" not in state:  # first run of a session: what the browser measured before
        state[f"{key}_seen"] = cookie_width(st.context.cookies.get(cookie_name(key))) or default
    assumed = state[f"{key}_seen"]  # what the server fits to until the browser says otherwise
    result = _probe(
        key=key,
        data={"step": STEP_PX, "known": assumed, "cookie": cookie_name(key), "age": COOKIE_AGE_S},
        default={"width": None},
        on_width_change=lambda: None,
        height=1,
    )
    reported = getattr(result, "width", None)
    if isinstance(reported, int | float) and not isinstance(reported, bool) and reported > 0:
        state[f"{key}_seen"] = reported  # as measured (unclamped): the browser compares to it
    width = clamp_width(reported, clamp_width(assumed, default))
    state[f"{key}_px"] = width
    return width
