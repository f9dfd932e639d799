"""Session 32 (hX22): classes of news events missed and tolls misread on heldout29
(docs/extraction_history.md, "Session 32 (hX22)"), with sentences written for this test: a
strike told in the perfect or by where it landed, a modal of a clause of its own after the
trigger, a participle's phrase between a count and its verb, and the dead as a partitive's
noun; and the other side's dead told in a sentence with a trigger of its own, added to
the battle's toll."""

from __future__ import annotations

import datetime as dt

import pytest

from etl.extraction.evaluate import event_toll
from etl.extraction.extract import ArticleInput, Extractor
from etl.extraction.figures import find_figures
from etl.extraction.triggers import find_triggers
from etl.merge import cluster_mentions


def _types(sentence: str) -> dict[str, str]:
    return {t.event_type: t.text for t in find_triggers(sentence, 0, len(sentence))}


def _killed(sentence: str) -> list[tuple[str, float | None]]:
    return [
        (f.text, f.low)
        for f in find_figures(sentence, 0, len(sentence))
        if f.quantity in ("killed", "deaths")
    ]


@pytest.mark.parametrize(
    ("sentence", "event_type", "trigger"),
    [
        # a live blog's entry in the perfect
        ("14:20 — A strike has hit the vegetable market of Kafr Ruma.", "airstrike", "strike has hit"),
        ("Two strikes have just hit the bakery in Ariha.", "airstrike", "strikes have just hit"),
        ("Mortar shells have fallen on the old quarter of Jisr al-Shughur.", "shelling",
         "Mortar shells have fallen"),  # fmt: skip
        # where a strike landed
        ("A day later a second strike landed near the school gate, killing a guard.", "airstrike",
         "strike landed"),  # fmt: skip
    ],
)
def test_a_strike_told_in_the_perfect_or_by_where_it_landed(sentence, event_type, trigger):
    assert _types(sentence).get(event_type) == trigger


@pytest.mark.parametrize(
    "sentence",
    [
        "The hunger strike has hit the prison's kitchens.",  # no strike from the air
        "The general strike has hit the shops of the town.",
    ],
)
def test_a_strike_of_workers_stays_no_air_strike(sentence):
    assert "airstrike" not in _types(sentence)


@pytest.mark.parametrize(
    ("sentence", "event_type"),
    [
        ("Three infants died of cold in the transit tents before the nurses could reach them.",
         "deaths"),  # fmt: skip
        ("A fisherman drowned in the canal because he could not swim.", "deaths"),
    ],
)
def test_a_modal_of_a_clause_of_its_own_leaves_the_trigger_real(sentence, event_type):
    assert event_type in _types(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "The militia will attack the airport before the rains could come.",
        "The capture of the bridge would open the road to the north.",
    ],
)
def test_a_modal_of_the_triggers_own_clause_still_makes_it_unreal(sentence):
    assert _types(sentence) == {}


@pytest.mark.parametrize(
    ("sentence", "killed"),
    [
        ("Three girls fetching water were killed when a shell hit the well.", [("Three girls", 3)]),
        ("A family of five returning to their village was killed by a mine.", [("five", 5)]),
        ("Two farmers working in an olive grove near the road died in the blast.",
         [("Two farmers", 2)]),  # fmt: skip
    ],
)
def test_a_participles_phrase_between_a_count_and_its_verb(sentence, killed):
    assert _killed(sentence) == killed


def test_an_ing_word_that_opens_no_phrase_keeps_the_count_off_the_verb():
    # the gunmen did the killing: they are no dead, the two are
    assert _killed("Four gunmen killing two guards were arrested.") == [("two guards", 2)]


@pytest.mark.parametrize(
    ("sentence", "killed"),
    [
        ("The raiders pulled back at dawn, leaving three of their dead behind.",
         [("three of their dead", 3)]),  # fmt: skip
        ("The attackers fled towards the river, leaving one of their dead.",
         [("one of their dead", 1)]),  # fmt: skip
    ],
)
def test_the_dead_as_a_partitives_noun_are_counted(sentence, killed):
    assert _killed(sentence) == killed


# --- the other side's dead told again with the battle, in a sentence of their own ---


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor([], None)


def _tolls(extractor: Extractor, text: str, published: dt.date) -> list[tuple[float | None, ...]]:
    mentions, _ = extractor.extract(ArticleInput("t-s32", text, published))
    return [event_toll(c.mentions) for c in cluster_mentions(mentions)]


@pytest.mark.parametrize(
    "text",
    [
        # the attacked side's dead, then the attackers' in a sentence with its own trigger
        "Three border guards were killed on Thursday night when smugglers tried to cross the "
        "frontier near Rabia, the army said. It said the guards fought back and killed four of "
        "the infiltrators.",
        # the attackers' dead told first, then the troops'
        "Troops backed by drones killed four militants in a sweep of the desert near Rabia on "
        "Thursday, the army said. It said three soldiers were killed when a roadside bomb "
        "exploded as the troops advanced.",
        # 'their dead' left behind by the attackers
        "Gunmen attacked an army post near Rabia on Thursday, killing three soldiers. The "
        "troops fought back and the attackers withdrew, leaving four of their dead behind.",
    ],
)
def test_the_other_sides_dead_in_a_sentence_of_their_own_are_added(extractor, text):
    assert (7.0, 7.0) in _tolls(extractor, text, dt.date(2021, 11, 13))


@pytest.mark.parametrize(
    ("text", "toll"),
    [
        # the toll told again, no attackers named: nothing to add
        ("Three soldiers were killed on Thursday when militants attacked a post near Rabia. "
         "The army said the toll had risen to five as the troops fought off the militants.", 5.0),
        # the attackers' dead in a sentence that also restates the whole toll (carry._RESTATES:
        # without it 3 + 5 + 8 = 16)
        ("Three soldiers were killed on Thursday when militants attacked a post near Rabia. "
         "Troops fought off the attack, killing five infiltrators, the army said, giving an "
         "overall toll of eight.", 8.0),
    ],
)  # fmt: skip
def test_a_toll_told_again_is_not_added(extractor, text, toll):
    assert _tolls(extractor, text, dt.date(2021, 11, 13)) == [(toll, toll)]


@pytest.mark.parametrize(
    "second",
    [
        "The army said its troops killed two of the infiltrators, bringing the toll to five.",
        "The toll rose to five as troops killed two of the attackers in the fighting.",
        "Troops killed two of the militants in the clash, raising the death toll to five.",
    ],
)
def test_a_toll_told_again_beside_the_attackers_dead_is_no_group_of_its_own(extractor, second):
    # (session 32 hR22: carry._added summed it too, 3 + 2 + 5 = 10; 'infiltrators' read as
    # attackers since this session made the first case 10 as well)
    text = (
        "Three soldiers were killed on Thursday when militants attacked a post near Rabia. "
        + second
    )
    assert _tolls(extractor, text, dt.date(2021, 11, 13)) == [(5.0, 5.0)]


# --- sentences that tell no event of their own, and events told in words not read before ---


@pytest.mark.parametrize(
    "sentence",
    [
        # the happening told before, counted or ranked
        "It was the third roadside bomb on the highway this month.",
        "It was the bloodiest ambush on the police in the province in years.",
        # the days or times a kind of happening recurred
        "It was the fourth day in a row that shells had fallen on the market.",
        "It is the second time this week that mortars have landed near the school.",
        # a sentence carried out by a state on convicts
        "The ministry said it had hanged nine men sentenced for the 2016 bombings.",
    ],
)
def test_a_tally_a_rank_or_a_sentence_carried_out_is_no_event(sentence):
    assert _types(sentence) == {}


@pytest.mark.parametrize(
    "sentence",
    [
        "Islamic State militants executed 12 men they had sentenced to death for spying.",
        "Al-Shabaab publicly executed two men it had convicted of spying for the government.",
    ],
)
def test_an_armed_groups_execution_after_its_own_sentence_is_a_killing(sentence):
    # (session 32 hR22: the killers' own clause 'they had sentenced' is no state's court)
    assert _types(sentence) == {"killing": "executed"}


@pytest.mark.parametrize(
    ("sentence", "event_type", "trigger"),
    [
        ("On Friday the council said it had moved 85 families to a mosque in the town.",
         "evacuation", "moved 85 families to"),  # fmt: skip
        ("Rescuers moved 300 residents by bus out of the flooded quarter.", "evacuation",
         "moved 300 residents by bus out of"),  # fmt: skip
        ("Villagers found the missing shepherd's body in a ditch on Sunday.", "killing",
         "found the missing shepherd's body"),  # fmt: skip
    ],
)
def test_people_moved_and_a_body_found_told_with_a_possessive(sentence, event_type, trigger):
    assert _types(sentence).get(event_type) == trigger


@pytest.mark.parametrize(
    ("sentence", "killed"),
    [
        ("Six more died on Tuesday when shells hit the vegetable market.", [("Six", 6)]),
        ("Three more were killed in the village the next morning.", [("Three", 3)]),
    ],
)
def test_a_bare_count_with_more_before_its_verb(sentence, killed):
    assert _killed(sentence) == killed


def test_more_before_an_active_verb_counts_no_dead():
    assert _killed("Two more stormed the post and killed a guard.") == [("a guard", 1)]


def test_both_sides_dead_in_the_toll_sentence_after_the_attack_are_added(extractor):
    text = (
        "Gunmen attacked a checkpoint near Rabia on Thursday evening. The army said three of its "
        "soldiers were killed and that the attackers fled, leaving two of their dead."
    )
    assert (5.0, 5.0) in _tolls(extractor, text, dt.date(2021, 11, 13))


@pytest.mark.parametrize(
    ("text", "toll"),
    [
        # a whole and its parts
        ("Gunmen attacked the town hall in Rabia on Thursday. At least 12 people, among them "
         "seven attackers and four guards, were killed, the police said.", (12.0, None)),  # fmt: skip
        # a total of both sides and an earlier count
        ("Militants attacked three checkpoints near Rabia on Thursday. The army said 9 soldiers "
         "and 40 militants were killed; local sources had spoken of 20 soldiers dead.",
         (49.0, 49.0)),  # fmt: skip
    ],
)
def test_a_whole_and_its_parts_or_a_total_are_not_added_again(extractor, text, toll):
    assert toll in _tolls(extractor, text, dt.date(2021, 11, 13))


@pytest.mark.parametrize(
    "sentence",
    [
        "Locals blame the militia, whose gunmen have attacked the pipeline dozens of times since May.",
        "The air force, which has bombed the valley hundreds of times, gave no figures.",
    ],
)
def test_a_tally_of_times_is_no_event(sentence):
    assert _types(sentence) == {}


def test_a_counted_few_times_stays_an_event():
    assert "airstrike" in _types("Jets struck the town several times on Monday.")


@pytest.mark.parametrize(
    ("sentence", "event_type"),
    [
        ("Regime forces shelled Kafr Nabl many times overnight, killing three civilians.",
         "shelling"),  # fmt: skip
        ("Warplanes bombed the village scores of times during the night, activists said.",
         "airstrike"),  # fmt: skip
    ],
)
def test_a_days_many_strikes_are_no_tally_of_times(sentence, event_type):
    # (session 32 hR22: 'many times' followed by the night or the day it happened tells that
    # day's strikes; 'dozens of times this year' stays a tally)
    assert event_type in _types(sentence)
    assert _types("Islamic State cells have attacked power lines dozens of times this year.") == {}
