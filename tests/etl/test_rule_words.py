"""The figure and date word tables: shipped tables load, and a bad cell is named file:line."""

from __future__ import annotations

import pytest

from etl.extraction import date_words, figure_words
from etl.extraction.rules import Row
from etl.problems import InputError


def test_shipped_figure_words():
    words = figure_words.load()
    assert words.word_values["twelve"] == 12 and words.scales["thousand"] == 1000
    assert words.vague["dozens"] == (24, 99, "dozens")
    assert words.qualifiers["no fewer than"] == "at least"
    assert words.head_class["peacekeeper"] == "troops"
    assert "shepherd" in words.singular_people and "force" not in words.singular_people
    assert {r.kind for r in words.tolls} == {
        "toll", "list", "zero", "one", "cumulative", "superseded", "no_carry", "set_aside_after",
        "toll_after", "open_after", "untold_after",
    }  # fmt: skip
    assert "martyr" in words.singular_people and "death" not in words.singular_people


def test_shipped_date_words():
    words = date_words.load()
    assert words.months["Sept"] == 9 and "Sept" in words.short and "May" not in words.short
    assert words.relative_days["overnight"] == (1, 0)
    assert words.relative_days["last night"] == (1, 0)
    assert words.widening == {
        "overnight",
        "over the night",
        "at dawn",
        "since dawn",
        "since midnight",
        "after midnight",  # session 31: an item's own early hours (heldout22-116, heldout25-133)
    }
    assert words.first_days == {"after midnight"} and words.first_days <= words.story_days
    assert "fighting" in words.spell_words
    assert words.units["week"] == (7, 6, 27)
    assert words.numbers["twelve"] == 12 and "thirteen" not in words.numbers
    assert words.hedges["on or about"] == 1 and words.hedges["around"] == 3


def _row(**cells: str) -> Row:
    return Row(cells, "data/rules/t.csv", 7)


def test_bad_cells_are_named_with_file_and_line():
    with pytest.raises(InputError, match=r"t\.csv:7.*'low': not a number: 'many'"):
        figure_words._number(_row(low="many"), "low")
    with pytest.raises(InputError, match=r"t\.csv:7.*'kind': 'verb' is not one of"):
        figure_words._one_of(_row(kind="verb"), "kind", {"unit", "tens"})
    with pytest.raises(InputError, match=r"t\.csv:7.*'month': '13' is not 1\.\.12"):
        date_words._int(_row(month="13"), "month", 1, 12)
