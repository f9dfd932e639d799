"""The build: seeds + curated rows -> validated tidy tables -> store and exports."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from etl.articles import MANIFEST, Article, load_seed_articles
from etl.curated import Curated, load_curated
from etl.extract import ArticleInput, Extractor
from etl.integrity import check_integrity
from etl.mentions import Mention
from etl.problems import InputError, display_path
from etl.settings import Paths
from etl.store import CURRENT, DATABASE, EXPORTS, write_store
from etl.tables import TABLE_NAMES, Tables, assemble


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


def build_tables(paths: Paths, extract: bool = True) -> Tables:
    """Read and validate every input and assemble the tables; raise InputError on any problem.

    With `extract`, events extracted from the articles join the curated ones: as supporting
    claims of the curated event they match, or as new events awaiting review.
    """
    articles, problems = load_seed_articles(paths.seeds, paths.root)
    curated, curated_problems = load_curated(paths.curated, paths.root)
    problems += curated_problems
    if not problems:
        label = display_path(paths.seeds / MANIFEST, paths.root)
        problems += check_integrity(curated, articles, label)
    if problems:
        raise InputError(problems)
    tables = assemble(curated, articles)
    return with_extraction(tables, curated, articles) if extract else tables


def make_extractor(curated: Curated) -> Extractor:
    """The extractor over the curated gazetteer and the GeoNames index (built once, cached)."""
    from etl.geonames import GeoNamesIndex

    return Extractor([p.model_dump() for p in curated.rows("places.csv")], GeoNamesIndex.open())


def extract_articles(extractor: Extractor, articles: list[Article]) -> list[Mention]:
    """Every mention in the given articles, article by article."""
    mentions: list[Mention] = []
    for a in articles:
        found, _ = extractor.extract(
            ArticleInput(a.article_id, a.text, dt.date.fromisoformat(a.published))
        )
        mentions.extend(found)
    return mentions


def with_extraction(tables: Tables, curated: Curated, articles: list[Article]) -> Tables:
    """Extract from every article, merge across articles, and add what was found."""
    from etl.actors import actor_in
    from etl.extracted import add_extracted
    from etl.merge import cluster_mentions, match_curated

    clusters = cluster_mentions(extract_articles(make_extractor(curated), articles))
    curated_events = tables["events"].merge(
        tables["places"][["place_id", "latitude", "longitude"]], on="place_id"
    )
    clusters = match_curated(clusters, curated_events.to_dict("records"))
    actor_ids = {}
    for row in curated.rows("actors.csv"):
        for name in [row.name, *(row.aliases or "").split("|")]:
            lexicon_name = actor_in(name) if name else None
            if lexicon_name:
                actor_ids.setdefault(lexicon_name, row.actor_id)
    return add_extracted(tables, clusters, articles, actor_ids)


def run_build(
    paths: Paths,
    exports: bool = True,
    wait_seconds: float = 600.0,
    on_wait: Callable[[str], None] | None = None,
) -> BuildSummary:
    """Build, then publish the tables and their exports as one new build of the store.

    On any error nothing readers see changes: the previous build stays current.
    """
    tables = build_tables(paths)
    counts = {name: len(tables[name]) for name in TABLE_NAMES}
    meta = {f"rows.{k}": str(v) for k, v in counts.items()}
    build = write_store(paths.store, tables, meta, exports, wait_seconds, on_wait)
    return BuildSummary(
        counts=counts,
        store=display_path(paths.store / CURRENT / DATABASE, paths.root),
        exports=display_path(paths.store / CURRENT / EXPORTS, paths.root) if exports else None,
        build_id=build.name,
    )
