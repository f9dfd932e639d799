"""The quality floors the project promises, from the real evaluation (`python -m etl evaluate`)."""

from __future__ import annotations

import datetime as dt
import math

import pytest

from etl.articles import load_seed_articles
from etl.build import build_tables
from etl.cli import _extractor
from etl.evaluate import Scores, load_devset, score_devset, score_seeds
from etl.extract import ArticleInput
from etl.settings import ROOT, Paths

DEVSET = ROOT / "data" / "devset" / "passages.jsonl"


@pytest.fixture(scope="module")
def extractor():
    built, _ = _extractor(Paths())
    yield built
    built.resolver.geonames.close()


@pytest.fixture(scope="module")
def seeds(extractor) -> Scores:
    paths = Paths()
    tables = build_tables(paths, extract=False)  # the truth: curated rows only, as the CLI does
    articles, problems = load_seed_articles(paths.seeds, paths.root)
    assert problems == []
    mentions = []
    for a in articles:
        found, _ = extractor.extract(
            ArticleInput(a.article_id, a.text, dt.date.fromisoformat(a.published))
        )
        mentions.extend(found)
    return score_seeds(tables, mentions)


@pytest.fixture(scope="module")
def devset(extractor) -> Scores:
    return score_devset(load_devset(DEVSET), extractor)


def _ratios(scores: Scores) -> dict[str, float]:
    return {label: value for label, value, _ in scores.table()}


# (which evaluation, measure, floor)
FLOORS = [
    ("seeds", "event recall", 0.90),
    ("seeds", "event precision", 0.85),
    ("devset", "event recall", 0.85),
    ("devset", "event precision", 0.85),
]


@pytest.mark.parametrize(("which", "measure", "floor"), FLOORS)
def test_quality_floor(request, which, measure, floor):
    scores = request.getfixturevalue(which)
    value = _ratios(scores)[measure]
    assert value >= floor, "\n".join(scores.lines() + scores.notes)


@pytest.mark.parametrize("which", ["seeds", "devset"])
def test_table_arithmetic_matches_the_counts(request, which):
    s = request.getfixturevalue(which)
    table = {label: (value, counts) for label, value, counts in s.table()}
    pairs = {
        "event recall": (s.found, s.expected),
        "event precision": (s.true_clusters, s.clusters),
        "mention precision": (s.true_mentions, s.mentions),
        "type (evidence found)": (s.typed_ok, s.typed),
        "date: window overlaps": (s.date_overlap, s.pairs),
        "date: exact window": (s.date_exact, s.pairs),
        "place within 10 km": (s.place_ok, s.place_pairs),
        "figures found": (s.figures_ok, s.figures),
    }
    assert list(table) == list(pairs)
    for label, (a, b) in pairs.items():
        value, counts = table[label]
        assert b > 0, label
        assert 0 <= a <= b, label
        assert value == a / b, label
        assert counts == f"{a}/{b}", label


@pytest.mark.parametrize("which", ["seeds", "devset"])
def test_counts_hang_together(request, which):
    s = request.getfixturevalue(which)
    assert s.found + sum(n.startswith("missed:") for n in s.notes) == s.expected
    assert s.date_exact <= s.date_overlap <= s.pairs
    assert s.true_clusters <= s.clusters <= s.mentions


def test_devset_notes_list_every_extra_cluster(devset):
    extras = sum(n.startswith("extra:") for n in devset.notes)
    assert extras == devset.clusters - devset.true_clusters


def test_seeds_cover_every_curated_event(seeds):
    tables = build_tables(Paths(), extract=False)
    assert seeds.expected == len(tables["events"])


def test_lines_show_every_ratio_with_its_counts(devset):
    lines = devset.lines()
    assert lines[0] == devset.name
    recall = next(line for line in lines if "event recall" in line)
    assert f"({devset.found}/{devset.expected})" in recall
    assert f"{devset.found / devset.expected:6.3f}" in recall


def test_empty_scores_give_nan_not_an_error():
    table = Scores("empty").table()
    assert len(table) == 8
    assert all(math.isnan(value) and counts == "0/0" for _, value, counts in table)
