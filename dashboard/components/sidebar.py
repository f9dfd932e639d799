"""The sidebar: every filter, returning the reader's choices as a Filters value."""

from __future__ import annotations

import streamlit as st

from dashboard.filters import Filters, Options, dates_after_toggle, events
from dashboard.text import plain_text

FILTER_KEYS = (
    "f_dates",
    "f_types",
    "f_areas",
    "f_outlets",
    "f_claimants",
    "f_batches",
    "f_background",
    "f_pending",
)


def _reset() -> None:
    for key in FILTER_KEYS:
        st.session_state.pop(key, None)


def _rebound(options: Options, toggled: str) -> None:
    """A toggle changed which events may be shown: move the date range with the bounds."""
    state = st.session_state
    background, pending = bool(state.get("f_background")), bool(state.get("f_pending"))
    before = (not background, pending) if toggled == "f_background" else (background, not pending)
    state["f_dates"] = dates_after_toggle(
        state.get("f_dates"),
        options.date_bounds(*before),
        options.date_bounds(background, pending),
    )


def _pending_toggle(options: Options) -> bool:
    if not options.n_pending:
        return False
    return st.sidebar.toggle(
        f"Include {events(options.n_pending, 'extracted event')} awaiting review",
        key="f_pending",
        help="Events the extractor found in the articles that an analyst has not reviewed "
        "yet. They are shown marked as unreviewed, and the date range covers them.",
        on_change=_rebound,
        args=(options, "f_pending"),
    )


def _batch_filter(options: Options) -> tuple[str, ...]:
    labels = {v: plain_text(label) for v, label in options.batches}
    return tuple(
        st.sidebar.multiselect(
            "Batch",
            list(labels),
            format_func=labels.get,
            key="f_batches",
            placeholder="Every batch",
            help="Curated events were read by hand; the others came in with a batch of "
            "articles an analyst uploaded and reviewed.",
        )
    )


def _source_filters(options: Options) -> tuple[list[str], list[str]]:
    """Who published (outlets) and who said so (claimants)."""
    sb = st.sidebar
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
    return outlets, claimants


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
            on_change=_rebound,
            args=(options, "f_background"),
        )
    low, high = options.date_bounds(background, pending)
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
    batches = _batch_filter(options)
    outlets, claimants = _source_filters(options)
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
        batches=batches,
    )
