"""Issue 8, session 28 (hN16): incident notes' fatalities, dates and notes never found, by
class (heldout25 first, each class checked on heldout3-24):

- a heading's year and closing dash before a number word ('RFB — Hesekê, 15 March 2019 — Two
  children were martyred') is no range '2019 to two': the count is read (heldout25's bulletin);
- one victim named with the group after it ('A member of the Internal Security Forces
  (Asayish) was killed'; heldout11, 21, 24, 25) counts one, as a count with its group does;
- 'without losses' closing a note is a zero toll (heldout25's digest and translated notes),
  not the losses of a part ('without losses among our men', heldout14-096);
- a killing told by its noun ('Killing of a young man', 'Assassination of the mukhtar')
  counts its victim;
- the translated notes' strikes ('Raids of the Russian warplanes', 'a massacre by the
  warplanes', 'explosive barrels'), an Iraqi statement's 'Army aviation', 'the arrest of 11
  suspects' (heldout15, 16, 19, 25), a hardship death told by its noun;
- 'a while ago', 'minutes ago' in a post: the post's day.

Sentences written for these tests (places real, incidents invented); each positive case fails
before the change, the guards pass both ways.
"""

from __future__ import annotations

import datetime as dt

import pytest

from etl.extraction.evaluate import event_toll
from etl.extraction.extract import ArticleInput, Extractor
from etl.extraction.figures import find_figures

PUB = dt.date(2019, 4, 20)


def _mentions(extractor: Extractor, text: str):
    mentions, _ = extractor.extract(ArticleInput("s28", text, PUB))
    return [m for m in mentions if not m.background]


def _types(extractor: Extractor, text: str) -> list[str]:
    return sorted({m.event_type for m in _mentions(extractor, text)})


def _killed(text: str) -> list[tuple[str, float | None, float | None]]:
    return [(f.text, f.low, f.high) for f in find_figures(text, 0, len(text)) if f.quantity == "killed"]


def test_a_heading_year_and_its_dash_are_no_range_of_the_count_after():
    text = "RFB — Amûdê, 12 April 2019 — Three farmers were martyred when a mine exploded."
    assert _killed(text) == [("Three farmers", 3.0, 3.0)]


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [
        ("Between 10-15 people were killed in the blast.", 10.0, 15.0),
        ("About 1.500—2.000 people were killed in the siege.", 1500.0, 2000.0),
        ("Some 5 – 7 civilians were killed.", 5.0, 7.0),
    ],
)
def test_ranges_of_digits_stay_ranges(text, low, high):
    assert [(lo, hi) for _, lo, hi in _killed(text)] == [(low, high)]


@pytest.mark.parametrize(
    "text",
    [
        "A member of the Internal Security Forces (Asayish) was killed and 3 others were "
        "wounded by a bomb in Amuda.",
        "RFB — Derbasiyah, 2 May 2019 — A fighter of the Manbij Military Council was "
        "martyred when gunmen attacked a post.",
    ],
)
def test_one_victim_named_with_the_group_after_it_counts_one(text):
    assert [(lo, hi) for _, lo, hi in _killed(text)] == [(1.0, 1.0)]


def test_a_member_of_a_group_who_was_not_killed_counts_nothing():
    assert _killed("A member of the council was elected mayor of Amuda in March.") == []


@pytest.mark.parametrize(
    "text",
    [
        "IOD — 18/4/2019 — Security Media Cell: Two mortar shells fell on farmland near "
        "Tarmiyah last night, without losses.",
        "Shelling with rockets on the village of Kafr Nabl since the dawn of today, without "
        "losses in the lives.",
    ],
)
def test_without_losses_is_a_zero_toll(extractor, text):
    mentions = _mentions(extractor, text)
    assert [m.event_type for m in mentions] == ["shelling"]
    assert event_toll(mentions) == (0.0, 0.0)


def test_without_losses_of_a_part_is_no_zero():
    text = (
        "Our forces killed 4 terrorists in the orchards south of Baghdad at dawn today, "
        "without losses among our men."
    )
    assert _killed(text) == [("4 terrorists", 4.0, 4.0)]


def test_a_zero_told_in_words_beside_an_arrest_is_its_toll(extractor):
    """As heldout3, 4, 10, 12 and 14 code a raid's 'no casualties' (heldout18-151, coded
    null, is the one item against)."""
    text = (
        "Statement of 19 April 2019: our forces arrested 4 members of an ISIS cell in the "
        "countryside of Tabqa, without losses."
    )
    mentions = _mentions(extractor, text)
    assert [m.event_type for m in mentions] == ["detention"]
    assert event_toll(mentions) == (0.0, 0.0)


@pytest.mark.parametrize(
    "text",
    [
        "Killing of a shepherd by bullets of unknown persons near the town of Tafas, this "
        "morning.",
        "Assassination of a former commander of the factions by unknown gunmen in the city "
        "of Nawa, yesterday.",
    ],
)
def test_a_killing_told_by_its_noun_counts_its_victim(extractor, text):
    mentions = _mentions(extractor, text)
    assert "killing" in {m.event_type for m in mentions}
    assert event_toll(mentions) == (1.0, 1.0)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Raids of the Russian warplanes, 4 raids, on the town of Kafr Nabl since the "
         "morning of today.", "airstrike"),
        ("Martyrdom of 3 civilians by a raid of the warplanes on the city of Saraqib, "
         "this day.", "airstrike"),
        ("Martyrdom of 6 civilians in a massacre by the Russian warplanes on the town of "
         "Maarat al-Numan, this day.", "airstrike"),
        ("Falling of 5 explosive barrels from the helicopters of the regime on the town of "
         "Kafr Zita, since the morning.", "airstrike"),
        ("IOD — 2/4/2019 — Security Media Cell: Army aviation destroyed a tunnel of Daesh "
         "terrorist gangs near Rutba today.", "airstrike"),
        ("Statement of 19 April 2019: a search of the area at dawn ended with the arrest of "
         "9 suspects in Hawija.", "detention"),
        ("Death of a displaced child because of the cold in the camps of Atmeh, yesterday.",
         "deaths"),
    ],
)
def test_the_notes_nouns_of_an_event(extractor, text, kind):
    assert kind in _types(extractor, text)


def test_civil_aviation_strikes_nothing(extractor):
    text = "The civil aviation authority targeted a reopening of Mosul airport by June."
    assert "airstrike" not in _types(extractor, text)


@pytest.mark.parametrize("phrase", ["a while ago", "minutes ago"])
def test_a_while_ago_is_the_posts_day(extractor, phrase):
    text = (
        f"[URGENT][Idlib] Warplanes struck the market of Saraqib {phrase}. Rescue teams are "
        "searching the rubble."
    )
    strikes = [m for m in _mentions(extractor, text) if m.event_type == "airstrike"]
    assert strikes and all((m.date.start, m.date.end) == (PUB, PUB) for m in strikes)


# -- second piece: a side's dead and its own joined by 'and martyred', accidental fires in
# camps, victims of mines and of a side's bullets, mercenaries counted as fighters


def test_the_enemys_dead_and_ones_own_martyred_are_added(extractor):
    text = (
        "IOD — 12/4/2019 — Diyala Operations Command: Clashes with a terrorist group near "
        "Jalawla this morning killed 3 terrorists and martyred a policeman."
    )
    assert event_toll(_mentions(extractor, text)) == (4.0, 4.0)


def test_a_fire_in_a_tent_that_killed_is_deaths(extractor):
    text = "On 3 April, a fire in a tent in the annex of the camp killed two children."
    assert _types(extractor, text) == ["deaths"]


def test_a_tent_fire_that_killed_is_deaths(extractor):
    text = "On 3 April, a tent fire in the eastern section of al-Hol camp killed a woman."
    assert _types(extractor, text) == ["deaths"]


def test_a_victim_of_a_mine_is_an_explosion(extractor):
    text = (
        "RFB — Amûdê, 12 April 2019 — A farmer was martyred yesterday by a mine left behind "
        "by ISIS south of Amûdê."
    )
    assert "explosion" in _types(extractor, text)


def test_a_victim_of_a_sides_bullets_is_a_killing(extractor):
    text = (
        "RFB — Kobanê, 12 April 2019 — A shepherd was martyred by the bullets of Turkish "
        "border guards yesterday near the border west of Kobanê."
    )
    mentions = _mentions(extractor, text)
    assert "killing" in {m.event_type for m in mentions}
    assert event_toll(mentions) == (1.0, 1.0)


def test_one_mercenary_killed_counts_one():
    assert _killed("Fighters of the council repelled the attack and killed one mercenary.") == [
        ("one mercenary", 1.0, 1.0)
    ]


def test_a_hardship_death_told_at_length_is_deaths(extractor):
    text = (
        "Death of a child from the displaced of Hajin in the camp of al-Hol because of the "
        "cold and lack of medical care, yesterday evening."
    )
    assert "deaths" in _types(extractor, text)


def test_the_bodies_of_the_abducted_found_are_a_killing_of_the_finding_day(extractor):
    text = (
        "Villagers found today the bodies of 3 farmers, who were abducted by unknown gunmen "
        "4 days ago, near the village of Kasra west of Deir ez-Zor."
    )
    mentions = _mentions(extractor, text)
    killings = [m for m in mentions if m.event_type == "killing"]
    assert killings and all((m.date.start, m.date.end) == (PUB, PUB) for m in killings)
    assert event_toll(killings) == (3.0, 3.0)
    assert "detention" in {m.event_type for m in mentions}


def test_each_sides_dead_after_its_own_side_are_added():
    text = "Clashes in Hajin yesterday, and the death of 4 of the SDF and 2 of the cells."
    assert ("4 of the SDF and 2 of the cells", 6.0, 6.0) in _killed(text)
