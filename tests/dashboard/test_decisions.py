"""The decision rows a review on the page makes (pure): a place chosen among candidates or
picked as a point, other fields, and plain verdicts."""

from __future__ import annotations

import pytest

from dashboard.decisions import correction_made, verdict_maker
from dashboard.place_choice import PlaceChoice
from etl.corrections import Correction
from etl.inbox import Snapshot
from etl.places.place_search import Candidate
from etl.problems import InputError

JISR = Candidate("Jisr ash Shughūr", 35.81418, 36.31983, "SY", "GeoNames 169023", None, 39311)
BAGHOUZ = Candidate("Baghouz", 34.46, 40.94, "Syria", "curated", "baghouz")


@pytest.fixture
def pending(project_tables):
    events = project_tables["events"]
    return events[events["review_status"] == "pending"].iloc[0]["event_id"]


PLACE_CASES = [
    # (choice, the place row saved to the analysts' gazetteer, or None: nothing to save)
    (  # the sentence's spelling ("Idlib") and the name searched for are learned with it
        PlaceChoice(candidate=BAGHOUZ, name="al-Baghuz"),
        {"place_id": "baghouz", "aliases": "Idlib|al-Baghuz"},
    ),
    (PlaceChoice(candidate=BAGHOUZ, name="al-Baghuz", teach=False), None),  # a project place as is
    (
        PlaceChoice(candidate=JISR, name="Jisr al-Shughur"),
        {"name": "Jisr ash Shughūr", "country": "SY", "source": "GeoNames 169023",
         "aliases": "Idlib|Jisr al-Shughur", "latitude": 35.81418},
    ),
    (
        PlaceChoice(candidate=JISR, name="Jisr al-Shughur", teach=False),
        {"name": "Jisr ash Shughūr", "aliases": None, "source": "GeoNames 169023"},
    ),
    (
        PlaceChoice(name="Jisr al-Shughur", latitude=35.8126, longitude=36.3177),
        {"name": "Jisr al-Shughur", "source": "picked by an analyst", "latitude": 35.8126,
         "aliases": "Idlib"},
    ),
    (
        PlaceChoice(name=None, latitude=35.8126, longitude=36.3177, teach=False),
        {"name": "place picked on the map", "aliases": None},
    ),
]  # fmt: skip


@pytest.mark.parametrize(("choice", "expected"), PLACE_CASES)
def test_a_place_chosen_becomes_an_edit_and_a_gazetteer_row(
    project_tables, pending, choice, expected
):
    wanted = Correction(pending, "ana", "checked on the map", accept=True)
    (rows, places), _ = correction_made(project_tables, Snapshot(), wanted, choice)
    assert [r["action"] for r in rows] == ["edit", "accept"]
    assert rows[0]["who"] == "ana" and rows[0]["note"] == "checked on the map"
    assert rows[0]["mentions"]  # the decision follows the sentences behind the event
    if expected is None:
        assert places == [] and rows[0]["changes"] == {"place_id": "baghouz"}
        return
    (place,) = places
    assert {k: place[k] for k in expected} == expected
    assert rows[0]["changes"] == {"place_id": place["place_id"]}


def test_other_fields_go_with_the_place(project_tables, pending):
    wanted = Correction(pending, "ana", None, date="2019-02-17..2019-02-18", event_type="shelling")
    (rows, _), _ = correction_made(
        project_tables, Snapshot(), wanted, PlaceChoice(candidate=BAGHOUZ)
    )
    assert rows[0]["changes"] == {"place_id": "baghouz", "date_start": "2019-02-17",
                                  "date_end": "2019-02-18", "event_type": "shelling"}  # fmt: skip


def test_nothing_to_change_is_said(project_tables, pending):
    with pytest.raises(InputError, match="nothing to change"):
        correction_made(project_tables, Snapshot(), Correction(pending, "ana"), None)


def test_verdicts_on_events_and_added_sentences(project_tables, pending):
    claims = project_tables["claims"]
    added = claims[(claims["origin"] == "extracted") & (claims["event_id"] != pending)]
    key = added["mention_key"].iloc[0]
    rows, places = verdict_maker([pending, key], "reject", "ben", "duplicate")(project_tables)
    assert places == [] and [r["target"] for r in rows] == [pending, key]
    assert rows[1]["mentions"] == (key,)
    with pytest.raises(InputError, match="no event with this id"):
        verdict_maker(["ev_missing"], "accept", "ben", None)(project_tables)


def test_the_same_edit_for_several_events_teaches_nothing(project_tables, pending):
    from dashboard.decisions import bulk_edit_maker

    events = project_tables["events"]
    other = events[(events["origin"] == "extracted") & (events["event_id"] != pending)]
    ids = [pending, *other["event_id"].head(1)] if len(other) else [pending]
    base = Correction("", "ana", "same convoy", event_type="evacuation", accept=True)
    rows, places = bulk_edit_maker(Snapshot(), ids, base, PlaceChoice(candidate=JISR, name="Jisr"))(
        project_tables
    )
    edits = [r for r in rows if r["action"] == "edit"]
    assert [r["target"] for r in edits] == ids
    assert {r["changes"]["event_type"] for r in edits} == {"evacuation"}
    (place,) = places  # one row for the place, without the events' spellings
    assert place["aliases"] is None and place["name"] == "Jisr ash Shughūr"
    assert [r["action"] for r in rows].count("accept") == len(ids)
