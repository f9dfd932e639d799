"""A grade of corroboration in words: single source, corroborated by N independent sources,
contested (pure).

Independent sources are counted by who did the reporting, as the ETL counts them
(`etl.sources`): an article's source is the wire whose copy it carries (named in the outlet
table, or found in credit lines such as '(AP)' or 'With files from Reuters'), else its outlet;
articles that share whole sentences of copy count once. Two outlets quoting the same
spokesman are two sources of reporting for one claimant: the claimant is shown beside each
claim, never counted as a source.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from etl.sources import source_of

INDEPENDENT_MEANING = (
    "Independent sources are counted by who did the reporting: outlets that carry one wire's "
    "copy (an AP story reprinted by a newspaper, or credited 'With files from AP') count once, "
    "as do articles sharing whole sentences of copy. Two outlets quoting the same spokesman "
    "are two sources for one claimant."
)

SINGLE, CORROBORATED, CONTESTED = "single source", "corroborated", "contested"


@dataclass(frozen=True)
class Grade:
    level: str  # SINGLE, CORROBORATED or CONTESTED
    words: str  # the sentence shown to readers
    sources: int  # independent sources that report it


def _sources(claims: pd.DataFrame) -> set[str]:
    wires = claims["wire"] if "wire" in claims else pd.Series(None, index=claims.index)
    return {
        source_of(str(outlet), wire if isinstance(wire, str) and wire else None)
        for outlet, wire in zip(claims["outlet_id"], wires)
    }


def _n(count: int, noun: str) -> str:
    return f"{count} {noun}" + ("" if count == 1 else "s")


def grade(claims: pd.DataFrame, independent: int | None = None) -> Grade:
    """The grade of one event from its claims (outlet_id, wire, stance).

    `independent` is the event's own count from the build (which also merges articles that
    share copy); without it the sources are counted here by wire and outlet. Contested: at
    least one source denies what another reports. An event whose every claim is 'unverified'
    says so."""
    denying = claims[claims["stance"] == "denied"]
    reporting = claims[claims["stance"] != "denied"]
    n_reporting = len(_sources(reporting))
    if independent is not None and denying.empty:
        n_reporting = int(independent)
    if not denying.empty and n_reporting:
        n_denying = len(_sources(denying))
        words = (
            f"Contested: reported by {_n(n_reporting, 'independent source')}, denied by {n_denying}"
        )
        return Grade(CONTESTED, words, n_reporting)
    if not denying.empty:
        n_denying = len(_sources(denying))
        return Grade(CONTESTED, f"Denied by {_n(n_denying, 'source')}, reported by none", 0)
    unverified = not claims.empty and claims["stance"].isin(["unverified"]).all()
    caveat = "; the outlets could not verify it" if unverified else ""
    if n_reporting >= 2:
        words = f"Corroborated by {n_reporting} independent sources{caveat}"
        return Grade(CORROBORATED, words, n_reporting)
    outlets = claims["outlet_id"].nunique()
    carried = f" (carried by {outlets} outlets)" if outlets > 1 else ""
    return Grade(SINGLE, f"Single source{carried}{caveat}", n_reporting)
