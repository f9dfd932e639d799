"""Instructions per seed article for extraction (or one stage of it), counted by valgrind.

    PYTHONPATH=$PWD .venv/bin/python scripts/count_instructions.py            # extract
    PYTHONPATH=$PWD .venv/bin/python scripts/count_instructions.py triggers places filter
    PYTHONPATH=$PWD .venv/bin/python scripts/count_instructions.py passages   # varied text
    PYTHONPATH=$PWD .venv/bin/python scripts/count_instructions.py long       # news-length

On this shared 2-core machine CPU time swings by 10-20% with the other workers' load, more
than most speed-ups gain; the count of instructions does not (within about 0.1% from run to
run, with PYTHONHASHSEED=0), so two versions of the code can be compared at any load. Needs
valgrind (callgrind and callgrind_control). The extractor is loaded and warmed with counting
off; counting is switched on for the measured passes over the five seed articles only.
The seeds are read again and again, so the look-up caches answer their place names from
memory; `passages` counts extraction over data/heldout5's 162 short passages instead, each
read once after warming on the seeds and data/devset (per passage, about 250 characters);
`long` counts 30 news-length articles of `scripts/bench_ingest.py --long` (3,200 characters
on average, each a different mix of development passages) after warming on 30 others.
Instructions are not time (cache misses and branches are not in them), so confirm a gain
with `scripts/bench_extract.py` as well. A run takes about a minute.

`--keep DIR` keeps callgrind's file of each stage (DIR/callgrind.STAGE.out) for a look at
where the instructions go, C functions included (`callgrind_annotate --inclusive=yes FILE`:
the regex engine's share, `str.lower`'s, the automata's; session 35, hQ25, docs/scale.md).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

LONG_WARM, LONG_MEASURED = 30, 30  # news-length articles read to warm, then counted
STAGES = (
    "extract", "triggers", "dates", "figures", "actors", "places", "filter", "passages", "long",
)  # fmt: skip


def _stage(name: str):
    """The stage as a function of no arguments, over the five seed articles."""
    from etl.articles import load_seed_articles
    from etl.cli import _extractor
    from etl.extraction.actors import find_actors, find_claimant
    from etl.extraction.dates import find_dates
    from etl.extraction.extract import ArticleInput
    from etl.extraction.figures import find_figures, fold_text
    from etl.extraction.sentences import split_sentences
    from etl.extraction.triggers import StemIndex, find_triggers
    from etl.settings import Paths

    extractor, _ = _extractor(Paths())
    seeds, _ = load_seed_articles(ROOT / "seeds")
    articles = [
        ArticleInput(f"seed-{i}", s.text, dt.date.fromisoformat(s.published))
        for i, s in enumerate(seeds)
    ]
    split = [(a.text, a.published, split_sentences(a.text)) for a in articles]

    def extract() -> None:
        for article in articles:
            extractor.extract(article)

    def triggers() -> None:  # every sentence, with the article's StemIndex, as extract does
        for text, _, spans in split:
            stems = StemIndex(text)
            for s, e in spans:
                find_triggers(text, s, e, stems)

    def dates() -> None:
        for text, published, spans in split:
            for s, e in spans:
                find_dates(text, s, e, published, None)

    def figures() -> None:  # every sentence (extract reads figures only where used)
        for text, _, spans in split:
            folded = fold_text(text)
            for s, e in spans:
                find_figures(text, s, e, folded)

    def actors() -> None:  # every sentence (extract reads them where a trigger stands)
        for text, _, spans in split:
            for s, e in spans:
                find_actors(text, s, e)
                find_claimant(text, s, e)

    def places() -> None:
        for text, _, spans in split:
            for s, e in spans:
                extractor.resolver.find(text, s, e, {}, ())

    if name == "passages":  # varied text: each passage read once, its names new to the caches
        from etl.extraction.evaluate import load_devset

        def read(folder: str) -> list[ArticleInput]:
            rows = load_devset(ROOT / "data" / folder / "passages.jsonl")
            return [
                ArticleInput(p["id"], p["text"], dt.date.fromisoformat(p["published"]))
                for p in rows
            ]

        warm, measured = read("devset"), read("heldout5")
        for article in [*articles, *warm]:  # patterns compiled, the common names looked up
            extractor.extract(article)

        def passages() -> None:
            for article in measured:
                extractor.extract(article)

        return passages, len(measured)

    if name == "long":  # news-length articles (scripts/bench_ingest.py --long), each read once
        sys.path.insert(0, str(ROOT / "scripts"))
        from bench_ingest import long_text, texts

        pool, day = texts(), dt.date(2019, 1, 1)

        def article(i: int) -> ArticleInput:
            return ArticleInput(f"long-{i}", long_text(pool, i), day + dt.timedelta(days=i % 365))

        for i in range(LONG_WARM):  # patterns compiled, the common names looked up
            extractor.extract(article(i))
        measured_long = [article(i) for i in range(LONG_WARM, LONG_WARM + LONG_MEASURED)]

        def long() -> None:
            for article_ in measured_long:
                extractor.extract(article_)

        return long, len(measured_long)

    from etl.extraction import extract as extract_module
    from etl.extraction.mention_filter import keep_likely

    read: list[list] = []  # each seed's mentions before the learnt filter, as it reads them
    kept, extract_module.keep_likely = extract_module.keep_likely, lambda ms: read.append(ms) or ms
    try:
        extract()
    finally:
        extract_module.keep_likely = kept

    def filter() -> None:  # the learnt filter (etl.extraction.mention_filter) alone
        for mentions in read:
            keep_likely(mentions)

    stages = dict(
        extract=extract, triggers=triggers, dates=dates, figures=figures, actors=actors,
        places=places, filter=filter,
    )  # fmt: skip
    return stages[name], len(articles)


def child(name: str, passes: int) -> None:
    run, n = _stage(name)
    if name not in ("passages", "long"):  # (those warm on other texts: their own stay new)
        run()  # warm the caches, as a long run has them
    print(f"ready {n}", flush=True)
    sys.stdin.readline()
    for _ in range(passes):
        run()
    print("done", flush=True)
    sys.stdin.readline()


def count(name: str, passes: int, keep: Path | None = None) -> tuple[int, int]:
    """(instructions counted, articles per pass) for `passes` passes of the stage; callgrind's
    file copied to keep/callgrind.NAME.out when `keep` is given."""
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "callgrind.out"
        proc = subprocess.Popen(
            ["valgrind", "--tool=callgrind", "--instr-atstart=no",
             f"--callgrind-out-file={out}", sys.executable, __file__, "--child", name,
             str(passes)],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
            text=True, env={**os.environ, "PYTHONHASHSEED": "0"},
        )  # fmt: skip
        assert proc.stdin and proc.stdout
        line = proc.stdout.readline()
        if not line.startswith("ready"):
            proc.kill()
            raise SystemExit(f"the {name} stage did not start under valgrind: {line!r}")
        articles = int(line.split()[1])
        control = ["callgrind_control", "-i"]
        subprocess.run([*control, "on", str(proc.pid)], check=True, capture_output=True)
        time.sleep(1)  # the command is read by valgrind between blocks, not at once
        proc.stdin.write("go\n")
        proc.stdin.flush()
        proc.stdout.readline()  # done
        subprocess.run([*control, "off", str(proc.pid)], check=True, capture_output=True)
        time.sleep(1)
        proc.stdin.write("end\n")
        proc.stdin.flush()
        proc.wait()
        if keep is not None:
            keep.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(out, keep / f"callgrind.{name}.out")
        totals = re.search(r"^totals:\s+(\d+)", out.read_text(), re.M)
        if totals is None or int(totals.group(1)) == 0:
            raise SystemExit("valgrind counted nothing (switched on too late?): run it again")
        return int(totals.group(1)), articles


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("stages", nargs="*", help=f"any of {', '.join(STAGES)} (default extract)")
    parser.add_argument("--passes", type=int, default=1)
    parser.add_argument("--child", nargs=2, metavar=("STAGE", "PASSES"))
    parser.add_argument("--keep", type=Path, metavar="DIR", help="keep callgrind's files there")
    args = parser.parse_args()
    if args.child:
        child(args.child[0], int(args.child[1]))
        return
    for name in args.stages or ["extract"]:
        if name not in STAGES:
            raise SystemExit(f"no stage {name!r}: one of {', '.join(STAGES)}")
        total, articles = count(name, args.passes, args.keep)
        print(f"{name:>9}: {total / args.passes / articles / 1e6:.2f} M instructions per article")


if __name__ == "__main__":
    main()
