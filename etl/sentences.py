"""Finding the sentence around a span of article text.

A light rule splitter: a sentence ends at . ! or ? (optionally followed by a closing quote)
before whitespace, or at a line break. Good enough to show a reader the context of a quote;
the extractor brings its own tokenizer.
"""

from __future__ import annotations

import re

_END = re.compile(r"[.!?][\"'”’)\]]*(?=\s)|\n")
_ABBREVIATIONS = (
    "U.S.",
    "U.N.",
    "Feb.",
    "Jan.",
    "Aug.",
    "Sept.",
    "Oct.",
    "Nov.",
    "Dec.",
    "Gen.",
    "Mr.",
    "Mrs.",
    "Dr.",
    "St.",
    "No.",
)


def _is_abbreviation(text: str, end: int) -> bool:
    return any(text.endswith(a, 0, end) for a in _ABBREVIATIONS)


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The [start, end) of the sentence(s) that contain text[start:end]."""
    start, end = max(0, start), min(len(text), end)
    left = 0
    for match in _END.finditer(text, 0, start):
        if match.group() == "\n" or not _is_abbreviation(text, match.start() + 1):
            left = match.end()
    right = len(text)
    for match in _END.finditer(text, max(end - 1, start)):
        if match.group() == "\n" or not _is_abbreviation(text, match.start() + 1):
            right = match.end() if match.group() != "\n" else match.start()
            break
    while left < start and text[left].isspace():
        left += 1
    return left, max(right, end)


def sentence_around(text: str, start: int, end: int) -> str:
    """The sentence that holds a span, stripped of surrounding space."""
    left, right = sentence_bounds(text, start, end)
    return text[left:right].strip()
