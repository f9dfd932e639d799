"""The build: seeds + curated rows -> validated tidy tables -> store and exports."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, replace

import pandas as pd

from etl import inbox
from etl.article_updates import with_updates
from etl.articles import MANIFEST, Article, load_seed_articles
from etl.backend import SCHEMA_PREFIX, database_url, shown_url
from etl.curated import Curated, load_curated
from etl.extracting import Texts, bind_cache, default_workers, extract_all, extract_light
from etl.extraction.extract import ArticleInput, Extractor
from etl.extraction.mentions import Mention
from etl.heap import drop_mapped, release
from etl.import_tables import with_imports
from etl.inbox import Snapshot
from etl.integrity import check_integrity
from etl.mapped_texts import mapped
from etl.mention_cache import MentionCache
from etl.merge_state import MergeState, keep, spill
from etl.places.countries import country_name
from etl.problems import InputError, display_path
from etl.review import apply_decisions
from etl.settings import Paths
from etl.source_state import Sources
from etl.store import CURRENT, DATABASE, EXPORTS, publish, writing
from etl.tables import TABLE_NAMES, Tables, article_rows, assemble


@dataclass(frozen=True)
class BuildSummary:
    """What a build produced: rows per table and where it wrote them."""

    counts: dict[str, int]
    store: str | None
    exports: str | None
    build_id: str | None = None

    def lines(self) -> list[str]:
        width = max(len(n) for n in self.counts)
        out = [f"  {name:<{width}}  {count:>5}" for name, count in self.counts.items()]
        if self.build_id:
            out.append(f"build:   {self.build_id}")
        if self.store:
            out.append(f"store:   {self.store}")
        if self.exports:
            out.append(f"exports: {self.exports}")
        return out


def build_tables(
    paths: Paths,
    extract: bool = True,
    snapshot: Snapshot | None = None,
    cache: MentionCache | None = None,
    engine: str = "local",
) -> Tables:
    """Read and validate every input and assemble the tables; raise InputError on any problem.

    With `extract`, events extracted from the articles (seeds and the live batches of the
    analysts' inbox) join the curated ones, as supporting claims of the curated event they
    match or as new events awaiting review, and the analysts' decisions are applied.
    `snapshot` replaces the inbox on disk (to build with a batch not yet committed).
    `cache` (writers only, who flush it once they have published): mentions already found
    are reused and what is not cached is extracted on every core; readers build without
    touching the disk. `engine` is where uncached articles are extracted (etl/engines.py).
    """
    return build_all(paths, extract, snapshot, cache, engine)[0]


def _inputs(paths: Paths) -> tuple[Curated, list[Article]]:
    """The curated rows and seed articles, checked; raise InputError on any problem."""
    articles, problems = load_seed_articles(paths.seeds, paths.root)
    curated, curated_problems = load_curated(paths.curated, paths.root)
    problems += curated_problems
    if not problems:
        label = display_path(paths.seeds / MANIFEST, paths.root)
        problems += check_integrity(curated, articles, label)
    if problems:
        raise InputError(problems)
    return curated, articles


def base_tables(paths: Paths, snapshot: Snapshot) -> tuple[Tables, Curated, list[Article]]:
    """The curated tables with the inbox's outlets and places (no inbox article yet), the
    curated rows, and the seed articles; raise InputError on any problem."""
    curated, articles = _inputs(paths)
    return with_inbox(assemble(curated, articles), snapshot, []), curated, articles


def build_all(
    paths: Paths,
    extract: bool = True,
    snapshot: Snapshot | None = None,
    cache: MentionCache | None = None,
    engine: str = "local",
    hand_over: bool = False,
) -> tuple[Tables, MergeState | None]:
    """`build_tables`, and (with `extract`) the merge state a later batch is merged into.
    With `hand_over`, `snapshot` is the caller's to give: with a cache, its articles' texts
    are taken out of them (in place, not copied) once `article_texts` holds them."""
    curated, seeds = _inputs(paths)
    tables = assemble(curated, seeds)
    if not extract:
        return tables, None
    hand_over |= snapshot is None  # (one read here is this build's own)
    snapshot = inbox.read(paths.store) if snapshot is None else snapshot
    added = inbox_articles(snapshot)
    tables = with_inbox(tables, snapshot, added)
    articles = seeds + added
    del added
    texts = None
    if cache is not None:  # from here on the texts are only article_texts' (Arrow strings):
        # the Python ones go before extraction (docs/scale.md, "Session 31 (hI21)"); and
        # those in a file's mapping, not in the heap: read a chunk at a time by extraction,
        # the sources, the writers and the inbox's commit, each chunk's pages given back
        # (etl/mapped_texts.py; docs/scale.md, "Session 34 (hI24)")
        tables = {**tables, "article_texts": mapped(tables["article_texts"])}
        texts = texts_in(tables["article_texts"])
        articles = [replace(a, text="") for a in articles]
        if hand_over:  # (a copy of every row would be held beside the caller's)
            for row in snapshot.articles:
                row.pop("text", None)
        else:
            snapshot = snapshot.without_texts()
    places = gazetteer_rows(curated, analyst_places(snapshot))
    if cache is not None:
        bind_cache(cache, places)
    workers = default_workers() if cache else 1
    whole = None  # with a cache, the merge runs on light mentions (etl/light_mentions.py)
    if cache is None:
        mentions: list = extract_all(articles, places, cache, workers, engine)
    else:
        mentions, whole = extract_light(articles, places, cache, workers, engine, texts)
    sources = Sources()
    sources.add((a.article_id, t, a.outlet_id, a.wire) for a, t in with_texts(articles, texts))
    del texts
    count = len(mentions)  # (with `whole`, the merge empties the list once it has walked it)
    tables, index = with_merge(tables, curated, articles, mentions, sources.source, whole)
    del mentions, whole  # not held through the review and the writing
    release()  # nor the heap the merge freed (etl/heap.py): given back before the index is
    # spilled, whose Arrow copy came on top of it (docs/scale.md, "Session 32 (hI22)")
    kept = index if cache is None else spill(index)  # nor the merge index, for a writer
    del index
    release()
    state = MergeState(kept, sources, cache.fingerprint if cache else "", count)
    tables = apply_decisions(tables, snapshot.decisions, sources.source)
    return with_imports(tables, snapshot), state  # events imported from ACLED / UCDP exports


#: texts made Python strings at a time where a build walks every article's (etl/row_chunks.py
#: bounds the writers' the same way)
TEXT_CHUNK = 500


def texts_in(frame: pd.DataFrame) -> Texts:
    """Article ids -> their texts, looked up in an `article_texts` frame: the Python strings
    are only those of the ids asked for (a chunk at a time), gathered from the column's
    chunks (`extracted.rows_at`)."""
    from etl.extracted import rows_at

    where, column = pd.Index(frame["article_id"]), frame["text"]

    def texts(article_ids: Sequence[str]) -> list[str]:
        at = where.get_indexer(list(article_ids))
        if (at < 0).any():
            raise KeyError(f"no text in article_texts for {list(article_ids)[int(at.argmin())]}")
        found = rows_at(column, at).tolist()  # (gathered from the column's chunks)
        drop_mapped()  # (a mapped column's pages read for them: etl/mapped_texts.py)
        return found

    return texts


def with_texts(articles: list[Article], texts: Texts | None) -> Iterator[tuple[Article, str]]:
    """Each article with its text, from `texts` a chunk at a time when given (the articles
    then carry none)."""
    if texts is None:
        yield from ((a, a.text) for a in articles)
        return
    for i in range(0, len(articles), TEXT_CHUNK):
        part = articles[i : i + TEXT_CHUNK]
        yield from zip(part, texts([a.article_id for a in part]), strict=True)


def inbox_articles(snapshot: Snapshot, texts: bool = True) -> list[Article]:
    """The articles of the inbox's live (not retracted) batches, in the order they came, each
    with its outlet's name where the inbox holds it (not a wire's: a wire names its home, not
    where it reports from; session 34). Without `texts`, a row may come without its text
    (an empty text then: the merged ingest reads only its batch's, etl/incremental.py)."""
    names = {o["outlet_id"]: o["name"] for o in snapshot.outlets if o.get("kind") != "wire"}
    return [
        Article(
            article_id=a["article_id"],
            batch_id=a["batch_id"],
            file=a["source"],
            outlet_id=a["outlet_id"],
            wire=a["wire"],
            byline=a["byline"],
            title=a["title"],
            published=a["published"],
            dateline=a["dateline"],
            url=a["url"],
            language=a["language"],
            text=a["text"] if texts else a.get("text", ""),
            note=a["notes"],
            outlet=names.get(a["outlet_id"]) if a["outlet_id"] != a["wire"] else None,
        )
        for a in with_updates(snapshot.live_articles(), snapshot.decisions)
    ]


def analyst_places(snapshot: Snapshot) -> list[dict]:
    """Places analysts added or corrected, newest first (so they win over older spellings)."""
    latest: dict[str, dict] = {}
    for row in reversed(snapshot.places):
        latest.setdefault(row["place_id"], {k: row[k] for k in PLACE_COLUMNS})
    return list(latest.values())


PLACE_COLUMNS = (
    "place_id", "name", "aliases", "kind", "latitude", "longitude", "geo_precision",
    "admin1", "country", "area", "source",
)  # fmt: skip
OUTLET_COLUMNS = ("outlet_id", "name", "kind", "country", "wire_id")


def with_inbox(tables: Tables, snapshot: Snapshot, added: list[Article]) -> Tables:
    """Tables with the inbox's live articles, its outlets and the analysts' places added
    (curated rows win)."""
    out = dict(tables)
    outlets = pd.DataFrame([{k: o[k] for k in OUTLET_COLUMNS} for o in snapshot.outlets])
    if not outlets.empty:
        known = set(tables["outlets"]["outlet_id"])
        out["outlets"] = pd.concat(
            [tables["outlets"], outlets[~outlets["outlet_id"].isin(known)]], ignore_index=True
        )
    if added:
        names = dict(zip(out["outlets"]["outlet_id"], out["outlets"]["name"]))
        texts = pd.DataFrame({"article_id": [a.article_id for a in added],
                              "text": [a.text for a in added]})  # fmt: skip
        out["articles"] = pd.concat([tables["articles"], article_rows(added, names)],
                                    ignore_index=True)  # fmt: skip
        out["article_texts"] = pd.concat([tables["article_texts"], texts], ignore_index=True)
    places = pd.DataFrame(analyst_places(snapshot))
    if not places.empty:
        from etl.extracted import area_of

        lanes = [area_of(lat, lon, tables["places"]) for lat, lon in
                 zip(places["latitude"], places["longitude"])]  # fmt: skip
        places = places.assign(area=lanes)  # an analyst's place in Idlib is in Idlib's lane
        # a place picked from GeoNames candidates was recorded with its code ('SY')
        places["country"] = [country_name(c) for c in places["country"]]
        known = set(tables["places"]["place_id"])
        out["places"] = pd.concat(
            [tables["places"], places[~places["place_id"].isin(known)]], ignore_index=True
        )
    return out


def gazetteer_rows(curated: Curated, extra_places: list[dict] | None = None) -> list[dict]:
    """The place rows extraction resolves names with: analysts' places first (a correction
    wins), then the curated gazetteer."""
    return [*(extra_places or []), *(p.model_dump() for p in curated.rows("places.csv"))]


def make_extractor(curated: Curated, extra_places: list[dict] | None = None) -> Extractor:
    """The extractor over those rows and the GeoNames index (built once, cached)."""
    from etl.places.geonames import GeoNamesIndex

    return Extractor(gazetteer_rows(curated, extra_places), GeoNamesIndex.open())


def extract_articles(extractor: Extractor, articles: list[Article]) -> list[Mention]:
    """Every mention in the given articles, article by article."""
    mentions: list[Mention] = []
    for a in articles:
        found, _ = extractor.extract(
            ArticleInput(
                a.article_id,
                a.text,
                dt.date.fromisoformat(a.published),
                outlet=a.outlet,
                title=a.title,
            )
        )
        mentions.extend(found)
    return mentions


def curated_points(tables: Tables) -> list[dict]:
    """The curated events with their places' coordinates (what extracted clusters match)."""
    events = tables["events"][tables["events"]["origin"].isin(["curated", "both"])]
    points = events.merge(tables["places"][["place_id", "latitude", "longitude"]], on="place_id")
    return points.to_dict("records")


def actor_ids_of(curated: Curated) -> dict[str, str]:
    """Lexicon actor name -> the curated actor id it stands for."""
    from etl.extraction.actors import actor_in

    actor_ids: dict[str, str] = {}
    for row in curated.rows("actors.csv"):
        for name in [row.name, *(row.aliases or "").split("|")]:
            lexicon_name = actor_in(name) if name else None
            if lexicon_name:
                actor_ids.setdefault(lexicon_name, row.actor_id)
    return actor_ids


def with_extraction(
    tables: Tables,
    curated: Curated,
    articles: list[Article],
    mentions: list[Mention] | None = None,
) -> Tables:
    """Merge the articles' mentions (extracted here unless given) across articles, and add
    what was found."""
    if mentions is None:
        mentions = extract_articles(make_extractor(curated), articles)
    return with_merge(tables, curated, articles, mentions)[0]


def with_merge(
    tables: Tables,
    curated: Curated,
    articles: list[Article],
    mentions: list[Mention],
    source: Callable[[str], str] | None = None,
    whole: Callable[[], Iterable[list[Mention]]] | None = None,
) -> tuple[Tables, pd.DataFrame]:
    """`with_extraction` on given mentions, and the merge index (etl/merge_index.py) with
    each mention's event. With `whole`, `mentions` are light rows (etl/light_mentions.py)
    and `whole()` reads the whole mentions back, article by article, for the rows; the
    list is then handed over (emptied once the clusters are walked, so the light rows go
    before the rows are made: `add_extracted_by_article`)."""
    from etl.extracted import add_extracted, add_extracted_by_article
    from etl.merge import match_curated
    from etl.merge_index import merge_all

    clusters, index = merge_all(mentions)
    clusters = match_curated(clusters, curated_points(tables))
    firsts = {id(c.mentions[0]) for c in clusters}  # (not a dict of every mention)
    opened = {id(m): i for i, m in enumerate(mentions) if id(m) in firsts}
    event_of = {opened[id(c.mentions[0])]: c.event_id for c in clusters}
    index["event_id"] = index["host"].map(event_of)
    if whole is None:
        out = add_extracted(tables, clusters, articles, actor_ids_of(curated), source)
    else:
        out = add_extracted_by_article(tables, clusters, articles, actor_ids_of(curated),
                                       mentions, whole(), source)  # fmt: skip
    return out, index


def tables_location(paths: Paths, build_id: str) -> str:
    """Where a build's tables are, for the summary: the SQLite file, or the database schema."""
    url = database_url()
    if url:
        return f"{shown_url(url)} (schema {SCHEMA_PREFIX}{build_id})"
    return display_path(paths.store / CURRENT / DATABASE, paths.root)


def built_meta(paths: Paths) -> dict[str, str]:
    """The meta rows naming the inbox a build is made from (read without texts)."""
    return inbox.build_meta(inbox.read(paths.store, texts=False))


def run_build(
    paths: Paths,
    exports: bool = True,
    wait_seconds: float = 600.0,
    on_wait: Callable[[str], None] | None = None,
) -> BuildSummary:
    """Build, then publish the tables and their exports as one new build of the store.

    On any error nothing readers see changes: the previous build stays current.
    """
    with writing(paths.store, wait_seconds, on_wait):  # inputs read inside: one writer
        # the inbox read whole by build_all, which lets its texts go once they are in the
        # tables; here only what the build's meta needs (inside the lock: the same inbox),
        # made first: the rows are not held through the build (docs/scale.md, "Session 31")
        cache, made_from = MentionCache(paths.store), built_meta(paths)
        tables, state = build_all(paths, cache=cache)
        counts = {name: len(tables[name]) for name in TABLE_NAMES}
        meta = {f"rows.{k}": str(v) for k, v in counts.items()}
        meta |= made_from
        build = publish(paths.store, tables, meta, exports)
        cache.flush()
        keep_state(paths, state, len(tables["articles"]))
    return BuildSummary(
        counts=counts,
        store=tables_location(paths, build.name),
        exports=display_path(paths.store / CURRENT / EXPORTS, paths.root) if exports else None,
        build_id=build.name,
    )


def keep_state(paths: Paths, state: MergeState | None, articles: int) -> bool:
    """After publishing: keep the merge state for the next batch (etl/merge_state.py)."""
    return keep(paths.store, state, paths.seeds, paths.curated, articles)
