"""Streamlit entry point: `streamlit run dashboard/app.py`.

Two pages: the reader's timeline and map (the default, at the site's root, so links with
filters in the URL keep working) and the analysts' page (`/analyst`: bring articles in,
review what was extracted, publish). The page scripts live in `app_pages/`, not `pages/`:
a `pages/` folder beside this script would make Streamlit run its older multipage mode.
"""

from __future__ import annotations

import sys
from pathlib import Path

import streamlit as st

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # run from any directory

import dashboard.code_version  # noqa: E402, F401  (the code's digest, as this server loaded it)
from dashboard.components.sidebar import FILTER_KEYS  # noqa: E402

st.set_page_config(page_title="Conflict timeline", page_icon="🗺️", layout="wide")

#: Reader choices kept while the analyst page is open (widget state is dropped otherwise).
KEPT = (*FILTER_KEYS, "event_choice")


def _keep_reader_choices() -> None:
    for key in KEPT:
        if key in st.session_state:
            st.session_state[key] = st.session_state[key]


_keep_reader_choices()
PAGES = [
    st.Page(
        "app_pages/reader.py", title="Timeline and map", icon=":material/timeline:", default=True
    ),
    st.Page(
        "app_pages/analyst.py", title="Analyst", icon=":material/fact_check:", url_path="analyst"
    ),
    st.Page(
        "app_pages/methodology.py",
        title="Methodology",
        icon=":material/menu_book:",
        url_path="methodology",
    ),
]
#: `?briefing=slide|a4` opens the briefing view alone: no navigation, sidebar or chrome.
BRIEFING = [st.Page("app_pages/briefing.py", title="Briefing", icon=":material/slideshow:")]
if "briefing" in st.query_params:
    st.navigation(BRIEFING, position="hidden").run()
else:
    st.navigation(PAGES, position="top").run()
