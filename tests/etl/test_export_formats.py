"""Exports of a filtered view: provenance CSV, GeoJSON (checked against the GeoJSON schema)
and ACLED-format CSV, on the small project and on the real data."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from pathlib import Path

import jsonschema
import pandas as pd
import pytest

from dashboard.views import event_frame
from etl.build import build_tables
from etl.formats.acled import ACLED_COLUMNS, acled_csv, acled_frame, event_day, source_scale
from etl.formats.geojson import feature_collection, geojson_bytes
from etl.formats.provenance import PROVENANCE_COLUMNS, provenance_csv, provenance_frame

SCHEMA = json.loads(
    (Path(__file__).parent / "geojson_schema" / "FeatureCollection.json").read_text("utf-8")
)
STAMP = 1_700_000_000


@pytest.fixture
def mini_view(mini):
    tables = build_tables(mini, extract=False)
    return tables, event_frame(tables)


def _strict_json(data: bytes):
    def refuse(name):
        raise AssertionError(f"non-standard JSON constant {name}")

    return json.loads(data.decode("utf-8"), parse_constant=refuse)


def test_geojson_of_the_real_data_is_valid_and_places_points_lon_lat(project_tables):
    view = event_frame(project_tables)
    collection = _strict_json(geojson_bytes(view))
    jsonschema.Draft7Validator(SCHEMA).validate(collection)
    assert len(collection["features"]) == len(view)
    baghouz = [f for f in collection["features"] if f["properties"]["place"] == "Baghouz"]
    assert baghouz, "the Baghouz events are in the layer"
    lon, lat = baghouz[0]["geometry"]["coordinates"]
    assert (round(lon, 3), round(lat, 3)) == (40.951, 34.459)  # [longitude, latitude]


def test_geojson_unplaced_event_has_null_geometry_and_still_validates(mini_view):
    _, view = mini_view
    view = view.copy()
    view.loc[0, ["latitude", "longitude"]] = float("nan")
    collection = feature_collection(view)
    jsonschema.Draft7Validator(SCHEMA).validate(collection)
    assert collection["features"][0]["geometry"] is None
    assert collection["features"][1]["geometry"]["type"] == "Point"
    props = collection["features"][0]["properties"]
    assert props["outlets"] == "Paper; Paper Two"  # lists as one attribute for QGIS
    assert props["marker-color"] == "#E69F00"  # shelling's colour, for geojson.io
    assert props["date_start"] == "2020-01-06"


def test_geojson_schema_rejects_a_broken_collection():
    bad = {"type": "FeatureCollection", "features": [{"type": "Feature", "geometry":
           {"type": "Point", "coordinates": [1]}, "properties": {}}]}  # fmt: skip
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.Draft7Validator(SCHEMA).validate(bad)


def test_provenance_has_one_row_per_claim_with_outlet_url_and_batch(mini_view):
    tables, view = mini_view
    frame = provenance_frame(view, tables["claims"], tables["articles"], {})
    assert list(frame.columns) == list(PROVENANCE_COLUMNS)
    assert len(frame) == len(tables["claims"]) == 4
    officials = frame[frame["claimant"] == "Officials"].iloc[0]
    assert officials["outlet"] == "Paper Two"
    assert officials["url"] == "https://example.org/b"
    assert officials["quote"] == "Officials said at least 5 people were killed in Alpha on Monday."
    assert officials["event_type"] == "Shelling / rocket fire"
    assert set(frame["batch"]) == {"seed articles"}


def test_provenance_keeps_an_event_without_claims_and_defuses_formulas(mini_view):
    tables, view = mini_view
    view = view.copy()
    view.loc[1, "summary"] = '=HYPERLINK("http://evil.example","x")'
    claims = tables["claims"][tables["claims"]["event_id"] != view.loc[1, "event_id"]]
    data = provenance_csv(view, claims, tables["articles"], {})
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))
    convoy = [r for r in rows if r["event_id"] == view.loc[1, "event_id"]]
    assert len(convoy) == 1 and convoy[0]["claim_id"] == ""
    assert convoy[0]["summary"] == '\'=HYPERLINK("http://evil.example","x")'


def test_acled_row_maps_fields_and_takes_the_lowest_toll(mini_view):
    tables, view = mini_view
    frame = acled_frame(view, tables, STAMP)
    assert tuple(frame.columns) == ACLED_COLUMNS
    row = frame[frame["location"] == "Alpha"].iloc[0].to_dict()
    assert row["event_date"] == "2020-01-06" and row["year"] == 2020
    assert row["time_precision"] == 1
    assert (row["event_type"], row["sub_event_type"]) == (
        "Explosions/Remote violence",
        "Shelling/artillery/missile attack",
    )
    assert row["disorder_type"] == "Political violence"
    assert (row["actor1"], row["inter1"], row["interaction"]) == (
        "The Army",
        "State forces",
        "State forces only",
    )
    assert (row["country"], row["iso"], row["admin1"]) == ("Syria", 760, "Idlib")
    assert row["fatalities"] == 4  # 'at least 4' and 'at least 5': the conservative one
    assert row["source"] == "Paper; Paper Two" and row["source_scale"] == "National"
    assert row["timestamp"] == STAMP
    convoy = frame[frame["location"] == "Beta"].iloc[0]
    assert convoy["fatalities"] == 0 and convoy["event_type"] == "Strategic developments"


def test_acled_country_from_a_geonames_code_s33(mini_view):
    """Session 33 (hD23): a place read from GeoNames keeps its country as the ISO code ('SY');
    the ACLED export wrote country 'SY' with no iso or region for such an event (an analyst's
    accepted shelling at Saraqib). It is Syria, 760, Middle East, as for a curated place."""
    tables, view = mini_view
    places = tables["places"].copy()
    alpha = view.loc[view["place"] == "Alpha", "place_id"].iloc[0]
    places.loc[places["place_id"] == alpha, "country"] = "SY"
    frame = acled_frame(view, {**tables, "places": places}, STAMP)
    row = frame[frame["location"] == "Alpha"].iloc[0]
    assert (row["country"], row["iso"], row["region"]) == ("Syria", 760, "Middle East")


def test_acled_csv_reads_back_with_acled_types(project_tables):
    view = event_frame(project_tables)
    data = acled_csv(view, project_tables, STAMP)
    back = pd.read_csv(io.BytesIO(data))
    assert tuple(back.columns) == ACLED_COLUMNS
    assert len(back) == len(view) and back["event_id_cnty"].is_unique
    for column in ("year", "time_precision", "fatalities", "timestamp"):
        assert pd.api.types.is_integer_dtype(back[column]), column
    assert back["latitude"].between(-90, 90).all()
    assert set(back["time_precision"]) <= {1, 2, 3}
    assert pd.to_datetime(back["event_date"], format="%Y-%m-%d").notna().all()
    assert set(back["disorder_type"]) <= {"Political violence", "Strategic developments"}
    assert (back["fatalities"] >= 0).all() and back["fatalities"].max() > 0


@pytest.mark.parametrize(
    ("start", "end", "day", "precision"),
    [
        ("2019-02-20", "2019-02-20", "2019-02-20", 1),
        ("2019-02-20", "2019-02-23", "2019-02-21", 2),
        ("2019-02-01", "2019-02-28", "2019-02-14", 3),
    ],
)
def test_event_day_is_the_window_middle_with_acled_precision(start, end, day, precision):
    got = event_day(dt.date.fromisoformat(start), dt.date.fromisoformat(end))
    assert got == (dt.date.fromisoformat(day), precision)


def test_source_scale_joins_scales_in_acled_order():
    assert source_scale({"wire", "newspaper"}) == "National-International"
    assert source_scale({"monitor"}) == "Other"
