"""Data shown as text: the one place that makes a data value inert on the page (pure).

Every value from the store (summaries, quotes, sentences, names, notes, titles) is text, never
markup. It reaches the reader through one of three sinks, each with its own function:

- `markdown_text`: Streamlit Markdown (st.markdown, st.caption, st.title, st.info, widget
  labels and help). Backslash escapes stop Markdown, HTML, maths and Streamlit's directives;
  but Streamlit's renderer also rewrites the *text* after the escapes are undone (GFM
  autolinks for `http://`, `www.` and e-mail addresses, the `:streamlit:` logo, `->` arrows),
  so a word joiner (U+2060, invisible) is put where those patterns would match.
- `html_text`: Plotly labels (hover, legend, ticks) and the HTML legend, which read HTML;
  `html_lines` wraps long text for Plotly's hover box, which never wraps by itself.
- `plain_text`: sinks that show text as text (selectbox options, the pydeck "text" tooltip).
- `marked_html`: a sentence with the words behind each field highlighted (the review page,
  through st.html): every run escaped, joined with our own <mark> tags, colours validated.

All three put a value on one line: a newline in data must not start a Markdown block.
"""

from __future__ import annotations

import html
import math
import re
import textwrap
from collections.abc import Iterable, Mapping

#: Invisible, no line break: splits a pattern without changing what the reader sees.
WORD_JOINER = "\u2060"
#: Every ASCII punctuation character; CommonMark lets each be escaped with a backslash.
_PUNCTUATION = re.compile(r"([!-/:-@\[-`{-~])")
#: Where Streamlit's text rewrites could match: after a colon that runs into a word or `//`
#: (`http://`, `:streamlit:`, `:smile:`), after `@` (e-mail), between `www` and a dot, and
#: inside arrows and comparison pairs (`->`, `<-`, `--`, `>=`, `<=`, `~=`).
_REWRITE_POINTS = re.compile(r"(?<=:)(?=\S)|(?<=@)|(?i:(?<=www)(?=\.))|(?<=[-<>~])(?=[-<>=])")


def plain_text(value: object) -> str:
    """The value as one line of text: whitespace runs (newlines included) become one space.

    None and NaN (missing values) become the empty string.
    """
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    return " ".join(str(value).split())


def markdown_text(value: object) -> str:
    """The value as Markdown that renders exactly as the text: no markup, links or HTML."""
    text = _REWRITE_POINTS.sub(WORD_JOINER, plain_text(value))
    return _PUNCTUATION.sub(r"\\\1", text)


def html_text(value: object) -> str:
    """The value escaped for HTML text (and Plotly's HTML-like labels), on one line.

    Only `&`, `<` and `>` are escaped: data is never put inside an attribute, and Plotly
    would show `&quot;` as it is (it decodes numeric entities and a few names, not quot).
    """
    return html.escape(plain_text(value), quote=False)


def html_lines(value: object, width: int = 80) -> list[str]:
    """The value wrapped at word boundaries into lines of at most `width` characters (longer
    words are split), each escaped by `html_text`; at least one line."""
    return [html_text(line) for line in textwrap.wrap(plain_text(value), width)] or [""]


#: Only colours of this form reach a style attribute.
HEX_COLOUR = re.compile(r"#[0-9A-Fa-f]{6}")


def _html_run(value: str) -> str:
    """A run of text escaped for HTML, whitespace runs made one space, edge spaces kept
    (a run is part of a sentence: 'shelled' and ' the town' must not run together)."""
    return html.escape(re.sub(r"\s+", " ", value), quote=False)


def marked_html(
    runs: Iterable[tuple[str, str | None]],
    fills: Mapping[str, str],
    edges: Mapping[str, str] | None = None,
    titles: Mapping[str, str] | None = None,
) -> str:
    """One line of HTML: each run escaped, the runs that carry a key wrapped in <mark>,
    coloured by `fills[key]` (and underlined by `edges[key]`) when the colour is a
    '#rrggbb' code. Keys and titles are the caller's own words; titles are escaped too."""
    parts = []
    for text, key in runs:
        shown = _html_run(text)
        if key is None:
            parts.append(shown)
            continue
        style = ["padding:0 2px", "border-radius:3px", "color:#111"]
        if HEX_COLOUR.fullmatch(fills.get(key, "")):
            style.append(f"background:{fills[key]}")
        if edges and HEX_COLOUR.fullmatch(edges.get(key, "")):
            style.append(f"border-bottom:2px solid {edges[key]}")
        title = html.escape((titles or {}).get(key, key), quote=True)
        parts.append(f'<mark style="{";".join(style)}" title="{title}">{shown}</mark>')
    return "".join(parts)
