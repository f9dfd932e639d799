"""Benchmark: `etl import-events` end to end on generated ACLED and UCDP GED exports.

    .venv/bin/python scripts/bench_import.py               # 10,000 rows of each format
    .venv/bin/python scripts/bench_import.py --rows 10000 --format acled

Writes an export of N rows in the dataset's own column layout (the hand-written fixtures in
tests/etl/imports/ are the templates: every row is one of them with a new id, a date spread
over 2019, a point jittered around Syria, a varied toll and type), then imports it into a
fresh store in its own process, timed from the command's start to its exit (read, check,
build with the seed articles, write the database and its CSV/Parquet exports, commit,
publish), and reports the peak memory. A second import of the same file (every row already
stored) is timed too. Figures are wall-clock on a shared 2-core machine: run it twice and
keep the slower.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import io
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "etl" / "imports"
ACLED_TYPES = [
    ("Battles", "Armed clash"), ("Explosions/Remote violence", "Air/drone strike"),
    ("Explosions/Remote violence", "Shelling/artillery/missile attack"),
    ("Violence against civilians", "Attack"), ("Strategic developments", "Arrests"),
    ("Protests", "Peaceful protest"),
]  # fmt: skip


def _template(name: str) -> tuple[list[str], dict[str, str]]:
    rows = list(csv.DictReader(io.StringIO((FIXTURES / name).read_text("utf-8"))))
    return list(rows[0].keys()), rows[0]


def write_export(path: Path, dataset: str, count: int, seed: int = 7) -> None:
    rng = random.Random(seed)
    header, base = _template("acled_syria.csv" if dataset == "acled" else "ucdp_ged_syria.csv")
    start = dt.date(2019, 1, 1)
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=header)
        writer.writeheader()
        for i in range(count):
            row = dict(base)
            day = start + dt.timedelta(days=rng.randrange(365))
            lat, lon = 33.0 + rng.random() * 4, 36.0 + rng.random() * 5
            toll = rng.randrange(0, 40)
            if dataset == "acled":
                kind = ACLED_TYPES[i % len(ACLED_TYPES)]
                row.update(event_id_cnty=f"SYR{100000 + i}", event_date=day.isoformat(),
                           year=str(day.year), time_precision=str(1 + i % 3),
                           event_type=kind[0], sub_event_type=kind[1],
                           location=f"Bench village {i % 2500}", latitude=f"{lat:.4f}",
                           longitude=f"{lon:.4f}", fatalities=str(toll),
                           notes=f"On {day:%d %B %Y}, bench event {i} with {toll} deaths.")  # fmt: skip
            else:
                end = day + dt.timedelta(days=rng.choice([0, 0, 0, 3, 20]))
                row.update(id=str(2_000_000 + i), type_of_violence=str(1 + i % 3),
                           date_start=f"{day} 00:00:00.000", date_end=f"{end} 00:00:00.000",
                           where_coordinates=f"Bench village {i % 2500}",
                           latitude=f"{lat:.4f}", longitude=f"{lon:.4f}", best=str(toll),
                           low=str(max(0, toll - 2)), high=str(toll + 5))  # fmt: skip
            writer.writerow(row)


def run(store: Path, export: Path, dataset: str) -> tuple[float, float, float, str]:
    """Wall seconds, CPU seconds (user + system: less sensitive to other load on a shared
    machine), peak MiB and the last line of one `etl import-events` in its own process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "etl", "import-events", str(export), "--format", dataset,
         "--store", str(store)],
        cwd=ROOT, capture_output=True, text=True, check=False,
    )  # fmt: skip
    seconds = time.perf_counter() - started
    if done.returncode != 0:
        raise SystemExit(f"import failed ({done.returncode}):\n{done.stderr}")
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    peak = after.ru_maxrss / 1024  # the largest child so far
    return seconds, cpu, peak, done.stdout.strip().splitlines()[-1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=10_000)
    parser.add_argument("--format", choices=("acled", "ucdp", "both"), default="both")
    args = parser.parse_args()
    formats = ("acled", "ucdp") if args.format == "both" else (args.format,)
    print(
        "| export | rows | first import: wall / CPU s | same file again: wall / CPU s | peak MiB |"
    )
    print("|---|---|---|---|---|")
    for dataset in formats:
        with tempfile.TemporaryDirectory() as tmp:
            export = Path(tmp) / f"{dataset}_{args.rows}.csv"
            write_export(export, dataset, args.rows)
            store = Path(tmp) / "store"
            first, cpu, peak, said = run(store, export, dataset)
            again, cpu2, peak2, said2 = run(store, export, dataset)
            print(f"| {dataset} | {args.rows:,} | {first:.1f} / {cpu:.1f} | {again:.1f} / "
                  f"{cpu2:.1f} | {max(peak, peak2):.0f} |")  # fmt: skip
            print(f"<!-- {said} / {said2} -->", file=sys.stderr)


if __name__ == "__main__":
    main()
