"""Loading article texts and their publication facts (the seed manifest)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from etl import ids
from etl.encoding import decode_file
from etl.problems import Problem, display_path
from etl.rows import read_rows
from etl.schemas import ManifestRow

MANIFEST = "manifest.csv"
EARLIEST_PUBLISHED = dt.date(1900, 1, 1)
ISO_EXAMPLES = "e.g. 2019-03-14 or 2019-03-14T10:00:00Z"


def published_range(today: dt.date | None = None) -> tuple[dt.date, dt.date]:
    """The publication dates accepted: 1900-01-01 to tomorrow.

    Why 1900: this reads modern news (wire copy, newspapers, monitors), and a relative
    phrase ("three years ago") then still lands well inside the calendar; an older date is a
    typo (1019 for 2019) or a placeholder (0001-01-01). Why tomorrow: a paper in a time zone
    ahead of this machine's (up to UTC+14) can be dated a day later than our today; anything
    later is a typo or a placeholder (9999-12-31).
    """
    today = today or dt.date.today()
    return EARLIEST_PUBLISHED, today + dt.timedelta(days=1)


def implausible_published(day: dt.date, today: dt.date | None = None) -> str | None:
    """Why `day` cannot be a publication date, or None when it can."""
    first, last = published_range(today)
    if first <= day <= last:
        return None
    return (
        f"published {day.isoformat()} is not a plausible publication date "
        f"(accepted: {first} to {last})"
    )


def parse_published(value: str) -> tuple[dt.date | None, str | None]:
    """The date of an ISO date or date-time string, as written (not moved to UTC), or why not.

    Only the whole string counts: '2019-02-22garbage' is refused, not read as its first ten
    characters.
    """
    try:
        day = dt.datetime.fromisoformat(value).date()
    except ValueError:
        shown = repr(value) if len(value) <= 40 else repr(value[:40]) + "..."
        return None, f"published {shown} is not an ISO date or date-time ({ISO_EXAMPLES})"
    reason = implausible_published(day)
    return (None, reason) if reason else (day, None)


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
    #: the outlet's name where it is known (the inbox's outlets): extraction reads the
    #: countries it names (etl.places.placing `outlet_places`, session 34)
    outlet: str | None = None

    @property
    def text_sha256(self) -> str:
        return ids.text_sha256(self.text)


def _read_text(path: Path, label: str) -> tuple[str | None, Problem | None]:
    """The article's text exactly as stored (a UTF-8 mark stays: offsets count it)."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return None, Problem(label, None, "article file named in the manifest is missing")
    except OSError as exc:
        return None, Problem(label, None, f"cannot read: {exc.strerror}")
    return decode_file(data, label, drop_bom=False)


def _article(row: ManifestRow, text: str, batch_id: str) -> Article:
    return Article(
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


def load_seed_articles(
    seeds: Path, root: Path | None = None, batch_id: str = "seeds"
) -> tuple[list[Article], list[Problem]]:
    """Read the manifest and every article it names; report problems, never guess."""
    label = display_path(seeds / MANIFEST, root)
    located, problems = read_rows(seeds / MANIFEST, ManifestRow, label)
    unreadable_rows = bool(problems)  # then a file not listed may be on a row we could not read
    articles: list[Article] = []
    seen: dict[str, int] = {}
    for item in located:
        row = item.row
        if row.file in seen:
            problems.append(Problem(label, item.line, f"{row.file} is listed twice"))
            continue
        seen[row.file] = item.line
        if reason := implausible_published(row.published):
            problems.append(Problem(label, item.line, reason))
            continue
        text, problem = _read_text(seeds / row.file, display_path(seeds / row.file, root))
        if problem:
            problems.append(problem)
            continue
        assert text is not None
        articles.append(_article(row, text, batch_id))
    for path in [] if unreadable_rows else sorted(seeds.glob("*.txt")):
        if path.name not in seen:
            problems.append(Problem(label, None, f"{path.name} is in seeds/ but not listed"))
    return articles, problems
