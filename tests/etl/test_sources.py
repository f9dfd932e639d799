"""Independent sources: a wire story reprinted by several outlets counts once."""

from __future__ import annotations

import pytest

from etl.sources import detect_wire, independent_sources, source_ids, source_of

FILLER = "The streets of the town were quiet for most of the day and nobody could say why. " * 6

# (case, article text, wire)
WIRES = [
    ("AP dateline", "BEIRUT (AP) — Fighting continued in the east.", "ap"),
    ("AP dateline, long form", "BEIRUT (The Associated Press) — Fighting continued.", "ap"),
    ("AFP dateline", "BEIRUT (AFP) - Fighting continued in the east.", "afp"),
    ("Reuters dateline", "BEIRUT (Reuters) - Fighting continued in the east.", "reuters"),
    (
        "files from AP beat a body credit",
        FILLER
        + "A commander told Reuters the camp was full. "
        + FILLER
        + "With files from Associated Press",
        "ap",
    ),
    ("files from the Associated Press", FILLER + "With files from the Associated Press", "ap"),
    ("material from Reuters", "Fighting continued. Material from Reuters", "reuters"),
    ("reporting by AFP", "Fighting continued. Reporting by AFP", "afp"),
    ("told AFP in the body", FILLER + "A commander told AFP the camp was full. " + FILLER, "afp"),
    (
        "told Reuters in the body",
        FILLER + "A commander told Reuters the camp was full. " + FILLER,
        "reuters",
    ),
    (
        "an AP reporter in the body",
        FILLER + "Later, an AP reporter saw the convoy. " + FILLER,
        "ap",
    ),
    pytest.param(
        "An AP reporter at a sentence start",
        FILLER + "An AP reporter saw the convoy. " + FILLER,
        "ap",
    ),
    ("credit in the last lines", FILLER + FILLER + "— Agence France-Presse", "afp"),
    ("no credit", FILLER + "A commander said the camp was full. " + FILLER, None),
    ("empty", "", None),
    ("'AP' inside a word is no credit", FILLER + "The APC rolled in. " + FILLER, None),
]


@pytest.mark.parametrize(
    ("case", "text", "wire"),
    WIRES,
    ids=[w.values[0] if hasattr(w, "values") else w[0] for w in WIRES],
)
def test_detect_wire(case, text, wire):
    assert detect_wire(text) == wire


SHARED_1 = (
    "The United Nations said on Tuesday that it was deeply alarmed by the reports of civilian "
    "deaths in the area."
)
SHARED_2 = (
    "The secretary-general called on all parties to respect international humanitarian law "
    "and to protect civilians."
)
SHORT = "Fighting continued."  # too short to show copying


def test_two_articles_sharing_two_long_sentences_are_one_source():
    found = source_ids(
        [
            ("a", f"A lead of its own. {SHARED_1} {SHARED_2}", "cbc", None),
            ("b", f"Another lead. {SHARED_1} Some words. {SHARED_2}", "globe", None),
            (
                "c",
                f"A story about something else that is long enough to count. {SHARED_1}",
                "star",
                None,
            ),
        ]
    )
    assert found == {"a": "cbc", "b": "cbc", "c": "star"}


def test_sharing_one_long_sentence_is_not_enough():
    found = source_ids(
        [("a", f"Lead. {SHARED_1}", "cbc", None), ("b", f"Other lead. {SHARED_1}", "globe", None)]
    )
    assert found == {"a": "cbc", "b": "globe"}


def test_short_sentences_do_not_count():
    text = f"{SHORT} {SHORT} Calm returned. Calm returned."
    found = source_ids([("a", text, "cbc", None), ("b", text + " Nothing else.", "globe", None)])
    assert found == {"a": "cbc", "b": "globe"}


def test_reprints_of_one_wire_are_one_source():
    found = source_ids(
        [
            ("a", "BEIRUT (AP) — Fighting continued.", "cbc", None),
            ("b", "Fighting went on. With files from Associated Press", "globe", None),
            ("c", "A story.", "star", "ap"),
        ]
    )
    assert found == {"a": "ap", "b": "ap", "c": "ap"}


def test_different_wires_stay_apart():
    found = source_ids(
        [
            ("a", "BEIRUT (AP) — Fighting continued.", "cbc", None),
            ("b", "BEIRUT (AFP) - Fighting continued.", "lemonde", None),
            ("c", "BEIRUT (Reuters) - Fighting continued.", "globe", None),
            ("d", "A story.", "star", "afp"),
        ]
    )
    assert found == {"a": "ap", "b": "afp", "c": "reuters", "d": "afp"}


def test_different_wires_quoting_the_same_statement_stay_apart():
    found = source_ids(
        [
            ("a", f"AP's own lead. {SHARED_1} {SHARED_2}", "cbc", "ap"),
            ("b", f"AFP's own lead. {SHARED_1} {SHARED_2}", "lemonde", "afp"),
        ]
    )
    assert found == {"a": "ap", "b": "afp"}


def test_an_outlet_without_a_wire_is_its_own_source():
    found = source_ids(
        [
            ("a", "Our reporter saw the convoy.", "cbc", None),
            ("b", "Our reporter saw the convoy leave.", "globe", None),
        ]
    )
    assert found == {"a": "cbc", "b": "globe"}


def test_an_article_without_outlet_or_wire_is_its_own_source():
    assert source_ids([("a", "Our reporter saw it.", None, None)]) == {"a": "a"}


def test_source_ids_do_not_depend_on_input_order():
    rows = [
        ("b", f"Another lead. {SHARED_1} {SHARED_2}", "globe", None),
        ("a", f"A lead of its own. {SHARED_1} {SHARED_2}", "cbc", None),
    ]
    assert source_ids(rows) == source_ids(rows[::-1]) == {"a": "cbc", "b": "cbc"}


@pytest.mark.parametrize(
    ("outlet", "wire", "source"),
    [("cbc", "ap", "ap"), ("cbc", None, "cbc"), ("afp", "afp", "afp")],
)
def test_source_of(outlet, wire, source):
    assert source_of(outlet, wire) == source


@pytest.mark.parametrize(
    ("pairs", "sources"),
    [
        ([("cbc", "ap"), ("ap_reprint", "ap"), ("afp", "afp")], ["afp", "ap"]),
        ([("cbc", None), ("globe", None), ("cbc", None)], ["cbc", "globe"]),
        ([("cbc", "ap"), ("cbc", None)], ["ap", "cbc"]),
        ([], []),
    ],
)
def test_independent_sources(pairs, sources):
    assert independent_sources(pairs) == sources
