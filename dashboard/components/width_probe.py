"""The width, in CSS pixels, of the column a chart is drawn in, as the browser lays it out.

Streamlit does not tell the server how wide a column is, and a map's view (centre and zoom)
has to be fitted on the server, before the browser draws it. This invisible component measures
its own box in the browser (a ResizeObserver, so a resized window reports again) and returns
the width rounded down to a step, so that a pixel of jitter never causes a rerun. Until the browser
has answered (the first run of a session, and in AppTest, which runs no JavaScript) the
caller's default is used. The script is ours and fixed; no data reaches it but two numbers.
"""

from __future__ import annotations

import streamlit as st

#: Widths are reported in steps of this many pixels, between these bounds.
STEP_PX = 40
MIN_PX, MAX_PX = 320, 2400

_JS = """
export default function(component) {
  const { parentElement, setStateValue, data } = component;
  const box = parentElement.host || parentElement;
  const report = () => {
    const width = Math.floor(box.getBoundingClientRect().width / data.step) * data.step;
    if (width > 0 && width !== data.known) {
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


def column_width(key: str, default: int) -> int:
    """This column's width in the browser (pixels), or `default` until the browser answers."""
    known = st.session_state.get(f"{key}_px")
    result = _probe(
        key=key,
        data={"step": STEP_PX, "known": known},
        default={"width": None},
        on_width_change=lambda: None,
        height=1,
    )
    width = clamp_width(getattr(result, "width", None), default)
    st.session_state[f"{key}_px"] = width
    return width
