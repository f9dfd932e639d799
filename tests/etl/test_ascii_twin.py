"""The ASCII twins of the rule patterns: the same matches on plain text, and made only where
that holds (etl.extraction.ascii_twin)."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from etl.extraction import ascii_twin, dates, triggers
from etl.extraction.ascii_twin import plain, twin
from etl.extraction.extract import ArticleInput
from etl.extraction.trigger_rules import plain_twin, trigger_rules
from etl.places import roles

PLAIN_TEXTS = [
    "On Tuesday, 12 March 2019, SDF fighters shelled Baghouz \u2014 \u201cwe took the camp\u201d, "
    "a spokesman said; 17\u201326 people were killed \u2026 \u2022 Three days later they left.",
    "Clashes took place on 3-4 June in the northern countryside of Aleppo; 2 fatalities.",
    "Airstrikes hit al-Mayadin last week. Islamic State\u2019s fighters fled east of Hajin.",
    "The offensive began on Saturday morning, killing at least 14 civilians; KILLED, Killed.",
    "\u25a0 Mon-Tue: heavy shelling of Idlib \u00b7 a ceasefire until 9 March \u00bb none",
]
NOT_PLAIN = ["caf\u00e9", "\u0130dlib", "a\u00a0b", "a\x1cb", "\u212ailled", "\u00b2", "\u24b6"]


def test_plain_reads_letters_spaces_and_separators():
    assert all(plain(t) for t in PLAIN_TEXTS)
    assert not any(plain(t) for t in NOT_PLAIN)
    assert plain("") and plain("ascii only")


def _inert_text() -> str:
    return "".join(
        chr(c)
        for c in range(0x80, 0x110000)
        if not 0xD800 <= c < 0xE000 and ascii_twin._inert(chr(c))
    )


def test_inert_characters_are_read_alike_by_both_readings():
    inert = _inert_text()
    assert "\u2014" in inert and "\u2019" in inert and "\u00e9" not in inert
    for probe in (r"\w", r"\d", r"\s", r"\b", r"\W+", r"\D+", r"\S+"):
        unicode = re.compile(probe).findall(inert)
        assert unicode == re.compile(probe, re.ASCII).findall(inert), probe
    for letter in "abcdefghijklmnopqrstuvwxyz":
        assert re.compile(letter, re.I).findall(inert) == [], letter
        assert re.compile(f"[{letter}-{letter}]", re.I).findall(inert) == [], letter


@pytest.mark.parametrize(
    ("pattern", "flags"),
    [
        ("[\u0131a]", re.I),
        ("\u212a", re.I),
        ("[\u0100-\u0200]x", re.I),
        ("(?i:\u017f)", 0),
        ("(?i)x|[^\u0130]", 0),
        ("(?:a|\u0130)+", re.I),
        ("(?<=\u0131)b", re.I),
    ],
)
def test_no_twin_where_unicode_folds_a_character_to_an_ascii_letter(pattern, flags):
    compiled = re.compile(pattern, flags)
    assert twin(compiled) is compiled


@pytest.mark.parametrize(
    ("pattern", "flags"),
    [("(?-i:[Ii\u0130\u0131])x", re.I), ("[\u0100-\u0200]x", 0), (r"\w+\s\d", re.I)],
)
def test_a_twin_where_case_is_compared_only_with_ascii(pattern, flags):
    compiled = re.compile(pattern, flags)
    made = twin(compiled)
    assert made is not compiled and made.flags & re.ASCII and made.pattern == pattern


def test_a_twin_differs_on_text_that_is_not_plain():
    words = re.compile(r"\w+")  # so the check of plain text is needed
    assert words.findall("caf\u00e9") == ["caf\u00e9"]
    assert twin(words).findall("caf\u00e9") == ["caf"]


def _same(pattern: re.Pattern[str], texts: list[str]) -> int:
    """How many matches `pattern` and its twin found alike (asserting they all agree)."""
    made = twin(pattern)
    seen = 0
    for text in texts:
        a = [(m.span(), m.groups()) for m in pattern.finditer(text)]
        b = [(m.span(), m.groups()) for m in made.finditer(text)]
        assert a == b, (pattern.pattern[:80], text)
        seen += len(a)
    return seen


@pytest.fixture(scope="module")
def plain_texts(seed_texts) -> list[str]:
    texts = [t for t in [*seed_texts, *PLAIN_TEXTS] if plain(t)]
    assert len(texts) >= 6
    return texts


@pytest.fixture(scope="module")
def seed_texts() -> list[str]:
    from pathlib import Path

    from etl.articles import load_seed_articles
    from etl.extraction.extract import _SPACES

    seeds, _ = load_seed_articles(Path(__file__).resolve().parents[2] / "seeds")
    return [s.text.translate(_SPACES) for s in seeds]


def test_every_date_rule_and_its_twin_agree(plain_texts):
    assert all(p is not t for (p, _, _), (t, _, _) in zip(dates._RULES, dates._PLAIN_RULES))
    found = sum(_same(pattern, plain_texts) for pattern, _, _ in dates._RULES)
    assert found > 50


def test_every_trigger_row_and_context_and_its_twin_agree(plain_texts):
    rules = trigger_rules()
    patterns = [p for r in rules.rules for p in (r.pattern, r.scanner) if p is not None]
    patterns += [rules.reference_before, rules.reference_unless_dated, rules.occurred]
    patterns += [p for t in rules.types for p in (t.not_real_before, t.not_real_after)]
    found = sum(_same(p, plain_texts) for p in patterns if p is not None)
    assert found > 50
    assert plain_twin(rules) is plain_twin(rules)


def test_every_place_rule_and_its_twin_agree(plain_texts):
    """Over the words before and after each capitalised word, as roles.read_name reads them."""
    windows = [
        piece
        for text in plain_texts
        for m in re.finditer(r"\b[A-Z]\w*", text)
        for piece in (
            text[max(0, m.start() - roles.LOOK_BEHIND) : m.start()],
            text[m.end() : m.end() + roles.LOOK_AHEAD],
        )
    ]
    rules = roles.place_rules()
    patterns = [p for _, _, p in rules.roles] + [r.pattern for r in rules.regions]
    patterns += [rules.any_before, rules.any_after, rules.before_words, rules.before_at_word]
    found = sum(_same(p, windows) for p in patterns if p is not None)
    assert found > 20


def test_extraction_is_the_same_with_the_twins_and_without(seed_texts, monkeypatch, extractor):
    articles = [
        ArticleInput(f"a{i}", t, dt.date(2019, 3, 20))
        for i, t in enumerate([*seed_texts, *PLAIN_TEXTS])
    ]
    with_twins = [extractor.extract(a) for a in articles]
    for module in (dates, triggers, roles):
        monkeypatch.setattr(module, "plain", lambda text: False)
    without = [extractor.extract(a) for a in articles]
    assert with_twins == without
    assert sum(len(mentions) for mentions, _ in with_twins) > 20
