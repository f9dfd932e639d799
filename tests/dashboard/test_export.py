from __future__ import annotations

import io
import subprocess
import sys
import xml.etree.ElementTree as ET

import numpy as np
import pytest
from PIL import Image

from dashboard import export_cli
from dashboard.data import Loaded, load_basemap
from dashboard.export import render, select, slide
from dashboard.palette import TYPE_COLOURS, rgb
from dashboard.views import event_frame
from etl.settings import ROOT, Paths

SVG = "{http://www.w3.org/2000/svg}"


@pytest.fixture(scope="module")
def basemap():
    return load_basemap(Paths().basemap)


@pytest.fixture
def frames(project_tables):
    return event_frame(project_tables), project_tables


def _png(data: bytes) -> Image.Image:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return Image.open(io.BytesIO(data))


def _has_colour(image: Image.Image, colour: str, tol: int = 6, at_least: int = 40) -> bool:
    pixels = np.asarray(image.convert("RGB")).reshape(-1, 3).astype(int)
    close = np.abs(pixels - np.array(rgb(colour)[:3])).max(axis=1) <= tol
    return int(close.sum()) >= at_least


def test_slide_png_is_1920_by_1080_and_twice_that_for_print(frames, basemap):
    view, tables = frames
    figure, _ = slide(view, tables, basemap, {}, show="both")
    assert _png(render(figure, "png")).size == (1920, 1080)
    assert _png(render(figure, "png", scale=2)).size == (3840, 2160)


def test_a4_and_custom_sizes(frames, basemap):
    view, tables = frames
    figure, _ = slide(view, tables, basemap, {"briefing": "a4"}, show="map")
    width, height = _png(render(figure, "png")).size
    assert (width, abs(height - 1754) <= 1) == (1240, True)  # 8.27 x 11.69 in at 150 dpi
    figure, _ = slide(view, tables, basemap, {"briefing": "1280x720"}, show="timeline")
    assert _png(render(figure, "png")).size == (1280, 720)


def test_timeline_rows_are_not_stretched_when_few(frames, basemap):
    """Three airstrikes on a slide's timeline drew bars 110 px tall (1280x720) with 11 px
    labels; their rows now keep at most MAX_ROW_IN each, the box's top where it was."""
    from dashboard.export_timeline import MAX_ROW_IN

    view, tables = frames
    boxes = {}
    for types in ("airstrike", ""):
        figure, _ = slide(view, tables, basemap, {"types": types}, show="timeline")
        (ax,) = [a for a in figure.axes if a.get_yticks().size]
        box = ax.get_position()
        boxes[types] = (box, box.height * figure.get_figheight() / max(ax.get_ylim()))
    (few, few_row), (every, every_row) = boxes["airstrike"], boxes[""]
    assert few_row == pytest.approx(MAX_ROW_IN)
    assert every_row < MAX_ROW_IN  # 22 rows fill the box: left as it was
    assert few.y1 == pytest.approx(every.y1)
    assert few.height < every.height / 2


@pytest.mark.parametrize(
    "window", ["from=2019-01-01&to=2019-01-01", "from=2019-02-18&to=2019-02-24"]
)
def test_a_short_timeline_labels_each_day_once(frames, basemap, window):
    """A day's slide labelled its axis '31 Dec 2018', '31 Dec 2018', '01 Jan 2019', '01 Jan
    2019' ...: the auto locator ticked every 12 hours; now a tick a day."""
    from urllib.parse import parse_qsl

    view, tables = frames
    figure, _ = slide(view, tables, basemap, dict(parse_qsl(window)), show="timeline")
    figure.canvas.draw()
    (ax,) = [a for a in figure.axes if a.get_yticks().size]
    labels = [t.get_text() for t in ax.get_xticklabels() if t.get_text()]
    assert len(labels) >= 3
    assert len(labels) == len(set(labels)), labels


def test_map_png_draws_exactly_the_chosen_types_in_palette_colours(frames, basemap):
    view, tables = frames
    figure, briefing = slide(view, tables, basemap, {"types": "evacuation,detention"}, show="map")
    image = _png(render(figure, "png"))
    assert _has_colour(image, TYPE_COLOURS["evacuation"])
    assert _has_colour(image, TYPE_COLOURS["detention"])
    assert not _has_colour(image, TYPE_COLOURS["airstrike"])  # filtered out: not drawn
    assert [e.label for e in briefing.legend if e.kind == "type"] == ["Detention", "Evacuation"]


def test_svg_parses_and_keeps_hostile_text_as_text(frames, basemap):
    view, tables = frames
    view = view.copy()
    view.loc[0, "summary"] = "<script>alert(1)</script> costs $5 and $6 & more"
    title = "Brief <b>1</b> & $x^2$"
    figure, _ = slide(view, tables, basemap, {"title": title, "bg": "1"}, show="both")
    data = render(figure, "svg")
    root = ET.fromstring(data)
    assert root.tag == f"{SVG}svg"
    texts = " ".join("".join(t.itertext()) for t in root.iter(f"{SVG}text"))
    assert title in texts  # as typed: no markup, no mathematics
    assert not list(root.iter(f"{SVG}script")) and not list(root.iter("script"))


def test_pdf_is_a_pdf(frames, basemap):
    view, tables = frames
    figure, _ = slide(view, tables, basemap, {}, show="timeline")
    data = render(figure, "pdf")
    assert data.startswith(b"%PDF-") and data.rstrip().endswith(b"%%EOF")


def test_unknown_format_is_refused(frames, basemap):
    view, tables = frames
    figure, _ = slide(view, tables, basemap, {}, show="map")
    with pytest.raises(ValueError, match="format 'gif'"):
        render(figure, "gif")


def test_cli_query_filters_the_data(frames, tmp_path, monkeypatch, capsys):
    view, tables = frames
    monkeypatch.setenv("CONFLICT_STORE", str(tmp_path / "no-store"))
    monkeypatch.setattr(export_cli, "load_tables", lambda paths: Loaded(tables, "test"))
    query = "from=2019-02-20&to=2019-02-20&outlets=ap"
    out = tmp_path / "brief.png"
    assert export_cli.run(["map", "--out", str(out), "--query", query, "--title", "T"]) == 0
    expected = select(view, tables, {}, dict(p.split("=") for p in query.split("&"))).shown
    assert 0 < len(expected) < len(view)
    said = capsys.readouterr().out
    assert f"{len(expected)} events, 20 Feb 2019" in said and "reported by Associated Press" in said
    assert _png(out.read_bytes()).size == (1920, 1080)
    whole = tmp_path / "whole.svg"
    assert export_cli.run(["both", "--out", str(whole)]) == 0
    default = (~view["background"] & view["review_status"].ne("pending")).sum()
    assert f": {default} events" in capsys.readouterr().out  # background and pending left out


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["map", "--out", "x.gif"], "x.gif: the file must end in .png, .svg or .pdf"),
        (["map", "--out", "x.png", "--size", "big"], "--size: size 'big'"),
        (["map", "--out", "x.png", "--scale", "50"], "--scale 50.0"),
    ],
)
def test_cli_bad_arguments_get_one_line(args, message):
    result = subprocess.run(
        [sys.executable, "-m", "dashboard.export", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 2
    assert message in result.stderr and "Traceback" not in result.stderr


def test_cli_reports_an_unwritable_file(frames, tmp_path, monkeypatch, capsys):
    _, tables = frames
    monkeypatch.setattr(export_cli, "load_tables", lambda paths: Loaded(tables, "test"))
    target = tmp_path / "missing" / "dir" / "x.pdf"
    assert export_cli.run(["timeline", "--out", str(target)]) == 2
    assert "could not write" in capsys.readouterr().err


def test_the_count_swatch_is_a_filled_disc_not_the_hollow_mark():
    """On the slide, 'Number on a marker' had a hollow circle for swatch: the look of an
    event awaiting review ('Hollow / hatched: extracted, awaiting review'), beside it when
    those are shown. It is a grey disc with a number, as on the screen and the map."""
    from matplotlib.colors import to_hex

    from dashboard.briefing import LegendEntry
    from dashboard.export import _handle

    hollow = _handle(LegendEntry("pending", "Hollow: extracted, awaiting review", "#333333"))
    count = _handle(LegendEntry("count", "Number on a marker", "#333333"))
    disc = count[0] if isinstance(count, tuple) else count
    assert to_hex(hollow.get_markerfacecolor()) == "#ffffff"
    assert to_hex(disc.get_markerfacecolor()) not in ("#ffffff", to_hex("white"))
    assert disc.get_marker() == "o"


def test_a_short_timeline_keeps_its_legend_and_sources_under_it(frames, basemap):
    """A timeline of one lane is drawn no taller than its rows need (its box shrinks, top
    kept): the legend and the sources stayed at the page's foot, 1.7 in of blank slide
    between the dates and the legend. They follow the chart up now."""
    view, tables = frames
    params = {"outlets": "afp", "by": "sdf"}  # 9 events at Baghouz: one lane
    figure, _ = slide(view, tables, basemap, params, show="timeline")
    figure.canvas.draw()
    dpi, chart = figure.dpi, figure.axes[-1].get_window_extent()
    legend = figure.legends[-1].get_window_extent()
    gap_in = (chart.y0 - legend.y1) / dpi  # the dates take 0.35 in under the chart
    assert 0.3 <= gap_in <= 0.6, gap_in
    footer = [t for t in figure.texts if t.get_text().startswith("Sources: ")]
    assert footer and footer[0].get_window_extent().y1 <= legend.y0 + 2
    # a full timeline is not moved: its box is the whole body
    figure, _ = slide(view, tables, basemap, {}, show="timeline")
    figure.canvas.draw()
    chart, legend = figure.axes[-1].get_window_extent(), figure.legends[-1].get_window_extent()
    assert 0.3 <= (chart.y0 - legend.y1) / figure.dpi <= 0.6


def test_an_a4_printout_gives_the_timeline_rows_room_for_their_labels(frames, basemap):
    """A4 with map and timeline: the map took half the body whatever the timeline held, and
    the shipped data's 24 rows got 0.139 in each (13 CSS px) for 11 px labels in bars of 0.6
    of a row: a label ran over the bars above and below. The rows now get MIN_ROW_IN where
    the map keeps MIN_MAP_SHARE of the two (a shorter map zoomed out and spread its rings),
    and a tight row's label is no taller than its bar."""
    from dashboard.export import MIN_MAP_SHARE
    from dashboard.export_timeline import MIN_ROW_IN

    view, tables = frames
    figure, _ = slide(view, tables, basemap, {"briefing": "a4"}, show="both")
    (line,) = [a for a in figure.axes if a.get_yticks().size]
    (drawn,) = [a for a in figure.axes if a is not line]
    inches = figure.get_figheight()
    row = line.get_position().height * inches / max(line.get_ylim())
    assert max(line.get_ylim()) >= 20  # the shipped data: many rows
    assert row >= MIN_ROW_IN - 1e-9
    map_h, line_h = (a.get_position().height * inches for a in (drawn, line))
    assert map_h >= MIN_MAP_SHARE * (map_h + line_h) - 1e-9
    assert drawn.get_position().y0 > line.get_position().y1  # the map above, not over it
    bars = {round(p.get_height(), 3) for p in line.patches if p.get_width() > 0}
    (bar,) = bars - {round(b - t, 3) for t, b in _bands(line)}
    in_bars = [t for t in line.texts if t.get_ha() == "left" and t.get_va() == "center"]
    assert in_bars
    assert max(t.get_fontsize() for t in in_bars) / 72 <= bar * row + 1e-9


def _bands(ax):
    """The lanes' (top, bottom), as their shaded spans (axhspan patches) hold them."""
    spans = [p for p in ax.patches if p.get_width() == 1 and p.get_transform() != ax.transData]
    return [(p.get_y(), p.get_y() + p.get_height()) for p in spans]


def _line_and_map(figure):
    (line,) = [a for a in figure.axes if a.get_yticks().size]
    (drawn,) = [a for a in figure.axes if a is not line]
    return line.get_position(), drawn.get_position()


@pytest.mark.parametrize("size", ["slide", "a4"])
def test_a_timeline_of_one_lane_leaves_no_half_column_blank_s35(frames, basemap, size):
    """`?areas=Idlib&briefing=slide`: the timeline's box beside the map shrank to its three
    rows at the column's top and left the lower 2/3 of the column blank (hD23, hD24); on A4
    the map kept half the body and the timeline's shrunk box left a blank band above the
    legend. Now a slide draws a timeline of few rows across the page above the map, and an
    A4 page gives the map what the rows leave: between the timeline's dates and the next
    thing down (map or legend) there is only the dates' room and a small gap."""
    from dashboard.export import AXIS_ROOM

    view, tables = frames
    figure, _ = slide(view, tables, basemap, {"areas": "Idlib", "briefing": size}, show="both")
    figure.canvas.draw()
    inches, wide = figure.get_figheight(), figure.get_figwidth()
    line, drawn = _line_and_map(figure)
    legend_top = figure.legends[-1].get_window_extent().y1 / figure.dpi
    if size == "slide":
        assert drawn.y1 < line.y0  # the map under the timeline, not beside it
        assert line.width * wide >= 0.8 * (wide - 0.7)  # across the page
        assert (line.y0 - drawn.y1) * inches <= AXIS_ROOM + 0.25
        assert drawn.width * wide >= 0.95 * (wide - 0.7)
    else:
        assert drawn.y0 > line.y1
        assert (drawn.y0 - line.y1) * inches <= 0.25
        assert (line.y0 * inches - legend_top) <= AXIS_ROOM + 0.25
    # the map took the room: taller or wider than it was beside or over a half-blank column
    assert drawn.height * drawn.width * inches * wide >= (30 if size == "slide" else 45)


def test_a_full_timeline_stays_beside_the_map_s35(frames, basemap):
    """Many rows keep the side-by-side slide: the map left, the timeline filling its column."""
    from dashboard.export import STACK_MAP_SHARE

    view, tables = frames
    figure, _ = slide(view, tables, basemap, {}, show="both")
    line, drawn = _line_and_map(figure)
    assert drawn.x1 < line.x0 and abs(drawn.y1 - line.y1) < 0.01
    assert 0 < STACK_MAP_SHARE < 1


@pytest.mark.parametrize("query", [{"areas": "Elsewhere"}, {"areas": "Idlib,Al-Hol"}])
def test_a_few_rows_beside_the_map_fill_its_height_s36(frames, basemap, query):
    """`?areas=Elsewhere&briefing=slide` (5 rows) stayed beside the map with its rows at
    MAX_ROW_IN: the timeline's box shrank to 2.0 in of the map's 4.4 and left the column's
    lower 40% blank (hD25). Now the rows spread over the map's height (its dates level with
    the map's foot), their bars no thicker than FILL_BAR_IN, their labels as before."""
    from dashboard.export import AXIS_ROOM
    from dashboard.export_timeline import FILL_BAR_IN, MAX_ROW_IN

    view, tables = frames
    figure, _ = slide(view, tables, basemap, {**query, "briefing": "slide"}, show="both")
    inches = figure.get_figheight()
    (line_ax,) = [a for a in figure.axes if a.get_yticks().size]
    line, drawn = _line_and_map(figure)
    assert drawn.x1 < line.x0  # still side by side
    assert abs(line.y1 - drawn.y1) < 0.01
    assert abs((line.y0 - drawn.y0) * inches - AXIS_ROOM) < 0.01  # down to the map's foot
    rows = max(b for _, b in _bands(line_ax))
    assert line.height * inches / rows > MAX_ROW_IN  # the rows spread, not shrunk to 0.4 in
    bars = [p.get_height() for p in line_ax.patches if p.get_width() > 0 and p.get_height() < 1]
    assert bars and max(bars) * line.height * inches / rows <= FILL_BAR_IN + 1e-9
