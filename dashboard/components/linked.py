"""Linked views on the reader's page: one selection shared by the timeline and the map, and
the event chooser that follows it.

A click or box on the timeline, or a click on a map marker, replaces the page's selection
(`sel_events`) in a callback (so it is set before anything is drawn); both charts are then
drawn with it marked, the detail shows the first selected event, and after a timeline click
the page scrolls to the map and the detail. One click on Clear selection (beside the map,
where a timeline click scrolls to) clears it; a box drawn round nothing clears it too.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pydeck as pdk
import streamlit as st

from dashboard.components.detail_panel import render_detail
from dashboard.derived import Derived
from dashboard.event_detail import EventDetail
from dashboard.event_search import find_events, option_label
from dashboard.selection import (
    ids_from_map,
    ids_from_timeline,
    mark_map,
    marker_events,
)
from dashboard.text import plain_text
from dashboard.views import best_documented

SELECTED = "sel_events"
#: Streamlit adds `st-key-<key>` as a class: the scroll target (the map and detail row).
ROW_KEY = "linked_views"
_SCROLL = "_scroll_to_detail"
#: The detail's own height: with the chooser above it, about the map's column beside it.
DETAIL_HEIGHT_PX = 640
#: Events the chooser lists at most (each option went to the browser: 14 MB at 100,000).
CHOOSER_LIMIT = 500
#: marker key -> event ids, as drawn on the last run (read by the map's selection callback).
_MARKERS = "_marker_events"
#: Set by the map's selection callback and Clear selection: the map and the detail sit in
#: fragments (the reader's page), whose own rerun then reruns the whole page, so the other
#: views follow.
APP_RERUN = "_map_selected_rerun"


def chart_key(chart: str) -> str:
    """The chart's widget key. Streamlit's chart selections are read-only, so a chart whose
    own selection no longer matches the page's (the map still dimming all but a marker after
    a timeline click or Clear) is drawn anew under a new key, with no selection of its own."""
    return f"{chart}_{st.session_state.get('_gen_' + chart, 0)}"


def _holds_selection(chart: str) -> bool:
    """Whether the chart's own selection (Streamlit's state for its key) has anything in it."""
    state = st.session_state.get(chart_key(chart)) or {}
    return any(bool(part) for part in (state.get("selection") or {}).values())


def _renew(*charts: str) -> None:
    """A new key for each chart holding a selection of its own. Only those: a chart under a
    new key is mounted anew in the browser (the map in a new WebGL context, its shaders
    compiled again: seconds in software rendering), so one with nothing selected keeps its key."""
    for chart in charts:
        if _holds_selection(chart):
            st.session_state["_gen_" + chart] = st.session_state.get("_gen_" + chart, 0) + 1


def _select(ids: list[str], scroll: bool) -> None:
    state = st.session_state
    if ids:
        state[SELECTED] = ids
        state["event_choice"] = ids[0]
        if scroll:
            state[_SCROLL] = state.get("_scroll_count", 0) + 1
            state["_scroll_count"] = state[_SCROLL]
    else:
        state.pop(SELECTED, None)


def on_timeline_select() -> None:
    _select(ids_from_timeline(st.session_state.get(chart_key("timeline"))), scroll=True)
    _renew("map")


def on_map_select() -> None:
    by_marker = st.session_state.get(_MARKERS) or {}
    _select(ids_from_map(st.session_state.get(chart_key("map")), by_marker), scroll=False)
    _renew("timeline")
    st.session_state[APP_RERUN] = True


def clear_selection() -> None:
    """Nothing selected, on the page or in either chart."""
    st.session_state.pop(SELECTED, None)
    _renew("timeline", "map")


def _clear_button() -> None:
    """Clear selection beside the detail: the detail's fragment then reruns the whole page
    (`APP_RERUN`), so the timeline and the map drop their marks."""
    clear_selection()
    st.session_state[APP_RERUN] = True


def selected(page: Derived) -> list[str]:
    """The page's selection among the events the filters show (no pass over them when
    nothing is selected: 0.35 s a call at 100,000 events)."""
    ids = st.session_state.get(SELECTED) or []
    return page.holds(ids) if ids else []


def mark_map_selection(
    deck: pdk.Deck, page: Derived, by_marker: dict[str, list[str]] | None = None
) -> pdk.Deck:
    """The map with the selection ringed; remembers which events each marker stands for
    (`by_marker`: marker_events of the events shown, made here when not given)."""
    by_marker = marker_events(page.shown) if by_marker is None else by_marker
    st.session_state[_MARKERS] = by_marker
    return mark_map(deck, selected(page), by_marker)


def _labels(rows: pd.DataFrame) -> dict[str, str]:
    """Options start with the ISO date and then the date as people write it, so a typed
    '2019-02-20' or '20 Feb 2019' finds the day; plain text (not Markdown). Made only for the
    events the chooser lists (a label per event shown was 10 s of a rerun at 100,000)."""
    columns = ("event_id", "date_text", "label", "place", "summary")
    whens = _option_dates(rows["date_start"], rows["date_end"])
    if whens is None:  # a missing or unusual date: option_label itself
        columns = ("event_id", "date_start", "date_end", "date_text", "label", "place", "summary")
        return {
            event: plain_text(option_label(start, end, f"{when} · {label} · {place}: {summary}"))
            for event, start, end, when, label, place, summary in zip(
                *(rows[c].tolist() for c in columns)
            )
        }
    return {
        event: plain_text(f"{dates} · {when} · {label} · {place}: {summary}")
        for dates, event, when, label, place, summary in zip(
            whens, *(rows[c].tolist() for c in columns)
        )
    }


def _option_dates(starts: pd.Series, ends: pd.Series) -> list[str] | None:
    """`option_label`'s dates per row ('2019-02-20', '2019-02-16 → 02-21', '2018-12-30 →
    2019-01-02') from numpy's day strings (500 Timestamps formatted one by one were a third
    of the chooser's time); None when a date is missing or its year not of four digits."""
    start, end = starts.to_numpy(), ends.to_numpy()
    if start.dtype.kind != "M" or end.dtype.kind != "M":
        return None
    if np.isnat(start).any() | np.isnat(end).any():
        return None
    first = np.datetime_as_string(start, unit="D").tolist()
    last = np.datetime_as_string(end, unit="D").tolist()
    if any(len(day) != 10 or day[0] == "0" for day in first + last):
        return None
    same = (start == end).tolist()
    return [
        a if one else (f"{a} → {b[5:]}" if a[:4] == b[:4] else f"{a} → {b}")
        for a, b, one in zip(first, last, same)
    ]


def _search_text(shown: pd.DataFrame) -> pd.Series:
    """What the words of a search are looked for in: the labels' parts, joined in one
    vectorised pass (made only when the reader types)."""
    parts = [shown[c].dt.strftime("%Y-%m-%d") for c in ("date_start", "date_end")]
    parts += [shown[c] for c in ("date_text", "label", "place", "summary")]
    text = pd.Series("", index=shown.index, dtype="string")
    for part, sep in zip(parts, ("", " ", " · ", " · ", " · ", ": ")):
        text = text + sep + part.astype("string").fillna("")
    return text


def _choices(page: Derived) -> list[str]:
    """The events the chooser offers: the selection on the charts if there is one, else the
    events found by the search box (a day or words), else every event shown; at most
    CHOOSER_LIMIT of them, the newest (each option is sent to the browser on every rerun).
    Only a search reads every event shown whole."""
    chosen = selected(page)
    if chosen:
        st.caption(
            f"{len(chosen)} event{'' if len(chosen) == 1 else 's'} selected on the timeline "
            "or map; Clear selection lists every event again."
        )
        st.button("Clear selection", on_click=_clear_button, key="clear_selection")
        return _capped(chosen, "selected")
    query = st.text_input(
        "Find an event by day or words",
        key="event_find",
        placeholder="20 Feb, 2019-02-20, convoy …",
        help="A day finds every event whose date window holds it (an event known only as "
        "'18–21 Feb' is found by 20 Feb); words find events whose label holds each of them.",
    )
    if not query.strip():
        return _newest(page)
    shown = page.shown
    mask = find_events(shown, _search_text(shown), query)
    found = shown.loc[mask.to_numpy(dtype=bool), "event_id"].tolist()
    if not found:
        st.caption(f"Nothing found for “{plain_text(query.strip())}”; every event is listed.")
        return _newest(page)
    st.caption(f"{len(found)} of {page.count} events found.")
    return _capped(found, "found")


def _newest(page: Derived) -> list[str]:
    """The newest CHOOSER_LIMIT events shown (only their ids are made Python strings:
    1,000,000 were 0.2 s of a rerun)."""
    ids = page.newest_ids(CHOOSER_LIMIT)
    _cut(page.count, "shown")
    return ids


def _capped(ids: list[str], what: str) -> list[str]:
    """The newest CHOOSER_LIMIT of `ids` (in date order), saying so on the page when cut."""
    _cut(len(ids), what)
    return list(ids[-CHOOSER_LIMIT:])


def _cut(n: int, what: str) -> None:
    if n > CHOOSER_LIMIT:
        st.caption(
            f"The list holds the newest {CHOOSER_LIMIT:,} of the {n:,} events {what}; "
            "type a day or words above to find the others."
        )


def render_detail_column(page: Derived, detail: EventDetail) -> None:
    """The event chooser and the chosen event's detail (`detail`: its claims and figures),
    for the events `page` shows (only the rows listed are read, not every event shown)."""
    st.subheader("Event detail")
    if not page.count:
        st.info("No events match the filters. Widen the date range or clear a filter.")
        return
    options = _choices(page)
    current = st.session_state.get("event_choice")
    listed = page.rows_of(options)
    if current not in options:
        if isinstance(current, str) and page.holds([current]):  # e.g. from a link: kept
            options = [*options, current]
            listed = page.rows_of(options)
        else:
            current = best_documented(listed)
    # The chooser is told its value on every run (set through the session state, which
    # Streamlit sends to the browser as the widget's value). Its identity is its key alone, so
    # when the options change the browser otherwise kept the choice it showed by position:
    # after the Airstrike click at 100,000 events it named '24-28 Oct 2019 · Baghdad north'
    # while the detail below showed al-Fu'ah farms, the value the server kept, for good.
    st.session_state["event_choice"] = current
    # the detail is read before the chooser is drawn, so the new choice and its detail reach
    # the browser together (not the chooser first, over the detail of the last choice)
    claims, figures = detail(current)
    labels = _labels(listed)
    chosen = st.selectbox(
        "Choose an event",
        options,
        format_func=labels.get,
        key="event_choice",
        filter_mode="contains",  # fuzzy matching found '20 Feb' in March labels
    )
    if chosen != current:  # not expected: the chooser was given `current`
        claims, figures = detail(chosen)
    event = listed[listed["event_id"] == chosen].iloc[0].rename(None).to_dict()
    # the event's own panel scrolls: an 18-claim event no longer makes the page 7,855 px tall,
    # and the chooser above it stays in view beside the map; its border shows where it ends
    # (without one the detail seemed to end at the panel's foot, its claims out of sight)
    with st.container(height=DETAIL_HEIGHT_PX, border=True, key="detail_body"):
        note = detail.date_note(event.get("date_note"))  # articles by name, not by number
        render_detail(claims, figures, event | {"event_id": chosen, "date_note": note})


def scroll_to_detail() -> None:
    """After a timeline click, bring the map and the detail into view (once per click)."""
    count = st.session_state.pop(_SCROLL, None)
    if count is None:
        return
    # fixed script, no data in it; the count makes each click's element new, so it runs again
    st.html(
        f"<div data-scroll='{int(count)}'></div><script>"
        "setTimeout(() => { const row = window.parent.document.querySelector("
        f"'.st-key-{ROW_KEY}') || document.querySelector('.st-key-{ROW_KEY}');"
        " if (row) { row.style.scrollMarginTop = '72px';"  # clear of Streamlit's top bar
        " row.scrollIntoView({behavior: 'smooth', block: 'start'}); } }, 400);"
        "</script>",
        unsafe_allow_javascript=True,
    )
