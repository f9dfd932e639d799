"""The analysts' page: bring articles in, review what was extracted, publish, and see the
history. Who may use it is decided by the deployment's secrets (dashboard/access.py)."""

from __future__ import annotations

import logging

import streamlit as st

from dashboard import code_version
from dashboard.components.access_gate import analyst_name
from dashboard.components.actions import flash_shown, settle_clicks, show_flash
from dashboard.components.history_panel import render_history
from dashboard.components.import_panel import render_import
from dashboard.components.intake_panel import render_intake
from dashboard.components.loader import load_data, load_snapshot
from dashboard.components.review_panel import render_review
from dashboard.data import LOAD_ERRORS, load_error_message
from etl.settings import Paths

LOG = logging.getLogger("dashboard")
TABS = ("Bring articles in", "Review", "Batches and history")


def render_analyst() -> int:
    """The page; how many messages it showed at its top."""
    st.title("Analyst")
    st.caption(
        "Bring articles in, review the events extracted from them, and publish: readers see "
        "an accepted event at once, marked with its batch."
    )
    shown = show_flash()
    if code_version.changed_since_loaded():  # said before any work is done on the page
        st.warning(code_version.restart_message(refused=False), icon=":material/restart_alt:")
    who = analyst_name()
    if not who:
        return shown
    settle_clicks()  # what clicks recorded by a stopped run asked for; one recording: wait
    paths = Paths.from_env()
    try:
        data, snapshot = load_data(paths), load_snapshot(paths)
    except LOAD_ERRORS as error:
        LOG.error("could not load the data (store %s)", paths.store, exc_info=error)
        st.error(load_error_message(error, paths), icon=":material/warning:")
        return shown
    if st.session_state.get("review_batch_next"):  # a batch was just stored: review it
        st.session_state["analyst_tab"] = TABS[1]
    intake, review, history = st.tabs(TABS, key="analyst_tab", on_change="rerun")
    with intake:
        render_intake(paths, who)
        render_import(paths, who)  # ACLED / UCDP GED exports
    with review:
        render_review(paths, who, data, snapshot)
    with history:
        render_history(paths, who, data, snapshot)
    return shown


# not in a `finally`: a run stopped (by a click made meanwhile) keeps its messages for the next
flash_shown(render_analyst())
