"""Who may use the analyst page, decided from the deployment's Streamlit secrets (pure).

Reading needs no sign-in. The analyst page asks for:
- an OpenID Connect sign-in (`st.login`) when the secrets have an `[auth]` section;
- else a shared password when they hold `analyst_password` (a small team);
- else nothing: one person on their own machine, and the page says so.
A secrets file that exists but cannot be read closes the page rather than opening it.
"""

from __future__ import annotations

import hmac
from collections.abc import Mapping

OIDC, PASSWORD, OPEN, CLOSED = "oidc", "password", "open", "closed"
MAX_NAME = 80


def access_mode(secrets: Mapping[str, object] | None) -> str:
    """OIDC, PASSWORD or OPEN from the secrets; CLOSED when they could not be read (None)."""
    if secrets is None:
        return CLOSED
    if isinstance(secrets.get("auth"), Mapping):
        return OIDC
    password = secrets.get("analyst_password")
    if password is not None and str(password):
        return PASSWORD
    return OPEN


def password_ok(given: str, expected: object) -> bool:
    """Whether the password typed is the configured one (constant-time comparison)."""
    return hmac.compare_digest(given.encode("utf-8"), str(expected).encode("utf-8"))


def clean_name(text: object) -> str | None:
    """A name to record with decisions: one line, at most MAX_NAME characters; None if blank."""
    name = " ".join(str(text or "").split())[:MAX_NAME].strip()
    return name or None


def signed_in_name(user: Mapping[str, object]) -> str | None:
    """The name of a signed-in user from the identity provider's claims (else their e-mail)."""
    for claim in ("name", "preferred_username", "email", "sub"):
        name = clean_name(user.get(claim))
        if name:
            return name
    return None
