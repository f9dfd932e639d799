"""Date presets beside the slider: one day, a week, the whole range, steps, typed dates."""

from __future__ import annotations

import datetime as dt

from dashboard import date_presets as dp

D = dt.date
BOUNDS = (D(2019, 1, 1), D(2019, 3, 4))


def test_one_day_is_the_first_day_of_the_range():
    assert dp.one_day((D(2019, 2, 20), D(2019, 2, 28)), BOUNDS) == (D(2019, 2, 20),) * 2


def test_a_week_from_the_first_day_and_moved_back_at_the_end():
    assert dp.one_week((D(2019, 2, 20), D(2019, 2, 20)), BOUNDS) == (D(2019, 2, 20), D(2019, 2, 26))
    # a week asked for on the last days ends on the last day, still seven days long
    assert dp.one_week((D(2019, 3, 2), D(2019, 3, 4)), BOUNDS) == (D(2019, 2, 26), D(2019, 3, 4))
    # bounds shorter than a week: the whole bounds
    short = (D(2019, 3, 1), D(2019, 3, 3))
    assert dp.one_week(short, short) == short


def test_whole_range_and_its_description():
    assert dp.whole_range(BOUNDS) == BOUNDS
    assert dp.describe_range(BOUNDS, BOUNDS) == "the whole range"
    assert dp.describe_range((D(2019, 2, 20),) * 2, BOUNDS) == "one day"
    assert dp.describe_range((D(2019, 2, 20), D(2019, 2, 26)), BOUNDS) == "7 days"


def test_stepping_walks_by_the_window_and_stops_at_the_bounds():
    day = (D(2019, 2, 20),) * 2
    assert dp.step(day, BOUNDS, +1) == (D(2019, 2, 21),) * 2
    assert dp.step(day, BOUNDS, -1) == (D(2019, 2, 19),) * 2
    week = (D(2019, 2, 20), D(2019, 2, 26))
    # only 6 days left after it: the next week is the last seven days
    assert dp.step(week, BOUNDS, +1) == (D(2019, 2, 26), D(2019, 3, 4))
    assert dp.step((D(2019, 3, 4),) * 2, BOUNDS, +1) == (D(2019, 3, 4),) * 2  # already at the end
    assert dp.step((D(2019, 1, 1),) * 2, BOUNDS, -1) == (D(2019, 1, 1),) * 2


def test_typed_dates_never_make_an_empty_or_outside_range():
    assert dp.from_inputs(D(2019, 2, 20), D(2019, 2, 25), "from", BOUNDS) == (
        D(2019, 2, 20),
        D(2019, 2, 25),
    )
    # a 'from' after the 'to' drags the 'to' along, and the reverse
    assert dp.from_inputs(D(2019, 3, 1), D(2019, 2, 25), "from", BOUNDS) == (D(2019, 3, 1),) * 2
    assert dp.from_inputs(D(2019, 3, 1), D(2019, 2, 25), "to", BOUNDS) == (D(2019, 2, 25),) * 2
    assert dp.from_inputs(D(2018, 5, 1), D(2020, 1, 1), "from", BOUNDS) == BOUNDS


def test_the_edges_stop_earlier_and_later_and_say_so():
    first, last = (D(2019, 1, 1), D(2019, 1, 7)), (D(2019, 2, 26), D(2019, 3, 4))
    middle = (D(2019, 2, 1), D(2019, 2, 7))
    assert dp.at_edge(first, BOUNDS, -1) and not dp.at_edge(first, BOUNDS, +1)
    assert dp.at_edge(last, BOUNDS, +1) and not dp.at_edge(last, BOUNDS, -1)
    assert not dp.at_edge(middle, BOUNDS, -1) and not dp.at_edge(middle, BOUNDS, +1)
    assert dp.at_edge(BOUNDS, BOUNDS, -1) and dp.at_edge(BOUNDS, BOUNDS, +1)
    # a step at the edge would change nothing (it clamped silently): that is what at_edge says
    assert dp.step(first, BOUNDS, -1) == first and dp.step(last, BOUNDS, +1) == last
    assert "nothing earlier" in dp.edge_note(first, BOUNDS)
    assert "nothing later" in dp.edge_note(last, BOUNDS)
    assert dp.edge_note(middle, BOUNDS) == "" and dp.edge_note(BOUNDS, BOUNDS) == ""


def test_the_edge_note_names_the_datas_days_not_days_with_events():
    """Session 33: after choosing a type, *Week* is seven days from the data's first day,
    which may hold none of that type, and the caption said 'from the first day with
    events'. The bounds are the data's days, so the note names them as such."""
    first = dp.one_week(BOUNDS, BOUNDS)
    last = (BOUNDS[1] - dt.timedelta(days=2), BOUNDS[1])
    assert dp.edge_note(first, BOUNDS) == "from the data's first day (nothing earlier)"
    assert dp.edge_note(last, BOUNDS) == "up to the data's last day (nothing later)"
    assert "with events" not in dp.edge_note(first, BOUNDS) + dp.edge_note(last, BOUNDS)
