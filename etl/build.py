"""The build: seeds + curated rows -> validated tidy tables -> store and exports."""

from __future__ import annotations

from dataclasses import dataclass

from etl.articles import MANIFEST, load_seed_articles
from etl.curated import load_curated
from etl.exports import write_exports
from etl.integrity import check_integrity
from etl.problems import InputError, display_path
from etl.settings import Paths
from etl.store import write_store
from etl.tables import TABLE_NAMES, Tables, assemble


@dataclass(frozen=True)
class BuildSummary:
    """What a build produced: rows per table and where it wrote them."""

    counts: dict[str, int]
    store: str | None
    exports: str | None

    def lines(self) -> list[str]:
        width = max(len(n) for n in self.counts)
        out = [f"  {name:<{width}}  {count:>5}" for name, count in self.counts.items()]
        if self.store:
            out.append(f"store:   {self.store}")
        if self.exports:
            out.append(f"exports: {self.exports}")
        return out


def build_tables(paths: Paths) -> Tables:
    """Read and validate every input and assemble the tables; raise InputError on any problem."""
    articles, problems = load_seed_articles(paths.seeds, paths.root)
    curated, curated_problems = load_curated(paths.curated, paths.root)
    problems += curated_problems
    if not problems:
        label = display_path(paths.seeds / MANIFEST, paths.root)
        problems += check_integrity(curated, articles, label)
    if problems:
        raise InputError(problems)
    return assemble(curated, articles)


def run_build(paths: Paths, exports: bool = True) -> BuildSummary:
    """Build, then replace the store and exports; on any error nothing on disk changes."""
    tables = build_tables(paths)
    counts = {name: len(tables[name]) for name in TABLE_NAMES}
    write_store(paths.store, tables, {f"rows.{k}": str(v) for k, v in counts.items()})
    if exports:
        write_exports(paths.exports, tables)
    return BuildSummary(
        counts=counts,
        store=display_path(paths.store, paths.root),
        exports=display_path(paths.exports, paths.root) if exports else None,
    )
