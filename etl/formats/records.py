"""One event read from another dataset's export, in the project's terms (what the inbox keeps).

The record keeps the dataset's own id, types, source text and figures beside the project's
event type, date window and place, so nothing the analyst imported is lost and the tables can
be rebuilt from the inbox at any time.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

DATASETS = {
    "acled": "ACLED (Armed Conflict Location & Event Data)",
    "ucdp": "UCDP Georeferenced Event Dataset",
}


@dataclass(frozen=True)
class ImportedEvent:
    """An event as another dataset records it, mapped to the project's fields."""

    dataset: str  # 'acled' or 'ucdp'
    original_id: str  # ACLED event_id_cnty, UCDP id
    line: int  # where it was in the imported file
    event_type: str  # the project's type (event_types.csv)
    source_event_type: str  # the dataset's own type (ACLED event_type; UCDP type of violence)
    source_sub_event_type: str
    date_start: str  # ISO dates
    date_end: str
    date_precision: str  # day, days, weeks, months
    location: str
    admin1: str
    country: str
    latitude: float
    longitude: float
    geo_precision: int  # 1 exact, 2 near, 3 region only
    actor1: str
    actor2: str
    notes: str  # the dataset's description of the event
    source: str  # the dataset's own source text (who reported it)
    fatalities_low: int | None
    fatalities_high: int | None
    fatalities_best: int | None = None  # UCDP's best estimate
    extra: dict[str, Any] = field(default_factory=dict)  # other facts worth keeping

    def key(self) -> tuple[str, str]:
        return self.dataset, self.original_id

    def to_json(self) -> str:
        """The record as stored (keys sorted, so the same event gives the same text)."""
        return json.dumps(vars(self), ensure_ascii=False, sort_keys=True)

    @classmethod
    def from_json(cls, text: str) -> ImportedEvent:
        return cls(**json.loads(text))

    def content(self) -> str:
        """The record without where it came from (file, line): equal content, same event."""
        data = dict(vars(self))
        data.pop("line")
        data["extra"] = {k: v for k, v in data["extra"].items() if k != "file"}
        return json.dumps(data, ensure_ascii=False, sort_keys=True)
