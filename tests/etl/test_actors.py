"""Actor names normalised through data/lexicon/actors.csv, claimants, and who acts on whom."""

from __future__ import annotations

import pytest

from etl.extraction.actors import actor_in, assign_roles, find_actors, find_claimant


def _actors(text: str) -> list[tuple[str, str]]:
    """(actor, the words that named it) for every actor in text."""
    return [(m.actor, text[m.start : m.end]) for m in find_actors(text, 0, len(text))]


# (text, [(actor, words)])
ACTORS = [
    ("IS fighters attacked the town.", [("Islamic State", "IS fighters")]),
    ("ISIS attacked the town.", [("Islamic State", "ISIS")]),
    ("ISIL attacked the town.", [("Islamic State", "ISIL")]),
    ("the Islamic State group", [("Islamic State", "Islamic State")]),
    ("Daesh militants", [("Islamic State", "Daesh")]),
    ("The SDF advanced.", [("Syrian Democratic Forces", "SDF")]),
    (
        "the Syrian Democratic Forces said",
        [("Syrian Democratic Forces", "Syrian Democratic Forces")],
    ),
    ("Kurdish-led forces advanced.", [("Syrian Democratic Forces", "Kurdish-led forces")]),
    ("the U.S.-backed SDF", [("Syrian Democratic Forces", "SDF")]),
    ("the US-led coalition", [("US-led coalition", "US-led coalition")]),
    ("U.S.-led coalition jets", [("US-led coalition", "U.S.-led coalition")]),
    (
        "the US-led international coalition",
        [("US-led coalition", "US-led international coalition")],
    ),
    ("the anti-IS coalition", [("US-led coalition", "anti-IS coalition")]),
    ("strikes by the coalition", [("US-led coalition", "the coalition")]),
    ("coalition warplanes", [("US-led coalition", "coalition warplanes")]),
    ("regime forces shelled the town", [("Syrian government", "regime forces")]),
    ("the Syrian regime", [("Syrian government", "Syrian regime")]),
    ("Assad's forces", [("Syrian government", "Assad's forces")]),
    pytest.param(
        "Coalition warplanes struck IS positions.",
        [("US-led coalition", "Coalition warplanes"), ("Islamic State", "IS")],
    ),
    pytest.param(
        "Regime forces shelled the town.",
        [("Syrian government", "Regime forces")],
    ),
    # 'this', 'is', 'This' never wake up IS
    ("this is it, This and this", []),
    ("This town is his.", []),
    ("It is what it is.", []),
    ("The city was quiet.", []),
]


@pytest.mark.parametrize(("text", "expected"), ACTORS)
def test_find_actors_normalises_spellings(text, expected):
    assert _actors(text) == expected


def test_find_actors_respects_the_span():
    text = "IS attacked. The SDF answered."
    start = text.index("The SDF")
    assert [m.actor for m in find_actors(text, start, len(text))] == ["Syrian Democratic Forces"]
    assert [m.actor for m in find_actors(text, 0, start)] == ["Islamic State"]


def test_longest_spelling_wins_an_overlap():
    assert _actors("Syrian Democratic Forces") == [
        ("Syrian Democratic Forces", "Syrian Democratic Forces")
    ]
    observatory = "Syrian Observatory for Human Rights"
    assert actor_in(f"the {observatory}") == observatory


# (sentence, claimant text, claimant actor); None when nobody is credited
CLAIMANTS = [
    (
        "An SDF spokesman, Mustafa Bali, said the operation had resumed.",
        "An SDF spokesman, Mustafa Bali",
        "Syrian Democratic Forces",
    ),
    (
        "The operation had resumed, an SDF spokesman, Mustafa Bali, said.",
        "an SDF spokesman, Mustafa Bali",
        "Syrian Democratic Forces",
    ),
    (
        "Mustafa Bali, spokesman for the SDF, said the operation had resumed.",
        "Mustafa Bali, spokesman for the SDF",
        "Syrian Democratic Forces",
    ),
    (
        "SDF spokesman Mustafa Bali said 20 fighters surrendered.",
        "SDF spokesman Mustafa Bali",
        "Syrian Democratic Forces",
    ),
    (
        "At least 12 people were killed, medics and witnesses said.",
        "medics and witnesses",
        "medics and witnesses",
    ),
    (
        "At least 12 people were killed, according to the Syrian Observatory for Human Rights.",
        "the Syrian Observatory for Human Rights",
        "Syrian Observatory for Human Rights",
    ),
    (
        "Fighting continued on Sunday, the Syrian Observatory said.",
        "the Syrian Observatory",
        "Syrian Observatory for Human Rights",
    ),
    (
        "The Britain-based monitor said 12 people died.",
        "The Britain-based monitor",
        "Syrian Observatory for Human Rights",
    ),
    (
        "UN human rights chief Michelle Bachelet said in a statement that civilians were trapped.",
        "UN human rights chief Michelle Bachelet",
        "United Nations",
    ),
    ("The fighting continued, the coalition said.", "the coalition", "US-led coalition"),
    ("Bali said the fighting continued.", "Bali", None),
    ("Coalition airstrikes hit Hajin on Wednesday.", None, None),
    ("Fighting continued, he said.", None, None),
    ("“We are aware,” he said.", None, None),
    ("IS fighters, who said they were tired, surrendered.", None, None),
    # the quote a speaker ends is not part of the speaker
    ("'They shell us every night,' a nurse in Varn told the radio.", "a nurse in Varn", None),
    # a title after a clause that is no name stands alone
    (
        "Rebels drove the militia out of Tell on Monday with barely a fight, a commander of "
        "the Ridge Brigade said.",
        "a commander of the Ridge Brigade",
        None,
    ),
    (
        "Hostilities ended, Mustafa Bali, spokesman for the SDF, said.",
        "Mustafa Bali, spokesman for the SDF",
        "Syrian Democratic Forces",
    ),
    pytest.param(
        "Fighting continued, said Mustafa Bali, an SDF spokesman.",
        "Mustafa Bali, an SDF spokesman",
        "Syrian Democratic Forces",
    ),
    # a lowercase speaker after the verb (the clause before it is what was said, not who)
    ("Jets struck Hajin on Tuesday, said the army.", "the army", None),
    (
        "Fourteen died in the shelling, said a medic at the field clinic.",
        "a medic at the field clinic",
        None,
    ),
    (
        "Twelve were killed, said the interior ministry, adding that three were wounded.",
        "the interior ministry",
        None,
    ),
    (
        "Jets struck Hajin, said Mustafa Bali, adding that the raids went on.",
        "Mustafa Bali",
        None,
    ),
    # ...but reported content with a verb of its own is no speaker: the old reading stands
    (
        "The convoy left, said an operation by special forces enabled the evacuation.",
        "The convoy left",
        None,
    ),
]

PREFIX = "Earlier news. "


@pytest.mark.parametrize(("sentence", "who", "actor"), CLAIMANTS)
def test_find_claimant(sentence, who, actor):
    text = PREFIX + sentence + " Later news."
    start, end = len(PREFIX), len(PREFIX) + len(sentence)
    claimant = find_claimant(text, start, end)
    if who is None:
        assert claimant is None
        return
    assert (claimant.text, claimant.actor) == (who, actor)
    assert text[claimant.start : claimant.end] == claimant.text
    assert start <= claimant.start < claimant.end <= end


def _roles(text: str, trigger: str) -> tuple[str | None, str | None]:
    claimant = find_claimant(text, 0, len(text))
    return assign_roles(find_actors(text, 0, len(text)), text.index(trigger), claimant)


# (sentence, trigger word, actor1, actor2)
ROLES = [
    ("coalition airstrikes hit IS positions", "airstrikes", "US-led coalition", "Islamic State"),
    (
        "U.S.-led coalition jets struck IS positions near Hajin",
        "struck",
        "US-led coalition",
        "Islamic State",
    ),
    (
        "The SDF fought IS in Baghouz, an SDF spokesman, Mustafa Bali, said.",
        "fought",
        "Syrian Democratic Forces",
        "Islamic State",
    ),
    (
        "SDF spokesman Mustafa Bali said IS fighters attacked the SDF.",
        "attacked",
        "Islamic State",
        "Syrian Democratic Forces",
    ),
    ("Russian warplanes struck Idlib, Human Rights Watch said.", "struck", "Russia", None),
    pytest.param(
        "Coalition airstrikes hit IS positions", "airstrikes", "US-led coalition", "Islamic State"
    ),
    # media outlets, monitors, NGOs and civilians are never sides
    (
        "Reuters said the SDF clashed with IS fighters.",
        "clashed",
        "Syrian Democratic Forces",
        "Islamic State",
    ),
    (
        "AP reporters saw IS fighters surrender to the SDF.",
        "surrender",
        "Islamic State",
        "Syrian Democratic Forces",
    ),
    (
        "The Associated Press saw IS fighters surrender to the SDF.",
        "surrender",
        "Islamic State",
        "Syrian Democratic Forces",
    ),
    ("AFP reported that regime forces shelled the town.", "shelled", "Syrian government", None),
    ("Airstrikes killed 12 civilians, the Syrian Observatory said.", "Airstrikes", None, None),
    ("The Syrian Observatory said airstrikes killed 12 civilians.", "airstrikes", None, None),
    ("Reuters and AFP reported clashes near the Associated Press office.", "clashes", None, None),
]


@pytest.mark.parametrize(("sentence", "trigger", "actor1", "actor2"), ROLES)
def test_assign_roles(sentence, trigger, actor1, actor2):
    assert _roles(sentence, trigger) == (actor1, actor2)


MEDIA = ["Associated Press", "Agence France-Presse", "Reuters"]


@pytest.mark.parametrize(
    "outlet", ["AP", "the Associated Press", "AFP", "Agence France-Presse", "Reuters"]
)
def test_media_outlets_are_found_but_never_sides(outlet):
    text = f"{outlet} said {outlet} journalists watched as IS fighters attacked {outlet} crews."
    assert any(m.actor in MEDIA for m in find_actors(text, 0, len(text)))
    roles = assign_roles(find_actors(text, 0, len(text)), text.index("attacked"), None)
    assert roles == ("Islamic State", None)
    assert not set(roles) & set(MEDIA)


def test_by_names_the_actor_of_a_passive_sentence():
    text = "Seven civilians were killed by IS fighters near Hajin."
    actors = find_actors(text, 0, len(text))
    trigger = text.index("killed")
    assert assign_roles(actors, trigger, None, text) == ("Islamic State", None)
    text = "Coalition warplanes were shot at by regime forces."
    actors = find_actors(text, 0, len(text))
    assert assign_roles(actors, text.index("shot"), None, text) == (
        "Syrian government",
        "US-led coalition",
    )


def test_with_no_actor_before_the_trigger_the_one_after_is_acted_upon():
    text = "Airstrikes hit IS positions overnight."
    actors = find_actors(text, 0, len(text))
    assert assign_roles(actors, text.index("hit"), None, text) == (None, "Islamic State")
