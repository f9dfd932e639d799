"""Choose an event: '20 Feb' matches dates as dates, not as scattered letters."""

from __future__ import annotations

import pandas as pd
import pytest

from dashboard.event_search import find_events, option_label, parse_day
from dashboard.views import event_frame


@pytest.mark.parametrize(
    ("query", "day"),
    [
        ("20 Feb", (None, 2, 20)),
        ("20 february 2019", (2019, 2, 20)),
        ("Feb 20th", (None, 2, 20)),
        ("feb. 20, 2019", (2019, 2, 20)),
        ("2019-02-20", (2019, 2, 20)),
        ("20/2", (None, 2, 20)),
        ("20.02.2019", (2019, 2, 20)),
        ("29 Feb", (None, 2, 29)),
        ("31 Feb", None),
        ("convoy", None),
        ("20", None),
    ],
)
def test_parse_day(query, day):
    assert parse_day(query) == day


def _labels(view: pd.DataFrame) -> pd.Series:
    return pd.Series(
        [option_label(s, e, f"{lab} · {p}: {s_}") for s, e, lab, p, s_ in
         zip(view["date_start"], view["date_end"], view["label"], view["place"], view["summary"])],
        index=view.index,
    )  # fmt: skip


def test_a_day_finds_the_events_whose_window_holds_it(project_tables):
    view = event_frame(project_tables)
    found = view[find_events(view, _labels(view), "20 Feb")]
    assert len(found) > 0
    day = pd.Timestamp("2019-02-20")
    assert ((found["date_start"] <= day) & (found["date_end"] >= day)).all()
    assert not (found["date_start"].dt.month == 3).any()  # no March events
    expected = view[(view["date_start"] <= day) & (view["date_end"] >= day)]
    assert sorted(found["event_id"]) == sorted(expected["event_id"])
    windows = found[found["date_start"] != found["date_end"]]
    assert not windows.empty  # events known within a window holding 20 Feb are found too


def test_words_find_labels_holding_every_word(project_tables):
    view = event_frame(project_tables)
    labels = _labels(view)
    found = view[find_events(view, labels, "convoy baghouz")]
    assert len(found) >= 2
    assert labels[found.index].str.casefold().str.contains("convoy").all()
    assert find_events(view, labels, "  ").all()
    assert not find_events(view, labels, "no such words anywhere").any()


def test_option_labels_start_with_the_iso_date():
    ts = pd.Timestamp
    assert option_label(ts("2019-02-20"), ts("2019-02-20"), "x") == "2019-02-20 · x"
    assert option_label(ts("2019-02-16"), ts("2019-02-21"), "x") == "2019-02-16 → 02-21 · x"
    assert option_label(ts("2018-12-01"), ts("2019-02-19"), "x") == "2018-12-01 → 2019-02-19 · x"


def test_a_day_without_a_year_is_the_last_such_day_up_to_the_latest_event():
    ts = pd.Timestamp
    view = pd.DataFrame(
        {
            "date_start": [ts("2014-01-01"), ts("2018-12-01"), ts("2019-02-20")],
            "date_end": [ts("2014-12-31"), ts("2018-12-31"), ts("2019-03-04")],
        }
    )
    labels = pd.Series(["a", "b", "c"])
    assert find_events(view, labels, "20 Feb").tolist() == [False, False, True]
    assert find_events(view, labels, "20 Dec").tolist() == [False, True, False]
    assert find_events(view, labels, "20 Feb 2014").tolist() == [True, False, False]
