"""A Markdown article's text as plain text (etl/markdown_plain.py): marks removed by a
CommonMark parser, words kept, each block on the line it came from."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from etl.markdown_plain import plain_text


@pytest.mark.parametrize(
    ("markdown", "plain"),
    [
        # the walkthrough's file: a bold dateline, an emphasised town
        ("**KHAN SHEIKHUN, Syria** — Shelling struck the town of *Khan Sheikhun*.",
         "KHAN SHEIKHUN, Syria — Shelling struck the town of Khan Sheikhun."),
        ("__BEIRUT__ (AP) — _Two_ killed, ~~three~~ four hurt.",
         "BEIRUT (AP) — Two killed, three four hurt."),
        ("# Shelling hits **Idlib**\n\nBody.", "Shelling hits Idlib\n\nBody."),
        ("Shelling hits Idlib\n===\n\nBody.", "Shelling hits Idlib\n\n\nBody."),  # underline
        ("Medics [told Reuters](https://example.org/a \"t\") so.", "Medics told Reuters so."),
        ("See [the report][r].\n\n[r]: https://example.org/r", "See the report."),
        ("- first item\n- second item\n  1. nested", "first item\nsecond item\nnested"),
        ("1. one\n2. two", "one\ntwo"),
        ("> quoted words\n> go on", "quoted words\ngo on"),
        ("A ![photo](x.png) caption.", "A caption."),
        ("Inline <b>bold</b> tag.", "Inline bold tag."),
        ("Run `code` here.", "Run code here."),
        ("```\nfenced code\n```\n\nAfter.", "fenced code\n\n\nAfter."),
        ("<script>alert(1)</script>\n\nAfter.", "<script>alert(1)</script>\n\nAfter."),  # kept
        # not Markdown marks: left as written
        ("Killed 2 * 3 people; snake_case_name stays; 5*6.", "Killed 2 * 3 people; snake_case_name stays; 5*6."),
        ("AT&amp;T and &lt;", "AT&T and <"),
        ("Autolink <https://example.org/x> stays.", "Autolink https://example.org/x stays."),
    ],
)  # fmt: skip
def test_marks_go_and_words_stay(markdown, plain):
    assert plain_text(markdown) == plain


def test_a_block_keeps_the_line_it_came_from():
    """Intake notes say 'line 7 of the text': after the marks go, line 7 is the same line."""
    markdown = (
        "# Title\n\nBy **A. Writer**\n\n*March 1, 2019*\n\nBAGHOUZ, Syria (AP) — Body\ngoes on.\n"
    )
    lines = plain_text(markdown).split("\n")
    assert lines[0] == "Title" and lines[2] == "By A. Writer" and lines[4] == "March 1, 2019"
    assert lines[6:8] == ["BAGHOUZ, Syria (AP) — Body", "goes on."]


@given(st.text(alphabet="ab *_#>-[]()!`<>\n1.=~&;", max_size=200))
def test_any_text_reads_without_error_and_adds_no_lines(text):
    plain = plain_text(text)
    assert isinstance(plain, str)
    assert plain.count("\n") <= text.count("\n")
