"""The event detail says when its place is known less exactly than its own point (ACLED geo
precision 2 or 3: a town carried from another sentence, a district, a province), as the map's
grey halo shows it: the detail said only the place's name (hD26)."""

from __future__ import annotations

import pytest

from dashboard.detail import place_precision
from dashboard.text import markdown_text
from dashboard.views import event_frame


@pytest.mark.parametrize(
    "precision, radius, words",
    [
        (1, None, ""),
        (None, None, ""),
        (float("nan"), None, ""),
        (2, None, "place approximate"),
        (2.0, 20.0, "place approximate, within about 20 km"),
        (3, float("nan"), "somewhere in this area"),
        (3, 50, "somewhere in this area, within about 50 km"),
    ],
)
def test_place_precision_words_s36(precision, radius, words):
    assert place_precision(precision, radius) == words


def _header(at, row) -> str:
    """The detail's first line: '**Airstrike** · Baghouz · 1 Feb – 4 Mar 2019 (within weeks)'."""
    lines = [
        m.value for m in at.markdown if m.value.startswith(f"**{markdown_text(row['label'])}** · ")
    ]
    assert lines, [m.value for m in at.markdown]
    return lines[0]


def test_the_detail_names_an_approximate_place_as_approximate_s36(reader, project_tables):
    view = event_frame(project_tables)
    view = view[~view["background"] & (view["review_status"] != "pending")]
    by = {p: view[view["geo_precision"] == p] for p in (1, 2, 3)}
    at = reader
    for precision, words in ((3, "(somewhere in this area)"), (2, "(place approximate)")):
        row = by[precision].iloc[0]
        at.selectbox(key="event_choice").set_value(row["event_id"]).run()
        assert not at.exception, at.exception
        header = _header(at, row)
        assert f"{markdown_text(row['place'])} {words} · " in header, header
    row = by[1].iloc[0]
    at.selectbox(key="event_choice").set_value(row["event_id"]).run()
    header = _header(at, row)
    assert f"· {markdown_text(row['place'])} · " in header and "approximate" not in header, header
