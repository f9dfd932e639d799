"""The grid cells' circles and counts at scale (issue 10): at 100,000 events the A4 slide's
counts overlapped and were cut by the map's frame ('9,04', ',612'), circles lay over circles
and counts under the sites' names."""

from __future__ import annotations

import itertools

import pandas as pd
import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from dashboard.data import load_basemap
from dashboard.export import select
from dashboard.export_map import draw_map, site_places, text_width
from dashboard.map_cells import APART_MIN_PX, COUNT_FONT_PX, apart, count_labels, count_text
from dashboard.map_layout import offset_labels, reference_sites
from dashboard.mapview import fit_marks, marks_at
from dashboard.views import event_frame
from etl.settings import Paths
from etl.synthetic import synthetic_tables


def _cells(rows):
    """Cells at px positions given as (x, y) = (lon, lat): `to_px` is the identity."""
    frame = pd.DataFrame(rows, columns=["lon", "lat", "count", "radius_px"])
    return frame.assign(count_text=frame["count"].map(count_text), ring_px=frame["radius_px"])


def _identity(lon, lat):
    return lon, lat


def _width(text):
    return 6.0 * len(text)


def test_counts_are_short_enough_for_their_circle():
    assert [count_text(n) for n in (7, 612, 999, 1_000, 9_041, 9_960, 10_000, 12_345)] == [
        "7", "612", "999", "1.0k", "9.0k", "9.9k", "10k", "12k"
    ]  # fmt: skip


def test_circles_keep_clear_of_larger_neighbours():
    cells = _cells([[100, 100, 500, 20], [130, 100, 400, 20], [300, 300, 50, 10],
                    [101, 101, 3, 8]])  # fmt: skip
    out = apart(cells, _identity)
    # the largest keeps its size; its neighbour 30 px away is shrunk to the 9 px left (less 1)
    assert out["radius_px"].tolist() == [20.0, 9.0, 10.0, APART_MIN_PX]
    assert out["ring_px"].tolist() == out["radius_px"].tolist()
    assert out["into"].tolist() == [-1, -1, -1, 0]  # the last lies in the first's circle
    assert out["count"].tolist() == cells["count"].tolist()
    assert apart(cells.head(1), _identity)["into"].tolist() == [-1]
    # the count of a cell inside a larger one's circle is written with that one's
    labels = count_labels(out, _identity, (500, 400), _width)
    assert labels == ["503", "", "50", ""]  # 400 does not fit in its circle shrunk to 9 px
    split = _cells([[100, 100, 7_000, 20], [105, 100, 2_500, 20]])
    assert count_labels(apart(split, _identity), _identity, (500, 400), _width) == ["9.5k", ""]


def test_counts_are_written_only_where_whole_and_clear():
    cells = _cells([
        [100, 100, 9_041, 20],  # written
        [110, 104, 612, 20],  # would overlap the first's: not written
        [5, 200, 700, 20],  # cut by the frame's left edge: not written
        [300, 200, 80, 5],  # wider than its circle: not written
        [300, 300, 40, 12],  # under a site's name: not written
        [400, 100, 2_500, 14],  # written
    ])  # fmt: skip
    labels = count_labels(cells, _identity, (500, 400), _width, [(280, 290, 360, 310)])
    assert labels == ["9.0k", "", "", "", "", "2.5k"]
    # without the site, the count under it is written
    assert count_labels(cells, _identity, (500, 400), _width)[4] == "40"


@pytest.fixture(scope="module")
def crowded():
    """A synthetic store's events, each drawn 40 times over: counts in the thousands per cell,
    as at 100,000 events."""
    tables = synthetic_tables(2_000, seed=5)
    view = select(event_frame(tables), tables, {}, {}).shown
    return tables, pd.concat([view] * 40, ignore_index=True)


def _crossed(box, xy, cells):
    """How many of the circles reach into the box."""
    crossed = 0
    for (x, y), r in zip(xy, cells["radius_px"]):
        near_x, near_y = min(max(x, box[0]), box[2]), min(max(y, box[1]), box[3])
        crossed += (near_x - x) ** 2 + (near_y - y) ** 2 < r * r
    return crossed


def _boxes(ax, texts):
    renderer = ax.figure.canvas.get_renderer()
    return [t.get_window_extent(renderer) for t in texts]


@pytest.mark.parametrize("size", [(1000, 500), (740, 1060), (500, 440), (600, 600)])
def test_the_slides_counts_are_whole_apart_and_clear_of_the_sites(crowded, size):
    tables, view = crowded
    basemap = load_basemap(Paths().basemap)
    sites = reference_sites(tables["places"])
    width, height = size
    fig = Figure(figsize=(width / 96, height / 96), dpi=96)
    FigureCanvasAgg(fig)
    ax = fig.add_axes((0, 0, 1, 1))
    view_drawn = draw_map(ax, view, sites, basemap, width, height)
    counts = [t for t in ax.texts if t.get_zorder() == 8]
    names = [t for t in ax.texts if t.get_zorder() == 9]
    assert counts and len(names) == len(sites)
    frame = ax.get_window_extent(fig.canvas.get_renderer())
    count_boxes, name_boxes = _boxes(ax, counts), _boxes(ax, names)
    for box in count_boxes:  # none cut by the frame
        assert frame.x0 <= box.x0 and box.x1 <= frame.x1 and frame.y0 <= box.y0
        assert box.y1 <= frame.y1
    for a, b in itertools.combinations(count_boxes, 2):
        assert not a.overlaps(b)
    for a in count_boxes:
        assert not any(a.overlaps(b) for b in name_boxes)
    # no circle over another's
    fitted = fit_marks(view, sites, width, height)
    cells, _ = marks_at(view, fitted, view_drawn)
    xy = [view_drawn.to_px(lon, lat) for lon, lat in zip(cells["lon"], cells["lat"])]
    for (i, p), (j, q) in itertools.combinations(enumerate(xy), 2):
        gap = ((p[0] - q[0]) ** 2 + (p[1] - q[1]) ** 2) ** 0.5
        small = min(cells["radius_px"].iloc[i], cells["radius_px"].iloc[j])
        if small > APART_MIN_PX:
            assert gap >= cells["radius_px"].iloc[i] + cells["radius_px"].iloc[j]
    # the names as placed clear of the circles (`site_places`): the drawn names are in their
    # boxes, over no more circles than on the right of their dot, as the page writes them
    places = site_places(view_drawn, offset_labels(sites, cells), cells)
    right = site_places(view_drawn, offset_labels(sites, cells))
    moved = 0
    for drawn, (*_, kept), (*_, first) in zip(name_boxes, places, right):
        assert kept[0] <= drawn.x0 + 0.5 and drawn.x1 <= kept[2] + 0.5
        assert _crossed(kept, xy, cells) <= _crossed(first, xy, cells)
        moved += kept != first
    assert moved  # at least one name was moved off the circles (here 'Idlib')
    assert text_width("9.0k", COUNT_FONT_PX) < text_width("9,041", COUNT_FONT_PX)
