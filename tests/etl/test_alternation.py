"""Cue alternations grouped by first letter (etl.extraction.alternation) match where the
plain alternation does."""

import re

import pytest

from etl.extraction.alternation import (
    BOUNDARY,
    CASE_FOLDS,
    alternatives,
    at_word_start,
    by_first_letter,
    letter_first,
    spread,
    word_start_pattern,
)


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


def test_case_folds_lists_every_character_that_matches_an_ascii_letter_ignoring_case():
    every = "".join(chr(c) for c in range(0x110000) if not 0xD800 <= c < 0xE000)
    for letter in "abcdefghijklmnopqrstuvwxyz":
        found = set(re.compile(letter, re.I).findall(every))
        assert found == {letter, letter.upper(), *CASE_FOLDS.get(letter, "")}


LETTER_TEXTS = [
    *TEXTS,
    "Shelled; SHELLED; \u017fhelled; un-shelled; _shelled; 5shelled; re-stormed. Stormed-in",
    "\u0130nvaded \u0131nvaded invaded; \u212ailled; killed, killing-spree (killed)",
    "\nshelled\tstormed;stormed shell",
    "Gunmen told the people, ordered many people; warned them people. Once the siege ended "
    "until fighting ended; xonce the war ended. U.S.-led US-led xU.S.-led shells killed_",
]


@pytest.mark.parametrize(
    ("alternation", "tail", "boundary"),
    [
        ("shell(?:ed|ing)|storm(?:ed)?|s(?:hot|eized)", r"(?![\w-])", True),
        ("invaded|kill(?:ed|ing)|Kel(?P<trigger>vin)", r"(?![\w-])", True),
        ("will|would|storm", r"(?![\w-])[^.;]{0,45}$", True),
        ("shelled|killed", "$", False),
        ("stormed (?:\\w+ ){0,2}town|shell", "", False),
        # alternatives opening with a group of lettered alternatives
        ("(?:told|ordered|warned) (?:the )?(?:\\w+ ){0,2}people", "", True),
        ("(?:once|until|after) (?:the )?\\w+ ended|storm", "", False),
        ("(?:U\\.S\\.|US)-led|(?:(?:shell|storm)(?:ed)?|kill)s?", r"(?![\w-])", True),
    ],
)
def test_letter_first_finds_what_the_plain_pattern_finds(alternation, tail, boundary):
    plain = re.compile((BOUNDARY if boundary else "") + f"(?:{alternation}){tail}", re.IGNORECASE)
    fast = letter_first(alternation, tail, re.IGNORECASE, boundary)
    assert fast is not None
    for text in LETTER_TEXTS:
        for start in range(len(text)):
            for end in range(start, len(text) + 1, 7):
                assert [m.span() for m in plain.finditer(text, start, end)] == [
                    m.span() for m in fast.finditer(text, start, end)
                ]
        assert [m.groupdict() for m in plain.finditer(text)] == [
            m.groupdict() for m in fast.finditer(text)
        ]


@pytest.mark.parametrize(
    ("alternation", "flags"),
    [
        ("police\\s+officer|shell(?:ed|ing)|storm|s(?:hot|eized)|killed", re.I | re.ASCII),
        ("invaded|kill(?:ed|ing)|told (?:the )?people", re.I),
    ],
)
def test_letter_first_group_spans_the_alternation_as_the_plain_group_does(alternation, flags):
    tail = r"\b(?![-'\u2019])"
    plain = re.compile(rf"\b(?P<head>{alternation}){tail}", flags)
    fast = letter_first(alternation, tail, flags, word_start=True, group="head")
    assert fast is not None
    assert fast.pattern.startswith("(?P<head>(?-i:[")  # the engine can skip to the letters
    for text in [*LETTER_TEXTS, "a police  officer; the Police officer's; xpolice officer"]:
        for start in range(len(text)):
            for end in range(start, len(text) + 1, 7):
                assert [(m.span(), m.span("head")) for m in plain.finditer(text, start, end)] == [
                    (m.span(), m.span("head")) for m in fast.finditer(text, start, end)
                ]


def test_letter_first_declines_what_it_cannot_rewrite():
    assert letter_first(r"\d+ killed|shelled") is None
    assert letter_first("(?:U\\.S\\.|\\d+)-led") is None
    assert letter_first("(?:a|b)?c") is None  # a repeated group may match nothing
    assert letter_first("(?P<trigger>a|b)c") is None  # the group's span would move
    assert letter_first("\\b(?:after|once)") is None
    assert letter_first("s?hot") is None
    assert letter_first("(a|b") is None


def test_spread_opens_groups_and_keeps_what_it_cannot():
    assert spread("(?:told|spoke) to|briefing") == ["told to", "spoke to", "briefing"]
    assert spread("(?:a|(?:b|c)d)e|f") == ["ae", "bde", "cde", "f"]
    assert spread("(?:a|b)?c") == ["(?:a|b)?c"]  # repeated: left whole
    assert spread("(?-i:A|B)c") == ["(?-i:A|B)c"]
    assert spread("(?P<x>a|b)c") == ["(?P<x>a|b)c"]


@pytest.mark.parametrize(
    "pattern",
    ["(?:told|spoke)\\s+(?:to\\s+\\w+\\s+)?(?:at|in)\\s+$", "(?:a|(?:b|c)d)e|f", "x(?:y|z)+w"],
)
def test_spread_alternatives_match_what_the_pattern_does(pattern):
    plain = re.compile(pattern, re.I)
    spread_out = re.compile("|".join(f"(?:{p})" for p in spread(pattern)), re.I)
    texts = ["told to them at ", "spoke in ", "Told  to x in  ", "ae bde cde f", "xyzzw xw"]
    for text in texts:
        for start in range(len(text)):
            assert (plain.match(text, start) or [None])[0] == (
                spread_out.match(text, start) or [None]
            )[0]


def test_a_leading_word_boundary_is_left_out_only_before_a_letter():
    assert at_word_start("\\b(?:north|south) of") == "(?:north|south) of"
    assert at_word_start("\\bnear") == "near"
    assert at_word_start("\\b-led") == "\\b-led"  # before a hyphen it may fail: kept
    assert at_word_start("\\b\\d+") == "\\b\\d+"


DIGIT_TEXTS = [
    *LETTER_TEXTS,
    "12 were killed, 3,400 fled; x5 were killed; _7 were killed; a5 fled 10fled 1.5 fled",
    "\u0663\u0664 were killed (Arabic-Indic digits); \u0661\u0662,5 fled; two were killed",
    "Dozens were killed; TWO WERE KILLED; 2were killed; 22 22 were killed -3 were killed",
    "the fire broke out, killing 4; Fires started and killed 12. bodies of 3 were found",
]


@pytest.mark.parametrize(
    ("alternation", "tail", "boundary"),
    [
        (r"(?:\d+|two|dozens) were killed", r"(?![\w-])", True),
        (r"(?:people|\d[\d,.]*)(?: [\w'’,-]+){0,3} (?P<trigger>fled|killed)", r"(?![\w-])", True),
        (r"\d+ were killed|\bfires? (?:broke out|started)\b", "", False),
        (r"\b(?:an?|two|\d+) (?:were|fled)|killed", r"(?![\w-])", True),
        (r"(?<!x)\d+(?:,\d+)? fled|\b(?<!the )bodies of \d", "", False),
    ],
)
def test_letter_first_wider_reads_digits_and_boundaries_as_the_plain_pattern(
    alternation, tail, boundary
):
    """`wider` (session 34): an alternative may open with '\\d', '\\d+' or '\\b' before a
    letter or digit; the pattern still opens with a class the engine skips along to, and
    every match (every group's span) is the plain pattern's, from any start to any end."""
    assert letter_first(alternation, tail, re.I, boundary) is None  # not without it
    plain = re.compile((BOUNDARY if boundary else "") + f"(?:{alternation}){tail}", re.I)
    fast = letter_first(alternation, tail, re.I, boundary, wider=True)
    assert fast is not None and fast.pattern.startswith("(?-i:[")
    for text in DIGIT_TEXTS:
        for start in range(len(text)):
            for end in range(start, len(text) + 1, 7):
                assert [m.regs for m in plain.finditer(text, start, end)] == [
                    m.regs for m in fast.finditer(text, start, end)
                ]


def test_letter_first_wider_declines_what_may_match_nothing_or_lazily():
    assert letter_first(r"\d* killed", wider=True) is None
    assert letter_first(r"\d+? killed", wider=True) is None
    assert letter_first(r"\d{1,3} killed", wider=True) is None
    assert letter_first(r"\b-led|killed", wider=True) is None  # '\b' before a hyphen
    assert letter_first(r"\w+ killed", wider=True) is None


@pytest.mark.parametrize(
    ("alternation", "flags"),
    [
        ("police\\s+officer|shepherd|photographer|son|Police|soldier|Kid|kin|(?<!x)peer", re.I),
        ("police\\s+officer|shepherd|photographer|son|Police|soldier|Kid|kin", re.I | re.ASCII),
        ("Police|police|son|Son|sun", 0),
    ],
)
def test_letter_first_grouped_tries_a_letter_once_with_the_same_matches(alternation, flags):
    """`grouped` (session 34): the alternatives of one first letter behind one test of it,
    in their order; every match and group span as the plain pattern's."""
    tail = r"\b(?![-'\u2019])"
    plain = re.compile(rf"\b(?P<head>{alternation}){tail}", flags)
    fast = letter_first(alternation, tail, flags, word_start=True, group="head", grouped=True)
    assert fast is not None
    # one test of p for all its alternatives (of P apart, where case counts)
    assert fast.pattern.count("(?<=p)(?:") == (1 if flags & re.I else 0)
    texts = [
        *LETTER_TEXTS,
        "a police officer, the Police, a shepherd's son; kin and kid; xpeer peer Sun son",
        "PHOTOGRAPHER Shepherd-son \u017fon \u212aid police  officer; soldiers soldier_",
    ]
    for text in texts:
        for start in range(len(text)):
            for end in range(start, len(text) + 1, 7):
                assert [m.regs for m in plain.finditer(text, start, end)] == [
                    m.regs for m in fast.finditer(text, start, end)
                ]


def test_letter_first_grouped_leaves_alternatives_of_several_letters_as_they_are():
    ungrouped = letter_first("(?:a|b)c|ad", "", re.I)
    assert letter_first("(?:a|b)c|ad", "", re.I, grouped=True).pattern == ungrouped.pattern
    assert letter_first("\\d+|a|ab", "", re.I, wider=True, grouped=True).pattern == (
        letter_first("\\d+|a|ab", "", re.I, wider=True).pattern
    )


WORD_START_TEXTS = [
    "The court sentenced him to death on ",  # a tail that ends the text
    "xsentenced, _toll rose, 5total; (toll) Toll-free TOTAL overall.",
    "The death toll rose to 12, bringing the total to 40 on ",
    "ſentenced and ſaid: a long s, which IGNORECASE reads as s",
    "toll\ntoll\ttotals—rose",
]


@pytest.mark.parametrize(
    ("alternation", "tail", "flags"),
    [
        ("sentenced|jailed|said|told\\s+[\\w-]+", r"\s+(?:him\s+)?(?:to\s+\w+\s+)?on\s+\Z", re.I),
        ("toll|total|totals|overall|rose", r"\b", re.I),
        ("toll|total|rose", r"\b", 0),
        ("to|towards|for", r"\s+(?:the\s+)?", re.I),
    ],
)
def test_word_start_pattern_reads_letter_first_and_finds_what_the_plain_pattern_finds(
    alternation, tail, flags
):
    """`\\b(?:alternation)tail` opened with its first letters (the engine skips to them): the
    same matches from every start, with a window's end as the plain pattern sees it."""
    fast = word_start_pattern(alternation, tail, flags)
    plain = re.compile(rf"\b(?:{alternation}){tail}", flags)
    assert fast.pattern.startswith("(?-i:[") and fast.pattern != plain.pattern
    for text in WORD_START_TEXTS:
        for start in range(len(text)):
            assert [m.span() for m in fast.finditer(text, start)] == [
                m.span() for m in plain.finditer(text, start)
            ]
            for end in (len(text), start + 20):
                got, want = fast.search(text, start, end), plain.search(text, start, end)
                assert (got and got.span()) == (want and want.span())


def test_word_start_pattern_keeps_as_written_what_opens_otherwise():
    """A rule word that does not open with a plain letter ('5th', '(?:x)y' aside): the
    pattern as written, `\\b` and all."""
    assert word_start_pattern("5th|fifth", r"\b", re.I).pattern == r"\b(?:5th|fifth)\b"
    assert word_start_pattern("[Tt]oll|total", "").pattern == r"\b(?:[Tt]oll|total)"
