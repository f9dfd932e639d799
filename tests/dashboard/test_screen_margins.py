"""The timeline's margins set on the server (`dashboard.screen_margins`, issue 10): as wide as
Plotly's automatic margins would make them, so Plotly does not move them and draw the chart a
second time. The widths and margins Chromium drew with (headless, DejaVu Sans for Arial) are
the references: 'Elsewhere' in bold 12 px measured 69.42 px and was given a 90.42 px margin
ask; a week's last label '09 Jan' measured 37.59 px and asked 30.80 px on the right; count
lanes with ticks 0-40, 0-4, 0-80 and 0-150 ended with a left margin of 78 px."""

from __future__ import annotations

import pandas as pd
import pytest

from dashboard.screen_figure import screen_figure
from dashboard.screen_margins import (
    auto_ticks,
    fixed_margins,
    label_width,
    text_width,
    tick_text,
    top_room,
)
from dashboard.timeline import build_timeline
from dashboard.views import event_frame
from etl.schemas import AREAS
from etl.synthetic import synthetic_tables


def test_widths_are_dejavu_sans_as_chromium_measured_them():
    assert text_width("09 Jan", 12) == pytest.approx(37.59, abs=0.05)
    assert text_width("Elsewhere", 12, bold=True) == pytest.approx(69.42, abs=0.05)
    assert label_width("<b>Elsewhere</b>", 12) == text_width("Elsewhere", 12, bold=True)
    assert label_width("31 Dec\n2017", 12) == text_width("31 Dec", 12)  # the widest line
    assert label_width("<b>A &amp; B</b>", 12) == text_width("A & B", 12, bold=True)
    assert text_width("地", 12) == 12  # outside the table: one em


@pytest.mark.parametrize(
    ("top", "length", "ticks"),
    [
        (56, 110.25, [0, 20, 40]),  # Chromium's ticks for these lanes (100,000 events, one type)
        (4, 110.25, [0, 1, 2, 3, 4]),
        (81, 110.25, [0, 20, 40, 60, 80]),
        (144, 110.25, [0, 50, 100, 150]),
        (2, 110.25, [0, 0.5, 1, 1.5, 2]),
    ],
)
def test_count_ticks_are_plotlys(top, length, ticks):
    assert auto_ticks(top / 0.95, length) == pytest.approx(ticks)


def test_tick_labels_are_written_as_plotly_writes_them():
    assert [tick_text(v, 2, 0.5) for v in (0, 0.5, 1.0, 1.5)] == ["0", "0.5", "1", "1.5"]
    assert tick_text(150.0, 150, 50) == "150"
    assert tick_text(15_000.0, 20_000, 5_000) == "15k"


def _view(events: int, names: dict[str, str] | None = None) -> tuple[pd.DataFrame, tuple]:
    view = event_frame(synthetic_tables(events, seed=11))
    if names:
        view["area"] = view["area"].map(lambda a: names.get(a, a))
    return view, tuple(names.get(a, a) for a in AREAS) if names else AREAS


def test_a_long_lane_name_gets_its_room_on_the_left():
    long = "Baghouz and the last Euphrates pocket (Deir ez-Zor)"
    view, areas = _view(60, {"Baghouz": long})
    layout = screen_figure(build_timeline(view, areas, "Events")).to_dict()["layout"]
    room = text_width(long, 12, bold=True) + 12 + 8 + 1  # label, Plotly's pad, margin pad, 1 px
    assert layout["margin"]["l"] == round(room)
    assert layout["yaxis"]["automargin"] is True  # Plotly still widens it if a font is wider
    short = screen_figure(build_timeline(*_view(60), "Events")).to_dict()["layout"]
    assert short["margin"]["l"] == 100  # the lane names fit the timeline's own margin


def test_a_week_axis_ending_on_a_tick_gets_half_its_last_label_on_the_right():
    view, areas = _view(60)
    first = view["date_start"].min().normalize()
    week = view[view["date_start"] < first + pd.Timedelta(days=7)]
    window = (first, first + pd.Timedelta(days=6))
    layout = screen_figure(build_timeline(week, areas, "Events", window=window)).to_dict()["layout"]
    end = pd.Timestamp(layout["xaxis"]["range"][1])
    assert end == end.normalize()  # the range ends at midnight, on a tick of the day ticks
    half = text_width(end.strftime("%d %b"), 12) / 2 + 12
    assert layout["margin"]["r"] == max(20, round(half))
    everything = screen_figure(build_timeline(view, areas, "Events")).to_dict()["layout"]
    assert everything["margin"]["r"] == 20  # Plotly's own ticks: nothing known, kept


def test_count_lanes_get_room_for_their_numbers_and_title():
    view, areas = _view(3_000)
    figure = screen_figure(build_timeline(view, areas, "Events")).to_dict()
    layout = figure["layout"]
    assert any(t["type"] == "bar" and t.get("yaxis") == "y2" for t in figure["data"])
    widest = 0.0
    for name in [k for k in layout if k.startswith("yaxis")]:
        axis = "y" + name[len("yaxis") :]
        stacks: dict = {}
        for trace in figure["data"]:
            if (trace.get("yaxis") or "y") == axis:
                for x, y in zip(trace["x"], trace["y"]):
                    stacks[x] = stacks.get(x, 0) + y
        low, high = layout[name]["domain"]
        plot = layout["height"] - layout["margin"]["t"] - layout["margin"]["b"]
        ticks = auto_ticks(max(stacks.values()) / 0.95, (high - low) * plot)
        widest = max(widest, max(text_width(tick_text(t, ticks[-1], ticks[1]), 12) for t in ticks))
    # label, Plotly's pad, the margin's pad, 1 px, the title 'events' (14 px) and its standoff
    assert layout["margin"]["l"] == max(60, round(widest + 12 + 8 + 1 + 0.7 * 14 + 24))
    assert layout["margin"]["r"] == 100


def test_a_layout_without_margins_or_automatic_axes_is_left_alone():
    assert fixed_margins({"height": 300}, []) == {"height": 300}
    layout = {"margin": {"l": 40, "r": 10}, "yaxis": {"tickmode": "array", "ticktext": ["x" * 80]}}
    assert fixed_margins(layout, [])["margin"] == {"l": 40, "r": 10}


def test_a_top_date_axis_asks_for_its_lines_above_the_plot():
    """Chromium (Plotly 4.1.1, DejaVu Sans) asked a top margin of 50 px for the timeline's two
    lines of 12 px dates over the plot in the page; in a bare page 32.4 px for one line, 48
    for two, 58 for two of 16 px (session 32, hD22): the estimate is the page's, at most 2 px
    over the bare page's."""
    axis = {"type": "date", "side": "top", "automargin": True, "tickfont": {"size": 12}}
    assert top_room({**axis, "tickformat": "%d %b\n%Y"}, {}) == pytest.approx(50)
    for fmt, size, bare in (("%d %b", 12, 32.4), ("%d %b\n%Y", 12, 48), ("%d %b\n%Y", 16, 58)):
        room = top_room({**axis, "tickformat": fmt, "tickfont": {"size": size}}, {})
        assert bare <= room <= bare + 2
    assert top_room({**axis, "side": "bottom", "tickformat": "%d %b\n%Y"}, {}) == 0
    layout = {"margin": {"l": 100, "r": 20, "t": 30}, "xaxis2": {**axis, "tickformat": "%d %b"}}
    assert fixed_margins(layout, [])["margin"]["t"] == 34  # raised, as plotly.js rounds it
    layout["margin"]["t"] = 96
    assert fixed_margins(layout, [])["margin"]["t"] == 96  # already room: kept


def test_the_tall_timeline_on_screen_leaves_its_top_margin_to_title_and_dates(project_tables):
    view = event_frame(project_tables)
    shown = view[~view["background"].astype(bool) & (view["review_status"] != "pending")]
    layout = screen_figure(build_timeline(shown, AREAS, "T")).to_dict()["layout"]
    room = top_room(layout["xaxis2"], layout)
    assert room == pytest.approx(50)  # the themed axis: two lines of 12 px
    # the title (centred 30 px down, 16 px) ends above the dates, which reach `room` less
    # Plotly's pad above the plot: Plotly never widens this margin (a second drawing)
    assert layout["margin"]["t"] - (room - 12) >= 30 + 16
