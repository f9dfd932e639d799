"""The claimant and figures of one extracted sentence, as the review page edits them (pure).

Figures are written the way `etl review edit --figure` takes them: `killed=7..9; injured>=12`.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pandas as pd

from etl.tables import Tables


def _bound(value: object) -> str:
    return f"{float(value):g}" if pd.notna(value) else ""


def figure_spec(row: Mapping[str, Any]) -> str:
    """One figure as 'killed=7', 'killed=7..9' or 'killed>=7'."""
    low, high = _bound(row["value_low"]), _bound(row["value_high"])
    if not low:
        return ""
    if not high:
        return f"{row['quantity']}>={low}"
    return f"{row['quantity']}={low}" if low == high else f"{row['quantity']}={low}..{high}"


def the_sentence(tables: Tables, item_id: str) -> dict[str, Any] | None:
    """The one extracted sentence behind a review item (an event with a single extracted
    sentence, or a sentence item), with its claimant and figures as text; None otherwise."""
    claims = tables["claims"]
    extracted = claims[claims["mention_key"].notna()]
    if item_id.startswith("mn_"):
        rows = extracted[extracted["mention_key"] == item_id]
    else:
        rows = extracted[extracted["event_id"] == item_id]
    if len(rows) != 1:
        return None
    claim = rows.iloc[0]
    figures = tables["figures"][tables["figures"]["claim_id"] == claim["claim_id"]]
    specs = [s for s in (figure_spec(r) for r in figures.to_dict("records")) if s]
    return {"claimant": str(claim["claimant"] or ""), "figures": "; ".join(specs)}


def sentence_changes(current: Mapping[str, str], claimant: str, figures: str) -> dict[str, Any]:
    """Correction fields for what the analyst changed: `claimant`, `figures` (a tuple of
    specs); an unchanged or blank claimant is no change."""
    out: dict[str, Any] = {}
    if claimant.strip() and " ".join(claimant.split()) != current["claimant"]:
        out["claimant"] = " ".join(claimant.split())
    specs = tuple(s.strip() for s in figures.split(";") if s.strip())
    if specs != tuple(s.strip() for s in current["figures"].split(";") if s.strip()):
        out["figures"] = specs
    return out
