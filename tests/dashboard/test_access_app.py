"""Who may use the analyst page, with each way a deployment can configure it (AppTest, no
network: the OpenID Connect provider is never contacted)."""

from __future__ import annotations

import pytest

from tests.dashboard.analyst_helpers import analyst_page, button, sign, texts

AUTH = {
    "redirect_uri": "http://localhost:8501/oauth2callback",
    "cookie_secret": "a-long-random-secret-for-tests",
    "client_id": "conflict-timeline",
    "client_secret": "not-a-real-secret",
    "server_metadata_url": "https://id.example.org/.well-known/openid-configuration",
}


@pytest.fixture(autouse=True)
def _store(tmp_path, monkeypatch):
    monkeypatch.setenv("CONFLICT_STORE", str(tmp_path / "store"))


def _can_upload(at) -> bool:
    return len(at.file_uploader) >= 1  # articles (and the ACLED / UCDP import) once signed in


def test_with_nothing_configured_the_page_is_open_and_says_so():
    at = analyst_page()
    assert "No sign-in is configured: anyone who can open this dashboard" in at.info[0].value
    assert not _can_upload(at)  # first, the name recorded with decisions
    sign(at, "Ana")
    assert _can_upload(at)
    assert "Decisions are recorded as **Ana**. Open page: no sign-in is configured" in texts(at)


def test_a_password_opens_the_page_and_a_wrong_one_does_not():
    at = analyst_page(secrets={"analyst_password": "correct horse"})
    assert not _can_upload(at)
    assert [t.label for t in at.text_input] == ["Analysts' password"]
    at.text_input(key="analyst_password_given").input("wrong")
    button(at, "Open the analyst page").click().run()
    assert at.error[0].value == "That is not the analysts' password."
    assert not _can_upload(at)
    at.text_input(key="analyst_password_given").input("correct horse")
    button(at, "Open the analyst page").click().run()
    assert not at.error
    assert at.session_state["analyst_password_given"] == ""  # the password is not kept
    sign(at, "Bea")
    assert _can_upload(at)


def test_sign_in_is_required_when_auth_is_configured(monkeypatch):
    monkeypatch.setattr("dashboard.components.access_gate.has_authlib", lambda: True)
    at = analyst_page(secrets={"auth": AUTH}, user={"is_logged_in": False})
    assert button(at, "Sign in")
    assert not _can_upload(at)
    assert "Reading needs no sign-in" in at.info[0].value


def test_sign_in_without_authlib_keeps_the_page_closed_and_says_why(monkeypatch):
    monkeypatch.setattr("dashboard.components.access_gate.has_authlib", lambda: False)
    at = analyst_page(secrets={"auth": AUTH}, user={"is_logged_in": False})
    assert "Authlib" in at.error[0].value and 'pip install "streamlit[auth]"' in at.error[0].value
    assert not _can_upload(at) and not [b for b in at.button if b.label == "Sign in"]


def test_a_signed_in_user_is_recorded_by_name():
    user = {"is_logged_in": True, "name": "Dana Doe", "email": "dana@example.org"}
    at = analyst_page(secrets={"auth": AUTH}, user=user)
    assert _can_upload(at)
    assert "Signed in as **Dana Doe**" in texts(at)
    assert not [t for t in at.text_input if t.label == "Your name"]  # no name to type


@pytest.mark.parametrize(
    "secrets",
    [{}, {"analyst_password": "pw"}, {"auth": AUTH}],
    ids=["open", "password", "oidc"],
)
def test_reading_never_needs_a_sign_in(secrets, tmp_path):
    from streamlit.testing.v1 import AppTest

    from tests.dashboard.analyst_helpers import APP

    at = AppTest.from_file(APP, default_timeout=120)
    for key, value in secrets.items():
        at.secrets[key] = value
    at.user = {"is_logged_in": False}
    at.run()
    assert not at.exception, at.exception
    assert at.title[0].value == "Conflict timeline"
    assert len(at.get("plotly_chart")) == 1
    assert not [b for b in at.button if b.label == "Sign in"]
