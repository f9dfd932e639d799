"""Filters over the event view, and the plain-English sentence that describes them (pure)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pandas as pd

from dashboard.views import format_date_window


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


@dataclass(frozen=True)
class Options:
    """What the data offers to filter by: each a tuple of (value, label).

    The date bounds are those of the news events; background events (context such as the 2014
    'caliphate' declaration) extend `full_min`/`full_max` and are shown only on request.
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


def _pairs(view: pd.DataFrame, ids: str, names: str) -> tuple[tuple[str, str], ...]:
    pairs = {
        (i, n)
        for id_list, name_list in zip(view[ids], view[names])
        for i, n in zip(id_list, name_list)
    }
    return tuple(sorted(pairs, key=lambda p: p[1].casefold()))


def filter_options(
    view: pd.DataFrame,
    tables_outlets: pd.DataFrame,
    tables_actors: pd.DataFrame,
    area_order: tuple[str, ...],
) -> Options:
    """Every value present in the data, labelled for people."""
    outlet_names = dict(zip(tables_outlets["outlet_id"], tables_outlets["name"]))
    actor_names = dict(zip(tables_actors["actor_id"], tables_actors["name"]))
    outlets = sorted(
        {o for ids in view["outlet_ids"] for o in ids}, key=lambda o: outlet_names.get(o, o)
    )
    claimants = sorted(
        {a for ids in view["claimant_actors"] for a in ids},
        key=lambda a: actor_names.get(a, a).casefold(),
    )
    types = view.drop_duplicates("event_type").sort_values("label")
    present = set(view["area"])
    shown_first = ~view["background"] & (view["review_status"] != "pending")
    news = view[shown_first] if shown_first.any() else view
    return Options(
        date_min=news["date_start"].min().date(),
        date_max=news["date_end"].max().date(),
        full_min=view["date_start"].min().date(),
        full_max=view["date_end"].max().date(),
        n_background=int(view["background"].sum()),
        n_pending=int((view["review_status"] == "pending").sum()),
        event_types=tuple(zip(types["event_type"], types["label"])),
        areas=tuple(a for a in area_order if a in present),
        outlets=tuple((o, outlet_names.get(o, o)) for o in outlets),
        claimants=tuple((a, actor_names.get(a, a)) for a in claimants),
    )


def default_filters(options: Options) -> Filters:
    """Everything shown over the data's own date range."""
    return Filters(date_from=options.date_min, date_to=options.date_max)


def _any_of(lists: pd.Series, wanted: tuple[str, ...]) -> pd.Series:
    chosen = set(wanted)
    return lists.map(lambda values: bool(chosen.intersection(values)))


def apply_filters(view: pd.DataFrame, filters: Filters) -> pd.DataFrame:
    """Events whose date window overlaps the range and that match every chosen dimension."""
    keep = (view["date_end"].dt.date >= filters.date_from) & (
        view["date_start"].dt.date <= filters.date_to
    )
    if not filters.include_background:
        keep &= ~view["background"]
    if not filters.include_pending:
        keep &= view["review_status"] != "pending"
    if filters.event_types:
        keep &= view["event_type"].isin(filters.event_types)
    if filters.areas:
        keep &= view["area"].isin(filters.areas)
    if filters.outlets:
        keep &= _any_of(view["outlet_ids"], filters.outlets)
    if filters.claimants:
        keep &= _any_of(view["claimant_actors"], filters.claimants)
    return view[keep].reset_index(drop=True)


def events(n: int, noun: str = "event") -> str:
    """'1 background event', '5 background events'."""
    return f"{n} {noun}" + ("" if n == 1 else "s")


def _names(values: tuple[str, ...], labels: tuple[tuple[str, str], ...]) -> str:
    lookup = dict(labels)
    names = [lookup.get(v, v) for v in values]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " or " + names[-1]


def describe(filters: Filters, options: Options, shown: int, total: int) -> str:
    """'12 of 31 events shown: airstrikes or clashes at Baghouz, 18 Feb – 4 Mar 2019, ...'."""
    parts = []
    parts.append(
        "all event types"
        if not filters.event_types
        else "type " + _names(filters.event_types, options.event_types)
    )
    parts.append(
        "in every area"
        if not filters.areas
        else "in " + _names(filters.areas, tuple((a, a) for a in options.areas))
    )
    start, end = pd.Timestamp(filters.date_from), pd.Timestamp(filters.date_to)
    whole = (filters.date_from, filters.date_to) in (
        (options.date_min, options.date_max),
        (options.full_min, options.full_max),
    )
    parts.append(
        ("dated " if not whole else "over the whole range, ") + format_date_window(start, end)
    )
    if filters.outlets:
        parts.append("reported by " + _names(filters.outlets, options.outlets))
    if filters.claimants:
        parts.append("claimed by " + _names(filters.claimants, options.claimants))
    if options.n_background and not filters.include_background:
        parts.append(
            f"without {events(options.n_background, 'background event')} from before the period"
        )
    if options.n_pending and not filters.include_pending:
        parts.append(f"without {events(options.n_pending, 'extracted event')} awaiting review")
    elif options.n_pending:
        parts.append(f"including {events(options.n_pending, 'extracted event')} not yet reviewed")
    noun = "event" if total == 1 else "events"
    return f"{shown} of {total} {noun} shown: " + ", ".join(parts) + "."
