"""Are two stores' outputs the same? For a change to the build or the ingest that must not change
what they write (docs/scale.md, sessions 27-32): ingest or build the same articles with the old
code into one store and with the new into another, then

    PYTHONPATH=$PWD .venv/bin/python scripts/ingest_identity.py STORE_A STORE_B

Compared, item by item (one line each, SAME or DIFFERENT, then ALL SAME or N DIFFERENT; the
exit status is 1 when any differ): the current build's meta, every database table row by
row, every CSV export's bytes, every Parquet export read back row by row, the manifest, the
reader file read back, the mention cache's rows (by key), the merge state's files read back
(`sentences.parquet` sorted first: its row order differs from run to run on the same code,
session 27's note) and its state.json, and the inbox's tables row by row (its texts too).

Two ingests at different times differ in their batch ids, batch names and times, and so in
their build ids and content digests: in each store these are replaced by placeholders first
(read from its inbox's batches and its build's meta), so the digest itself is not compared.
Everything is streamed (a row at a time into a SHA-256), so a 100,000-article store fits.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
import sys
from collections.abc import Iterable, Iterator
from contextlib import closing
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

MERGE_FILES = ("index.parquet", "articles.parquet", "sentences.parquet")
UNORDERED = {"merge sentences.parquet"}


def current(store: Path) -> Path:
    pointer = store / "current"
    if pointer.is_symlink() or pointer.is_dir():
        return pointer.resolve()
    name = pointer.read_text().strip()
    return store / "builds" / name if not Path(name).is_absolute() else Path(name)


def _rows(db: Path, table: str) -> Iterator[tuple]:
    with closing(sqlite3.connect(f"file:{db}?mode=ro", uri=True)) as con:
        order = "key" if table == "mentions" else "rowid"
        try:
            yield from con.execute(f'SELECT * FROM "{table}" ORDER BY {order}')
        except sqlite3.OperationalError:  # (a WITHOUT ROWID table)
            yield from con.execute(f'SELECT * FROM "{table}" ORDER BY 1')


def _tables(db: Path) -> list[str]:
    with closing(sqlite3.connect(f"file:{db}?mode=ro", uri=True)) as con:
        rows = con.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
        return [r[0] for r in rows if r[0] != "sqlite_sequence"]


def _parquet_rows(path: Path) -> Iterator[tuple]:
    file = pq.ParquetFile(path)
    yield ("columns", tuple(file.schema_arrow.names), str(file.schema_arrow.types))
    for batch in file.iter_batches(batch_size=20_000):
        yield from zip(*(c.to_pylist() for c in batch.columns), strict=True)


def _arrow_rows(path: Path) -> Iterator[tuple]:
    with pa.memory_map(str(path)) as source:
        try:
            reader = pa.ipc.open_file(source)
            batches = (reader.get_batch(i) for i in range(reader.num_record_batches))
            schema = reader.schema
        except pa.ArrowInvalid:
            reader = pa.ipc.open_stream(source)
            batches, schema = iter(reader), reader.schema
        yield ("columns", tuple(schema.names), str(schema.types))
        for batch in batches:
            yield from zip(*(c.to_pylist() for c in batch.columns), strict=True)


class Placeholders:
    """A store's batch ids, names and times, build id and content digest, as placeholders."""

    def __init__(self, store: Path, build: Path):
        pairs: dict[str, str] = {}
        for i, (batch_id, name, created_at, *_) in enumerate(
            _rows(store / "inbox.sqlite", "batches")
        ):
            pairs[batch_id] = f"<batch {i}>"
            pairs[name] = f"<batch name {i}>"
            pairs[created_at] = "<time>"
        inbox = store / "inbox.sqlite"
        with closing(sqlite3.connect(f"file:{inbox}?mode=ro", uri=True)) as con:
            for table in ("articles", "outlets"):  # (the rows' time, a second before the batch's
                # at times: made before it)
                query = f'SELECT DISTINCT added_at FROM "{table}" WHERE added_at IS NOT NULL'
                for (at,) in con.execute(query):
                    pairs.setdefault(at, "<time>")
        meta = dict(_rows(build / "conflict.sqlite", "meta"))
        for key in ("build_id", "content_sha256"):
            if meta.get(key):
                pairs[meta[key]] = f"<{key}>"
        if meta.get("content_sha256"):
            pairs[meta["content_sha256"][:10]] = "<content digest's start>"
        self.pairs = sorted(pairs.items(), key=lambda p: -len(p[0]))  # longest first
        self.pairs += [(json.dumps(k)[1:-1], v) for k, v in self.pairs if json.dumps(k)[1:-1] != k]

    def __call__(self, text: str) -> str:
        for old, new in self.pairs:
            if old in text:
                text = text.replace(old, new)
        return text


def _digest(lines: Iterable[str], unordered: bool = False) -> str:
    digest = hashlib.sha256()
    if unordered:
        lines = sorted(lines)
    count = 0
    for line in lines:
        digest.update(line.encode("utf-8", "surrogatepass"))
        digest.update(b"\n")
        count += 1
    return f"{digest.hexdigest()[:16]} ({count} lines)"


def items(store: Path) -> dict[str, str]:
    """Each item's digest, the store's own ids and times replaced."""
    build = current(store)
    fix = Placeholders(store, build)
    out: dict[str, str] = {}

    def rows(name: str, source: Iterable[tuple]) -> None:
        out[name] = _digest((fix(repr(r)) for r in source), name in UNORDERED)

    database = build / "conflict.sqlite"
    for table in _tables(database):
        rows(f"database {table}", _rows(database, table))
    exports = build / "exports"
    for path in sorted(exports.glob("*.csv")):
        text = path.read_bytes().decode("utf-8")  # (bytes: the line ends are compared too)
        out[f"csv {path.name}"] = _digest([fix(text)]) + f", {text.count(chr(10))} line ends"
    for path in sorted(exports.glob("*.parquet")):
        rows(f"parquet {path.name}", _parquet_rows(path))
    for path in sorted(exports.glob("*.json")):
        out[f"export {path.name}"] = _digest([fix(path.read_text(encoding="utf-8"))])
    for path in sorted(build.glob("*.arrow")):
        rows(f"reader file {path.name}", _arrow_rows(path))
    cache = store / "cache"
    if (cache / "mentions.sqlite").exists():
        rows("mention cache rows", _rows(cache / "mentions.sqlite", "mentions"))
    for name in MERGE_FILES:
        if (cache / "merge" / name).exists():
            rows(f"merge {name}", _parquet_rows(cache / "merge" / name))
    if (cache / "merge" / "state.json").exists():
        out["merge state.json"] = _digest([fix((cache / "merge" / "state.json").read_text())])
    for table in _tables(store / "inbox.sqlite"):
        rows(f"inbox {table}", _rows(store / "inbox.sqlite", table))
    return out


def main() -> None:
    if len(sys.argv) != 3:
        raise SystemExit(__doc__)
    first, second = (items(Path(a)) for a in sys.argv[1:])
    different = 0
    for name in sorted(first.keys() | second.keys()):
        a, b = first.get(name, "(missing)"), second.get(name, "(missing)")
        same = a == b
        different += not same
        print(f"{'SAME' if same else 'DIFFERENT':<10} {name:<36} {a}" + ("" if same else f" | {b}"))
    print(
        f"{len(first | second)} items: "
        + ("ALL SAME" if not different else f"{different} DIFFERENT")
    )
    raise SystemExit(1 if different else 0)


if __name__ == "__main__":
    main()
