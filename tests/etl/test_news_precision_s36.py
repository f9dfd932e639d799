"""Session 36 (hB26): two classes of news extras that recur across the development sets.

1. Armed men killed by a present-tense or '-ing' verb of gunfire (C16). A timeline's or a
   ticker's present tense ('IS gunmen kill three SDF fighters at a checkpoint', heldout33-062;
   'Unknown gunmen kill a fighter of the Hamza Division', heldout33-064; 'Gunmen kill two
   soldiers at checkpoint near Siniya', heldout32-057) and a court docket's 'shooting dead a
   police officer' (heldout32-039) were a killing: the verb before armed men killed
   (trigger_words.csv `killed_verb`) read only 'killed', 'kills', 'killing' and 'shot dead'.
2. An agreement or a deal named by its noun alone is no statement (C17 makes statements of an
   ultimatum, a deadline or a truce; the sets' conventions list 'an agreement' among no
   events): heldout30-080, 32-023, 33-028 and three sets' notes were extras. One told as
   reached, struck or brokered stays a statement (the seeds' 'a deal appeared to have been
   reached').
3. A killing or a death whose cause is named right after its verb ('three civilians were
   killed by rockets', heldout31-042; 'two civilians were unintentionally killed when a strike
   engaged an ISIS vehicle', heldout30-072; 'his cousin died on Tuesday when a rocket came
   through the roof', heldout33-051) is that weapon's event, not a killing or deaths.

Texts written for this test (places real, incidents invented), in other wordings than the sets':
the cases of each first group fail before the change."""

from __future__ import annotations

import datetime as dt

import pytest

from etl.extraction.extract import ArticleInput, Extractor

PUB = dt.date(2019, 6, 12)


def _types(extractor: Extractor, text: str) -> list[str]:
    mentions, _ = extractor.extract(ArticleInput("s36b", text, PUB))
    return sorted({m.event_type for m in mentions if not m.background})


@pytest.mark.parametrize(
    "text",
    [
        "14 May 2019: Unknown gunmen kill two soldiers at a checkpoint near Baiji.",
        "IRAQ: Gunmen shoot dead a policeman at a checkpoint in Tarmiyah, police say",
        "3 June 2019 — A sniper guns down an Asayish member at the gate of Qamishli's market.",
        "The defendant is accused of shooting dead two PMF fighters at a checkpoint near "
        "Samarra on 4 March 2019.",
    ],
)
def test_armed_men_killed_by_a_present_or_ing_verb_are_a_clash(extractor, text):
    assert _types(extractor, text) == ["clash"]


@pytest.mark.parametrize(
    "text",
    [
        "14 May 2019: IS gunmen kill four members of a family in their house near Amerli.",
        "IRAQ: Gunmen shoot dead a shepherd near Kirkuk, police say",
    ],
)
def test_unarmed_people_killed_so_stay_a_killing(extractor, text):
    assert _types(extractor, text) == ["killing"]


@pytest.mark.parametrize(
    "text",
    [
        "On 3 February, an agreement handed the local council control of the town's bakeries "
        "and schools.",
        "The town has been quiet since its elders accepted a deal with the army on 2 May.",
        "LEBANON: Parties sign deal on new cabinet after nine months of talks",
    ],
)
def test_an_agreement_or_deal_by_its_noun_is_no_statement(extractor, text):
    assert "statement" not in _types(extractor, text)


@pytest.mark.parametrize(
    "text",
    [
        "The two clans agreed to a truce on Monday under the mediation of tribal elders.",
        "Russia announced a ceasefire in the Idlib zone on Sunday.",
        "Elders brokered a truce between the families on Tuesday evening.",
        # a deal told as reached or struck is its making (the seeds' al-Baghouz deal)
        "A deal was reached on Sunday for the fighters still in the town to leave for Idlib.",
        "The army and the rebels struck a deal on Monday to hand over the town's heavy weapons.",
    ],
)
def test_a_truce_or_ceasefire_stays_a_statement(extractor, text):
    assert "statement" in _types(extractor, text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Two women were killed by Grad rockets in the centre of Suqaylabiyah on Monday.",
            "shelling",
        ),
        (
            "Two shepherds died on Friday when a drone's missile caught their flock near Idlib.",
            "airstrike",
        ),
        (
            "An elderly man died on Saturday when a jet's bomb brought down his house in Ariha.",
            "airstrike",
        ),
        (
            "Two farmers were killed by shellfire in the fields of al-Lataminah on Monday.",
            "shelling",
        ),
    ],
)
def test_a_weapon_named_after_the_death_types_it(extractor, text, expected):
    assert _types(extractor, text) == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "Two men were killed by gunmen near Kirkuk on Monday.",
        "A shepherd was killed when gunmen attacked his flock near Baiji on Monday.",
    ],
)
def test_a_death_by_gunmen_stays_a_killing(extractor, text):
    assert _types(extractor, text) == ["killing"]
