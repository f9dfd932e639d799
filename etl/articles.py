"""Loading article texts and their publication facts (the seed manifest)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from etl import ids
from etl.problems import Problem, display_path
from etl.rows import read_rows
from etl.schemas import ManifestRow

MANIFEST = "manifest.csv"


@dataclass(frozen=True)
class Article:
    """One article: immutable text plus the facts known about its publication."""

    article_id: str
    batch_id: str
    file: str
    outlet_id: str
    wire: str | None
    byline: str | None
    title: str
    published: str
    dateline: str | None
    url: str | None
    language: str
    text: str
    note: str | None

    @property
    def text_sha256(self) -> str:
        return ids.text_sha256(self.text)


def _read_text(path: Path, label: str) -> tuple[str | None, Problem | None]:
    try:
        return path.read_bytes().decode("utf-8"), None
    except FileNotFoundError:
        return None, Problem(label, None, "article file named in the manifest is missing")
    except UnicodeDecodeError as exc:
        return None, Problem(label, None, f"not valid UTF-8 ({exc.reason} at byte {exc.start})")


def load_seed_articles(
    seeds: Path, root: Path | None = None, batch_id: str = "seeds"
) -> tuple[list[Article], list[Problem]]:
    """Read the manifest and every article it names; report problems, never guess."""
    label = display_path(seeds / MANIFEST, root)
    located, problems = read_rows(seeds / MANIFEST, ManifestRow, label)
    articles: list[Article] = []
    seen: dict[str, int] = {}
    for item in located:
        row = item.row
        if row.file in seen:
            problems.append(Problem(label, item.line, f"{row.file} is listed twice"))
            continue
        seen[row.file] = item.line
        text, problem = _read_text(seeds / row.file, display_path(seeds / row.file, root))
        if problem:
            problems.append(problem)
            continue
        assert text is not None
        articles.append(
            Article(
                article_id=ids.article_id(text),
                batch_id=batch_id,
                file=row.file,
                outlet_id=row.outlet_id,
                wire=row.wire,
                byline=row.byline,
                title=row.title,
                published=row.published.isoformat(),
                dateline=row.dateline,
                url=row.url,
                language=row.language,
                text=text,
                note=row.note,
            )
        )
    listed = set(seen)
    for path in sorted(seeds.glob("*.txt")):
        if path.name not in listed:
            problems.append(Problem(label, None, f"{path.name} is in seeds/ but not listed"))
    return articles, problems
