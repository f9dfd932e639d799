"""Reading another dataset's CSV export: every malformed file or row named by file:line."""

from __future__ import annotations

import datetime as dt

import pytest

from etl.formats.csvread import parse_count, parse_date, read_rows, window_precision


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"", "x.csv: empty file"),
        (b"id,name\n", "x.csv: no rows under the header"),
        (b"id,name\n1,a\x00b\n", "x.csv: contains NUL characters"),
        (b"id,name\n1,a\n2,b,c\n", "x.csv:3: 3 fields, but the header has 2"),
        (b'id,name\n1,a\n2,"open\n3,c\n', "x.csv:3: not valid CSV"),
        (b"id,name,id\n1,a,2\n", "x.csv:1: column(s) named twice: id"),
        (b"ident,name\n1,a\n", "x.csv:1: missing column(s): id (found: ident, name)"),
    ],
)
def test_bad_files_and_rows_are_named(data, expected):
    _, problems = read_rows(data, "x.csv", ("id", "name"))
    assert any(str(p).startswith(expected) for p in problems), [str(p) for p in problems]


def test_rows_keep_the_line_they_start_on_and_skip_blank_lines():
    data = '\ufeffid,name\n1,"two\nlines"\n\n3,c\n'.encode()
    rows, problems = read_rows(data, "x.csv", ("id",))
    assert problems == []
    assert [(line, r["id"]) for line, r in rows] == [(2, "1"), (5, "3")]
    assert rows[0][1]["name"] == "two\nlines"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2019-03-05", dt.date(2019, 3, 5)),
        ("2019-03-05 00:00:00.000", dt.date(2019, 3, 5)),
        ("05 March 2019", dt.date(2019, 3, 5)),
        ("1899-12-31", "d '1899-12-31' is outside 1900 to tomorrow"),
        ("3/5/19", "d '3/5/19' is not a date (YYYY-MM-DD)"),
    ],
)
def test_parse_date(value, expected):
    assert parse_date(value, "d") == expected


def test_counts_and_precision():
    assert parse_count("1,200", "n") == 1200
    assert parse_count("", "n", blank=2) == 2
    assert parse_count("2.5", "n") == "n '2.5' is not a whole number"
    assert parse_count("-1", "n") == "n '-1' is outside 0 to 1e+07"
    start = dt.date(2019, 2, 1)
    assert [window_precision(start, start + dt.timedelta(days=d)) for d in (0, 6, 7, 61, 62)] == [
        "day", "days", "weeks", "weeks", "months",
    ]  # fmt: skip
