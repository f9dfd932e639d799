"""A Markdown article's text as plain text: its marks removed, its words and lines kept.

An uploaded `.md` file kept its marks in the stored text, and the extractor read them as
words: '**KHAN SHEIKHUN, Syria** — ...' gave no dateline and the summary 'Shelling of KHAN
SHEIKHUN' (session 30's walkthrough), and quotes were shown with their asterisks. The text is
parsed by markdown-it-py (CommonMark, maintained; a parser, not patterns, so '2 * 3' or a
snake_case name is left alone where Markdown leaves it alone) and each block's words are put
back on the lines the block came from, so that 'line 7 of the text' in an intake note still
points at the file's line 7:

- emphasis, strong and strikethrough marks, headings' '#' and underlines, quotes' '>',
  lists' bullets and numbers, code's backticks and fences: removed, the words kept;
- a link keeps its words and drops its address; an image is dropped (its alt text too: it
  describes a picture, it is not the article's prose); reference definitions are dropped;
- inline HTML tags are dropped, their words kept; an HTML block is kept as written (as every
  `.md` upload's text was before; it is stored and shown as text, never rendered).

Pure; never raises on any text (markdown-it-py parses any string).
"""

from __future__ import annotations

import re

from markdown_it import MarkdownIt
from markdown_it.token import Token

_PARSER = MarkdownIt("commonmark").enable("strikethrough")
#: Inline tokens whose own content is the article's words (the rest are marks, or dropped).
_WORDS = {"text", "code_inline"}
_BREAKS = {"softbreak", "hardbreak"}
_SPACES = re.compile(r"(?<=\S) {2,}(?=\S)")


def _inline(token: Token) -> str:
    """An inline run's words, its line breaks kept; images and HTML tags dropped."""
    out: list[str] = []
    for child in token.children or []:
        if child.type in _WORDS:
            out.append(child.content)
        elif child.type in _BREAKS:
            out.append("\n")
    return _SPACES.sub(" ", "".join(out))  # where an image or a tag was, one space


def plain_text(markdown: str) -> str:
    """`markdown` without its marks (see the module's doc), line for line where a block allows:
    each block's first line of words on the line it started on, blank lines where it had marks
    only (a heading's underline, a fence, a reference definition)."""
    source = markdown.split("\n")
    lines = [""] * len(source)
    for token in _PARSER.parse(markdown):
        if token.map is None:
            continue
        start, end = token.map
        if token.type == "inline":
            words = _inline(token).split("\n")
        elif token.type in {"code_block", "fence", "html_block"}:
            words = token.content.rstrip("\n").split("\n")
            start += token.type == "fence"  # after the opening fence
        else:
            continue
        for offset, line in enumerate(words):
            at = min(start + offset, max(end - 1, start))
            lines[at] = f"{lines[at]} {line}".strip() if at < start + offset else line
    return "\n".join(line.rstrip() for line in lines).strip("\n")
