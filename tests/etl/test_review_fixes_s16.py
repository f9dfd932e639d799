"""Session 16 review fixes (issue 8): 'yesterday and today' across two clauses; an empty
government-verb table."""

from __future__ import annotations

import datetime as dt

import pytest

from etl.extraction.dates import find_dates

D = dt.date.fromisoformat


def _windows(text: str, published: dt.date) -> list[tuple[str, str]]:
    return [(str(w.start), str(w.end)) for w in find_dates(text, 0, len(text), published)]


# Class (date): 'yesterday and today' is one span only as one time adverbial; when 'and'
# joins two clauses or 'today' is a possessive, each keeps its own day
@pytest.mark.parametrize(
    "text",
    [
        "Gunmen raided Velo village yesterday and today militias burned its school.",
        "Residents fled Velo yesterday and today's air raid levelled the bakery.",
        "Police said the mob looted shops yesterday and today it torched a depot.",
    ],
)
def test_and_across_clauses_keeps_each_day(text):
    assert _windows(text, D("2022-05-20")) == [
        ("2022-05-19", "2022-05-19"),
        ("2022-05-20", "2022-05-20"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Fighting went on around Velo between yesterday and today, medics said.",
        "Fighting went on around Velo from yesterday until today.",
        "Yesterday and today, 14 people were killed in Velo.",
        "Protests shook Velo yesterday and today in defiance of the curfew.",
        "Militias shelled Velo yesterday and today, killing 3.",
        "A curfew was broken. Yesterday and today, crowds gathered in Velo.",
        "Jets bombed Velo yesterday and today.",
    ],
)
def test_yesterday_and_today_as_one_adverbial_is_both_days(text):
    assert _windows(text, D("2022-05-20"))[-1:] == [("2022-05-19", "2022-05-20")]


# An empty government-verb table: both slots would be '(?:)', which matches anything
# (' will be shelled' read as a government); the table is named and the problem said
def test_an_empty_government_verb_table_is_named(tmp_path):
    from etl.extraction.rules import RULES
    from etl.places import roles
    from etl.problems import InputError

    for name in ("place_cues", "place_roles", "place_regions"):
        (tmp_path / f"{name}.csv").write_bytes((RULES / f"{name}.csv").read_bytes())
    (tmp_path / "place_government_verbs.csv").write_text(
        "# no verbs yet\nbase,past,present\n", encoding="utf-8"
    )
    roles.place_rules.cache_clear()
    try:
        with pytest.raises(InputError) as error:
            roles.place_rules(tmp_path)
    finally:
        roles.place_rules.cache_clear()
    text = str(error.value)
    assert "place_government_verbs.csv" in text and "no verbs under the header" in text
