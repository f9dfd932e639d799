"""The data dictionary covers every table and column of a build and of the inbox, and names
nothing that does not exist."""

from __future__ import annotations

import sqlite3
from contextlib import closing

import pytest

from etl import inbox
from etl.database import write_database
from etl.dictionary import differences, load_dictionary, parse_dictionary
from etl.problems import InputError
from etl.tables import TABLE_NAMES


def _columns(conn: sqlite3.Connection, database: str) -> dict[tuple[str, str], list[str]]:
    names = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
    return {
        (database, name): [r[1] for r in conn.execute(f'PRAGMA table_info("{name}")')]
        for name in names
        if not name.startswith("sqlite_")
    }


def test_every_column_of_the_store_and_the_inbox_is_in_the_dictionary(project_tables, tmp_path):
    write_database(tmp_path / "conflict.sqlite", project_tables)
    with closing(sqlite3.connect(tmp_path / "conflict.sqlite")) as conn:
        actual = _columns(conn, "store")
    assert {t for _, t in actual} == {*TABLE_NAMES, "meta"}
    with inbox.connect(tmp_path / "store", create=True) as conn:
        actual |= _columns(conn, "inbox")
    assert ("inbox", "imports") in actual
    missing, stale = differences(load_dictionary(), actual)
    assert missing == [], f"add these to docs/data_dictionary.csv: {missing}"
    assert stale == [], f"the dictionary describes columns that do not exist: {stale}"


def test_a_missing_column_is_reported(project_tables):
    dictionary = load_dictionary()
    actual = {("store", "events"): [*project_tables["events"].columns, "new_column"]}
    missing, _ = differences(dictionary, actual)
    assert missing == ["store events.new_column"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("database,table,column\n", "d.csv:1: header must be"),
        ("database,table,column,type,meaning\nshop,events,x,text,y\n", "d.csv:2: database 'shop'"),
        (
            "database,table,column,type,meaning\nstore,events,x,text,a\nstore,events,x,text,b\n",
            "d.csv:3: events.x is also on line 2",
        ),
        (
            "database,table,column,type,meaning\nstore,events,x,text,\n",
            "d.csv:2: table and meaning",
        ),
    ],
)
def test_a_broken_dictionary_is_named_by_file_and_line(text, expected):
    with pytest.raises(InputError) as caught:
        parse_dictionary(text, "d.csv")
    assert str(caught.value.problems[0]).startswith(expected)
