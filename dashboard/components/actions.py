"""Running an analyst's action against the store, and saying what happened."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TypeVar

import streamlit as st

from dashboard import code_version
from dashboard.text import markdown_text
from etl.analyst_actions import REVIEW
from etl.problems import InputError, StoreError

LOG = logging.getLogger("dashboard")
T = TypeVar("T")
#: Seconds an action waits for another writer (an analyst, the command line) to finish.
WAIT_SECONDS = 60.0


def problem_markdown(error: InputError) -> str:
    """Each problem on its own line, as text (file names and reasons come from uploads)."""
    lines = []
    for p in error.problems:
        where = "" if p.file == REVIEW else f"**{markdown_text(p.file)}**: "
        line = f" (line {p.line})" if p.line is not None else ""
        lines.append(f"- {where}{markdown_text(p.reason)}{line}")
    return "\n".join(lines)


def run_action(do: Callable[[], T], doing: str) -> T | None:
    """Do a write; on bad input or a busy or broken store, say so here and return None.
    A server whose code was updated on disk after it started writes nothing: it says to
    restart (its old modules, mixed with new ones it would import, failed obscurely)."""
    if code_version.changed_since_loaded():
        LOG.error("analyst action refused: the code on disk changed after the server started")
        st.error(code_version.restart_message(refused=True), icon=":material/restart_alt:")
        return None
    try:
        with st.spinner(doing):
            return do()
    except InputError as error:
        st.error("Nothing was changed:\n\n" + problem_markdown(error), icon=":material/warning:")
    except StoreError as error:
        LOG.error("analyst action failed: %s", error)
        st.error(
            "Nothing was changed: the store could not be written. Another analyst (or the "
            "command line) may be writing to it: try again in a minute. The details are in "
            "the dashboard's server log.",
            icon=":material/warning:",
        )
    return None


FLASH = "analyst_flash"
#: How a message saying an action was not done (or may not have been) begins: a warning.
NOT_DONE = ("Not recorded", "Not known")


def flash_messages() -> list[str]:
    """The list of messages to show at the top of the page after the next rerun (the same
    list object for the whole session: a run may append to it without a Streamlit call)."""
    messages = st.session_state.get(FLASH)
    if not isinstance(messages, list):
        messages = st.session_state[FLASH] = []
    return messages


def flash(message: str) -> None:
    """A message (plain text: it may hold names from uploads) to show at the top of the page
    after the rerun that follows an action. Messages queue: several actions done before the
    page next finishes a run are each said."""
    flash_messages().append(message)


def show_flash() -> int:
    """Show the messages queued; how many. They are kept until `flash_shown` (at the end of a
    run that finished): a run stopped by a click made meanwhile says them again."""
    messages = list(flash_messages())
    for message in messages:
        if message.startswith(NOT_DONE):
            st.warning(markdown_text(message), icon=":material/warning:")
        else:
            st.success(markdown_text(message), icon=":material/check_circle:")
    return len(messages)


def flash_shown(count: int) -> None:
    """The first `count` messages were shown by a run that finished: drop them (in place: a
    run stopped meanwhile may still be adding to the list)."""
    del flash_messages()[:count]
