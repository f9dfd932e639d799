"""The events table as printed (pure): an HTML table of text, shown on paper only.

On screen the table is Streamlit's grid, a canvas that scrolls: printed, it gave the nine rows
and five columns in view, cut at the grid's edge. The printout gets this table instead, with
the columns a reader checks on paper, every cell wrapped, and every value escaped as text
(article text is never read as HTML or Markdown).
"""

from __future__ import annotations

import pandas as pd

from dashboard.text import html_text

#: The table's columns (as `views.table_frame` names them) and their printed headings.
COLUMNS = {
    "date": "Date",
    "event_type": "Type",
    "area": "Area",
    "place": "Place",
    "summary": "Summary",
    "outlets": "Reported by",
    "independent_sources": "Sources",
}
#: Printed at most: more is a report, not a page (the CSV holds every event shown).
PRINT_ROWS = 200


def print_table_html(table: pd.DataFrame, shown: int, rows: int = PRINT_ROWS) -> str:
    """The first `rows` of `table` (the rows the grid lists, newest first) as an HTML table,
    and a line saying how many of the `shown` events it holds when that is not all."""
    head = "".join(f"<th>{html_text(label)}</th>" for label in COLUMNS.values())
    body = "".join(
        "<tr>" + "".join(f"<td>{html_text(_cell(row[c]))}</td>" for c in COLUMNS) + "</tr>"
        for _, row in table.head(rows).iterrows()
    )
    printed = min(rows, len(table))
    note = ""
    if printed < shown:
        note = (
            f"<p>The newest {printed:,} of the {shown:,} events shown are printed; the CSV "
            "download holds all of them.</p>"
        )
    table_html = f"<thead><tr>{head}</tr></thead><tbody>{body}</tbody>"
    return f'<table class="print-events">{table_html}</table>{note}'


def _cell(value: object) -> object:
    """A cell as text: a missing value is blank, a whole number has no '.0'."""
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return ""
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value
