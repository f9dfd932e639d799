"""Where things live by default. Every path can be overridden by the caller."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class Paths:
    """The input and output locations of one build."""

    seeds: Path = ROOT / "seeds"
    curated: Path = ROOT / "data" / "curated"
    store: Path = ROOT / "data" / "store"  # a folder of builds; see etl/store.py
    basemap: Path = ROOT / "data" / "geo" / "basemap.geojson"
    root: Path = ROOT

    @classmethod
    def from_env(cls) -> Paths:
        """Defaults, with the store folder moved by CONFLICT_STORE if set."""
        store = os.environ.get("CONFLICT_STORE")
        return cls(store=Path(store)) if store else cls()
