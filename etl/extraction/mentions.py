"""The value types of extraction: a date window, a figure, and an event mention.

Every field the extractor fills carries the character span of its evidence in the article
text (absolute offsets, end exclusive), so a reviewer can see the words behind it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field


@dataclass(frozen=True)
class DateWindow:
    """When something happened: a window of whole days and how precisely it is known.

    precision: day (start == end), days (<= 7 days), weeks (<= 62 days), months.
    source: explicit ("March 3"), weekday ("on Friday"), relative ("a day later",
    "last weekend", "in past weeks"), or article (nothing dated it, or a phrase that
    names no real day such as "Feb. 30": the window the article's publication allows; the
    phrase's words are kept in `text`).
    """

    start: dt.date
    end: dt.date
    precision: str
    source: str
    text: str | None = None
    char_start: int | None = None
    char_end: int | None = None


#: the quantities that count an event's dead: "were killed" and "died" are both deaths
TOLL_QUANTITIES = frozenset({"killed", "deaths"})
#: the dead counted since a day over a week back ('425 have been killed since 8 July'): the
#: event's toll only when nothing else counts its dead (running_totals.running_toll)
RUNNING_TOLL = "killed_since"
#: the qualifier of a count of the dead beside which the dead of another side are untold ('45
#: militants were killed; it did not give its own losses'): the figure is the count, the
#: event's toll that count open above (convention C3; tolls.left_open, tolls.fatalities)
UNTOLD = "others untold"


@dataclass(frozen=True)
class Figure:
    """A number the text gives: 'at least 15 trucks' -> trucks, 15, None, 'at least'.

    Its span lies in the mention's sentence, except a toll the next sentence gives for it
    ("... 2 fatalities were reported."), which keeps its own span (etl.extraction.tolls)."""

    quantity: str
    low: float | None
    high: float | None
    qualifier: str
    text: str
    char_start: int
    char_end: int


@dataclass(frozen=True)
class Mention:
    """One event as one sentence of one article reports it."""

    article_id: str
    event_type: str
    trigger: str
    trigger_start: int
    trigger_end: int
    sentence: str
    char_start: int  # the sentence's span
    char_end: int
    date: DateWindow
    place_name: str | None = None
    place_id: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    country: str | None = None
    geo_precision: int | None = None
    place_start: int | None = None
    place_end: int | None = None
    place_note: str | None = None  # why the place is what it is (or why there is none)
    actor1: str | None = None
    actor2: str | None = None
    claimant: str | None = None
    claimant_actor: str | None = None
    claimant_start: int | None = None
    claimant_end: int | None = None
    figures: tuple[Figure, ...] = field(default_factory=tuple)
    background: bool = False  # dated long before publication: context, not news
    # a region around the place ('east of Mourek', geo precision 2 or 3): how far it reaches
    # and its label; None for the place itself
    place_radius_km: float | None = None
    place_region: str | None = None
