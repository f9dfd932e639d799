"""Issue 8, session 17 (hT5): tolls read by their content, in sentences written for these
tests (places and people invented or common): a count whose noun is a compound the noun
table does not list ('seven farm workers died'), the dead of two sides joined by 'and lost',
and each clause's dead added when the first clause's verb comes before its count."""

from __future__ import annotations

import pytest

from etl.extraction.figures import find_figures
from etl.extraction.tolls import fatalities


def _toll(text: str) -> tuple[float | None, float | None]:
    return fatalities(find_figures(text, 0, len(text)))


@pytest.mark.parametrize(
    "text, toll",
    [
        # a lower-case word of a compound before a listed noun
        ("Nine mine workers died when the shaft was shelled near Korvel.", (9.0, 9.0)),
        ("Four cotton farmers were killed in the raid on Demka.", (4.0, 4.0)),
        ("Eleven city police officers were killed at the Tarlo checkpoint.", (11.0, 11.0)),
        ("1 border guard killed near Osk, 2 wounded.", (1.0, 1.0)),
        ("At least 6 tea workers and 2 estate guards were shot dead at Mirra.", (8.0, None)),
    ],
)
def test_compound_noun_counts(text, toll):
    assert _toll(text) == toll


@pytest.mark.parametrize(
    "text",
    [
        # a word of time between the number and a noun is no compound
        "The 3 night guards fled when the 40 morning shift workers left.",
        # a verb's participle is no compound either: the 5 are not the killed soldiers' count
        "Rebels held 5 wounded soldiers in Varn.",
    ],
)
def test_compound_noun_not_a_toll(text):
    assert _toll(text) == (None, None)


@pytest.mark.parametrize(
    "text, toll",
    [
        # the enemy's dead and one's own, joined by 'and lost'
        ("The army said it killed 14 rebels and lost three soldiers near Tavo.", (17.0, 17.0)),
        ("The brigade had killed 40 raiders and had lost 6 of its own men.", (46.0, 46.0)),
        # the first clause's verb before its count, the second count with its own verb
        ("Gunmen stormed the depot, killing four guards; the driver died in hospital.", (5.0, 5.0)),
        (
            "Raiders hit the market, killing three traders; a housewife died in the crush and "
            "one attacker was shot dead.",
            (5.0, 5.0),
        ),
        (
            "Troops cleared the ridge, neutralising 9 bandits, while 2 brave soldiers paid the "
            "supreme price.",
            (2.0, 2.0),  # 'neutralising' is no death (C2, session 25)
        ),
        # a citizen is one person: 'the martyrdom of one citizen', 'killed a citizen and his wife'
        ("A device went off in a shop, resulting in the martyrdom of one citizen.", (1.0, 1.0)),
        ("Shelling on Marra killed a citizen and his wife.", (2.0, 2.0)),
    ],
)
def test_two_sides_added(text, toll):
    assert _toll(text) == toll


@pytest.mark.parametrize(
    "text, toll",
    [
        # a share of the dead told in the second clause is no further group
        ("The bomb went off, killing 12 people; 4 soldiers were among the dead.", (12.0, 12.0)),
        # a revised toll is the same dead told again
        ("The bomb went off, killing 12 people; the toll later rose to 15.", (15.0, 15.0)),
        # a side's losses of things, not people
        ("The army said it killed 20 militants and lost two tanks.", (20.0, 20.0)),
    ],
)
def test_not_added(text, toll):
    assert _toll(text) == toll


@pytest.mark.parametrize(
    "text, toll",
    [
        # a count and one more person after 'and their' / 'and a': one more, not a kind of
        # the first ('women and children' is one group)
        ("Rebels blew up a bus near Kesh, killing nine nurses and their driver.", (10.0, 10.0)),
        ("A bomb went off in Lamu, killing 2 policemen and a street vendor.", (3.0, 3.0)),
        ("The shelling of Orsa killed 12 women and children.", (12.0, 12.0)),
        # the teller after the list is no victim: '..., the governor said'
        ("Gunmen killed 3 farmers and a shepherd, the governor said.", (4.0, 4.0)),
        ("A mortar round hit the market, killing 4 traders, the mayor said.", (4.0, 4.0)),
    ],
)
def test_one_more_person(text, toll):
    assert _toll(text) == toll


@pytest.mark.parametrize(
    "text, toll",
    [
        # a side's own dead told by 'losing', as by 'lost'
        ("The militia beat back the assault on Tarsa, losing 8 men, a commander said.", (8.0, 8.0)),
        ("Rebels were pushed back from the ridge, losing 12 fighters.", (12.0, 12.0)),
        ("The army held the bridge, losing two soldiers and a medic.", (3.0, 3.0)),
    ],
)
def test_losing_men(text, toll):
    assert _toll(text) == toll
