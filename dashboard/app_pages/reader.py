"""The reader's page: what happened, when, where, and who says so (no sign-in needed)."""

from __future__ import annotations

import logging
import os
from urllib.parse import urlencode

import pandas as pd
import streamlit as st

from dashboard.aggregate import aggregated
from dashboard.briefing import LegendEntry
from dashboard.components.after_draw import ask_after_draw
from dashboard.components.downloads import render_downloads
from dashboard.components.events_table import render_table, render_table_download
from dashboard.components.linked import (
    APP_RERUN,
    DETAIL_HEIGHT_PX,
    ROW_KEY,
    chart_key,
    mark_map_selection,
    on_map_select,
    on_timeline_select,
    render_detail_column,
    scroll_to_detail,
    selected,
)
from dashboard.components.loader import Data, load_data
from dashboard.components.sidebar import FILTER_KEYS, render_filters
from dashboard.components.width_probe import column_width, known_width, wanted
from dashboard.data import LOAD_ERRORS, load_error_message
from dashboard.derived import Derived
from dashboard.event_detail import EventDetail
from dashboard.filters import Filters, Options, describe
from dashboard.map_cells import MAX_ROUTES
from dashboard.map_flows import FLOW_COLOUR, FLOW_LEGEND
from dashboard.mapview import SCREEN_WIDTH_PX
from dashboard.palette import HEX
from dashboard.permalink import BACKGROUND_NOTE, from_params, linked_event, to_params, valid_state
from dashboard.print_style import reader_print_html
from dashboard.screen_figure import screen_figure
from dashboard.screen_style import map_under_header_style
from dashboard.selection import mark_timeline
from dashboard.sources_line import footer_chars, footer_cut, footer_line, full_line, is_cut
from dashboard.text import html_text, markdown_text
from etl.settings import Paths

LOG = logging.getLogger("dashboard")


#: The map's caption wraps: it lists the outlets whole up to about four lines of its column.
CAPTION_CHARS = 300


def _sources_line(outlets: list[str], chosen: list[str]) -> str:
    """'Sources: AFP, AP' as Markdown, or with many outlets 'Sources: 30 outlets: AFP, AP
    and 28 more (all listed below)'; the outlets `chosen` in the filter first
    (`sources_line.full_line`): outlet names are data, shown as text."""
    more = " (all listed below)" if is_cut(outlets, CAPTION_CHARS) else ""
    line = full_line(outlets, chosen, CAPTION_CHARS).removeprefix("Sources: ")
    return "Sources: " + markdown_text(line) + more


def _all_sources(outlets: list[str]) -> None:
    """Every outlet, in an expander, when the sources line leaves some out. In a container
    drawn on every run, so the elements after it keep their place."""
    with st.container():
        if is_cut(outlets, CAPTION_CHARS):
            every = markdown_text(", ".join(outlets))
            with st.container(key="sources_all"), st.expander(f"All {len(outlets)} sources"):
                st.markdown(every)
            # on paper only (dashboard/print_style.py): the list the line above points to
            # printed open (a folded expander printed as a closed control, the names unsaid)
            with st.container(key="sources_print"):
                st.caption(f"All {len(outlets)} sources: {every}")


def _swatch(entry: LegendEntry) -> str:
    """The look of the mark an entry explains (our own CSS; colours are palette constants)."""
    dot = "display:inline-block;width:11px;height:11px;border-radius:50%;margin-right:4px;"
    if entry.kind == "pending":
        return f'<span style="{dot}border:2px solid #333;box-sizing:border-box"></span>'
    if entry.kind == "halo":
        return f'<span style="{dot}width:14px;height:14px;background:rgba(90,90,90,0.22)"></span>'
    if entry.kind == "cell":  # a grid cell's grey circle with its count (map_cells.CELL_FILL)
        return (
            f'<span style="{dot}width:15px;height:15px;background:#444;color:#fff;'
            "border:1px solid #fff;font-size:10px;line-height:15px;text-align:center;"
            'font-weight:700">9</span>'
        )
    if entry.kind == "count":
        return (
            f'<span style="{dot}width:15px;height:15px;background:#666;color:#fff;'
            'font-size:10px;line-height:15px;text-align:center;font-weight:700">3</span>'
        )
    if entry.kind == "flow":  # a short arc's stroke in the Evacuation colour
        return (
            '<span style="display:inline-block;width:16px;height:8px;margin-right:4px;'
            f'border:3px solid {FLOW_COLOUR};border-bottom:none;border-radius:8px 8px 0 0"></span>'
        )
    return f'<span style="{dot}background:{html_text(entry.colour)}"></span>'


def _legend(entries: list[LegendEntry], flows: bool = False) -> None:
    """What the map shows (`entries`: `legend_entries` of the events on it): a swatch per
    event type on it, hollow marks, halo, counts, arcs."""
    entries = [
        e for e in entries if e.kind != "type" or HEX.fullmatch(e.colour)
    ]  # only validated '#rrggbb' colours reach the HTML
    if flows:
        entries.append(LegendEntry("flow", FLOW_LEGEND, FLOW_COLOUR))
    chips = " ".join(
        f'<span style="white-space:nowrap;margin-right:12px">{_swatch(e)}'
        f"{html_text(e.label)}</span>"
        for e in entries
    )
    # Labels are escaped on one line (a blank line would end the HTML block and turn the rest
    # into Markdown).
    st.markdown(f'<div style="font-size:0.85rem">{chips}</div>', unsafe_allow_html=True)


def render_reader() -> None:
    """The reader's page: header, timeline, map, event detail and table, all filtered."""
    paths = Paths.from_env()
    try:
        data = load_data(paths)
    except LOAD_ERRORS as error:
        _render_load_error(error, paths)
        return
    view = data.view
    options = data.options  # made once per build, with the data
    if not st.session_state.get("_restored"):  # first run of a session: restore the linked view
        params, note = linked_event(st.query_params.to_dict(), view)
        st.session_state.update(from_params(params, options))
        if note:
            st.session_state[_LINK_NOTE] = note
        st.session_state["_restored"] = True
    remembered = {k: st.session_state[k] for k in FILTER_KEYS if k in st.session_state}
    whole = st.session_state.get("_f_whole")  # the slider's bounds when last drawn
    st.session_state.update(valid_state(remembered, options, whole))  # the data may have changed
    st.session_state.pop(APP_RERUN, None)  # this is the whole page's run (see _map_part)
    st.session_state[_PAGE_RUNS] = st.session_state.get(_PAGE_RUNS, 0) + 1
    filters = render_filters(options)
    st.session_state["_f_whole"] = options.date_bounds(
        filters.include_background, filters.include_pending
    )
    # everything made from the filtered events is kept per filter state of this build: a
    # rerun that changes nothing, or only the selection, reuses it (dashboard.derived)
    # (the events shown are read whole only when something needs them: a download, a search)
    page = data.page(filters, os.environ.get("CONFLICT_MAP_STYLE") or None)

    _render_header(filters, options, page, view)
    _link_note(filters)
    _render_timeline(page)
    with st.container(key=ROW_KEY):  # a timeline click scrolls here (map and detail)
        _linked_row(page, data, filters, options)
    # while the detail waits for its own run, the link names no event (the chosen one may not
    # be shown under the new filters; the detail's run puts it back, see _detail_part)
    pending = st.session_state.get(_DETAIL_PENDING)
    _sync_url(
        to_params(filters, options, None if pending else st.session_state.get("event_choice"))
    )
    scroll_to_detail()


#: Session key: the line about the link's event (`permalink.linked_event`), while it holds.
_LINK_NOTE = "_link_note"
#: Session key: the event the page opened in place of a link's missing one.
_LINK_SHOWN = "_link_shown"


def _link_note(filters: Filters) -> None:
    """One plain line on what the link's event did: shown while it still holds (background
    events on; the page still on the event it opened in place of a missing one)."""
    note = st.session_state.get(_LINK_NOTE)
    if not note:
        return
    choice = st.session_state.get("event_choice")
    if note == BACKGROUND_NOTE:
        holds = filters.include_background
    else:  # the event opened instead (known once the detail is drawn) until another is chosen
        shown = st.session_state.setdefault(_LINK_SHOWN, choice)
        holds = shown is None or choice == shown
        if shown is None and choice is not None:
            st.session_state[_LINK_SHOWN] = choice
    if not holds:
        st.session_state.pop(_LINK_NOTE, None)
        return
    st.info(markdown_text(note))  # the id is the link's text: plain, never Markdown


def _render_load_error(error: Exception, paths: Paths) -> None:
    """A short message naming the file and what to do; the traceback goes to the server log."""
    LOG.error("could not load the data (store %s)", paths.store, exc_info=error)
    st.title("Conflict timeline")
    st.error(load_error_message(error, paths), icon="⚠️")


def _render_header(filters: Filters, options: Options, page: Derived, view: pd.DataFrame) -> None:
    st.title("Conflict timeline")
    # the areas and dates of what is shown, as the slide's title and caption name them (it
    # said 'Baghouz, Al-Hol and Idlib' and the data's whole range whatever was chosen)
    # (a place named is an article's word: written as plain text, never Markdown)
    named = markdown_text(f"{page.areas_named(options)} · {page.window}")
    st.caption(f"{named} · every event traced to the sentence that reports it")
    st.markdown("**" + markdown_text(describe(filters, options, page.count, len(view))) + "**")


def _render_timeline(page: Derived) -> None:
    """The timeline; a click on a mark chooses that event for the detail panel."""
    # The line sits in a container drawn on every run, so the elements after it keep their
    # place in the page whether it is there or not: moved, the timeline and the map would be
    # mounted anew (the map in a new WebGL context, its shaders compiled again: seconds).
    with st.container():
        if page.shown_as:  # too many events for a mark each: counts (issue 10)
            st.info(page.shown_as)
    chosen = selected(page)
    # the kept figure is shared: a selection is marked on a copy. Sent with the theme
    # applied and theme=None, so the browser draws it once a rerun (dashboard.screen_figure)
    if chosen:
        figure = screen_figure(mark_timeline(page.timeline_copy(), chosen))
    else:
        figure = page.screen_timeline
    # the footer names as many outlets as the timeline's width holds (its kept line is
    # cut for 1280x720): the width the map's probe measured, this session or the last (a
    # first visit's first run has neither: its line is cut until the next run of the page;
    # running it again for the line cost a whole run and the timeline drawn twice)
    chars = footer_chars(known_width("map_width", SCREEN_WIDTH_PX))
    line = footer_line(page.outlets, page.chosen_outlets, chars)
    if line != page.sources_line:
        figure = _with_footer(figure, line)
    st.plotly_chart(
        figure,
        width="stretch",
        theme=None,
        key=chart_key("timeline"),
        on_select=on_timeline_select,  # selects on the map too (dashboard.components.linked)
        selection_mode=("points", "box"),
        # the camera's PNG: drawn 1600 px wide (labels fitted for a 660 px plot have room) at 2x
        config={
            "displaylogo": False,
            "toImageButtonOptions": {
                "filename": "timeline",
                "width": 1600,
                "height": int(figure.layout.height or 600),
                "scale": 2,
            },
        },
    )
    cut = footer_cut(page.outlets, page.chosen_outlets, chars)
    st.caption(timeline_caption(aggregated(page.charted), cut))


def _with_footer(figure, line: str):
    """`figure` (a kept screen figure: not changed) with its footer saying `line`."""
    notes = [dict(n) for n in figure.to_dict()["layout"].get("annotations", ())]
    if len(notes) != 1:  # the footer is the timeline's one annotation
        return figure
    notes[0]["text"] = html_text(line)
    return figure.with_layout(annotations=notes)


def timeline_caption(counts: bool, cut: bool) -> str:
    """The words under the timeline; where its sources are is said as the chart's footer
    says it (`Derived.sources_line`): named under the chart, or, when that line is cut
    short, all of them listed under the map."""
    where = (
        "the chart's last line names some of the sources, all are listed under the map"
        if cut
        else "the sources are named under the chart"
    )
    if counts:
        return f"Bars: events per period, stacked by type, in each area's lane; {where}."
    return (
        "Dots: events of a known day; bars: events known only within a date window; "
        f"{where}. Click a mark to see who reports it."
    )


#: The map's height on screen, and its placeholder's until the browser asks for it.
MAP_HEIGHT_PX = 520


@st.fragment
def _linked_row(page: Derived, data: Data, filters: Filters, options: Options) -> None:
    """The map and the event detail, then the events table, the downloads and the data's
    origin line, rerun on their own when the browser asks for them or reports a new width,
    or a marker is clicked (which then reruns the whole page: the timeline follows the map's
    selection). A session's first run leaves all of them out but the boxes holding the map's
    and the detail's places: they sit below the fold at 1280x720 and 1920x1080, and the
    detail's ~27 elements, the map's first WebGL frame and then the ~20 elements under the
    map (its legend and captions, the table, the download buttons) were most of the
    browser's work before the first screenful (issue 10)."""
    if st.session_state.pop(APP_RERUN, False):
        st.rerun(scope="app")
    map_col, detail_col = st.columns([3, 2], gap="large")
    with map_col:
        _render_map(page, to_params(filters, options, None))
    with detail_col:
        _detail_part(page, data.detail, filters, options)
    if wanted("map_width"):  # drawn with the map, after the first screenful
        _below_row(page, data, filters)


def _below_row(page: Derived, data: Data, filters: Filters) -> None:
    """The events table (folded), the downloads and where the data comes from."""
    render_table(page)
    render_downloads(
        lambda: page.shown,
        data.loaded.tables,
        data.batch_names,
        f"events_{filters.date_from}_{filters.date_to}",
        empty=not page.count,
        first=lambda: render_table_download(page),
    )
    st.caption(data.loaded.origin)


@st.fragment
def _detail_part(page: Derived, detail: EventDetail, filters: Filters, options: Options) -> None:
    """The event chooser, the search and the chosen event's detail, drawn once the browser
    has asked for the map (the same probe, `wanted`); the chooser, the search and the folds
    rerun this alone (the address bar follows the chosen event here); Clear selection reruns
    the whole page (the charts drop their marks)."""
    if st.session_state.pop(APP_RERUN, False):
        st.rerun(scope="app")
    if not wanted("map_width"):
        _detail_placeholder()
        return
    drawn_for = tuple(sorted(to_params(filters, options, None).items()))
    if _detail_waits(drawn_for):
        _detail_placeholder()
        ask_after_draw("detail_ask", st.session_state[_PAGE_RUNS])
        return
    st.session_state.pop(_DETAIL_PENDING, None)
    st.session_state[_DETAIL_FOR] = drawn_for
    render_detail_column(page, detail)
    _sync_url(to_params(filters, options, st.session_state.get("event_choice")))


#: Whole-page runs of this session; the run in which the detail's fragment last ran; the
#: filters the detail was last drawn for; set while a placeholder waits for the browser.
_PAGE_RUNS, _DETAIL_RUN, _DETAIL_FOR, _DETAIL_PENDING = (
    "_page_runs",
    "_detail_run",
    "_detail_for",
    "_detail_pending",
)
#: The view of the map this session was last sent (`Derived.view_after`).
_MAP_VIEW = "_map_view"
#: The detail's own widgets, whose values a run that leaves them out keeps (Streamlit drops
#: the state of a widget not drawn in a whole-page run).
_DETAIL_WIDGETS = ("event_choice", "event_find")


def _detail_waits(drawn_for: tuple) -> bool:
    """Whether this run draws the detail's placeholder and leaves the detail to a run of its
    own fragment, asked for by the browser once the timeline and the map above are redrawn
    (`after_draw`): a whole-page run after a filter change (the detail was most of the
    browser's work for a filter click, issue 10), once per change (a second whole-page run
    before the browser asked draws it). A run of the fragment alone (the browser's ask, the
    chooser, the search, a fold, the map's probe) draws it."""
    state = st.session_state
    run = state.get(_PAGE_RUNS, 0)
    whole = state.get(_DETAIL_RUN) != run
    state[_DETAIL_RUN] = run
    if not whole or _DETAIL_FOR not in state or state[_DETAIL_FOR] == drawn_for:
        return False
    if state.get(_DETAIL_PENDING):
        return False
    for key in [*_DETAIL_WIDGETS, *(k for k in state if str(k).startswith("detail_fold_"))]:
        if key in state:
            state[key] = state[key]  # kept as the page's value while the widget is not drawn
    state[_DETAIL_PENDING] = True
    return True


def _render_map(page: Derived, params: dict[str, str]) -> None:
    noun = "event" if page.count == 1 else "events"
    st.subheader(f"Where: {page.count:,} {noun}, {page.window}")
    # the view is fitted to the real width; a session's first run draws a placeholder of the
    # map's size and the map follows in this fragment's own rerun, once the browser asks for
    # it: once the timeline above is drawn, or the reader scrolls or prints (the map sits
    # below the fold at 1280x720 and 1920x1080, and its first frame in software WebGL was
    # half of Chromium's work for a first page: issue 10)
    width = column_width("map_width", SCREEN_WIDTH_PX, wait=True)
    if wanted("map_width"):
        # the view kept from this session's last map when the events shown are drawn whole
        # in it (one frame in the browser, the reader's own pan and zoom kept), else fitted
        at = page.view_after(st.session_state.get(_MAP_VIEW), width)
        st.session_state[_MAP_VIEW] = at
        st.pydeck_chart(
            mark_map_selection(page.deck_copy(width, at), page, page.by_marker),
            height=MAP_HEIGHT_PX,
            key=chart_key("map"),
            on_select=on_map_select,  # a marker selects its events on the timeline too
            selection_mode="single-object",
        )
    else:  # the legend, captions and links below come with the map (issue 10)
        _map_placeholder()
        return
    _legend(page.legend, flows=not page.arcs.empty)
    if page.not_drawn:  # reported movements with no two map points, named so none goes missing
        st.caption(
            "Reported but not drawn as arcs: "
            + "; ".join(markdown_text(line) for line in page.not_drawn)
            + "."
        )
    st.caption(
        _sources_line(page.outlets, page.chosen_outlets)
        + ". Basemap: Natural Earth (public domain), drawn offline; "
        "places: curated gazetteer and GeoNames (CC BY 4.0). "
        + (
            "Grey circles: the events of one grid cell, larger for more (the number on it); "
            f"hover for their types. Arcs: at most the {MAX_ROUTES} busiest routes between "
            "cells. "
            if page.cells
            else "Markers of one place sit on a ring around it. "
        )
        + "Colours: Okabe–Ito, readable with colour-blindness. Drag to pan; double-click to "
        "zoom in, Shift and double-click to zoom out (the mouse wheel scrolls the page)."
    )
    _all_sources(page.outlets)
    # the same view as a slide or A4 page, with PNG/SVG/PDF downloads (query: our own params)
    link = urlencode(params | {"briefing": "slide"})
    st.markdown(f"[Briefing view: this map and timeline as a slide, with downloads](./?{link})")
    # printed: no sidebar, the map's box held at its width so it prints as drawn (basemap too);
    # on screen, the header made a hair translucent: a map scrolled under it was drawn with
    # its lowest rows blank in software WebGL (`dashboard/screen_style.py`)
    st.html(map_under_header_style() + reader_print_html(), unsafe_allow_javascript=True)


#: The detail column's height until it is drawn: its heading, the search box, the chooser
#: and the detail's own box (DETAIL_HEIGHT_PX), as drawn at 1280 px.
DETAIL_PLACEHOLDER_PX = DETAIL_HEIGHT_PX + 190


def _detail_placeholder() -> None:
    """A light box of the detail column's size (see _map_placeholder)."""
    st.subheader("Event detail")
    with st.container(height=DETAIL_PLACEHOLDER_PX, border=True, key="detail_placeholder"):
        st.caption("Drawing the event detail…")


def _map_placeholder() -> None:
    """A light box of the map's size, so nothing moves when the map replaces it."""
    with st.container(height=MAP_HEIGHT_PX, border=True, key="map_placeholder"):
        st.caption("Drawing the map…")


def _sync_url(params: dict[str, str]) -> None:
    """Keep the address bar a link to this exact view."""
    if st.query_params.to_dict() != params:
        st.query_params.clear()
        st.query_params.update(params)


render_reader()
