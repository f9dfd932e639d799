"""Bringing a batch of articles in: check every draft, store the batch whole, publish.

The order matters for "nothing stored when an input is bad": drafts are checked first (a
missing date or outlet is a problem naming the file); then, as the store's only writer, the
new tables are built in memory with the batch included; only when that succeeded is the batch
committed to the inbox (one transaction) and the new build published. An article already in
the store (same text, whatever its file name) adds nothing and is reported as a duplicate.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from typing import Protocol

import pandas as pd

from etl import ids, inbox
from etl import near_duplicates as near
from etl.article_updates import describe, metadata_changes, with_updates
from etl.articles import implausible_published, load_seed_articles
from etl.build import TEXT_CHUNK, build_all, build_tables, keep_state, texts_in
from etl.delta_write import record_then_publish_delta
from etl.extracting import Texts
from etl.extraction.extract import MAX_CHARS
from etl.heap import release
from etl.inbox import Snapshot
from etl.mention_cache import MentionCache
from etl.problems import InputError, Problem, StoreError
from etl.settings import Paths
from etl.store import record_then_publish, writing


class DraftLike(Protocol):
    """What ingest reads of an uploaded article (see etl.uploads.Draft)."""

    source: str
    text: str
    title: str | None
    outlet: str | None
    published: dt.date | None
    url: str | None
    byline: str | None
    dateline: str | None
    wire: str | None
    language: str | None
    encoding: str
    notes: tuple[str, ...]


@dataclass(frozen=True)
class IngestOptions:
    """Batch-wide facts and choices: defaults for what a file does not say."""

    batch_name: str | None = None
    outlet: str | None = None
    published: dt.date | None = None
    who: str = "analyst"
    skip_bad: bool = False
    update_metadata: bool = False  # record new facts offered for articles already stored
    engine: str = "local"  # where new articles are extracted: "local" or "dask" (etl/engines.py)


@dataclass(frozen=True)
class IngestReport:
    """What one ingest did."""

    batch_id: str | None
    batch_name: str | None
    added: list[str] = field(default_factory=list)  # sources of the articles stored
    duplicates: list[str] = field(default_factory=list)  # "source: already in batch X"
    left_out: list[Problem] = field(default_factory=list)  # bad files skipped (--skip-bad)
    new_outlets: list[str] = field(default_factory=list)
    events: pd.DataFrame | None = None  # the batch's extracted events
    build_id: str | None = None
    added_claims: int = 0  # the batch's sentences that joined existing events
    warnings: list[str] = field(default_factory=list)
    near_duplicates: list[str] = field(default_factory=list)  # lines: `near.report_line`


WIRE_NAMES = {"ap": "ap", "associatedpress": "ap", "afp": "afp", "agencefrancepresse": "afp"}


def _key(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "", name.casefold().removeprefix("the "))


def outlet_index(outlets: pd.DataFrame) -> dict[str, str]:
    """Name, id and common short forms (matched loosely) -> outlet_id."""
    index = {k: v for k, v in WIRE_NAMES.items() if v in set(outlets["outlet_id"])}
    for row in outlets.itertuples():
        index.setdefault(_key(str(row.outlet_id)), row.outlet_id)
        index.setdefault(_key(str(row.name)), row.outlet_id)
    return index


def _new_outlet_id(name: str, taken: set[str]) -> str:
    base = re.sub(r"[^a-z0-9]+", "_", name.casefold()).strip("_")[:40] or "outlet"
    candidate, n = base, 2
    while candidate in taken:
        candidate, n = f"{base}_{n}", n + 1
    return candidate


def _check(draft: DraftLike, options: IngestOptions) -> list[Problem]:
    problems = []
    if not (draft.published or options.published):
        problems.append(
            Problem(draft.source, None, "no publication date: add a 'Published:' line at the "
                    "top of the file, or give the batch's date (--published YYYY-MM-DD)")
        )  # fmt: skip
    elif reason := implausible_published(draft.published or options.published):
        problems.append(Problem(draft.source, None, reason))
    if not (draft.outlet or options.outlet or draft.wire):
        problems.append(
            Problem(draft.source, None, "no outlet: add an 'Outlet:' line at the top of the "
                    "file, or give the batch's outlet (--outlet NAME)")
        )  # fmt: skip
    if not draft.text.strip():
        problems.append(Problem(draft.source, None, "no article text"))
    return problems


def check_drafts(
    drafts: Sequence[DraftLike], problems: Sequence[Problem], options: IngestOptions
) -> tuple[list[DraftLike], list[Problem]]:
    """The drafts that can be stored, and every problem (reading problems first)."""
    good, found = [], list(problems)
    bad_sources = {p.file for p in problems}
    for draft in drafts:
        own = _check(draft, options)
        found += own
        if not own and draft.source not in bad_sources:
            good.append(draft)
    return good, found


def _title(draft: DraftLike) -> str:
    if draft.title and draft.title.strip():
        return draft.title.strip()
    first = next((line.strip() for line in draft.text.splitlines() if line.strip()), "")
    return first[:100] + ("…" if len(first) > 100 else "")


def _rows(
    drafts: Iterable[DraftLike], batch_id: str, options: IngestOptions, outlets: dict[str, str]
) -> tuple[list[dict], list[dict]]:
    """Article rows for the inbox, and the outlets that must be created for them."""
    at, articles, new = inbox.now(), [], {}
    taken = set(outlets.values())

    def outlet_id(name: str, kind: str) -> str:
        key = _key(name)
        if key not in outlets:
            outlets[key] = _new_outlet_id(name, taken)
            taken.add(outlets[key])
            new[outlets[key]] = {"outlet_id": outlets[key], "name": name.strip(), "kind": kind,
                                 "country": None, "wire_id": None, "batch_id": batch_id,
                                 "added_at": at}  # fmt: skip
        return outlets[key]

    for d in drafts:
        articles.append(
            {
                "article_id": ids.article_id(d.text),
                "batch_id": batch_id,
                "source": d.source,
                # wire copy with no outlet named is the wire's own story ("BEIRUT (AP) —")
                "outlet_id": outlet_id(d.outlet or options.outlet or d.wire or "", "newspaper"),
                "wire": outlet_id(d.wire, "wire") if d.wire else None,
                "byline": d.byline,
                "title": _title(d),
                "published": (d.published or options.published).isoformat(),
                "dateline": d.dateline,
                "url": d.url,
                "language": d.language or "en",
                "encoding": d.encoding,
                "notes": "; ".join(d.notes) or None,
                "added_at": at,
                "text": d.text,
                "text_sha256": ids.text_sha256(d.text),
                "n_chars": len(d.text),
            }
        )
    return articles, list(new.values())


def _split_duplicates(
    drafts: Sequence[DraftLike], stored: dict[str, str]
) -> tuple[list[DraftLike], list[DraftLike]]:
    """Drafts new to the store, and drafts of articles already stored (or twice in this batch)."""
    fresh, again, seen = [], [], set(stored)
    for d in drafts:
        article = ids.article_id(d.text)
        (again if article in seen else fresh).append(d)
        seen.add(article)
    return fresh, again


def _updates(
    again: Sequence[DraftLike], stored: dict[str, str], snapshot: Snapshot,
    options: IngestOptions, outlets: dict[str, str],
) -> tuple[list[dict], list[dict], list[str]]:  # fmt: skip
    """For drafts of stored articles: update decisions (with --update-metadata), the outlets
    they need, and a line each for the report."""
    known = {a["article_id"]: a for a in with_updates(snapshot.articles, snapshot.decisions)}
    rows, new_outlets = _rows(again, "", options, outlets)
    decisions, lines = [], []
    for draft, row in zip(again, rows):
        article = row["article_id"]
        changes = metadata_changes(known[article], row) if article in known else {}
        if not changes:
            where = stored.get(article, "twice in this batch")
            lines.append(f"{draft.source}: already stored ({where}); nothing added")
            continue
        lines.append(describe(draft.source, changes, options.update_metadata))
        if options.update_metadata:
            decisions.append({"action": "update_article", "target": article,
                              "changes": changes, "who": options.who})  # fmt: skip
    needed = {d["changes"].get(k) for d in decisions for k in ("outlet_id", "wire")}
    return (
        decisions,
        [{**o, "batch_id": None} for o in new_outlets if o["outlet_id"] in needed],
        lines,
    )


def _seed_articles(paths: Paths) -> dict[str, str]:
    """Seed article id -> 'seed article <file>' (where a duplicate of it is stored)."""
    seeds, _ = load_seed_articles(paths.seeds, paths.root)
    return {a.article_id: "seed article " + a.file for a in seeds}


def _stored_articles(paths: Paths, snapshot: Snapshot) -> dict[str, str]:
    stored = _seed_articles(paths)
    stored.update({a["article_id"]: f"batch {a['batch_id']}" for a in snapshot.articles})
    return stored


def already_stored(paths: Paths, drafts: Sequence[DraftLike]) -> dict[str, str]:
    """Before storing: which drafts the store holds already (the same text), by source, each
    with where ('batch “March wires” (b2019...)', 'seed article 01_x.txt', 'twice in this
    upload'). Read-only; what `ingest` would report as a duplicate, said ahead."""
    by_article: dict[str, list[DraftLike]] = {}
    for d in drafts:
        by_article.setdefault(ids.article_id(d.text), []).append(d)
    where = {a: w for a, w in _seed_articles(paths).items() if a in by_article}
    batches = inbox.stored_in(paths.store, by_article)
    where.update({a: f"batch “{name}” ({batch})" for a, (batch, name) in batches.items()})
    out: dict[str, str] = {}
    for article, same in by_article.items():
        if article in where:
            out.update({d.source: where[article] for d in same})
        for d in same[1:]:
            out.setdefault(d.source, f"twice in this upload (as {same[0].source})")
    return out


def upload_name(source: str) -> str:
    """'clean.csv line 2' for a CSV or JSON Lines record ('clean.csv:2'), else the source."""
    head, colon, line = source.rpartition(":")
    return f"{head} line {line}" if colon and line.isdigit() else source


#: The most stored articles one preview compares its uploads with (the nearest in date).
NEAR_CANDIDATES = 2_000


def near_duplicates_of(paths: Paths, drafts: Sequence[DraftLike]) -> list[near.Near]:
    """Before storing: each draft that resembles another of the batch or a stored article
    (`etl.near_duplicates`: the same article with a word changed or a sentence added, which
    the exact check by text passes as new). Read-only. Drafts stored already (the same
    text) are not compared: `already_stored` names them."""
    exact = already_stored(paths, drafts)
    fresh = [d for d in drafts if d.source not in exact]
    if not fresh:
        return []
    uploads = [
        near.Text(
            upload_name(d.source),
            tuple(near.words(d.text)),
            d.published,
            d.title or "",
            ids.article_id(d.text),
        )
        for d in fresh
    ]
    sizes = [len(d.text) for d in fresh]
    dates = [] if any(d.published is None for d in fresh) else [d.published for d in fresh]
    rows = inbox.texts_near(
        paths.store,
        [d.isoformat() for d in dates],
        near.DAYS,
        (int(min(sizes) * near.MIN_LENGTH_SHARE), int(max(sizes) / near.MIN_LENGTH_SHARE)),
        NEAR_CANDIDATES,
    )
    stored = [
        near.Text(
            f"batch “{r['name']}” ({r['batch_id']}): {upload_name(r['source'])}",
            tuple(near.words(r["text"])),
            dt.date.fromisoformat(r["published"][:10]),
            r["title"] or "",
            r["article_id"],
        )
        for r in rows
    ]
    seeds, _ = load_seed_articles(paths.seeds, paths.root)
    stored += [
        near.Text(
            "seed article " + a.file,
            tuple(near.words(a.text)),
            dt.date.fromisoformat(a.published[:10]),
            a.title,
            a.article_id,
        )
        for a in seeds
    ]
    return near.near_duplicates(uploads, stored)


def batch_id_for(name: str, articles: Sequence[dict]) -> str:
    """A readable, unique batch id: the UTC time and a digest of what it holds."""
    stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%d-%H%M%S")
    return f"b{stamp}-{ids.content_hash(name, *(a['article_id'] for a in articles), length=6)}"


def ingest(
    paths: Paths,
    drafts: Sequence[DraftLike],
    read_problems: Sequence[Problem],
    options: IngestOptions,
    wait_seconds: float = 600.0,
    on_wait: Callable[[str], None] | None = None,
    hand_over: bool = False,
) -> IngestReport:
    """Check, store and publish a batch; raise InputError (nothing stored) on bad input
    unless `options.skip_bad`, in which case the bad files are left out and listed.

    The batch's texts are held as Python strings only until the build has them in its
    `article_texts` (Arrow): from there they are extracted, and written to the inbox, a chunk
    at a time (docs/scale.md, "Session 31 (hI21)"). With `hand_over`, `drafts` is a list the
    caller gives up: it is emptied once the inbox rows are made of it."""
    if options.engine == "dask":
        from etl.engines import require_dask

        require_dask()
    good, problems = check_drafts(drafts, read_problems, options)
    if problems and not options.skip_bad:
        raise InputError(problems)
    with writing(paths.store, wait_seconds, on_wait):
        snapshot = inbox.read(paths.store)
        stored = _stored_articles(paths, snapshot)
        fresh, again = _split_duplicates(good, stored)
        outlets = outlet_index(_all_outlets(paths, snapshot))
        articles, new_outlets = _rows(fresh, "pending", options, outlets)  # before updates:
        updates, update_outlets, duplicates = _updates(again, stored, snapshot, options, outlets)
        added, warnings = [d.source for d in fresh], _long(fresh)
        del good, fresh, again  # the texts are the rows' from here
        if hand_over and isinstance(drafts, list):
            drafts.clear()
        if not added and not updates:  # an outlet both need is then created with the batch
            caught_up = catch_up(paths, snapshot)
            return IngestReport(None, None, [], duplicates, problems, build_id=caught_up)
        if not added:
            built = _publish_updates(paths, snapshot, updates, update_outlets)
            return IngestReport(None, None, [], duplicates, problems, build_id=built)
        name = options.batch_name or (
            f"upload of {len(added)} article(s), {dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC"
        )
        batch_id = batch_id_for(name, articles)
        articles = [{**a, "batch_id": batch_id} for a in articles]
        new_outlets = [{**o, "batch_id": batch_id} for o in new_outlets]
        batch = {"batch_id": batch_id, "name": name, "created_at": inbox.now(),
                 "created_by": options.who, "note": None}  # fmt: skip
        candidate = replace(
            snapshot,
            batches=[*snapshot.batches, batch],
            articles=[*snapshot.articles, *articles],
            outlets=[*snapshot.outlets, *new_outlets, *update_outlets],
        )
        candidate = inbox.with_pending(candidate, updates, [])
        # raises before anything is stored
        cache = MentionCache(paths.store)
        tables, state, delta = _tables_with(paths, snapshot, candidate, articles, updates,
                                            cache, options.engine)  # fmt: skip
        for row in candidate.articles:  # (the build took them out already unless it was
            row.pop("text", None)  # the batch merged into the current build)

        def record() -> None:
            outlets = [*new_outlets, *({**o, "batch_id": batch_id} for o in update_outlets)]
            texts = texts_in(tables["article_texts"])
            rows = ({**a, "text": t} for a, t in _with_texts(articles, texts))
            inbox.commit(paths.store, batch, outlets, rows, decisions=updates)

        if delta is None:
            built = record_then_publish(paths.store, tables, record, built_from(candidate))
        else:  # only the changed rows and tables are written
            built = record_then_publish_delta(paths.store, tables, delta, record,
                                              built_from(candidate))  # fmt: skip
        cache.flush()
        keep_state(paths, state, len(tables["articles"]))
    events, claims = tables["events"], tables["claims"]
    others = (events["origin"] != "extracted") | (events["batch_id"] != batch_id)
    existing = set(events.loc[others, "event_id"])  # events this batch did not bring
    mine = claims["article_id"].isin({a["article_id"] for a in articles})  # (two columns
    added_claims = int((mine & claims["event_id"].isin(existing)).sum())  # read, no copy)
    return IngestReport(
        batch_id=batch_id,
        batch_name=name,
        added=added,
        duplicates=duplicates,
        left_out=problems,
        new_outlets=[o["name"] for o in new_outlets],
        events=events[events["batch_id"] == batch_id],
        build_id=built.name,
        added_claims=added_claims,
        warnings=warnings,
    )


def _long(drafts: Iterable[DraftLike]) -> list[str]:
    return [
        f"{d.source}: text has {len(d.text):,} characters; it is stored whole, but "
        f"extraction reads only the first {MAX_CHARS:,}"
        for d in drafts
        if len(d.text) > MAX_CHARS
    ]


def _with_texts(articles: list[dict], texts: Texts) -> Iterator[tuple[dict, str]]:
    """Each inbox row with its text from `texts`, a chunk at a time."""
    for i in range(0, len(articles), TEXT_CHUNK):
        part = articles[i : i + TEXT_CHUNK]
        yield from zip(part, texts([a["article_id"] for a in part]), strict=True)


def built_from(snapshot: Snapshot) -> dict[str, str]:
    """Build meta naming the inbox state the build was made from."""
    return inbox.build_meta(snapshot)


def catch_up(paths: Paths, snapshot: Snapshot) -> str | None:
    """Publish again when the current build is behind the inbox (a writer stopped after
    committing and before publishing); the caller holds the lock. The new build's id, or None
    when the build was current."""
    from etl.store import read_store

    try:
        _, meta = read_store(paths.store)
    except StoreError:
        meta = {}
    if meta.get("inbox_state") == inbox.stamp(snapshot) or not snapshot.batches:
        return None
    cache = MentionCache(paths.store)
    tables = build_tables(paths, snapshot=snapshot, cache=cache)
    built = record_then_publish(paths.store, tables, lambda: None, built_from(snapshot))
    cache.flush()
    return built.name


def _publish_updates(
    paths: Paths, snapshot: Snapshot, updates: list[dict], outlets: list[dict]
) -> str:
    """Record metadata updates (no new articles) and publish; the caller holds the lock."""
    candidate = inbox.with_pending(
        replace(snapshot, outlets=[*snapshot.outlets, *outlets]), updates, []
    )
    cache = MentionCache(paths.store)
    tables = build_tables(paths, snapshot=candidate, cache=cache)

    def record() -> None:
        inbox.commit(paths.store, outlets=outlets, decisions=updates)

    built = record_then_publish(paths.store, tables, record, built_from(candidate))
    cache.flush()
    return built.name


def _all_outlets(paths: Paths, snapshot: Snapshot) -> pd.DataFrame:
    from etl.curated import load_curated

    curated, problems = load_curated(paths.curated, paths.root)
    if problems:
        raise InputError(problems)
    rows = [o.model_dump() for o in curated.rows("outlets.csv")]
    rows += [{k: o[k] for k in ("outlet_id", "name")} for o in snapshot.outlets]
    return pd.DataFrame(rows, columns=["outlet_id", "name"])


def _tables_with(paths, before, candidate, articles, updates, cache, engine):
    """The candidate's tables, merge state and changes from the current build: the batch
    merged into the current build when that gives what a full build gives
    (etl/incremental.py), else everything built again (and no changes: all is written)."""
    if not updates:
        from etl.incremental import build_batch

        batch = {a["article_id"] for a in articles}
        stored = [row for row in candidate.articles if row["article_id"] not in batch]
        for row in stored:  # the merged path reads no stored text (those of its events come
            row.pop("text", None)  # from the current build's export), so they go before it:
        release()  # 109 MiB held through it at 16,000 (docs/scale.md, "Session 36 (hI26)")
        done = build_batch(paths, before, candidate, batch, cache, engine)
        if done is not None:
            return done
        release()  # the declined attempt's heap (the current build's tables read back, the
        # batch's mentions, the replay's working set) given back before everything is built:
        # the full build started at 864 MiB after one at 16,000 articles, not at the ~280 of a
        # fresh store (docs/scale.md, "Session 34 (hI24)")
        texts = inbox.texts_of(paths.store)  # and the full build's texts read again (the
        for row in stored:  # writing lock is held: the inbox is the one read at the start)
            row["text"] = texts.pop(row["article_id"])
        del texts
    return (*build_all(paths, snapshot=candidate, cache=cache, engine=engine, hand_over=True),
            None)  # fmt: skip
