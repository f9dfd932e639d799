"""Batches of articles in (JSON Lines) and mentions out (CSV): the `extract` command's contract.

Input: one JSON object per line with `id`, `text`, `published` (ISO date) and optionally
`outlet`, `title`, `url`. Output: one CSV row per mention with the columns in MENTION_COLUMNS.
A bad line is reported with its file and line number and nothing is written.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Iterator
from pathlib import Path

from etl.csvwriter import write_rows
from etl.extract import ArticleInput
from etl.figures import fatalities
from etl.mentions import Mention
from etl.problems import Problem

MENTION_COLUMNS = [
    "article_id",
    "event_type",
    "acled_event_type",
    "acled_sub_event_type",
    "date_start",
    "date_end",
    "date_precision",
    "date_source",
    "date_text",
    "place_name",
    "latitude",
    "longitude",
    "geo_precision",
    "place_note",
    "actor1",
    "actor2",
    "claimant",
    "claimant_actor",
    "fatalities_low",
    "fatalities_high",
    "figures",
    "trigger",
    "sentence",
    "char_start",
    "char_end",
]


def _article(record: object, label: str, line: int) -> tuple[ArticleInput | None, Problem | None]:
    if not isinstance(record, dict):
        return None, Problem(label, line, "each line must be a JSON object")
    missing = [k for k in ("id", "text", "published") if k not in record]
    if missing:
        return None, Problem(label, line, f"missing field(s): {', '.join(missing)}")
    if not isinstance(record["text"], str) or not isinstance(record["id"], (str, int)):
        return None, Problem(label, line, "id must be a string or number and text a string")
    try:
        published = dt.date.fromisoformat(str(record["published"])[:10])
    except ValueError:
        return None, Problem(label, line, f"published {record['published']!r} is not an ISO date")
    optional = {k: str(record[k]) for k in ("outlet", "title", "url") if record.get(k) is not None}
    return ArticleInput(str(record["id"]), record["text"], published, **optional), None


def iter_jsonl(path: Path, label: str | None = None) -> Iterator[ArticleInput | Problem]:
    """Articles of a JSON Lines file one at a time (memory stays flat), or their problems."""
    label = label or str(path)
    seen: set[str] = set()
    try:
        handle = path.open(encoding="utf-8")
    except OSError as exc:
        yield Problem(label, None, f"cannot read: {exc.strerror}")
        return
    with handle:
        try:
            for number, line in enumerate(handle, start=1):
                if line.strip():
                    yield _parse_line(line, label, number, seen)
        except UnicodeDecodeError as exc:
            yield Problem(label, None, f"not valid UTF-8 ({exc.reason})")


def _parse_line(line: str, label: str, number: int, seen: set[str]) -> ArticleInput | Problem:
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        return Problem(label, number, f"not valid JSON ({exc.msg}, column {exc.colno})")
    article, problem = _article(record, label, number)
    if problem:
        return problem
    if article.article_id in seen:
        return Problem(label, number, f"id {article.article_id!r} is used twice")
    seen.add(article.article_id)
    return article


def read_jsonl(path: Path, label: str | None = None) -> tuple[list[ArticleInput], list[Problem]]:
    """Every article of a JSON Lines file, and every problem (file, line, reason)."""
    articles, problems = [], []
    for item in iter_jsonl(path, label):
        (problems if isinstance(item, Problem) else articles).append(item)
    return articles, problems


def _number(value: float | None) -> float | int | None:
    """12.0 -> 12: counts read as counts; real fractions (1.5 million) stay as they are."""
    return int(value) if value is not None and float(value).is_integer() else value


def mention_row(m: Mention, acled: dict[str, tuple[str, str]]) -> dict[str, object]:
    """One output row; figures as a JSON list of {quantity, low, high, qualifier, text}."""
    low, high = fatalities(list(m.figures))
    acled_type, acled_sub = acled.get(m.event_type, ("", ""))
    figures = [
        {
            "quantity": f.quantity,
            "low": _number(f.low),
            "high": _number(f.high),
            "qualifier": f.qualifier,
            "text": f.text,
        }
        for f in m.figures
    ]
    return {
        "article_id": m.article_id,
        "event_type": m.event_type,
        "acled_event_type": acled_type,
        "acled_sub_event_type": acled_sub,
        "date_start": m.date.start.isoformat(),
        "date_end": m.date.end.isoformat(),
        "date_precision": m.date.precision,
        "date_source": m.date.source,
        "date_text": m.date.text or "",
        "place_name": m.place_name or "",
        "latitude": "" if m.latitude is None else round(m.latitude, 5),
        "longitude": "" if m.longitude is None else round(m.longitude, 5),
        "geo_precision": m.geo_precision or "",
        "place_note": m.place_note or "",
        "actor1": m.actor1 or "",
        "actor2": m.actor2 or "",
        "claimant": m.claimant or "",
        "claimant_actor": m.claimant_actor or "",
        "fatalities_low": "" if low is None else _number(low),
        "fatalities_high": "" if high is None else _number(high),
        "figures": json.dumps(figures, ensure_ascii=False),
        "trigger": m.trigger,
        "sentence": m.sentence,
        "char_start": m.char_start,
        "char_end": m.char_end,
    }


def write_csv(path: Path, rows: Iterable[dict[str, object]]) -> int:
    """Write mention rows atomically (the file appears whole or not at all), defused for
    spreadsheets: a sentence that starts with "=" is text, not a formula."""
    return write_rows(path, MENTION_COLUMNS, rows)
