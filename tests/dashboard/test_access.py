"""Who may use the analyst page, from the deployment's secrets (pure)."""

from __future__ import annotations

import pytest

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


@pytest.mark.parametrize(
    ("secrets", "mode"),
    [
        ({}, OPEN),
        (None, CLOSED),  # a secrets file that cannot be read closes the page
        ({"analyst_password": "s3cret"}, PASSWORD),
        ({"analyst_password": ""}, OPEN),
        ({"auth": {"client_id": "x"}, "analyst_password": "s3cret"}, OIDC),  # sign-in wins
        ({"auth": "not a section"}, OPEN),
        ({"other": 1}, OPEN),
    ],
)
def test_access_mode(secrets, mode):
    assert access_mode(secrets) == mode


@pytest.mark.parametrize(
    ("given", "expected", "ok"),
    [("s3cret", "s3cret", True), ("s3cre", "s3cret", False), ("", "s3cret", False),
     ("1234", 1234, True), ("çà", "çà", True)],
)  # fmt: skip
def test_password_ok(given, expected, ok):
    assert password_ok(given, expected) is ok


@pytest.mark.parametrize(
    ("text", "name"),
    [("  Ana  Analyst ", "Ana Analyst"), ("", None), ("   ", None), (None, None),
     ("a\nb", "a b"), ("x" * 200, "x" * 80)],
)  # fmt: skip
def test_clean_name(text, name):
    assert clean_name(text) == name


@pytest.mark.parametrize(
    ("user", "name"),
    [({"name": "Dana", "email": "d@x"}, "Dana"), ({"email": "d@x"}, "d@x"),
     ({"sub": "12345"}, "12345"), ({}, None)],
)  # fmt: skip
def test_signed_in_name(user, name):
    assert signed_in_name(user) == name
