"""Session 34 (hQ24): a toll row of data/rules/figure_tolls.csv that every match of which holds
one word is searched only where its window holds that word (its `gate`): the rows of 'the
toll ... rose to' and 'the number of dead' were searched before every figure."""

from etl.extraction import figures
from etl.extraction.figure_words import WORDS
from etl.extraction.literals import required_sets


def _implied(gate: str, pattern: str) -> bool:
    """Every match of the pattern holds the gate (lower case): one of the word sets every
    match holds one of has the gate in each of its words."""
    return any(all(gate in word for word in words) for words in required_sets(pattern))


def test_toll_rows_of_one_word_are_gated_by_it():
    rows = [r for r in WORDS.tolls if r.kind in ("toll", "list")]
    single = [r for r in rows if any(len(s) == 1 for s in required_sets(r.pattern.pattern))]
    assert len(single) >= 20
    ungated = [r.pattern.pattern for r in single if not r.gate]
    assert ungated == []  # each searched only where its word stands
    added = [r for r in rows if r.gate in ("toll", "number")]
    assert len(added) >= 8
    assert all(_implied(r.gate, r.pattern.pattern) for r in added)  # skips no match


def test_a_gated_toll_row_still_reads_its_toll():
    text = "The death toll from the strikes on Idlib has risen to 30, medics said."
    pos = text.index("30")
    assert figures._before_verb(text, 0, pos, loose=True) == "killed"
    text = "The number of people killed in the attack rose to 12."
    assert figures._before_verb(text, 0, text.index("12"), loose=True) == "killed"
    text = "Residents said 30 were hurt."
    assert figures._before_verb(text, 0, text.index("30"), loose=True) is None
