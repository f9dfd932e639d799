"""The sidebar: every filter, returning the reader's choices as a Filters value."""

from __future__ import annotations

import streamlit as st

from dashboard import date_presets
from dashboard.components.linked import clear_selection
from dashboard.filters import Filters, Options, dates_after_toggle, events
from dashboard.permalink import default_state
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


def _reset(options: Options) -> None:
    """Every widget back to its default. Values are set, not deleted: a deleted key leaves the
    browser's widget showing the old choice (the 'CBC News' chip), which the next change of any
    widget would send back and apply again."""
    st.session_state.update(default_state(options))
    st.session_state["event_find"] = ""  # the event search box beside the detail
    clear_selection()


def _bounds(options: Options) -> date_presets.Range:
    state = st.session_state
    return options.date_bounds(bool(state.get("f_background")), bool(state.get("f_pending")))


def _preset(options: Options, name: str) -> None:
    """A preset button: set the slider's range (a callback, so it runs before the slider)."""
    bounds = _bounds(options)
    current = tuple(st.session_state.get("f_dates") or bounds)
    st.session_state["f_dates"] = {
        "day": lambda: date_presets.one_day(current, bounds),
        "week": lambda: date_presets.one_week(current, bounds),
        "all": lambda: date_presets.whole_range(bounds),
        "earlier": lambda: date_presets.step(current, bounds, -1),
        "later": lambda: date_presets.step(current, bounds, +1),
    }[name]()


def _typed(options: Options, changed: str) -> None:
    """A date typed in 'From' or 'To' moves the slider."""
    bounds = _bounds(options)
    state = st.session_state
    current = tuple(state.get("f_dates") or bounds)
    start, end = state.get("f_from") or current[0], state.get("f_to") or current[1]
    state["f_dates"] = date_presets.from_inputs(start, end, changed, bounds)


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


def _date_controls(options: Options, bounds: date_presets.Range, dates: tuple) -> None:
    """Typed dates and presets beside the slider (one day by the slider is ~3 px).

    Laid out for the sidebar's ~300 px: the dates one under the other (side by side they
    were cut to '2019-01-0'), the presets three and two to a row."""
    sb = st.sidebar
    # the inputs follow the slider: set before they are drawn, changed only by callbacks
    st.session_state["f_from"], st.session_state["f_to"] = dates[0], dates[1]
    for key, label in (("f_from", "From"), ("f_to", "To")):
        sb.date_input(
            label,
            min_value=bounds[0],
            max_value=bounds[1],
            format="YYYY-MM-DD",
            key=key,
            on_change=_typed,
            args=(options, label.lower()),
        )
    rows = (
        (
            ("day", "Day", "Only the first day of the range"),
            ("week", "Week", "Seven days from the first day of the range"),
            ("all", "All", "The whole range"),
        ),
        (
            ("earlier", "◀ Earlier", "The same number of days just before"),
            ("later", "Later ▶", "The same number of days just after"),
        ),
    )
    # a step past the range's edge did nothing, silently: disabled there, and said why
    edge = {"earlier": -1, "later": +1}
    for row in rows:
        for column, (name, label, tip) in zip(sb.columns(len(row), gap="small"), row):
            stopped = name in edge and date_presets.at_edge(tuple(dates), bounds, edge[name])
            column.button(
                label,
                key=f"f_preset_{name}",
                help=_EDGE_TIPS[name] if stopped else tip,
                on_click=_preset,
                args=(options, name),
                width="stretch",
                disabled=stopped,
            )
    note = date_presets.edge_note(tuple(dates), bounds)
    shown = date_presets.describe_range(tuple(dates), bounds)
    sb.caption(f"Showing {shown}" + (f", {note}." if note else "."))


#: The Earlier/Later buttons' tips when the range already reaches that end of the data.
_EDGE_TIPS = {
    "earlier": "The range already starts on the data's first day (of any event, any filter)",
    "later": "The range already ends on the data's last day (of any event, any filter)",
}


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
    _date_controls(options, (low, high), dates)
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
    sb.button("Reset filters", on_click=_reset, args=(options,), width="stretch", key="f_reset")
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
