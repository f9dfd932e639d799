"""The claimant and figures of one sentence as the review page shows and edits them."""

from __future__ import annotations

import pytest

from dashboard.sentence_edits import figure_spec, sentence_changes

SPECS = [
    ({"quantity": "killed", "value_low": 7.0, "value_high": 7.0}, "killed=7"),
    ({"quantity": "killed", "value_low": 7.0, "value_high": 9.0}, "killed=7..9"),
    ({"quantity": "injured", "value_low": 12.0, "value_high": float("nan")}, "injured>=12"),
    ({"quantity": "trucks", "value_low": float("nan"), "value_high": 20.0}, ""),
    ({"quantity": "people", "value_low": 1500.0, "value_high": 2000.0}, "people=1500..2000"),
]


@pytest.mark.parametrize(("row", "spec"), SPECS)
def test_figure_spec(row, spec):
    assert figure_spec(row) == spec


CURRENT = {"claimant": "SDF spokesman", "figures": "killed=7; injured>=12"}
CHANGES = [
    ("SDF spokesman", "killed=7; injured>=12", {}),
    ("  SDF   spokesman ", "killed=7;injured>=12", {}),
    ("", "killed=7; injured>=12", {}),  # a blank claimant is no change
    ("Civil Defence", "killed=7; injured>=12", {"claimant": "Civil Defence"}),
    ("SDF spokesman", "killed=8", {"figures": ("killed=8",)}),
    ("SDF spokesman", "", {"figures": ()}),  # every figure removed
]


@pytest.mark.parametrize(("claimant", "figures", "expected"), CHANGES)
def test_sentence_changes(claimant, figures, expected):
    assert sentence_changes(CURRENT, claimant, figures) == expected
