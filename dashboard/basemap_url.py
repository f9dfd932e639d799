"""Where the browser gets the offline basemap (pure): a static file it fetches once a session,
not 0.30 MiB inside the map's JSON on every rerun (issue 10).

Streamlit serves the folder `static/` beside the app's main script at `app/static/` when
`server.enableStaticServing` is on (`.streamlit/config.toml`). `dashboard/static` is a link to
`data/geo`, so the screen, the briefing view and the exports all draw the one shipped file.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Mapping
from functools import lru_cache
from pathlib import Path
from typing import Any

from dashboard.basemap_tiles import Tiles

STATIC_DIR = Path(__file__).resolve().parent / "static"
#: Relative to the page, so a `server.baseUrlPath` is kept (Streamlit's own advice for fonts).
ROUTE = "app/static/"
#: Where the basemap's images are drawn, under the static folder (not in git: .gitignore).
IMAGES = "tiles"


def basemap_url(path: Path, serving: bool, static_dir: Path = STATIC_DIR) -> str | None:
    """The URL the browser fetches `path` from, versioned by the file's content (a changed
    basemap is a new URL, never a stale cached copy); None when static files are not served or
    `path` is not one of them (the map then carries the basemap inline, as before)."""
    if not serving or not path.is_file():
        return None
    try:
        relative = path.resolve().relative_to(static_dir.resolve())
    except (OSError, ValueError):
        return None
    stat = path.stat()
    return (
        f"{ROUTE}{relative.as_posix()}?v={_digest(path.resolve(), stat.st_mtime_ns, stat.st_size)}"
    )


@lru_cache(maxsize=8)
def _digest(path: Path, mtime_ns: int, size: int) -> str:
    """The first 12 hex digits of the file's SHA-256 (read again only when it changes)."""
    return hashlib.sha256(path.read_bytes()).hexdigest()[:12]


def basemap_images(
    basemap: Mapping[str, Any] | None,
    path: Path,
    serving: bool,
    style: Mapping[str, Any],
    static_dir: Path = STATIC_DIR,
) -> Tiles | None:
    """The basemap as images the browser fetches from the static folder
    (`dashboard.basemap_tiles`), drawn in `style`; None when the shapes are served inline
    (as `basemap_url`), or the static folder cannot be written (the map then draws shapes)."""
    if basemap is None or basemap_url(path, serving, static_dir) is None:
        return None
    directory = static_dir / IMAGES
    writable = directory if directory.is_dir() else static_dir
    if not os.access(writable.resolve(), os.W_OK):
        return None
    return Tiles(basemap, directory, ROUTE + IMAGES, style)
