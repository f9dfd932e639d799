"""An ACLED export (CSV, as ACLED's export tool or API writes it) read as ImportedEvents.

Each row's ACLED types are kept; the project's type is chosen from them (TYPE_MAP). Rows of
types the project does not draw (protests, riots, looting, sexual violence, ...) are left out
and counted, not refused. `time_precision` widens the date into ACLED's window: 2 is the week
around `event_date`, 3 its month.
"""

from __future__ import annotations

import calendar
import datetime as dt

from etl.formats.csvread import parse_count, parse_date, parse_number, read_rows
from etl.formats.records import ImportedEvent
from etl.problems import Problem

REQUIRED = ("event_id_cnty", "event_date", "event_type", "sub_event_type", "actor1", "country",
            "location", "latitude", "longitude", "fatalities")  # fmt: skip

#: (ACLED event_type, sub_event_type) -> the project's event type.
TYPE_MAP = {
    ("Battles", "Armed clash"): "clash",
    ("Battles", "Government regains territory"): "clash",
    ("Battles", "Non-state actor overtakes territory"): "clash",
    ("Explosions/Remote violence", "Air/drone strike"): "airstrike",
    ("Explosions/Remote violence", "Shelling/artillery/missile attack"): "shelling",
    ("Explosions/Remote violence", "Remote explosive/landmine/IED"): "explosion",
    ("Explosions/Remote violence", "Suicide bomb"): "explosion",
    ("Explosions/Remote violence", "Grenade"): "explosion",
    ("Explosions/Remote violence", "Chemical weapon"): "explosion",
    ("Violence against civilians", "Attack"): "killing",
    ("Violence against civilians", "Abduction/forced disappearance"): "detention",
    ("Strategic developments", "Arrests"): "detention",
    ("Strategic developments", "Agreement"): "statement",
    ("Strategic developments", "Change to group/activity"): "statement",
    ("Strategic developments", "Headquarters or base established"): "statement",
    ("Strategic developments", "Non-violent transfer of territory"): "statement",
    ("Strategic developments", "Other"): "statement",
}
#: ACLED's event types (2023 codebook); a type outside these is an error in the file.
ACLED_TYPES = ("Battles", "Explosions/Remote violence", "Violence against civilians",
               "Protests", "Riots", "Strategic developments")  # fmt: skip


def _window(day: dt.date, precision: int) -> tuple[dt.date, dt.date, str]:
    if precision == 2:
        return day - dt.timedelta(days=3), day + dt.timedelta(days=3), "days"
    if precision == 3:
        last = calendar.monthrange(day.year, day.month)[1]
        return day.replace(day=1), day.replace(day=last), "months"
    return day, day, "day"


def _row(line: int, r: dict[str, str], label: str) -> ImportedEvent | Problem | tuple[str, str]:
    """The event, a Problem, or the (type, sub-type) of a row the project does not draw."""
    reasons: list[str] = []
    original = r["event_id_cnty"].strip()
    if not original:
        reasons.append("event_id_cnty is empty")
    kind = (r["event_type"].strip(), r["sub_event_type"].strip())
    if kind[0] not in ACLED_TYPES:
        reasons.append(f"event_type {kind[0]!r} is not one of ACLED's ({', '.join(ACLED_TYPES)})")
    day = parse_date(r["event_date"], "event_date")
    lat = parse_number(r["latitude"], "latitude", -90, 90)
    lon = parse_number(r["longitude"], "longitude", -180, 180)
    deaths = parse_count(r["fatalities"], "fatalities")
    time_precision = parse_count(r.get("time_precision", ""), "time_precision", blank=1)
    geo = parse_count(r.get("geo_precision", ""), "geo_precision", blank=2)
    for value in (day, lat, lon, deaths, time_precision, geo):
        if isinstance(value, str):
            reasons.append(value)
    if isinstance(time_precision, int) and time_precision not in (1, 2, 3):
        reasons.append(f"time_precision {time_precision} is not 1, 2 or 3")
    if isinstance(geo, int) and geo not in (1, 2, 3):
        reasons.append(f"geo_precision {geo} is not 1, 2 or 3")
    if not r["location"].strip():
        reasons.append("location is empty")
    if reasons:
        return Problem(label, line, "; ".join(reasons))
    if kind not in TYPE_MAP:
        return kind
    start, end, precision = _window(day, time_precision)
    notes = r.get("notes", "").strip() or f"{kind[1]} in {r['location'].strip()}."
    return ImportedEvent(
        dataset="acled",
        original_id=original,
        line=line,
        event_type=TYPE_MAP[kind],
        source_event_type=kind[0],
        source_sub_event_type=kind[1],
        date_start=start.isoformat(),
        date_end=end.isoformat(),
        date_precision=precision,
        location=r["location"].strip(),
        admin1=r.get("admin1", "").strip(),
        country=r["country"].strip(),
        latitude=lat,
        longitude=lon,
        geo_precision=geo,
        actor1=r["actor1"].strip(),
        actor2=r.get("actor2", "").strip(),
        notes=notes,
        source=r.get("source", "").strip(),
        fatalities_low=deaths,
        fatalities_high=deaths,
        extra={k: r[k].strip() for k in ("time_precision", "source_scale", "timestamp",
                                          "disorder_type", "inter1", "inter2") if r.get(k)},
    )  # fmt: skip


def read_acled(data: bytes, label: str) -> tuple[list[ImportedEvent], list[Problem], dict]:
    """Events, problems (file:line: reason) and counts of rows left out by (type, sub-type)."""
    rows, problems = read_rows(data, label, REQUIRED)
    events: list[ImportedEvent] = []
    left_out: dict[tuple[str, str], int] = {}
    seen: dict[str, int] = {}
    for line, cells in rows:
        got = _row(line, cells, label)
        if isinstance(got, Problem):
            problems.append(got)
        elif isinstance(got, tuple):
            left_out[got] = left_out.get(got, 0) + 1
        elif got.original_id in seen:
            problems.append(Problem(label, line, f"event_id_cnty {got.original_id!r} is "
                                    f"also on line {seen[got.original_id]}"))  # fmt: skip
        else:
            seen[got.original_id] = line
            events.append(got)
    return events, problems, left_out
