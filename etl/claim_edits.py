"""An analyst's correction of one extracted sentence: who says so, and the figures it gives.

The claimant and the figures belong to a claim (one sentence of one article), not to the
event, so they are corrected sentence by sentence; the latest decision for each wins.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

import pandas as pd

from etl import ids
from etl.problems import InputError, Problem

_FIGURE = re.compile(
    r"^\s*(?P<quantity>[a-z][a-z_ ]*?)\s*(?P<op>=|>=)\s*(?P<low>\d[\d,]*)"
    r"(?:\s*\.\.\s*(?P<high>\d[\d,]*))?\s*$"
)


def parse_figure(spec: str) -> dict[str, object]:
    """'killed=7', 'killed=7..9', 'killed>=7' -> a figure (quantity, low, high, qualifier)."""
    found = _FIGURE.match(spec.casefold())
    if not found:
        expected = "expected QUANTITY=N, QUANTITY=LOW..HIGH or QUANTITY>=N (e.g. killed=7..9)"
        raise InputError([Problem("review", None, f"--figure {spec!r}: {expected}")])
    low = int(found["low"].replace(",", ""))
    high = None if found["op"] == ">=" else int((found["high"] or found["low"]).replace(",", ""))
    if high is not None and high < low:
        raise InputError([Problem("review", None, f"--figure {spec!r}: the high is below the low")])
    quantity = "_".join(found["quantity"].split())
    qualifier = "at least" if high is None else ("exact" if high == low else "range")
    shown = f"{low:,}" + ("+" if high is None else "" if high == low else f"–{high:,}")
    return {"quantity": quantity, "low": low, "high": high, "qualifier": qualifier,
            "raw": f"{quantity.replace('_', ' ')} {shown} (set by an analyst)"}  # fmt: skip


def apply_claim_edits(
    claims: pd.DataFrame, figures: pd.DataFrame, edits: Mapping[str, Mapping[str, object]]
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Claims with their claimant corrected, and figures replaced where an edit gives them."""
    if not edits:
        return claims, figures
    claims = claims.copy()
    replaced: list[dict] = []
    dropped: set[str] = set()
    for key, changes in edits.items():
        rows = claims.index[claims["mention_key"] == key]
        if "claimant" in changes:
            claims.loc[rows, "claimant"] = changes["claimant"]
        if "figures" in changes:
            for _, claim in claims.loc[rows].iterrows():
                dropped.add(claim["claim_id"])
                replaced += [_figure(claim, f) for f in changes["figures"]]  # type: ignore[union-attr]
    kept = figures[~figures["claim_id"].isin(dropped)]
    new = pd.DataFrame(replaced, columns=list(figures.columns))
    numbers = {c: "float64" for c in ("value_low", "value_high") if c in new}
    new = new.astype(numbers)  # numbers stay numbers in the store (None -> NaN, not text)
    out = pd.concat([kept, new], ignore_index=True) if replaced else kept.reset_index(drop=True)
    return claims, out.astype({c: "float64" for c in numbers})


def _figure(claim: pd.Series, f: Mapping[str, object]) -> dict[str, object]:
    return {
        "figure_id": ids.figure_id(claim["claim_id"], f["quantity"], f["raw"], f["low"]),
        "claim_id": claim["claim_id"],
        "event_id": claim["event_id"],
        "quantity": f["quantity"],
        "value_low": f["low"],
        "value_high": f["high"],
        "qualifier": f["qualifier"],
        "raw": f["raw"],
    }
