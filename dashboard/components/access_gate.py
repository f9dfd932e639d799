"""Who is at the analyst page: sign-in, password or an open page, and the name recorded."""

from __future__ import annotations

import importlib.util
import logging

import streamlit as st
from streamlit.errors import StreamlitSecretNotFoundError

from dashboard.access import (
    CLOSED,
    OIDC,
    OPEN,
    PASSWORD,
    access_mode,
    clean_name,
    password_ok,
    signed_in_name,
)
from dashboard.text import markdown_text

LOG = logging.getLogger("dashboard")


def _secrets() -> dict | None:
    """The deployment's secrets; {} when there are none, None when they cannot be read."""
    try:
        return st.secrets.to_dict()
    except StreamlitSecretNotFoundError:
        return {}
    except Exception:  # a damaged secrets.toml: close the page rather than open it
        LOG.exception("the Streamlit secrets could not be read")
        return None


def analyst_name() -> str | None:
    """The name to record with this session's decisions, once the analyst may act; else
    None, after showing what they must do (sign in, give the password, say who they are)."""
    secrets = _secrets()
    mode = access_mode(secrets)
    if mode == CLOSED:
        st.error(
            "The analyst page is closed: the dashboard's secrets file could not be read. "
            "Ask whoever runs this dashboard to fix it."
        )
        return None
    if mode == OIDC:
        return _signed_in()
    if mode == PASSWORD and not st.session_state.get("analyst_unlocked"):
        _ask_password(secrets["analyst_password"])
        return None
    return _typed_name(open_page=mode == OPEN)


def has_authlib() -> bool:
    """Streamlit's sign-in needs Authlib (`pip install "streamlit[auth]"`)."""
    return importlib.util.find_spec("authlib") is not None


def _signed_in() -> str | None:
    if not st.user.is_logged_in:
        if not has_authlib():
            st.error(
                "Sign-in is configured (`[auth]` in the secrets) but Authlib, which Streamlit "
                'needs for it, is not installed: `pip install "streamlit[auth]"`, then restart '
                "the dashboard. The analyst page stays closed until then.",
                icon=":material/lock:",
            )
            return None
        st.info("Analysts sign in to bring articles in and review them. Reading needs no sign-in.")
        st.button("Sign in", on_click=st.login, type="primary")
        return None
    name = signed_in_name(st.user.to_dict()) or "signed-in analyst"
    cols = st.columns([6, 1], vertical_alignment="center")
    cols[0].caption(f"Signed in as **{markdown_text(name)}**: recorded with every decision.")
    cols[1].button("Sign out", on_click=st.logout, type="tertiary")
    return name


def _check_password(expected: object) -> None:
    given = st.session_state.get("analyst_password_given") or ""
    st.session_state["analyst_unlocked"] = password_ok(given, expected)
    st.session_state["analyst_password_wrong"] = not st.session_state["analyst_unlocked"]
    st.session_state["analyst_password_given"] = ""  # never kept


def _ask_password(expected: object) -> None:
    st.info("This page is for the team's analysts. Reading the timeline needs no password.")
    with st.form("analyst_password_form"):
        st.text_input("Analysts' password", type="password", key="analyst_password_given")
        st.form_submit_button("Open the analyst page", on_click=_check_password, args=(expected,))
    if st.session_state.get("analyst_password_wrong"):
        st.error("That is not the analysts' password.")


def _keep_name() -> None:
    st.session_state["analyst_name"] = clean_name(st.session_state.get("analyst_name_given"))


OPEN_PAGE = (
    "No sign-in is configured: anyone who can open this dashboard can use this page. That "
    "is fine for one person on their own machine; to share it, set `analyst_password` or an "
    "`[auth]` section in `.streamlit/secrets.toml` (README, *The analyst page*)."
)


def _typed_name(open_page: bool) -> str | None:
    name = st.session_state.get("analyst_name")
    if name:
        shown = f"Decisions are recorded as **{markdown_text(name)}**."
        if open_page:
            shown += " Open page: no sign-in is configured (README, *The analyst page*)."
        cols = st.columns([6, 1], vertical_alignment="center")
        cols[0].caption(shown)
        cols[1].button(
            "Change name", on_click=st.session_state.pop, args=("analyst_name", None),
            type="tertiary",
        )  # fmt: skip
        return name
    if open_page:
        st.info(OPEN_PAGE, icon=":material/lock_open:")
    with st.form("analyst_name_form"):
        st.text_input(
            "Your name",
            key="analyst_name_given",
            max_chars=80,
            help="Recorded with every batch and decision you make, in the history.",
        )
        st.form_submit_button("Continue", on_click=_keep_name, type="primary")
    st.caption("Asked once per session: it is recorded with every batch and decision.")
    return None
