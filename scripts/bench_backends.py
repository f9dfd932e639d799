"""Benchmark: the store on SQLite files and on PostgreSQL, the same builds (issue 10).

    CONFLICT_BENCH_DATABASE_URL=postgresql://USER:PASSWORD@HOST/DB \\
        .venv/bin/python scripts/bench_backends.py [--events 100000] [--repeat 3]

The URL's role must be allowed to create databases: each measurement gets a fresh database,
dropped after (without the URL only SQLite is measured). For each backend, in fresh processes:

- default data, `etl build`: the whole command from start to exit on seeds/ and
  data/curated/ into a new store (extraction included), then again into the same store (the
  extraction cache full: mostly validation, merging, writing and publishing);
- default data, publish only: `write_store` of the built tables (database, exports,
  pointer), in process;
- synthetic store: `python -m etl.synthetic --events N --no-exports`, its "written in" time
  (the tables to the database, keys checked, published);
- dashboard load: what the app's cached loader does once per build (`load_tables`: read the
  current build without the article texts; first in a new process, with its imports and
  connection, then again as after a new build), then the event and claim frames and the
  filter options.

Medians of `--repeat` runs, wall seconds. Prints one table; stores and databases are removed.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
BENCH_URL = "CONFLICT_BENCH_DATABASE_URL"

LOAD_CHILD = """
import json, sys, time
from pathlib import Path
started = time.perf_counter()
from dashboard.data import load_tables
from dashboard.filters import filter_options
from dashboard.views import claim_frame, event_frame
from etl.schemas import AREAS
from etl.settings import Paths
imported = time.perf_counter()
loaded = load_tables(Paths(store=Path(sys.argv[1])))
read = time.perf_counter()
load_tables(Paths(store=Path(sys.argv[1])))  # again: what a reload after a new build costs
again = time.perf_counter() - read
read = time.perf_counter()
tables = loaded.tables
view = event_frame(tables)
claim_frame(tables)
filter_options(view, tables["outlets"], tables["actors"], AREAS)
done = time.perf_counter()
print(json.dumps({"read_s": read - imported - again, "again_s": again, "frames_s": done - read,
                  "events": len(tables["events"])}))
"""

PUBLISH_CHILD = """
import json, sys, time
from pathlib import Path
from etl.build import build_tables
from etl.settings import Paths
from etl.store import write_store
tables = build_tables(Paths(), extract=True)
times = []
for i in range(int(sys.argv[2])):
    started = time.perf_counter()
    write_store(Path(sys.argv[1]), tables)
    times.append(time.perf_counter() - started)
print(json.dumps({"publish_s": times}))
"""


@contextmanager
def fresh_database(server: str | None) -> Iterator[str | None]:
    """A new empty database on `server` for the block (None: SQLite)."""
    if server is None:
        yield None
        return
    from urllib.parse import urlsplit, urlunsplit

    import psycopg

    name = f"conflict_bench_{uuid.uuid4().hex[:10]}"
    with psycopg.connect(server, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    try:
        yield urlunsplit(urlsplit(server)._replace(path="/" + name))
    finally:
        with psycopg.connect(server, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def run(args: list[str], url: str | None) -> tuple[str, float]:
    """Run python with `args` (CONFLICT_DATABASE_URL set or not); its stdout and wall time."""
    env = {k: v for k, v in os.environ.items() if k != "CONFLICT_DATABASE_URL"}
    env["PYTHONPATH"] = str(ROOT)
    if url:
        env["CONFLICT_DATABASE_URL"] = url
    started = time.perf_counter()
    done = subprocess.run([sys.executable, *args], cwd=ROOT, env=env, capture_output=True,
                          text=True, timeout=3600)  # fmt: skip
    elapsed = time.perf_counter() - started
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(args[:3])} failed: {done.stderr.strip()[-500:]}")
    return done.stdout, elapsed


def loads(store: Path, url: str | None, repeat: int) -> dict:
    runs = [json.loads(run(["-c", LOAD_CHILD, str(store)], url)[0]) for _ in range(repeat)]
    return {
        "read_s": statistics.median(r["read_s"] for r in runs),
        "again_s": statistics.median(r["again_s"] for r in runs),
        "frames_s": statistics.median(r["frames_s"] for r in runs),
        "events": runs[0]["events"],
    }


def measure(server: str | None, events: int, repeat: int) -> dict:
    found: dict = {}
    with tempfile.TemporaryDirectory(prefix="bench_backends_") as tmp:
        store = Path(tmp) / "default"
        with fresh_database(server) as url:
            first, rebuilds = None, []
            for i in range(repeat + 1):
                _, elapsed = run(["-m", "etl", "build", "--store", str(store)], url)
                if i == 0:
                    first = elapsed
                else:
                    rebuilds.append(elapsed)
            found["build_first_s"] = first
            found["build_again_s"] = statistics.median(rebuilds)
            out, _ = run(["-c", PUBLISH_CHILD, str(Path(tmp) / "publish"), str(repeat)], url)
            found["publish_s"] = statistics.median(json.loads(out)["publish_s"])
            found["default_load"] = loads(store, url, repeat)
        with fresh_database(server) as url:
            big = Path(tmp) / "synthetic"
            out, _ = run(["-m", "etl.synthetic", "--events", str(events), "--store", str(big),
                          "--no-exports"], url)  # fmt: skip
            found["synthetic_written_s"] = float(re.search(r"written in ([\d.]+) s", out)[1])
            found["synthetic_load"] = loads(big, url, repeat)
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    backends = {"SQLite": None}
    if os.environ.get(BENCH_URL):
        backends["PostgreSQL"] = os.environ[BENCH_URL]
    else:
        print(f"{BENCH_URL} is not set: SQLite only", file=sys.stderr)
    results = {name: measure(url, args.events, args.repeat) for name, url in backends.items()}
    n = f"{args.events:,}"
    rows = [
        ("default data: `etl build`, new store (s)", lambda r: r["build_first_s"]),
        ("default data: `etl build` again (s)", lambda r: r["build_again_s"]),
        ("default data: publish only, write_store (s)", lambda r: r["publish_s"]),
        (
            "default data: dashboard read, first in its process (s)",
            lambda r: r["default_load"]["read_s"],
        ),
        ("default data: dashboard read again (s)", lambda r: r["default_load"]["again_s"]),
        (f"{n} events: write + publish (s, one run)", lambda r: r["synthetic_written_s"]),
        (
            f"{n} events: dashboard read, first in its process (s)",
            lambda r: r["synthetic_load"]["read_s"],
        ),
        (f"{n} events: dashboard read again (s)", lambda r: r["synthetic_load"]["again_s"]),
        (f"{n} events: frames + filter options (s)", lambda r: r["synthetic_load"]["frames_s"]),
    ]
    print("| measure | " + " | ".join(results) + " |")
    print("|---|" + "---|" * len(results))
    for label, get in rows:
        print(f"| {label} | " + " | ".join(f"{get(r):.2f}" for r in results.values()) + " |")


if __name__ == "__main__":
    main()
