"""Running an analyst's action against the store, and saying what happened."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TypeVar

import streamlit as st

from dashboard import code_version
from dashboard.click_queue import Click, Clicks
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


#: The session's `Clicks`: a button's callback queues its click (with what the analyst saw),
#: so a click made while what an earlier one started is still publishing (which stops that
#: run, and may change or hide the button it was made on) is recorded by the next run, or the
#: analyst is told it was not. One queue for the whole page: clicks are recorded in order.
CLICKS = "review_clicks"
#: Seconds a run waits for an earlier click that a run stopped by a later click is recording.
CLAIM_WAIT_SECONDS = 600.0


def clicks() -> Clicks:
    """The session's queue of clicks not yet recorded."""
    queue = st.session_state.get(CLICKS)
    if not isinstance(queue, Clicks):
        queue = st.session_state[CLICKS] = Clicks(flash_messages())
    return queue


def why(error: Exception) -> str:
    """Why a write failed, in a few words (plain text)."""
    if isinstance(error, InputError):
        return "; ".join(p.reason for p in error.problems)
    if isinstance(error, StoreError):
        return "the store could not be written (another writer?): try again in a minute"
    return "an error: see the dashboard's server log"


def settle_clicks() -> None:
    """At the top of the page: set the session state that clicks recorded since asked for
    (a fresh uploader, the batch to review), and if the oldest click is being recorded by a
    run that a later click stopped, wait for it, then run the page again on what it wrote."""
    queue = clicks()
    for key, value in queue.take_after().items():
        st.session_state[key] = value
    click = queue.head()
    if click is None or not click.claimed:
        return
    with st.spinner("Finishing what was clicked before…"):
        done = click.finished.wait(CLAIM_WAIT_SECONDS)
    if not done:
        queue.finish(click, f"Not known whether {click.action} on {click.item_id} was "
                     "recorded (it took over ten minutes): see the history.")  # fmt: skip
    st.rerun()


def clicked(*actions: str) -> Click | None:
    """The oldest click not yet recorded, if it is one of `actions` and no run records it."""
    click = clicks().head()
    if click is None or click.claimed or click.action not in actions:
        return None
    return click


def record_click(
    click: Click,
    do: Callable[[], T],
    doing: str,
    said: Callable[[T], tuple[str, dict[str, object] | None]],
    what: str,
) -> None:
    """Record `click`: claim it, `do` the write and keep `said(result)` (the message, and the
    session state the page needs next) in one stretch of plain Python inside the spinner, so
    a click made meanwhile (which stops this run at its next Streamlit call) cannot come
    between the write and its message. A refused or failed write is said here, and at the
    top of the page if this run stops (`what`: what was not done, for that message), and
    this returns; otherwise the page is run again (on what was written)."""
    queue = clicks()

    def record() -> tuple[bool, T | None]:
        if not queue.claim(click):
            return False, None  # a run stopped by this one's click is recording it
        try:
            result = do()
        except Exception as error:
            queue.finish(click, f"Not recorded ({why(error)}): {what}")
            raise
        queue.finish(click, *said(result))
        return True, result

    if run_action(record, doing) is None:  # refused or failed: said on the page
        queue.finish(click, f"Not recorded, nothing was changed: {what}")
        return
    st.rerun()
