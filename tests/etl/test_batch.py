"""The `extract` command's contract: JSON Lines in, one CSV row per mention out, atomically."""

from __future__ import annotations

import csv
import datetime as dt
import json
from pathlib import Path

import pytest

from etl.batch import MENTION_COLUMNS, iter_jsonl, mention_row, read_jsonl, write_csv
from etl.cli import main
from etl.extraction.extract import ArticleInput
from etl.extraction.mentions import DateWindow, Figure, Mention
from etl.problems import Problem

CONTRACT = (
    "article_id,event_type,acled_event_type,acled_sub_event_type,date_start,date_end,"
    "date_precision,place_name,latitude,longitude,geo_precision,actor1,actor2,claimant,"
    "fatalities_low,fatalities_high,figures,sentence,char_start,char_end"
).split(",")

HAJIN = (
    "Coalition warplanes struck the town of Hajin on Wednesday, killing at least 12 people, "
    "the Syrian Observatory for Human Rights said."
)
GOOD = [
    {"id": "a", "text": HAJIN, "published": "2018-12-14", "outlet": "wire", "title": "Hajin"},
    {
        "id": 7,
        "text": "Dozens of fighters surrendered in Baghouz on Tuesday.",
        "published": "2019-03-14T10:00:00Z",
    },
    {"id": "c", "text": "Nothing happened.", "published": "2019-03-14", "url": None},
]


def _write_lines(path: Path, lines: list[str]) -> Path:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _good_file(tmp_path: Path) -> Path:
    return _write_lines(tmp_path / "in.jsonl", [json.dumps(r) for r in GOOD])


def test_read_jsonl_parses_good_lines(tmp_path):
    lines = [json.dumps(GOOD[0]), "", "   ", json.dumps(GOOD[1])]
    path = _write_lines(tmp_path / "in.jsonl", lines)
    articles, problems = read_jsonl(path)
    assert problems == []
    assert articles == [
        ArticleInput("a", HAJIN, dt.date(2018, 12, 14), outlet="wire", title="Hajin"),
        ArticleInput("7", GOOD[1]["text"], dt.date(2019, 3, 14)),
    ]


def test_iter_jsonl_yields_one_item_per_line(tmp_path):
    items = list(iter_jsonl(_good_file(tmp_path)))
    assert [a.article_id for a in items] == ["a", "7", "c"]
    assert items[2].url is None


# (line 2 of the file, the reason given)
BAD_LINES = [
    ("not json", "not valid JSON (Expecting value, column 1)"),
    ('{"id": "b", "text": "x"', "not valid JSON"),
    ('{"id": "b", "text": "x"}', "missing field(s): published"),
    ('{"text": "x"}', "missing field(s): id, published"),
    (
        '{"id": "b", "text": "x", "published": "yesterday"}',
        "published 'yesterday' is not an ISO date",
    ),
    (
        '{"id": "b", "text": "x", "published": "2019-02-30"}',
        "published '2019-02-30' is not an ISO date",
    ),
    ('{"id": "a", "text": "x", "published": "2019-03-05"}', "id 'a' is used twice"),
    ('{"id": "b", "text": 5, "published": "2019-03-05"}', "text must be a string, not number"),
    ('{"id": "b", "text": null, "published": "2019-03-05"}', "text must be a string, not null"),
    (
        '{"id": ["b"], "text": "x", "published": "2019-03-05"}',
        "id must be a non-empty string or an integer, not array",
    ),
    ("[1, 2]", "each line must be a JSON object"),
    ('"a string"', "each line must be a JSON object"),
]


@pytest.mark.parametrize(("line", "reason"), BAD_LINES)
def test_bad_line_is_reported_with_file_line_and_reason(tmp_path, line, reason):
    first = json.dumps({"id": "a", "text": "x", "published": "2019-03-05"})
    path = _write_lines(tmp_path / "in.jsonl", [first, line, json.dumps(GOOD[2])])
    articles, problems = read_jsonl(path, label="batch.jsonl")
    assert [a.article_id for a in articles] == ["a", "c"]
    (problem,) = problems
    assert (problem.file, problem.line) == ("batch.jsonl", 2)
    assert problem.reason.startswith(reason)
    assert str(problem).startswith(f"batch.jsonl:2: {reason}")


def test_every_bad_line_is_reported(tmp_path):
    path = _write_lines(
        tmp_path / "in.jsonl",
        [json.dumps(GOOD[0]), "not json", "", '{"id": "b", "text": "x"}', json.dumps(GOOD[0])],
    )
    _, problems = read_jsonl(path)
    assert [(p.file, p.line) for p in problems] == [(str(path), 2), (str(path), 4), (str(path), 5)]


def test_missing_file_and_bad_encoding_are_problems(tmp_path):
    missing = tmp_path / "nope.jsonl"
    assert read_jsonl(missing) == (
        [],
        [Problem(str(missing), None, "cannot read: No such file or directory")],
    )
    latin = tmp_path / "latin.jsonl"
    latin.write_bytes(b'{"id": "a", "text": "caf\xe9", "published": "2019-03-05"}\n')
    articles, (problem,) = read_jsonl(latin)
    assert articles == []
    assert (problem.line, problem.reason.startswith("not valid UTF-8: byte 0xe9 at byte 25 ")) == (
        1,
        True,
    )


WEDNESDAY = dt.date(2018, 12, 12)


def _mention(**changes) -> Mention:
    killed = Figure("killed", 12.0, None, "at least", "at least 12 people", 60, 78)
    trucks = Figure("trucks", 15.0, 22.0, "between", "15 to 22 “trucks”", 80, 97)
    fields = dict(
        article_id="a",
        event_type="airstrike",
        trigger="airstrikes",
        trigger_start=10,
        trigger_end=20,
        sentence="Coalition airstrikes, “quoted”, and commas.",
        char_start=0,
        char_end=120,
        date=DateWindow(WEDNESDAY, WEDNESDAY, "day", "weekday", "on Wednesday", 31, 43),
        place_name="Hajīn",
        place_id="gn:174506",
        latitude=34.695123456,
        longitude=40.831987654,
        country="SY",
        geo_precision=1,
        claimant="the Syrian Observatory",
        claimant_actor="Syrian Observatory for Human Rights",
        figures=(killed, trucks),
    )
    fields.update(changes)
    return Mention(**fields)


ACLED = {"airstrike": ("Explosions/Remote violence", "Air/drone strike")}


def test_mention_row_has_every_column():
    row = mention_row(_mention(), ACLED)
    assert list(row) == MENTION_COLUMNS
    assert set(CONTRACT) <= set(MENTION_COLUMNS)
    assert (row["acled_event_type"], row["acled_sub_event_type"]) == ACLED["airstrike"]
    assert (row["date_start"], row["date_end"]) == ("2018-12-12", "2018-12-12")
    assert row["date_text"] == "on Wednesday"
    assert (row["latitude"], row["longitude"]) == (34.69512, 40.83199)
    assert (row["fatalities_low"], row["fatalities_high"]) == (12.0, "")


def test_mention_row_figures_are_valid_json():
    figures = json.loads(mention_row(_mention(), ACLED)["figures"])
    assert figures == [
        {
            "quantity": "killed",
            "low": 12.0,
            "high": None,
            "qualifier": "at least",
            "text": "at least 12 people",
        },
        {
            "quantity": "trucks",
            "low": 15.0,
            "high": 22.0,
            "qualifier": "between",
            "text": "15 to 22 “trucks”",
        },
    ]


def test_mention_row_of_a_bare_mention():
    bare = _mention(
        event_type="parade",
        date=DateWindow(dt.date(2018, 12, 11), dt.date(2018, 12, 14), "days", "article"),
        place_name=None,
        place_id=None,
        latitude=None,
        longitude=None,
        country=None,
        geo_precision=None,
        claimant=None,
        claimant_actor=None,
        figures=(),
    )
    row = mention_row(bare, ACLED)
    assert list(row) == MENTION_COLUMNS
    assert json.loads(row["figures"]) == []
    empty = "acled_event_type date_text place_name latitude geo_precision claimant fatalities_low"
    for column in empty.split():
        assert row[column] == ""


def test_write_csv_round_trips(tmp_path):
    out = tmp_path / "deep" / "mentions.csv"
    rows = [mention_row(_mention(), ACLED), mention_row(_mention(article_id="b"), ACLED)]
    assert write_csv(out, rows) == 2
    with out.open(encoding="utf-8", newline="") as handle:
        back = list(csv.DictReader(handle))
    assert [r["article_id"] for r in back] == ["a", "b"]
    assert back[0]["sentence"] == "Coalition airstrikes, “quoted”, and commas."
    assert json.loads(back[0]["figures"])[1]["text"] == "15 to 22 “trucks”"
    assert list(out.parent.iterdir()) == [out]


def _failing_rows():
    yield mention_row(_mention(), ACLED)
    raise RuntimeError("extraction failed half way")


def test_write_csv_leaves_no_file_when_it_fails(tmp_path):
    out = tmp_path / "mentions.csv"
    with pytest.raises(RuntimeError, match="half way"):
        write_csv(out, _failing_rows())
    assert list(tmp_path.iterdir()) == []


def test_write_csv_keeps_the_old_file_when_it_fails(tmp_path):
    out = tmp_path / "mentions.csv"
    out.write_text("old,content\n", encoding="utf-8")
    with pytest.raises(RuntimeError, match="half way"):
        write_csv(out, _failing_rows())
    assert out.read_text(encoding="utf-8") == "old,content\n"
    assert list(tmp_path.iterdir()) == [out]


# --- the command line ---------------------------------------------------------------


def test_cli_extract_writes_the_contract_columns(tmp_path, capsys):
    out = tmp_path / "out" / "mentions.csv"
    assert main(["extract", str(_good_file(tmp_path)), "--out", str(out)]) == 0
    with out.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        rows = list(reader)
    assert set(CONTRACT) <= set(reader.fieldnames)
    assert reader.fieldnames == MENTION_COLUMNS
    found = [(r["article_id"], r["event_type"]) for r in rows]
    assert found == [("a", "airstrike"), ("7", "surrender")]
    hajin = rows[0]
    assert (hajin["date_start"], hajin["date_precision"]) == ("2018-12-12", "day")
    assert hajin["place_name"] == "Hajīn"
    assert (hajin["fatalities_low"], hajin["fatalities_high"]) == ("12", "")
    assert hajin["acled_sub_event_type"] == "Air/drone strike"
    assert HAJIN[int(hajin["char_start"]) : int(hajin["char_end"])] == hajin["sentence"]
    assert json.loads(hajin["figures"])[0]["text"] == "at least 12 people"
    printed = capsys.readouterr().out
    assert f"extract ok: 3 articles, 3 sentences, 2 mentions -> {out}" in printed


def test_cli_extract_with_no_events_writes_a_header(tmp_path):
    path = _write_lines(tmp_path / "in.jsonl", [json.dumps(GOOD[2])])
    out = tmp_path / "mentions.csv"
    assert main(["extract", str(path), "--out", str(out)]) == 0
    assert out.read_text(encoding="utf-8").splitlines() == [",".join(MENTION_COLUMNS)]


@pytest.mark.parametrize("existing", [None, "old,content\n"])
def test_cli_extract_refuses_a_file_with_a_bad_line(tmp_path, capsys, existing):
    path = _write_lines(
        tmp_path / "in.jsonl",
        [
            json.dumps(GOOD[0]),
            '{"id": "b", "text": "x", "published": "yesterday"}',
            json.dumps(GOOD[2]),
        ],
    )
    out = tmp_path / "mentions.csv"
    if existing is not None:
        out.write_text(existing, encoding="utf-8")
    assert main(["extract", str(path), "--out", str(out)]) == 2
    err = capsys.readouterr().err
    assert f"{path}:2: published 'yesterday' is not an ISO date" in err
    assert "nothing was written" in err
    if existing is None:
        assert not out.exists()
    else:
        assert out.read_text(encoding="utf-8") == existing
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        ["in.jsonl", *([out.name] if existing else [])]
    )


def test_cli_extract_reports_every_bad_line(tmp_path, capsys):
    path = _write_lines(tmp_path / "in.jsonl", ["not json", json.dumps(GOOD[0]), "[1]"])
    out = tmp_path / "mentions.csv"
    assert main(["extract", str(path), "--out", str(out)]) == 2
    err = capsys.readouterr().err
    assert f"{path}:1: not valid JSON" in err
    assert f"{path}:3: each line must be a JSON object" in err
    assert not out.exists()


def test_cli_extract_of_a_missing_file(tmp_path, capsys):
    out = tmp_path / "mentions.csv"
    assert main(["extract", str(tmp_path / "nope.jsonl"), "--out", str(out)]) == 2
    assert "cannot read" in capsys.readouterr().err
    assert not out.exists()
