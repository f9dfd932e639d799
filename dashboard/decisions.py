"""The decision rows an analyst's review makes, for `etl.analyst_actions.decide` (pure)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace

from dashboard.place_choice import PlaceChoice
from etl.analyst_actions import Made, event_decisions
from etl.corrections import Correction, chosen_place_rows, correction_rows, curated_place_rows
from etl.inbox import Snapshot
from etl.tables import Tables


def correction_made(
    tables: Tables, snapshot: Snapshot, wanted: Correction, place: PlaceChoice | None
) -> tuple[Made, list[str]]:
    """An edit (and perhaps an accept) with the place the analyst chose: a candidate as it
    is (the name it was found by kept as a spelling), or a point with the name given; the
    articles' spellings are learned with it when `place.teach`. No gazetteer look-up here."""
    if place is not None:
        named = replace(wanted, place=place.name)
        return chosen_place_rows(tables, named, place.as_candidate(), teach=place.teach)
    return correction_rows(tables, snapshot, curated_place_rows(tables), None, wanted)


def edit_maker(
    snapshot: Snapshot, wanted: Correction, place: PlaceChoice | None
) -> Callable[[Tables], Made]:
    """What `decide` calls with the tables current under the store's lock."""
    return lambda tables: correction_made(tables, snapshot, wanted, place)[0]


def verdict_maker(
    item_ids: Sequence[str], action: str, who: str, note: str | None
) -> Callable[[Tables], Made]:
    """Accept or reject review items (events, or sentences added to curated events)."""
    return lambda tables: (event_decisions(tables, list(item_ids), action, who, note), [])


def bulk_edit_maker(
    snapshot: Snapshot,
    event_ids: Sequence[str],
    base: Correction,
    place: PlaceChoice | None,
) -> Callable[[Tables], Made]:
    """The same edit (fields of `base`, and the place) for several events, in one publish.
    Nothing is taught to the gazetteer: the events' sentences may spell different places."""
    untaught = None if place is None else replace(place, teach=False)

    def make(tables: Tables) -> Made:
        rows: list[dict] = []
        places: dict[str, dict] = {}
        for event_id in dict.fromkeys(event_ids):
            wanted = replace(base, event_id=event_id)
            (made, added), _ = correction_made(tables, snapshot, wanted, untaught)
            rows += made
            places.update((p["place_id"], p) for p in added)  # one row per place
        return rows, list(places.values())

    return make
