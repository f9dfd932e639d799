"""The grade of corroboration in words, and what counts as an independent source."""

from __future__ import annotations

import pandas as pd

from dashboard.corroboration import CONTESTED, CORROBORATED, SINGLE, grade
from dashboard.detail import event_claims
from dashboard.views import claim_frame, event_frame


def _claims(*rows: tuple[str, str | None, str]) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=["outlet_id", "wire", "stance"])


def test_one_wire_reprinted_by_three_outlets_is_a_single_source():
    claims = _claims(("ap", None, "asserted"), ("ap_reprint", "ap", "asserted"),
                     ("paper", "ap", "asserted"))  # fmt: skip
    g = grade(claims)
    assert (g.level, g.sources) == (SINGLE, 1)
    assert g.words == "Single source (carried by 3 outlets)"


def test_two_wires_corroborate():
    g = grade(
        _claims(("ap", None, "asserted"), ("afp", None, "asserted"), ("ap", None, "asserted"))
    )
    assert (g.level, g.sources, g.words) == (
        CORROBORATED,
        2,
        "Corroborated by 2 independent sources",
    )


def test_the_builds_count_wins_when_given():
    # two outlets sharing copy without a credit line: the build merged them into one source
    g = grade(_claims(("paper", None, "asserted"), ("paper2", None, "asserted")), independent=1)
    assert (g.level, g.sources) == (SINGLE, 1)


def test_a_denial_makes_it_contested():
    g = grade(
        _claims(("ap", None, "asserted"), ("sohr", None, "denied"), ("afp", None, "asserted"))
    )
    assert g.level == CONTESTED
    assert g.words == "Contested: reported by 2 independent sources, denied by 1"
    only_denied = grade(_claims(("sohr", None, "denied")))
    assert (only_denied.level, only_denied.sources) == (CONTESTED, 0)


def test_unverified_everywhere_is_said():
    g = grade(_claims(("afp", None, "unverified")))
    assert g.words == "Single source; the outlets could not verify it"


def test_grades_of_the_real_events_match_their_source_counts(project_tables):
    view = event_frame(project_tables)
    claims = claim_frame(project_tables)
    levels = {}
    for row in view.itertuples():
        g = grade(event_claims(claims, row.event_id), row.independent_sources)
        levels[row.event_key] = g.level
        if g.level != CONTESTED:
            assert g.sources == row.independent_sources
            assert (g.level == CORROBORATED) == (row.independent_sources >= 2)
    assert set(levels.values()) >= {SINGLE, CORROBORATED}
    # the 20 Feb convoy: AP and AFP counted it
    assert levels["baghouz-convoy-2019-02-20"] == CORROBORATED
