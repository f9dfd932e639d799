"""Benchmark: `etl ingest` end to end (read files, check, extract, merge, store, publish).

    .venv/bin/python scripts/bench_ingest.py                 # 100 then 1,000 articles
    .venv/bin/python scripts/bench_ingest.py --sizes 100 1000 --then 100

Each size ingests one batch of .txt files (header block + text) into a fresh store in its own
process, timed from the command's start to its exit (wall clock, and the CPU seconds of every
process it ran: the figure that a busy shared machine disturbs least), and reports peak memory
twice: the largest single process, and all of its processes together (sampled every 0.25 s
from /proc: the main process plus its extraction workers). `--then N`
adds a second batch of N articles to the same store afterwards (merged into the published
build, etl/incremental.py: this is what a later batch costs as the store grows); with
`--into STORE --sizes N --then M [--repeat K]` the batch goes into copies of a store of N bench
articles kept from an earlier run (so the big first ingest is not repeated). Article texts are the five seed
texts and the development passages, each made unique by a one-line note and spread over a
year of publication dates, so merging sees repeats and new happenings alike (about 600
characters on average; `--long` composes news-length articles from 6-14 passages each). Figures are
wall-clock on a shared 2-core machine: run it twice and keep the slower.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
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


def long_text(pool: list[str], i: int) -> str:
    """A news-length text (1,300-6,000 characters, 3,200 on average): 6 to 14 development passages, a
    different choice and order for each article, so places, dates and figures vary."""
    passages = pool[5:]
    pick = random.Random(i).sample(range(len(passages)), 6 + i % 9)
    return "\n\n".join(passages[k] for k in pick)


def write_batch(
    folder: Path, count: int, offset: int, long: bool = False, base: dt.date = dt.date(2019, 1, 1)
) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    pool, paths = texts(), []
    for i in range(offset, offset + count):
        published = base + dt.timedelta(days=(i * 7) % 365)
        text = long_text(pool, i) if long else pool[i % len(pool)]
        body = f"{text}\n\n(Bench copy {i}.)\n"
        path = folder / f"article_{i:06d}.txt"
        path.write_text(
            f"Title: Bench article {i}\nOutlet: Bench Courier {i % 7}\n"
            f"Published: {published.isoformat()}\n\n{body}",
            encoding="utf-8",
        )
        paths.append(path)
    return paths


def _tree_rss_mib(pid: int) -> float:
    """Resident memory of a process and all its descendants (Linux /proc), in MiB."""
    children: dict[int, list[int]] = {}
    rss: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            children.setdefault(int(fields[1]), []).append(int(entry.name))
            rss[int(entry.name)] = int(fields[21]) * resource.getpagesize()
        except (OSError, IndexError, ValueError):
            continue
    total, todo = 0, [pid]
    while todo:
        current = todo.pop()
        total += rss.get(current, 0)
        todo += children.get(current, [])
    return total / 2**20


def ingest(store: Path, folder: Path, engine: str) -> tuple[float, float, float, float, str]:
    """Wall seconds, CPU seconds (user + system, every process), peak MiB of the largest
    process and peak MiB of all its processes together, of one `etl ingest FOLDER`."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    command = [sys.executable, "-m", "etl", "ingest", str(folder), "--store", str(store),
               "--engine", engine]  # fmt: skip
    # output to files, not pipes: a report longer than a pipe's buffer would block the child
    with tempfile.TemporaryFile("w+") as out_file, tempfile.TemporaryFile("w+") as err_file:
        with subprocess.Popen(command, cwd=ROOT, stdout=out_file, stderr=err_file) as child:
            tree_peak = 0.0
            while child.poll() is None:
                tree_peak = max(tree_peak, _tree_rss_mib(child.pid))
                time.sleep(0.25)
        out_file.seek(0), err_file.seek(0)
        out, err = out_file.read(), err_file.read()
    seconds = time.perf_counter() - started
    if child.returncode != 0:
        raise SystemExit(err)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    largest = after.ru_maxrss / 1024  # the largest process so far (the first run's included)
    summary = next((line for line in out.splitlines() if "await review" in line), "")
    return seconds, cpu, largest, tree_peak, summary.split(";")[0]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1000])
    parser.add_argument("--then", type=int, default=0, help="a second batch of this size")
    parser.add_argument("--repeat", type=int, default=1, help="with --into: how many times")
    parser.add_argument(
        "--later", type=dt.date.fromisoformat, default=dt.date(2019, 1, 1),
        help="with --into: the batch's first publication date (a later year: news of new "
        "happenings, rather than more copies of the stored articles' days)",
    )  # fmt: skip
    parser.add_argument("--engine", choices=("local", "dask"), default="local")
    parser.add_argument(
        "--long", action="store_true", help="news-length articles (1.3-6 kB, 3.2 kB on average)"
    )
    parser.add_argument(
        "--into", type=Path, help="a store of N bench articles (made by an ingest of "
        "`--sizes N`): a copy of it takes the `--then` batch, and --sizes is N"
    )  # fmt: skip
    args = parser.parse_args()
    print(f"load average before: {' '.join(f'{x:.1f}' for x in os.getloadavg())}")
    print("articles  seconds  cpu s  articles/s  largest MiB  all MiB  result")
    if args.into:
        into(args)
        return
    for size in args.sizes:
        with tempfile.TemporaryDirectory() as tmp:
            tmp_path = Path(tmp)
            write_batch(tmp_path / "batch", size, 0, args.long)
            got = ingest(tmp_path / "store", tmp_path / "batch", args.engine)
            print(_line(f"{size:>8}", size, *got))
            if args.then:
                write_batch(tmp_path / "more", args.then, size, args.long)
                got = ingest(tmp_path / "store", tmp_path / "more", args.engine)
                print(_line(f"  +{args.then:>6}", args.then, *got[:-1],
                            f"second batch into a store of {size}: {got[-1]}"))  # fmt: skip
    print(f"load average after: {' '.join(f'{x:.1f}' for x in os.getloadavg())}")


def into(args: argparse.Namespace) -> None:
    """Batches of `--then` articles into copies of an existing store of `--sizes` articles."""
    import shutil

    size = args.sizes[0]
    for _ in range(max(1, args.repeat)):
        with tempfile.TemporaryDirectory() as tmp:
            tmp_path = Path(tmp)
            shutil.copytree(args.into, tmp_path / "store", symlinks=True)
            write_batch(tmp_path / "more", args.then, size, args.long, args.later)
            got = ingest(tmp_path / "store", tmp_path / "more", args.engine)
            print(_line(f"  +{args.then:>6}", args.then, *got[:-1],
                        f"into a copy of {args.into} ({size:,}): {got[-1]}"))  # fmt: skip
    print(f"load average after: {' '.join(f'{x:.1f}' for x in os.getloadavg())}")


def _line(label: str, n: int, seconds: float, cpu: float, largest: float, tree: float,
          said: str) -> str:  # fmt: skip
    return (f"{label}  {seconds:>7.1f}  {cpu:>5.1f}  {n / seconds:>10.0f}  {largest:>11.0f}"
            f"  {tree:>7.0f}  {said}")  # fmt: skip


if __name__ == "__main__":
    main()
