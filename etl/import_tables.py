"""Imported events (ACLED, UCDP GED) as rows of the tidy tables (pure: snapshot in, tables out).

Each imported event becomes an event, with one claim whose "article" is the dataset's record:
the outlet is the dataset (ACLED or UCDP), the claimant is the row's own source text, the
sentence is the row's description and the article's note says which file and line it came
from. Its fatalities become a `killed` figure (UCDP: low to high, best kept in the words).
Places and actors the project does not know are added under ids made from their content, so
a rebuild gives the same ids. Imported events are published as accepted (the analyst chose
to import them) in their import batch, which can be retracted like any other.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from etl import ids
from etl.formats.records import DATASETS, ImportedEvent
from etl.inbox import Snapshot
from etl.tables import Tables


def live_imports(snapshot: Snapshot) -> list[tuple[dict, ImportedEvent]]:
    """(inbox row, event) for the latest record of each imported id in a published batch."""
    state = snapshot.batch_state()
    latest: dict[tuple[str, str], dict] = {}
    for row in snapshot.imports:  # oldest first: a later import of an id replaces it
        if state.get(row["batch_id"]) == "published":
            latest[(row["dataset"], row["original_id"])] = row
    return [(row, ImportedEvent.from_json(row["record"])) for row in latest.values()]


def _actor_ids(tables: Tables, names: set[str]) -> tuple[dict[str, str], list[dict]]:
    """Actor name -> id: a known actor of that name (ignoring case), else a new row."""
    known = {str(n).casefold(): a for a, n in zip(tables["actors"]["actor_id"],
                                                  tables["actors"]["name"])}  # fmt: skip
    out, new = {}, []
    for name in sorted(n for n in names if n):
        if name.casefold() in known:
            out[name] = known[name.casefold()]
        else:
            out[name] = "ac_" + ids.content_hash(name.casefold())
            new.append({"actor_id": out[name], "name": name, "kind": "imported", "aliases": None})
    return out, new


def areas_of(latitudes: np.ndarray, longitudes: np.ndarray, places: pd.DataFrame) -> list[str]:
    """The timeline lane of each point, by the rule of `etl.extracted.area_of` (the first
    exactly placed reference town within AREA_KM, else Elsewhere), for many points at once."""
    from etl.extracted import AREA_KM

    refs = places[(places["geo_precision"] == 1) & (places["area"] != "Elsewhere")]
    out = np.full(len(latitudes), "Elsewhere", dtype=object)
    if refs.empty or not len(latitudes):
        return list(out)
    lat1, lon1 = np.radians(latitudes)[:, None], np.radians(longitudes)[:, None]
    lat2 = np.radians(refs["latitude"].to_numpy(float))[None, :]
    lon2 = np.radians(refs["longitude"].to_numpy(float))[None, :]
    h = (
        np.sin((lat2 - lat1) / 2) ** 2
        + np.cos(lat1) * np.cos(lat2) * np.sin((lon2 - lon1) / 2) ** 2
    )
    near = 6371.0 * 2 * np.arcsin(np.sqrt(np.minimum(1.0, h))) <= AREA_KM
    hit = near.any(axis=1)
    out[hit] = refs["area"].to_numpy(object)[near.argmax(axis=1)[hit]]
    return list(out)


def _place_rows(events: list[ImportedEvent], places: pd.DataFrame) -> tuple[list[str], list[dict]]:
    known = set(places["place_id"])
    place_ids, new = [], {}
    for e in events:
        place = ids.place_id(e.location, e.latitude, e.longitude)
        place_ids.append(place)
        if place not in known and place not in new:
            new[place] = {
                "place_id": place, "name": e.location, "aliases": None, "kind": "imported",
                "latitude": e.latitude, "longitude": e.longitude,
                "geo_precision": e.geo_precision, "admin1": e.admin1 or None,
                "country": e.country or None, "area": "Elsewhere",
                "source": f"{e.dataset.upper()} event {e.original_id}",
            }  # fmt: skip
    rows = list(new.values())
    lats = np.array([r["latitude"] for r in rows], dtype=float)
    lons = np.array([r["longitude"] for r in rows], dtype=float)
    for row, area in zip(rows, areas_of(lats, lons, places)):
        row["area"] = area
    return place_ids, rows


def with_imports(tables: Tables, snapshot: Snapshot) -> Tables:
    """The tables with every live imported event added (unchanged when there are none)."""
    found = live_imports(snapshot)
    types = tables["event_types"].set_index("event_type")
    found = [(row, e) for row, e in found if e.event_type in types.index]
    if not found:
        return tables
    events = [e for _, e in found]
    who = {b["batch_id"]: b["created_by"] for b in snapshot.batches}
    actor_ids, new_actors = _actor_ids(tables, {n for e in events for n in (e.actor1, e.actor2)})
    place_ids, new_places = _place_rows(events, tables["places"])
    rows: dict[str, list[dict]] = {"events": [], "articles": [], "article_texts": [],
                                   "claims": [], "figures": []}  # fmt: skip
    for (row, e), place in zip(found, place_ids):
        _add(rows, row, e, place, actor_ids, types, who.get(row["batch_id"]))
    out = dict(tables)
    datasets = {e.dataset for e in events} - set(tables["outlets"]["outlet_id"])
    added = {
        "outlets": [{"outlet_id": d, "name": DATASETS[d], "kind": "dataset", "country": None,
                     "wire_id": None} for d in sorted(datasets)],
        "actors": new_actors,
        "places": new_places,
        **rows,
    }  # fmt: skip
    for name, records in added.items():
        if records:
            frame = pd.DataFrame.from_records(records)
            out[name] = pd.concat([tables[name], frame], ignore_index=True)
    return out


def _add(rows, row, e: ImportedEvent, place, actor_ids, types, who) -> None:
    event = ids.event_id(e.dataset, e.original_id)
    text = " ".join(e.notes.split()) or f"{e.source_sub_event_type} in {e.location}."
    article = "art_" + ids.content_hash(e.dataset, e.original_id, text, length=16)
    claim = ids.claim_id(article, 0, len(text), event)
    label = e.dataset.upper()
    acled = (
        (e.source_event_type, e.source_sub_event_type)
        if e.dataset == "acled"
        else (
            types.at[e.event_type, "acled_event_type"],
            types.at[e.event_type, "acled_sub_event_type"],
        )
    )
    where = f"{e.extra.get('file', label + ' export')}, line {e.line}"
    rows["events"].append({
        "event_id": event, "event_key": f"{e.dataset}:{e.original_id}",
        "event_type": e.event_type, "sub_type": e.source_sub_event_type,
        "acled_event_type": acled[0], "acled_sub_event_type": acled[1],
        "date_start": e.date_start, "date_end": e.date_end, "date_precision": e.date_precision,
        "date_note": f"{label} record {e.original_id} ({where})", "place_id": place,
        "geo_precision": e.geo_precision, "actor1": actor_ids.get(e.actor1),
        "actor2": actor_ids.get(e.actor2), "summary": text, "background": False,
        "origin": e.dataset, "review_status": "accepted", "batch_id": row["batch_id"],
        "independent_sources": 1, "source_ids": e.dataset, "reviewed_by": who,
        "reviewed_at": row["added_at"],
    })  # fmt: skip
    rows["articles"].append({
        "article_id": article, "batch_id": row["batch_id"], "file": where, "outlet_id": e.dataset,
        "outlet": DATASETS[e.dataset], "wire": None, "byline": None,
        "title": e.extra.get("source_headline") or f"{label} event {e.original_id}",
        "published": e.date_end, "dateline": None, "url": None, "language": "en",
        "text_sha256": ids.text_sha256(text), "n_chars": len(text),
        "note": f"imported from {where}; the dataset's source: {e.source or 'not given'}",
    })  # fmt: skip
    rows["article_texts"].append({"article_id": article, "text": text})
    rows["claims"].append({
        "claim_id": claim, "claim_key": None, "mention_key": None, "event_id": event,
        "article_id": article, "sentence": text, "sentence_start": 0, "sentence_end": len(text),
        "char_start": 0, "char_end": len(text), "quote": text,
        "claimant": e.source or DATASETS[e.dataset], "claimant_actor": None,
        "stance": "asserted", "origin": e.dataset, "review_status": "accepted",
    })  # fmt: skip
    if e.fatalities_low is not None:
        raw = (f"best {e.fatalities_best} (low {e.fatalities_low}, high {e.fatalities_high})"
               if e.fatalities_best is not None else f"fatalities {e.fatalities_low}")  # fmt: skip
        rows["figures"].append({
            "figure_id": ids.figure_id(claim, "killed", raw, e.fatalities_low),
            "claim_id": claim, "event_id": event, "quantity": "killed",
            "value_low": float(e.fatalities_low), "value_high": float(e.fatalities_high),
            "qualifier": "estimated" if e.fatalities_best is not None else "exact", "raw": raw,
        })  # fmt: skip
