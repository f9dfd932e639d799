"""The sidebar: every filter, returning the reader's choices as a Filters value."""

from __future__ import annotations

import streamlit as st

from dashboard.filters import Filters, Options, events
from dashboard.text import plain_text

FILTER_KEYS = (
    "f_dates",
    "f_types",
    "f_areas",
    "f_outlets",
    "f_claimants",
    "f_background",
    "f_pending",
)


def _reset() -> None:
    for key in FILTER_KEYS:
        st.session_state.pop(key, None)


def _pending_toggle(options: Options) -> bool:
    if not options.n_pending:
        return False
    return st.sidebar.toggle(
        f"Include {events(options.n_pending, 'extracted event')} awaiting review",
        key="f_pending",
        help="Events the extractor found in the articles that match no curated event. "
        "They are shown marked as unreviewed.",
    )


def render_filters(options: Options) -> Filters:
    """Draw the filter widgets (defaults: the data's own date range, nothing excluded)."""
    sb = st.sidebar
    sb.header("Filters")
    pending = _pending_toggle(options)
    background = False
    if options.n_background:
        background = sb.toggle(
            f"Include {events(options.n_background, 'background event')}",
            key="f_background",
            help="Context the articles mention but do not report as news, such as the 2014 "
            "'caliphate' declaration. Widens the date range to include them.",
            on_change=lambda: st.session_state.pop("f_dates", None),
        )
    low, high = (
        (options.full_min, options.full_max) if background else (options.date_min, options.date_max)
    )
    if "f_dates" not in st.session_state:  # set here, not as `value=`, so a URL can set it too
        st.session_state["f_dates"] = (low, high)
    dates = sb.slider(
        "Date range",
        min_value=low,
        max_value=high,
        format="D MMM YYYY",
        key="f_dates",
        help="Events whose date window overlaps this range are shown.",
    )
    # options are shown as plain text (not Markdown); labels come from the data
    type_labels = {v: plain_text(label) for v, label in options.event_types}
    types = sb.multiselect(
        "Event types",
        list(type_labels),
        format_func=type_labels.get,
        key="f_types",
        placeholder="All types",
    )
    areas = sb.multiselect("Areas", list(options.areas), key="f_areas", placeholder="All areas")
    sb.subheader("Sources")
    outlet_labels = {v: plain_text(label) for v, label in options.outlets}
    outlets = sb.multiselect(
        "Reported by (outlet)",
        list(outlet_labels),
        format_func=outlet_labels.get,
        key="f_outlets",
        placeholder="Any outlet",
        help="Events with at least one claim published by these outlets.",
    )
    claimant_labels = {v: plain_text(label) for v, label in options.claimants}
    claimants = sb.multiselect(
        "Claimed by",
        list(claimant_labels),
        format_func=claimant_labels.get,
        key="f_claimants",
        placeholder="Anyone",
        help="Events that these organisations (or their spokespeople) reported.",
    )
    sb.button("Reset filters", on_click=_reset, width="stretch")
    return Filters(
        date_from=dates[0],
        date_to=dates[1],
        event_types=tuple(types),
        areas=tuple(areas),
        outlets=tuple(outlets),
        claimants=tuple(claimants),
        include_background=background,
        include_pending=pending,
    )
