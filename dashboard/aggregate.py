"""Counts instead of marks when there are too many events to read one by one (pure, vectorised).

Above `MAX_MARKS` events the timeline draws binned counts per lane, and above `MAP_MAX_MARKS`
the map draws one circle per grid cell, computed here on the server: the browser is sent one
mark per bin or cell, whatever the number of events (issue 10: at most 2 MB per rerun for both
charts). Below them, every event keeps its own mark. `page_line` says in words which one the
reader is looking at.

Why 1,500: the timeline's plot is fitted to 660 px (`SCREEN_PLOT_PX`) and two years of dates;
at 1,500 marks its three lanes hold about one mark per pixel column each, so marks overlap and
labels no longer fit anyway; and a mark per event costs about 400 bytes (hover text, label,
id): 1,493 events made 0.61 MiB of timeline. The map's markers cost more (a tooltip listing
six events, the ids a click selects): 832 events made 1.29 MiB of map, 0.30 of it the basemap,
and 1,493 made 1.99 MiB; at 600 events the map stays near 1 MiB, so both charts together stay
under 2 MB at the worst point (just under either limit).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from dashboard.palette import colour_of, with_palette
from dashboard.text import plain_text
from dashboard.timeline_layout import Window, date_range

#: Above this many events, a chart shows counts instead of one mark per event.
MAX_MARKS = 1_500
#: Above this many events, the map shows grid cells instead of a marker per type and place.
MAP_MAX_MARKS = 600
#: The map's grid has about this many cells across the events' wider extent: the map is fitted
#: to 440 px, so a cell is about 24 px wide, room for a circle with its count.
CELLS_ACROSS = 16
#: Grid cell sizes, in degrees, the map chooses from (round numbers a reader can take in).
CELL_DEGREES = (0.01, 0.02, 0.05, 0.1, 0.2, 0.25, 0.5, 1.0, 2.0, 5.0)


def aggregated(view: pd.DataFrame, limit: int = MAX_MARKS) -> bool:
    """Whether these events are drawn as counts (too many for a mark each)."""
    return len(view) > limit


def map_as_cells(view: pd.DataFrame) -> bool:
    """Whether the map draws these events as grid cells (`dashboard.map_cells`) rather than a
    marker per type and place: the one decision the map, its legend and its caption read."""
    return aggregated(view, MAP_MAX_MARKS)


@dataclass(frozen=True)
class Bins:
    """A bin width for the timeline: pandas' period code and the word for it."""

    freq: str
    adjective: str  # "daily", "weekly", "monthly"
    noun: str  # "Day", "Week", "Month"


DAILY, WEEKLY, MONTHLY = (
    Bins("D", "daily", "Day"),
    Bins("W-SUN", "weekly", "Week"),
    Bins("M", "monthly", "Month"),
)


def bins_for(start: pd.Timestamp, end: pd.Timestamp) -> Bins:
    """Days up to four months, weeks up to three years, months beyond."""
    days = (end - start) / pd.Timedelta(days=1)
    if days <= 120:
        return DAILY
    return WEEKLY if days <= 3 * 366 else MONTHLY


def timeline_counts(
    view: pd.DataFrame, bins: Bins, window: tuple[pd.Timestamp, pd.Timestamp] | None = None
) -> pd.DataFrame:
    """Events per (area, event type, bin): `area`, `event_type`, `label`, `colour`, `start`,
    `end` (the bin's first and last moment), `count`; in order of area, type (as text sorts)
    and bin. An event counts in the bin of its first day (a window event that starts before
    `window` counts at the window's start).

    Counted over integer codes (an area and a type number per event, its day since the
    first): the days present are made periods, not every event's date (pandas' `to_period`
    and grouping by three keys were 0.1 s at 464,000 events). Text or categories alike."""
    columns = ["area", "event_type", "label", "colour", "start", "end", "count"]
    if view.empty:
        return pd.DataFrame(columns=columns)
    when = view["date_start"].to_numpy()
    if window is not None:
        when = np.maximum(when, pd.Timestamp(window[0]).to_datetime64().astype(when.dtype))
    area, areas = _sorted_codes(view["area"])
    kind, kinds = _sorted_codes(view["event_type"])
    keep = ~np.isnat(when) & (area >= 0) & (kind >= 0)
    if not keep.any():
        return pd.DataFrame(columns=columns)
    day = when.astype("datetime64[D]").astype(np.int64)[keep]
    first_day = int(day.min())
    day -= first_day
    present = np.flatnonzero(np.bincount(day))
    days = (present + first_day).astype("datetime64[D]")
    ordinals = pd.DatetimeIndex(days).to_period(bins.freq).asi8
    first_bin = int(ordinals.min())
    bin_of_day = np.zeros(int(day.max()) + 1, dtype=np.int64)
    bin_of_day[present] = ordinals - first_bin
    n_bins, n_kinds = int(ordinals.max()) - first_bin + 1, len(kinds)
    key = (area[keep] * n_kinds + kind[keep]) * n_bins + bin_of_day[day]
    per_key = np.bincount(key, minlength=len(areas) * n_kinds * n_bins)
    found = np.flatnonzero(per_key)  # in order of (area, type, bin)
    in_bin, pair = found % n_bins, found // n_bins
    periods = pd.PeriodIndex.from_ordinals(in_bin + first_bin, freq=bins.freq)
    # each type's label and colour from its first event (as `type_names`)
    typed = np.flatnonzero(kind >= 0)
    firsts = np.full(n_kinds, len(kind), dtype=np.int64)
    np.minimum.at(firsts, kind[typed], typed)
    names = type_names(view.iloc[np.sort(firsts[firsts < len(kind)])])
    at = pd.Index(names["event_type"].astype(object)).get_indexer(kinds)
    type_of = pair % n_kinds
    return pd.DataFrame(
        {
            "area": pd.array(areas[pair // n_kinds], dtype="str"),
            "event_type": pd.array(kinds[type_of], dtype="str"),
            "label": pd.array(names["label"].to_numpy(dtype=object)[at][type_of], dtype="str"),
            "colour": pd.Series(names["colour"].to_numpy(dtype=object)[at][type_of], dtype=object),
            "start": periods.start_time,
            "end": periods.end_time,
            "count": per_key[found],
        }
    )


def _sorted_codes(values: pd.Series) -> tuple[np.ndarray, np.ndarray]:
    """A number per row (-1: missing) and the distinct values by number, sorted as text."""
    if isinstance(values.dtype, pd.CategoricalDtype):
        texts = np.asarray(values.cat.categories, dtype=object)
        order = np.argsort(texts, kind="stable")
        rank = np.empty(len(texts), dtype=np.int64)
        rank[order] = np.arange(len(texts))
        codes = values.cat.codes.to_numpy().astype(np.int64)
        return np.where(codes >= 0, rank[np.maximum(codes, 0)], -1), texts[order]
    codes, uniques = pd.factorize(values, sort=True)
    return codes.astype(np.int64), np.asarray(uniques, dtype=object)


def type_names(view: pd.DataFrame) -> pd.DataFrame:
    """One row per event type present: `event_type`, its `label` and palette `colour`."""
    codes, _ = pd.factorize(view["event_type"], use_na_sentinel=False)
    firsts = np.sort(np.unique(codes, return_index=True)[1])  # as drop_duplicates keeps them
    rows = view.iloc[firsts]
    return with_palette(rows)[["event_type", "label", "colour"]].reset_index(drop=True)


def grouped_means(values: np.ndarray, groups: np.ndarray, n_groups: int) -> np.ndarray:
    """Per group 0..`n_groups`-1, the mean of each column of `values` (rows x columns),
    NaN skipped (NaN for a group with none): pandas' own kernel for `groupby(...).mean()`
    (Kahan-compensated sums, rows in order), so the same floats to the last bit as the
    grouped frame gave, without making frames for a few dozen cells or routes."""
    from pandas._libs import groupby as libgroupby

    out = np.empty((n_groups, values.shape[1]), dtype=np.float64)
    counts = np.zeros(n_groups, dtype=np.int64)
    rows = np.ascontiguousarray(values, dtype=np.float64)
    libgroupby.group_mean(out, counts, rows, groups.astype(np.intp), min_count=-1)
    return out


def grouped_first(valid: np.ndarray, groups: np.ndarray, n_groups: int) -> np.ndarray:
    """Per group, the position of its first row that is `valid` (-1: none), as
    `groupby(...).first()` takes them (nulls skipped)."""
    first = np.full(n_groups, len(groups), dtype=np.int64)
    at = np.flatnonzero(valid)
    np.minimum.at(first, groups[at], at)
    return np.where(first < len(groups), first, -1)


def grouped_max(values: np.ndarray, groups: np.ndarray, n_groups: int) -> np.ndarray:
    """Per group, the largest of `values` (floats), NaN skipped (NaN for a group with
    none), as `groupby(...).max()`."""
    out = np.full(n_groups, np.nan)
    np.fmax.at(out, groups, values.astype(np.float64))
    return out


def cell_degrees(lons, lats, across: int = CELLS_ACROSS) -> float:
    """The grid's cell size: the round size nearest the events' extent / `across` (of
    longitudes and latitudes as Series or arrays)."""
    extent = max(float(lons.max() - lons.min()), float(lats.max() - lats.min()), 1e-6)
    wanted = extent / across
    return min(CELL_DEGREES, key=lambda size: abs(np.log(size / wanted)))


def map_cells(view: pd.DataFrame, size: float | None = None) -> pd.DataFrame:
    """Events per grid cell of `size` degrees (chosen from their extent when None): `lon`,
    `lat` (the mean position of the cell's events, so a cell of one town sits on it),
    `count`, `top_type` (the commonest type), `tip` (plain text: the count, then up to four
    types with theirs), `size`; cells in order of (column, row). Events without coordinates
    are left out. Counted with numpy over integer cell numbers (pandas' grouping by two keys,
    then by three, took 0.3 s at 100,000 events for 60 cells)."""
    columns = ["lon", "lat", "count", "top_type", "top_label", "top_colour", "tip", "size"]
    if view.empty:
        return pd.DataFrame(columns=columns)
    lons = view["longitude"].to_numpy(dtype=float)
    lats = view["latitude"].to_numpy(dtype=float)
    located = ~(np.isnan(lons) | np.isnan(lats))
    if not located.all():  # as dropna(subset=["latitude", "longitude"])
        view, lons, lats = view[located], lons[located], lats[located]
    if view.empty:
        return pd.DataFrame(columns=columns)
    size = size or cell_degrees(lons, lats)
    cx, cy = np.floor(lons / size).astype(np.int64), np.floor(lats / size).astype(np.int64)
    cell, n_cells = _cell_numbers(cx, cy)  # 0.. in order of (cx, cy)
    kind, _ = pd.factorize(view["event_type"])  # 0.. in order of first appearance
    # each kind's first row, in order of kind (as np.unique's, without sorting every event)
    typed = np.flatnonzero(kind >= 0)
    firsts = np.full(int(kind.max()) + 1, len(kind), dtype=np.int64)
    np.minimum.at(firsts, kind[typed], typed)
    if len(typed) < len(kind):  # a missing type (-1) sorts first
        firsts = np.concatenate([np.flatnonzero(kind < 0)[:1], firsts])
    kinds, labels, colours = _type_rows(view, firsts)  # as type_names(view)
    per_type = np.bincount(cell * len(kinds) + kind, minlength=n_cells * len(kinds))
    per_type = per_type.reshape(n_cells, len(kinds))
    # within a cell: most events first, then by the type's name
    by_name = np.argsort(np.argsort(np.array(kinds, dtype=object), kind="stable"), kind="stable")
    order = np.argsort(-per_type * len(kinds) + by_name[None, :], axis=1, kind="stable")
    # the mean position by pandas' own grouped-mean kernel: the floats the grouped frame gave
    means = grouped_means(np.column_stack([lons, lats]), cell, n_cells)
    counts = np.bincount(cell, minlength=n_cells)
    plain = [plain_text(label) for label in labels]
    top = order[:, 0]
    tips = []
    for row, n in zip(range(n_cells), counts.tolist()):
        present = [k for k in order[row].tolist() if per_type[row, k] > 0]
        listed = "\n".join(f"{plain[k]}: {per_type[row, k]}" for k in present[:4])
        more = len(present) - 4
        tips.append(
            f"{n:,} event" + ("" if n == 1 else "s") + f" in this cell ({size:g}° square)\n"
            + listed + (f"\n… and {more} more types" if more > 0 else "")
        )  # fmt: skip
    return pd.DataFrame(
        {
            "lon": means[:, 0],
            "lat": means[:, 1],
            "count": counts,
            "top_type": np.array(kinds, dtype=object)[top],
            "top_label": np.array(labels, dtype=object)[top],
            "top_colour": np.array(colours, dtype=object)[top],
            "tip": tips,
            "size": size,
        }
    )


def _type_rows(view: pd.DataFrame, rows: np.ndarray) -> tuple[list, list, list]:
    """`type_names` of the view's `rows`, one row a type already: each type, its label and
    palette colour, as lists (a frame of a dozen rows made and copied three times was
    3 ms of a filter state)."""
    types = view["event_type"].take(rows).tolist()
    labels = view["label"].take(rows).tolist()
    given = view["colour"].take(rows).tolist() if "colour" in view else [None] * len(rows)
    return types, labels, [colour_of(t, c) for t, c in zip(types, given)]


def _cell_numbers(cx: np.ndarray, cy: np.ndarray) -> tuple[np.ndarray, int]:
    """Each event's cell as a number 0.. in the order of (cx, cy), and how many cells: by
    counting over the grid's span (the usual case: about 16 cells across), else by sorting."""
    x0, y0 = int(cx.min()), int(cy.min())
    rows, columns = int(cy.max()) - y0 + 1, int(cx.max()) - x0 + 1
    key = (cx - x0) * rows + (cy - y0)  # ordered as (cx, cy)
    if rows * columns <= 4 * len(key) + 4096:
        present = np.bincount(key, minlength=rows * columns) > 0
        number = np.cumsum(present) - 1
        return number[key], int(present.sum())
    kept, cell = np.unique(key, return_inverse=True)
    return cell.reshape(-1), len(kept)


def shown_as(n_events: int, timeline: Bins | None, map_size: float | None) -> str:
    """The line under the charts saying what the reader is looking at."""
    if timeline is None and map_size is None:
        return ""
    parts = []
    if timeline is not None:
        parts.append(f"{timeline.adjective} counts on the timeline")
    if map_size is not None:
        parts.append(f"counts per {map_size:g}° grid cell on the map")
    return (
        f"{n_events:,} events shown as " + " and ".join(parts) + " (too many to draw one by "
        "one); filter or zoom to see single events."
    )


def timeline_bins(view: pd.DataFrame, window: Window = None) -> Bins | None:
    """The bins the timeline counts these events in over the filters' `window` (None: a mark
    per event): the one decision the page's timeline, its 'shown as' line and the slide's
    timeline read."""
    return bins_for(*date_range(view, window)) if aggregated(view) else None


def page_line(view: pd.DataFrame, window: Window = None) -> str:
    """What the reader is looking at, for these events on the screen's charts ('' when every
    event has its own mark)."""
    if not aggregated(view, MAP_MAX_MARKS):
        return ""
    return shown_as(len(view), timeline_bins(view, window), map_cell_size(view))


def timeline_line(view: pd.DataFrame, window: Window = None) -> str:
    """What a slide's timeline draws, in words, when it draws counts (`timeline_bins`, the
    page's decision); '' when every event has its own mark (the slide said nothing then)."""
    bins = timeline_bins(view, window)
    if bins is None:
        return ""
    return (
        f"Timeline: {len(view):,} events as {bins.adjective} counts per area and event type, "
        "stacked (too many to draw one by one)."
    )


def map_cell_size(view: pd.DataFrame) -> float | None:
    """The grid's cell size (degrees) `map_cells` takes for these events: that of their
    located ones (None: none located)."""
    located = view.dropna(subset=["latitude", "longitude"])
    return cell_degrees(located["longitude"], located["latitude"]) if len(located) else None


def map_line(view: pd.DataFrame) -> str:
    """What a slide's map draws, in words, by the page's own decision (`map_as_cells`): grid
    cells with their counts, or every event as a marker per type and place; or that none of the
    events has a place to draw."""
    located = view[["latitude", "longitude"]].notna().all(axis=1).sum() if len(view) else 0
    if not located:
        return "Map: none of these events has a known place, so none is drawn."
    size = map_cell_size(view) if map_as_cells(view) else None
    if size is None:
        return "Map: single events, a marker per event type and place."
    return (
        f"Map: {len(view):,} events as counts per {size:g}° grid cell (too many to draw one "
        "by one)."
    )
