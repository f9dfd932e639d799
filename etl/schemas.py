"""Row schemas of the curated tables and of the seed manifest.

One pydantic model per table: a row that does not fit is reported with its file, line and the
field at fault. Cross-row rules (foreign keys, quotes at their offsets) live in `integrity`.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, field_validator, model_validator

Slug = Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9_\-]*$", max_length=80)]
NonEmpty = Annotated[str, Field(min_length=1)]
HexColour = Annotated[str, Field(pattern=r"^#[0-9A-Fa-f]{6}$")]


def _written_day(value: object) -> object:
    """Dates in the tables are written YYYY-MM-DD: a number such as 1550793600 or 20190222 is
    refused rather than read as a Unix time."""
    if isinstance(value, str) and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value.strip()):
        raise ValueError("must be a date written YYYY-MM-DD")
    return value


#: A calendar day written YYYY-MM-DD.
Day = Annotated[dt.date, BeforeValidator(_written_day)]

DatePrecision = Literal["day", "days", "weeks", "months"]
GeoPrecision = Annotated[int, Field(ge=1, le=3)]
Stance = Literal["asserted", "unverified", "denied", "expected"]
Area = Literal["Baghouz", "Al-Hol", "Idlib", "Elsewhere"]
AREAS: tuple[str, ...] = ("Baghouz", "Al-Hol", "Idlib", "Elsewhere")

#: Longest window each precision allows, in days (inclusive of both ends).
PRECISION_MAX_DAYS = {"day": 1, "days": 7, "weeks": 62, "months": 400}


class Row(BaseModel):
    """Base: unknown columns are an error, so a typo in a header is caught."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


class EventTypeRow(Row):
    event_type: Slug
    label: NonEmpty
    acled_event_type: Literal[
        "Battles",
        "Explosions/Remote violence",
        "Violence against civilians",
        "Protests",
        "Riots",
        "Strategic developments",
    ]
    acled_sub_event_type: NonEmpty
    colour: HexColour
    description: NonEmpty


class OutletRow(Row):
    outlet_id: Slug
    name: NonEmpty
    kind: Literal["wire", "newspaper", "broadcaster", "monitor", "ngo", "un", "online"]
    country: str | None = None
    wire_id: Slug | None = None


class ActorRow(Row):
    actor_id: Slug
    name: NonEmpty
    kind: NonEmpty
    aliases: str | None = None


class PlaceRow(Row):
    place_id: Slug
    name: NonEmpty
    aliases: str | None = None
    kind: NonEmpty
    latitude: float = Field(ge=-90, le=90)
    longitude: float = Field(ge=-180, le=180)
    geo_precision: GeoPrecision
    admin1: str | None = None
    country: NonEmpty
    area: Area
    source: NonEmpty


class EventRow(Row):
    event_key: Slug
    event_type: Slug
    sub_type: str | None = None
    date_start: Day
    date_end: Day
    date_precision: DatePrecision
    date_note: str | None = None
    place_id: Slug
    geo_precision: GeoPrecision
    actor1: Slug | None = None
    actor2: Slug | None = None
    background: bool = False
    summary: NonEmpty

    @model_validator(mode="after")
    def _window_fits_precision(self) -> EventRow:
        days = (self.date_end - self.date_start).days + 1
        if days < 1:
            raise ValueError(f"date_end {self.date_end} is before date_start {self.date_start}")
        if (self.date_precision == "day") != (days == 1):
            raise ValueError(
                f"date_precision '{self.date_precision}' does not fit a window of {days} day(s)"
            )
        if days > PRECISION_MAX_DAYS[self.date_precision]:
            raise ValueError(
                f"a window of {days} days is too long for date_precision '{self.date_precision}'"
            )
        return self


class ClaimRow(Row):
    claim_key: Slug
    event_key: Slug
    article_file: Annotated[str, Field(pattern=r"^[\w\-.]+\.txt$")]
    char_start: int = Field(ge=0)
    char_end: int = Field(gt=0)
    quote: NonEmpty
    claimant: NonEmpty
    claimant_actor: Slug
    stance: Stance

    @model_validator(mode="after")
    def _span_is_ordered(self) -> ClaimRow:
        if self.char_end <= self.char_start:
            raise ValueError("char_end must be greater than char_start")
        return self


class FigureRow(Row):
    claim_key: Slug
    quantity: Slug
    value_low: float | None = Field(default=None, ge=0)
    value_high: float | None = Field(default=None, ge=0)
    qualifier: NonEmpty
    raw: NonEmpty

    @model_validator(mode="after")
    def _bounds_are_ordered(self) -> FigureRow:
        if self.value_low is None and self.value_high is None:
            raise ValueError("a figure needs value_low or value_high")
        low, high = self.value_low, self.value_high
        if low is not None and high is not None and high < low:
            raise ValueError(f"value_high {high} < value_low {low}")
        return self


class FlowRow(Row):
    """People moved from one place to another, as one article says: the quote names the
    movement and, if the article gives one, the count (`count_raw`, inside the quote)."""

    flow_key: Slug
    event_key: Slug
    origin_place_id: Slug
    destination_place_id: Slug
    article_file: Annotated[str, Field(pattern=r"^[\w\-.]+\.txt$")]
    char_start: int = Field(ge=0)
    char_end: int = Field(gt=0)
    quote: NonEmpty
    count_low: float | None = Field(default=None, ge=0)
    count_high: float | None = Field(default=None, ge=0)
    count_unit: Literal["people", "trucks", "families"] | None = None
    count_raw: str | None = None

    @model_validator(mode="after")
    def _count_is_whole(self) -> FlowRow:
        if self.char_end <= self.char_start:
            raise ValueError("char_end must be greater than char_start")
        given = [self.count_low, self.count_unit, self.count_raw]
        if any(v is not None for v in given) and any(v is None for v in given):
            raise ValueError("a count needs count_low, count_unit and count_raw together")
        low, high = self.count_low, self.count_high
        if high is not None and (low is None or high < low):
            raise ValueError(f"count_high {high} needs a count_low no greater than it")
        return self


class ManifestRow(Row):
    file: Annotated[str, Field(pattern=r"^[\w\-.]+\.txt$")]
    outlet_id: Slug
    wire: Slug | None = None
    byline: str | None = None
    title: NonEmpty
    published: Day
    dateline: str | None = None
    url: str | None = None
    language: Annotated[str, Field(pattern=r"^[a-z]{2}$")]
    note: str | None = None

    @field_validator("url")
    @classmethod
    def _url_is_web(cls, value: str | None) -> str | None:
        if value and not re.match(r"^https?://", value):
            raise ValueError("url must start with http:// or https://")
        return value


#: Curated file name -> (row model, primary key column or None).
CURATED_TABLES: dict[str, tuple[type[Row], str | None]] = {
    "event_types.csv": (EventTypeRow, "event_type"),
    "outlets.csv": (OutletRow, "outlet_id"),
    "actors.csv": (ActorRow, "actor_id"),
    "places.csv": (PlaceRow, "place_id"),
    "events.csv": (EventRow, "event_key"),
    "claims.csv": (ClaimRow, "claim_key"),
    "figures.csv": (FigureRow, None),
    "flows.csv": (FlowRow, "flow_key"),
}

#: Curated files a project may leave out (an empty table).
OPTIONAL_TABLES = frozenset({"flows.csv"})
