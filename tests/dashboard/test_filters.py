from __future__ import annotations

import dataclasses
import datetime as dt

import pandas as pd
import pytest

from dashboard.filters import (
    Filters,
    apply_filters,
    default_filters,
    describe,
    filter_options,
    filter_rows,
)
from dashboard.views import event_frame
from etl.build import build_tables
from etl.schemas import AREAS


@pytest.fixture
def mini_view(mini):
    tables = build_tables(mini, extract=False)
    view = event_frame(tables)
    return view, filter_options(view, tables["outlets"], tables["actors"], AREAS)


def test_options_come_from_the_data(mini_view):
    _, options = mini_view
    assert (options.date_min, options.date_max) == (dt.date(2020, 1, 6), dt.date(2020, 1, 7))
    assert options.areas == ("Baghouz", "Idlib")
    assert options.outlets == (("paper", "Paper"), ("paper2", "Paper Two"))
    assert dict(options.claimants)["officials"] == "Officials"


FILTER_CASES = [
    # (changes to the default filters, event keys expected)
    ({}, ["alpha-rockets", "beta-convoy"]),
    ({"event_types": ("shelling",)}, ["alpha-rockets"]),
    ({"areas": ("Baghouz",)}, ["beta-convoy"]),
    ({"outlets": ("paper2",)}, ["alpha-rockets"]),
    ({"claimants": ("medics",)}, ["alpha-rockets"]),
    ({"claimants": ("medics", "wire1")}, ["alpha-rockets", "beta-convoy"]),
    ({"date_from": dt.date(2020, 1, 7)}, ["beta-convoy"]),
    ({"areas": ("Baghouz",), "event_types": ("shelling",)}, []),
]


@pytest.mark.parametrize(("changes", "keys"), FILTER_CASES)
def test_apply_filters(mini_view, changes, keys):
    view, options = mini_view
    base = default_filters(options)
    chosen = Filters(**{**base.__dict__, **changes})
    assert apply_filters(view, chosen)["event_key"].tolist() == keys
    # the same rows as positions in the view, in order
    assert view["event_key"].to_numpy()[filter_rows(view, chosen)].tolist() == keys


def test_description_reads_as_english(mini_view):
    view, options = mini_view
    chosen = Filters(
        dt.date(2020, 1, 6),
        dt.date(2020, 1, 6),
        ("shelling",),
        ("Idlib",),
        ("paper", "paper2"),
        ("medics",),
    )
    shown = apply_filters(view, chosen)
    assert describe(chosen, options, len(shown), len(view)) == (
        "1 of 2 events shown: type Shelling / rocket fire, in Idlib, dated 6 Jan 2020, "
        "reported by Paper or Paper Two, claimed by Medics."
    )
    everything = default_filters(options)
    assert describe(everything, options, 2, 2) == (
        "2 of 2 events shown: all event types, in every area, over the whole range, 6–7 Jan 2020."
    )
    # every type and every area ticked one by one ("Select all") says the same
    ticked = dataclasses.replace(
        everything, event_types=tuple(v for v, _ in options.event_types), areas=tuple(options.areas)
    )
    assert describe(ticked, options, 2, 2) == describe(everything, options, 2, 2)


def test_window_overlapping_the_range_is_kept(mini_view):
    view, options = mini_view
    wide = view.assign(date_start=view["date_start"] - dt.timedelta(days=10))
    chosen = Filters(dt.date(2019, 12, 30), dt.date(2019, 12, 31))
    assert len(apply_filters(wide, chosen)) == 2
    assert len(apply_filters(view, chosen)) == 0


def test_permalink_round_trip(mini_view):
    from dashboard.permalink import from_params, to_params

    view, options = mini_view
    assert to_params(default_filters(options), options, None) == {}
    chosen = Filters(
        dt.date(2020, 1, 7),
        dt.date(2020, 1, 7),
        ("evacuation",),
        ("Baghouz",),
        ("paper",),
        ("wire1",),
    )
    params = to_params(chosen, options, "ev_1")
    assert params == {
        "from": "2020-01-07",
        "to": "2020-01-07",
        "types": "evacuation",
        "areas": "Baghouz",
        "outlets": "paper",
        "by": "wire1",
        "event": "ev_1",
    }
    state = from_params(params, options)
    assert state == {
        "f_dates": (dt.date(2020, 1, 7), dt.date(2020, 1, 7)),
        "f_types": ["evacuation"],
        "f_areas": ["Baghouz"],
        "f_outlets": ["paper"],
        "f_claimants": ["wire1"],
        "event_choice": "ev_1",
    }


@pytest.mark.parametrize(
    ("params", "state"),
    [
        ({"types": "evacuation,parade"}, {"f_types": ["evacuation"]}),  # unknown value dropped
        (
            {"from": "2019-01-01", "to": "2030-01-01"},
            {"f_dates": (dt.date(2020, 1, 6), dt.date(2020, 1, 7))},
        ),  # clamped
        ({"from": "yesterday", "to": "2020-01-07"}, {}),  # not a date: ignored
        ({"from": "2020-01-07", "to": "2020-01-06"}, {}),  # reversed: ignored
        ({"bg": "1"}, {}),  # no background events here
        ({"outlets": ",".join(["paper"] * 1000)}, {"f_outlets": ["paper"]}),  # repeated: once
        (
            {"outlets": "paper2,,paper,paper2,x,paper"},
            {"f_outlets": ["paper2", "paper"]},
        ),  # order kept
        (
            {"types": "evacuation," * 500, "by": "wire1,wire1"},
            {"f_types": ["evacuation"], "f_claimants": ["wire1"]},
        ),
        # session 33 (hD23): typed by hand in another case, the value is still read
        (
            {"areas": "baghouz", "types": "Evacuation"},
            {"f_areas": ["Baghouz"], "f_types": ["evacuation"]},
        ),
        ({"outlets": "PAPER,paper, paper2"}, {"f_outlets": ["paper", "paper2"]}),
    ],
)
def test_permalink_never_trusts_the_url(mini_view, params, state):
    from dashboard.permalink import from_params

    _, options = mini_view
    assert from_params(params, options) == state


def _with_batches(view):
    """The mini view with one event from an uploaded batch and one awaiting review later."""
    late = view.iloc[[0]].assign(
        event_id="ev_late", batch_id="b20200201-x", review_status="pending",
        date_start=pd.Timestamp("2020-01-20"), date_end=pd.Timestamp("2020-01-21"),
    )  # fmt: skip
    accepted = view.iloc[[1]].assign(
        event_id="ev_acc", batch_id="b20200201-x", review_status="accepted",
        date_start=pd.Timestamp("2020-01-10"), date_end=pd.Timestamp("2020-01-10"),
    )  # fmt: skip
    return pd.concat([view, late, accepted], ignore_index=True)


@pytest.mark.parametrize("dtype", ["str", "category"])  # the event frame keeps categories
def test_batches_and_date_bounds_cover_every_published_and_asked_for_event(mini_view, dtype):
    view, _ = mini_view
    wider = _with_batches(view)
    # the curated events with no batch at all (as older builds have them), as text or categories
    batch = wider["batch_id"]
    wider["batch_id"] = batch.where(batch != "curated").astype(dtype)
    assert wider["batch_id"].isna().sum() == 2
    options = filter_options(wider, *_names(), AREAS, {"b20200201-x": "January"})
    assert options.batches == (("curated", "curated"), ("b20200201-x", "January (b20200201-x)"))
    assert options.date_bounds(False, False) == (dt.date(2020, 1, 6), dt.date(2020, 1, 10))
    assert options.date_bounds(False, True) == (dt.date(2020, 1, 6), dt.date(2020, 1, 21))
    chosen = Filters(dt.date(2020, 1, 1), dt.date(2020, 1, 31), batches=("b20200201-x",))
    assert apply_filters(wider, chosen)["event_id"].tolist() == ["ev_acc"]
    with_pending = Filters(**{**chosen.__dict__, "include_pending": True})
    assert sorted(apply_filters(wider, with_pending)["event_id"]) == ["ev_acc", "ev_late"]
    curated = Filters(dt.date(2020, 1, 1), dt.date(2020, 1, 31), batches=("curated",))
    assert len(apply_filters(wider, curated)) == 2
    assert "from batch January (b20200201-x)" in describe(chosen, options, 1, 4)


def _names():
    import pandas as pd

    outlets = pd.DataFrame({"outlet_id": ["paper", "paper2"], "name": ["Paper", "Paper Two"]})
    actors = pd.DataFrame({"actor_id": ["medics"], "name": ["Medics"]})
    return outlets, actors


D = dt.date
TOGGLE_CASES = [
    # (current range, old bounds, new bounds, range after)
    (None, (D(2020, 1, 6), D(2020, 1, 10)), (D(2020, 1, 6), D(2020, 1, 21)), (D(2020, 1, 6), D(2020, 1, 21))),
    ((D(2020, 1, 6), D(2020, 1, 10)), (D(2020, 1, 6), D(2020, 1, 10)), (D(2020, 1, 6), D(2020, 1, 21)),
     (D(2020, 1, 6), D(2020, 1, 21))),  # the whole range stays whole
    ((D(2020, 1, 7), D(2020, 1, 8)), (D(2020, 1, 6), D(2020, 1, 10)), (D(2020, 1, 6), D(2020, 1, 21)),
     (D(2020, 1, 7), D(2020, 1, 8))),  # a narrower one is kept
    ((D(2020, 1, 15), D(2020, 1, 20)), (D(2020, 1, 6), D(2020, 1, 21)), (D(2020, 1, 6), D(2020, 1, 10)),
     (D(2020, 1, 6), D(2020, 1, 10))),  # nothing left inside: the new whole range
    ((D(2020, 1, 8), D(2020, 1, 20)), (D(2020, 1, 6), D(2020, 1, 21)), (D(2020, 1, 6), D(2020, 1, 10)),
     (D(2020, 1, 8), D(2020, 1, 10))),  # clamped
]  # fmt: skip


@pytest.mark.parametrize(("current", "old", "new", "after"), TOGGLE_CASES)
def test_dates_after_toggle(current, old, new, after):
    from dashboard.filters import dates_after_toggle

    assert dates_after_toggle(current, old, new) == after


def test_remembered_state_is_checked_against_the_data(mini_view):
    from dashboard.permalink import from_params, valid_state

    view, _ = mini_view
    options = filter_options(_with_batches(view), *_names(), AREAS)
    state = {
        "f_types": ["shelling", "parade"], "f_batches": ["b-retracted"], "f_pending": True,
        "f_dates": (D(2019, 1, 1), D(2020, 1, 15)), "f_background": True,
    }  # fmt: skip
    assert valid_state(state, options) == {
        "f_types": ["shelling"], "f_batches": [], "f_background": False, "f_pending": True,
        "f_dates": (D(2020, 1, 6), D(2020, 1, 15)),
    }  # fmt: skip
    # the whole range then is the whole range now: events published since are not cut off
    then = (D(2020, 1, 6), D(2020, 1, 7))
    assert valid_state({"f_dates": then}, options, whole=then) == {
        "f_dates": (D(2020, 1, 6), D(2020, 1, 10))
    }
    assert valid_state({"f_dates": then}, options, whole=(D(2020, 1, 6), D(2020, 1, 8))) == {
        "f_dates": then
    }
    # a link may reach events after the reviewed ones when it asks for those awaiting review
    linked = from_params({"pending": "1", "to": "2020-01-20", "from": "2020-01-06"}, options)
    assert linked["f_dates"] == (D(2020, 1, 6), D(2020, 1, 20))


def test_counts_of_events_are_written_with_thousands_separators():
    from dashboard.filters import events

    assert events(1, "background event") == "1 background event"
    assert events(7946, "background event") == "7,946 background events"
    assert events(0) == "0 events"


def test_the_area_elsewhere_reads_as_english_s35(mini_view):
    """A slide of the events outside the sites said 'in Elsewhere'."""
    view, options = mini_view
    everything = default_filters(options)

    def said(areas: tuple[str, ...]) -> str:
        chosen = dataclasses.replace(everything, areas=areas)
        return describe(chosen, options, 1, 2)

    assert "events shown: all event types, outside Baghouz, Al-Hol and Idlib," in said(
        ("Elsewhere",)
    )
    assert ", in Idlib or elsewhere," in said(("Idlib", "Elsewhere"))
    assert ", in Idlib," in said(("Idlib",))
