"""The one CSV writer: no cell a spreadsheet would execute, numbers left as numbers."""

from __future__ import annotations

import csv
import io
import json

import pandas as pd
import pytest

from etl.build import run_build
from etl.cli import main
from etl.csvwriter import defuse, frame_csv_bytes, write_rows
from etl.tables import TABLE_NAMES

DEFUSE = [
    # (cell, what is written)
    ('=HYPERLINK("http://x","click")', '\'=HYPERLINK("http://x","click")'),
    ("=cmd|' /C calc'!A0", "'=cmd|' /C calc'!A0"),  # the pipe is kept: quotes stay exact
    ("+1+2", "'+1+2"),
    ("-2+3", "'-2+3"),
    ("@SUM(A1:A2)", "'@SUM(A1:A2)"),
    ("\t=1", "'\t=1"),
    ("\r=1", "'\r=1"),
    ("  =1+1", "'  =1+1"),
    ("＝1+1", "'＝1+1"),  # full-width equals sign
    ("-", "'-"),
    ("- a bullet", "'- a bullet"),
    ("-12", "-12"),  # numbers written as text stay numbers
    ("+3.5", "+3.5"),
    ("-1,500", "-1,500"),
    ("-1.5e3", "-1.5e3"),
    ("Baghouz", "Baghouz"),
    ("a = b", "a = b"),
    ("", ""),
    (-12, -12),
    (3.5, 3.5),
    (None, None),
]


@pytest.mark.parametrize(("cell", "written"), DEFUSE)
def test_defuse(cell, written):
    assert defuse(cell) == written


def executable_cells(text: str) -> list[str]:
    """Cells a spreadsheet would run as a formula: an independent check, not the writer's."""
    bad = []
    for row in csv.reader(io.StringIO(text)):
        for cell in row:
            head = cell.lstrip(" ")
            if head[:1] in {"=", "+", "-", "@", "\t", "\r", "＝", "＋", "－", "＠"}:
                try:
                    float(head.replace(",", ""))
                except ValueError:
                    bad.append(cell)
    return bad


HOSTILE = '=HYPERLINK("http://evil.example","x")'


def test_frame_bytes_defuse_text_and_keep_numbers():
    frame = pd.DataFrame({"summary": [HOSTILE, "plain"], "killed": [-3, 4], HOSTILE: ["a", "b"]})
    text = frame_csv_bytes(frame).decode("utf-8")
    assert executable_cells(text) == []
    rows = list(csv.reader(io.StringIO(text)))
    assert rows == [
        ["summary", "killed", "'" + HOSTILE],
        ["'" + HOSTILE, "-3", "a"],
        ["plain", "4", "b"],
    ]
    assert frame_csv_bytes(frame, excel_bom=True).startswith(b"\xef\xbb\xbf")
    assert frame["summary"][0] == HOSTILE  # the caller's frame is not changed


def test_write_rows_defuses_and_survives_a_lone_surrogate(tmp_path):
    path = tmp_path / "out.csv"
    count = write_rows(path, ["a", "b"], [{"a": "=1+1", "b": "x\ud800y"}, {"a": -1, "b": "ok"}])
    assert count == 2
    rows = list(csv.reader(path.open(encoding="utf-8", newline="")))
    assert rows == [["a", "b"], ["'=1+1", "x?y"], ["-1", "ok"]]


def test_exports_hold_no_executable_cell(mini):
    events = mini.curated / "events.csv"
    events.write_text(
        events.read_text(encoding="utf-8").replace(
            "Rockets hit Alpha market", '"=HYPERLINK(""http://evil.example"",""x"")"'
        ),
        encoding="utf-8",
    )
    run_build(mini)
    exports = mini.store / "current" / "exports"
    texts = {p.name: p.read_text(encoding="utf-8") for p in exports.glob("*.csv")}
    assert sorted(texts) == sorted(f"{name}.csv" for name in TABLE_NAMES)  # one per table
    assert {
        name: executable_cells(text) for name, text in texts.items() if executable_cells(text)
    } == {}
    assert "'=HYPERLINK(" in texts["events.csv"]
    # Parquet keeps the true text
    assert HOSTILE in set(pd.read_parquet(exports / "events.parquet")["summary"])


def test_extract_output_holds_no_executable_cell(tmp_path):
    article = {
        "id": "=1+1",
        "published": "2019-03-02",
        "text": '=HYPERLINK("http://evil.example") Warplanes bombed Hajin on Friday, killing 12 '
        "civilians.\n-Rockets hit Idlib on Thursday, killing 3.",
    }
    source = tmp_path / "in.jsonl"
    source.write_text(json.dumps(article) + "\n", encoding="utf-8")
    out = tmp_path / "out.csv"
    assert main(["extract", str(source), "--out", str(out)]) == 0
    text = out.read_text(encoding="utf-8")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert rows and executable_cells(text) == []
    assert {r["article_id"] for r in rows} == {"'=1+1"}
    assert any(
        r["sentence"].startswith("'=HYPERLINK(") or r["sentence"].startswith("'-Rockets")
        for r in rows
    )
