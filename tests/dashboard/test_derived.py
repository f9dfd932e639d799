"""The reader's page parts made from the rows shown (`dashboard.derived`) are those made from
every column of the events shown: the charts from the categorical columns, the chooser's,
the detail's and the table's rows taken by position."""

from __future__ import annotations

import dataclasses
import datetime as dt

import numpy as np
import pandas as pd
import pytest

from dashboard.aggregate import MAX_MARKS, map_as_cells, page_line
from dashboard.briefing import legend_entries
from dashboard.derived import COUNTED, Derived, Source
from dashboard.filters import apply_filters, default_filters, filter_options
from dashboard.map_cells import CELLS_LAYER
from dashboard.mapview import build_map
from dashboard.timeline import build_timeline
from dashboard.views import event_frame, newest, table_frame
from etl.schemas import AREAS


@pytest.fixture(scope="module")
def source():
    from etl.synthetic import synthetic_tables

    tables = synthetic_tables(6_000, seed=5)
    view = event_frame(tables)
    options = filter_options(view, tables["outlets"], tables["actors"], AREAS)
    return Source(view, tables, None, AREAS), options


def _states(options):
    default = default_filters(options)
    low, high = pd.Timestamp(options.date_min), pd.Timestamp(options.date_max)
    quarter = (high - low) / 4
    return [
        default,
        dataclasses.replace(default, event_types=("clash",)),
        dataclasses.replace(
            default, date_from=(low + quarter).date(), date_to=(high - quarter).date()
        ),
        dataclasses.replace(default, include_pending=True, include_background=True),
        dataclasses.replace(default, date_from=(high - pd.Timedelta(days=9)).date()),
        dataclasses.replace(default, date_from=dt.date(1900, 1, 1), date_to=dt.date(1900, 1, 2)),
        dataclasses.replace(default, areas=("Idlib", "Elsewhere"), event_types=("clash", "x")),
        dataclasses.replace(default, outlets=(options.outlets[1][0], options.outlets[3][0])),
        dataclasses.replace(default, claimants=(options.claimants[0][0],), include_pending=True),
    ]


def test_the_rows_shown_are_the_filtered_events(source):
    src, options = source
    for filters in _states(options):
        page = Derived(src, filters)
        expected = apply_filters(src.view, filters)
        pd.testing.assert_frame_equal(page.shown, expected)
        assert page.count == len(expected)
        assert page.in_shown.sum() == len(expected)


def test_charts_from_the_counted_columns_are_those_from_every_column(source):
    src, options = source
    states = _states(options)
    counted = [f for f in states if Derived(src, f).count > MAX_MARKS]
    assert len(counted) >= 3  # counts drawn in most states; the others draw every event
    for filters in states:
        page = Derived(src, filters)
        shown, charted = page.shown, page.charted
        if page.count > MAX_MARKS:
            assert list(charted.columns) == list(COUNTED)
            assert isinstance(charted["event_type"].dtype, pd.CategoricalDtype)
        else:
            assert charted is shown
        timeline = [
            build_timeline(v, AREAS, "t", footer="s", window=page.span).to_json()
            for v in (shown, charted)
        ]
        assert timeline[0] == timeline[1]
        decks = [build_map(v, src.sites, None, arcs=page.arcs).to_json() for v in (shown, charted)]
        assert decks[0] == decks[1]
        assert page_line(shown, page.span) == page_line(charted, page.span) == page.shown_as
        cells = map_as_cells(shown)
        assert cells == map_as_cells(charted) == page.cells
        assert (
            legend_entries(shown, "map", cells)
            == legend_entries(charted, "map", cells)
            == page.legend
        )


def test_the_map_legend_describes_the_marks_the_map_draws(source):
    """Grid cells on the map: the legend explains cells, not markers, halos or type colours
    (at 6,016 airstrikes it said 'Number on a marker' over grey cells); markers: the reverse."""
    src, options = source
    seen = set()
    for filters in _states(options):
        page = Derived(src, filters)
        if not page.count:
            continue
        layers = {layer.id for layer in page.deck().layers}
        kinds = {entry.kind for entry in page.legend}
        text = " ".join(entry.label for entry in page.legend)
        if CELLS_LAYER in layers:
            seen.add("cells")
            assert kinds == {"cell"}, text
            assert "marker" not in text and "halo" not in text
            assert "grid cell" in text
        else:
            seen.add("markers")
            assert {"type", "halo", "count"} <= kinds and "cell" not in kinds, text
            assert "Number on a marker" in text
    assert seen == {"cells", "markers"}  # both kinds of map are checked


def test_rows_taken_by_position_are_those_of_the_shown_frame(source):
    src, options = source
    for filters in _states(options):
        page = Derived(src, filters)
        shown = apply_filters(src.view, filters)
        for limit in (1, 500, 1_000, 10_000):
            fresh = Derived(src, filters)
            pd.testing.assert_frame_equal(fresh.newest(limit), newest(shown, limit))
        pd.testing.assert_frame_equal(
            Derived(src, filters).table(), table_frame(newest(shown, 1_000))
        )
        if shown.empty:
            assert page.holds(["x"]) == [] and page.rows_of(["x"]).empty
            continue
        ids = shown["event_id"]
        hidden = src.view.loc[~src.view["event_id"].isin(ids), "event_id"].head(3).tolist()
        rng = np.random.default_rng(1)
        anywhere = ids.iloc[rng.choice(len(ids), min(5, len(ids)), replace=False)].tolist()
        for wanted in (ids.iloc[-500:].tolist(), anywhere + hidden, [*hidden, "no such id"]):
            fresh = Derived(src, filters)
            expected = shown[ids.isin(wanted)]
            pd.testing.assert_frame_equal(fresh.rows_of(wanted), expected, check_index_type=False)
            assert list(fresh.rows_of(wanted).index) == list(expected.index)
            assert fresh.holds(wanted) == [i for i in wanted if i in set(ids)]
        # the chooser's list: its ids alone, then its rows (found by position)
        for limit in (1, 500, 10_000):
            fresh = Derived(src, filters)
            listed = fresh.newest_ids(limit)
            assert listed == newest(shown, limit)["event_id"].tolist()
            expected = shown[ids.isin(listed)]
            pd.testing.assert_frame_equal(fresh.rows_of(listed), expected, check_index_type=False)
            assert list(fresh.rows_of(listed).index) == list(expected.index)


def test_the_outlets_and_arcs_are_those_of_the_events_shown(source):
    from dashboard.briefing import outlets_of
    from dashboard.map_flows import flow_arcs, flows_not_drawn

    src, options = source
    tables = src.tables
    for filters in _states(options):
        page = Derived(src, filters)
        shown = apply_filters(src.view, filters)
        assert page.outlets == outlets_of(shown)
        direct = flow_arcs(tables["flows"], shown, tables["places"], tables["articles"])
        pd.testing.assert_frame_equal(page.arcs, direct)
        assert page.not_drawn == flows_not_drawn(tables["flows"], shown, tables["places"])


def test_the_areas_named_are_the_slides_default_title_s35(source):
    """The reader page's subtitle names the areas shown as the slide's default title does
    (`briefing.default_title` of every column of the events shown), above `MAX_MARKS` too,
    from the charted columns."""
    from dashboard.briefing import default_title

    src, options = source
    states = _states(options) + [
        dataclasses.replace(default_filters(options), areas=("Idlib",)),
        dataclasses.replace(default_filters(options), areas=("Elsewhere",)),
    ]
    named = set()
    for filters in states:
        page = Derived(src, filters)
        expected = default_title(apply_filters(src.view, filters), filters, options)
        assert page.areas_named(options) == expected
        named.add(expected)
    assert {"Idlib", "Idlib and elsewhere"} <= named
