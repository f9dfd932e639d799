"""A UCDP Georeferenced Event Dataset (GED) export (CSV) read as ImportedEvents.

UCDP codes organised violence with at least one death: type of violence 1 (state-based) and
2 (non-state) are fighting between armed sides, drawn as clashes; 3 (one-sided) is violence
against civilians, drawn as killings. Deaths come as a best estimate with a low and a high
bound; all three are kept. `where_prec` 1 (exact place) and 2 (within 25 km) keep their
meaning; 3 to 7 (district, province, a line or area, country, sea) become region-only (3).
"""

from __future__ import annotations

from etl.formats.csvread import (
    parse_count,
    parse_date,
    parse_number,
    read_rows,
    window_precision,
)
from etl.formats.records import ImportedEvent
from etl.problems import Problem

REQUIRED = ("id", "type_of_violence", "side_a", "side_b", "country", "latitude", "longitude",
            "date_start", "date_end", "best", "low", "high")  # fmt: skip
VIOLENCE = {
    1: ("State-based conflict", "clash", "Battles", "Armed clash"),
    2: ("Non-state conflict", "clash", "Battles", "Armed clash"),
    3: ("One-sided violence", "killing", "Violence against civilians", "Attack"),
}
#: Kept in the record's `extra` when present.
EXTRA = ("relid", "conflict_name", "dyad_name", "date_prec", "where_prec", "where_description",
         "source_article", "source_headline", "source_office", "source_date",
         "deaths_civilians", "number_of_sources", "event_clarity")  # fmt: skip


def _geo_precision(where_prec: int | None) -> int:
    return {1: 1, 2: 2}.get(where_prec or 3, 3)


def _row(line: int, r: dict[str, str], label: str) -> ImportedEvent | Problem:
    reasons: list[str] = []
    original = r["id"].strip()
    if not original:
        reasons.append("id is empty")
    violence = parse_count(r["type_of_violence"], "type_of_violence")
    if isinstance(violence, int) and violence not in VIOLENCE:
        violence = f"type_of_violence {violence} is not 1, 2 or 3"
    start, end = parse_date(r["date_start"], "date_start"), parse_date(r["date_end"], "date_end")
    lat = parse_number(r["latitude"], "latitude", -90, 90)
    lon = parse_number(r["longitude"], "longitude", -180, 180)
    best, low, high = (parse_count(r[c], c) for c in ("best", "low", "high"))
    where = parse_count(r.get("where_prec", ""), "where_prec")
    for value in (violence, start, end, lat, lon, best, low, high, where):
        if isinstance(value, str):
            reasons.append(value)
    if not reasons and end < start:
        reasons.append(f"date_end {end} is before date_start {start}")
    if not reasons and not low <= best <= high:
        reasons.append(f"deaths do not run low <= best <= high ({low}, {best}, {high})")
    if reasons:
        return Problem(label, line, "; ".join(reasons))
    violence_name, event_type, _, _ = VIOLENCE[violence]
    place = r.get("where_coordinates", "").strip() or r.get("adm_1", "").strip() or r["country"]
    dyad = r.get("dyad_name", "").strip() or f"{r['side_a'].strip()} - {r['side_b'].strip()}"
    notes = (
        f"{violence_name}: {dyad}, {r.get('where_description', '').strip() or place}; "
        f"deaths best {best} (low {low}, high {high})."
    )
    return ImportedEvent(
        dataset="ucdp",
        original_id=original,
        line=line,
        event_type=event_type,
        source_event_type=violence_name,
        source_sub_event_type=dyad,
        date_start=start.isoformat(),
        date_end=end.isoformat(),
        date_precision=window_precision(start, end),
        location=place.strip(),
        admin1=r.get("adm_1", "").strip(),
        country=r["country"].strip(),
        latitude=lat,
        longitude=lon,
        geo_precision=_geo_precision(where),
        actor1=r["side_a"].strip(),
        actor2=r["side_b"].strip(),
        notes=notes,
        source=r.get("source_original", "").strip() or r.get("source_office", "").strip(),
        fatalities_low=low,
        fatalities_high=high,
        fatalities_best=best,
        extra={k: r[k].strip() for k in EXTRA if r.get(k, "").strip()},
    )


def read_ucdp(data: bytes, label: str) -> tuple[list[ImportedEvent], list[Problem], dict]:
    """Events and problems (file:line: reason); nothing is left out by type (every GED type
    maps), so the third value is always empty."""
    rows, problems = read_rows(data, label, REQUIRED)
    events: list[ImportedEvent] = []
    seen: dict[str, int] = {}
    for line, cells in rows:
        got = _row(line, cells, label)
        if isinstance(got, Problem):
            problems.append(got)
        elif got.original_id in seen:
            problems.append(Problem(label, line, f"id {got.original_id!r} is also on line "
                                    f"{seen[got.original_id]}"))  # fmt: skip
        else:
            seen[got.original_id] = line
            events.append(got)
    return events, problems, {}
