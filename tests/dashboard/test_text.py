"""Data shown as text: hostile values come out inert for Markdown, HTML and plain sinks."""

from __future__ import annotations

import re

import pytest

from dashboard.text import WORD_JOINER, html_lines, html_text, markdown_text, plain_text

J = WORD_JOINER

MARKDOWN_CASES = [
    # (data value, exact Markdown source handed to Streamlit)
    ("Baghouz", "Baghouz"),
    ("<script>alert(1)</script>", r"\<script\>alert\(1\)\<\/script\>"),
    ('<img src=x onerror="alert(1)">', r"\<img src\=x onerror\=\"alert\(1\)\"\>"),
    ("[click](javascript:alert(1))", r"\[click\]\(javascript\:" + J + r"alert\(1\)\)"),
    ("**bold** _it_", r"\*\*bold\*\* \_it\_"),
    ("![x](http://e.x/p.png)", r"\!\[x\]\(http\:" + J + r"\/\/e\.x\/p\.png\)"),
    ("# Heading", r"\# Heading"),
    ("- item", r"\- item"),
    ("1. first", r"1\. first"),
    ("> quote", r"\> quote"),
    ("see http://evil.example/x", r"see http\:" + J + r"\/\/evil\.example\/x"),
    ("<https://evil.example>", r"\<https\:" + J + r"\/\/evil\.example\>"),
    ("www.evil.example", "www" + J + r"\.evil\.example"),
    ("WWW.Evil.Example", "WWW" + J + r"\.Evil\.Example"),
    ("bob@evil.example", r"bob\@" + J + r"evil\.example"),
    ("$x^2$ and $$y$$", r"\$x\^2\$ and \$\$y\$\$"),
    ("&lt;b&gt; &amp; &#60;", r"\&lt\;b\&gt\; \&amp\; \&\#60\;"),
    ("line one\nline two\r\n\n  three", "line one line two three"),
    ("    indented code", "indented code"),
    (":streamlit: :red[x]", r"\:" + J + r"streamlit\: \:" + J + r"red\[x\]"),
    (
        "a -> b <- c -- d >= e",
        "a \\-" + J + "\\> b \\<" + J + "\\- c \\-" + J + "\\- d \\>" + J + "\\= e",
    ),
    ("`code` ~~strike~~ | cell |", r"\`code\` \~\~strike\~\~ \| cell \|"),
    ("10:30 GMT", r"10\:" + J + "30 GMT"),
    (r"\*already\*", r"\\\*already\\\*"),
    (None, ""),
    (float("nan"), ""),
    (22, "22"),
]


@pytest.mark.parametrize(("raw", "markdown"), MARKDOWN_CASES)
def test_markdown_text_is_exactly_the_escaped_text(raw, markdown):
    assert markdown_text(raw) == markdown


def _resolved(markdown: str) -> str:
    """The text a Markdown parser keeps after undoing backslash escapes."""
    return re.sub(r"\\([!-/:-@\[-`{-~])", r"\1", markdown)


#: Rewrites Streamlit 1.67's Markdown renderer applies to text *after* escapes are undone
#: (copied from static/js/StreamlitMarkdown.*.js): GFM autolink literals (URL, e-mail),
#: the :streamlit: logo, emoji shortcodes and typographic arrows.
TEXT_REWRITES = [
    re.compile(r"(https?://|www(?=\.))([-.\w]+)([^ \t\r\n]*)", re.I),
    re.compile(r"(?<![^\s\W])([-.\w+]+)@([-\w]+(?:\.[-\w]+)+)"),
    re.compile(r":streamlit:"),
    re.compile(r":[\w+-][\w_+-]*:"),
    re.compile(r"(^|\s)(<->|->|<-|--|>=|<=|~=)(\s|$)"),
]


@pytest.mark.parametrize(("raw", "markdown"), MARKDOWN_CASES)
def test_escaped_text_is_inert_and_reads_as_the_data(raw, markdown):
    # every ASCII punctuation character is escaped: no Markdown, HTML, maths or directive
    unescaped = re.sub(r"\\[!-/:-@\[-`{-~]", "", markdown)
    assert re.search(r"[!-/:-@\[-`{-~]", unescaped) is None
    # nothing is left for the renderer's text rewrites to turn into a link or a picture
    resolved = _resolved(markdown)
    assert [p.pattern for p in TEXT_REWRITES if p.search(resolved)] == []
    # and the reader sees the data itself (the word joiner is invisible), on one line
    assert resolved.replace(J, "") == plain_text(raw)


@pytest.mark.parametrize(
    ("raw", "html"),
    [
        ("<b>bold</b> & co", "&lt;b&gt;bold&lt;/b&gt; &amp; co"),
        ('<a href="javascript:x()">a</a>', '&lt;a href="javascript:x()"&gt;a&lt;/a&gt;'),
        ("it's\n\n**x**", "it's **x**"),  # no blank line to end an HTML block
        ("&lt;", "&amp;lt;"),
        (None, ""),
    ],
)
def test_html_text(raw, html):
    assert html_text(raw) == html


@pytest.mark.parametrize(
    ("raw", "width", "lines"),
    [
        ("a <b> c", 80, ["a &lt;b&gt; c"]),
        ("one two\nthree", 7, ["one two", "three"]),
        ("a & b & c", 5, ["a &amp; b", "&amp; c"]),  # escaped after wrapping: no split entity
        ("x" * 10, 4, ["xxxx", "xxxx", "xx"]),
        (None, 80, [""]),
    ],
)
def test_html_lines(raw, width, lines):
    assert html_lines(raw, width) == lines


@pytest.mark.parametrize(
    ("raw", "plain"),
    [
        ("  a\tb\n\nc  ", "a b c"),
        ("<b>x</b> **y**", "<b>x</b> **y**"),  # plain sinks show it as it is
        ("x\u2028y", "x y"),
        (None, ""),
        (float("nan"), ""),
        (3.5, "3.5"),
    ],
)
def test_plain_text(raw, plain):
    assert plain_text(raw) == plain
