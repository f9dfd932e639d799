"""Incident notes' registers, session 35 (issue 8, helper hN25): what a register's fields
count and name, whatever the register's wording.

- A morgue's or a rescue log's count of the dead written as a label and its value ('Bodies:
  2', 'Bodies received: 3', 'bodies recovered: 4') is the toll of the event its other field
  tells ('Cause: ...'), as 'Dead: 2' and 'Killed: 2' are (data/rules/figure_labels.csv).

Sentences written for this test (not copied from a set); each non-guard case fails before the
change (checked against main at 5825892), the guards pass before and after.
"""

from __future__ import annotations

import datetime as dt

import pytest

from etl.extraction.extract import ArticleInput, Extractor

DAY = dt.date(2019, 4, 20)


def _mentions(extractor: Extractor, text: str, outlet: str | None = None):
    mentions, _ = extractor.extract(ArticleInput("s35", text, DAY, outlet=outlet))
    return mentions


def _killed(extractor: Extractor, text: str) -> set[tuple[float | None, float | None]]:
    return {
        (f.low, f.high)
        for m in _mentions(extractor, text)
        for f in m.figures
        if f.quantity == "killed"
    }


BODY_COUNTS = [
    (
        "MORTUARY BOOK ⟡ Deir ez-Zor Military Hospital ⟡ 12/04/2019 ⟡ Bodies: 3 ⟡ Cause: "
        "mortar shells fell on a house in the al-Jura district",
        3,
    ),
    (
        "Hospital intake | 15 April 2019 | Bodies received: 2 | Cause of death: sniper fire at "
        "a checkpoint in Hajin",
        2,
    ),
    (
        "Civil defence log · 14/04/2019 · air strike on the market of Kafr Nubl · bodies "
        "recovered: 4 · injured: 9",
        4,
    ),
    (
        "Mortuary return ∷ Tabqa ∷ 16/04/2019 ∷ bodies=5 ∷ cause: a car bomb at the bus station",
        5,
    ),
]


@pytest.mark.parametrize(("text", "dead"), BODY_COUNTS)
def test_a_registers_count_of_bodies_is_its_events_toll(extractor, text, dead):
    mentions = _mentions(extractor, text)
    assert mentions
    assert {(f.low, f.high) for m in mentions for f in m.figures if f.quantity == "killed"} == {
        (dead, dead)
    }


@pytest.mark.parametrize(
    ("text", "dead"),
    [
        # the noun counted in a sentence stays one count (not read twice)
        ("Rescuers pulled 4 bodies from the rubble of a bakery hit by an air strike in Saraqib "
         "on 14 April.", 4),  # fmt: skip
        # a log's own 'dead recovered' is the figure rule's, as before
        ("CALL-OUT LOG ⇨ Saraqib centre ⇨ 14/04/2019 ⇨ Call: barrel bombs on houses ⇨ Outcome: "
         "3 dead recovered, 5 injured evacuated", 3),  # fmt: skip
    ],
)
def test_counts_of_the_dead_in_words_are_read_once(extractor, text, dead):
    assert _killed(extractor, text) == {(dead, dead)}


def _places(extractor: Extractor, text: str, outlet: str | None = None):
    return {(m.place_name, m.country, m.geo_precision) for m in _mentions(extractor, text, outlet)}


# - A market monitor's line names the market it watches in its opening cells ('MARKET WATCH ¦
#   Saraqib livestock market ¦ ...'): the market's town is where the line's incident happened
#   when its text names no place, as a hospital's or a crossing's cell is (place_words.csv
#   keeper rows; etl.places.fields.record_unit).
MARKET_LINES = [
    (
        "MARKET WATCH ¦ Saraqib livestock market ¦ 14/04/2019 ¦ Incident: an air strike hit "
        "the stalls at noon; 3 killed ¦ Prices: n/a",
        "Saraqib",
    ),
    (
        "Souq monitor | Tabqa central souq | 15 April 2019 | Incident: gunmen shot dead a "
        "trader in front of his shop",
        "Al-Tabqa",
    ),
    (
        "MARKETS LOG ∷ al-Bab weekly market ∷ 12/04/2019 ∷ Event: a car bomb exploded at the "
        "gate, 2 dead and 9 injured",
        "Al Bāb",
    ),
]


@pytest.mark.parametrize(("text", "town"), MARKET_LINES)
def test_a_market_lines_market_cell_places_its_incident(extractor, text, town):
    places = _places(extractor, text)
    assert places and {name for name, _, _ in places} == {town}


def test_a_market_line_whose_incident_names_its_town_keeps_it(extractor):
    text = (
        "MARKET WATCH ¦ Saraqib livestock market ¦ 14/04/2019 ¦ Incident: traders report that "
        "shells fell on Kafr Nubl at noon; 2 killed"
    )
    assert {name for name, _, _ in _places(extractor, text)} == {"Kafranbel"}


# - 'Qarah', the spelling of 'Qara' with its h, heads a compound village name as 'Qara' does
#   (43ddd59, test_place_heads_s35): 'Qarah Bakr' is no Qarah in the Qalamoun.
QARA = (34.156, 36.743)


@pytest.mark.parametrize(
    "text",
    [
        "Shells fell on Qarah Bakr village in the northern countryside of Aleppo on 14 April.",
        "ALERT ⁘ 14/04/2019 ⁘ Two shepherds were killed by a mine outside Qarah Qozak ⁘ #Qozak",
    ],
)
def test_qara_heads_a_compound_name(extractor, text):
    mentions = _mentions(extractor, text)
    assert mentions
    assert all(
        m.latitude is None or abs(m.latitude - QARA[0]) + abs(m.longitude - QARA[1]) > 0.5
        for m in mentions
    )


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Regime forces shelled Qara in the Qalamoun mountains on 14 April.", "Qārah"),
        ("A bomb exploded in Qara Dagh on 14 April, killing two.", "Qeredagh"),
    ],
)
def test_qara_alone_or_a_known_compound_stays(extractor, text, name):
    assert name in {n for n, _, _ in _places(extractor, text)}


# - People in custody handed over or moved between holders are held: a transfer registry's rows
#   ('44 detainees moved from the Qamishli holding centre to the Hasakah central prison') and the
#   wires' handovers ('handed over 150 Iraqi men suspected of ...', 'took custody of 150 ...')
#   are detentions (triggers.csv, session 35); bodies, weapons or a town handed over are none.
@pytest.mark.parametrize(
    "text",
    [
        "PRISON TRANSFER LOG | 18/04/2019 | 60 detainees transferred from al-Hol to the Hasakah "
        "central prison | Escort: Asayish",
        "Registry ▪ 18/04/2019 ▪ 25 ISIS suspects flown to Baghdad by the coalition ▪ Status: done",
        "Kurdish-led forces handed over 230 Iraqi IS fighters to Iraq at the al-Qaim crossing on "
        "Thursday.",
        "Baghdad took custody of 40 suspected jihadists from Syria on 18 April.",
    ],
)
def test_people_in_custody_handed_over_are_held(extractor, text):
    assert "detention" in {m.event_type for m in _mentions(extractor, text)}


@pytest.mark.parametrize(
    "text",
    [
        "The bodies of 20 fighters were handed over to their families on Friday.",
        "The militants handed over control of the town to the tribal elders on Friday.",
        "The rebels handed over their heavy weapons to the Turkish army on 18 April.",
    ],
)
def test_things_handed_over_are_no_detention(extractor, text):
    assert "detention" not in {m.event_type for m in _mentions(extractor, text)}


# - 'over' after 'handed' or 'turned' is the verb's particle, no qualifier: 'handed over 150 men'
#   hands 150, not more than 150 (figure_qualifiers.csv); 'killed over 150' stays more than 150.
@pytest.mark.parametrize(
    ("text", "bounds"),
    [
        ("The SDF handed over 230 Iraqi IS fighters to Iraq at the al-Qaim crossing on Thursday.",
         (230, 230)),  # fmt: skip
        ("Kurdish forces are handing over 75 foreign detainees to a coalition team on 18 April.",
         (75, 75)),  # fmt: skip
        ("The army said it killed over 150 militants near the crossing on 18 April.", (150, None)),
    ],
)
def test_a_verbs_particle_is_no_qualifier(extractor, text, bounds):
    assert bounds in {(f.low, f.high) for m in _mentions(extractor, text) for f in m.figures}


# - 'individuals' and 'persons', a flow log's counted people, arrive as people do: a displacement
#   at the destination ('Movement: some 4.200 individuals arrived in Zardana ...'; triggers.csv).
@pytest.mark.parametrize(
    "text",
    [
        "FLOW LOG ⇢ 18/04/2019 ⇢ Movement: some 2.300 individuals arrived in Sarmada from the "
        "south ⇢ Households: about 460",
        "DTM FLOW ▪ 18/04/2019 ▪ 640 persons arrived in Atmeh from Maarat al-Numan ▪ Reason: "
        "shelling",
        "About 900 individuals continued to arrive in Azaz on 18 April, the camp managers said.",
    ],
)
def test_individuals_arriving_are_displaced(extractor, text):
    assert "displacement" in {m.event_type for m in _mentions(extractor, text)}


def test_troops_arriving_are_no_displacement(extractor):
    text = "About 900 troops arrived in Azaz on 18 April, the army said."
    assert "displacement" not in {m.event_type for m in _mentions(extractor, text)}
