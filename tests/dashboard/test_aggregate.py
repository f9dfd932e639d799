"""Counts instead of marks at scale (issue 10): the aggregation is exact, the charts carry one
mark per bin or cell, and what is sent stays small whatever the number of events."""

from __future__ import annotations

import json

import pandas as pd
import plotly.io as pio
import pytest

from dashboard.aggregate import (
    DAILY,
    MAP_MAX_MARKS,
    MAX_MARKS,
    MONTHLY,
    WEEKLY,
    aggregated,
    bins_for,
    cell_degrees,
    map_cells,
    page_line,
    shown_as,
    timeline_counts,
)
from dashboard.data import load_basemap
from dashboard.map_cells import CELLS_LAYER, count_text
from dashboard.mapview import build_map, reference_sites
from dashboard.timeline import build_timeline
from dashboard.views import event_frame
from etl.schemas import AREAS
from etl.settings import ROOT
from etl.synthetic import synthetic_tables


@pytest.fixture(scope="module")
def big():
    tables = synthetic_tables(6_000, seed=3)
    return tables, event_frame(tables)


def _events(rows):
    return pd.DataFrame(
        [
            {
                "event_id": f"e{k}",
                "area": area,
                "event_type": kind,
                "label": kind.title(),
                "date_start": pd.Timestamp(day),
                "date_end": pd.Timestamp(day),
                "longitude": lon,
                "latitude": lat,
            }
            for k, (area, kind, day, lon, lat) in enumerate(rows)
        ]
    )


def test_bins_grow_with_the_range():
    day = pd.Timestamp("2019-01-01")
    assert bins_for(day, day + pd.Timedelta(days=90)) is DAILY
    assert bins_for(day, day + pd.Timedelta(days=700)) is WEEKLY
    assert bins_for(day, day + pd.Timedelta(days=2000)) is MONTHLY


def test_weekly_counts_per_area_and_type():
    view = _events(
        [
            ("Idlib", "airstrike", "2019-03-04", 36.6, 35.9),  # Monday
            ("Idlib", "airstrike", "2019-03-10", 36.6, 35.9),  # Sunday: same week
            ("Idlib", "airstrike", "2019-03-11", 36.6, 35.9),  # next week
            ("Idlib", "clash", "2019-03-05", 36.6, 35.9),
            ("Baghouz", "airstrike", "2019-03-05", 40.9, 34.5),
        ]
    )
    counts = timeline_counts(view, WEEKLY)
    got = {
        (r.area, r.event_type, r.start.strftime("%Y-%m-%d")): r.count for r in counts.itertuples()
    }
    assert got == {
        ("Baghouz", "airstrike", "2019-03-04"): 1,
        ("Idlib", "airstrike", "2019-03-04"): 2,
        ("Idlib", "airstrike", "2019-03-11"): 1,
        ("Idlib", "clash", "2019-03-04"): 1,
    }
    assert counts["count"].sum() == len(view)


def test_a_window_event_counts_where_the_axis_starts():
    view = _events([("Idlib", "siege", "2018-12-01", 36.6, 35.9)])
    view["date_end"] = pd.Timestamp("2019-02-01")
    window = (pd.Timestamp("2019-01-01"), pd.Timestamp("2019-03-01"))
    counts = timeline_counts(view, DAILY, window)
    assert list(counts["start"]) == [pd.Timestamp("2019-01-01")]


def test_map_cells_count_every_located_event_once():
    view = _events(
        [
            ("Idlib", "airstrike", "2019-03-04", 36.61, 35.91),
            ("Idlib", "clash", "2019-03-04", 36.62, 35.92),
            ("Idlib", "clash", "2019-03-04", 36.63, 35.93),
            ("Baghouz", "airstrike", "2019-03-04", 40.91, 34.51),
            ("Baghouz", "airstrike", "2019-03-04", float("nan"), float("nan")),
        ]
    )
    cells = map_cells(view, size=0.5)
    assert sorted(cells["count"]) == [1, 3]
    idlib = cells[cells["count"] == 3].iloc[0]
    assert idlib["top_type"] == "clash"
    assert idlib["lon"] == pytest.approx(36.62)
    assert idlib["tip"].splitlines() == [
        "3 events in this cell (0.5° square)",
        "Clash: 2",
        "Airstrike: 1",
    ]


@pytest.mark.parametrize("size", [None, 0.01, 0.05, 2.0])  # 0.01: a sparse grid
def test_map_cells_are_a_count_per_cell_by_a_plain_loop(big, size):
    """Every cell, in (column, row) order: its count, mean position, commonest type (ties by
    the type's id) and tip, as a loop over the events finds them."""
    import math
    from collections import Counter

    _, view = big
    shown = view.sample(frac=0.4, random_state=4)
    cells = map_cells(shown, size)
    size = float(cells["size"].iloc[0])
    members: dict[tuple[int, int], list] = {}
    for e in shown.dropna(subset=["latitude", "longitude"]).itertuples(index=False):
        key = (math.floor(e.longitude / size), math.floor(e.latitude / size))
        members.setdefault(key, []).append(e)
    assert len(cells) == len(members) > 3
    labels = dict(zip(shown["event_type"], shown["label"]))
    for cell, key in zip(cells.itertuples(index=False), sorted(members)):
        events = members[key]
        kinds = sorted(Counter(e.event_type for e in events).items(), key=lambda k: (-k[1], k[0]))
        assert cell.count == len(events)
        assert cell.lon == pytest.approx(sum(e.longitude for e in events) / len(events))
        assert cell.lat == pytest.approx(sum(e.latitude for e in events) / len(events))
        assert (cell.top_type, cell.top_label) == (kinds[0][0], labels[kinds[0][0]])
        lines = cell.tip.splitlines()
        assert lines[1 : 1 + min(4, len(kinds))] == [f"{labels[k]}: {n}" for k, n in kinds[:4]]
        assert (len(kinds) > 4) == lines[-1].startswith("… and ")


def test_cell_size_is_a_round_share_of_the_extent():
    lons, lats = pd.Series([35.0, 42.0]), pd.Series([32.0, 37.0])
    assert cell_degrees(lons, lats) == 0.5  # 7 degrees / 16 cells = 0.44


def test_the_page_says_what_it_shows():
    assert shown_as(10, None, None) == ""
    line = shown_as(82_771, WEEKLY, 0.2)
    assert line.startswith("82,771 events shown as weekly counts on the timeline and counts")
    assert "0.2° grid cell" in line and "filter or zoom to see single events" in line


def test_large_views_are_sent_as_counts_within_budget(big):
    tables, view = big
    assert aggregated(view) and not aggregated(view.head(MAX_MARKS))
    figure = build_timeline(view, AREAS, "t")
    bars = [t for t in figure.data if t.type == "bar"]
    assert sum(sum(t.y) for t in bars) == len(view)  # every event counted once
    assert all(t.customdata is None for t in bars)  # a bin selects no event
    timeline = pio.to_json(figure, validate=False)
    deck = build_map(view, reference_sites(tables["places"]), None)
    spec = deck.to_json()
    layers = {layer["id"]: layer for layer in json.loads(spec)["layers"]}
    assert "events" not in layers
    located = view.dropna(subset=["latitude", "longitude"])
    # every located event in one cell: the tooltip's exact count (the circle's text is cut
    # short above 999, '1.2k'), and the circle's text is that count written short
    cells = layers[CELLS_LAYER]["data"]
    exact = [int(row["tip"].split(" event", 1)[0].replace(",", "")) for row in cells]
    assert sum(exact) == len(located)
    assert _counts(layers[CELLS_LAYER]) == [count_text(n) for n in exact]
    assert len(timeline) + len(spec) < 2 * 2**20
    assert "\n" not in spec  # not pretty-printed


def _counts(layer):
    return [row["count_text"] for row in layer["data"]]


def test_a_small_view_keeps_a_mark_per_event(big):
    tables, view = big
    small = view.head(40)
    figure = build_timeline(small, AREAS, "t")
    ids = {i for t in figure.data if t.customdata is not None for i in t.customdata}
    assert ids == set(small["event_id"])
    spec = json.loads(build_map(small, reference_sites(tables["places"]), None).to_json())
    assert "events" in {layer["id"] for layer in spec["layers"]}


def test_page_line_names_the_bins_the_chart_uses(big):
    _, view = big
    assert page_line(view.head(20)) == ""
    window = (pd.Timestamp("2018-01-01"), pd.Timestamp("2019-12-31"))
    line = page_line(view, window)
    assert line.startswith(f"{len(view):,} events shown as weekly counts on the timeline")


def test_between_the_limits_only_the_map_is_counted(big):
    tables, view = big
    middle = view.head(1_000)
    assert MAP_MAX_MARKS < len(middle) <= MAX_MARKS
    line = page_line(middle)
    assert line.startswith("1,000 events shown as counts per ") and "timeline" not in line
    figure = build_timeline(middle, AREAS, "t")
    ids = {i for t in figure.data if t.customdata is not None for i in t.customdata}
    assert ids == set(middle["event_id"])  # the timeline still has a mark per event
    spec = json.loads(build_map(middle, reference_sites(tables["places"]), None).to_json())
    assert CELLS_LAYER in {layer["id"] for layer in spec["layers"]}


def test_cell_circles_fit_their_cell_at_the_zoom(big):
    from dashboard.map_cells import cell_marks, within_cells

    _, view = big
    cells = cell_marks(view, size=0.5)
    fitted = within_cells(cells, degrees_per_px=0.5 / 20)  # a cell is 20 px wide
    assert fitted["radius_px"].max() <= 9.0 < cells["radius_px"].max()
    assert list(fitted["count"]) == list(cells["count"])


def test_arcs_at_scale_are_one_per_route_between_cells():
    from dashboard.map_cells import route_arcs
    from dashboard.map_flows import ARC_COLUMNS

    rows = [
        ["e1", "p1", "p2", 36.1, 35.1, 40.1, 34.1, 100.0, "", "AFP", 4.0, "Moved: A → B"],
        ["e2", "p3", "p2", 36.3, 35.3, 40.1, 34.1, 9000.0, "", "AP", 7.0, "Moved: C → B"],
        ["e3", "p1", "p4", 36.1, 35.1, 38.5, 36.5, None, "", "AP", 2.0, "Moved: A → D"],
    ]
    arcs = pd.DataFrame(rows, columns=ARC_COLUMNS)
    routes = route_arcs(arcs, size=1.0)
    assert list(routes.columns) == ARC_COLUMNS
    assert len(routes) == 2
    joined = routes[routes["to_lon"] == 40.1].iloc[0]
    assert joined["from_lon"] == pytest.approx(36.2) and joined["width_px"] == 7.0
    assert joined["tip"] == "Moved between these cells: 2 reported movements"
    assert routes[routes["to_lon"] == 38.5].iloc[0]["tip"] == "Moved: A → D"


def test_at_scale_only_the_busiest_routes_are_drawn():
    from dashboard.map_cells import route_arcs
    from dashboard.map_flows import ARC_COLUMNS

    rows = []
    for i in range(6):  # route i (one cell to another) reported i + 1 times
        for j in range(i + 1):
            rows.append([f"e{i}-{j}", "a", "b", 30.5 + i, 35.5, 40.5, 30.5 + i, 10.0, "",
                         "AP", 2.0 + (i == 1), f"Moved: {i}"])  # fmt: skip
    arcs = pd.DataFrame(rows, columns=ARC_COLUMNS)
    assert len(route_arcs(arcs, size=1.0, keep=10)) == 6
    kept = route_arcs(arcs, size=1.0, keep=3)
    assert list(kept["from_lon"]) == [33.5, 34.5, 35.5]  # the three busiest, in route order
    assert list(kept["tip"]) == [f"Moved between these cells: {n} reported movements"
                                 for n in (4, 5, 6)]  # fmt: skip


def _grouped_counts(view, bins, window=None):
    """The counts as pandas groups them: every event's period, grouped by three keys, the
    label and colour merged from each type's first event (the code before integer codes)."""
    from dashboard.aggregate import type_names

    when = view["date_start"]
    if window is not None:
        when = when.clip(lower=window[0])
    period = when.dt.to_period(bins.freq)
    keys = pd.DataFrame(
        {"area": view["area"], "event_type": view["event_type"], "ordinal": period.array.asi8}
    )[period.notna().to_numpy()]
    counts = keys.groupby(["area", "event_type", "ordinal"], sort=True).size()
    counts = counts.rename("count").reset_index()
    periods = pd.PeriodIndex.from_ordinals(counts["ordinal"].to_numpy(), freq=bins.freq)
    counts["start"], counts["end"] = periods.start_time, periods.end_time
    counts = counts.merge(type_names(view), on="event_type", how="left")
    return counts[["area", "event_type", "label", "colour", "start", "end", "count"]]


@pytest.mark.parametrize("bins", [DAILY, WEEKLY, MONTHLY])
def test_counts_over_integer_codes_are_the_grouped_counts(big, bins):
    _, view = big
    low, high = view["date_start"].min(), view["date_start"].max()
    middle = low + (high - low) / 2
    half = view[view["date_start"] >= middle].reset_index(drop=True)
    text_columns = ["area", "event_type", "label", "colour"]
    as_categories = view.assign(**{c: view[c].astype("category") for c in text_columns})
    cases = [
        (view, None),
        (view, (middle, high)),  # events before the window count at its start
        (half, (middle - pd.Timedelta(days=3), high)),
        (view.iloc[::7].reset_index(drop=True), None),
    ]
    for frame, window in cases:
        expected = _grouped_counts(frame, bins, window)
        assert expected["count"].sum() == len(frame)
        pd.testing.assert_frame_equal(timeline_counts(frame, bins, window), expected)
    # categories (the page's frame above MAX_MARKS), with types and areas never used too
    unused = as_categories.assign(
        event_type=as_categories["event_type"].cat.add_categories(["aaa", "zzz"]),
        area=as_categories["area"].cat.add_categories(["Aleppo"]),
    )
    for frame in (as_categories, unused):
        got = timeline_counts(frame.iloc[::3].reset_index(drop=True), bins, (middle, high))
        expected = _grouped_counts(view.iloc[::3].reset_index(drop=True), bins, (middle, high))
        pd.testing.assert_frame_equal(got, expected)


def test_routes_are_the_named_aggregates_of_every_arc(big):
    """route_arcs' grouped aggregates are those eleven named aggregates gave, exactly."""
    import numpy as np

    from dashboard.map_cells import route_arcs
    from dashboard.map_flows import flow_arcs

    tables, view = big
    arcs = flow_arcs(tables["flows"], view, tables["places"], tables["articles"])
    assert len(arcs) > 100
    for size in (0.05, 0.5, 2.0):
        keys = [np.floor(arcs[c].astype(float) / size).astype(np.int64)
                for c in ("from_lon", "from_lat", "to_lon", "to_lat")]  # fmt: skip
        named = arcs.groupby(keys, sort=True).agg(
            event_id=("event_id", "first"),
            origin=("origin", "first"),
            destination=("destination", "first"),
            from_lon=("from_lon", "mean"),
            from_lat=("from_lat", "mean"),
            to_lon=("to_lon", "mean"),
            to_lat=("to_lat", "mean"),
            count=("count", "max"),
            width_px=("width_px", "max"),
            moves=("event_id", "size"),
        )
        routes = route_arcs(arcs, size, keep=len(arcs))
        assert len(routes) == len(named)
        for column in ("event_id", "origin", "destination", "count", "width_px"):
            pd.testing.assert_series_equal(
                routes[column],
                named[column].reset_index(drop=True),
                check_names=False,
                check_exact=True,
                check_dtype=False,
            )
        for column in ("from_lon", "from_lat", "to_lon", "to_lat"):  # the same floats
            assert routes[column].to_numpy().tobytes() == named[column].to_numpy().tobytes()


def test_grouped_helpers_are_pandas_grouped_aggregates():
    """grouped_means / grouped_max / grouped_first give what pandas' groupby gives, to the
    last bit (the map's cell means and routes rely on it), NaN skipped."""
    import numpy as np

    from dashboard.aggregate import grouped_first, grouped_max, grouped_means

    rng = np.random.default_rng(3)
    groups = rng.integers(0, 40, 5_000)
    values = rng.normal(36.0, 3.0, (5_000, 2)) * rng.choice([1e-3, 1.0, 1e4], (5_000, 2))
    values[rng.random((5_000, 2)) < 0.1] = np.nan
    values[groups == 7, 0] = np.nan  # a group with no value in one column
    frame = pd.DataFrame({"g": groups, "a": values[:, 0], "b": values[:, 1]})
    expected = frame.groupby("g", sort=True)[["a", "b"]].mean().to_numpy()
    assert grouped_means(values, groups, 40).tobytes() == expected.tobytes()
    expected_max = frame.groupby("g", sort=True)["a"].max().to_numpy()
    np.testing.assert_array_equal(grouped_max(values[:, 0], groups, 40), expected_max)
    firsts = grouped_first(~np.isnan(values[:, 1]), groups, 40)
    taken = np.where(firsts >= 0, values[np.maximum(firsts, 0), 1], np.nan)
    np.testing.assert_array_equal(taken, frame.groupby("g", sort=True)["b"].first().to_numpy())


def test_every_text_layer_holds_only_the_characters_it_draws(big):
    """A text layer's glyph atlas is drawn in the browser and uploaded before the map's first
    frame: each one asks for the characters of its own texts (deck.gl's 'auto'), not all 96
    printable ones, on the per-event map and on the map of grid cells alike."""
    tables, view = big
    basemap = load_basemap(ROOT / "data" / "geo" / "basemap.geojson")
    sites = reference_sites(tables["places"])
    for shown in (view, view.head(40)):
        spec = json.loads(build_map(shown, sites, basemap).to_json())
        texts = [layer for layer in spec["layers"] if layer["@@type"] == "TextLayer"]
        assert {layer["id"] for layer in texts} >= {"country-labels", "site-labels"}
        assert len(texts) == 3  # and the counts: per cell or per marker
        assert all(layer.get("characterSet") == "auto" for layer in texts), texts
