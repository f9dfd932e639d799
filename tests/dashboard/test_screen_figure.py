"""The timeline as the reader's page sends it (`dashboard.screen_figure`, issue 10): the
template the browser would apply is applied on the server, as Plotly applies a template, and
nothing left for the browser's copy to change, so Plotly draws it once a rerun."""

from __future__ import annotations

import json

import numpy as np
import plotly.graph_objects as go
import plotly.io as pio
import pytest

from dashboard.ready_figure import ReadyFigure, template
from dashboard.screen_figure import (
    _gridless,
    screen_figure,
    screen_spec,
    screen_theme,
    themed_layout,
    themed_traces,
)
from dashboard.timeline import build_timeline
from dashboard.views import event_frame
from etl.schemas import AREAS
from etl.synthetic import synthetic_tables

AXIS = {"gridcolor": "#eee", "linecolor": "#ddd", "zerolinecolor": "#ccc", "ticks": "",
        "minor": {"gridcolor": "#eee"}, "automargin": True}  # fmt: skip


def test_an_axis_template_reaches_every_axis_and_the_figure_wins():
    layout = {"xaxis": {"type": "date"}, "xaxis2": {"gridcolor": "red"}, "yaxis": {}}
    out = themed_layout(layout, {"xaxis": AXIS, "yaxis": {"ticks": ""}})
    assert out["xaxis"]["type"] == "date" and out["xaxis"]["automargin"] is True
    assert out["xaxis2"]["gridcolor"] == "red" and out["xaxis2"]["linecolor"] == "#ddd"
    assert out["yaxis"]["ticks"] == ""
    assert layout == {"xaxis": {"type": "date"}, "xaxis2": {"gridcolor": "red"}, "yaxis": {}}


def test_colours_from_the_template_switch_nothing_on():
    """Plotly draws an axis line when the figure gives its colour, not when a template does:
    written into the layout, the template's colours come with the switches as they were."""
    out = themed_layout({"xaxis": {}, "yaxis": {"showgrid": False}}, {"xaxis": AXIS, "yaxis": AXIS})
    x, y = out["xaxis"], out["yaxis"]
    assert x["showline"] is False and x["minor"]["showgrid"] is False
    assert x["showgrid"] is True and x["zeroline"] is True  # Plotly's own default for the axis
    assert y["showgrid"] is False  # the figure's own
    own = themed_layout({"xaxis": {"linecolor": "blue"}}, {"xaxis": AXIS})["xaxis"]
    assert own["showline"] is True and own["linecolor"] == "blue"  # as Plotly: the figure's colour
    kept = themed_layout({"xaxis": {}}, {"xaxis": {**AXIS, "showgrid": False, "zeroline": False}})
    assert kept["xaxis"]["showgrid"] is False and kept["xaxis"]["zeroline"] is False


def test_an_oriented_trace_position_axis_has_no_grid_by_default():
    data = [{"type": "bar", "orientation": "h", "yaxis": "y2"}, {"type": "bar", "xaxis": "x3"}]
    assert _gridless(data) == {"yaxis2", "xaxis3"}
    out = themed_layout({"yaxis2": {}, "xaxis": {}}, {"yaxis": AXIS, "xaxis": AXIS}, {"yaxis2"})
    assert out["yaxis2"]["showgrid"] is False and out["yaxis2"]["zeroline"] is False
    assert out["xaxis"]["showgrid"] is True


def test_trace_templates_cycle_per_type():
    styles = {"bar": [{"type": "bar", "opacity": 0.5}, {"type": "bar", "opacity": 0.7}]}
    data = [{"type": "bar"}, {"type": "scatter"}, {"type": "bar", "opacity": 1}, {"type": "bar"}]
    out = themed_traces(data, styles)
    assert [t.get("opacity") for t in out] == [0.5, None, 1, 0.5]
    assert all(t["type"] in ("bar", "scatter") for t in out)


def test_the_spec_has_no_template_typed_arrays_or_choices_left_to_the_browser():
    numbers = np.array([3.5, 1.25, 7.0])
    figure = ReadyFigure(
        [{"type": "bar", "x": np.array([1, 2, 3]), "y": numbers, "name": "a"}],
        {"template": template("plotly_white"), "title": {"text": "Events"}, "height": 400},
    )
    sent = screen_spec(json.loads(pio.to_json(figure, validate=False)))
    text = json.dumps(sent)
    assert "bdata" not in text and "template" not in sent["layout"]
    assert sent["data"][0]["x"] == [1, 2, 3] and sent["data"][0]["y"] == numbers.tolist()
    assert sent["layout"]["title"]["text"] == "<b>Events</b>"  # bold, as Streamlit's theme
    assert sent["layout"]["font"] == screen_theme()["layout"]["font"]
    layout = sent["layout"]
    assert (layout["clickmode"], layout["hovermode"], layout["dragmode"]) == (
        "event+select", "closest", "pan",
    )  # fmt: skip
    again = screen_spec(json.loads(pio.to_json(figure, validate=False)))
    assert again["layout"]["datarevision"] == layout["datarevision"]
    other = go.Figure(figure)
    other.data[0].y = [1, 2, 3]
    changed = screen_spec(json.loads(pio.to_json(other, validate=False)))
    assert changed["layout"]["datarevision"] != layout["datarevision"]


def test_the_theme_is_plotly_white_with_streamlit_merged_into_its_layout():
    """The file was read from the browser (`scripts/plotly_screen_theme.py`); its traces'
    part is the template the figure names, untouched."""
    white = pio.templates["plotly_white"].to_plotly_json()
    theme = screen_theme()
    for kind in ("bar", "scatter"):
        assert theme["data"][kind] == json.loads(json.dumps(white["data"][kind]))
    assert theme["layout"]["xaxis"]["showgrid"] is False  # Streamlit's, not plotly_white's
    assert '"Source Sans"' in theme["layout"]["font"]["family"]


@pytest.mark.parametrize("events", [3_000, 60])  # counts per period; a mark per event
def test_the_timeline_is_sent_with_its_own_values(events):
    view = event_frame(synthetic_tables(events, seed=11))
    figure = build_timeline(view, AREAS, "Events", footer="Sources: x")
    sent = screen_figure(figure).to_dict()
    built = json.loads(pio.to_json(figure, validate=False))
    assert len(sent["data"]) == len(built["data"])
    for mine, theirs in zip(sent["data"], built["data"]):
        plain = screen_spec({"data": [theirs]}, theme={})["data"][0]  # arrays as lists only
        assert _holds(mine, plain)  # every value of the figure's own, unchanged
    layout = screen_spec({"layout": built["layout"]}, theme={}, selectable=False)["layout"]
    del layout["datarevision"], layout["title"]  # the title is bold, tested above
    # the left and right margins only widened, to the room Plotly's automatic margins would
    # take (`dashboard.screen_margins`, tested there)
    margin, own = dict(sent["layout"]["margin"]), layout.pop("margin")
    assert margin["l"] >= own["l"] and margin["r"] >= own["r"]
    assert all(margin[side] == own[side] for side in ("t", "b"))
    assert _holds(sent["layout"], layout)


def _holds(big, small) -> bool:
    """Whether `big` has every value `small` has (nested dicts may have more keys)."""
    if isinstance(small, dict):
        return isinstance(big, dict) and all(
            k in big and _holds(big[k], v) for k, v in small.items()
        )
    if isinstance(small, list):
        return isinstance(big, list) and len(big) == len(small) and all(map(_holds, big, small))
    return big == small


def test_every_axis_skips_plotlys_label_overflow_check_unless_the_figure_sets_its_own():
    """Plotly's check measures every tick label in the page (a layout of the whole page each):
    the margins hold the labels, so the sent timeline turns it off on every axis; a chart with
    no traces keeps Plotly's default axes as they were (their edge label hidden)."""
    view = event_frame(synthetic_tables(3_000, seed=11))
    layout = screen_figure(build_timeline(view, AREAS, "Events")).to_dict()["layout"]
    axes = [k for k in layout if k.startswith(("xaxis", "yaxis"))]
    assert len(axes) >= 4 and all(layout[k]["ticklabeloverflow"] == "allow" for k in axes)
    own = {"xaxis": {"ticklabeloverflow": "hide past domain"}, "yaxis2": {}}
    sent = screen_spec({"data": [{"type": "bar"}], "layout": own}, theme={}, selectable=False)
    assert sent["layout"]["xaxis"]["ticklabeloverflow"] == "hide past domain"
    assert sent["layout"]["yaxis2"]["ticklabeloverflow"] == "allow"
    empty = screen_figure(build_timeline(view.iloc[:0], AREAS, "Events")).to_dict()["layout"]
    assert not any("ticklabeloverflow" in v for k, v in empty.items() if k.endswith("axis"))
