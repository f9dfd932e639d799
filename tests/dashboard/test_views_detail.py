from __future__ import annotations

import pandas as pd
import pytest

from dashboard.detail import event_claims, event_figures, figure_ranges, format_figure
from dashboard.views import claim_frame, event_frame, format_date_window, table_frame
from etl.build import build_tables


@pytest.mark.parametrize(
    ("start", "end", "text"),
    [
        ("2019-02-20", "2019-02-20", "20 Feb 2019"),
        ("2019-02-16", "2019-02-17", "16–17 Feb 2019"),
        ("2019-01-28", "2019-02-19", "28 Jan – 19 Feb 2019"),
        ("2018-12-20", "2019-01-03", "20 Dec 2018 – 3 Jan 2019"),
    ],
)
def test_format_date_window(start, end, text):
    assert format_date_window(pd.Timestamp(start), pd.Timestamp(end)) == text


@pytest.mark.parametrize(
    ("low", "high", "qualifier", "text"),
    [
        (15, None, "at least", "at least 15"),
        (1000, 1500, "exact", "1,000–1,500"),
        (3000, 3000, "about", "about 3,000"),
        (200, 999, "hundreds", "hundreds (200–999)"),
        (22, 22, "exact", "22"),
    ],
)
def test_format_figure(low, high, qualifier, text):
    assert format_figure(low, high, qualifier) == text


def test_event_detail_lists_every_claim_and_figure_side_by_side(mini):
    tables = build_tables(mini, extract=False)
    view = event_frame(tables).set_index("event_key")
    rockets = view.loc["alpha-rockets"]
    assert rockets["outlets"] == ["Paper", "Paper Two"]
    assert rockets["figures_text"] == "injured 6; killed 4–5"
    claims = event_claims(claim_frame(tables), rockets["event_id"])
    assert claims["claimant"].tolist() == ["Wire", "medics", "Officials"]
    figures = event_figures(tables["figures"], claim_frame(tables), rockets["event_id"])
    killed = figures[figures["quantity"] == "killed"]
    assert killed[["value", "outlet"]].values.tolist() == [
        ["at least 4", "Paper"],
        ["at least 5", "Paper Two"],
    ]
    ranges = figure_ranges(figures).set_index("quantity")
    assert (
        ranges.at["killed", "low"],
        ranges.at["killed", "high"],
        ranges.at["killed", "sources"],
    ) == (4, 5, 2)


def test_table_frame_is_what_the_csv_holds(mini):
    view = event_frame(build_tables(mini, extract=False))
    table = table_frame(view)
    assert table["date"].tolist() == ["6 Jan 2020", "7 Jan 2020"]
    assert table.columns[:4].tolist() == ["date", "date_start", "date_end", "date_precision"]
    assert table.loc[0, "outlets"] == "Paper, Paper Two"


def test_best_documented_event_opens_first(project_tables):
    from dashboard.views import best_documented

    view = event_frame(project_tables)
    chosen = view.set_index("event_id").loc[best_documented(view)]
    assert chosen["independent_sources"] == view["independent_sources"].max()
    top = view[view["independent_sources"] == view["independent_sources"].max()]
    assert chosen["n_claims"] == top["n_claims"].max()
    assert chosen["independent_sources"] >= 2  # AP and AFP both report it


def test_rejected_events_are_not_shown_to_readers(project_tables):
    from dashboard.views import event_frame

    tables = dict(project_tables)
    events = tables["events"].copy()
    pending = events.index[events["review_status"] == "pending"][0]
    events.loc[pending, "review_status"] = "rejected"
    tables["events"] = events
    shown = event_frame(tables)
    assert events.loc[pending, "event_id"] not in set(shown["event_id"])
    assert len(shown) == len(events) - 1


def _figure_texts_by_scan(figures, event_ids):
    """The former per-event scan, kept here as the reference the grouped pass must equal
    (since session 20 with its vague tolls: the dead told only by a vague word are unknown)."""
    import pandas as pd

    from dashboard.views import TOLL_FIGURES
    from etl.extraction.vague_words import VAGUE_QUALIFIERS

    def span(group, words=False):
        values = pd.concat([group["value_low"].dropna(), group["value_high"].dropna()])
        lo, hi = values.min(), values.max()
        # a vague word with no upper bound ('hundreds' 100-null, C4 since session 25)
        open_word = (
            group["qualifier"].isin(VAGUE_QUALIFIERS)
            & group["value_high"].isna()
            & group["value_low"].notna()
        ).any()
        if open_word and words:
            return f"{group['value_low'].min():,.0f} or more"
        if open_word and lo == hi:
            return f"{lo:,.0f}+"
        return f"{lo:,.0f}" if lo == hi else f"{lo:,.0f}–{hi:,.0f}"

    texts = []
    for event in event_ids:
        rows = figures[figures["event_id"] == event]
        parts = []
        for quantity, group in rows.groupby("quantity", sort=True):
            name = quantity.replace("_", " ")
            vague = group["qualifier"].isin(VAGUE_QUALIFIERS) & (quantity in TOLL_FIGURES)
            counted, words = group[~vague], group[vague]
            word = "/".join(sorted(set(words["qualifier"])))
            if words.empty:
                parts.append(f"{name} {span(group)}")
            elif counted.empty:
                parts.append(f"{name} unknown ({word}, {span(words, True)})")
            else:
                parts.append(f"{name} {span(counted)} (and {word})")
        texts.append("; ".join(parts))
    return texts


def test_figure_ranges_per_event_equal_the_per_event_scan(project_tables):
    from dashboard.views import _figure_texts

    figures, events = project_tables["figures"], project_tables["events"]["event_id"]
    grouped = _figure_texts(figures, events)
    assert grouped == _figure_texts_by_scan(figures, events)
    assert sum(bool(t) for t in grouped) > 20
    assert any(t.endswith("trucks 15–22") for t in grouped)


def test_outlets_and_claimants_per_event_are_sorted_distinct_and_non_empty(mini):
    tables = build_tables(mini, extract=False)
    claims = tables["claims"]
    # a second claim of the rockets event by the same outlet, and one with no claimant
    extra = claims.iloc[[0, 0]].copy()
    extra["claim_id"] = ["c_dup", "c_none"]
    extra["claimant_actor"] = [claims["claimant_actor"].iloc[0], None]
    view = event_frame(tables | {"claims": pd.concat([claims, extra], ignore_index=True)})
    for column in ("outlet_ids", "outlets", "claimant_actors", "claimant_orgs"):
        for values in view[column]:
            assert values == sorted(set(values)) and all(isinstance(v, str) and v for v in values)
    event = claims["event_id"].iloc[0]
    row = view.set_index("event_id").loc[event]
    assert row["n_claims"] == (claims["event_id"] == event).sum() + 2
    before = event_frame(tables).set_index("event_id").loc[event]
    assert row["outlets"] == before["outlets"]  # the same outlet twice is listed once


def test_the_table_lists_the_newest_rows_and_the_csv_every_row(mini):
    from dashboard.views import newest, table_csv

    view = event_frame(build_tables(mini, extract=False))
    assert newest(view, 1)["event_id"].tolist() == view["event_id"].tolist()[-1:]
    assert newest(view, 50) is view
    csv = table_csv(view)().decode("utf-8").splitlines()
    assert len(csv) == len(view) + 1 and csv[0].startswith("date,date_start,date_end")


def test_chooser_labels_are_option_labels():
    """The chooser's labels with numpy's dates are those `option_label` writes."""
    from dashboard.components.linked import _labels
    from dashboard.event_search import option_label
    from dashboard.text import plain_text

    starts = ["2019-02-20", "2019-02-16", "2018-12-30", "2019-02-20 00:00", "2019-03-01"]
    ends = ["2019-02-20", "2019-02-21", "2019-01-02", "2019-02-20 23:59", "2019-03-01"]
    rows = pd.DataFrame(
        {
            "event_id": list("abcde"),
            "date_start": pd.to_datetime(starts, format="mixed").as_unit("us"),
            "date_end": pd.to_datetime(ends, format="mixed").as_unit("us"),
            "date_text": ["20 Feb", "16–21 Feb", "x\ny", "t", None],
            "label": list("ABCDE"),
            "place": ["Baghouz"] * 5,
            "summary": ["two  spaces", "s", "s", None, "z"],
        }
    )
    expected = {
        r.event_id: plain_text(
            option_label(r.date_start, r.date_end, f"{r.date_text} · {r.label} · {r.place}: "
                         f"{r.summary}")
        )
        for r in rows.itertuples()
    }  # fmt: skip
    assert _labels(rows) == expected
    assert expected["b"].startswith("2019-02-16 → 02-21 · ")
