"""Cue alternations grouped by first letter (etl.extraction.alternation) match where the
plain alternation does."""

import re

import pytest

from etl.extraction.alternation import alternatives, by_first_letter


def test_top_level_alternatives_are_split_outside_groups_and_classes():
    assert alternatives(r"will|would|plans? to") == ["will", "would", "plans? to"]
    assert alternatives(r"fear(?:ed|s)? (?:that|a)|risk of") == [
        "fear(?:ed|s)? (?:that|a)",
        "risk of",
    ]
    assert alternatives(r"[|a]b|c") == ["[|a]b", "c"]
    assert alternatives(r"a\|b|c") == [r"a\|b", "c"]
    assert alternatives(r"[\]]x|y") is None  # an escaped bracket in a class: left whole
    assert alternatives(r"(a|b") is None


def test_grouped_by_first_letter():
    assert by_first_letter(["will|would", "could|w?hat", r"\d+"]) == (
        r"w(?:ill|ould)|c(?:ould)|(?:w?hat)|(?:\d+)"
    )


CUES = [
    "will|would|could|might|may|shall",
    "plans? to|planning to|expected to|set to|about to",
    "threaten(?:ed|s|ing)?(?: to)?|vow(?:ed|s)? to",
    "if|unless|ahead of|either|options?",
    "not|no|never|without|instead of|rather than",
    r"\d[\d,.]*(?:st|nd|rd|th|s)?",
    "(?-i:UN) envoy|Kelvin",
]
TEXTS = [
    "The army will attack the town unless the rebels surrender.",
    "Rebels vowed to fight; 5th brigade was not there. WOULD THEY? options",
    "They planned to shell it, threatening to; the UN envoy and the un envoy spoke.",
    "\u212aelvin scale; \u017fhall we; might-have-been; no-go; 1,200 people",
]


@pytest.mark.parametrize("template", [r"(?<![\w-])(?:CUES)(?![\w-])", r"(?:CUES)$"])
def test_grouped_alternation_matches_where_the_plain_one_does(template):
    plain = re.compile(template.replace("CUES", "|".join(f"(?:{c})" for c in CUES)), re.I)
    grouped = re.compile(template.replace("CUES", by_first_letter(CUES)), re.I)
    for text in TEXTS:
        for start in range(len(text)):
            for end in range(start, len(text) + 1, 5):
                assert bool(plain.search(text, start, end)) == bool(
                    grouped.search(text, start, end)
                )
                assert bool(plain.match(text, start, end)) == bool(grouped.match(text, start, end))
