"""Places, session 16 (issue 8): a capital or country as the subject of a verb of speech or
diplomacy is its government, not where anything happened. The verbs are a table
(data/rules/place_government_verbs.csv) that place_roles.csv patterns take as slots: after
the name ('Baghdad summoned'), after a modal or a negation ('Moscow did not comment',
'Tehran would retaliate'), for two names joined ('Washington and Moscow said'), and around an
aside ('Damascus, for its part, denied'). Sentences written for this test.
"""

from __future__ import annotations

import datetime as dt

import pytest

from etl.extraction.extract import ArticleInput
from etl.places import roles


def _role(text: str, name: str) -> str | None:
    start = text.index(name)
    return roles.role_of(text, start, start + len(name))


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Hours later Baghdad summoned the Turkish charge d'affaires.", "Baghdad"),
        ("Riyadh recalled its ambassador the same evening.", "Riyadh"),
        ("Paris expressed deep concern over the shelling.", "Paris"),
        ("Islamabad pledged an inquiry into the blast.", "Islamabad"),
        ("Nairobi expelled two diplomats on Friday.", "Nairobi"),
        ("Kabul has promised compensation to the families.", "Kabul"),
        ("Rome publicly praised the rescue crews.", "Rome"),
        ("Ottawa did not comment on the report.", "Ottawa"),
        ("Tehran would retaliate, a state television anchor said.", "Tehran"),
        ("Cairo won't respond to the claims.", "Cairo"),
        ('Beijing "will firmly respond", the ministry said.', "Beijing"),
        ("Washington and Moscow both said the ceasefire held.", "Washington"),
        ("Algiers and Rabat have denied the report.", "Algiers"),
        ("Damascus, for its part, rejected the account.", "Damascus"),
        ("Moscow, in turn, warned of consequences.", "Moscow"),
    ],
)
def test_a_capital_as_the_subject_of_a_verb_of_speech_or_diplomacy(text, name):
    assert _role(text, name) == "government"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("The Hama protests spread to three more towns.", "Hama"),  # a noun, not a verb
        ("Eastern Mosul declared liberated, the army said.", "Mosul"),  # a passive
        ("Sirte and Misrata fell quiet after the truce.", "Sirte"),  # not a verb of speech
        ("Aleppo will see more strikes, residents fear.", "Aleppo"),
        ("Homs, meanwhile, came under heavy shelling.", "Homs"),
    ],
)
def test_other_verbs_and_nouns_leave_the_place(text, name):
    assert _role(text, name) is None


@pytest.mark.parametrize(
    ("text", "government"),
    [
        (
            "A drone strike killed three fighters in a village in northern Iraq on Sunday; "
            "Baghdad summoned the Turkish envoy.",
            "Baghdad",
        ),
        (
            "Mortar rounds killed two children in a border town on Thursday; Ankara vowed to "
            "respond and Damascus, for its part, denied firing them.",
            "Damascus",
        ),
    ],
)
def test_the_government_is_no_event_place(extractor, text, government):
    mentions, _ = extractor.extract(ArticleInput("s16g", text, dt.date(2021, 6, 9)))
    assert mentions and all(m.place_name != government for m in mentions)
