"""Small extraction bugs reviewers found (issue 8), each as a class: equipment counted as a
toll, two sides' killed-in-action in a field log not added, a day read as a person's name
before ', from X,', markup inside a claimant, an armed man counted as a civilian in passing,
a no-break space between a verb and its number, a toll of another day carried back.
Sentences written for this test."""

from __future__ import annotations

import datetime as dt

import pytest

from etl.cli import _extractor
from etl.extraction import carry
from etl.extraction.actors import find_claimant
from etl.extraction.extract import ArticleInput
from etl.extraction.figures import fatalities, find_figures
from etl.extraction.mentions import DateWindow
from etl.places import roles
from etl.settings import Paths


def _figures(sentence: str) -> list[tuple[str, float | None]]:
    return [(f.quantity, f.low) for f in find_figures(sentence, 0, len(sentence))]


def _toll(sentence: str) -> tuple[float | None, float | None]:
    return fatalities(find_figures(sentence, 0, len(sentence)))


@pytest.mark.parametrize(
    ("sentence", "toll"),
    [
        ("Militia losses est. 6 tanks after the push on Orra.", (None, None)),
        ("Enemy losses: 2 helicopters and 5 armoured vehicles.", (None, None)),
        ("Raiders destroyed 3 tanks and killed 4 guards.", (4, 4)),
        ("Militia losses est. 6 near Orra.", (6, 6)),  # a bare number stays a toll
    ],
)
def test_materiel_lost_is_no_toll(sentence, toll):
    assert _toll(sentence) == toll


def test_materiel_keeps_its_count():
    assert _figures("Losses est. 7 tanks") == [("materiel", 7)]


@pytest.mark.parametrize(
    ("sentence", "toll"),
    [
        ("Night patrol at the ford: 5 EKIA, 1x KIA.", (6, 6)),
        ("Ambush on the wadi road, 2 EKIA and 3 KIA.", (5, 5)),
        ("Contact at dawn, 4 KIA, 2 WIA.", (4, 4)),  # the wounded are not added
    ],
)
def test_killed_in_action_of_two_sides_add(sentence, toll):
    assert _toll(sentence) == toll


@pytest.mark.parametrize(
    ("sentence", "name", "role"),
    [
        ("On Friday, from Orrabad, gunboats shelled the port.", "Orrabad", None),
        ("Yesterday, from Orrabad, gunboats shelled the port.", "Orrabad", None),
        ("In March, from Orrabad, the brigade moved south.", "Orrabad", None),
        ("The driver, Karim Nasser, from Orrabad, was shot at the port.", "Orrabad", "origin"),
    ],
)
def test_a_day_or_an_adverb_is_no_person_from_a_place(sentence, name, role):
    start = sentence.index(name)
    assert roles.role_of(sentence, start, start + len(name)) == role


@pytest.mark.parametrize(
    ("sentence", "who"),
    [
        ("Two wells were poisoned, according to <img src=q onerror=x()> the water board.",
         "the water board"),
        ("Two wells were poisoned, <i>the water board</i> said.", "the water board"),
        ("Two wells were poisoned, according to <script>x</script>.", None),
    ],
)  # fmt: skip
def test_markup_is_never_part_of_a_claimant(sentence, who):
    claimant = find_claimant(sentence, 0, len(sentence))
    if who is None:
        assert claimant is None or not {"<", ">"} & set(claimant.text)
        return
    assert claimant is not None and claimant.text == who
    assert sentence[claimant.start : claimant.end] == who


@pytest.mark.parametrize(
    ("sentence", "figures"),
    [
        # in passing: no civilians, no figure of the event
        ("Twelve armed men blocked the convoy road.", []),
        ("At least one armed man fired on the buses as 300 people left.",
         [("people_evacuated", 300)]),
        # with a verb of what happened to them
        ("At least one armed man was shot dead at the gate.", [("killed", 1)]),
        ("Four armed men were detained at the crossing.", [("detained", 4)]),
    ],
)  # fmt: skip
def test_armed_men_count_only_with_their_verb(sentence, figures):
    assert _figures(sentence) == figures


@pytest.fixture(scope="module")
def extractor():
    built, _ = _extractor(Paths())
    yield built
    built.resolver.geonames.close()


@pytest.mark.parametrize("space", ["\u00a0", "\u202f", "\u2009", "\u3000"])
def test_any_space_between_a_verb_and_its_number(extractor, space):
    """Text pasted from a web page: 'killed four' with a no-break or thin space is a figure,
    and offsets still point into the article's own text."""
    text = f"Shelling of a bakery in Hajin on{space}Tuesday killed{space}four, medics said."
    mentions, _ = extractor.extract(ArticleInput("a", text, dt.date(2018, 12, 14)))
    figures = [f for m in mentions for f in m.figures]
    assert [(f.quantity, f.low, f.high) for f in figures] == [("killed", 4, 4)]
    assert text[figures[0].char_start : figures[0].char_end] == "four"
    assert mentions[0].date is not None and mentions[0].date.start == dt.date(2018, 12, 11)


def _relative(text: str, start: dt.date, end: dt.date, precision: str = "days") -> DateWindow:
    return DateWindow(start, end, precision, "relative", text, 0, len(text))


@pytest.mark.parametrize(
    ("window", "carries"),
    [
        (_relative("last weekend", dt.date(2020, 3, 7), dt.date(2020, 3, 8)), False),
        (_relative("yesterday", dt.date(2020, 3, 9), dt.date(2020, 3, 9), "day"), True),
    ],
)
def test_a_relative_day_other_than_the_last_is_another_event(window, carries):
    """'Two herders died in a blast last weekend.' after an event dated 9 March tells of
    another event: its toll is not carried back; 'yesterday' (9 March) is the same day."""
    text = "Two herders died in a blast."
    anchor = dt.date(2020, 3, 9)
    assert carry.other_day([window], anchor, text, (0, len(text))) is not carries


@pytest.mark.parametrize(
    "sentence",
    [
        'Two wells were poisoned on Sunday, said <a href="q">the Water Board</a>.',
        "Two wells were poisoned on Sunday, said the Water Board.",
    ],
)
def test_a_tags_quotes_are_no_delimiter_and_the_speaker_follows_said(sentence):
    claimant = find_claimant(sentence, 0, len(sentence))
    assert claimant is not None and claimant.text == "the Water Board"
