"""Would a learnt sentence classifier find the events the trigger rows miss? Leave one set out.

    PYTHONPATH=$PWD .venv/bin/python scripts/sentence_proposer.py loso

A measure, not a shipped model. A sentence is a bag of its words and word pairs (plain numpy,
deterministic: full-batch Adam from zeros). Two models: P(the sentence tells an expected
event) by logistic regression, trained on every sentence of the annotated sets (positive:
it overlaps an expected event's evidence; negative: it overlaps none), and the event's type
by a softmax regression over the positive sentences. No passage kind and no position in the
passage: the extractor does not know the kind, and position learnt the sets' house styles
(docs/extraction_history.md, session 11).

For each of heldout4-11 (FIRST_LOOK of train_mention_filter.py) left out in turn: both models
fitted to every other annotated set (devset, heldout, devset2, heldout3 and the other seven);
the set read by the rules of the checked-out commit with the shipped mention filter; then, in
each sentence that has no rule mention, an event of the predicted type proposed when P >= t,
its date and place taken from the nearest rule mention before it in the passage (after it
when none; else the publication day, unplaced), as the extractor carries them to a sentence
that names none. Scored as `etl evaluate --devset2` scores it. The seeds (real news, never
trained on) are the guard, with the models fitted to every set.
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib.util
import re
import sys
from collections import Counter
from dataclasses import replace
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from etl.extraction.evaluate import load_devset  # noqa: E402
from etl.extraction.mention_filter import THRESHOLD, weights  # noqa: E402
from etl.extraction.mentions import DateWindow, Mention  # noqa: E402
from etl.extraction.sentences import split_sentences  # noqa: E402

_spec = importlib.util.spec_from_file_location(
    "train_mention_filter", ROOT / "scripts" / "train_mention_filter.py"
)
train = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(train)

ALWAYS = ("devset", "heldout", "devset2", "heldout3")  # trained on in every fold
FOLDS = tuple(train.FIRST_LOOK)
THRESHOLDS = (0.5, 0.7, 0.8, 0.9, 0.95, 0.98)
L2, STEPS, MIN_COUNT = 1.0, 300, 2
_WORD = re.compile(r"[a-z]+|\d+")


def sentence_features(text: str) -> list[str]:
    ws = ["0" if w.isdigit() else w for w in _WORD.findall(text.lower())]
    return sorted({f"w={w}" for w in ws} | {f"b={a}_{b}" for a, b in zip(ws, ws[1:])}) + ["bias"]


def labelled(name: str) -> list[tuple[list[str], str | None]]:
    """Every sentence of a set: its features and the type of an expected event whose
    evidence it overlaps (None: no event)."""
    out = []
    for p in load_devset(ROOT / "data" / name / "passages.jsonl"):
        text = p["text"]
        ev = []
        for e in p.get("expected", []):
            at = text.find(e["evidence"])
            if at >= 0:
                ev.append((at, at + len(e["evidence"]), e["event_type"]))
        for s, e in split_sentences(text):
            hit = [t for a, b, t in ev if a < e and s < b]
            out.append((sentence_features(text[s:e]), hit[0] if hit else None))
    return out


class Model:
    """P(event sentence) and its type, fitted to labelled sentences."""

    def __init__(self, rows: list[tuple[list[str], str | None]], l2: float = L2) -> None:
        counts: dict[str, int] = {}
        for feats, _ in rows:
            for x in feats:
                counts[x] = counts.get(x, 0) + 1
        names = sorted(x for x, n in counts.items() if n >= MIN_COUNT)
        self.column = {x: i for i, x in enumerate(names)}
        self.types = sorted({t for _, t in rows if t})
        X = self._matrix([f for f, _ in rows])
        y = np.array([[float(t is not None)] for _, t in rows])
        self.w = _fit(X, y, len(names), l2, softmax=False)
        pos = [i for i, (_, t) in enumerate(rows) if t]
        Xp = self._matrix([rows[i][0] for i in pos])
        Y = np.zeros((len(pos), len(self.types)))
        for j, i in enumerate(pos):
            Y[j, self.types.index(rows[i][1])] = 1.0
        self.wt = _fit(Xp, Y, len(names), l2, softmax=True)

    def _matrix(self, feats: list[list[str]]):
        cols = [[self.column[x] for x in f if x in self.column] for f in feats]
        lens = np.array([len(c) for c in cols])
        idx = np.array([j for c in cols for j in c], dtype=np.int64)
        starts = np.concatenate(([0], np.cumsum(lens)[:-1])).astype(np.int64)
        return idx, starts, lens

    def predict(self, feats: list[list[str]]) -> tuple[np.ndarray, list[str]]:
        X = self._matrix(feats)
        p = 1 / (1 + np.exp(-_scores(X, self.w)[:, 0]))
        kinds = [self.types[k] for k in _scores(X, self.wt).argmax(axis=1)]
        return p, kinds


def _scores(X, w: np.ndarray) -> np.ndarray:
    idx, starts, lens = X
    return np.add.reduceat(w[idx], starts, axis=0) * (lens > 0)[:, None]


def _fit(X, Y: np.ndarray, width: int, l2: float, softmax: bool) -> np.ndarray:
    idx, _, lens = X
    w = np.zeros((width, Y.shape[1]))
    m, v = np.zeros_like(w), np.zeros_like(w)
    for t in range(1, STEPS + 1):
        z = _scores(X, w)
        if softmax:
            e = np.exp(z - z.max(axis=1, keepdims=True))
            p = e / e.sum(axis=1, keepdims=True)
        else:
            p = 1 / (1 + np.exp(-z))
        g = np.zeros_like(w)
        np.add.at(g, idx, np.repeat(p - Y, lens, axis=0))
        g += l2 * w
        m = 0.9 * m + 0.1 * g
        v = 0.999 * v + 0.001 * g * g
        w -= 0.05 * (m / (1 - 0.9**t)) / (np.sqrt(v / (1 - 0.999**t)) + 1e-8)
    return w


def proposal(passage: dict, mentions: list[Mention], span: tuple[int, int], kind: str) -> Mention:
    s, e = span
    live = [m for m in mentions if not m.background]
    before = [m for m in live if m.char_start < s]
    after = [m for m in live if m.char_start >= e]
    src = before[-1] if before else (after[0] if after else None)
    text = passage["text"]
    if src is None:
        day = dt.date.fromisoformat(passage["published"])
        return Mention(
            passage["id"], kind, "", s, s, text[s:e], s, e, DateWindow(day, day, "day", "article")
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


class Target:
    """A set as the rules (with the shipped filter) read it, and its sentences with none of
    their non-background mentions."""

    def __init__(self, name: str) -> None:
        self.name = name
        fold = train.Fold(name)
        gone = fold.dropped(weights(), THRESHOLD)
        self.rows = [
            (p, [m for k, m in enumerate(ms) if (r, k) not in gone])
            for r, (p, ms) in enumerate(fold.rows)
        ]
        self.base = train.score_counts(name, self.rows)
        self.empty = []  # (row, span, features)
        for r, (p, ms) in enumerate(self.rows):
            live = [m for m in ms if not m.background]
            for s, e in split_sentences(p["text"]):
                if not any(m.char_start < e and s < m.char_end for m in live):
                    self.empty.append((r, (s, e), sentence_features(p["text"][s:e])))

    def scores(self, model: Model, t: float) -> tuple[dict, int]:
        p, kinds = model.predict([f for _, _, f in self.empty]) if self.empty else ([], [])
        out = [(passage, list(ms)) for passage, ms in self.rows]
        n = 0
        for (r, span, _), q, kind in zip(self.empty, p, kinds):
            if q >= t:
                out[r][1].append(proposal(out[r][0], self.rows[r][1], span, kind))
                n += 1
        return train.score_counts(self.name, out), n


SHOWN = (
    "news: events found (all)",
    "incident notes: events found",
    train.PRECISION,
    "news: type right",
    "news: place within 10 km",
    "incident notes: place within 10 km",
    "incident notes: date right",
)


def loso(l2: float) -> None:
    data = {name: labelled(name) for name in ALWAYS + FOLDS}
    print(f"rules of {train._head()} with the shipped filter; L2 {l2}")
    cols = " | ".join(SHOWN)
    print(f"| set | t | proposed | {cols} | items +/- (all measures) |")
    print("|---|---|---|" + "---|" * len(SHOWN) + "---|")
    total = {t: [0, 0] for t in THRESHOLDS}
    found = {t: 0 for t in THRESHOLDS}
    by_measure: dict[float, Counter] = {t: Counter() for t in THRESHOLDS}
    for name in FOLDS:
        model = Model([row for n in ALWAYS + FOLDS if n != name for row in data[n]], l2)
        target = Target(name)
        for t in THRESHOLDS:
            after, n = target.scores(model, t)
            d = train.change(target.base, after)
            by_measure[t].update(d)
            total[t][0] += sum(v for v in d.values() if v > 0)
            total[t][1] -= sum(v for v in d.values() if v < 0)
            found[t] += d.get(SHOWN[0], 0) + d.get(SHOWN[1], 0)
            shown = " | ".join(
                f"{target.base[k][0]}/{target.base[k][1]} -> {after[k][0]}/{after[k][1]}"
                if k in target.base
                else "-"
                for k in SHOWN
            )
            print(f"| {name} | {t} | {n} | {shown} | +{total_of(d, 1)} / -{total_of(d, -1)} |")
    for t in THRESHOLDS:
        print(
            f"t {t}: events found (news + notes) {found[t]:+d}; all measures"
            f" +{total[t][0]} / -{total[t][1]}; by measure "
            + ", ".join(f"{k} {v:+d}" for k, v in by_measure[t].items() if v)
        )
    model = Model([row for n in ALWAYS + FOLDS for row in data[n]], l2)
    seeds = Target("seeds")
    for t in THRESHOLDS:
        after, n = seeds.scores(model, t)
        d = train.change(seeds.base, after)
        print(
            f"seeds, fitted to all, t {t}: {n} proposed, "
            + ", ".join(
                f"{k} {seeds.base[k][0]}/{seeds.base[k][1]} -> {after[k][0]}/{after[k][1]}"
                for k in seeds.base
                if d[k]
            )
        )


def total_of(d: dict[str, int], sign: int) -> int:
    return sum(abs(v) for v in d.values() if v * sign > 0)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("step", choices=("loso",))
    parser.add_argument("--l2", type=float, default=L2)
    args = parser.parse_args()
    loso(args.l2)


if __name__ == "__main__":
    main()
