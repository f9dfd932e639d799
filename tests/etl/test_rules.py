"""The rule-table reader: one format, every problem named with its file and line."""

from __future__ import annotations

import pytest

from etl.extraction.rules import RULES, read_rules
from etl.problems import InputError


def _write(tmp_path, text: str):
    (tmp_path / "t.csv").write_text(text, encoding="utf-8")
    return tmp_path


def test_reads_rows_skipping_comments_and_blank_lines(tmp_path):
    folder = _write(
        tmp_path, "# a comment\nword,type,note\n\nshelled , bombing,\n# off\nraid,attack,x\n"
    )
    rows = read_rules("t", ["word", "type"], folder=folder)
    assert [(r["word"], r["type"], r.line) for r in rows] == [
        ("shelled", "bombing", 4),
        ("raid", "attack", 6),
    ]
    assert rows[1].where().endswith("t.csv:6")


def test_every_problem_is_named_with_its_line(tmp_path):
    folder = _write(tmp_path, "word,pattern\nok,a+\n,b\nbad,(unclosed\nx,y,z\n")
    with pytest.raises(InputError) as caught:
        read_rules("t", ["word"], patterns=["pattern"], folder=folder)
    text = str(caught.value)
    assert "t.csv:3: column 'word' is empty" in text
    assert "t.csv:4: column 'pattern': bad pattern" in text
    assert "t.csv:5: 3 cells for 2 columns" in text


def test_missing_column_and_missing_file(tmp_path):
    folder = _write(tmp_path, "word\nx\n")
    with pytest.raises(InputError, match="missing column 'type'"):
        read_rules("t", ["word", "type"], folder=folder)
    with pytest.raises(InputError, match="rule table not found"):
        read_rules("nope", ["word"], folder=folder)


def test_shipped_tables_all_read():
    """Every table in data/rules is documented in its README and reads without problems."""
    readme = (RULES / "README.md").read_text(encoding="utf-8")
    for path in sorted(RULES.glob("*.csv")):
        assert f"`{path.name}`" in readme, f"{path.name} is not described in data/rules/README.md"
        read_rules(path.stem, [])


def _lists(path) -> set[str]:
    """The list names of a `list,pattern` table's rows ('' for a table of another shape)."""
    rows = [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    rows = [line for line in rows if not line.startswith("#")]
    if not rows or not rows[0].startswith("list,"):
        return set()
    return {line.split(",", 1)[0] for line in rows[1:]}


def test_every_list_is_described():
    """Each list of a `list,pattern` table is described in the table's own header, and the
    README names each list of the tables whose row lists them by name (session 32: the
    length, question and answer lists of date_context_words.csv were named in neither)."""
    readme = (RULES / "README.md").read_text(encoding="utf-8")
    tables = [p for p in sorted(RULES.glob("*.csv")) if _lists(p)]
    assert "date_context_words.csv" in {p.name for p in tables}
    for path in tables:
        header = "\n".join(
            line for line in path.read_text(encoding="utf-8").splitlines() if line.startswith("#")
        )
        for name in _lists(path):
            assert f"# {name} " in header or f"#   {name}" in header or f" {name} " in header, (
                f"{path.name}: list {name} is not described in its header"
            )
    for name in ("date_context_words", "figure_single_words", "figure_subject_words"):
        for listed in _lists(RULES / f"{name}.csv"):
            assert f"`{listed}`" in readme, f"{name}.csv: list {listed} not in the README"
