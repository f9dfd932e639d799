"""The inbox: append-only, whole batches or nothing (even under kill -9), two writers at once."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
from contextlib import closing

import pytest

from etl import inbox
from etl.settings import ROOT
from etl.store import read_store
from tests.conftest import tree_digest

ARTICLE = "Outlet: Valley Courier\nPublished: 2020-01-{day:02d}\n\nRockets hit Alpha on Monday, killing {n} people.\n"


def _files(folder, count: int, first: int = 0) -> list[str]:
    folder.mkdir(exist_ok=True)
    paths = []
    for i in range(first, first + count):
        path = folder / f"a{i}.txt"
        path.write_text(ARTICLE.format(day=1 + i % 28, n=i + 2), encoding="utf-8")
        paths.append(str(path))
    return paths


def _env(mini) -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(ROOT)}


def _cli(mini, *args: str) -> list[str]:
    return [sys.executable, "-m", "etl", *args, "--store", str(mini.store)]


def test_the_log_refuses_updates_and_deletes(mini):
    inbox.add_decisions(mini.store, [{"action": "retract", "target": "b1", "who": "ana"}])
    with closing(sqlite3.connect(mini.store / inbox.INBOX)) as conn:
        for sql in ("UPDATE decisions SET who = 'eve'", "DELETE FROM decisions"):
            with pytest.raises(sqlite3.IntegrityError, match="decisions is append-only"):
                conn.execute(sql)
    assert [d.who for d in inbox.read(mini.store).decisions] == ["ana"]


def test_an_unknown_action_is_refused_and_nothing_is_logged(mini):
    with pytest.raises(ValueError, match="unknown action 'delete'"):
        inbox.add_decisions(
            mini.store,
            [
                {"action": "retract", "target": "b", "who": "a"},
                {"action": "delete", "target": "b", "who": "a"},
            ],
        )
    assert inbox.read(mini.store).decisions == []


# Ingest in a child that SIGKILLs itself after inserting the Nth article row of the batch.
CHILD = """
import os, signal, sys
import etl.inbox
from etl.cli import main
after, calls, original = int(sys.argv[1]), [], etl.inbox._insert
def killing(conn, table, row):
    original(conn, table, row)
    if table == "articles":
        calls.append(1)
        if len(calls) >= after:
            os.kill(os.getpid(), signal.SIGKILL)
etl.inbox._insert = killing
sys.exit(main(sys.argv[2:]))
"""


def test_a_batch_killed_while_it_is_committed_is_stored_whole_or_not_at_all(mini, tmp_path):
    env, cwd = _env(mini), ROOT
    base = ["--seeds", str(mini.seeds), "--curated", str(mini.curated)]
    first = _files(tmp_path / "one", 2)
    done = subprocess.run(
        [*_cli(mini, "ingest", *first), *base],
        env=env,
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    before = tree_digest(mini.store / "builds"), inbox.read(mini.store)
    second = _files(tmp_path / "two", 5, first=10)
    killed = subprocess.run(
        [sys.executable, "-c", CHILD, "3", "ingest", *second, *base, "--store", str(mini.store)],
        env=env,
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert killed.returncode == -signal.SIGKILL, killed.stderr
    after = inbox.read(mini.store)
    assert len(after.batches) == 1 and len(after.articles) == 2  # none of the killed batch
    published = {
        k: v for k, v in tree_digest(mini.store / "builds").items() if not k.startswith(".staging-")
    }  # a staged build waits for the next writer
    assert published == before[0]  # the published build is as it was
    again = subprocess.run(
        [*_cli(mini, "ingest", *second), *base],
        env=env,
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert again.returncode == 0, again.stderr
    assert len(inbox.read(mini.store).articles) == 7
    assert not list((mini.store / "builds").glob(".staging-*"))
    assert len(read_store(mini.store)[0]["articles"]) == 2 + 7  # seeds + both batches


def test_two_analysts_ingesting_at_once_lose_nothing(mini, tmp_path):
    base = ["--seeds", str(mini.seeds), "--curated", str(mini.curated)]
    runs = [
        subprocess.Popen(
            [
                *_cli(mini, "ingest", *_files(tmp_path / f"w{n}", 4, first=20 * n)),
                *base,
                "--batch",
                f"writer {n}",
            ],
            env=_env(mini),
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for n in range(2)
    ]
    results = [(r.wait(timeout=300), r.communicate()) for r in runs]
    assert [code for code, _ in results] == [0, 0], results
    snapshot = inbox.read(mini.store)
    assert sorted(b["name"] for b in snapshot.batches) == ["writer 0", "writer 1"]
    published = read_store(mini.store)[0]["articles"]
    assert set(published["batch_id"]) == {"seeds", *(b["batch_id"] for b in snapshot.batches)}
    assert len(published) == 2 + 8


KILL_AT_FINISH = """
import os, signal, sys
import etl.store
from etl.cli import main
def killing(*args, **kwargs):
    os.kill(os.getpid(), signal.SIGKILL)
etl.store.finish = killing
sys.exit(main(sys.argv[1:]))
"""


def test_a_writer_killed_after_committing_is_caught_up_by_the_next(mini, tmp_path):
    env, base = _env(mini), ["--seeds", str(mini.seeds), "--curated", str(mini.curated)]
    files = _files(tmp_path / "one", 2)
    killed = subprocess.run(
        [sys.executable, "-c", KILL_AT_FINISH, "ingest", *files, *base, "--store", str(mini.store)],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert killed.returncode == -signal.SIGKILL
    assert len(inbox.read(mini.store).batches) == 1  # stored, but never published
    again = subprocess.run(
        [*_cli(mini, "ingest", *files), *base],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert again.returncode == 0, again.stderr
    assert "it was behind the stored batches" in again.stdout
    published = read_store(mini.store)
    assert len(published[0]["articles"]) == 2 + 2
    assert published[1]["inbox_state"] == inbox.stamp(inbox.read(mini.store))


def test_read_takes_the_store_as_a_str_or_a_path(tmp_path):
    store = tmp_path / "store"
    assert inbox.read(str(store)) == inbox.Snapshot()  # nothing ingested yet: no crash
    inbox.commit(
        store,
        batch={"batch_id": "b1", "name": "one", "created_at": inbox.now(), "created_by": "ana"},
    )
    as_str, as_path = inbox.read(str(store)), inbox.read(store)
    assert [b["batch_id"] for b in as_str.batches] == ["b1"]
    assert as_str == as_path


def test_batches_stored_within_one_second_are_read_in_the_order_they_were_stored(
    tmp_path, monkeypatch
):
    """Times are kept to the second. Two batches stored within one second came back ordered
    by their ids, so a rebuild could name the later batch as the one that brought an event
    (seen as an intermittent count on the analyst page). The second batch's id and its
    article's id both sort first here."""
    monkeypatch.setattr(inbox, "now", lambda: "2026-12-05T22:58:39Z")
    store = tmp_path / "store"

    def article(article_id: str, batch_id: str, text: str) -> dict:
        return {
            "article_id": article_id, "batch_id": batch_id, "source": f"{article_id}.txt",
            "outlet_id": "o1", "title": text[:20], "published": "2019-03-01",
            "language": "en", "added_at": inbox.now(), "text": text,
            "text_sha256": article_id * 4, "n_chars": len(text),
        }  # fmt: skip

    for batch_id, article_id, text in (
        ("b2", "art_z", "Shelling hit the town on Friday."),
        ("b1", "art_a", "Hours later the shelling resumed."),
    ):
        inbox.commit(
            store,
            batch={
                "batch_id": batch_id,
                "name": batch_id,
                "created_at": inbox.now(),
                "created_by": "ana",
            },  # fmt: skip
            articles=[article(article_id, batch_id, text)],
        )
    snapshot = inbox.read(store)
    assert [b["batch_id"] for b in snapshot.batches] == ["b2", "b1"]
    assert [(a["batch_id"], a["article_id"]) for a in snapshot.articles] == [
        ("b2", "art_z"), ("b1", "art_a"),
    ]  # fmt: skip
    assert [a["text"] for a in inbox.read(store, texts=True).articles][0].startswith("Shelling")
