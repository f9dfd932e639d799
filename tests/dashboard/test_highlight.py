"""Spans behind each field of a sentence, cut into marked runs, and the HTML they make."""

from __future__ import annotations

import math

import pytest

from dashboard.highlight import Span, claim_spans, fields_found, segments
from dashboard.text import marked_html

SENTENCE = (
    "Artillery shelled Jisr al-Shughur on Thursday, killing at least 7 civilians, medics said."
)

SEGMENT_CASES = [
    # (spans, runs expected)
    ([], [(SENTENCE, None)]),
    (
        [Span(10, 17, "type"), Span(18, 33, "place")],
        [("Artillery ", None), ("shelled", "type"), (" ", None), ("Jisr al-Shughur", "place"),
         (SENTENCE[33:], None)],
    ),
    (  # overlapping: the type wins over the figure where they share characters
        [Span(47, 65, "figure"), Span(47, 54, "type")],
        [(SENTENCE[:47], None), ("killing", "type"), (" at least 7", "figure"), (SENTENCE[65:], None)],
    ),
    (  # a trigger that spans its place and date leaves them visible
        [Span(10, 45, "type"), Span(18, 33, "place"), Span(34, 45, "date")],
        [("Artillery ", None), ("shelled ", "type"), ("Jisr al-Shughur", "place"), (" ", "type"),
         ("on Thursday", "date"), (SENTENCE[45:], None)],
    ),
    ([Span(0, 9, "figure"), Span(0, 9, "type")], [("Artillery", "type"), (SENTENCE[9:], None)]),
    ([Span(-5, 9, "type")], [("Artillery", "type"), (SENTENCE[9:], None)]),  # clipped to the text
    ([Span(80, 500, "claimant")], [(SENTENCE[:80], None), (SENTENCE[80:], "claimant")]),
    ([Span(0, 9, "colour:red")], [(SENTENCE, None)]),  # unknown fields are ignored
]  # fmt: skip


@pytest.mark.parametrize(("spans", "runs"), SEGMENT_CASES)
def test_segments(spans, runs):
    assert segments(SENTENCE, spans) == runs
    assert "".join(text for text, _ in segments(SENTENCE, spans)) == SENTENCE


def test_claim_spans_are_made_relative_to_the_sentence_and_figures_found_by_their_words():
    claim = {
        "sentence": SENTENCE, "sentence_start": 100,
        "trigger_start": 110.0, "trigger_end": 117.0,
        "place_start": 118, "place_end": 133,
        "date_text_start": 137, "date_text_end": 145,
        "claimant_start": math.nan, "claimant_end": math.nan,  # not attributed
    }  # fmt: skip
    spans = claim_spans(claim, ["at least 7 civilians", "seven", None])
    assert spans == [
        Span(10, 17, "type"), Span(37, 45, "date"), Span(18, 33, "place"),
        Span(55, 75, "figure"),
    ]  # fmt: skip
    assert fields_found(spans) == ["type", "place", "date", "figure"]


MARK_CASES = [
    # (runs, fills, html expected)
    ([("a <b>", None)], {}, "a &lt;b&gt;"),
    (
        [("shelled", "type"), (" the\n town", None)],
        {"type": "#FFE08A"},
        '<mark style="padding:0 2px;border-radius:3px;color:#111;background:#FFE08A" '
        'title="type">shelled</mark> the town',
    ),
    (  # a colour that is not '#rrggbb' never reaches the style
        [("x", "type")],
        {"type": "red;background:url(javascript:alert(1))"},
        '<mark style="padding:0 2px;border-radius:3px;color:#111" title="type">x</mark>',
    ),
    ([("<script>alert(1)</script>", "place")], {}, '<mark style="padding:0 2px;border-radius:3px;'
     'color:#111" title="place">&lt;script&gt;alert(1)&lt;/script&gt;</mark>'),
]  # fmt: skip


@pytest.mark.parametrize(("runs", "fills", "html"), MARK_CASES)
def test_marked_html_escapes_every_run(runs, fills, html):
    assert marked_html(runs, fills) == html


def test_titles_are_escaped_too():
    html = marked_html([("x", "k")], {}, titles={"k": '"><script>'})
    assert 'title="&quot;&gt;&lt;script&gt;"' in html
