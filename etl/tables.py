"""Assembling the tidy tables from validated articles and curated rows (pure)."""

from __future__ import annotations

import pandas as pd

from etl import ids
from etl.articles import Article
from etl.curated import Curated
from etl.extraction.sentences import sentence_bounds
from etl.sources import sources_by_event

#: Every table of the store, in the order they are written.
TABLE_NAMES: tuple[str, ...] = (
    "articles",
    "article_texts",
    "outlets",
    "actors",
    "event_types",
    "places",
    "events",
    "claims",
    "figures",
    "flows",
)

#: Columns whose values are whole numbers that may be missing (a place's precision, a claim's
#: character offsets). Built from Python ints and Nones, pandas makes such a column int64 when
#: no value is missing and float64 when one is; a table assembled from pieces (an incremental
#: merge) must end in the dtype a whole build of the same rows would have.
WHOLE_NUMBERS: dict[str, tuple[str, ...]] = {
    "places": ("geo_precision",),
    "events": ("geo_precision",),
    "claims": ("sentence_start", "sentence_end", "char_start", "char_end", "trigger_start",
               "trigger_end", "date_text_start", "date_text_end", "place_start", "place_end",
               "claimant_start", "claimant_end"),
    "flows": ("char_start", "char_end"),
}  # fmt: skip

#: Columns of the flows table (people moved from one place to another), in order.
FLOW_COLUMNS = [
    "flow_id",
    "flow_key",
    "event_id",
    "origin_place_id",
    "destination_place_id",
    "article_id",
    "char_start",
    "char_end",
    "quote",
    "count_low",
    "count_high",
    "count_unit",
    "count_raw",
    "origin",
]

Tables = dict[str, pd.DataFrame]


def _frame(rows: list, columns: list[str] | None = None) -> pd.DataFrame:
    records = [r.model_dump() for r in rows]
    return pd.DataFrame.from_records(records, columns=columns)


def article_rows(articles: list[Article], outlet_names: dict[str, str]) -> pd.DataFrame:
    """The articles table's rows for these articles (their texts go to article_texts)."""
    return pd.DataFrame.from_records(
        [
            {
                "article_id": a.article_id,
                "batch_id": a.batch_id,
                "file": a.file,
                "outlet_id": a.outlet_id,
                "outlet": outlet_names.get(a.outlet_id, a.outlet_id),
                "wire": a.wire,
                "byline": a.byline,
                "title": a.title,
                "published": a.published,
                "dateline": a.dateline,
                "url": a.url,
                "language": a.language,
                "text_sha256": a.text_sha256,
                "n_chars": len(a.text),
                "note": a.note,
            }
            for a in articles
        ]
    )


def _claims(curated: Curated, articles: list[Article]) -> pd.DataFrame:
    by_file = {a.file: a for a in articles}
    records = []
    for row in curated.rows("claims.csv"):
        article = by_file[row.article_file]
        event = ids.event_id("curated", row.event_key)
        left, right = sentence_bounds(article.text, row.char_start, row.char_end)
        records.append(
            {
                "claim_id": ids.claim_id(article.article_id, row.char_start, row.char_end, event),
                "claim_key": row.claim_key,
                "mention_key": None,
                "event_id": event,
                "article_id": article.article_id,
                "sentence": article.text[left:right].strip(),
                "sentence_start": left,
                "sentence_end": right,
                "char_start": row.char_start,
                "char_end": row.char_end,
                "quote": row.quote,
                "claimant": row.claimant,
                "claimant_actor": row.claimant_actor,
                "stance": row.stance,
                "origin": "curated",
                "review_status": "accepted",
            }
        )
    return pd.DataFrame.from_records(records)


def _figures(curated: Curated, claims: pd.DataFrame) -> pd.DataFrame:
    by_key = claims.set_index("claim_key")[["claim_id", "event_id"]].to_dict("index")
    records = []
    for row in curated.rows("figures.csv"):
        claim = by_key[row.claim_key]
        records.append(
            {
                "figure_id": ids.figure_id(claim["claim_id"], row.quantity, row.raw, row.value_low),
                "claim_id": claim["claim_id"],
                "event_id": claim["event_id"],
                "quantity": row.quantity,
                "value_low": row.value_low,
                "value_high": row.value_high,
                "qualifier": row.qualifier,
                "raw": row.raw,
            }
        )
    columns = [
        "figure_id",
        "claim_id",
        "event_id",
        "quantity",
        "value_low",
        "value_high",
        "qualifier",
        "raw",
    ]
    return pd.DataFrame.from_records(records, columns=columns)


def _flows(curated: Curated, articles: list[Article]) -> pd.DataFrame:
    by_file = {a.file: a.article_id for a in articles}
    records = []
    for row in curated.rows("flows.csv"):
        article = by_file[row.article_file]
        records.append(
            {
                "flow_id": "fl_" + ids.content_hash(article, row.char_start, row.flow_key),
                "flow_key": row.flow_key,
                "event_id": ids.event_id("curated", row.event_key),
                "origin_place_id": row.origin_place_id,
                "destination_place_id": row.destination_place_id,
                "article_id": article,
                "char_start": row.char_start,
                "char_end": row.char_end,
                "quote": row.quote,
                "count_low": row.count_low,
                "count_high": row.count_high,
                "count_unit": row.count_unit,
                "count_raw": row.count_raw,
                "origin": "curated",
            }
        )
    frame = pd.DataFrame.from_records(records, columns=FLOW_COLUMNS)
    return frame.astype({"count_low": "float64", "count_high": "float64"})


def sources_per_event(claims: pd.DataFrame, articles: list[Article]) -> dict[str, list[str]]:
    """event_id -> its independent sources, over every claim in the frame."""
    return sources_by_event(
        zip(claims["event_id"], claims["article_id"]),
        ((a.article_id, a.text, a.outlet_id, a.wire) for a in articles),
    )


def _events(curated: Curated, claims: pd.DataFrame, articles: list[Article]) -> pd.DataFrame:
    types = _frame(curated.rows("event_types.csv")).set_index("event_type")
    wires = sources_per_event(claims, articles)
    records = []
    for row in curated.rows("events.csv"):
        event = ids.event_id("curated", row.event_key)
        sources = wires.get(event, [])
        records.append(
            {
                "event_id": event,
                "event_key": row.event_key,
                "event_type": row.event_type,
                "sub_type": row.sub_type,
                "acled_event_type": types.at[row.event_type, "acled_event_type"],
                "acled_sub_event_type": types.at[row.event_type, "acled_sub_event_type"],
                "date_start": row.date_start.isoformat(),
                "date_end": row.date_end.isoformat(),
                "date_precision": row.date_precision,
                "date_note": row.date_note,
                "place_id": row.place_id,
                "geo_precision": row.geo_precision,
                "radius_km": None,  # curated places are points; extraction's regions have one
                "place_note": None,  # an analyst's place: extraction's notes tell where from
                "actor1": row.actor1,
                "actor2": row.actor2,
                "summary": row.summary,
                "background": row.background,
                "origin": "curated",
                "review_status": "accepted",
                "batch_id": "curated",
                "independent_sources": len(sources),
                "source_ids": "|".join(sources),
            }
        )
    return pd.DataFrame.from_records(records)


def assemble(curated: Curated, articles: list[Article]) -> Tables:
    """Build every tidy table. Assumes `check_integrity` found nothing wrong."""
    outlets = _frame(curated.rows("outlets.csv"))
    article_frame = article_rows(articles, dict(zip(outlets["outlet_id"], outlets["name"])))
    claims = _claims(curated, articles)
    tables: Tables = {
        "articles": article_frame,
        "article_texts": pd.DataFrame(
            {"article_id": [a.article_id for a in articles], "text": [a.text for a in articles]}
        ),
        "outlets": outlets,
        "actors": _frame(curated.rows("actors.csv")),
        "event_types": _frame(curated.rows("event_types.csv")),
        "places": _frame(curated.rows("places.csv")),
        "events": _events(curated, claims, articles),
        "claims": claims,
        "figures": _figures(curated, claims),
        "flows": _flows(curated, articles),
    }
    return {name: tables[name] for name in TABLE_NAMES}
