"""Issue 8, news failure classes of session 13 (heldout10 as a development set), one group
per class, in sentences written for these tests (places, people and groups invented)."""

from __future__ import annotations

import pytest

from tests.etl.trigger_check import article_types, sentence_types

PRECISION_CASES = [
    # an anniversary: what happened years ago is recalled, not reported
    ("Four years ago this month the town of Velm fell to the militants.", set()),
    ("A year ago today, a car bomb killed 30 people in Lisk.", set()),
    ("Orra, which fell to the militants two years ago, was shelled on Monday.", {"shelling"}),
    # the reason a side gives for its strike is its own account, not another event
    (
        "Jets struck the port of Tabb in response to a rocket fired at a tanker on Friday.",
        {"airstrike"},
    ),
    (
        "The army shelled Orra in retaliation for an ambush on its convoy.",
        {"shelling"},
    ),
    # people described by a past state or a past flight's cause
    ("Families who had been trapped in the old city reached the camp.", set()),
    # (the flight stays a displacement; the fighting fled is no battle of its own)
    ("The camp shelters some 900 people who fled earlier fighting near Velm.", {"displacement"}),
    ("Since June, 4,000 people have been displaced by the military operations.", {"displacement"}),
    # people captured are no battle
    ("The accused had been captured in Orra and handed over to the police.", set()),
]


@pytest.mark.parametrize(("sentence", "expected"), PRECISION_CASES)
def test_precision_class(sentence, expected):
    assert sentence_types(sentence) == expected
    assert article_types(sentence) == expected
