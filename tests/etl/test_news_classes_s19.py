"""Session 19 (hNf7), news precision and type: one departure told by its buses and by the
people leaving is one evacuation (trigger_fold: displacement folds into an evacuation its
sentence tells by a verb)."""

from __future__ import annotations

import pytest

from tests.etl.trigger_check import article_types, sentence_types


@pytest.mark.parametrize(
    "sentence",
    [
        "The first buses carrying gunmen and their families left the town at dawn on Monday.",
        "Green buses carrying some 900 gunmen and their relatives have left the old quarter, "
        "the governor said.",
        "Some 2.000 Syrian refugees were driven by bus from the border to a camp near Zakho on "
        "Tuesday.",
        "Trucks rolled into the valley to evacuate 150 families displaced by the floods of war.",
        # the carried told with 'and' or 'as well as', a count after it: still one departure
        "Green buses carrying 900 gunmen and 300 relatives left the old quarter on Monday.",
        "Buses carrying the fighters as well as 300 relatives left the old quarter on Monday.",
    ],
)
def test_a_departure_told_by_its_buses_is_one_evacuation(sentence):
    assert sentence_types(sentence) == {"evacuation"}
    assert article_types(sentence) == {"evacuation"}


@pytest.mark.parametrize(
    "sentence",
    [
        # the evacuation only named: the convoy need not be the people who left
        "A convoy of 300 families had left the town for Hasakah by nightfall.",
        # people leaving told by their own verb before another departure is told
        "Thousands of people had left the valley on foot by March, and on Friday a last group "
        "was evacuated by the Red Cross.",
        # another group, counted, leaving by its own verb after the evacuation (hRev7)
        "On Monday 300 wounded were evacuated by the Red Cross from Douma, while thousands of "
        "residents fled to Damascus.",
        "The UN evacuated 40 staff from Juba on Monday as 20,000 civilians fled into Uganda.",
    ],
)
def test_people_leaving_beside_an_evacuation_stay_a_flight(sentence):
    assert "displacement" in sentence_types(sentence)
    assert "displacement" in article_types(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        # rounds told by what they did, with or without the clause of who fired them
        "Army rockets killed 4 farmers outside Kafr Zita on Sunday.",
        "'Rebel shells' fired from the hills above the town killed three pupils, the agency said.",
        "Mortar rounds fired over the river from the rebel side of the valley wounded 6 people.",
        "Two missiles launched from the coast destroyed a depot near the port on Friday.",
    ],
)
def test_rounds_told_by_what_they_did_are_shelling(sentence):
    assert sentence_types(sentence) == {"shelling"}
    assert article_types(sentence) == {"shelling"}


@pytest.mark.parametrize(
    "sentence",
    [
        # no round was fired: a rocket named only as a kind of thing
        "Gunmen killed two rocket engineers at their homes in the city on Monday.",
        "The missile crisis of that autumn ended without a shot, an old diplomat said.",
    ],
)
def test_rounds_named_only_are_no_shelling(sentence):
    assert "shelling" not in sentence_types(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        # a strike or raid told by what it did, with a place between
        "On Monday a fresh raid destroyed the flour mill and killed two workers.",
        # a side's raid on a house, whoever tells it (hFix7)
        "An Israeli raid on a house in Rafah killed a farmer and his son on Monday.",
        "Police in Gaza said an Israeli raid on a flat in Rafah killed three men.",
        # aircraft's raids on hideouts (hFix7)
        "Jets carried out raids on insurgent hideouts near the dam, killing nine fighters.",
        "A strike near the bakery in Tell Rifaat, north of the city, killed five men.",
        "In Saraqib, further south, an earlier raid damaged the clinic.",
    ],
)
def test_a_strike_told_by_what_it_did_is_an_air_strike(sentence):
    assert sentence_types(sentence) == {"airstrike"}
    assert article_types(sentence) == {"airstrike"}


@pytest.mark.parametrize(
    "sentence",
    [
        # a raid on the ground, a strike of workers
        "A police raid on a farmhouse outside the town killed two wanted men.",
        # a bare raid whose raiders or teller are police, soldiers or security forces, or a
        # single raid on a hideout: on the ground, a killing (hFix7 review)
        "Police said a raid on a hideout near the bus depot killed two suspected robbers.",
        "A raid by security forces on a farm outside Jalalabad killed four men on Tuesday.",
        "A raid on a house in Kandahar killed two brothers on Sunday, police said.",
        "Soldiers carried out a raid at a checkpoint in Kirkuk that killed three gunmen.",
        "A raid on a gang's safe house in the old town killed five men on Friday.",
        "A general strike shut the market, and a bomb wounded three guards.",
    ],
)
def test_raids_on_the_ground_and_strikes_of_workers_are_no_air_strike(sentence):
    assert "airstrike" not in sentence_types(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        # a battle that only dates a flight: no battle of its own
        "Some 9.000 villagers have crossed into Turkey since fighting reached Kafr Nabl on 3 May.",
        "About 40,000 people have fled the plain since the rebels launched their offensive "
        "on 2 March, the agency said.",
    ],
)
def test_a_battle_that_only_dates_a_flight_is_no_battle(sentence):
    assert "clash" not in sentence_types(sentence)
    assert "displacement" in sentence_types(sentence)
    assert "clash" not in article_types(sentence)


def test_a_battle_told_with_its_flight_stays_a_battle():
    sentence = "Fighting reached Kafr Nabl on 3 May, and some 9.000 villagers fled into Turkey."
    assert {"clash", "displacement"} <= sentence_types(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        # a convoy that carries people, named after it or before it
        "A convoy of 40 buses took the last gunmen and their wives out of the old town on Sunday.",
        "The remaining fighters quit the citadel on Sunday in a convoy of pick-up trucks.",
        "On 3 May, 150 Syrian nationals left the camp for Aleppo in a bus convoy.",
    ],
)
def test_a_convoy_that_carries_people_is_an_evacuation(sentence):
    assert "evacuation" in sentence_types(sentence)
    assert "evacuation" in article_types(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        # a convoy told with no people carried: trucks, a fire, a journey
        "A convoy of 35 trucks crossed at the Kilis gate on 4 March.",
        "Officials later said the convoy had burned after an engine fault.",
        "The convoy was heading back from a patrol when it stopped at the bridge on Monday.",
    ],
)
def test_a_convoy_without_people_is_no_evacuation(sentence):
    assert "evacuation" not in sentence_types(sentence)
    assert "evacuation" not in article_types(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        # a place taken by name, the verb in its perfect
        "Local commanders said they had taken Kafr Nabl, 10 km to the west, on Tuesday.",
        "By dawn the militias had taken most of the Salah al-Din quarter, a monitor said.",
    ],
)
def test_a_place_taken_in_the_perfect_is_a_battle(sentence):
    assert "clash" in sentence_types(sentence)
    assert "clash" in article_types(sentence)


def test_a_person_taken_somewhere_is_no_battle():
    sentence = "Neighbours said they had taken Ahmed to the clinic in Idlib on Monday."
    assert "clash" not in sentence_types(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        # people taken captive (hRev7): 'hostage' of the rows' guard did not stop 'hostages'
        "The militants said they had taken British hostages near Idlib on Monday.",
        "Militants took Italian prisoners near Idlib on Monday.",
        "Fighters have taken Western captives near Idlib, a monitor said.",
    ],
)
def test_people_taken_captive_are_no_battle(sentence):
    assert "clash" not in sentence_types(sentence)
    assert "clash" not in article_types(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        # people told by where they went: walking towards a place, reaching one by name
        "Hundreds of villagers were seen walking towards the Tabqa dam on Sunday.",
        "Some 4,000 people reached Dori and Djibo over the following week.",
        "Families who fled the shelling reached Afrin on the 12th.",
    ],
)
def test_people_told_by_where_they_went_fled(sentence):
    assert "displacement" in sentence_types(sentence)
    assert "displacement" in article_types(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        # who reached a place only says who they are; an agreement is no place
        "Residents who reached Gaziantep said the market had burned.",
        "Villagers reached an agreement with the militia on Monday.",
    ],
)
def test_reaching_in_a_relative_clause_or_an_agreement_is_no_flight(sentence):
    assert "displacement" not in sentence_types(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        # an ambush or an attack on people who bear no arms, or on a museum
        "Gunmen ambushed a bus of pilgrims near the shrine on Friday, killing 9.",
        "Militiamen ambushed a lorry carrying passengers on the Yei road on Monday.",
        "Two gunmen attacked the National Museum in the old city, killing 12 tourists.",
    ],
)
def test_an_ambush_on_civilians_is_a_killing(sentence):
    assert "killing" in sentence_types(sentence)
    assert "clash" not in sentence_types(sentence)
    assert "killing" in article_types(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "Militants ambushed an army patrol near the dam, killing 4 soldiers.",
        "Rebels ambushed a police camp at dawn on Sunday.",
    ],
)
def test_an_ambush_on_armed_men_stays_a_battle(sentence):
    assert sentence_types(sentence) == {"clash"}


def test_a_convoy_that_enters_a_place_is_an_evacuation():
    sentence = "A convoy of white lorries drove into Kafr Nabl on Sunday."
    assert "evacuation" in sentence_types(sentence)
    assert "evacuation" in article_types(sentence)
