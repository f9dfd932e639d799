"""A vague word with no upper bound ('hundreds' = 100 or more, 'thousands' = 1000 or more:
convention C4, session 25, data/rules/figure_vague.csv) is shown as such in the events table,
the event detail and the ACLED export's note, not as a count of exactly 100."""

from __future__ import annotations

import pandas as pd

from dashboard.detail import figure_ranges, figure_summaries, format_figure
from dashboard.views import _figure_texts
from etl.formats.acled import vague_tolls

NAN = float("nan")


def _figures(rows: list[tuple]) -> pd.DataFrame:
    return pd.DataFrame(
        rows, columns=["event_id", "claim_id", "quantity", "value_low", "value_high", "qualifier"]
    )


def test_the_table_shows_an_open_vague_count_as_its_low_bound_or_more():
    figures = _figures([
        ("e1", "c1", "families_displaced", 100.0, NAN, "hundreds"),
        ("e2", "c2", "killed", 1000.0, NAN, "thousands"),
        ("e3", "c3", "people_displaced", 1000.0, NAN, "thousands"),
        ("e3", "c4", "people_displaced", 3000.0, 3000.0, "exact"),
        ("e4", "c5", "killed", 15.0, NAN, "at least"),
    ])  # fmt: skip
    texts = _figure_texts(figures, pd.Series(["e1", "e2", "e3", "e4"]))
    assert texts == [
        "families displaced 100+",
        "killed unknown (thousands, 1,000 or more)",
        "people displaced 1,000–3,000",
        "killed 15",  # a number's 'at least' is shown as before
    ]


def test_the_detail_says_or_more():
    assert format_figure(100.0, NAN, "hundreds") == "hundreds (100 or more)"
    assert format_figure(15.0, NAN, "at least") == "at least 15"
    rows = _figures([("e1", "c1", "people_displaced", 1000.0, NAN, "thousands")]).assign(
        outlet="Paper", claimant="UN", raw="Thousands of residents", value="thousands (1,000 or more)",
        vague=False,
    )
    assert figure_ranges(rows)[["low", "high", "open"]].values.tolist() == [[1000.0, 1000.0, True]]
    assert figure_summaries(rows)[0]["numbers"] == "1,000 or more"
    both = pd.concat([rows, rows.assign(value_low=24.0, value_high=99.0, qualifier="dozens")])
    assert figure_summaries(both)[0]["numbers"] == "24 or more"  # not '24 to 1,000'


def test_the_acled_note_says_or_more():
    figures = _figures([("e1", "c1", "killed", 100.0, NAN, "hundreds")])
    assert vague_tolls(figures) == {"e1": "hundreds (100 or more)"}
