"""A learnt model beside the extraction rules, judged on a set nobody tuned on.

    PYTHONPATH=$PWD .venv/bin/python scripts/model_experiment.py cache     # run the rules once
    PYTHONPATH=$PWD .venv/bin/python scripts/model_experiment.py filter    # a. mention filter
    PYTHONPATH=$PWD .venv/bin/python scripts/model_experiment.py propose   # c. sentence proposer
    ... filter --old             # train on first-look output too, fold on it (heldout4-7)
    ... filter --old-only --drop "w=,idx=,last=,len=,trigpos="   # the shipped model
    ... propose --old            # fold the proposer on first-look output

`--old` needs the first-look output pickled by another checkout of each FIRST_LOOK commit
(CACHE/old_<set>.pkl: the passages, `dataclasses.asdict` of each mention, the sentence spans;
scripts/train_mention_filter.py shows how to run an old commit). Figures and curves:
docs/extraction_history.md, "A learnt mention filter, judged on heldout8".

`cache` runs the extractor of the checked-out commit once over every passage of the
annotated sets (TRAIN and TEST) and pickles the mentions (outside the repository, under
CACHE). Each experiment then trains small logistic regressions (plain numpy, deterministic:
full-batch gradient descent from zeros) on the rule mentions of the TRAIN sets, labelled by
`match_passage` against the expected events, and scores:

- leave-one-set-out over TRAIN (train on seven, score the eighth), at every threshold of a
  grid: the threshold is chosen there only, as the one with the largest gain in the fold's
  target measure summed over folds that costs no fold more than one item on any measure;
- TEST (heldout8, never tuned on by rules or by this script) once, trained on all of TRAIN,
  at every threshold of the grid (the curve) and at the pre-chosen one.

Scores are the issue-8 measures of `etl/extraction/evaluate.py` (`match_passage`,
`add_devset2_passage`) on the mentions left after the model acted. `data/heldout9/` (blind)
is never read.
"""

from __future__ import annotations

import argparse
import datetime as dt
import pickle
import re
import sys
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import replace
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from etl.extraction.evaluate import (  # noqa: E402
    Devset2Scores,
    add_devset2_passage,
    load_devset,
    match_passage,
)
from etl.extraction.mentions import Mention  # noqa: E402

TRAIN = ("devset", "heldout", "devset2", "heldout3", "heldout4", "heldout5", "heldout6", "heldout7")
TEST = ("heldout8",)  # never heldout9 (blind)
CACHE = Path("/tmp/hM_cache")


# ---------------------------------------------------------------- the rules' output, once


def cache() -> None:
    from etl.cli import _extractor
    from etl.extraction import extract as X
    from etl.extraction.extract import ArticleInput
    from etl.extraction.sentences import split_sentences
    from etl.settings import Paths

    X.keep_likely = lambda mentions: mentions  # the rules alone, without the learnt filter
    extractor, _ = _extractor(Paths.from_env())
    CACHE.mkdir(exist_ok=True)
    for name in TRAIN + TEST:
        rows = []
        for p in load_devset(ROOT / "data" / name / "passages.jsonl"):
            article = ArticleInput(
                p["id"], p["text"], dt.date.fromisoformat(p["published"]), title=p.get("title")
            )
            mentions, _ = extractor.extract(article)
            rows.append((p, mentions, split_sentences(p["text"])))
        with (CACHE / f"{name}.pkl").open("wb") as handle:
            pickle.dump(rows, handle)
        print(name, len(rows), sum(len(m) for _, m, _ in rows))


def load(name: str) -> list[tuple[dict, list[Mention], list[tuple[int, int]]]]:
    with (CACHE / f"{name}.pkl").open("rb") as handle:
        return pickle.load(handle)


# The rules that had not seen a set yet: the commit of its first look (data/heldoutN/
# first_score.txt), run over it by `cache_old`. Their output is what rules do on unseen text.
FIRST_LOOK = {
    "heldout4": "ea0dbac",
    "heldout5": "c39b32b",
    "heldout6": "bf5720b",
    "heldout7": "7d3b254",
}


def load_old(name: str) -> list[tuple[dict, list[Mention], list[tuple[int, int]]]]:
    """A set's mentions by the rules of its first look (pickled as dicts by another checkout)."""
    from etl.extraction.mentions import DateWindow, Figure

    known = set(Mention.__dataclass_fields__)
    with (CACHE / f"old_{name}.pkl").open("rb") as handle:
        rows = pickle.load(handle)
    out = []
    for passage, mentions, spans in rows:
        ms = []
        for d in mentions:
            d = {k: v for k, v in d.items() if k in known}
            d["date"] = DateWindow(**d["date"])
            d["figures"] = tuple(Figure(**f) for f in d["figures"])
            ms.append(Mention(**d))
        out.append((passage, ms, spans))
    return out


# ---------------------------------------------------------------- scoring


def score(rows: Iterable[tuple[dict, list[Mention]]]) -> Devset2Scores:
    scores = Devset2Scores("")
    for passage, mentions in rows:
        add_devset2_passage(scores, match_passage(passage, mentions))
    return scores


def counts(scores: Devset2Scores) -> dict[str, tuple[int, int]]:
    return {label: (r.ok, r.total) for label, r in scores.ratios.items() if r.total}


def fmt(c: dict[str, tuple[int, int]], labels: Iterable[str]) -> str:
    out = []
    for label in labels:
        if label in c:
            ok, total = c[label]
            out.append(f"{ok / total:.3f} ({ok}/{total})")
        else:
            out.append("-")
    return " | ".join(out)


def items_lost(before: dict, after: dict) -> int:
    """The most items any measure lost (ok count down, or, for the same total, a fall in
    ok; a ratio whose total changed is compared as ok lost + wrong gained)."""
    worst = 0
    for label, (ok0, n0) in before.items():
        ok1, n1 = after.get(label, (0, 0))
        bad0, bad1 = n0 - ok0, n1 - ok1
        worst = max(worst, ok0 - ok1, bad1 - bad0)
    return worst


# ---------------------------------------------------------------- features


_WORD = re.compile(r"[a-z]+")
CUES = {
    "modal": {
        "will",
        "would",
        "could",
        "might",
        "may",
        "plans",
        "planned",
        "threatened",
        "threatens",
        "vowed",
        "warned",
        "if",
        "expected",
        "possible",
        "likely",
    },
    "neg": {"not", "no", "denied", "denies", "never", "without", "nor", "neither"},
    "past": {"ago", "since", "last", "year", "years", "earlier", "previous", "former"},
    "stat": {"total", "toll", "overall", "percent", "average", "conflict", "war", "since"},
    "report": {"said", "says", "according", "reported", "told", "claimed", "statement"},
}


def words(text: str) -> list[str]:
    return _WORD.findall(text.lower())


def mention_features(m: Mention, same: list[Mention], index: int, n_sent: int) -> list[str]:
    """Sparse binary features of one rule mention (strings; hashed by `Vocab`)."""
    trig = words(m.trigger)
    sent = words(m.sentence)
    f = [f"type={m.event_type}", f"datesrc={m.date.source}", f"dateprec={m.date.precision}"]
    if trig:
        f += [
            f"trig0={trig[0]}",
            f"trig0type={trig[0]}|{m.event_type}",
            f"triglen={min(len(trig), 4)}",
        ]
    f += [f"w={w}" for w in set(sent)]
    f += [f"placed={m.latitude is not None}", f"note={m.place_note}", f"geop={m.geo_precision}"]
    f.append(f"figs={min(len(m.figures), 3)}")
    f += [f"figq={x.quantity}" for x in m.figures]
    f.append(f"claimant={m.claimant is not None}")
    f.append(f"actors={(m.actor1 is not None) + (m.actor2 is not None)}")
    ws = set(sent)
    for cue, vocab in CUES.items():
        if ws & vocab:
            f.append(f"cue={cue}")
            f.append(f"cue={cue}|{m.event_type}")
    if re.search(r"\b(19|20)\d\d\b", m.sentence):
        f.append("year")
    if '"' in m.sentence or "\u201c" in m.sentence:
        f.append("quote")
    others = sorted({o.event_type for o in same if o is not m})
    f += [f"other={t}" for t in others]
    f.append(f"nsame={min(len(same), 4)}")
    f.append(f"idx={min(index, 6)}")
    f.append(f"last={index == n_sent - 1}")
    rel = (m.trigger_start - m.char_start) / max(m.char_end - m.char_start, 1)
    f.append(f"trigpos={int(rel * 4)}")
    f.append(f"len={min(len(sent) // 10, 5)}")
    f.append("bias")
    return f


class Vocab:
    """Feature strings seen at least `min_count` times in training -> columns."""

    def __init__(self, rows: list[list[str]], min_count: int = 2) -> None:
        c = Counter(x for r in rows for x in set(r))
        self.index = {x: i for i, x in enumerate(sorted(k for k, v in c.items() if v >= min_count))}

    def matrix(self, rows: list[list[str]]) -> Sparse:
        cols = [sorted({j for x in r if (j := self.index.get(x)) is not None}) for r in rows]
        return Sparse(cols, len(self.index))


class Sparse:
    """A 0/1 matrix by rows of column indices (every row has the bias column)."""

    def __init__(self, cols: list[list[int]], width: int) -> None:
        self.width = width
        self.lens = np.array([len(c) for c in cols])
        self.indices = np.array([j for c in cols for j in c], dtype=np.int64)
        self.starts = np.concatenate(([0], np.cumsum(self.lens)[:-1])).astype(np.int64)

    def dot(self, w: np.ndarray) -> np.ndarray:
        return np.add.reduceat(w[self.indices], self.starts) * (self.lens > 0)

    def tdot(self, r: np.ndarray) -> np.ndarray:
        return np.bincount(self.indices, weights=np.repeat(r, self.lens), minlength=self.width)


def logistic(X: Sparse, y: np.ndarray, l2: float = 1.0, steps: int = 400) -> np.ndarray:
    """Deterministic L2 logistic regression: Adam from zeros, a fixed number of full-batch
    steps (no randomness anywhere)."""
    w = np.zeros(X.width)
    m = np.zeros(X.width)
    v = np.zeros(X.width)
    for t in range(1, steps + 1):
        p = 1 / (1 + np.exp(-X.dot(w)))
        g = X.tdot(p - y) + l2 * w
        m = 0.9 * m + 0.1 * g
        v = 0.999 * v + 0.001 * g * g
        w -= 0.05 * (m / (1 - 0.9**t)) / (np.sqrt(v / (1 - 0.999**t)) + 1e-8)
    return w


def predict(X: Sparse, w: np.ndarray) -> np.ndarray:
    return 1 / (1 + np.exp(-X.dot(w)))


# ---------------------------------------------------------------- a. the mention filter


def sentence_index(m: Mention, spans: list[tuple[int, int]]) -> int:
    for i, (s, e) in enumerate(spans):
        if s <= m.char_start < e:
            return i
    return len(spans) - 1


def mention_rows(rows) -> tuple[list[list[str]], list[float], list[tuple[int, int]]]:
    """Features and labels of every non-background rule mention (label: the mention is a hit
    of an expected event), and where each sits (row, mention index)."""
    feats, labels, where = [], [], []
    for r, (passage, mentions, spans) in enumerate(rows):
        pm = match_passage(passage, mentions)
        hit = pm.matched
        kept = [m for m in mentions if not m.background]
        for k, m in enumerate(mentions):
            if m.background:
                continue
            same = [o for o in kept if o.char_start == m.char_start]
            idx = sentence_index(m, spans)
            f = mention_features(m, same, idx, len(spans))
            feats.append([x for x in f if not x.startswith(DROP)])
            labels.append(float(id(m) in hit))
            where.append((r, k))
    return feats, labels, where


def apply_drop(rows, where, p, t) -> list[tuple[dict, list[Mention]]]:
    drop = {w for w, q in zip(where, p) if q < t}
    return [
        (passage, [m for k, m in enumerate(mentions) if (r, k) not in drop])
        for r, (passage, mentions, _) in enumerate(rows)
    ]


DROP: tuple[str, ...] = ()  # feature prefixes left out (--drop)

THRESHOLDS = (0.0, 0.005, 0.01, 0.02, 0.05, 0.1, 0.15, 0.2, 0.3, 0.4, 0.5)
LABELS_SHOWN = (
    "news: events found (central)",
    "news: events found (all)",
    "news: type right",
    "news: place within 10 km",
    "news: extracted events real and rightly typed",
    "incident notes: events found",
)


def _labels() -> tuple[str, ...]:
    from etl.extraction.evaluate import DEVSET2_MEASURES

    return tuple(label for label, _ in DEVSET2_MEASURES)


def curve(
    title: str,
    folds: list[tuple[str, list, Callable[[float], list]]],
    target: tuple[str, ...],
    thresholds: tuple[float, ...],
    guard: dict[float, int] | None = None,
) -> float | None:
    """Score each fold at each threshold; `act(t)` gives the fold's (passage, mentions) after
    the model acted at t. The chosen threshold: the largest summed gain on the target measures
    (items right up minus items wrong up) among those that cost no fold more than one item on
    any other measure. Prints every line; returns the threshold (None: nothing gains)."""
    print(f"== {title}")
    gains = {t: 0 for t in thresholds}
    worst = {t: 0 for t in thresholds}
    for name, base_rows, act in folds:
        base = counts(score(base_rows))
        print(f"  {name:9} base   | {fmt(base, LABELS_SHOWN)}")
        for t in thresholds:
            after = counts(score(act(t)))
            rest = [k for k in base if k not in target]
            lost = items_lost({k: base[k] for k in rest}, {k: after.get(k, (0, 0)) for k in rest})
            gain = 0
            for k in target:
                if k in base:
                    (ok0, n0), (ok1, n1) = base[k], after[k]
                    gain += (ok1 - ok0) - ((n1 - ok1) - (n0 - ok0))
            gains[t] += gain
            worst[t] = max(worst[t], lost)
            print(f"  {name:9} t={t:<4} | {fmt(after, LABELS_SHOWN)}  gain {gain:+d} lost {lost}")
    for t, lost in (guard or {}).items():
        worst[t] = max(worst[t], lost)
    ok = [t for t in thresholds if worst[t] <= 1 and gains[t] > 0]
    chosen = max(ok, key=lambda t: (gains[t], t)) if ok else None
    print("  summed gain:", gains)
    print("  worst items lost on another measure (folds; guard sets):", worst)
    print("  chosen (training sets only):", chosen)
    return chosen


def test_curve(title: str, base_rows: list, act, thresholds, chosen) -> None:
    base = counts(score(base_rows))
    print(f"== {title}")
    print(f"  base   | {fmt(base, _labels())}")
    for t in thresholds:
        after = counts(score(act(t)))
        mark = " <- chosen on TRAIN" if t == chosen else ""
        print(f"  t={t:<4} | {fmt(after, _labels())}{mark}")


PRECISION = "news: extracted events real and rightly typed"


def seeds_rows():
    """The seed articles (real news, curated events) as the rules now read them, cached."""
    path = CACHE / "seeds.pkl"
    if path.exists():
        with path.open("rb") as handle:
            return pickle.load(handle)
    from etl.articles import load_seed_articles
    from etl.build import build_tables
    from etl.cli import _extractor
    from etl.extraction import extract as X
    from etl.extraction.sentences import split_sentences
    from etl.settings import Paths

    paths = Paths.from_env()
    tables = build_tables(paths, extract=False)
    extractor, _ = _extractor(paths)
    keep = getattr(X, "keep_likely", None)
    X.keep_likely = lambda ms: ms  # the rules alone
    try:
        arts, _ = load_seed_articles(paths.seeds, paths.root)
        rows = []
        for a in arts:
            ms, _ = extractor.extract(
                X.ArticleInput(a.article_id, a.text, dt.date.fromisoformat(a.published))
            )
            rows.append(({"id": a.article_id, "text": a.text}, ms, split_sentences(a.text)))
    finally:
        if keep is not None:
            X.keep_likely = keep
    with path.open("wb") as handle:
        pickle.dump((tables, rows), handle)
    return tables, rows


def seeds_check(vocab, w) -> dict[float, int]:
    """The model (trained on all) on the seeds at each threshold: items lost on any measure."""
    from etl.extraction.evaluate import score_seeds

    tables, rows = seeds_rows()
    feats, _, where = [], [], []
    for r, (_passage, mentions, spans) in enumerate(rows):
        kept = [m for m in mentions if not m.background]
        for k, m in enumerate(mentions):
            if m.background:
                continue
            same = [o for o in kept if o.char_start == m.char_start]
            f = mention_features(m, same, sentence_index(m, spans), len(spans))
            feats.append([x for x in f if not x.startswith(DROP)])
            where.append((r, k))
    p = predict(vocab.matrix(feats), w)
    print("== seeds (real articles, curated events), the model trained on all")
    out, base = {}, None
    for t in THRESHOLDS:
        s = score_seeds(tables, [m for _, ms in apply_drop(rows, where, p, t) for m in ms])
        c = {label: tuple(map(int, n.split("/"))) for label, _, n in s.table()}
        base = base or c
        out[t] = items_lost(base, c)
        print(f"  t={t:<5} lost {out[t]} | " + " | ".join(f"{k} {n}" for k, _, n in s.table()))
    return out


def run_filter(l2: float, old: bool, old_only: bool = False) -> None:
    """a. Drop a rule mention when P(real) < t. With `old`, the training data adds the rules'
    output on sets they had not seen (FIRST_LOOK), and the folds are those outputs."""
    cur = {name: load(name) for name in TRAIN + TEST}
    data = {name: mention_rows(rows) for name, rows in cur.items()}
    olds = {name: load_old(name) for name in FIRST_LOOK} if old else {}
    odata = {name: mention_rows(rows) for name, rows in olds.items()}

    def fit(parts: list[tuple]) -> tuple[Vocab, np.ndarray]:
        feats = [f for d in parts for f in d[0]]
        y = np.array([v for d in parts for v in d[1]])
        vocab = Vocab(feats)
        return vocab, logistic(vocab.matrix(feats), y, l2)

    def actor(rows, d, vocab, w):
        p = predict(vocab.matrix(d[0]), w)
        return lambda t: apply_drop(rows, d[2], p, t)

    folds = []
    if old:
        for k in FIRST_LOOK:
            parts = [] if old_only else [data[n] for n in TRAIN if n != k]
            parts += [odata[n] for n in FIRST_LOOK if n != k]
            vocab, w = fit(parts)
            folds.append(
                (k + "*", [(p, m) for p, m, _ in olds[k]], actor(olds[k], odata[k], vocab, w))
            )
    else:
        for k in TRAIN:
            vocab, w = fit([data[n] for n in TRAIN if n != k])
            folds.append((k, [(p, m) for p, m, _ in cur[k]], actor(cur[k], data[k], vocab, w)))
    how = "first-look rule output of heldout4-7 (*)" if old else "leave-one-set-out, current rules"
    parts = ([] if old_only else [data[n] for n in TRAIN]) + list(odata.values())
    vocab, w = fit(parts)
    # guards: the model trained on all may cost the seeds and each training set (as the rules
    # now read them) at most one item on any measure
    guard = seeds_check(vocab, w)
    print("== training sets, current rules, the model trained on all")
    for k in TRAIN:
        base = counts(score((p, m) for p, m, _ in cur[k]))
        act = actor(cur[k], data[k], vocab, w)
        for t in THRESHOLDS:
            after = counts(score(act(t)))
            lost = items_lost(base, after)
            guard[t] = max(guard[t], lost)
            print(f"  {k:9} t={t:<5} lost {lost} | {fmt(after, LABELS_SHOWN)}")
    chosen = curve(f"mention filter, L2 {l2}: {how}", folds, (PRECISION,), THRESHOLDS, guard)
    for k in TEST:
        rows = cur[k]
        test_curve(
            f"{k}, filter trained on all",
            [(p, m) for p, m, _ in rows],
            actor(rows, data[k], vocab, w),
            THRESHOLDS,
            chosen,
        )


# ---------------------------------------------------------------- c. the sentence proposer


def sentence_features(text: str, index: int, n: int, kind: str) -> list[str]:
    ws = words(text)
    f = [f"w={w}" for w in set(ws)]
    f += [f"b={a}_{b}" for a, b in set(zip(ws, ws[1:]))]
    f += [f"kind={kind}", f"idx={min(index, 6)}", f"last={index == n - 1}", "bias"]
    f.append(f"len={min(len(ws) // 8, 6)}")
    if re.search(r"\d", text):
        f.append("digit")
    return f


def sentence_rows(rows):
    """Per sentence: features, label (overlaps an expected event's evidence), the expected
    type there (None when not an event), and (row, start, end)."""
    feats, labels, types, where = [], [], [], []
    for r, (passage, _, spans) in enumerate(rows):
        text = passage["text"]
        ev = []
        for e in passage.get("expected", []):
            at = text.find(e["evidence"])
            ev.append((at, at + len(e["evidence"]), e["event_type"]))
        kind = passage.get("kind", "news")
        for i, (s, e) in enumerate(spans):
            hit = [t for a, b, t in ev if a < e and s < b]
            feats.append(sentence_features(text[s:e], i, len(spans), kind))
            labels.append(float(bool(hit)))
            types.append(hit[0] if hit else None)
            where.append((r, s, e))
    return feats, labels, types, where


def proposal(passage: dict, mentions: list[Mention], span: tuple[int, int], kind: str) -> Mention:
    """A mention for a proposed sentence: its date and place from the nearest rule mention
    before it in the passage (else after it; else the publication day, unplaced), as the
    extractor carries a place and date to a sentence that names none."""
    s, e = span
    live = [m for m in mentions if not m.background]
    before = [m for m in live if m.char_start < s]
    after = [m for m in live if m.char_start >= e]
    src = before[-1] if before else (after[0] if after else None)
    published = dt.date.fromisoformat(passage["published"])
    text = passage["text"]
    if src is None:
        from etl.extraction.mentions import DateWindow

        return Mention(
            passage["id"],
            kind,
            "",
            s,
            s,
            text[s:e],
            s,
            e,
            DateWindow(published, published, "day", "article"),
        )
    return replace(
        src,
        event_type=kind,
        trigger="",
        trigger_start=s,
        trigger_end=s,
        sentence=text[s:e],
        char_start=s,
        char_end=e,
        figures=(),
        place_start=None,
        place_end=None,
    )


def run_propose(l2: float, old: bool) -> None:
    """c. In a sentence with no rule mention, propose an event of the model's type when
    P(event sentence) >= t. Trained on the annotations only (the sentence's words), so the
    training labels do not depend on the rules; the folds are the rules' output with and
    without proposals."""
    cur = {name: load(name) for name in TRAIN + TEST}
    data = {name: sentence_rows(rows) for name, rows in cur.items()}
    olds = {name: load_old(name) for name in FIRST_LOOK} if old else {}

    def fit(names: list[str]):
        feats = [f for n in names for f in data[n][0]]
        y = np.array([v for n in names for v in data[n][1]])
        vocab = Vocab(feats)
        X = vocab.matrix(feats)
        w = logistic(X, y, l2)
        types = sorted({t for n in names for t in data[n][2] if t})
        pos = [i for i, v in enumerate(y) if v]
        Xp = vocab.matrix([feats[i] for i in pos])
        tlab = [t for n in names for t in data[n][2] if t]
        tw = {t: logistic(Xp, np.array([float(x == t) for x in tlab]), l2) for t in types}
        return vocab, w, tw

    def actor(rows, name, model):
        vocab, w, tw = model
        X = vocab.matrix(data[name][0])
        p = predict(X, w)
        tp = np.stack([predict(X, tw[t]) for t in sorted(tw)])
        best = [sorted(tw)[i] for i in tp.argmax(axis=0)]

        def act(t: float):
            out = [(passage, list(mentions)) for passage, mentions, _ in rows]
            for (r, s, e), q, kind in zip(data[name][3], p, best):
                passage, mentions = out[r]
                if q < t or any(
                    m.char_start < e and s < m.char_end and not m.background for m in rows[r][1]
                ):
                    continue
                mentions.append(proposal(passage, rows[r][1], (s, e), kind))
            return out

        return act

    thresholds = (0.5, 0.6, 0.7, 0.8, 0.85, 0.9, 0.95)
    target = (
        "news: events found (central)",
        "news: events found (all)",
        "incident notes: events found",
    )
    folds = []
    source = olds if old else {k: cur[k] for k in TRAIN}
    for k, rows in source.items():
        model = fit([n for n in TRAIN if n != k])
        folds.append(
            (k + ("*" if old else ""), [(p, m) for p, m, _ in rows], actor(rows, k, model))
        )
    how = "first-look rule output of heldout4-7 (*)" if old else "leave-one-set-out, current rules"
    chosen = curve(f"sentence proposer, L2 {l2}: {how}", folds, target, thresholds)
    model = fit(list(TRAIN))
    for k in TEST:
        test_curve(
            f"{k}, proposer trained on all",
            [(p, m) for p, m, _ in cur[k]],
            actor(cur[k], k, model),
            thresholds,
            chosen,
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("stage", choices=("cache", "filter", "propose"))
    parser.add_argument("--l2", type=float, default=1.0)
    parser.add_argument("--old", action="store_true", help="train and fold on first-look output")
    parser.add_argument("--old-only", action="store_true", help="... and train on nothing else")
    parser.add_argument("--drop", default="", help="feature prefixes to leave out, comma-separated")
    args = parser.parse_args()
    global DROP
    DROP = tuple(x for x in args.drop.split(",") if x)
    if args.stage == "cache":
        cache()
    elif args.stage == "filter":
        run_filter(args.l2, args.old or args.old_only, args.old_only)
    elif args.stage == "propose":
        run_propose(args.l2, args.old)


if __name__ == "__main__":
    main()
