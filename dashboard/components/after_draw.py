"""A part of the page drawn in a run of its own, asked for by the browser once the part above
has been redrawn (issue 10).

After a filter click the whole page reruns; the event detail beside the map was most of the
browser's work for that run (a 100,000-event store, *Week*: React 1.44 s with the detail,
0.40 s without), drawn in the same batch as the timeline and the map. The reader's page now
sends a light placeholder of the detail's size in that run, with this invisible component,
which asks for the detail (one rerun of the detail's fragment alone) once the timeline has
been redrawn and the browser has had a moment (two animation frames and an idle callback),
or after LIMIT_MS in any case. The script is ours and fixed; no data reaches it but a number.
"""

from __future__ import annotations

import streamlit as st

#: The browser asks at the latest this long after the component was mounted.
LIMIT_MS = 3_000

_JS = """
export default function(component) {
  const { setStateValue, data } = component;
  let asked = false;
  const timers = [];
  const idle = window.requestIdleCallback || ((f) => setTimeout(f, 50));
  const ask = () => {
    if (asked) return;
    asked = true;
    timers.forEach(clearTimeout);
    setStateValue("asked", data.token);
  };
  // the work of the run that mounted this (the timeline's and the map's redraw) is done by
  // the time the main thread is idle after two frames
  requestAnimationFrame(() => requestAnimationFrame(() => idle(ask, { timeout: 500 })));
  timers.push(setTimeout(ask, data.limit));
  return () => {
    asked = true;
    timers.forEach(clearTimeout);
  };
}
"""

_asker = st.components.v2.component("conflict_timeline_after_draw", js=_JS)


def ask_after_draw(key: str, token: int) -> None:
    """Mount the asker: once the page above is redrawn the browser sets its state to `token`,
    which reruns the fragment this is called in (a new token for each run that draws the
    placeholder, so each asks once)."""
    _asker(
        key=key,
        data={"token": int(token), "limit": LIMIT_MS},
        default={"asked": None},
        on_asked_change=lambda: None,
        height=1,
    )
