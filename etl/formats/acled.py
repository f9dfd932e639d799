"""The filtered view as an ACLED-format CSV: ACLED's column names and types, one row per event.

Columns follow ACLED's codebook (2023 onwards: text interaction codes). What the project
knows maps as follows (the same rules are written out on the methodology page):

- `event_date`: the day when it is known; for a window, its middle day, with
  `time_precision` 2 (within a week) or 3 (longer), as ACLED codes uncertain dates.
- `event_type` / `sub_event_type`: the event's own ACLED types (`data/curated/event_types.csv`
  for the project's types; an imported ACLED row keeps its own).
- `fatalities`: the lowest total reported by any source (ACLED's conservative rule), from
  the figures `killed` and `deaths`; 0 when no source gives a toll. A vague word beside a
  count is no total (the count is coded, as the project's toll is). A toll every source
  tells only by a vague word ('dozens of soldiers') is unknown to the project (no count);
  ACLED's own practice codes such a report with a conservative number (12 for 'dozens', 100
  for 'hundreds'), and this column writes the lowest bound of the project's vague table
  (data/rules/figure_vague.csv: 'dozens' 24, 'hundreds' 200, the bounds the figure carries
  everywhere else), while `notes` says that the toll is unknown and names the words.
- `source`: the outlets that report the event (an imported event: its row's own source);
  `source_scale` from the outlets' kinds.
- `inter1` / `inter2`: from the actors' kinds; empty when the project does not know them.
- `event_id_cnty`: the project's event id (ACLED's own id for an imported ACLED row).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

import pandas as pd

from etl.csvwriter import frame_csv_bytes
from etl.extraction.mentions import RUNNING_TOLL, TOLL_QUANTITIES
from etl.extraction.vague_words import VAGUE_QUALIFIERS

ACLED_COLUMNS: tuple[str, ...] = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
    "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2",
    "inter2", "interaction", "civilian_targeting", "iso", "region", "country", "admin1",
    "admin2", "admin3", "location", "latitude", "longitude", "geo_precision", "source",
    "source_scale", "notes", "fatalities", "tags", "timestamp",
)  # fmt: skip

#: ACLED event type -> disorder type (ACLED codebook, 2023).
DISORDER = {
    "Battles": "Political violence",
    "Explosions/Remote violence": "Political violence",
    "Violence against civilians": "Political violence",
    "Riots": "Political violence",
    "Protests": "Demonstrations",
    "Strategic developments": "Strategic developments",
}
#: Country -> (ISO 3166-1 numeric, ACLED region), for the countries of the region covered.
COUNTRIES = {
    "Syria": (760, "Middle East"),
    "Iraq": (368, "Middle East"),
    "Turkey": (792, "Middle East"),
    "Lebanon": (422, "Middle East"),
    "Jordan": (400, "Middle East"),
    "Israel": (376, "Middle East"),
    "Iran": (364, "Middle East"),
}
#: ISO 3166-1 alpha-2 -> the name above: a place read from GeoNames gives its country as the
#: code ('SY'), the curated gazetteer as the name. An analyst's accepted event at Manbij or
#: Saraqib was exported with country 'SY' and no iso or region (session 33, hD23).
ALPHA2 = {
    "SY": "Syria", "IQ": "Iraq", "TR": "Turkey", "LB": "Lebanon", "JO": "Jordan",
    "IL": "Israel", "IR": "Iran",
}  # fmt: skip
#: Actor kind (actors.csv) -> ACLED's inter code in words.
INTER = {
    "state force": "State forces",
    "government": "State forces",
    "armed group": "Rebel group",
    "coalition": "External/Other forces",
    "civilians": "Civilians",
}
#: Outlet kind (outlets.csv) -> ACLED source scale.
SCALE = {
    "wire": "International",
    "un": "International",
    "ngo": "International",
    "newspaper": "National",
    "broadcaster": "National",
    "monitor": "Other",
    "online": "New media",
    "dataset": "Other",
}
IMPORTED = ("acled", "ucdp")  # origins of events imported from those datasets


def event_day(start: dt.date, end: dt.date) -> tuple[dt.date, int]:
    """ACLED's event_date and time_precision for a date window."""
    days = (end - start).days + 1
    middle = start + dt.timedelta(days=(days - 1) // 2)
    return middle, 1 if days == 1 else 2 if days <= 7 else 3


def fatalities(figures: pd.DataFrame) -> dict[str, int]:
    """event_id -> the lowest total toll any source gives (the low bound of `killed` or
    `deaths` figures, or of a running total when it is the only count); events without one
    are absent (0 in the CSV). A vague word beside a count is no total ('dozens were killed;
    a monitor put the dead at 72' is 72, as the extractor reads it, not the word's 24); a
    toll told only by vague words is coded with their lowest bound (`vague_tolls`)."""
    tolls = figures[figures["quantity"].isin(TOLL_QUANTITIES)].dropna(subset=["value_low"])
    words = tolls.iloc[:0]
    if "qualifier" in tolls.columns:
        vague = tolls["qualifier"].isin(VAGUE_QUALIFIERS)
        tolls, words = tolls[~vague], tolls[vague]
    running = figures[
        (figures["quantity"] == RUNNING_TOLL) & ~figures["event_id"].isin(tolls["event_id"])
    ].dropna(subset=["value_low"])
    if len(running):
        tolls = pd.concat([tolls, running])
    words = words[~words["event_id"].isin(tolls["event_id"])]  # nothing counts: the words
    if len(words):
        tolls = pd.concat([tolls, words])
    lowest = tolls.groupby("event_id")["value_low"].min()
    return {event: int(value) for event, value in lowest.items()}


def vague_tolls(figures: pd.DataFrame) -> dict[str, str]:
    """event_id -> a note for the events whose toll every source tells only by a vague word
    ('dozens', 'scores': figure_vague.csv), e.g. "dozens (24-99)": the event's toll is
    unknown; the `fatalities` column holds the words' lowest bound. Figures with no low
    bound are read by neither (an imported or edited table may hold one)."""
    if "qualifier" not in figures.columns:
        return {}
    tolls = figures[figures["quantity"].isin(TOLL_QUANTITIES | {RUNNING_TOLL})]
    tolls = tolls.dropna(subset=["value_low"])
    vague = tolls["qualifier"].isin(VAGUE_QUALIFIERS)
    counted = set(tolls.loc[~vague, "event_id"])
    out: dict[str, str] = {}
    for event, rows in tolls[vague & ~tolls["event_id"].isin(counted)].groupby("event_id"):
        words = ", ".join(
            f"{q} ({lo:.0f}-{hi:.0f})" if pd.notna(hi) else f"{q} ({lo:.0f} or more)"
            for q, lo, hi in sorted(
                set(zip(rows["qualifier"], rows["value_low"], rows["value_high"])), key=str
            )
        )
        out[str(event)] = words
    return out


def source_scale(kinds: set[str]) -> str:
    """'International', 'National-International', ... from the reporting outlets' kinds."""
    order = ("Local", "Subnational", "National", "Regional", "International", "New media", "Other")
    scales = {SCALE.get(k, "Other") for k in kinds}
    return "-".join(s for s in order if s in scales)


def _interaction(inter1: str, inter2: str) -> str:
    if inter1 and inter2:
        return f"{inter1}-{inter2}"
    return f"{inter1} only" if inter1 else ""


def acled_frame(
    shown: pd.DataFrame, tables: Mapping[str, pd.DataFrame], timestamp: int
) -> pd.DataFrame:
    """One ACLED row per event of `shown` (the reader's filtered event frame).

    `tables` are the store's tables (places, actors, outlets, figures); `timestamp` is the
    Unix time written in ACLED's `timestamp` column (when this export was made)."""
    places = tables["places"]
    countries = dict(zip(places["place_id"], places["country"]))
    admins = dict(zip(places["place_id"], places["admin1"]))
    actor_names = dict(zip(tables["actors"]["actor_id"], tables["actors"]["name"]))
    actor_kinds = dict(zip(tables["actors"]["actor_id"], tables["actors"]["kind"]))
    outlet_kinds = dict(zip(tables["outlets"]["outlet_id"], tables["outlets"]["kind"]))
    tolls = fatalities(tables["figures"])
    unknown = vague_tolls(tables["figures"])
    imported = own_sources(tables["claims"])
    rows = []
    for e in shown.to_dict("records"):
        start, end = pd.Timestamp(e["date_start"]).date(), pd.Timestamp(e["date_end"]).date()
        day, precision = event_day(start, end)
        country = _text(countries.get(e.get("place_id")))
        country = ALPHA2.get(country.upper(), country) if len(country) == 2 else country
        iso, region = COUNTRIES.get(country, ("", ""))
        names, inters = [], []
        for key in ("actor1", "actor2"):
            actor = e.get(key)
            names.append(_text(actor_names.get(actor, actor)))
            inters.append(INTER.get(_text(actor_kinds.get(actor)), ""))
        notes = _text(e.get("summary"))
        if precision > 1:
            notes += f" [Date window per the sources: {start.isoformat()} to {end.isoformat()}.]"
        if e["event_id"] in unknown:
            notes += (
                f" [Fatalities unknown: the sources say only {unknown[e['event_id']]}; "
                "coded with the lowest bound, as ACLED codes a vague report conservatively.]"
            )
        kinds = {outlet_kinds.get(o, "") for o in (e.get("outlet_ids") or [])}
        rows.append(
            {
                "event_id_cnty": _original_id(e),
                "event_date": day.isoformat(),
                "year": day.year,
                "time_precision": precision,
                "disorder_type": DISORDER.get(_text(e.get("acled_event_type")), ""),
                "event_type": _text(e.get("acled_event_type")),
                "sub_event_type": _text(e.get("acled_sub_event_type")),
                "actor1": names[0],
                "assoc_actor_1": "",
                "inter1": inters[0],
                "actor2": names[1],
                "assoc_actor_2": "",
                "inter2": inters[1],
                "interaction": _interaction(inters[0], inters[1]),
                "civilian_targeting": "Civilian targeting"
                if e.get("event_type") == "killing"
                else "",
                "iso": iso,
                "region": region,
                "country": country,
                "admin1": _text(admins.get(e.get("place_id"))),
                "admin2": "",
                "admin3": "",
                "location": _text(e.get("place")),
                "latitude": _coordinate(e.get("latitude")),
                "longitude": _coordinate(e.get("longitude")),
                "geo_precision": _int_or_blank(e.get("geo_precision")),
                "source": imported.get(e["event_id"]) or "; ".join(e.get("outlets") or []),
                "source_scale": source_scale(kinds - {""}) if kinds - {""} else "",
                "notes": notes,
                "fatalities": tolls.get(e["event_id"], 0),
                "tags": "",
                "timestamp": int(timestamp),
            }
        )
    frame = pd.DataFrame.from_records(rows, columns=list(ACLED_COLUMNS))
    for column in ("year", "time_precision", "fatalities", "timestamp"):
        frame[column] = frame[column].astype("int64")
    return frame


def own_sources(claims: pd.DataFrame) -> dict[str, str]:
    """event_id -> the dataset row's own source text, for events imported from ACLED or UCDP
    (whose outlet is the dataset itself)."""
    rows = claims[claims["origin"].isin(IMPORTED)]
    return dict(zip(rows["event_id"], rows["claimant"].fillna("")))


def _original_id(event: Mapping[str, object]) -> str:
    """ACLED's own id for an event imported from ACLED, else the project's event id."""
    key = event.get("event_key")
    if event.get("origin") == "acled" and isinstance(key, str) and key.startswith("acled:"):
        return key.removeprefix("acled:")
    return str(event["event_id"])


def _text(value: object) -> str:
    return value if isinstance(value, str) else ""


def _coordinate(value: object) -> float | None:
    if value is None or pd.isna(value):
        return None
    return round(float(value), 4)  # ACLED publishes 4 decimals


def _int_or_blank(value: object) -> int | str:
    if value is None or pd.isna(value):
        return ""
    return int(value)


def acled_csv(shown: pd.DataFrame, tables: Mapping[str, pd.DataFrame], timestamp: int) -> bytes:
    """The ACLED-format CSV as UTF-8 bytes, formulas defused (numbers stay numbers)."""
    return frame_csv_bytes(acled_frame(shown, tables, timestamp))
