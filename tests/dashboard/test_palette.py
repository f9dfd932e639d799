from __future__ import annotations

import csv
from pathlib import Path

import pandas as pd
import pytest

from dashboard.palette import (
    CVD,
    OKABE_ITO,
    TYPE_COLOURS,
    UNKNOWN,
    colour_of,
    edge_of,
    legend_colours,
    min_distance,
    text_on,
    with_palette,
)

ROOT = Path(__file__).resolve().parents[2]


def test_every_curated_type_has_its_own_palette_colour_and_the_csv_agrees():
    with open(ROOT / "data" / "curated" / "event_types.csv", newline="") as f:
        rows = list(csv.DictReader(f))
    assert {r["event_type"] for r in rows} == set(TYPE_COLOURS)
    assert {r["event_type"]: r["colour"] for r in rows} == TYPE_COLOURS
    assert len(set(TYPE_COLOURS.values())) == len(TYPE_COLOURS)  # one colour per type


@pytest.mark.parametrize("vision", [None, *CVD])
def test_types_stay_apart_for_colour_blind_readers(vision):
    assert min_distance(TYPE_COLOURS.values(), vision) >= 14
    # and every colour stands off the white page
    for colour in TYPE_COLOURS.values():
        assert min_distance([colour, "#FFFFFF"], vision) >= 21


def test_simulation_merges_red_and_green_for_deuteranopes():
    # a check that the simulation is not the identity: pure red and green collapse
    assert min_distance(["#FF0000", "#00FF00"]) > 80
    assert min_distance(["#FF0000", "#00FF00"], "deuteranopia") < 30


def test_old_greys_were_too_close_and_the_new_ones_are_not():
    assert min_distance(["#555555", "#999999"]) < 35  # Deaths vs Statement, before
    assert min_distance([TYPE_COLOURS["deaths"], TYPE_COLOURS["statement"]]) > 70


def test_unknown_types_keep_a_valid_data_colour_only():
    assert colour_of("airstrike", "#123456") == OKABE_ITO["vermillion"]
    assert colour_of("new_type", "#12ab56") == "#12AB56"
    assert colour_of("new_type", "red;background:url(x)") == UNKNOWN
    assert colour_of("new_type", None) == UNKNOWN


def test_with_palette_replaces_the_colour_column_without_touching_the_input():
    view = pd.DataFrame(
        {"event_type": ["deaths", "statement"], "label": ["D", "S"], "colour": ["#555555"] * 2}
    )
    out = with_palette(view)
    assert list(out["colour"]) == ["#000000", "#BBBBBB"]
    assert list(view["colour"]) == ["#555555"] * 2
    assert legend_colours(out) == [("deaths", "D", "#000000"), ("statement", "S", "#BBBBBB")]


def test_text_and_rim_read_on_the_fill():
    assert text_on(TYPE_COLOURS["deaths"]) == "#FFFFFF"
    assert text_on(TYPE_COLOURS["detention"]) == "#000000"
    assert edge_of(TYPE_COLOURS["detention"]) == "#333333"
    assert edge_of(TYPE_COLOURS["evacuation"]) == "#FFFFFF"
