"""The methodology page: how events are made, what the codes mean, the data dictionary and the
licences of the data shipped (no sign-in needed).

The prose is the project's own (docs/methodology.md); the dictionary is data
(docs/data_dictionary.csv), shown as tables whose every cell is escaped as text.
"""

from __future__ import annotations

import logging

import streamlit as st

from dashboard.text import markdown_text
from etl.dictionary import DATABASES, load_dictionary
from etl.problems import InputError
from etl.settings import ROOT

LOG = logging.getLogger("dashboard")
PROSE = ROOT / "docs" / "methodology.md"
MARKER = "<!-- dictionary -->"


def _prose() -> tuple[str, str]:
    """The methodology text before and after the place of the data dictionary."""
    try:
        text = PROSE.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        LOG.error("methodology text %s not read", PROSE, exc_info=exc)
        return "The methodology text (docs/methodology.md) could not be read.", ""
    before, _, after = text.partition(MARKER)
    return before, after


def _dictionary() -> None:
    st.header("Data dictionary")
    st.markdown(
        "Every table and column of the published data (each build's `conflict.sqlite`, and its "
        "CSV and Parquet exports) and of the analysts' inbox (`inbox.sqlite`). Offsets are "
        "Python string indices into the article text; dates are ISO (YYYY-MM-DD); times UTC."
    )
    try:
        dictionary = load_dictionary()
    except InputError as error:
        LOG.error("data dictionary not read", exc_info=error)
        st.error(markdown_text(f"The data dictionary could not be read: {error}"), icon="⚠️")
        return
    for database, where in DATABASES.items():
        st.subheader(markdown_text(f"{database.capitalize()}: {where}"))
        tables = dictionary.tables[dictionary.tables["database"] == database]
        for table, meaning in zip(tables["table"], tables["meaning"]):
            st.markdown(f"**{markdown_text(table)}**: {markdown_text(meaning)}")
            columns = dictionary.columns[
                (dictionary.columns["database"] == database)
                & (dictionary.columns["table"] == table)
            ]
            # st.table wraps long meanings (st.dataframe cuts them) and reads Markdown in
            # cells, so every cell goes through markdown_text: shown exactly as written
            shown = columns[["column", "type", "meaning"]].map(markdown_text)
            st.table(shown, hide_index=True, border="horizontal")


def render_methodology() -> None:
    st.title("Methodology")
    st.caption("How the events are made, what the codes mean, and what every column holds.")
    before, after = _prose()
    st.markdown(before)  # the project's own text (not data)
    _dictionary()
    if after:
        st.markdown(after)


render_methodology()
