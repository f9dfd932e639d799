"""Train the mention filter (etl/extraction/mention_filter.py) from the annotated sets.

    PYTHONPATH=$PWD .venv/bin/python scripts/train_mention_filter.py rows      # slow, minutes
    PYTHONPATH=$PWD .venv/bin/python scripts/train_mention_filter.py weights   # seconds

`rows` runs, for each of heldout4-7, the rules of the commit that first scored it untouched
(FIRST_LOOK, from the sets' first_score.txt: the rules had not seen the set) over the set's
passages, in a `git archive` of that commit, and writes one line per non-background mention
to data/rules/mention_filter_rows.jsonl: the set, the passage, the label (1: the mention is
a hit of an expected event, `match_passage`; 0: it is not) and its features
(`mention_filter.features`). Rerun it when `features` changes (it needs the git history).

`weights` fits an L2 logistic regression to those rows (plain numpy, deterministic: full
batch Adam from zeros, a fixed number of steps, no randomness) and writes
data/rules/mention_filter.csv. tests/etl/test_mention_filter.py checks that it reproduces
the committed file byte for byte.
"""

from __future__ import annotations

import argparse
import csv
import dataclasses
import datetime as dt
import io
import json
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from etl.extraction.evaluate import load_devset, match_passage  # noqa: E402
from etl.extraction.mention_filter import features  # noqa: E402
from etl.extraction.mentions import DateWindow, Figure, Mention  # noqa: E402

FIRST_LOOK = {
    "heldout4": "ea0dbac",
    "heldout5": "c39b32b",
    "heldout6": "bf5720b",
    "heldout7": "7d3b254",
}
ROWS = ROOT / "data" / "rules" / "mention_filter_rows.jsonl"
WEIGHTS = ROOT / "data" / "rules" / "mention_filter.csv"
L2, STEPS, MIN_COUNT = 1.0, 400, 2

# run inside the old checkout: its extractor over the passages, mentions as JSON lines
_CHILD = """
import dataclasses, datetime as dt, json, sys
from etl.cli import _extractor
from etl.extraction.extract import ArticleInput
from etl.settings import Paths
extractor, _ = _extractor(Paths.from_env())
for line in open(sys.argv[1], encoding="utf-8"):
    if line.strip():
        p = json.loads(line)
        a = ArticleInput(p["id"], p["text"], dt.date.fromisoformat(p["published"]))
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
    """Every passage's mentions by the rules of `commit` (a git archive of it, run apart)."""
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


def passage_rows(name: str, passage: dict, mentions: list[Mention]) -> list[dict]:
    hits = match_passage(passage, mentions).matched
    live = [m for m in mentions if not m.background]
    rows = []
    for m in live:
        same = [o for o in live if o.char_start == m.char_start]
        feats = sorted(set(features(m, same)))
        rows.append(
            {"set": name, "passage": passage["id"], "label": int(id(m) in hits), "features": feats}
        )
    return rows


def write_rows() -> None:
    lines = []
    for name, commit in FIRST_LOOK.items():
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


def fit(rows: list[dict]) -> dict[str, float]:
    """L2 logistic regression by full-batch Adam from zeros (deterministic)."""
    counts = Counter(x for r in rows for x in r["features"])
    names = sorted(x for x, n in counts.items() if n >= MIN_COUNT)
    column = {x: i for i, x in enumerate(names)}
    cols = [[column[x] for x in r["features"] if x in column] for r in rows]
    lens = np.array([len(c) for c in cols])
    indices = np.array([j for c in cols for j in c], dtype=np.int64)
    starts = np.concatenate(([0], np.cumsum(lens)[:-1])).astype(np.int64)
    y = np.array([float(r["label"]) for r in rows])
    w, m, v = (np.zeros(len(names)) for _ in range(3))
    for t in range(1, STEPS + 1):
        p = 1 / (1 + np.exp(-np.add.reduceat(w[indices], starts)))
        g = np.bincount(indices, weights=np.repeat(p - y, lens), minlength=len(names)) + L2 * w
        m = 0.9 * m + 0.1 * g
        v = 0.999 * v + 0.001 * g * g
        w -= 0.05 * (m / (1 - 0.9**t)) / (np.sqrt(v / (1 - 0.999**t)) + 1e-8)
    return dict(zip(names, w.tolist()))


def weights_text(rows: list[dict]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    lines = [
        "# Mention filter weights (etl/extraction/mention_filter.py): made by",
        "# scripts/train_mention_filter.py from data/rules/mention_filter_rows.jsonl; do not edit.",
        f"# {len(rows)} mentions, {sum(r['label'] for r in rows)} real; L2 {L2}, {STEPS} steps,"
        f" features seen {MIN_COUNT}+ times",
        "feature,weight",
    ]
    for name, value in sorted(fit(rows).items()):
        text = f"{value:.6f}"
        if float(text) != 0.0:
            writer.writerow([name, text])
    return "\n".join(lines) + "\n" + out.getvalue()


def read_rows() -> list[dict]:
    with ROWS.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("step", choices=("rows", "weights"))
    args = parser.parse_args()
    if args.step == "rows":
        write_rows()
    else:
        WEIGHTS.write_text(weights_text(read_rows()), encoding="utf-8")
        print(f"{WEIGHTS} written", file=sys.stderr)


if __name__ == "__main__":
    main()
