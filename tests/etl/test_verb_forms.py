"""A verb written once in a rule table, read in all its forms (etl/extraction/verb_forms.py,
session 17): '{forms:seize}' in triggers.csv stands for seize|seizes|seized|seizing."""

from __future__ import annotations

import pytest

from etl.extraction.rules import read_rules
from etl.extraction.verb_forms import (
    expand,
    expand_rows,
    inflections,
    irregular_forms,
    regular_forms,
)
from etl.problems import InputError
from tests.etl.trigger_check import article_types, sentence_types


@pytest.mark.parametrize(
    ("base", "forms"),
    [
        ("seize", ("seize", "seizes", "seized", "seized", "seizing")),
        ("carry", ("carry", "carries", "carried", "carried", "carrying")),
        ("push", ("push", "pushes", "pushed", "pushed", "pushing")),
        ("destroy", ("destroy", "destroys", "destroyed", "destroyed", "destroying")),
        ("tie", ("tie", "ties", "tied", "tied", "tying")),
        ("free", ("free", "frees", "freed", "freed", "freeing")),
        ("abduct", ("abduct", "abducts", "abducted", "abducted", "abducting")),
    ],
)
def test_regular_forms_follow_the_spelling_rules(base, forms):
    assert regular_forms(base) == forms


def test_an_irregular_verb_takes_its_rows_forms():
    irregular = irregular_forms()
    assert set(inflections("take", irregular)) == {"take", "takes", "took", "taken", "taking"}
    assert set(inflections("kidnap", irregular)) == {"kidnap", "kidnaps", "kidnapped", "kidnapping"}
    # longest first, so an alternation tries 'seizing' before 'seize'
    assert inflections("seize", irregular)[0] == "seizing"
    assert expand("{forms:carry} off", irregular) == "(?:carrying|carried|carries|carry) off"


def test_a_slot_that_names_no_verb_is_named_with_its_line(tmp_path):
    (tmp_path / "verb_forms.csv").write_text("base,third,past,participle,ing\n", encoding="utf-8")
    (tmp_path / "t.csv").write_text(
        "pattern\n{forms:seize} men\n{forms:Seize} men\n", encoding="utf-8"
    )
    rows = read_rules("t", ["pattern"], ["pattern"], tmp_path)
    with pytest.raises(InputError, match=r"t\.csv:3.*names no verb"):
        expand_rows(rows, tmp_path)


def test_a_bad_forms_row_is_named_with_its_line(tmp_path):
    (tmp_path / "verb_forms.csv").write_text(
        "base,third,past,participle,ing\ntake,takes,took,taken,taking\ntake,takes,took,taken,taking\n"
        "hold,holds,held,held up,holding\n",
        encoding="utf-8",
    )
    with pytest.raises(InputError) as error:
        irregular_forms(tmp_path)
    text = str(error.value)
    assert "verb_forms.csv:3" in text and "given twice" in text
    assert "verb_forms.csv:4" in text and "participle" in text


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # people taken by force, the verb in any form, a count of people its object
        (
            "IS fighters moved through the villages on Wednesday, killing more than 200 people "
            "and carrying off some 30 women and children.",
            "detention",
        ),
        (
            "Fighters overran a dozen villages at dawn and carried off at least 220 villagers.",
            "detention",
        ),
        (
            "Gunmen opened fire on the train, killing eight passengers and seizing dozens more.",
            "detention",
        ),
        # a bare form row made every form
        (
            "A small device did explode near a restaurant on the evening of 31 December.",
            "explosion",
        ),
        (
            "Residents accused soldiers of executing young men taken from their homes overnight.",
            "killing",
        ),
    ],
)
def test_a_verb_in_another_form_is_the_same_trigger(sentence, expected):
    assert expected in sentence_types(sentence)
    assert expected in article_types(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "The army seized 30 tanks and large stocks of ammunition.",  # no people taken
        "Rebels seized the village of Tal Hamis on Monday.",  # a place seized
    ],
)
def test_things_and_places_seized_are_no_abduction(sentence):
    assert "detention" not in sentence_types(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        # 'more' and a count's owner before things: what was seized is no person (hRev)
        "Police seized dozens more weapons in the raid.",
        "Customs officers seized 12 more tonnes of hashish at the port.",
        "Troops seized 30 soldiers' rifles at the depot.",
    ],
)
def test_more_things_and_peoples_things_seized_are_no_abduction(sentence):
    assert "detention" not in sentence_types(sentence)
    assert "detention" not in article_types(sentence)


@pytest.mark.parametrize(
    ("sentence", "absent"),
    [
        # a form the bare past row never read, in a sense that is no event (hRev)
        ("The army is executing its plan to retake the city.", "killing"),
        ("Exploding ordnance remains a danger for farmers returning to the fields.", "explosion"),
        ("Russia launched 40 exploding drones at Odesa overnight.", "explosion"),
    ],
)
def test_a_new_form_in_another_sense_is_no_event(sentence, absent):
    assert absent not in sentence_types(sentence)
    assert absent not in article_types(sentence)


def test_a_verb_that_may_double_its_last_letter_needs_its_row(tmp_path):
    # 'rob' by the spelling rules alone would be 'robed', 'robing': never silently (hRev)
    (tmp_path / "verb_forms.csv").write_text(
        "base,third,past,participle,ing\nstab,stabs,stabbed,stabbed,stabbing\n", encoding="utf-8"
    )
    (tmp_path / "t.csv").write_text(
        "pattern\n{forms:stab} men\n{forms:rob} a bank\n", encoding="utf-8"
    )
    rows = read_rules("t", ["pattern"], ["pattern"], tmp_path)
    with pytest.raises(InputError, match=r"t\.csv:3.*'rob' doubles its last letter"):
        expand_rows(rows, tmp_path)
    assert expand_rows(rows[:1], tmp_path)[0]["pattern"] == "(?:stabbing|stabbed|stabs|stab) men"
