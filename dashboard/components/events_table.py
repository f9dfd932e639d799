"""The reader's table of the events shown, made only when the reader opens it (issue 10)."""

from __future__ import annotations

import streamlit as st

from dashboard import views
from dashboard.derived import Derived

#: The table's expander (open: True in the session; the page's link does not keep it).
TABLE_KEY = "table_open"


def render_table(page: Derived) -> None:
    """The newest events shown (at most TABLE_ROWS rows are sent to the browser), made only
    while its expander is open (opening it reruns), and a CSV of every event shown, built
    only when the reader clicks.

    Closed on a first page: the table sits below the map, out of sight at 1280x720 and
    1920x1080, and Streamlit's grid (its script and its canvas) was about 1.5 of Chromium's
    9-11 CPU-s for a first load with the default data (issue 10)."""
    filters, rows = page.filters, views.TABLE_ROWS  # read when run (tests lower it)
    st.subheader("Events shown")
    box = st.expander(_table_label(page.count, rows), key=TABLE_KEY, on_change="rerun")
    if box.open:
        with box:
            st.dataframe(page.table(rows), hide_index=True, width="stretch")
            if page.count > rows:
                st.caption(
                    f"The table lists the newest {rows:,} of the {page.count:,} events "
                    "shown; the CSV below holds all of them. Narrow the filters to list fewer."
                )
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
