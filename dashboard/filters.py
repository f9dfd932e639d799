"""Filters over the event view, and the plain-English sentence that describes them (pure)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from dashboard.claimants import Organisations, claimant_options, organisations_of, shipped
from dashboard.views import format_date_window
from etl.schemas import AREAS


@dataclass(frozen=True)
class Filters:
    """The reader's choices. An empty tuple means 'no restriction' on that dimension."""

    date_from: dt.date
    date_to: dt.date
    event_types: tuple[str, ...] = ()
    areas: tuple[str, ...] = ()
    outlets: tuple[str, ...] = ()
    claimants: tuple[str, ...] = ()
    include_background: bool = False
    include_pending: bool = False
    batches: tuple[str, ...] = ()  # batch ids, and CURATED for the hand-curated events


@dataclass(frozen=True)
class Options:
    """What the data offers to filter by: each a tuple of (value, label).

    The date bounds are those of the published news events (curated, and accepted from any
    batch); extracted events awaiting review extend them to `pending_min`/`pending_max` when
    the reader includes them; background events (context such as the 2014 'caliphate'
    declaration) extend `full_min`/`full_max` and are shown only on request.
    """

    date_min: dt.date
    date_max: dt.date
    full_min: dt.date
    full_max: dt.date
    n_background: int
    n_pending: int
    event_types: tuple[tuple[str, str], ...]
    areas: tuple[str, ...]
    outlets: tuple[tuple[str, str], ...]
    claimants: tuple[tuple[str, str], ...]
    pending_min: dt.date | None = None
    pending_max: dt.date | None = None
    batches: tuple[tuple[str, str], ...] = ()

    def date_bounds(self, background: bool, pending: bool) -> tuple[dt.date, dt.date]:
        """The slider's range: every event the reader has asked to see fits in it."""
        if background:
            return self.full_min, self.full_max
        if pending:
            return self.pending_min or self.date_min, self.pending_max or self.date_max
        return self.date_min, self.date_max


#: The batch value of events read by hand into data/curated/ (not from an uploaded batch).
CURATED = "curated"
#: The batch value of events the extractor found in the seed articles.
SEEDS = "seeds"


def batch_label(batch: str, names: Mapping[str, str]) -> str:
    """How a batch is named for readers: 'curated', 'seed articles', or its name and id."""
    if batch == CURATED:
        return "curated"
    if batch == SEEDS:
        return "seed articles (extracted)"
    name = names.get(batch)
    return f"{name} ({batch})" if name else batch


def filter_options(
    view: pd.DataFrame,
    tables_outlets: pd.DataFrame,
    tables_actors: pd.DataFrame,
    area_order: tuple[str, ...],
    batch_names: Mapping[str, str] | None = None,
    organisations: Organisations | None = None,
) -> Options:
    """Every value present in the data, labelled for people (`batch_names`: batch id ->
    the name the analyst gave it). Claimants are offered by organisation (`organisations`,
    the shipped table by default): one 'United Nations' for the UN and its rights office."""
    outlet_names = dict(zip(tables_outlets["outlet_id"], tables_outlets["name"]))
    actor_names = dict(zip(tables_actors["actor_id"], tables_actors["name"]))
    # each distinct list once (the event frame shares them), each column once: a pass over
    # every event's lists, and a copy of the frame for the dates, took 5.8 s at 1,000,000
    outlets = sorted(
        {o for ids in _distinct_lists(view["outlet_ids"]) for o in ids},
        key=lambda o: outlet_names.get(o, o),
    )
    claimants = claimant_options(
        {a for ids in _distinct_lists(view["claimant_actors"]) for a in ids},
        actor_names,
        shipped() if organisations is None else organisations,
    )
    firsts = ~view["event_type"].duplicated()
    types = pd.DataFrame(
        {"event_type": view["event_type"][firsts], "label": view["label"][firsts]}
    ).sort_values("label")
    present = set(view["area"].unique().tolist())
    background = view["background"].to_numpy(dtype=bool)
    news_mask = ~background
    shown_first = news_mask & (view["review_status"] != "pending").to_numpy(dtype=bool)
    news = shown_first if shown_first.any() else np.ones(len(view), dtype=bool)
    with_pending = news_mask if news_mask.any() else np.ones(len(view), dtype=bool)
    starts, ends = view["date_start"], view["date_end"]
    return Options(
        date_min=starts[news].min().date(),
        date_max=ends[news].max().date(),
        full_min=starts.min().date(),
        full_max=ends.max().date(),
        n_background=int(background.sum()),
        n_pending=int((view["review_status"] == "pending").sum()),
        event_types=tuple(zip(types["event_type"], types["label"])),
        areas=tuple(a for a in area_order if a in present),
        outlets=tuple((o, outlet_names.get(o, o)) for o in outlets),
        claimants=claimants,
        pending_min=starts[with_pending].min().date(),
        pending_max=ends[with_pending].max().date(),
        batches=_batches(view, batch_names or {}),
    )


def _distinct_lists(lists: pd.Series) -> list[list]:
    """The distinct list objects of a column (missing values left out)."""
    return list({id(v): v for v in lists.tolist() if isinstance(v, list)}.values())


def _batches(view: pd.DataFrame, names: Mapping[str, str]) -> tuple[tuple[str, str], ...]:
    """The batches with an event in the view: curated first, then the seeds, then uploads
    oldest first (batch ids start with their UTC time)."""
    if "batch_id" not in view:
        return ()
    batch = view["batch_id"]
    present = set(batch.dropna().unique().tolist()) | ({CURATED} if batch.isna().any() else set())
    rank = {CURATED: "0", SEEDS: "1"}
    ordered = sorted(present, key=lambda b: rank.get(b, "2" + b))
    return tuple((b, batch_label(b, names)) for b in ordered)


def default_filters(options: Options) -> Filters:
    """Everything shown over the data's own date range."""
    return Filters(date_from=options.date_min, date_to=options.date_max)


def _per_list(lists: pd.Series, function: Callable[[Any], Any]) -> list:
    """`function` of each row's list, called once per distinct list object (the event frame
    shares one list between the events with the same outlets or claimants)."""
    done: dict[int, Any] = {}
    out = []
    for values in lists.tolist():
        key = id(values)
        if key not in done:
            done[key] = function(values)
        out.append(done[key])
    return out


def list_numbers(lists: pd.Series) -> tuple[np.ndarray, list]:
    """Each row's list as a number, by identity (rows sharing one list object share it), and
    the distinct list objects by number, in order of first appearance."""
    values = lists.to_numpy(dtype=object)
    ids = np.fromiter(map(id, values), dtype=np.int64, count=len(values))
    codes, distinct = pd.factorize(ids)
    firsts = np.full(len(distinct), len(ids), dtype=np.int64)  # each list's first row
    np.minimum.at(firsts, codes, np.arange(len(ids)))
    return codes, values[firsts].tolist()


#: A column's `list_numbers`, made once per build by the caller (`filter_mask`'s `numbers`).
Numbers = Callable[[str], tuple[np.ndarray, list]]


def _matches(
    view: pd.DataFrame, column: str, test: Callable[[Any], bool], numbers: Numbers | None
) -> np.ndarray:
    """`test` of each row's list in `column`, called once per distinct list: over the
    build's list numbers when given (at 1,000,000 events a pass over every row's list took
    0.35-0.45 s for one outlet), else over the rows."""
    if numbers is None:
        return np.asarray(_per_list(view[column], test), dtype=bool)
    codes, distinct = numbers(column)
    return np.fromiter(map(test, distinct), dtype=bool, count=len(distinct))[codes]


def apply_filters(
    view: pd.DataFrame, filters: Filters, organisations: Organisations | None = None
) -> pd.DataFrame:
    """Events whose date window overlaps the range and that match every chosen dimension.

    `filters.claimants` are organisations: an event claimed by the UN rights office matches
    'United Nations' (`organisations`, the shipped table by default)."""
    return view[filter_mask(view, filters, organisations)].reset_index(drop=True)


def filter_rows(
    view: pd.DataFrame,
    filters: Filters,
    organisations: Organisations | None = None,
    coded: pd.DataFrame | None = None,
    numbers: Numbers | None = None,
) -> np.ndarray:
    """The positions in `view` of the rows `apply_filters` keeps, in order (`coded`,
    `numbers`: as in `filter_mask`)."""
    mask = filter_mask(view, filters, organisations, coded, numbers)
    return np.flatnonzero(mask.to_numpy(dtype=bool))


def filter_mask(
    view: pd.DataFrame,
    filters: Filters,
    organisations: Organisations | None = None,
    coded: pd.DataFrame | None = None,
    numbers: Numbers | None = None,
) -> pd.Series:
    """Per row of `view`, whether `apply_filters` keeps it. `coded`: the view's status,
    type and area as categories, row for row (compared as codes, not as text: 1,000,000
    events' types were 25 ms as text). `numbers`: the `list_numbers` of a list column of
    the view (outlets and claimants are tested once per distinct list)."""
    text = view if coded is None else coded
    # compared as timestamps (a date per row was 0.4 s of a rerun at 100,000 events)
    first = pd.Timestamp(filters.date_from)
    after_last = pd.Timestamp(filters.date_to) + pd.Timedelta(days=1)
    keep = (view["date_end"] >= first) & (view["date_start"] < after_last)
    if not filters.include_background:
        keep &= ~view["background"]
    if not filters.include_pending:
        keep &= (text["review_status"] != "pending").to_numpy(dtype=bool)
    if filters.event_types:
        keep &= text["event_type"].isin(filters.event_types).to_numpy(dtype=bool)
    if filters.areas:
        keep &= text["area"].isin(filters.areas).to_numpy(dtype=bool)
    if filters.outlets:
        outlets = set(filters.outlets)
        keep &= _matches(view, "outlet_ids", lambda ids: bool(outlets.intersection(ids)), numbers)
    if filters.claimants:
        table = shipped() if organisations is None else organisations
        chosen = set(filters.claimants)
        keep &= _matches(
            view,
            "claimant_actors",
            lambda ids: bool(chosen.intersection(organisations_of(ids, table))),
            numbers,
        )
    if filters.batches:
        batch = view["batch_id"]  # text or categories: no batch is the curated events'
        keep &= batch.isin(filters.batches) | (batch.isna() & (CURATED in filters.batches))
    return keep


def events(n: int, noun: str = "event") -> str:
    """'1 background event', '5 background events', '7,946 background events'."""
    return f"{n:,} {noun}" + ("" if n == 1 else "s")


def _names(values: tuple[str, ...], labels: tuple[tuple[str, str], ...]) -> str:
    lookup = dict(labels)
    names = [lookup.get(v, v) for v in values]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " or " + names[-1]


#: The area of events in none of the reference sites' areas (`etl.schemas.AREAS`).
ELSEWHERE = "Elsewhere"


def _in_areas(areas: tuple[str, ...]) -> str:
    """'in Idlib or Al-Hol', 'in Idlib or elsewhere', 'outside Baghouz, Al-Hol and Idlib' (it
    said 'in Elsewhere')."""
    named = [a for a in areas if a != ELSEWHERE]
    if not named:
        sites = [a for a in AREAS if a != ELSEWHERE]
        return "outside " + ", ".join(sites[:-1]) + " and " + sites[-1]
    extra = ("elsewhere",) if ELSEWHERE in areas else ()
    return "in " + _names((*named, *extra), tuple((a, a) for a in named))


def describe(
    filters: Filters, options: Options, shown: int, total: int, audience: bool = False
) -> str:
    """'12 of 31 events shown: airstrikes or clashes at Baghouz, 18 Feb – 4 Mar 2019, ...'.
    `total` is every event of the build; the extracted events awaiting review are counted in
    it only when they are included (`counted_total`), on the screen and on a slide alike (the
    screen said 'of 47' while the slide of the same view said 'of 46'). The screen says after
    the sentence how many are not counted; an `audience` (a briefing slide or its export) is
    not told: they are the desk's work in progress, not part of what is briefed (shown, they
    are still said to be unreviewed)."""
    total = counted_total(total, options.n_pending, filters.include_pending)
    parts = []
    # every choice ticked (the multiselect's "Select all") reads as no choice: the same events
    all_types = {v for v, _ in options.event_types} <= set(filters.event_types)
    parts.append(
        "all event types"
        if not filters.event_types or all_types
        else "type " + _names(filters.event_types, options.event_types)
    )
    parts.append(
        "in every area"
        if not filters.areas or set(options.areas) <= set(filters.areas)
        else _in_areas(filters.areas)
    )
    start, end = pd.Timestamp(filters.date_from), pd.Timestamp(filters.date_to)
    whole = (filters.date_from, filters.date_to) in (
        (options.date_min, options.date_max),
        options.date_bounds(False, True),
        (options.full_min, options.full_max),
    )
    parts.append(
        ("dated " if not whole else "over the whole range, ") + format_date_window(start, end)
    )
    if filters.outlets:
        parts.append("reported by " + _names(filters.outlets, options.outlets))
    if filters.claimants:
        parts.append("claimed by " + _names(filters.claimants, options.claimants))
    if filters.batches:
        noun = "batch" if len(filters.batches) == 1 else "batches"
        parts.append(f"from {noun} " + _names(filters.batches, options.batches))
    if options.n_background and not filters.include_background:
        parts.append(
            f"without {events(options.n_background, 'background event')} from before the period"
        )
    left_out = ""
    if options.n_pending and not filters.include_pending:
        if not audience:
            left_out = (
                f" Not counted: {events(options.n_pending, 'extracted event')} awaiting review."
            )
    elif options.n_pending:
        parts.append(f"including {events(options.n_pending, 'extracted event')} not yet reviewed")
    noun = "event" if total == 1 else "events"
    return f"{shown:,} of {total:,} {noun} shown: " + ", ".join(parts) + "." + left_out


def counted_total(n_events: int, n_pending: int, include_pending: bool) -> int:
    """How many events a view is 'N of': every event of the build, less the extracted events
    awaiting review unless the reader has included them (they are not published events)."""
    return n_events if include_pending else n_events - n_pending


def dates_after_toggle(
    current: tuple[dt.date, dt.date] | None,
    old: tuple[dt.date, dt.date],
    new: tuple[dt.date, dt.date],
) -> tuple[dt.date, dt.date]:
    """The date range once the slider's bounds change from `old` to `new` (a toggle that
    shows more or fewer events): the whole range stays whole, a narrower one is kept, clamped;
    one that lies wholly outside the new bounds becomes the new whole range."""
    if current is None or tuple(current) == tuple(old):
        return new
    if current[1] < new[0] or current[0] > new[1]:
        return new
    start, end = (min(max(d, new[0]), new[1]) for d in current)
    return (start, end) if start <= end else new
