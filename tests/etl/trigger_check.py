"""The two ways the trigger tests read a sentence: alone, and inside an article through the
article's one StemIndex (the extractor's own path). Shared by the trigger test modules."""

from __future__ import annotations

from etl.extraction.triggers import StemIndex, find_triggers

BEFORE, AFTER = "Nothing moved on the front. ", " Analysts disagreed."


def sentence_types(text: str) -> set[str]:
    """The event types found in `text` read as one sentence."""
    return {t.event_type for t in find_triggers(text, 0, len(text))}


def article_types(sentence: str) -> set[str]:
    """The event types found in `sentence` between two quiet sentences of an article; each
    trigger's text is the article's text at its span."""
    text = BEFORE + sentence + AFTER
    start, end = len(BEFORE), len(BEFORE) + len(sentence)
    found = find_triggers(text, start, end, StemIndex(text))
    assert all(text[t.start : t.end] == t.text for t in found)
    return {t.event_type for t in found}
