"""The events table as printed (dashboard/print_table.py): every row's chosen columns as text."""

from __future__ import annotations

import re

import pandas as pd

from dashboard.print_table import COLUMNS, print_table_html


def _table(n: int) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "date": [f"{i} Feb 2019" for i in range(1, n + 1)],
            "event_type": "Airstrike",
            "area": "Idlib",
            "place": [None] + ["Idlib city"] * (n - 1),
            "summary": ["<script>alert(1)</script> & *bold*"] + ["Strikes hit"] * (n - 1),
            "outlets": "AP, AFP",
            "independent_sources": [2.0] * n,
            "event_id": [f"ev_{i}" for i in range(n)],
        }
    )


def test_every_row_and_column_as_escaped_text():
    html = print_table_html(_table(3), shown=3)
    heads = re.findall(r"<th>(.*?)</th>", html)
    assert heads == list(COLUMNS.values())
    rows = re.findall(r"<tr>(.*?)</tr>", html)[1:]
    assert len(rows) == 3
    first = re.findall(r"<td>(.*?)</td>", rows[0])
    assert first == ["1 Feb 2019", "Airstrike", "Idlib", "",
                     "&lt;script&gt;alert(1)&lt;/script&gt; &amp; *bold*", "AP, AFP", "2"]  # fmt: skip
    assert "<script" not in html and "ev_0" not in html  # the id is no column on paper
    assert "<p>" not in html  # every event shown is printed: no note


def test_at_most_the_print_rows_and_says_so():
    html = print_table_html(_table(5), shown=1200, rows=2)
    assert len(re.findall(r"<tr>", html)) == 3  # the heading and two rows
    assert "The newest 2 of the 1,200 events shown are printed" in html
