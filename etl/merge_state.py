"""The state a build leaves for the next batch: its merge index and its sources, on disk.

    <store>/cache/merge/index.parquet      what the merge decided per mention (merge_index)
    <store>/cache/merge/articles.parquet   each article's wire, label and group (source_state)
    <store>/cache/merge/sentences.parquet  where each long sentence was first seen
    <store>/cache/merge/state.json         the build it belongs to, and what it was made from

Derived data, like the mention cache: safe to delete (the next ingest then merges everything
again and writes it anew). It is written after the build it describes was published, and it
is used only for that build (the content digest in state.json must be the current build's)
and only when the rules, gazetteers, seeds and curated rows are those it was made with.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import sqlite3
import tempfile
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path
from typing import IO

import pandas as pd

from etl.source_state import Sources

FOLDER = Path("cache") / "merge"
#: 2: the index keeps each mention's toll sign (merge_index `toll`); 3: and whether it counts
#: itself a further happening of its article (`further`). A state of another version is not
#: used: the next batch is merged with everything and the state written anew.
VERSION = "3"


@dataclass
class MergeState:
    """A build's merge index and sources, and the fingerprint of the rules it was made with.
    `kept` is the index, or the temporary file it was spilled to (`spill`)."""

    kept: pd.DataFrame | IO[bytes]
    sources: Sources
    fingerprint: str  # of the mention cache: rules, word lists, gazetteers
    mentions: int  # how many mentions were merged (the next batch's seqs follow)

    @property
    def index(self) -> pd.DataFrame:
        """The merge index (read back from its file when it was spilled)."""
        if isinstance(self.kept, pd.DataFrame):
            return self.kept
        return pd.read_parquet(self.kept.name)


def spill(index: pd.DataFrame) -> IO[bytes]:
    """The index written to a temporary file, removed once the returned handle goes (closed or
    collected): a build holds the file, not the frame, from the merge to `save`, which copies
    it (the same bytes `save` writes of the frame). About 60 MiB at 16,000 news-length
    articles (docs/scale.md, "Session 29 (hI17)")."""
    # (no `with`: the file outlives this call)
    handle = tempfile.NamedTemporaryFile(prefix="merge-index-", suffix=".parquet")  # noqa: SIM115
    try:
        index.to_parquet(handle.name, index=False)
    except BaseException:
        handle.close()
        raise
    return handle


def inputs_digest(*folders: Path) -> str:
    """A digest of every file under the seed and curated folders."""
    digest = hashlib.sha256()
    for folder in folders:
        for path in sorted(p for p in folder.rglob("*") if p.is_file()):
            digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:20]


def save(store: Path, state: MergeState, content: str, inputs: str, articles: int) -> bool:
    """Write the state of the build with content digest `content`; False if it cannot be
    written (it only saves time: a full disk must not fail a published build)."""
    target = store / FOLDER
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=".merge-", dir=target.parent))
        if isinstance(state.kept, pd.DataFrame):
            state.kept.to_parquet(staging / "index.parquet", index=False)
        else:
            shutil.copyfile(state.kept.name, staging / "index.parquet")
        frames = state.sources.frames()
        frames[0].to_parquet(staging / "articles.parquet", index=False)
        frames[1].to_parquet(staging / "sentences.parquet", index=False)
        meta = {"version": VERSION, "content_sha256": content, "fingerprint": state.fingerprint,
                "inputs": inputs, "articles": articles, "mentions": state.mentions}  # fmt: skip
        (staging / "state.json").write_text(json.dumps(meta), encoding="utf-8")
        old = target.with_name(".merge-old")
        shutil.rmtree(old, ignore_errors=True)
        if target.exists():
            os.replace(target, old)
        os.replace(staging, target)
        shutil.rmtree(old, ignore_errors=True)
    except OSError:
        return False
    return True


def load(store: Path, content: str, fingerprint: str, inputs: str) -> MergeState | None:
    """The state of the build with content digest `content`, if it is there and was made
    with the same rules and inputs; else None (the batch is then merged with everything)."""
    folder = store / FOLDER
    try:
        meta = json.loads((folder / "state.json").read_text(encoding="utf-8"))
        if (meta.get("version"), meta.get("content_sha256"), meta.get("fingerprint"),
                meta.get("inputs")) != (VERSION, content, fingerprint, inputs):  # fmt: skip
            return None
        index = pd.read_parquet(folder / "index.parquet")
        sources = Sources(pd.read_parquet(folder / "articles.parquet"),
                          pd.read_parquet(folder / "sentences.parquet"))  # fmt: skip
    except (OSError, ValueError, KeyError):
        return None
    return MergeState(index, sources, fingerprint, int(meta["mentions"]))


def articles_in(store: Path) -> int | None:
    """How many articles the saved state covers (None without one)."""
    try:
        meta = json.loads((store / FOLDER / "state.json").read_text(encoding="utf-8"))
        return int(meta["articles"])
    except (OSError, ValueError, KeyError):
        return None


def published_meta(store: Path) -> dict[str, str]:
    """The meta rows of the current build (no table is read); empty without one."""
    path = store / "current" / "conflict.sqlite"
    if not path.is_file():
        return {}
    uri = f"{path.resolve().as_uri()}?mode=ro&immutable=1"
    try:
        with closing(sqlite3.connect(uri, uri=True)) as conn:
            return dict(conn.execute("SELECT key, value FROM meta").fetchall())
    except sqlite3.Error:
        return {}


def keep(store: Path, state: MergeState | None, seeds: Path, curated: Path, articles: int) -> bool:
    """Save the state of the build just published (call after publishing)."""
    if state is None:
        return False
    content = published_meta(store).get("content_sha256", "")
    return save(store, state, content, inputs_digest(seeds, curated), articles)
