"""The URL that restores a view: filters and chosen event to query parameters and back (pure).

Only what differs from the default view goes into the URL, so a plain link stays plain.
Values that the data does not know are dropped, never trusted: a link from an older build
still opens, showing what it can.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

import pandas as pd

from dashboard.claimants import shipped
from dashboard.filters import Filters, Options

LIST_PARAMS = {
    "types": "event_types",
    "areas": "areas",
    "outlets": "outlets",
    "by": "claimants",
    "batch": "batches",
}
#: Query parameter -> the sidebar widget's session key.
WIDGET_KEYS = {
    "types": "f_types",
    "areas": "f_areas",
    "outlets": "f_outlets",
    "by": "f_claimants",
    "batch": "f_batches",
}


def to_params(filters: Filters, options: Options, event_id: str | None) -> dict[str, str]:
    """Query parameters for this view; empty for the default view."""
    params: dict[str, str] = {}
    default_range = options.date_bounds(filters.include_background, filters.include_pending)
    if filters.include_background:
        params["bg"] = "1"
    if filters.include_pending:
        params["pending"] = "1"
    if (filters.date_from, filters.date_to) != default_range:
        params["from"], params["to"] = filters.date_from.isoformat(), filters.date_to.isoformat()
    for param, field in LIST_PARAMS.items():
        values = getattr(filters, field)
        if values:
            params[param] = ",".join(values)
    if event_id:
        params["event"] = event_id
    return params


def _date(text: str | None, low: dt.date, high: dt.date) -> dt.date | None:
    try:
        value = dt.date.fromisoformat(text or "")
    except ValueError:
        return None
    return min(max(value, low), high)


def _known(text: str | None, allowed: list[str]) -> list[str]:
    """The values the data knows, each once, in the URL's order (`ap,ap,...` is one `ap`),
    read whatever their case: a link typed by hand as `?areas=idlib` showed every area, the
    value dropped without a word (the data's is `Idlib`; types are `airstrike`)."""
    known = {v.casefold(): v for v in reversed(allowed)}  # the first of a folded clash wins
    found = (known.get(v.strip().casefold()) for v in (text or "").split(",") if v.strip())
    return list(dict.fromkeys(v for v in found if v is not None))


def from_params(params: Mapping[str, str], options: Options) -> dict[str, object]:
    """Widget state (session keys of the sidebar) restored from query parameters."""
    state: dict[str, object] = {}
    background = params.get("bg") == "1" and options.n_background > 0
    if background:
        state["f_background"] = True
    pending = params.get("pending") == "1" and options.n_pending > 0
    if pending:
        state["f_pending"] = True
    low, high = options.date_bounds(background, pending)
    start, end = _date(params.get("from"), low, high), _date(params.get("to"), low, high)
    if start and end and start <= end:
        state["f_dates"] = (start, end)
    choices = _choices(options)
    for param, key in WIDGET_KEYS.items():
        text = params.get(param)
        if param == "by" and text:  # a link naming an office reaches its organisation
            text = ",".join(shipped().of(v) for v in text.split(","))
        values = _known(text, choices[param])
        if values:
            state[key] = values
    if params.get("event"):
        state["event_choice"] = params["event"]
    return state


#: The line the page shows when a link's event turned background events on.
BACKGROUND_NOTE = "Background events are shown because the link names one."


def missing_note(event_id: str) -> str:
    """The line the page shows when a link names an event the data does not hold."""
    return f"No event {event_id} in this data"


def linked_event(
    params: Mapping[str, str], view: pd.DataFrame
) -> tuple[dict[str, str], str | None]:
    """The link's parameters with what its event needs to be shown, and the line saying why.

    A link is a promise: a background event (hidden by default) it names turns background
    events on (`bg=1`, so the sidebar's box and the URL agree); an id the data does not hold is
    dropped and named (the page opened another event instead, silently, and rewrote the link).
    """
    out = dict(params)
    event = out.get("event")
    if not event:
        return out, None
    rows = view.loc[view["event_id"] == event, "background"]
    if rows.empty:
        del out["event"]
        return out, missing_note(event)
    if bool(rows.iloc[0]) and out.get("bg") != "1":
        out["bg"] = "1"
        return out, BACKGROUND_NOTE
    return out, None


def _choices(options: Options) -> dict[str, list[str]]:
    return {
        "types": [v for v, _ in options.event_types],
        "areas": list(options.areas),
        "outlets": [v for v, _ in options.outlets],
        "by": [v for v, _ in options.claimants],
        "batch": [v for v, _ in options.batches],
    }


def valid_state(
    state: Mapping[str, object],
    options: Options,
    whole: tuple[dt.date, dt.date] | None = None,
) -> dict[str, object]:
    """The sidebar's remembered values that still fit the data (after a new build, a retracted
    batch or a visit to another page): unknown values dropped, dates clamped to the range. A
    range that was the whole range then (`whole`) is the whole range now: events published
    since are not cut off."""
    out: dict[str, object] = {}
    for param, key in WIDGET_KEYS.items():
        if isinstance(state.get(key), list | tuple):
            allowed = set(_choices(options)[param])
            out[key] = [v for v in state[key] if v in allowed]
    background = bool(state.get("f_background")) and options.n_background > 0
    pending = bool(state.get("f_pending")) and options.n_pending > 0
    for key, on in (("f_background", background), ("f_pending", pending)):
        if key in state:
            out[key] = on
    dates = state.get("f_dates")
    if isinstance(dates, tuple | list) and len(dates) == 2:
        low, high = options.date_bounds(background, pending)
        start, end = (min(max(d, low), high) for d in dates)
        was_whole = whole is not None and tuple(dates) == tuple(whole)
        out["f_dates"] = (start, end) if start <= end and not was_whole else (low, high)
    return out


def default_state(options: Options) -> dict[str, object]:
    """Every sidebar widget at its default: what Reset sets. Each key gets a value (a key
    dropped from the session would leave the browser's widget showing its old value, which the
    next change sends back)."""
    state: dict[str, object] = {key: [] for key in WIDGET_KEYS.values()}
    state["f_background"] = False
    state["f_pending"] = False
    state["f_dates"] = options.date_bounds(False, False)
    return state
