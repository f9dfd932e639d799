"""Issue 8's measures on every held-out set: the first look beside the code of today.

    PYTHONPATH=$PWD .venv/bin/python scripts/heldout_table.py              # heldout8 and later
    PYTHONPATH=$PWD .venv/bin/python scripts/heldout_table.py --sets 19 20 21 --no-current

Each blind set was scored once, untouched, when it landed (`data/heldoutN/first_score.txt`):
that first look is the honest estimate of the extractor on text it had not seen. Later
sessions tune on the set, so the current figure on it is no longer an estimate. This prints
a Markdown table per measure family: for each set its first look, its second look (if any:
`second_score.txt`, scored before anyone tuned on it) and the current code's figure (only for sets that had their second look: a blind set is
not scored again before it), so
whether tuning on earlier sets carried over to a fresh one (second look against first) and
how far tuning moved each set (current against second) can be read at a glance. The last
row of each table is the mean over the sets' first looks.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from etl.extraction import evaluate as ev  # noqa: E402

#: The issue-8 measures shown, by their label in evaluate's output, with a short heading.
SHORT = {
    ev.CENTRAL: "found central",
    ev.FOUND: "found all",
    ev.TYPE: "type",
    ev.OVERLAP: "date",
    ev.PLACE: "place",
    ev.TOLL: "toll",
    ev.KEY_FIGURE: "key figure",
    ev.PRECISION: "precision",
    ev.NOTE_FOUND: "notes found",
    ev.NOTE_PLACE: "notes place",
    ev.NOTE_DATE: "notes date",
    ev.NOTE_TOLL: "notes fatalities",
}
LINE = re.compile(r"^\s+(?P<label>.+?)\s{2,}(?P<value>[\d.]+|nan)\s+\((?P<ok>\d+)/(?P<total>\d+)\)")


def read_score(path: Path) -> dict[str, tuple[int, int]]:
    """The issue-8 section of a saved `evaluate --devset2` output: label -> (ok, total)."""
    out: dict[str, tuple[int, int]] = {}
    if not path.exists():
        return out
    in_section = False
    for line in path.read_text(encoding="utf-8").splitlines():
        if "issue 8 measures" in line:
            in_section = True
            continue
        if in_section:
            m = LINE.match(line)
            if m and m["label"] in SHORT:
                out[m["label"]] = (int(m["ok"]), int(m["total"]))
    return out


def current_scores(passages: Path, extractor) -> dict[str, tuple[int, int]]:
    from etl.extraction.evaluate import load_devset, score_devset2

    scores = score_devset2(load_devset(passages), extractor)
    return {label: (r.ok, r.total) for label, r in scores.ratios.items() if label in SHORT}


def cell(ratio: tuple[int, int] | None) -> str:
    if not ratio or not ratio[1]:
        return ""
    return f"{ratio[0] / ratio[1]:.3f}"


def set_numbers(root: Path) -> list[int]:
    found = []
    for d in root.glob("heldout*"):
        m = re.fullmatch(r"heldout(\d+)", d.name)
        if m and (d / "passages.jsonl").exists() and (d / "first_score.txt").exists():
            found.append(int(m[1]))
    return sorted(found)


def tables(rows: dict[int, dict[str, dict[str, tuple[int, int]]]], labels: list[str]) -> str:
    head = "| set | " + " | ".join(SHORT[label] for label in labels) + " |"
    rule = "|---" * (len(labels) + 1) + "|"
    out = [head, rule]
    for n, looks in rows.items():
        cells = []
        for label in labels:
            parts = [cell(looks[k].get(label)) for k in ("first", "second", "now") if k in looks]
            cells.append(" / ".join(p or "-" for p in parts))
        out.append(f"| heldout{n} | " + " | ".join(cells) + " |")
    means = []
    for label in labels:
        values = [looks["first"][label] for looks in rows.values() if label in looks["first"]]
        values = [ok / total for ok, total in values if total]
        means.append(f"{sum(values) / len(values):.3f}" if values else "")
    out.append("| mean of first looks | " + " | ".join(means) + " |")
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sets", type=int, nargs="*", help="set numbers (default: 8 and later)")
    parser.add_argument("--no-current", action="store_true", help="only the saved looks")
    args = parser.parse_args(argv)
    numbers = args.sets or [n for n in set_numbers(ROOT / "data") if n >= 8]
    extractor = None
    if not args.no_current:
        from etl.cli import _extractor
        from etl.settings import Paths

        extractor, _ = _extractor(Paths())
    rows: dict[int, dict[str, dict[str, tuple[int, int]]]] = {}
    for n in numbers:
        folder = ROOT / "data" / f"heldout{n}"
        looks = {"first": read_score(folder / "first_score.txt")}
        if (folder / "second_score.txt").exists():
            looks["second"] = read_score(folder / "second_score.txt")
        if extractor is not None and "second" in looks:
            # a set with no second look is still blind: it is not scored again before then
            looks["now"] = current_scores(folder / "passages.jsonl", extractor)
        rows[n] = looks
    labels = [label for label, _ in ev.DEVSET2_MEASURES if label in SHORT]
    kinds = "first look / second look (if any) / now" if extractor else "first / second look"
    print(f"Each cell: {kinds}.\n")
    print("News\n")
    print(tables(rows, labels[:8]))
    print("\nIncident notes\n")
    print(tables(rows, labels[8:]))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
