"""Where the package keeps what it builds once and reads again (the GeoNames index, the
compiled rule patterns): $CONFLICT_CACHE, else $XDG_CACHE_HOME/conflict-timeline, else
~/.cache/conflict-timeline."""

from __future__ import annotations

import os
from pathlib import Path


def default_cache_dir() -> Path:
    """$CONFLICT_CACHE, else $XDG_CACHE_HOME/conflict-timeline, else ~/.cache/conflict-timeline."""
    if os.environ.get("CONFLICT_CACHE"):
        return Path(os.environ["CONFLICT_CACHE"])
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "conflict-timeline"
