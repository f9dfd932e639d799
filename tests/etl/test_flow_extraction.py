"""Flows read from the articles: an evacuation sentence that says where people were taken
gives a flow from the mention's place to that known place."""

from __future__ import annotations

from etl.build import build_tables
from etl.extraction.flows import destinations, place_index

INDEX = place_index(
    [
        ("al_hol", "Al-Hol camp", "Al-Hol|al-Hawl"),
        ("baghouz", "Baghouz", "Baghuz"),
        ("turkey", "Turkey", None),
        ("x1", "Twin", None),
        ("x2", "Twin", None),
    ]
)


def test_destinations_after_a_verb_of_moving_people():
    sentence = "Hundreds of civilians were bused from Baghouz to the Al-Hol camp on Tuesday."
    (place, start, end), *rest = destinations(sentence, INDEX)
    assert rest == [] and place == "al_hol"
    assert sentence[start:end] == "bused from Baghouz to the Al-Hol camp"
    assert destinations("Families fled to Turkey.", INDEX)[0][0] == "turkey"
    assert destinations("They were taken to al-Hawl.", INDEX)[0][0] == "al_hol"


def test_no_destination_without_a_verb_an_unknown_place_or_a_shared_name():
    assert destinations("The road to Baghouz was closed.", INDEX) == []  # no verb of moving
    assert destinations("They were taken to Tal Tamr.", INDEX) == []  # not a known place
    assert destinations("They were taken to Twin.", INDEX) == []  # two places share the name
    assert destinations("They were moved. Then the trip to Turkey.", INDEX) == []  # full stop


def test_an_extracted_evacuation_gives_a_flow(mini):
    text = (
        "Town (Wire One) — A convoy of trucks evacuated 300 civilians from Beta on Tuesday. "
        "Civilians were evacuated from Beta on Tuesday and bused to Alpha, officials said."
    )
    (mini.seeds / "c.txt").write_text(text, encoding="utf-8")
    with (mini.seeds / "manifest.csv").open("a", encoding="utf-8") as handle:
        handle.write("c.txt,paper,wire1,,Convoy leaves Beta,2020-01-08,Town,,en,\n")
    tables = build_tables(mini)
    flows = tables["flows"]
    extracted = flows[flows["origin"] == "extracted"]
    assert len(extracted) == 1
    flow = extracted.iloc[0]
    assert (flow["origin_place_id"], flow["destination_place_id"]) == ("beta", "alpha")
    assert text[flow["char_start"] : flow["char_end"]] == flow["quote"]
    assert flow["quote"] == "evacuated from Beta on Tuesday and bused to Alpha"
    events = tables["events"].set_index("event_id")
    assert events.at[flow["event_id"], "event_type"] == "evacuation"
