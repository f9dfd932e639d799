"""Near-duplicate articles (`etl.near_duplicates`): the measure, its threshold held against
the seed articles and the development sets' passages, and the look-up against a store."""

from __future__ import annotations

import datetime as dt
import itertools
import json

from rapidfuzz.distance import LCSseq

from etl.articles import load_seed_articles
from etl.ingest import IngestOptions, ingest, near_duplicates_of, upload_name
from etl.near_duplicates import (
    MIN_LENGTH_SHARE,
    MIN_WORDS,
    THRESHOLD,
    Text,
    near_duplicates,
    resemblance,
    words,
)
from etl.settings import ROOT, Paths
from etl.uploads import Draft

SARAQIB = "Government forces shelled Saraqib on Monday, killing 2 civilians, activists said."
DAY = dt.date(2019, 3, 11)


def _text(name: str, text: str, day: dt.date | None = DAY) -> Text:
    return Text(name, tuple(words(text)), day)


def test_a_sentence_added_or_a_word_changed_is_near_a_new_story_is_not():
    same = words(SARAQIB)
    assert resemblance(same, words(SARAQIB + " A slogan was painted on a wall.")) == 1.0
    corrected = words(SARAQIB.replace("2 civilians", "3 civilians"))
    assert resemblance(same, corrected) == (len(same) - 1) / len(same) >= THRESHOLD
    other = "Rocket fire hit Khan Sheikhun on Sunday, wounding 6 people, a rescuer said."
    assert resemblance(same, words(other)) == 0.0
    # too short to tell, or one a sentence quoted from the other
    assert resemblance(words("Saraqib shelled"), words("Saraqib shelled")) == 0.0
    long = words(SARAQIB + " " + " ".join(["More words follow in a long story."] * 4))
    assert len(same) < MIN_LENGTH_SHARE * len(long) and resemblance(same, long) == 0.0
    assert len(same) >= MIN_WORDS


def test_uploads_are_named_against_earlier_ones_and_the_store_in_order():
    a = _text("clean.csv line 2", SARAQIB + " A slogan was painted on a wall.")
    b = _text("formula.csv line 2", SARAQIB)
    week_later = _text("late.txt", SARAQIB, DAY + dt.timedelta(days=8))
    same = _text("copy.txt", SARAQIB)  # word for word: the exact check's
    stored = _text("seed article x.txt", SARAQIB.replace("Monday", "Tuesday"))
    found = near_duplicates([a, b, week_later, same], [stored])
    pairs = [(n.new.name, n.other.name, n.stored) for n in found]
    assert pairs == [
        ("clean.csv line 2", "seed article x.txt", True),
        ("formula.csv line 2", "clean.csv line 2", False),
        ("formula.csv line 2", "seed article x.txt", True),
        ("copy.txt", "clean.csv line 2", False),
        ("copy.txt", "seed article x.txt", True),
    ]
    undated = _text("undated.txt", SARAQIB.replace("Monday", "Tuesday"), None)
    assert [n.other.name for n in near_duplicates([undated, week_later])] == ["undated.txt"]


def _share(a: list[str], b: list[str]) -> float:
    return LCSseq.similarity(a, b) / min(len(a), len(b))


def test_different_articles_of_the_seeds_and_the_development_sets_stay_under_it():
    """The threshold's margin, measured: the seed articles (one story, three outlets) at
    most 0.27 against each other; the development sets' passages (ACLED-style notes of one
    formula among them) at most 0.83, none at THRESHOLD."""
    paths = Paths()
    seeds, _ = load_seed_articles(paths.seeds, paths.root)
    seed_words = [words(a.text) for a in seeds]
    assert max(_share(a, b) for a, b in itertools.combinations(seed_words, 2)) < 0.3
    highest = 0.0
    for name in ("devset", "devset2", "heldout", "heldout3", "heldout30", "heldout31"):
        rows = (ROOT / "data" / name / "passages.jsonl").read_text().splitlines()
        passages = [words(json.loads(r)["text"]) for r in rows if r.strip()]
        for a, b in itertools.combinations(passages, 2):
            short, long_ = sorted((len(a), len(b)))
            if short >= MIN_WORDS and short >= MIN_LENGTH_SHARE * long_:
                highest = max(highest, _share(a, b))
    assert 0.6 < highest < THRESHOLD


def test_the_store_is_asked_for_articles_near_in_date_and_length(tmp_path):
    paths = Paths(store=tmp_path / "store")
    first = Draft("wires.csv:2", SARAQIB + " A slogan was painted on a wall.", "Saraqib shelled",
                  "Idlib Wire", DAY)  # fmt: skip
    report = ingest(paths, [first], [], IngestOptions("Wires", who="Ben"))
    again = Draft("formula.csv:2", SARAQIB, "Saraqib shelled", "Idlib Wire", DAY)
    (found,) = near_duplicates_of(paths, [again])
    assert found.stored and found.new.name == "formula.csv line 2"
    assert found.other.name == f"batch “Wires” ({report.batch_id}): wires.csv line 2"
    assert found.other.title == "Saraqib shelled"
    later = Draft("formula.csv:2", SARAQIB, "Saraqib shelled", "Idlib Wire", dt.date(2019, 4, 1))
    assert near_duplicates_of(paths, [later]) == []  # three weeks apart: not compared
    assert near_duplicates_of(paths, [first]) == []  # the same text: `already_stored` says it
    assert upload_name("feed.jsonl:12") == "feed.jsonl line 12"
    assert upload_name("a:b.txt") == "a:b.txt"


def _story(k: int) -> str:
    return (
        f"Shelling hit the village number {k} on the road north of Saraqib early this morning, "
        f"killing {k % 9 + 2} civilians and wounding others, activists and a rescuer said; "
        f"the strike number {k} was the {k % 5 + 1} of the week."
    )


def test_the_index_holds_a_week_of_articles_at_most_and_finds_the_same_pairs(monkeypatch):
    """The candidate index is bounded by DAYS: walking the texts in date order, it never
    holds two dated texts more than DAYS apart (over 90 days of stories, a week's texts at
    most), and it finds the pairs every pair compared would find."""
    from etl import near_duplicates as near

    start = dt.date(2019, 1, 1)
    uploads, stored = [], []
    for k in range(90):
        day = start + dt.timedelta(days=k)
        uploads.append(_text(f"u{k}", _story(k), day))
        stored.append(_text(f"s{k}", _story(k) + " A slogan was painted on a wall.", day))
        if k % 10 == 0:  # the same story re-uploaded, a word changed, 3 and 8 days later
            late = _story(k).replace("early", "late")
            uploads.append(_text(f"u{k}+3", late, day + dt.timedelta(days=3)))
            uploads.append(_text(f"u{k}+8", late, day + dt.timedelta(days=8)))
    uploads.append(_text("undated", _story(40).replace("road", "highway"), None))
    spreads = []
    added = near._Index.add

    def add(index, at, triples):
        added(index, at, triples)
        pool = [*uploads, *stored]
        days = [pool[m].published for m, _ in index.members if pool[m].published]
        spreads.append((len(index.members), (max(days) - min(days)).days if days else 0))

    monkeypatch.setattr(near._Index, "add", add)
    found = near_duplicates(uploads, stored)
    assert spreads and max(spread for _, spread in spreads) <= near.DAYS
    assert max(size for size, _ in spreads) <= 2 * (near.DAYS + 1) + 3  # a week's texts, not 199
    every = [
        (new.name, other.name)
        for i, new in enumerate(uploads)
        for other in [*uploads[:i], *stored]
        if other.words != new.words
        and (
            new.published is None
            or other.published is None
            or abs((new.published - other.published).days) <= near.DAYS
        )
        and resemblance(new.words, other.words) >= THRESHOLD
    ]
    assert [(n.new.name, n.other.name) for n in found] == every
    named = {(n.new.name, n.other.name) for n in found}
    assert ("u10+3", "s10") in named and ("u10+8", "s10") not in named  # 8 days: not compared
    assert ("u10+3", "u10") in named and ("undated", "s40") in named
