"""The reader's table of the events shown, made only when the reader opens it (issue 10)."""

from __future__ import annotations

import streamlit as st

from dashboard import views
from dashboard.derived import Derived
from dashboard.print_table import print_table_html

#: The table's expander (open: True in the session; the page's link does not keep it).
TABLE_KEY = "table_open"
#: The note printed instead of the folded table (shown on paper only).
PRINT_NOTE_KEY = "table_print_note"
#: The table as printed, in place of the grid (shown on paper only).
PRINT_TABLE_KEY = "table_print"
#: The grid's columns on screen, in this order, with these headings: what a journalist reads
#: (when, what, where, who reported it) first, the ACLED types, coordinates and ids after.
#: The CSV keeps the table's own order and names. Before (session 33's walk-through), at
#: 1280x720 the first screen of the grid was date, date_start, date_end, date_precision,
#: event_type, acled_event_type ...: the summary and the outlets were 13 columns to the right.
SCREEN_COLUMNS = {
    "date": "date",
    "event_type": "type",
    "area": "area",
    "place": "place",
    "summary": "summary",
    "outlets": "reported by",
    "claimants": "claimed by",
    "independent_sources": "independent sources",
    "figures": "figures",
    "review_status": "review status",
    "origin": "origin",
    "acled_event_type": "ACLED event type",
    "acled_sub_event_type": "ACLED sub-event type",
    "latitude": "latitude",
    "longitude": "longitude",
    "geo_precision": "place precision",
    "date_start": "first day",
    "date_end": "last day",
    "date_precision": "date precision",
    "event_id": "event id",
}


def render_table(page: Derived) -> None:
    """The newest events shown (at most TABLE_ROWS rows are sent to the browser), made only
    while its expander is open (opening it reruns); its CSV is `render_table_download`.

    Closed on a first page: the table sits below the map, out of sight at 1280x720 and
    1920x1080, and Streamlit's grid (its script and its canvas) was about 1.5 of Chromium's
    9-11 CPU-s for a first load with the default data (issue 10)."""
    rows = views.TABLE_ROWS  # read when run (tests lower it)
    st.subheader("Events shown")
    label = _table_label(page.count, rows)
    box = st.expander(label, key=TABLE_KEY, on_change="rerun")
    if not box.open and page.count:
        # on paper only (dashboard/print_style.py): a folded table printed as a closed
        # expander, a control that does nothing on a sheet, with no word of what it held
        with st.container(key=PRINT_NOTE_KEY):
            st.caption(_print_note(label))
    if box.open:
        with box:
            table = page.table(rows)
            st.dataframe(
                table,
                hide_index=True,
                width="stretch",
                column_order=[c for c in SCREEN_COLUMNS if c in table]
                + [c for c in table if c not in SCREEN_COLUMNS],
                column_config={
                    c: st.column_config.Column(h, width="large" if c == "summary" else None)
                    for c, h in SCREEN_COLUMNS.items()
                },
            )
            # on paper only (dashboard/print_style.py): the grid is a scrolling canvas, which
            # printed as its first nine rows, cut at its edge
            with st.container(key=PRINT_TABLE_KEY):
                st.html(print_table_html(page.table(rows), page.count))
            if page.count > rows:
                st.caption(
                    f"The table lists the newest {rows:,} of the {page.count:,} events "
                    "shown; the CSV below holds all of them. Narrow the filters to list fewer."
                )


def render_table_download(page: Derived) -> None:
    """The CSV of every event shown (the table's own columns), built only when the reader
    clicks: the first of the page's row of downloads (components/downloads.py)."""
    filters = page.filters
    st.download_button(
        "Download these events (CSV)",
        # the project's one CSV writer (formulas defused), on click (the events read whole then)
        data=lambda: views.table_csv(page.shown)(),
        file_name=f"events_{filters.date_from}_{filters.date_to}.csv",
        mime="text/csv",
        key="download_table",
        on_click="ignore",
        disabled=not page.count,
    )


def _table_label(count: int, rows: int) -> str:
    """The table's expander: what opening it shows (`rows`: the most it lists)."""
    if count > rows:
        return f"Table: the newest {rows:,} of the {count:,} events shown"
    if count == 0:
        return "Table: no events shown"
    return f"Table: the {count:,} events shown" if count > 1 else "Table: the event shown"


def _print_note(label: str) -> str:
    """What a printout says in place of the folded table (`label`: the expander's)."""
    shown = label.removeprefix("Table: ")
    return (
        f"The table of {shown} is not in this printout: it is folded on the page. To print "
        f"it, open “{label}” under the map, then print again."
    )
