"""An analyst's correction of one extracted event: type, date window, summary, place.

A corrected place is kept in the analysts' gazetteer with the spellings the articles used
for it, so the next batch that names it is placed right. A place can be chosen by name
(among the gazetteers' candidates, nearest the article's other places, or in a given
country) or picked as a point.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import pandas as pd

from etl.analyst_actions import REVIEW, Made, analyst_place, event_decisions, parse_window
from etl.build import analyst_places
from etl.claim_edits import parse_figure
from etl.inbox import Snapshot
from etl.place_rename import renamed_summary
from etl.places.gazetteer import normalise_name
from etl.places.place_search import Candidate, find_places
from etl.problems import InputError, Problem
from etl.tables import Tables


@dataclass(frozen=True)
class Correction:
    """What to change; None leaves a field as it is."""

    event_id: str
    who: str
    note: str | None = None
    place: str | None = None
    country: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    date: str | None = None
    event_type: str | None = None
    summary: str | None = None
    accept: bool = False
    teach: bool | None = None  # save the sentence's spellings with the place; None: decide
    claimant: str | None = None  # of the sentence (one sentence: its mention key)
    figures: tuple[str, ...] = ()  # 'killed=7..9' specs replacing the sentence's figures
    # a moved event's summary that named the old place names the new one (unless `summary`
    # is given); the review page words it itself, and shows it, before saving
    rename_summary: bool = True


def spellings(tables: Tables, event_id: str) -> list[str]:
    """How the event's sentences wrote its place ("Jisr al-Shughur")."""
    claims = tables["claims"]
    texts = claims.loc[claims["event_id"] == event_id, "place_text"].dropna()
    return sorted(set(texts))


def nearby_points(tables: Tables, event_id: str) -> list[tuple[float, float]]:
    """Points of the other events reported in the same articles (to weigh homonyms)."""
    claims, events = tables["claims"], tables["events"]
    articles = set(claims.loc[claims["event_id"] == event_id, "article_id"])
    others = set(claims.loc[claims["article_id"].isin(articles), "event_id"]) - {event_id}
    placed = events[events["event_id"].isin(others)].merge(
        tables["places"][["place_id", "latitude", "longitude"]], on="place_id"
    )
    return list(zip(placed["latitude"], placed["longitude"]))


def _choose(found: list[Candidate], wanted: Correction) -> Candidate:
    if wanted.country:
        found = [c for c in found if c.country.casefold() == wanted.country.casefold()]
    if not found:
        where = f" in {wanted.country}" if wanted.country else ""
        raise InputError([Problem(REVIEW, None, f"--place {wanted.place!r}: no place of that "
                                  f"name{where} in the gazetteers; give --lat and --lon to "
                                  "add it")])  # fmt: skip
    return found[0]


def _place_change(
    tables: Tables, snapshot: Snapshot, curated: list[dict], geonames, wanted: Correction
) -> tuple[dict, list[dict], list[str]]:
    seen = spellings(tables, wanted.event_id)
    if wanted.latitude is not None or wanted.longitude is not None:
        if wanted.latitude is None or wanted.longitude is None:
            raise InputError([Problem(REVIEW, None, "give both --lat and --lon")])
        name = wanted.place or (seen[0] if seen else "place picked on the map")
        taught, said = _taught(seen, [name], wanted.teach)
        row = analyst_place(name, wanted.latitude, wanted.longitude, taught, wanted.who)
        return {"place_id": row["place_id"]}, [row], [f"place: {name} at the point given", *said]
    found = find_places(wanted.place, analyst_places(snapshot), curated, geonames,
                        nearby_points(tables, wanted.event_id))  # fmt: skip
    chosen = _choose(found, wanted)
    said = [f"place: {chosen.line()}"]
    said += [f"  other candidate: {c.line()}" for c in found if c is not chosen][:5]
    taught, told = _taught([*seen, wanted.place], [chosen.name, wanted.place], wanted.teach)
    row = analyst_place(chosen.name, chosen.latitude, chosen.longitude, taught,
                        wanted.who, chosen.country, chosen.source)  # fmt: skip
    if chosen.place_id:  # a project place: keep its id, teach the gazetteer the spellings
        row = {**row, "place_id": chosen.place_id}
    return {"place_id": row["place_id"]}, [row], [*said, *told]


def _taught(
    seen: list[str], names: list[str | None], teach: bool | None
) -> tuple[list[str], list[str]]:
    """The spellings to save with the place, and a line saying so. By default only those
    that are the place's own name: moving an event away from the place its sentence names
    ("Idlib" to Baghouz) must not teach that name a new meaning."""
    keys = {normalise_name(n) for n in names if n}
    taught = [s for s in seen if s] if teach else [
        s for s in seen if s and (teach is None and normalise_name(s) in keys)
    ]  # fmt: skip
    left = sorted({s for s in seen if s} - set(taught))
    said = [f"spellings kept with the place: {', '.join(sorted(set(taught)))}"] if taught else []
    if left:
        said.append(f"not taught (--teach to keep them): {', '.join(left)}")
    return taught, said


def sentence_rows(tables: Tables, wanted: Correction) -> tuple[Made, list[str]]:
    """A correction of one sentence's claimant or figures. An event with a single extracted
    sentence can be named by its id; otherwise name the sentence (its mention key)."""
    key = wanted.event_id
    if not key.startswith("mn_"):
        claims = tables["claims"]
        keys = sorted(set(claims.loc[claims["event_id"] == key, "mention_key"].dropna()))
        if len(keys) != 1:
            listed = ", ".join(keys) or "none"
            raise InputError([Problem(REVIEW, None, f"{key} has {len(keys)} extracted "
                                      f"sentences ({listed}): name one to correct its "
                                      "claimant or figures")])  # fmt: skip
        key = keys[0]
    changes: dict[str, object] = {}
    if wanted.claimant:
        changes["claimant"] = " ".join(wanted.claimant.split())
    if wanted.figures:
        changes["figures"] = [parse_figure(spec) for spec in wanted.figures]
    rows = event_decisions(tables, [key], "edit", wanted.who, wanted.note, changes)
    said = [f"sentence {key}: " + "; ".join(f"{k} {v!r}" for k, v in changes.items())]
    return (rows, []), said


def correction_rows(
    tables: Tables, snapshot: Snapshot, curated: list[dict], geonames, wanted: Correction
) -> tuple[Made, list[str]]:
    """The decisions (and places to add) that make a correction, and what it will do."""
    event_fields = wanted.place or wanted.latitude is not None or wanted.longitude is not None
    if wanted.event_id.startswith("mn_") and (
        event_fields or wanted.date or wanted.event_type or wanted.summary
    ):
        raise InputError([Problem(REVIEW, None, f"{wanted.event_id} is one sentence: correct "
                                  "its --claimant or --figure, or accept or reject it; place, "
                                  "date, type and summary belong to its event (a curated "
                                  "event is edited in data/curated/)")])  # fmt: skip
    if wanted.claimant or wanted.figures:
        (rows, places), said = sentence_rows(tables, wanted)
        rest = replace(wanted, claimant=None, figures=())
        more_wanted = rest.place or rest.latitude is not None or rest.longitude is not None
        if not (more_wanted or rest.date or rest.event_type or rest.summary or rest.accept):
            return (rows, places), said
        (more, more_places), more_said = correction_rows(tables, snapshot, curated, geonames, rest)
        return (rows + more, places + more_places), said + more_said
    changes, places, said = {}, [], []
    if wanted.place or wanted.latitude is not None or wanted.longitude is not None:
        changes, places, said = _place_change(tables, snapshot, curated, geonames, wanted)
        seen, to = spellings(tables, wanted.event_id), places[0]
        named = wanted.place or seen  # not a point given with no name at all
        renamed = renamed_summary(
            tables, wanted.event_id, seen, (to["latitude"], to["longitude"], to["name"])
        ) if named and wanted.rename_summary and not wanted.summary else None  # fmt: skip
        if renamed is not None:  # it named where the event was: now where it is
            changes["summary"] = renamed
    if wanted.date:
        changes["date_start"], changes["date_end"] = parse_window(wanted.date)
    if wanted.event_type:
        known = set(tables["event_types"]["event_type"])
        if wanted.event_type not in known:
            raise InputError([Problem(REVIEW, None, f"--type {wanted.event_type!r}: not an "
                                      f"event type ({', '.join(sorted(known))})")])  # fmt: skip
        changes["event_type"] = wanted.event_type
    if wanted.summary:
        changes["summary"] = " ".join(wanted.summary.split())
    if not changes and not wanted.accept:
        raise InputError([Problem(REVIEW, None, "nothing to change: give --place, --lat/--lon, "
                                  "--date, --type, --summary, --claimant, --figure or "
                                  "--accept")])  # fmt: skip
    rows = []
    if changes:
        rows += event_decisions(tables, [wanted.event_id], "edit", wanted.who, wanted.note,
                                changes)  # fmt: skip
    if wanted.accept:
        rows += event_decisions(tables, [wanted.event_id], "accept", wanted.who, wanted.note)
    said += [f"{k}: {v}" for k, v in changes.items() if k != "place_id"]
    return (rows, places), said


def curated_place_rows(tables: Tables) -> list[dict]:
    """The curated places as plain rows (for the gazetteer look-up)."""
    places = tables["places"]
    # (a facility's row, 'fac:', is read only beside its kind's word: not a curated name)
    curated = places[~places["place_id"].astype(str).str.startswith(("gn:", "pl_", "fac:"))]
    return curated.where(pd.notna(curated), None).to_dict("records")


def chosen_place_rows(
    tables: Tables, wanted: Correction, chosen: Candidate, teach: bool = True
) -> tuple[Made, list[str]]:
    """`correction_rows` with the place the analyst chose on the review page (a candidate of
    the gazetteers, or a point picked and named). A project place keeps its id; any other is
    saved to the analysts' gazetteer with its country and source. With `teach`, the spellings
    the articles used (and `wanted.place`, the name the analyst searched for) are saved with
    it, so later batches naming it are placed there; without, nothing is learned (the
    sentence named another place than where the event happened)."""
    at_point = replace(
        wanted, place=chosen.name, country=None,
        latitude=chosen.latitude, longitude=chosen.longitude, rename_summary=False,
    )  # fmt: skip
    (rows, _), said = correction_rows(tables, Snapshot(), [], None, at_point)
    seen = [*spellings(tables, wanted.event_id), wanted.place or ""] if teach else []
    place = analyst_place(chosen.name, chosen.latitude, chosen.longitude, seen, wanted.who,
                          chosen.country, chosen.source)  # fmt: skip
    if chosen.place_id:
        place = {**place, "place_id": chosen.place_id}
    rows = [
        {**r, "changes": {**r["changes"], "place_id": place["place_id"]}}
        if r["action"] == "edit" else r
        for r in rows
    ]  # fmt: skip
    known_as_is = chosen.place_id and not place["aliases"]  # a project place, nothing to learn
    return (rows, [] if known_as_is else [place]), [f"place: {chosen.line()}", *said[1:]]
