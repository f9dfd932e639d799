"""The detail: claims grouped by source, figures in the sources' own words."""

from __future__ import annotations

import pandas as pd

from dashboard.detail import claims_by_source, event_claims, event_figures, figure_summaries
from dashboard.views import claim_frame, event_frame


def _event(tables, key: str) -> str:
    view = event_frame(tables)
    return view.loc[view["event_key"] == key, "event_id"].iloc[0]


def test_claims_grouped_by_outlet_most_first(project_tables):
    claims = claim_frame(project_tables)
    counts = claims.groupby("event_id").size()
    busiest = counts.idxmax()
    mine = event_claims(claims, busiest)
    groups = claims_by_source(mine)
    assert sum(len(rows) for _, rows in groups) == len(mine) == counts.max()
    assert [outlet for outlet, _ in groups] == list(dict.fromkeys(o for o, _ in groups))
    sizes = [len(rows) for _, rows in groups]
    assert sizes == sorted(sizes, reverse=True)
    for outlet, rows in groups:
        assert (rows["outlet"] == outlet).all()
        assert rows["published"].is_monotonic_increasing
    assert claims_by_source(mine.iloc[0:0]) == []


def test_the_20_feb_convoy_says_dozens_and_hundreds_before_the_numbers(project_tables):
    claims = claim_frame(project_tables)
    event = _event(project_tables, "baghouz-convoy-2019-02-20")
    summaries = {s["quantity"]: s for s in figure_summaries(
        event_figures(project_tables["figures"], claims, event))}  # fmt: skip
    evacuated = summaries["people evacuated"]
    assert evacuated["differ"]
    words = [raw for raw, _, _ in evacuated["said"]]
    assert "dozens of people" in words
    assert "hundreds of men, women and children" in words
    assert evacuated["numbers"] == "24 or more"  # "hundreds": no upper bound (C4, session 25)
    trucks = summaries["trucks"]
    assert {(raw, outlet) for raw, outlet, _ in trucks["said"]} == {
        ("at least 22 trucks", "AP story in a newspaper reprint"),
        ("At least 15 trucks", "Unnamed UAE outlet (AFP material)"),
    }


def test_one_source_or_one_number_does_not_differ():
    figures = pd.DataFrame(
        {
            "quantity": ["killed", "killed", "trucks"],
            "value": ["7", "7", "at least 15"],
            "raw": ["seven people", "7 people", "at least 15 trucks"],
            "outlet": ["AP", "AFP", "AFP"],
            "claimant": ["medics", "SDF", "SDF"],
            "value_low": [7.0, 7.0, 15.0],
            "value_high": [7.0, 7.0, None],
        }
    )
    summaries = {s["quantity"]: s for s in figure_summaries(figures)}
    assert not summaries["killed"]["differ"]
    assert summaries["killed"]["numbers"] == "7"
    assert summaries["killed"]["said"] == [
        ("seven people", "AP", "medics"),
        ("7 people", "AFP", "SDF"),
    ]
    assert not summaries["trucks"]["differ"]
    assert figure_summaries(figures.iloc[0:0]) == []
