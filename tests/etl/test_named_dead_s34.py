"""The dead counted by their given names, session 34 (issue 8, helper hN24): mourning
notices, council notices and martyrdom announcements name their dead rather than count them
('mourns its sons Ahmad (17) and Khaled (15), martyred yesterday'): one victim a name in a
list after a plural noun of people or kin, and one after a singular noun with the victim's
name between it and its verb ('the young man Mahmoud, who died'). A list or a name with no
verb of the dead is no count ('The sons Ahmad and Khaled attended ...').

heldout17 (news), heldout28 (council notices) and heldout31 (mourning notices) hold the class.
Sentences written for this test (not copied from a set); each non-guard case fails before
the change (checked against main), the guards pass before and after.
"""

from __future__ import annotations

import pytest

from etl.extraction.figures import find_figures


def _counts(text: str) -> list[tuple[str, float | None]]:
    return [(f.quantity, f.low) for f in find_figures(text, 0, len(text))]


@pytest.mark.parametrize(
    "text, count",
    [
        ("The Darwish family of Kafr Nabl mourns its daughters Huda (12) and Rana (9), "
         "martyred at dawn when a shell hit their home", 2),
        ("Neighbours buried the boys Yamen, 8, Adam, 6, and Karim, 3, who were killed when "
         "the barrel bomb struck the school yard", 3),
        ("The village mourns its martyrs: Saleh al-Hamoud (52), his son Faisal (24) and his "
         "grandchildren Nour and Jad, who fell in the morning air raid", 4),
        ("The strike killed the brothers Ziad and Fadi Mansour near the bakery.", 2),
        ("The young men Tariq and Walid, both farmers, died of their wounds in hospital.", 2),
    ],
)  # fmt: skip
def test_a_list_of_names_after_a_plural_noun_counts_one_a_name(text, count):
    assert (("killed", count) in _counts(text)) or (("deaths", count) in _counts(text))


@pytest.mark.parametrize(
    "text",
    [
        "The family of al-Omar mourns its son Bassel, a paramedic, killed on Monday when a "
        "drone struck his ambulance",
        "Condolences to the family of the young man Samer, who died this morning of wounds "
        "from Friday's shelling",
        "The brigade mourns the hero Abu Hamza al-Shami, who was martyred repelling an attack "
        "on the front line",
        "The town mourns the child Jana, killed by a rocket on the market last night",
        "The brigade mourns the hero Mahmoud Qassem, who fell on Sunday defending the hill",
    ],
)
def test_a_named_victim_after_a_singular_noun_counts_one(text):
    counts = _counts(text)
    assert ("killed", 1.0) in counts or ("deaths", 1.0) in counts


@pytest.mark.parametrize(
    "text",
    [
        "The sons Ahmad and Khaled attended the funeral in Idlib.",
        "The spokesman Omar Ali said the army had advanced.",
        "The police chief Ahmad Hassan, who was appointed in May, visited the checkpoint.",
        "The brothers Karim and Sami, who fell out over the land, reconciled last year.",
        "Shells fell on the town where the children Lina and Rami live.",
    ],
)
def test_names_with_no_verb_of_the_dead_count_nobody(text):
    """Guards: the named people attended, spoke, were appointed, fell out; a shell fell."""
    assert not [q for q, _ in _counts(text) if q in ("killed", "deaths")]


def test_two_counted_by_their_number_are_not_counted_again():
    """'the two brothers Ahmed and Mustafa' counts two once, by its number."""
    text = "The town mourns the two brothers Ahmed and Mustafa, martyred on Wednesday evening"
    counts = _counts(text)
    assert sum(1 for q, _ in counts if q in ("killed", "deaths", "civilians")) == 1
