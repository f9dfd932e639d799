"""Which database holds the published builds: one setting chooses.

Unset `CONFLICT_DATABASE_URL` (the default): each build's tables are one SQLite file in the
store folder (etl/database.py). Set to a `postgresql://` URL: each build's tables are one
schema of that PostgreSQL database (etl/pg_database.py, etl/pg_store.py), for several app
instances on several machines. Everything else (the analysts' inbox, the extraction cache, the
exports, the writers' lock file) stays in the store folder either way.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from etl.problems import StoreError

DATABASE_URL = "CONFLICT_DATABASE_URL"
SCHEMES = ("postgresql", "postgres")
SCHEMA_PREFIX = "build_"  # with PostgreSQL, build <id>'s tables are in schema build_<id>


def database_url(environ: Mapping[str, str] | None = None) -> str | None:
    """The PostgreSQL URL builds go to, or None for SQLite files; raise StoreError when the
    setting is not a PostgreSQL URL (it names the setting, never the password)."""
    url = (os.environ if environ is None else environ).get(DATABASE_URL, "").strip()
    if not url:
        return None
    if urlsplit(url).scheme not in SCHEMES:
        raise StoreError(
            f"{DATABASE_URL}: {shown_url(url)!r} is not a PostgreSQL URL; expected "
            "postgresql://USER@HOST[:PORT]/DATABASE (unset it to keep builds in SQLite files)"
        )
    return url


def shown_url(url: str) -> str:
    """The URL with any password (in its user part or as `?password=`) replaced by ***."""
    parts = urlsplit(url)
    if parts.password is None and "password" not in dict(parse_qsl(parts.query, True)):
        return url
    query = urlencode(
        [(k, "***" if k == "password" else v) for k, v in parse_qsl(parts.query, True)],
        safe="*",
    )
    netloc = parts.netloc
    if parts.password is not None:
        netloc = f"{parts.username or ''}:***@{netloc.rsplit('@', 1)[1]}"
    return urlunsplit(parts._replace(netloc=netloc, query=query))
