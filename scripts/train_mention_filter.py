"""Train the mention filter (etl/extraction/mention_filter.py) from the annotated sets.

    PYTHONPATH=$PWD .venv/bin/python scripts/train_mention_filter.py rows      # slow, minutes
    PYTHONPATH=$PWD .venv/bin/python scripts/train_mention_filter.py weights   # seconds
    PYTHONPATH=$PWD .venv/bin/python scripts/train_mention_filter.py loso      # the table
    PYTHONPATH=$PWD .venv/bin/python scripts/train_mention_filter.py grid      # the choice
    PYTHONPATH=$PWD .venv/bin/python scripts/train_mention_filter.py utility   # drop costs

`rows` runs, for each of heldout4-25, the rules of the commit that first scored it untouched
(FIRST_LOOK, from the sets' first_score.txt: the rules had not seen the set) over the set's
passages, in a `git archive` of that commit, the learnt filter of that commit switched off,
and writes one line per non-background mention to data/rules/mention_filter_rows.jsonl: the
set, the passage, the label (1: the mention is a hit of an expected event, `match_passage`;
0: it is not) and its features (`mention_filter.features`). Rerun it when `features`
changes (it needs the git history); `rows --sets heldout13` makes one new set's rows and
keeps the others.

`weights` fits an L2 logistic regression to the rows of the TRAINED_ON sets (heldout4-11:
heldout12-25's rows, added in sessions 15-28, did not earn a refit,
docs/extraction_history.md) (plain numpy,
deterministic: full batch Adam from zeros, a fixed number of steps, no randomness) and
writes data/rules/mention_filter.csv. tests/etl/test_mention_filter.py checks that it
reproduces the committed file byte for byte.

`loso` is the measure of generalisation: each FIRST_LOOK set is read by the rules of the
checked-out tree (the filter off; cached under CACHE by a digest of what the rules read,
`_rules_key`; the old commits' mentions too, by commit), the filter is fitted to
the OTHER sets' rows and applied, and the set is scored as `etl evaluate --devset2` scores
it (news precision, events found, notes found, items gained and lost on every measure),
beside the committed weights; then the sets of the default `etl evaluate` with the filter
fitted to every set. `grid` does the same over features (the further families of
`mention_filter.FAMILIES` too), L2 and thresholds, on today's rules (A) and on each set's
first-look mentions (B, the unseen case), and prints the choice by the rule of session 27;
`utility` fits the filter to what dropping each first-look mention does to the score instead
of to whether it is real, judged alike (docs/extraction_history.md, sessions 14 and 27).
"""

from __future__ import annotations

import argparse
import csv
import dataclasses
import datetime as dt
import hashlib
import io
import json
import pickle
import subprocess
import sys
import tempfile
from collections import Counter
from functools import cache
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from etl.extraction.evaluate import load_devset, match_passage  # noqa: E402
from etl.extraction.mention_filter import (  # noqa: E402
    EXTRA,
    FAMILIES,
    THRESHOLD,
    features,
    probability,
)
from etl.extraction.mentions import DateWindow, Figure, Mention  # noqa: E402

FIRST_LOOK = {
    "heldout4": "ea0dbac",
    "heldout5": "c39b32b",
    "heldout6": "bf5720b",
    "heldout7": "7d3b254",
    "heldout8": "11b6844",
    "heldout9": "e2016c6",
    "heldout10": "f193d20",
    "heldout11": "09bcaa3",
    "heldout12": "2007719",
    "heldout13": "ddf899b",
    "heldout14": "a9dde89",
    "heldout15": "da62588",
    "heldout16": "3cb2956",
    "heldout17": "75ab668",
    "heldout18": "cedf9f0",
    "heldout19": "cd9baa9",
    "heldout20": "b75834b",
    "heldout21": "f0a6f4d",
    "heldout22": "3115ec3",
    "heldout23": "a21d451",
    "heldout24": "6d89ece",
    "heldout25": "79ff20d",
}
#: the sets whose rows the shipped weights are fitted to: heldout12-25's rows are in ROWS and
#: in `loso` and `grid`, but refitted with them the filter gained nothing leave-one-set-out
#: over these weights (sessions 15-19, 23, 24 and 27, docs/extraction_history.md), so the
#: weights stay as they were
NOT_FITTED = tuple(f"heldout{n}" for n in range(12, 26))
TRAINED_ON = tuple(name for name in FIRST_LOOK if name not in NOT_FITTED)
ROWS = ROOT / "data" / "rules" / "mention_filter_rows.jsonl"
WEIGHTS = ROOT / "data" / "rules" / "mention_filter.csv"
L2, STEPS, MIN_COUNT = 0.3, 400, 2
#: feature prefixes left out of the fit (chosen by `grid`)
DROP = ("nsame=", "other=")

# run inside the old checkout: its extractor over the passages, mentions as JSON lines
_CHILD = """
import dataclasses, datetime as dt, json, sys
from etl.cli import _extractor
from etl.extraction import extract as X
from etl.extraction.extract import ArticleInput
X.keep_likely = lambda ms: ms  # the rules alone: commits since the filter shipped apply it
from etl.settings import Paths
extractor, _ = _extractor(Paths.from_env())
for line in open(sys.argv[1], encoding="utf-8"):
    if line.strip():
        p = json.loads(line)
        a = ArticleInput(
            p["id"], p["text"], dt.date.fromisoformat(p["published"]), title=p.get("title")
        )
        ms, _ = extractor.extract(a)
        print(json.dumps([dataclasses.asdict(m) for m in ms], default=str))
"""


def _mention(d: dict) -> Mention:
    known = {f.name for f in dataclasses.fields(Mention)}
    d = {k: v for k, v in d.items() if k in known}
    date = dict(d["date"])
    date["start"] = dt.date.fromisoformat(date["start"])
    date["end"] = dt.date.fromisoformat(date["end"])
    d["date"] = DateWindow(**date)
    d["figures"] = tuple(Figure(**f) for f in d["figures"])
    return Mention(**d)


def old_mentions(commit: str, passages_file: Path) -> list[list[Mention]]:
    """Every passage's mentions by the rules of `commit` (a git archive of it, run apart);
    pickled under CACHE by commit and the passages' digest (the features can then be made
    again without running the old commit)."""
    digest = hashlib.sha256(passages_file.read_bytes()).hexdigest()[:16]
    path = CACHE / f"first-{commit}-{digest}.pkl"
    if path.exists():
        with path.open("rb") as handle:
            return pickle.load(handle)
    out = _run_old(commit, passages_file)
    CACHE.mkdir(exist_ok=True)
    with path.open("wb") as handle:
        pickle.dump(out, handle)
    return out


def _run_old(commit: str, passages_file: Path) -> list[list[Mention]]:
    with tempfile.TemporaryDirectory(prefix="mention-filter-") as folder:
        archive = subprocess.run(
            ["git", "-C", str(ROOT), "archive", commit], check=True, capture_output=True
        ).stdout
        subprocess.run(["tar", "-x", "-C", folder], input=archive, check=True)
        out = subprocess.run(
            [sys.executable, "-c", _CHILD, str(passages_file)],
            cwd=folder,
            env={"PYTHONPATH": folder, "PATH": "/usr/bin:/bin", "HOME": str(Path.home())},
            check=True,
            capture_output=True,
            text=True,
        ).stdout
    return [[_mention(d) for d in json.loads(line)] for line in out.splitlines()]


def passage_rows(
    name: str, passage: dict, mentions: list[Mention], extra: tuple[str, ...] = EXTRA
) -> list[dict]:
    hits = match_passage(passage, mentions).matched
    live = [m for m in mentions if not m.background]
    rows = []
    for m in live:
        same = [o for o in live if o.char_start == m.char_start]
        feats = sorted(set(features(m, same, extra=extra)))
        rows.append(
            {"set": name, "passage": passage["id"], "label": int(id(m) in hits), "features": feats}
        )
    return rows


def write_rows(only: set[str] | None = None) -> None:
    """Rows of every FIRST_LOOK set; with `only`, those sets' rows are made again and the
    other sets' rows kept as they are in ROWS."""
    lines = []
    kept = [] if only is None else read_rows()
    for name, commit in FIRST_LOOK.items():
        if only is not None and name not in only:
            lines += [json.dumps(r, ensure_ascii=True) for r in kept if r["set"] == name]
            continue
        path = ROOT / "data" / name / "passages.jsonl"
        passages = load_devset(path)
        per_passage = old_mentions(commit, path)
        assert len(per_passage) == len(passages), f"{name}: {len(per_passage)} passages read"
        for passage, mentions in zip(passages, per_passage):
            lines += [
                json.dumps(r, ensure_ascii=True) for r in passage_rows(name, passage, mentions)
            ]
        print(f"{name} (rules of {commit}): {len(per_passage)} passages", file=sys.stderr)
    ROWS.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{ROWS}: {len(lines)} mentions", file=sys.stderr)


def fit(
    rows: list[dict],
    l2: float = L2,
    min_count: int = MIN_COUNT,
    drop: tuple[str, ...] = DROP,
    extra: tuple[str, ...] = EXTRA,
    sample: np.ndarray | None = None,
) -> dict[str, float]:
    """L2 logistic regression by full-batch Adam from zeros (deterministic); features that
    start with one of `drop`, or of a family of FAMILIES not in `extra`, are left out; each
    row's loss weighted by `sample` when given."""
    drop = drop + tuple(f for f in FAMILIES if f not in extra)
    counts = Counter(x for r in rows for x in r["features"])
    names = sorted(x for x, n in counts.items() if n >= min_count and not x.startswith(drop))
    column = {x: i for i, x in enumerate(names)}
    cols = [[column[x] for x in r["features"] if x in column] for r in rows]
    lens = np.array([len(c) for c in cols])
    indices = np.array([j for c in cols for j in c], dtype=np.int64)
    starts = np.concatenate(([0], np.cumsum(lens)[:-1])).astype(np.int64)
    y = np.array([float(r["label"]) for r in rows])
    w, m, v = (np.zeros(len(names)) for _ in range(3))
    for t in range(1, STEPS + 1):
        p = 1 / (1 + np.exp(-np.add.reduceat(w[indices], starts)))
        r = p - y if sample is None else (p - y) * sample
        g = np.bincount(indices, weights=np.repeat(r, lens), minlength=len(names)) + l2 * w
        m = 0.9 * m + 0.1 * g
        v = 0.999 * v + 0.001 * g * g
        w -= 0.05 * (m / (1 - 0.9**t)) / (np.sqrt(v / (1 - 0.999**t)) + 1e-8)
    return dict(zip(names, w.tolist()))


def weights_text(rows: list[dict]) -> str:
    """The weights file, fitted to the rows of the TRAINED_ON sets."""
    rows = [r for r in rows if r["set"] in TRAINED_ON]
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    lines = [
        "# Mention filter weights (etl/extraction/mention_filter.py): made by",
        "# scripts/train_mention_filter.py from data/rules/mention_filter_rows.jsonl; do not edit.",
        f"# {len(rows)} mentions, {sum(r['label'] for r in rows)} real; L2 {L2}, {STEPS} steps,"
        f" features seen {MIN_COUNT}+ times, none starting {' or '.join(DROP)}",
        "feature,weight",
    ]
    for name, value in sorted(fit(rows).items()):
        text = f"{value:.6f}"
        if float(text) != 0.0:
            writer.writerow([name, text])
    return "\n".join(lines) + "\n" + out.getvalue()


def all_rows() -> list[dict]:
    """The rows of every FIRST_LOOK set with every feature family (FAMILIES), from the old
    commits' mentions (cached by `old_mentions`): what `grid` chooses the families from."""
    out = []
    for name, commit in FIRST_LOOK.items():
        path = ROOT / "data" / name / "passages.jsonl"
        passages = load_devset(path)
        for passage, mentions in zip(passages, old_mentions(commit, path), strict=True):
            out += passage_rows(name, passage, mentions, FAMILIES)
    return out


def read_rows() -> list[dict]:
    with ROWS.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


# ---------------------------------------------------------------- leave one set out

#: today's rules' mentions of each set, the filter off (outside the repository)
CACHE = Path(tempfile.gettempdir()) / "mention_filter_loso"
GUARDS = ("seeds", "devset", "heldout", "devset2")  # the default `etl evaluate` sets
THRESHOLDS = (0.005, 0.01, 0.02, 0.05, 0.1, 0.15, 0.2, 0.3)
PRECISION = "news: extracted events real and rightly typed"
SHOWN = (PRECISION, "news: events found (all)", "incident notes: events found")


def _head() -> str:
    return subprocess.run(
        ["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()


def _rules_key() -> str:
    """A digest of what the rules read (the code and the data files, the filter's own files
    left out, uncommitted changes included): the cache of today's mentions outlives commits
    that change none of it (a refit of the filter, its rows, a document)."""
    read = ["etl", "data/rules", "data/lexicon", "data/curated", "data/geo", "seeds"]
    read.append(":(exclude)data/rules/mention_filter*")
    git = ["git", "-C", str(ROOT)]
    tree = subprocess.run(
        [*git, "ls-tree", "-r", "HEAD", "--", *read[:-1]],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    tree = "".join(line for line in tree.splitlines(True) if "mention_filter" not in line)
    dirty = subprocess.run(
        [*git, "diff", "HEAD", "--", *read], check=True, capture_output=True, text=True
    ).stdout
    return hashlib.sha256((tree + dirty).encode()).hexdigest()[:12]


def current_mentions(name: str) -> list[tuple[dict, list[Mention]]]:
    """Each passage (for "seeds": each seed article) with its mentions by the rules of the
    checked-out tree, the learnt filter switched off; pickled under CACHE by `_rules_key`."""
    path = CACHE / f"{_rules_key()}-{name}.pkl"
    if path.exists():
        with path.open("rb") as handle:
            return pickle.load(handle)
    from etl.cli import _extractor
    from etl.extraction import extract as X
    from etl.settings import Paths

    paths = Paths.from_env()
    extractor, _ = _extractor(paths)
    keep, X.keep_likely = X.keep_likely, lambda ms: ms
    try:
        if name == "seeds":
            from etl.articles import load_seed_articles

            items = [
                {"id": a.article_id, "text": a.text, "published": a.published}
                for a in load_seed_articles(paths.seeds, paths.root)[0]
            ]
        else:
            items = load_devset(ROOT / "data" / name / "passages.jsonl")
        out = []
        for p in items:
            article = X.ArticleInput(
                p["id"], p["text"], dt.date.fromisoformat(p["published"]), title=p.get("title")
            )
            out.append((p, extractor.extract(article)[0]))
    finally:
        X.keep_likely = keep
    CACHE.mkdir(exist_ok=True)
    with path.open("wb") as handle:
        pickle.dump(out, handle)
    return out


@cache
def _seed_tables():
    from etl.build import build_tables
    from etl.settings import Paths

    return build_tables(Paths.from_env(), extract=False)


def score_counts(name: str, rows: list[tuple[dict, list[Mention]]]) -> dict[str, tuple[int, int]]:
    """(ok, total) of every measure `etl evaluate` prints for the set."""
    from etl.extraction.evaluate import (
        Devset2Scores,
        Scores,
        _add_devset_passage,
        add_devset2_passage,
        score_seeds,
    )

    if name == "seeds":
        scores = score_seeds(_seed_tables(), [m for _, ms in rows for m in ms])
    elif name in ("devset", "heldout"):
        scores = Scores(name)
        for passage, mentions in rows:
            _add_devset_passage(scores, match_passage(passage, mentions))
    else:
        scores = Devset2Scores(name)
        for passage, mentions in rows:
            add_devset2_passage(scores, match_passage(passage, mentions))
    out = {}
    for row in scores.table():
        ok, total = map(int, row[2].split("/"))
        if total:
            out[row[0]] = (ok, total)
    return out


def change(before: dict, after: dict) -> dict[str, int]:
    """Items each measure gained (+) or lost (-): right ones up, minus wrong ones up (for a
    measure whose total is unchanged, right ones up: one item is not counted twice)."""
    out = {}
    for label, (ok0, n0) in before.items():
        ok1, n1 = after.get(label, (0, 0))
        out[label] = ok1 - ok0 if n1 == n0 else (ok1 - ok0) - ((n1 - ok1) - (n0 - ok0))
    return out


class Fold:
    """One set as today's rules read it: its features once, its scores by what is dropped."""

    def __init__(self, name: str, rows: list[tuple[dict, list[Mention]]] | None = None) -> None:
        self.name = name
        self.rows = current_mentions(name) if rows is None else rows
        self.feats = []  # (passage index, mention index, features)
        for r, (_, mentions) in enumerate(self.rows):
            live = [m for m in mentions if not m.background]
            for k, m in enumerate(mentions):
                if not m.background:
                    same = [o for o in live if o.char_start == m.char_start]
                    self.feats.append((r, k, features(m, same, extra=FAMILIES)))
        self._scores: dict[frozenset, dict] = {}
        self.base = self.scores(frozenset())

    def scores(self, drop: frozenset) -> dict[str, tuple[int, int]]:
        if drop not in self._scores:
            rows = [
                (p, [m for k, m in enumerate(ms) if (r, k) not in drop])
                for r, (p, ms) in enumerate(self.rows)
            ]
            self._scores[drop] = score_counts(self.name, rows)
        return self._scores[drop]

    def dropped(self, w: dict[str, float], t: float) -> frozenset:
        return frozenset((r, k) for r, k, f in self.feats if probability(f, w) < t)


#: short names of the measures in the tables; the "(toll given)" measures are parts of the
#: toll ones and the "region holds" lines hold the place ones: neither is counted again
SHORT = {
    "news: events found (central to the article)": "central",
    "news: events found (all)": "all",
    "news: type right": "type",
    "news: date window overlaps": "date",
    "news: place within 10 km": "place",
    "news: death toll right": "toll",
    "news: key figure found with its bounds": "key",
    "incident notes: events found": "n.found",
    "incident notes: place within 10 km": "n.place",
    "incident notes: date right": "n.date",
    "incident notes: fatalities right": "n.fatal",
}
#: the precision measures of the default `etl evaluate` sets (seeds, devset, heldout)
GUARD_PRECISION = ("event precision", "mention precision")
CENTRAL = "news: events found (central to the article)"


def split_change(d: dict[str, int]) -> tuple[int, dict[str, int]]:
    """(precision items, every other counted measure's items) of a `change`."""
    precision = d.get(PRECISION, 0) + sum(d.get(k, 0) for k in GUARD_PRECISION)
    other = {
        k: v
        for k, v in d.items()
        if k != PRECISION
        and k not in GUARD_PRECISION
        and "(toll given)" not in k
        and "region holds" not in k  # the place line's companion, not counted again
        and v
    }
    return precision, other


def _line(name: str, base: dict, after: dict, n: int) -> str:
    prec, other = split_change(change(base, after))
    key = PRECISION if PRECISION in base else "mention precision"
    shown = f"{base[key][0]}/{base[key][1]} -> {after[key][0]}/{after[key][1]}"
    lost = ", ".join(f"{SHORT.get(k, k)} {v}" for k, v in sorted(other.items()) if v < 0)
    won = ", ".join(f"{SHORT.get(k, k)} +{v}" for k, v in sorted(other.items()) if v > 0)
    return f"| {name} | {n} | {shown} | {prec:+d} | {lost or '-'} | {won or '-'} |"


def loso(
    l2: float,
    min_count: int,
    drop: tuple[str, ...],
    t: float,
    extra: tuple[str, ...] = EXTRA,
    first: bool = False,
) -> None:
    """The table: each of FIRST_LOOK's sets scored with today's rules (with `first`: as the
    rules of its first look read it, the unseen case), the filter trained on the other sets'
    first-look rows (`all_rows`: labelled by the sets as they are today) with the further
    families `extra`; the shipped weights beside it; the guard sets (the default `etl
    evaluate` ones) with the filter trained on every set."""
    from etl.extraction.mention_filter import weights

    rows = all_rows()
    shipped = weights()
    print(
        f"rules {'of each first look' if first else _rules_key()} (HEAD {_head()}); L2 {l2},"
        f" min count {min_count}, drop {drop or '-'}, families {extra or '-'}, t {t}"
    )
    print(
        "| set | dropped | news precision | precision items | other items lost |"
        " other items gained |"
    )
    print("|---|---|---|---|---|---|")
    sums = {"LOSO": [0, Counter()], "shipped": [0, Counter()]}
    for name in FIRST_LOOK:
        fold = first_fold(name) if first else Fold(name)
        w = fit([r for r in rows if r["set"] != name], l2, min_count, drop, extra)
        seen = " (trained on)" if name in TRAINED_ON else ""
        for label, weights_, at in (("LOSO", w, t), (f"shipped{seen}", shipped, THRESHOLD)):
            gone = fold.dropped(weights_, at)
            after = fold.scores(gone)
            print(_line(f"{name} {label}", fold.base, after, len(gone)))
            if label in sums:
                prec, other = split_change(change(fold.base, after))
                sums[label][0] += prec
                sums[label][1].update(other)
    for label, (prec, other) in sums.items():
        lost = -sum(v for v in other.values() if v < 0)
        won = sum(v for v in other.values() if v > 0)
        where = "every set" if label == "LOSO" else "the sets not trained on"
        print(
            f"{label} summed over {where}: precision {prec:+d}, other +{won} / -{lost}:"
            f" {dict(other)}"
        )
    w = fit(rows, l2, min_count, drop, extra)
    for name in GUARDS:
        fold = Fold(name)
        for label, weights_, at in (("all sets", w, t), ("shipped", shipped, THRESHOLD)):
            gone = fold.dropped(weights_, at)
            print(_line(f"{name} {label}", fold.base, fold.scores(gone), len(gone)))


def first_fold(name: str) -> Fold:
    """The set as the rules of its first look read it (the unseen case), filter off."""
    path = ROOT / "data" / name / "passages.jsonl"
    passages = load_devset(path)
    return Fold(name, list(zip(passages, old_mentions(FIRST_LOOK[name], path), strict=True)))


#: the feature variants `grid` tries: (label, families added, prefixes left out)
VARIANTS = (
    ("base", (), DROP),
    *((f"+{f}", (f,), DROP) for f in FAMILIES if f != "w="),
    ("+near", ("negnear", "modnear", "inquote"), DROP),
    ("+all but w", tuple(f for f in FAMILIES if f != "w="), DROP),
    ("+all", FAMILIES, DROP),
    ("+all but w, +nsame/other", tuple(f for f in FAMILIES if f != "w="), ()),
)
GRID_L2 = (0.3, 1.0, 3.0, 10.0)
GRID_T = (0.005, 0.01, 0.02, 0.05, 0.1, 0.15, 0.2)


def _judge(d: dict[str, int]) -> tuple[int, int, int, dict[str, int]]:
    """(precision items, other items lost, central items lost, other measures) of a change."""
    prec, other = split_change(d)
    lost = -sum(v for v in other.values() if v < 0)
    return prec, lost, max(0, -d.get(CENTRAL, 0)), other


FOUND_MEASURES = (
    "event recall",
    CENTRAL,
    "news: events found (all)",
    "incident notes: events found",
)


def judge_setting(folds_a, folds_b, guards, ws, w_all, gone) -> dict:
    """One setting judged: each fold's (precision items, other items lost, central items lost)
    on A (today's rules) and B (its first look) with its own weights `ws[name]`, the guard
    sets' events found and other items lost with `w_all`; `gone(fold, w)` is what the filter
    drops. S = precision items minus other items lost, A and B summed; `ok` by the rule of
    session 27: at most 1 news central item lost in any fold (A and B each), no event found
    and at most 2 other items lost in the guard sets together."""
    per = {}
    for n, w in ws.items():
        a = _judge(change(folds_a[n].base, folds_a[n].scores(gone(folds_a[n], w))))
        b = _judge(change(folds_b[n].base, folds_b[n].scores(gone(folds_b[n], w))))
        per[n] = (a[:3], b[:3])
    guard_found, guard_lost = 0, 0
    for fold in guards:
        _, other = split_change(change(fold.base, fold.scores(gone(fold, w_all))))
        guard_found -= sum(min(0, other.get(k, 0)) for k in FOUND_MEASURES)
        guard_lost -= sum(min(0, v) for k, v in other.items() if k not in FOUND_MEASURES)
    s_a = sum(a[0] - a[1] for a, _ in per.values())
    s_b = sum(b[0] - b[1] for _, b in per.values())
    worst = max(max(a[2], b[2]) for a, b in per.values())
    return {
        "S": s_a + s_b,
        "S_A": s_a,
        "S_B": s_b,
        "worst_central": worst,
        "guard_found": guard_found,
        "guard_lost": guard_lost,
        "ok": worst <= 1 and guard_found == 0 and guard_lost <= 2,
        "per": per,
    }


def _print_setting(label: str, l2: float, t: float, r: dict) -> None:
    per = r["per"].values()
    print(
        f"| {label} | {l2} | {t} | {r['S']:+d} | A {r['S_A']:+d}"
        f" (prec {sum(a[0] for a, _ in per):+d}, lost {sum(a[1] for a, _ in per)},"
        f" central {sum(a[2] for a, _ in per)})"
        f" | B {r['S_B']:+d} (prec {sum(b[0] for _, b in per):+d},"
        f" lost {sum(b[1] for _, b in per)}, central {sum(b[2] for _, b in per)})"
        f" | {r['worst_central']} | {r['guard_found']} / {r['guard_lost']} |"
        f" {'ok' if r['ok'] else '-'} |",
        flush=True,
    )


def grid(out_json: Path | None = None) -> None:
    """Every (features, L2, threshold) of VARIANTS x GRID_L2 x GRID_T, judged leave one set
    out over FIRST_LOOK (fitted to the other sets' first-look rows) by `judge_setting`. The
    choice by the rule stated in docs/extraction_history.md (session 27, hF15): of the
    settings `ok`, the largest S; ties to the lower threshold, the larger L2, the fewer
    families."""
    rows = all_rows()
    names = list(FIRST_LOOK)
    folds_a = {n: Fold(n) for n in names}
    folds_b = {n: first_fold(n) for n in names}
    guards = [Fold(n) for n in GUARDS]
    results = []
    for label, extra, drop in VARIANTS:
        for l2 in GRID_L2:
            ws = {
                n: fit([r for r in rows if r["set"] != n], l2, MIN_COUNT, drop, extra)
                for n in names
            }
            w_all = fit(rows, l2, MIN_COUNT, drop, extra)
            for t in GRID_T:
                r = judge_setting(
                    folds_a, folds_b, guards, ws, w_all, lambda f, w, t=t: f.dropped(w, t)
                )
                results.append({"variant": label, "l2": l2, "t": t, **r})
                _print_setting(label, l2, t, r)
    if out_json:
        out_json.write_text(json.dumps(results), encoding="utf-8")
    order = {label: i for i, (label, _, _) in enumerate(VARIANTS)}
    allowed = [r for r in results if r["ok"]]
    allowed.sort(key=lambda r: (-r["S"], r["t"], -r["l2"], order[r["variant"]]))
    print("chosen:", {k: v for k, v in allowed[0].items() if k != "per"} if allowed else None)


# ---------------------------------------------------------------- the cost of a drop


def utility_rows() -> list[dict]:
    """Each first-look mention (the rows of `all_rows`, in their order) with `u`: what dropping
    it alone from its passage does to the set's `etl evaluate --devset2` items (precision
    items gained minus other items lost), read from the old commits' mentions; pickled under
    CACHE by the sets' commits."""
    key = hashlib.sha256(json.dumps(FIRST_LOOK, sort_keys=True).encode()).hexdigest()[:12]
    path = CACHE / f"utility-{_rules_key()}-{key}.pkl"
    if path.exists():
        with path.open("rb") as handle:
            return pickle.load(handle)
    out = []
    for name, commit in FIRST_LOOK.items():
        file = ROOT / "data" / name / "passages.jsonl"
        for passage, ms in zip(load_devset(file), old_mentions(commit, file), strict=True):
            rows = passage_rows(name, passage, ms, FAMILIES)
            base = score_counts(name, [(passage, ms)])
            live = [k for k, m in enumerate(ms) if not m.background]
            for row, k in zip(rows, live, strict=True):
                kept = [m for j, m in enumerate(ms) if j != k]
                prec, lost, _, _ = _judge(change(base, score_counts(name, [(passage, kept)])))
                out.append({**row, "u": prec - lost})
    CACHE.mkdir(exist_ok=True)
    with path.open("wb") as handle:
        pickle.dump(out, handle)
    return out


def fit_utility(
    rows: list[dict], l2: float, drop: tuple[str, ...], extra: tuple[str, ...]
) -> dict[str, float]:
    """P(dropping the mention gains): the logistic regression of `fit` over the rows whose
    drop changes the score, label u > 0, each row weighted by |u| (scaled to mean 1)."""
    moved = [r for r in rows if r["u"] != 0]
    labelled = [{"features": r["features"], "label": int(r["u"] > 0)} for r in moved]
    weight = np.array([abs(r["u"]) for r in moved], dtype=float)
    return fit(labelled, l2, MIN_COUNT, drop, extra, weight / weight.mean())


UTILITY_VARIANTS = (("base", (), DROP), VARIANTS[-3])
UTILITY_L2 = (1.0, 3.0, 10.0)
UTILITY_P = (0.5, 0.7, 0.8, 0.9)


def utility() -> None:
    """The filter fitted to what a drop costs (`utility_rows`, `fit_utility`): a mention is
    dropped when P(dropping gains) >= p; each setting judged as `grid` judges (not shipped:
    docs/extraction_history.md, session 27, hF15)."""
    rows = utility_rows()
    u = np.array([r["u"] for r in rows])
    print(
        f"{len(rows)} first-look mentions: a drop gains on {int((u > 0).sum())} (items"
        f" {int(u[u > 0].sum())}), costs on {int((u < 0).sum())} (items {int(-u[u < 0].sum())}),"
        f" changes nothing on {int((u == 0).sum())}"
    )
    names = list(FIRST_LOOK)
    folds_a = {n: Fold(n) for n in names}
    folds_b = {n: first_fold(n) for n in names}
    guards = [Fold(n) for n in GUARDS]

    def gone(fold: Fold, w: dict[str, float], p: float) -> frozenset:
        return frozenset((r, k) for r, k, f in fold.feats if probability(f, w) >= p)

    for label, extra, drop in UTILITY_VARIANTS:
        for l2 in UTILITY_L2:
            ws = {
                n: fit_utility([r for r in rows if r["set"] != n], l2, drop, extra) for n in names
            }
            w_all = fit_utility(rows, l2, drop, extra)
            for p in UTILITY_P:
                r = judge_setting(
                    folds_a, folds_b, guards, ws, w_all, lambda f, w, p=p: gone(f, w, p)
                )
                _print_setting(f"drop cost, {label}", l2, p, r)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("step", choices=("rows", "weights", "loso", "grid", "utility"))
    parser.add_argument("--l2", type=float, default=L2, help="loso: the L2 weight")
    parser.add_argument("--min-count", type=int, default=MIN_COUNT, help="loso: feature floor")
    parser.add_argument(
        "--drop", default=",".join(DROP), help="loso: feature prefixes left out (a,b)"
    )
    parser.add_argument("--threshold", type=float, default=THRESHOLD, help="loso: the threshold")
    parser.add_argument(
        "--families", default=",".join(EXTRA), help="loso: further feature families (a,b)"
    )
    parser.add_argument(
        "--first", action="store_true", help="loso: the sets as their first looks read them"
    )
    parser.add_argument("--json", help="grid: write every setting's figures to this file")
    parser.add_argument("--sets", help="rows: only these sets (comma-separated), others kept")
    args = parser.parse_args()
    if args.step == "rows":
        write_rows(set(args.sets.split(",")) if args.sets else None)
    elif args.step == "loso":
        drop = tuple(x for x in args.drop.split(",") if x)
        extra = tuple(x for x in args.families.split(",") if x)
        loso(args.l2, args.min_count, drop, args.threshold, extra, args.first)
    elif args.step == "grid":
        grid(Path(args.json) if args.json else None)
    elif args.step == "utility":
        utility()
    else:
        WEIGHTS.write_text(weights_text(read_rows()), encoding="utf-8")
        print(f"{WEIGHTS} written", file=sys.stderr)


if __name__ == "__main__":
    main()
