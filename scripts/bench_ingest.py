"""Benchmark: `etl ingest` end to end (read files, check, extract, merge, store, publish).

    .venv/bin/python scripts/bench_ingest.py                 # 100 then 1,000 articles
    .venv/bin/python scripts/bench_ingest.py --sizes 100 1000 --then 100

Each size ingests one batch of .txt files (header block + text) into a fresh store in its own
process, timed from the command's start to its exit, and reports the peak memory. `--then N`
adds a second batch of N articles to the same store afterwards (the rebuild re-reads every
article: this is what a later batch costs as the store grows). Article texts are the five seed
texts and the development passages, each made unique by a one-line note and spread over a
year of publication dates, so merging sees repeats and new happenings alike. Figures are
wall-clock on a shared 2-core machine: run it twice and keep the slower.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def texts() -> list[str]:
    """Real-length news texts: the seeds and the development passages."""
    found = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    with (ROOT / "data" / "devset" / "passages.jsonl").open(encoding="utf-8") as handle:
        found += [json.loads(line)["text"] for line in handle if line.strip()]
    return found


def write_batch(folder: Path, count: int, offset: int) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    pool, base, paths = texts(), dt.date(2019, 1, 1), []
    for i in range(offset, offset + count):
        published = base + dt.timedelta(days=(i * 7) % 365)
        body = f"{pool[i % len(pool)]}\n\n(Bench copy {i}.)\n"
        path = folder / f"article_{i:06d}.txt"
        path.write_text(
            f"Title: Bench article {i}\nOutlet: Bench Courier {i % 7}\n"
            f"Published: {published.isoformat()}\n\n{body}",
            encoding="utf-8",
        )
        paths.append(path)
    return paths


def ingest(store: Path, folder: Path) -> tuple[float, float, str]:
    """Seconds and peak MiB of one `etl ingest FOLDER` in its own process."""
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "etl", "ingest", str(folder), "--store", str(store)],
        cwd=ROOT, capture_output=True, text=True, check=False,
    )  # fmt: skip
    seconds = time.perf_counter() - started
    if done.returncode != 0:
        raise SystemExit(done.stderr)
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    summary = next((line for line in done.stdout.splitlines() if "await review" in line), "")
    return seconds, peak, summary.split(";")[0]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1000])
    parser.add_argument("--then", type=int, default=0, help="a second batch of this size")
    args = parser.parse_args()
    print("articles  seconds  articles/s  peak MiB  result")
    for size in args.sizes:
        with tempfile.TemporaryDirectory() as tmp:
            tmp_path = Path(tmp)
            write_batch(tmp_path / "batch", size, 0)
            seconds, peak, said = ingest(tmp_path / "store", tmp_path / "batch")
            print(f"{size:>8}  {seconds:>7.1f}  {size / seconds:>10.0f}  {peak:>8.0f}  {said}")
            if args.then:
                write_batch(tmp_path / "more", args.then, size)
                seconds, peak, said = ingest(tmp_path / "store", tmp_path / "more")
                print(f"  +{args.then:>5}  {seconds:>7.1f}  {args.then / seconds:>10.0f}"
                      f"  {peak:>8.0f}  second batch into a store of {size}: {said}")  # fmt: skip


if __name__ == "__main__":
    main()
