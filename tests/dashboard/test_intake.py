"""What the page shows of uploads, and the batch questions it asks once (pure)."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from dashboard.intake import (
    PASTED,
    batch_questions,
    drafts_frame,
    encoding_shown,
    outcome,
    preview_heights,
    preview_widths,
    problems_by_file,
    read_uploads,
    stored_words,
    upload_of,
)
from etl.ingest import IngestReport
from etl.problems import Problem
from etl.uploads import Draft
from tests.dashboard.analyst_helpers import story_files

TODAY = dt.date(2026, 11, 30)


def draft(source, outlet=None, published=None, wire=None, **more):
    return Draft(source=source, text="Rockets hit Idlib.", outlet=outlet, published=published,
                 wire=wire, **more)  # fmt: skip


QUESTION_CASES = [
    # (drafts, upload names, expected (name, outlet, published, without outlet, without date))
    ([draft("a.txt", "AFP", dt.date(2019, 3, 1))], ["a.txt"], ("a", "AFP", dt.date(2019, 3, 1), 0, 0)),
    (
        [draft("z.zip/a.txt", "AFP", dt.date(2019, 3, 1)), draft("z.zip/b.txt", "AFP", dt.date(2019, 3, 2)),
         draft("z.zip/c.txt", "Reuters", dt.date(2019, 3, 2)), draft("z.zip/d.txt")],
        ["z.zip"],
        ("z", "AFP", dt.date(2019, 3, 2), 1, 1),
    ),
    ([draft("w.md", wire="AP"), draft("x.md")], ["w.md", "x.md"], ("2 uploads, 30 Nov 2026", "AP", None, 1, 2)),
    ([draft(PASTED)], [PASTED], ("pasted text", None, None, 1, 1)),
    # files that gave no article (empty, binary) are not stored: the name counts the others
    ([draft("a.txt"), draft("b.csv:2"), draft("b.csv:3")], ["a.txt", "b.csv", "empty.txt", "bin.txt"],
     ("2 uploads, 30 Nov 2026", None, None, 3, 3)),
    ([draft("a.txt")], ["a.txt", "empty.txt"], ("a", None, None, 1, 1)),
]  # fmt: skip


@pytest.mark.parametrize(("drafts", "names", "expected"), QUESTION_CASES)
def test_batch_questions(drafts, names, expected):
    q = batch_questions(drafts, names, TODAY)
    assert (q.name, q.outlet, q.published, q.without_outlet, q.without_date) == expected


@pytest.mark.parametrize(
    ("source", "upload"),
    [
        ("a.txt", "a.txt"),
        ("feed.jsonl:3", "feed.jsonl"),
        ("batch.zip/inner/a.txt", "batch.zip"),
        ("batch.zip.txt", "batch.zip.txt"),  # not a member of batch.zip
        ("other.txt", "other.txt"),
    ],
)
def test_upload_of(source, upload):
    assert upload_of(source, ["a.txt", "feed.jsonl", "batch.zip", "batch.zip.txt"]) == upload


def test_real_files_read_into_one_row_each():
    drafts, problems = read_uploads([(n, b) for n, b, _ in story_files()])
    assert problems == []
    frame = drafts_frame(drafts).set_index("file")
    assert frame.loc["jisr_shelling.txt", ["title", "outlet", "published"]].tolist() == [
        "Government shelling hits Jisr al-Shughur as truce frays",
        "Levant Monitor",
        "2019-03-15",
    ]
    assert frame.loc["manbij_bombing.md", "outlet"] == "AP (wire copy)"
    assert "SCRIPT" not in " ".join(frame["title"]) and len(frame) == 5


def test_problems_are_grouped_by_file_with_their_lines():
    problems = [Problem("a.csv", 3, "no text"), Problem("b.zip/c.txt", None, "empty"),
                Problem("a.csv", 5, "bad date")]  # fmt: skip
    assert problems_by_file(problems) == {
        "a.csv": ["line 3: no text", "line 5: bad date"], "b.zip/c.txt": ["empty"]}  # fmt: skip


def test_outcome_in_words():
    events = pd.DataFrame({"review_status": ["pending", "pending", "accepted"]})
    report = IngestReport("b1", "March", ["a.txt", "b.txt"], ["c.txt: already stored (batch b0)"],
                          [Problem("d.txt", None, "empty")], ["Levant Monitor"], events,
                          "build", added_claims=1)  # fmt: skip
    done = outcome(report)
    assert done.headline.startswith("Batch “March” stored: 2 article(s); 2 new event(s) and 1 ")
    assert done.details == ("New outlet(s) created: Levant Monitor", "Left out d.txt: empty",
                            "Already stored: c.txt: already stored (batch b0)")  # fmt: skip
    nothing = outcome(IngestReport(None, None, [], ["a.txt: already stored (batch b0)"]))
    assert nothing.headline.startswith("Nothing new was stored") and nothing.batch_id is None


def test_where_stored_is_a_column_only_when_some_article_is():
    drafts = [draft("a.txt"), draft("b.txt")]
    assert "already stored" not in drafts_frame(drafts, {}).columns
    frame = drafts_frame(drafts, {"b.txt": "seed article 01_x.txt"})
    assert frame["already stored"].tolist() == ["", "seed article 01_x.txt"]
    assert list(frame.columns[:2]) == ["file", "already stored"]  # not cut off at the right


@pytest.mark.parametrize(
    ("stored", "total", "says"),
    [
        (0, 3, ""),
        (1, 3, "1 of the 3 article(s) are already in the store or repeated in this upload "
               "(column *already stored*): storing adds only the other 2."),
        (2, 2, "All 2 article(s) are already in the store or repeated in this upload "
               "(column *already stored*): storing them again adds nothing."),
    ],
)  # fmt: skip
def test_stored_words(stored, total, says):
    assert stored_words(stored, total) == says


def test_a_detected_encoding_is_shown_short_in_the_preview():
    cafe = b"Outlet: Le Monde\nPublished: 2019-03-08\n\nA bomb near a caf\xe9 in Idlib.\n"
    drafts, problems = read_uploads([("cafe.txt", cafe)])
    assert not problems
    assert drafts[0].encoding == "windows-1252 (detected by charset-normalizer)"  # as stored
    frame = drafts_frame(drafts)
    assert frame["encoding"].tolist() == ["windows-1252 (guessed)"]
    assert "read as windows-1252" in frame["what was inferred"].iloc[0]  # said in words below
    assert encoding_shown("utf-8") == "utf-8"
    assert encoding_shown("utf-16") == "utf-16"


def test_the_preview_s_columns_fill_the_table_and_no_more():
    """Short columns at set widths, the long ones sharing the rest: their sum is the table's
    width less its borders, so Streamlit has nothing to share out and nothing runs past the
    edge (unset, *already stored* pushed the last two columns off at 1280 px)."""
    stored = ["file", "already stored", "title", "outlet", "published", "encoding",
              "dateline", "characters"]  # fmt: skip
    for table in (1120, 1760):
        for columns in (stored, [c for c in stored if c != "already stored"]):
            widths = preview_widths(columns, table)
            assert list(widths) == columns
            assert table - 6 <= sum(widths.values()) <= table - 4, (table, widths)
            assert widths["dateline"] == 160 and widths["characters"] == 88
    at_1280 = preview_widths(stored, 1120)
    assert at_1280["title"] == at_1280["already stored"] > at_1280["file"] >= 96
    assert preview_widths(stored, 1760)["title"] > 2 * at_1280["title"]
    narrow = preview_widths(stored, 600)  # too narrow: the long ones keep their least
    assert min(narrow[c] for c in ("file", "title", "already stored")) == 96


def test_the_preview_s_rows_are_as_tall_as_the_longest_cell_needs():
    one_line = pd.DataFrame({"file": ["a.txt"], "title": ["Short"], "dateline": ["IDLIB"]})
    widths = {"file": 200, "title": 300, "dateline": 160}
    assert preview_heights(one_line, widths) == (None, "auto")  # Streamlit's own
    stored = one_line.assign(
        **{"already stored": ["batch “March wires” (b20261207-031928-e6b1b0)"]}
    )
    row, height = preview_heights(stored, widths | {"already stored": 178})
    assert row == 14 + 19 * 3 and row > 64  # three lines: the grid wraps only above 64 px
    assert height == 38 + row + 2
    many = pd.concat([stored] * 12, ignore_index=True)
    many.loc[3, "title"] = "word " * 80  # cut at five lines
    row, height = preview_heights(many, widths | {"already stored": 178})
    assert row == 14 + 19 * 5 and height == 38 + row * 4 + 2  # 440 px of rows shown


def test_a_markdown_upload_s_dateline_is_read():
    """The walkthrough's .md file: its bold dateline is read and shown in the preview, and
    the text stored is without the marks (it was '**KHAN SHEIKHUN, Syria** — ...')."""
    md = (
        b"Title: Shelling hits Khan Sheikhun market\nOutlet: Middle East Monitor\n"
        b"Published: 2019-03-06\n\n**KHAN SHEIKHUN, Syria** \xe2\x80\x94 Government shelling "
        b"struck a market in the town of *Khan Sheikhun* on Wednesday, killing at least seven.\n"
    )
    drafts, problems = read_uploads([("idlib_shelling.md", md)])
    assert not problems
    frame = drafts_frame(drafts)
    assert frame["dateline"].tolist() == ["KHAN SHEIKHUN, Syria"]
    assert "*" not in drafts[0].text and drafts[0].text.startswith("KHAN SHEIKHUN, Syria — ")


def test_the_outcome_says_which_line_was_left_out_s34():
    """Session 34's walk: a CSV's rows 3 and 4 (formulas) were left out as two lines
    'Left out formula.csv: a spreadsheet formula ...', neither saying which row."""
    report = IngestReport("b1", "March", ["a.txt"], [],
                          [Problem("f.csv", 3, "a formula"), Problem("f.csv", 4, "a formula"),
                           Problem("big.txt", None, "is 23.4 MB, over the limit")], [],
                          pd.DataFrame({"review_status": ["pending"]}), "build")  # fmt: skip
    assert outcome(report).details == (
        "Left out f.csv line 3: a formula", "Left out f.csv line 4: a formula",
        "Left out big.txt: is 23.4 MB, over the limit")  # fmt: skip


def test_files_over_the_limit_are_named_not_read_s34():
    from dashboard.intake import over_limit
    from etl.uploads import Limits

    limits = Limits(max_file_bytes=1_000)
    files = [("a.txt", b"x" * 1_000), ("big.txt", b"y" * 1_001), ("b.md", b"z")]
    kept, refused = over_limit(files, limits)
    assert [name for name, _ in kept] == ["a.txt", "b.md"]
    assert refused == [Problem("big.txt", None, "is 1.0 KB, over the limit of 1.0 KB per file")]


def test_the_preview_names_a_record_by_its_line_s35():
    """The preview's table said 'clean.csv:2' where the problems and the near-duplicate
    question say 'formula.csv line 3', 'clean.csv line 2'."""
    frame = drafts_frame([draft("clean.csv:2"), draft("notes:1.txt"), draft("a.zip/b.jsonl:12")])
    assert frame["file"].tolist() == ["clean.csv line 2", "notes:1.txt", "a.zip/b.jsonl line 12"]
