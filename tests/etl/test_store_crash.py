"""Builds killed between their steps, and two builds at once: the store and its exports stay a
matching pair, and the next build cleans up. Each build runs in its own process (kill -9).
On SQLite and, with CONFLICT_TEST_DATABASE_URL, on PostgreSQL (tests/backends.py)."""

from __future__ import annotations

import csv
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from etl.exports import read_manifest
from etl.settings import ROOT
from etl.store import current_build, read_store
from tests.conftest import MINI_ARTICLE_B

# Runs `python -m etl build` in a child that SIGKILLs itself right after the named function
# of etl.store / etl.exports returns (or, for write_frame, after the third CSV).
CHILD = """
import os, signal, sys
import importlib
from etl.cli import main
module_name, function, after = sys.argv[1], sys.argv[2], int(sys.argv[3])
module = importlib.import_module(f"etl.{module_name}")
original, calls = getattr(module, function), []
def killing(*args, **kwargs):
    result = original(*args, **kwargs)
    calls.append(1)
    if len(calls) >= after:
        os.kill(os.getpid(), signal.SIGKILL)
    return result
setattr(module, function, killing)
sys.exit(main(sys.argv[4:]))
"""

# (where the build dies, module, function, after how many calls, does the new build win?)
KILL_POINTS = [
    ("database written, exports not yet", "store", "write_database", 1, False),
    ("three export files written", "exports", "write_frame", 3, False),
    ("exports written, folder not yet renamed", "store", "write_exports", 1, False),
    ("build renamed, pointer not yet moved", "store", "commit_build", 1, False),
    ("pointer moved, old builds not yet removed", "store", "publish_build", 1, True),
]
# With PostgreSQL the tables are written by pg_store.stage, and the database's pointer row
# moves before the `current` symlink follows it.
PG_KILL_POINTS = [
    ("database written, exports not yet", "pg_store", "stage", 1, False),
    *KILL_POINTS[1:4],
    ("database pointer moved, symlink not yet", "pg_store", "publish", 1, True),
    KILL_POINTS[4],
]
CASES = [("sqlite", *k) for k in KILL_POINTS] + [("postgresql", *k) for k in PG_KILL_POINTS]


def _build_args(mini) -> list[str]:
    return [
        "build",
        "--seeds",
        str(mini.seeds),
        "--curated",
        str(mini.curated),
        "--store",
        str(mini.store),
    ]


def _run(args: list[str], **kwargs) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run(
        [sys.executable, *args],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=300,
        **kwargs,
    )


def assert_matching_pair(store: Path) -> str:
    """The published database and its exports name the same build and hold the same rows."""
    build = current_build(store)
    tables, meta = read_store(store)
    manifest = read_manifest(build / "exports")
    assert meta["build_id"] == manifest["build_id"] == build.name
    for name, frame in tables.items():
        with (build / "exports" / f"{name}.csv").open(encoding="utf-8", newline="") as handle:
            assert sum(1 for _ in csv.reader(handle)) - 1 == len(frame) == manifest["rows"][name]
    return build.name


@pytest.mark.parametrize(
    ("backend", "where", "module", "function", "after", "new_wins"),
    CASES,
    ids=[f"{k[0]}: {k[1]}" for k in CASES],
    indirect=["backend"],
)
def test_a_build_killed_between_steps_leaves_a_matching_pair(
    mini, backend, where, module, function, after, new_wins
):
    assert _run(["-m", "etl", *_build_args(mini)]).returncode == 0
    first = assert_matching_pair(mini.store)
    (mini.seeds / "b.txt").write_text(
        MINI_ARTICLE_B + " Three more died on Tuesday.", encoding="utf-8"
    )
    killed = _run(["-c", CHILD, module, function, str(after), *_build_args(mini)])
    assert killed.returncode == -signal.SIGKILL, killed.stderr
    after_kill = assert_matching_pair(mini.store)
    assert (after_kill != first) is new_wins
    # the next build finishes, publishes, and removes what the killed one left
    assert _run(["-m", "etl", *_build_args(mini)]).returncode == 0
    latest = assert_matching_pair(mini.store)
    assert os.readlink(mini.store / "current") == f"builds/{latest}"  # exports' pointer follows
    left = sorted(p.name for p in (mini.store / "builds").iterdir())
    assert left == sorted({after_kill, latest})
    assert not [p for p in mini.store.rglob(".staging-*")]
    if backend.url:  # the database keeps the same two builds' tables, and nothing else
        assert backend.state()["schemas"] == [f"build_{b}" for b in left]


def test_two_builds_at_once_both_publish_whole_builds_in_turn(mini, backend):
    args = ["-m", "etl", *_build_args(mini), "--wait", "120"]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    children = [
        subprocess.Popen(
            [sys.executable, *args],
            cwd=ROOT,
            env=env,
            text=True,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        for _ in range(2)
    ]
    results = [(child.wait(timeout=300), *child.communicate()) for child in children]
    assert [code for code, _, _ in results] == [0, 0], results
    builds = {
        line.split()[-1]
        for _, out, _ in results
        for line in out.splitlines()
        if line.startswith("build:")
    }
    assert len(builds) == 2  # each published its own build, one after the other
    assert assert_matching_pair(mini.store) == max(builds)
    assert sorted(p.name for p in (mini.store / "builds").iterdir()) == sorted(builds)
