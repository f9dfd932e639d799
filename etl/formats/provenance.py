"""The filtered view as a CSV with provenance: one row per claim, with its quote and source.

Every event shown, each claim behind it (who says so, the exact quote, the outlet, the
article's URL and the batch that brought the article in), so a reader can check each row
against its source. Written through `etl.csvwriter` (spreadsheet formulas defused).
"""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

from etl.csvwriter import frame_csv_bytes

#: The columns of the provenance CSV, in order.
PROVENANCE_COLUMNS: tuple[str, ...] = (
    "event_id", "date_start", "date_end", "date_precision", "event_type",
    "acled_event_type", "acled_sub_event_type", "place", "latitude", "longitude",
    "geo_precision", "summary", "review_status", "independent_sources", "event_batch",
    "claim_id", "claimant", "stance", "quote", "sentence", "outlet", "article_title",
    "published", "url", "batch_id", "batch",
)  # fmt: skip


def batch_name(batch_id: object, names: Mapping[str, str]) -> str:
    """The name an analyst gave a batch; 'curated' / 'seed articles' for the shipped data."""
    if not isinstance(batch_id, str) or not batch_id or batch_id == "curated":
        return "curated"
    if batch_id == "seeds":
        return "seed articles"
    return names.get(batch_id, batch_id)


def provenance_frame(
    shown: pd.DataFrame,
    claims: pd.DataFrame,
    articles: pd.DataFrame,
    batch_names: Mapping[str, str] | None = None,
) -> pd.DataFrame:
    """One row per claim of the events in `shown` (the reader's filtered event frame).

    `claims` and `articles` are the store's tables; an event without claims still gets one
    row (its claim columns empty), so every event shown is in the file."""
    names = batch_names or {}
    events = pd.DataFrame(
        {
            "event_id": shown["event_id"],
            "date_start": pd.to_datetime(shown["date_start"]).dt.date.astype(str),
            "date_end": pd.to_datetime(shown["date_end"]).dt.date.astype(str),
            "date_precision": shown["date_precision"],
            "event_type": shown["label"],
            "acled_event_type": shown["acled_event_type"],
            "acled_sub_event_type": shown["acled_sub_event_type"],
            "place": shown["place"],
            "latitude": shown["latitude"],
            "longitude": shown["longitude"],
            "geo_precision": shown["geo_precision"],
            "summary": shown["summary"],
            "review_status": shown["review_status"],
            "independent_sources": shown["independent_sources"],
            "event_batch": [
                batch_name(b, names) for b in shown.get("batch_id", [None] * len(shown))
            ],
        }
    )
    source = articles[["article_id", "outlet", "title", "published", "url", "batch_id"]]
    per_claim = claims[["claim_id", "event_id", "article_id", "claimant", "stance", "quote",
                        "sentence"]].merge(source, on="article_id", how="left")  # fmt: skip
    per_claim = per_claim.rename(columns={"title": "article_title"})
    per_claim["batch"] = [batch_name(b, names) for b in per_claim["batch_id"]]
    out = events.merge(per_claim.drop(columns="article_id"), on="event_id", how="left")
    out = out.sort_values(["date_start", "event_id", "outlet", "claim_id"], kind="stable")
    return out[list(PROVENANCE_COLUMNS)].reset_index(drop=True)


def provenance_csv(
    shown: pd.DataFrame,
    claims: pd.DataFrame,
    articles: pd.DataFrame,
    batch_names: Mapping[str, str] | None = None,
) -> bytes:
    """The provenance CSV as UTF-8 bytes (with the BOM Excel needs), formulas defused."""
    frame = provenance_frame(shown, claims, articles, batch_names)
    return frame_csv_bytes(frame, excel_bom=True)
