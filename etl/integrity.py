"""Rules across tables: every reference resolves and every quote is where it says it is."""

from __future__ import annotations

from collections.abc import Iterable

from etl.articles import Article
from etl.curated import Curated
from etl.problems import Problem


def _keys(curated: Curated, name: str, column: str) -> set[str]:
    return {getattr(row, column) for row in curated.rows(name)}


def _check_refs(
    curated: Curated, name: str, checks: Iterable[tuple[str, set[str], str]]
) -> list[Problem]:
    """For each row of `name`, each (column, allowed values, what) must resolve if set."""
    problems = []
    checks = list(checks)
    for item in curated.tables.get(name, []):
        for column, allowed, what in checks:
            value = getattr(item.row, column)
            if value is not None and value not in allowed:
                problems.append(
                    Problem(
                        curated.labels[name], item.line, f"{column} '{value}' is not a known {what}"
                    )
                )
    return problems


def check_quote(text: str, start: int, end: int, quote: str) -> str | None:
    """Why the quote is not at [start:end] of text, or None when it is."""
    if end > len(text):
        return f"char_end {end} is past the end of the article ({len(text)} characters)"
    found = text[start:end]
    if found == quote:
        return None
    elsewhere = text.find(quote)
    hint = (
        f"; the quote is at {elsewhere}-{elsewhere + len(quote)}"
        if elsewhere >= 0
        else ("; the quote is nowhere in the article")
    )
    return f"text at {start}-{end} is {found[:60]!r}, not the quote{hint}"


def _check_claims(curated: Curated, articles: dict[str, Article]) -> list[Problem]:
    label = curated.labels["claims.csv"]
    problems = []
    for item in curated.tables.get("claims.csv", []):
        row = item.row
        article = articles.get(row.article_file)
        if article is None:
            problems.append(
                Problem(
                    label, item.line, f"article_file '{row.article_file}' is not a loaded article"
                )
            )
            continue
        reason = check_quote(article.text, row.char_start, row.char_end, row.quote)
        if reason:
            problems.append(Problem(label, item.line, reason))
    return problems


def _check_flows(curated: Curated, articles: dict[str, Article]) -> list[Problem]:
    """Each flow's quote is at its offsets in its article and holds its count's words."""
    label = curated.labels.get("flows.csv", "flows.csv")
    problems = []
    for item in curated.tables.get("flows.csv", []):
        row = item.row
        article = articles.get(row.article_file)
        if article is None:
            reason = f"article_file '{row.article_file}' is not a loaded article"
        elif row.count_raw is not None and row.count_raw not in row.quote:
            reason = f"count_raw {row.count_raw!r} is not inside the quote"
        else:
            reason = check_quote(article.text, row.char_start, row.char_end, row.quote)
        if reason:
            problems.append(Problem(label, item.line, reason))
    return problems


def _check_figures(curated: Curated) -> list[Problem]:
    quotes = {row.claim_key: row.quote for row in curated.rows("claims.csv")}
    label = curated.labels["figures.csv"]
    problems = []
    for item in curated.tables.get("figures.csv", []):
        row = item.row
        quote = quotes.get(row.claim_key)
        if quote is None:
            problems.append(
                Problem(label, item.line, f"claim_key '{row.claim_key}' is not a known claim")
            )
        elif row.raw not in quote:
            problems.append(
                Problem(label, item.line, f"raw text {row.raw!r} is not inside its claim's quote")
            )
    return problems


def _check_duplicates(curated: Curated) -> list[Problem]:
    """Rows that would get the same id: one quote claimed twice for an event, one figure twice."""
    problems = []
    for name, key in (
        ("claims.csv", lambda r: (r.event_key, r.article_file, r.char_start, r.char_end)),
        ("figures.csv", lambda r: (r.claim_key, r.quantity, r.raw, r.value_low)),
    ):
        first: dict[tuple, int] = {}
        for item in curated.tables.get(name, []):
            k = key(item.row)
            if k in first:
                problems.append(
                    Problem(
                        curated.labels[name],
                        item.line,
                        f"repeats line {first[k]} (same event/claim and text)",
                    )
                )
            else:
                first[k] = item.line
    return problems


def _check_every_event_claimed(curated: Curated) -> list[Problem]:
    claimed = _keys(curated, "claims.csv", "event_key")
    label = curated.labels["events.csv"]
    return [
        Problem(label, item.line, f"event '{item.row.event_key}' has no claim in claims.csv")
        for item in curated.tables.get("events.csv", [])
        if item.row.event_key not in claimed
    ]


def check_integrity(
    curated: Curated, articles: list[Article], manifest_label: str
) -> list[Problem]:
    """Every cross-table problem in the curated data and the seed manifest."""
    outlets = _keys(curated, "outlets.csv", "outlet_id")
    actors = _keys(curated, "actors.csv", "actor_id")
    events = _keys(curated, "events.csv", "event_key")
    by_file = {a.file: a for a in articles}
    problems = _check_refs(curated, "outlets.csv", [("wire_id", outlets, "outlet")])
    problems += _check_refs(
        curated,
        "events.csv",
        [
            ("event_type", _keys(curated, "event_types.csv", "event_type"), "event type"),
            ("place_id", _keys(curated, "places.csv", "place_id"), "place"),
            ("actor1", actors, "actor"),
            ("actor2", actors, "actor"),
        ],
    )
    problems += _check_refs(
        curated,
        "claims.csv",
        [("event_key", events, "event"), ("claimant_actor", actors, "actor")],
    )
    places = _keys(curated, "places.csv", "place_id")
    problems += _check_refs(
        curated,
        "flows.csv",
        [
            ("event_key", events, "event"),
            ("origin_place_id", places, "place"),
            ("destination_place_id", places, "place"),
        ],
    )
    problems += _check_claims(curated, by_file)
    problems += _check_flows(curated, by_file)
    problems += _check_figures(curated)
    problems += _check_every_event_claimed(curated)
    problems += _check_duplicates(curated)
    for article in articles:
        for column in ("outlet_id", "wire"):
            value = getattr(article, column)
            if value is not None and value not in outlets:
                problems.append(
                    Problem(
                        manifest_label,
                        None,
                        f"{article.file}: {column} '{value}' is not in outlets.csv",
                    )
                )
    return problems
