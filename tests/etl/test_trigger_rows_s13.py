"""Trigger rows as they run (whole words), and the seeds' own kind of evacuation sentence.

Sentences are the team's own, written for these tests.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from etl.extraction.trigger_rules import RULES, compile_rules
from etl.extraction.triggers import find_triggers
from etl.problems import InputError


def types(sentence: str) -> list[str]:
    return [t.event_type for t in find_triggers(sentence, 0, len(sentence))]


@pytest.mark.parametrize(
    "sentence",
    [
        "About 3,000 people were bused from Baghouz to the al-Hol camp on Tuesday.",
        "Hundreds of families were trucked from the last pocket to a screening point.",
        "Trucks carried about 3,000 people out of Baghouz on Tuesday.",
        "Buses took the wounded fighters and their families to Idlib.",
    ],
)
def test_people_moved_by_vehicle_from_one_place_to_another_is_an_evacuation(sentence):
    assert "evacuation" in types(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "The wounded were bused from the village to the hospital in Raqqa.",
        "Trucks carried weapons and fuel out of the base.",
    ],
)
def test_care_and_goods_are_no_evacuation(sentence):
    assert "evacuation" not in types(sentence)


def test_a_branch_that_ends_in_a_space_now_fires():
    # '(?:an?|the|their|his|her) ' was followed, at run time, by (?![\w-]): never a match
    assert "detention" in types("Gunmen shot the guard, abducting the driver and his son.")


def _rules_with(tmp_path: Path, row: str) -> Path:
    for name in ("triggers.csv", "trigger_contexts.csv", "verb_forms.csv"):
        shutil.copy(RULES / name, tmp_path / name)
    with open(tmp_path / "triggers.csv", "a", encoding="utf-8") as out:
        out.write("\n" + row + "\n")
    return tmp_path


def test_an_example_is_checked_as_the_row_runs(tmp_path):
    # bare, 'were moved (?:to |into )' matches its example; bounded by whole words it never
    # can (a field's own trailing space is stripped when the table is read, so the space
    # sits inside a group, as it did in the two rows this check found)
    folder = _rules_with(
        tmp_path, 'evacuation,verbal,"were moved (?:to |into )",they were moved to a camp,'
    )
    with pytest.raises(InputError) as caught:
        compile_rules(folder)
    assert "does not match its example 'they were moved to a camp'" in str(caught.value)


def test_a_row_whose_example_matches_as_it_runs_compiles(tmp_path):
    folder = _rules_with(
        tmp_path, 'evacuation,verbal,"were moved to(?= )",they were moved to a camp,'
    )
    assert compile_rules(folder).rules
