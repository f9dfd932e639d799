"""The analysts' inbox: ingested articles and every review decision, append-only, in SQLite.

This is a source of truth beside `seeds/` and `data/curated/`: the published tables are
rebuilt from the three. Nothing here is ever updated or deleted (triggers refuse it), so the
history of batches and decisions is complete: a retraction is a new decision, not a delete.
Article texts are stored once, keyed by their content hash, so the same article twice adds
nothing. Every write is one transaction: after a crash the inbox holds a whole batch or none
of it. Readers open it read-only (so a read-only mount, or a dashboard running as another user,
can read it), and a second writer waits (busy timeout) instead of failing.

    <store>/inbox.sqlite   batches, texts, articles, outlets, places, decisions, imports

`imports` (version 2) holds events imported from other datasets' exports (ACLED, UCDP GED),
one row per event as read, with the dataset's own id; the latest row of an id wins at build.
An inbox of version 1 gains the table (and its triggers) the first time it is written to;
until then readers see no imports.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from collections.abc import Iterable, Iterator, Mapping
from contextlib import closing, contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path

from etl.problems import StoreError

INBOX = "inbox.sqlite"
INBOX_VERSION = "2"  # 2: imports

_TABLES = {
    "batches": "batch_id TEXT PRIMARY KEY NOT NULL, name TEXT NOT NULL, created_at TEXT NOT NULL, "
    "created_by TEXT NOT NULL, note TEXT",
    "texts": "article_id TEXT PRIMARY KEY NOT NULL, text TEXT NOT NULL, "
    "text_sha256 TEXT NOT NULL UNIQUE, n_chars INTEGER NOT NULL",
    "outlets": "outlet_id TEXT PRIMARY KEY NOT NULL, name TEXT NOT NULL, kind TEXT NOT NULL, "
    "country TEXT, wire_id TEXT, batch_id TEXT REFERENCES batches(batch_id), added_at TEXT",
    "articles": "article_id TEXT PRIMARY KEY NOT NULL REFERENCES texts(article_id), "
    "batch_id TEXT NOT NULL REFERENCES batches(batch_id), source TEXT NOT NULL, "
    "outlet_id TEXT NOT NULL, wire TEXT, byline TEXT, title TEXT NOT NULL, "
    "published TEXT NOT NULL, dateline TEXT, url TEXT, language TEXT NOT NULL, "
    "encoding TEXT, notes TEXT, added_at TEXT NOT NULL",
    "places": "seq INTEGER PRIMARY KEY AUTOINCREMENT, place_id TEXT NOT NULL, name TEXT NOT NULL, "
    "aliases TEXT, kind TEXT NOT NULL, latitude REAL NOT NULL, longitude REAL NOT NULL, "
    "geo_precision INTEGER NOT NULL, admin1 TEXT, country TEXT, area TEXT NOT NULL, "
    "source TEXT NOT NULL, who TEXT NOT NULL, at TEXT NOT NULL",
    "decisions": "seq INTEGER PRIMARY KEY AUTOINCREMENT, action TEXT NOT NULL, "
    "target TEXT NOT NULL, mentions TEXT NOT NULL DEFAULT '[]', "
    "changes TEXT NOT NULL DEFAULT '{}', who TEXT NOT NULL, at TEXT NOT NULL, note TEXT",
    "imports": "seq INTEGER PRIMARY KEY AUTOINCREMENT, "
    "batch_id TEXT NOT NULL REFERENCES batches(batch_id), dataset TEXT NOT NULL, "
    "original_id TEXT NOT NULL, line INTEGER NOT NULL, record TEXT NOT NULL, "
    "added_at TEXT NOT NULL",
    "meta": "key TEXT PRIMARY KEY NOT NULL, value TEXT",
}

#: What a decision can do. Event decisions target an event id and carry the stable keys of
#: its mentions (see etl/review.py); batch decisions target a batch id.
ACTIONS = ("accept", "reject", "edit", "retract", "restore", "update_article")


def now() -> str:
    """The current time in UTC, to the second, ISO 8601."""
    return dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")


@dataclass(frozen=True)
class Decision:
    """One row of the decision log."""

    seq: int
    action: str
    target: str
    mentions: tuple[str, ...]
    changes: Mapping[str, object]
    who: str
    at: str
    note: str | None = None


@dataclass(frozen=True)
class Snapshot:
    """Everything in the inbox, read in one transaction (a consistent view)."""

    batches: list[dict] = field(default_factory=list)
    articles: list[dict] = field(default_factory=list)  # with their text
    outlets: list[dict] = field(default_factory=list)
    places: list[dict] = field(default_factory=list)
    decisions: list[Decision] = field(default_factory=list)
    imports: list[dict] = field(default_factory=list)  # events imported from other datasets

    def batch_state(self) -> dict[str, str]:
        """batch_id -> 'published' or 'retracted' (the latest retract/restore decides)."""
        state = {b["batch_id"]: "published" for b in self.batches}
        for d in self.decisions:
            if d.action in ("retract", "restore") and d.target in state:
                state[d.target] = "retracted" if d.action == "retract" else "published"
        return state

    def without_texts(self) -> Snapshot:
        """The same inbox, its articles without their text (a build drops them once the texts
        are in its tables)."""
        return replace(self, articles=[{k: v for k, v in a.items() if k != "text"}
                                       for a in self.articles])  # fmt: skip

    def live_articles(self) -> list[dict]:
        """Articles of batches that are not retracted."""
        state = self.batch_state()
        return [a for a in self.articles if state.get(a["batch_id"]) == "published"]


def with_pending(
    snapshot: Snapshot, decisions: Iterable[Mapping[str, object]], places: Iterable[Mapping]
) -> Snapshot:
    """The snapshot as it will be once `decisions` and `places` are added (to build before
    committing them)."""
    at, seq = now(), max((d.seq for d in snapshot.decisions), default=0)
    added = [
        Decision(seq + i, str(d["action"]), str(d["target"]), tuple(d.get("mentions", ())),
                 dict(d.get("changes", {})), str(d["who"]), at, d.get("note"))
        for i, d in enumerate(decisions, start=1)
    ]  # fmt: skip
    more_places = [{"at": at, **p} for p in places]
    return Snapshot(
        snapshot.batches,
        snapshot.articles,
        snapshot.outlets,
        [*snapshot.places, *more_places],
        [*snapshot.decisions, *added],
        snapshot.imports,
    )


def _create(conn: sqlite3.Connection) -> None:
    with conn:
        for name, columns in _TABLES.items():
            conn.execute(f"CREATE TABLE IF NOT EXISTS {name} ({columns})")
            if name == "meta":
                continue
            for verb in ("UPDATE", "DELETE"):
                conn.execute(
                    f"CREATE TRIGGER IF NOT EXISTS {name}_no_{verb.lower()} BEFORE {verb} ON "
                    f"{name} BEGIN SELECT RAISE(ABORT, '{name} is append-only'); END"
                )
        conn.execute("INSERT OR REPLACE INTO meta VALUES ('inbox_version', ?)", (INBOX_VERSION,))


@contextmanager
def connect(store: Path, create: bool = False) -> Iterator[sqlite3.Connection]:
    """A connection to the store's inbox (made on first write); raise StoreError if unusable."""
    path = store / INBOX
    if not create and not path.exists():
        raise StoreError(f"{path}: no inbox yet; nothing has been ingested into this store")
    try:
        store.mkdir(parents=True, exist_ok=True)
        with closing(sqlite3.connect(path, timeout=30.0, isolation_level=None)) as conn:
            conn.execute("PRAGMA journal_mode = DELETE")  # readers need no -wal/-shm files
            conn.execute("PRAGMA foreign_keys = ON")
            conn.row_factory = sqlite3.Row
            if create:
                _create(conn)
            yield conn
    except sqlite3.DatabaseError as exc:
        raise StoreError(f"{path}: the inbox cannot be used ({exc})") from exc


@contextmanager
def _reading(store: Path) -> Iterator[sqlite3.Connection]:
    """A read-only connection: readers of a store they may not write (a dashboard running as
    another user, a read-only mount) can still read it."""
    path = store / INBOX
    try:
        with closing(sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True,
                                     timeout=30.0, isolation_level=None)) as conn:  # fmt: skip
            conn.row_factory = sqlite3.Row
            yield conn
    except sqlite3.DatabaseError as exc:
        raise StoreError(f"{path}: the inbox cannot be read ({exc})") from exc


def read(store: str | Path, texts: bool = True) -> Snapshot:
    """The whole inbox as plain rows; an empty snapshot when nothing was ingested yet.
    Without `texts`, articles come without their text and imported events without their
    record (for listing batches and decisions). `store` is a folder, as a str or a Path."""
    store = Path(store)
    if not (store / INBOX).exists():
        return Snapshot()
    with _reading(store) as conn:
        conn.execute("BEGIN")
        try:
            rows = {
                # in the order they were stored: the tables are append-only, so a rowid
                # is the order of storing. Times are kept to the second, and two batches
                # stored within one second were ordered by their ids, so a rebuild could
                # make the later batch the one that brought an event (its batch flipped)
                "batches": "SELECT * FROM batches ORDER BY rowid",
                "articles": (
                    "SELECT a.*, t.text FROM articles a JOIN texts t USING (article_id) "
                    if texts
                    else "SELECT a.* FROM articles a "
                )
                + "JOIN batches b USING (batch_id) ORDER BY b.rowid, a.article_id",
                "outlets": "SELECT * FROM outlets ORDER BY outlet_id",
                "places": "SELECT * FROM places ORDER BY seq",
                "decisions": "SELECT * FROM decisions ORDER BY seq",
            }
            got = {k: [dict(r) for r in conn.execute(q)] for k, q in rows.items()}
            got["imports"] = _imports(conn, records=texts)
        finally:
            conn.execute("COMMIT")
    decisions = [
        Decision(
            seq=r["seq"],
            action=r["action"],
            target=r["target"],
            mentions=tuple(json.loads(r["mentions"])),
            changes=json.loads(r["changes"]),
            who=r["who"],
            at=r["at"],
            note=r["note"],
        )
        for r in got["decisions"]
    ]
    return Snapshot(
        got["batches"], got["articles"], got["outlets"], got["places"], decisions, got["imports"]
    )


def stored_in(store: str | Path, article_ids: Iterable[str]) -> dict[str, tuple[str, str]]:
    """For the given articles already in the inbox: article id -> (batch id, batch name).
    Reads only those rows (a batch preview asks this on every rerun, at any store size)."""
    wanted = sorted(set(article_ids))
    store = Path(store)
    if not wanted or not (store / INBOX).exists():
        return {}
    found: dict[str, tuple[str, str]] = {}
    with _reading(store) as conn:
        for at in range(0, len(wanted), 500):  # under SQLite's bound-parameter limit
            chunk = wanted[at : at + 500]
            marks = ", ".join("?" * len(chunk))
            query = (
                "SELECT a.article_id, a.batch_id, b.name FROM articles a "
                f"JOIN batches b USING (batch_id) WHERE a.article_id IN ({marks})"
            )
            found.update({r[0]: (r[1], r[2]) for r in conn.execute(query, chunk)})
    return found


def texts_of(store: str | Path) -> dict[str, str]:
    """article id -> text, of every stored article (what `read` joins to the rows): a merged
    ingest drops the stored rows' texts it does not read, and a declined one reads them
    again here (etl/ingest.py `_tables_with`)."""
    store = Path(store)
    if not (store / INBOX).exists():
        return {}
    with _reading(store) as conn:
        return dict(conn.execute("SELECT article_id, text FROM texts").fetchall())


def texts_near(
    store: str | Path, dates: Iterable[str], days: int, chars: tuple[int, int], most: int
) -> list[dict]:
    """The stored articles a batch's near-duplicate check compares with (`etl.near_duplicates`):
    those published within `days` of one of `dates` (ISO; every date when `dates` is empty),
    of `chars` (least, most) characters, at most `most` of them (the nearest in date first),
    each with its batch's name and its text. Reads the texts of those rows only."""
    store = Path(store)
    if not (store / INBOX).exists():
        return []
    with _reading(store) as conn:
        rows = conn.execute(
            "SELECT a.article_id, a.batch_id, b.name, a.source, a.title, a.published "
            "FROM articles a JOIN batches b USING (batch_id) JOIN texts t USING (article_id) "
            "WHERE t.n_chars BETWEEN ? AND ?",
            chars,
        ).fetchall()
        wanted = sorted({dt.date.fromisoformat(d) for d in dates})
        picked = []
        for row in rows:
            day = dt.date.fromisoformat(row["published"][:10])
            gap = min((abs((day - w).days) for w in wanted), default=0)
            if gap <= days:
                picked.append((gap, dict(row)))
        picked = [row for _, row in sorted(picked, key=lambda p: p[0])[:most]]
        for at in range(0, len(picked), 500):
            chunk = picked[at : at + 500]
            marks = ", ".join("?" * len(chunk))
            query = f"SELECT article_id, text FROM texts WHERE article_id IN ({marks})"
            text = dict(conn.execute(query, [r["article_id"] for r in chunk]).fetchall())
            for row in chunk:
                row["text"] = text[row["article_id"]]
    return picked


def _imports(conn: sqlite3.Connection, records: bool) -> list[dict]:
    """The imported events, oldest first (without their records unless `records`); none in an
    inbox of version 1 not yet upgraded."""
    exists = conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'imports'"
    ).fetchone()
    if not exists:
        return []
    columns = "*" if records else "seq, batch_id, dataset, original_id, line, added_at"
    return [dict(r) for r in conn.execute(f"SELECT {columns} FROM imports ORDER BY seq")]


def _insert(conn: sqlite3.Connection, table: str, row: Mapping[str, object]) -> None:
    columns = ", ".join(f'"{k}"' for k in row)
    marks = ", ".join("?" for _ in row)
    conn.execute(f"INSERT INTO {table} ({columns}) VALUES ({marks})", tuple(row.values()))


def _decision_row(d: Mapping[str, object], at: str) -> dict[str, object]:
    if d["action"] not in ACTIONS:
        raise ValueError(f"unknown action {d['action']!r}")
    return {
        "action": d["action"],
        "target": d["target"],
        "mentions": json.dumps(list(d.get("mentions", ()))),
        "changes": json.dumps(dict(d.get("changes", {})), ensure_ascii=False),
        "who": d["who"],
        "at": d.get("at") or at,
        "note": d.get("note"),
    }


def commit(
    store: Path,
    batch: Mapping[str, object] | None = None,
    outlets: Iterable[Mapping[str, object]] = (),
    articles: Iterable[Mapping[str, object]] = (),
    places: Iterable[Mapping[str, object]] = (),
    decisions: Iterable[Mapping[str, object]] = (),
    imports: Iterable[Mapping[str, object]] = (),
) -> None:
    """Append everything one action records, in ONE transaction: after a crash the inbox
    holds all of it or none of it."""
    at = now()
    with connect(store, create=True) as conn:
        conn.execute("BEGIN IMMEDIATE")
        try:
            if batch is not None:
                _insert(conn, "batches", batch)
            for outlet in outlets:
                _insert(conn, "outlets", {"batch_id": None, **outlet})
            for article in articles:
                text_keys = ("text", "text_sha256", "n_chars")
                text = [article["article_id"], *(article[k] for k in text_keys)]
                conn.execute("INSERT OR IGNORE INTO texts VALUES (?, ?, ?, ?)", text)
                _insert(conn, "articles", {k: v for k, v in article.items() if k not in text_keys})
            for place in places:
                _insert(conn, "places", {"at": at, **place})
            for d in decisions:
                _insert(conn, "decisions", _decision_row(d, at))
            conn.executemany(
                "INSERT INTO imports (batch_id, dataset, original_id, line, record, added_at) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                [(i["batch_id"], i["dataset"], i["original_id"], i["line"], i["record"],
                  i.get("added_at") or at) for i in imports],
            )  # fmt: skip
            conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:  # a failed COMMIT (disk full) may have ended it already
                conn.execute("ROLLBACK")
            raise


def add_decisions(store: Path, decisions: Iterable[Mapping[str, object]]) -> int:
    """Append decisions (action, target, mentions, changes, who, note) in one transaction."""
    decisions = list(decisions)
    commit(store, decisions=decisions)
    return len(decisions)


def build_meta(snapshot: Snapshot) -> dict[str, str]:
    """Meta rows of a build made from this inbox: its stamp, and the names analysts gave the
    batches (so readers without the inbox, such as dashboards on other machines reading a
    PostgreSQL store, can still name them)."""
    names = {b["batch_id"]: b["name"] for b in snapshot.batches}
    return {"inbox_state": stamp(snapshot), "batch_names": json.dumps(names, sort_keys=True)}


def stamp(snapshot: Snapshot) -> str:
    """What the inbox held when a build was made (kept in the build's meta): a build whose
    stamp differs from the inbox's is behind it, e.g. after a crash between the two."""
    return (  # every table is append-only, so its length says how far it has come
        f"batches={len(snapshot.batches)} articles={len(snapshot.articles)} "
        f"outlets={len(snapshot.outlets)} places={len(snapshot.places)} "
        f"decisions={len(snapshot.decisions)}"
        + (f" imports={len(snapshot.imports)}" if snapshot.imports else "")
    )  # (imports only when there are some: the stamps of builds made before stay equal)
