"""Convention C16 (session 30, coordinator; extractor: helper hC19): gunfire that kills or
wounds a member of an armed force (soldier, police, security or militia member, fighter), an
'assassination' included, is a clash, not a killing of civilians; a bomb, mine or IED is an
explosion whatever its target. Sentences written for this test (not copied from a set), in the
house styles the sets show: a statement's sentence, a field log's telegraphic line, a
translated item. Each clash case fails before hC19's change; the guards pass before and after.
"""

from __future__ import annotations

import datetime as dt

import pytest

from etl.extraction.extract import ArticleInput, Extractor


def _types(extractor: Extractor, text: str) -> list[str]:
    mentions, _ = extractor.extract(ArticleInput("c16", text, dt.date(2019, 5, 20)))
    return sorted(m.event_type for m in mentions)


@pytest.mark.parametrize(
    "text",
    [
        # the verb before the armed victim: assassinated, shot dead
        "On 3 May 2019, gunmen assassinated a member of the Internal Security Forces in Tabqa.",
        "Masked men shot dead a member of the Tribal Mobilisation forces outside his shop in Baaj.",
        # a force named by its units, its council, its name ('Asayish')
        "Unknown gunmen killed a member of the Ezidkhan Protection Units near Sinuni on Friday.",
        "A member of the Deir ez-Zor Military Council was assassinated by gunmen in Busayrah today.",
        "IS fighters killed a member of the PKK's 'Asayish' in a shooting in Hasakah yesterday.",
        # a telegraphic passive with no 'was' (field logs)
        "04MAY19 // SHUHAIL // SDF field commander shot dead by gunmen near the bakery // 1 KIA",
        "04MAY19 // AL-HOL // Checkpoint guard shot dead at the east gate // 1 KIA // src: local",
        # a translated 'element' of a side
        "Killed element from the forces of the regime by fire sniper on front Kafr Nabudah today.",
    ],
)
def test_gunfire_on_an_armed_member_is_a_clash(extractor, text):
    assert _types(extractor, text) == ["clash"]


@pytest.mark.parametrize(
    "text, expected",
    [
        # unarmed victims stay a killing
        ("Gunmen assassinated a member of the local council in Busra al-Harir on Sunday.", ["killing"]),
        ("Soldiers shot dead two protesters in the main square of the town.", ["killing"]),
        ("04MAY19 // HAJIN // Shepherd shot dead by gunmen near the river // 1 KIA", ["killing"]),
        # the armed men after 'by' are the killers, not the dead
        ("Two herders were shot dead on Monday by gunmen in the desert south of Hatra.", ["killing"]),
        # a bomb on an armed member is an explosion (C16's second half)
        ("A member of the Internal Security Forces was killed by a roadside bomb in Raqqa.", ["explosion"]),
    ],
)
def test_unarmed_victims_and_bombs_keep_their_type(extractor, text, expected):
    assert _types(extractor, text) == expected


def test_an_assassinated_member_counts_one_dead():
    """'was assassinated' is a death told in the passive, as 'was shot dead' (figure_verbs_after.csv)."""
    from etl.extraction.figures import find_figures

    text = "A member of the Deir ez-Zor Military Council was assassinated by gunmen in Busayrah today."
    killed = [(f.text, f.low) for f in find_figures(text, 0, len(text)) if f.quantity == "killed"]
    assert killed == [("A member of the Deir ez-Zor Military Council", 1.0)]
