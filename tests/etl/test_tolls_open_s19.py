"""Issue 8, session 19 (hNt7): a count of the dead told as not final ('so far', 'toll not
final', 'numbers rising', 'being counted') is a low bound, open above, as 'at least N' (the
sets' convention since heldout9). Sentences written for these tests; places invented."""

from __future__ import annotations

import pytest

from etl.extraction.figures import fatalities, find_figures


def _toll(text: str) -> tuple[float | None, float | None]:
    return fatalities(find_figures(text, 0, len(text)))


@pytest.mark.parametrize(
    "text, toll",
    [
        ("Mortars fell on the Varn bakery queue, 6 dead so far.", (6.0, None)),
        ("A drone hit a minibus near Orla; medics report 12 killed, toll not final.", (12.0, None)),
        ("Truck bomb at the Kessel cattle market, 14 killed, numbers still rising.", (14.0, None)),
        (
            "Gunmen stormed the Tarn clinic at dawn; 5 dead among them 2 nurses, count ongoing.",
            (5.0, None),
        ),
        ("Rescuers pulled nine bodies from the rubble of the Orla school so far.", (9.0, None)),
        ("Shelling on the Varn quarter, 3 killed and 10 wounded so far.", (3.0, None)),
        ("Clashes in Tarn overnight: 7 dead, the dead still being counted.", (7.0, None)),
        ("Clashes in Tarn overnight: 7 dead, still being counted.", (7.0, None)),
        (
            "A shell hit the Orla market: 9 killed, and the bodies are still being counted.",
            (9.0, None),
        ),
    ],
)
def test_a_count_not_final_is_open_above(text: str, toll: tuple) -> None:
    assert _toll(text) == toll


@pytest.mark.parametrize(
    "text, toll",
    [
        # a count told as final stays closed
        ("Mortars fell on the Varn bakery queue, killing 6 people.", (6.0, 6.0)),
        # 'so far' of another count, after it: the toll stays as told
        ("Police said 4 were killed in Orla; 20 suspects arrested so far.", (4.0, 4.0)),
        ("Raiders killed 4 villagers in Tarn, and 20 suspects were arrested so far.", (4.0, 4.0)),
        # 'so far this year' is a span of time, not a provisional count
        ("The blast killed 8 people, the deadliest in Varn so far this year.", (8.0, 8.0)),
        # 'so far' of a claim or of a ranking, not of the count (hRev7)
        ("Five soldiers were killed in Orla, and nobody has claimed it so far.", (5.0, 5.0)),
        ("Raiders killed 6 villagers in Tarn, the worst attack so far.", (6.0, 6.0)),
        # a forecast leaves the count as told
        ("A car bomb in Orla killed 7 people, and the toll is expected to rise.", (7.0, 7.0)),
        # 'being counted' of something else than the dead (hRev7): the toll stays as told
        ("Two people were killed in Varn as the votes were being counted.", (2.0, 2.0)),
        ("Three died in Orla while ballots are still being counted in Tarn.", (3.0, 3.0)),
        # an open count stays open
        ("At least 15 people were killed in Kessel, toll not final.", (15.0, None)),
    ],
)
def test_a_final_count_stays_closed(text: str, toll: tuple) -> None:
    assert _toll(text) == toll


@pytest.mark.parametrize("verb", ["rising", "climbing", "going up"])
def test_a_toll_risen_to_a_number_leaves_the_earlier_count_closed(verb: str) -> None:
    """'with the toll rising to 12' updates the count (hRev7): the 10 told before it is not
    a low bound open above."""
    text = f"Ten were killed in Varn on Monday, with the toll {verb} to 12 by Tuesday."
    counts = [(f.low, f.high) for f in find_figures(text, 0, len(text)) if f.quantity == "killed"]
    assert counts[0] == (10.0, 10.0)
