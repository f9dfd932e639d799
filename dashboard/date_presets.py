"""Date range presets beside the slider: one day, one week, the whole range, a step (pure).

Every function takes the current range and the slider's bounds and returns a range that lies
inside the bounds, so the result can be handed to the slider as it is.
"""

from __future__ import annotations

import datetime as dt

Range = tuple[dt.date, dt.date]

ONE_DAY = dt.timedelta(days=1)
WEEK_DAYS = 7


def clamp(day: dt.date, bounds: Range) -> dt.date:
    return min(max(day, bounds[0]), bounds[1])


def _fit(start: dt.date, days: int, bounds: Range) -> Range:
    """A window of `days` days from `start`, moved back inside the bounds (never longer than
    them): a week asked for on the last day ends on the last day."""
    low, high = bounds
    length = min(dt.timedelta(days=days - 1), high - low)
    start = clamp(start, bounds)
    if start + length > high:
        start = high - length
    return start, start + length


def one_day(current: Range, bounds: Range) -> Range:
    """The first day of the current range alone."""
    return _fit(current[0], 1, bounds)


def one_week(current: Range, bounds: Range) -> Range:
    """Seven days from the first day of the current range."""
    return _fit(current[0], WEEK_DAYS, bounds)


def whole_range(bounds: Range) -> Range:
    return bounds[0], bounds[1]


def step(current: Range, bounds: Range, direction: int) -> Range:
    """The window of the same length just before (-1) or after (+1) the current one, stopped
    at the bounds: stepping a one-day range walks day by day."""
    days = (current[1] - current[0]).days + 1
    start = current[0] + direction * dt.timedelta(days=days)
    return _fit(start, days, bounds)


def at_edge(current: Range, bounds: Range, direction: int) -> bool:
    """True when the range already starts on the first day (-1) or ends on the last day (+1)
    of the bounds: a step that way would change nothing, so its button is disabled."""
    return current[0] <= bounds[0] if direction < 0 else current[1] >= bounds[1]


def edge_note(current: Range, bounds: Range) -> str:
    """'' or what stops the Earlier/Later buttons: the data's first and/or last day. The
    bounds are the days of every event in the data, whatever the filters: after choosing a
    type, a *Week* from the first day may hold none of it, so the note names the data's
    first day, not 'the first day with events' (session 33: it said so over an empty week)."""
    first, last = at_edge(current, bounds, -1), at_edge(current, bounds, +1)
    if first and last:
        return ""  # the whole range: 'Showing the whole range' says it
    if first:
        return "from the data's first day (nothing earlier)"
    if last:
        return "up to the data's last day (nothing later)"
    return ""


def from_inputs(start: dt.date, end: dt.date, changed: str, bounds: Range) -> Range:
    """The range once the reader typed a 'from' or a 'to' date: a 'from' after the 'to' (or a
    'to' before the 'from') moves the other end with it, so the range is never empty."""
    start, end = clamp(start, bounds), clamp(end, bounds)
    if start <= end:
        return start, end
    return (start, start) if changed == "from" else (end, end)


def describe_range(current: Range, bounds: Range) -> str:
    """'the whole range', 'one day', '7 days' (the presets' caption)."""
    if tuple(current) == tuple(bounds):
        return "the whole range"
    days = (current[1] - current[0]).days + 1
    return "one day" if days == 1 else f"{days} days"
