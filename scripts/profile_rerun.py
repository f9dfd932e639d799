"""Where one rerun of the reader's page spends its time, stage by stage (issue 10).

    .venv/bin/python scripts/profile_rerun.py STORE [--change dates|type|default] [--repeat 3]
    .venv/bin/python scripts/profile_rerun.py STORE --change dates --apptest [--top 30]

Direct calls (the default): the store is loaded as the app loads it, the default view is
derived once (as after the page's first run: the build's arcs and sites made), then for
`--change` a new filter state is derived part by part in the order the page asks for them
(`dashboard.derived.Derived`, then what `app_pages/reader.py` and
`components/linked.py` compute from the events shown), each part timed (wall / CPU ms);
then the filtering as `filters.apply_filters` does it, split into the mask and the copy of
every column of the rows (per column, the slowest listed), for comparison. `--repeat N` derives the state N times anew and prints the medians.

`--apptest`: the same change made under Streamlit's AppTest (a first run, then the change),
with cProfile inside the script thread for the rerun of the change; prints the functions
with the most cumulative time.

Changes, from the default view: `dates` the middle half of the date range (as
`bench_dashboard.py`), `type` one event type (clash), `default` the default view itself.
Prints; writes nothing.
"""

from __future__ import annotations

import argparse
import cProfile
import dataclasses
import io
import os
import pstats
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def timed(action: Callable[[], object]) -> tuple[object, tuple[float, float]]:
    wall, cpu = time.perf_counter(), time.process_time()
    result = action()
    return result, ((time.perf_counter() - wall) * 1000, (time.process_time() - cpu) * 1000)


def load(store: Path):
    from dashboard.data import load_basemap, load_tables
    from dashboard.derived import Source
    from dashboard.event_detail import EventDetail
    from dashboard.filters import filter_options
    from dashboard.frame_file import reader_frame
    from etl.schemas import AREAS
    from etl.settings import Paths

    paths = Paths(store=store)
    loaded = load_tables(paths, lazy=True)
    frame = reader_frame(loaded.tables, loaded.build_id)
    view = frame.view
    detail = EventDetail(loaded.tables, view["event_id"], (frame.claim_rows, frame.figure_rows))
    options = filter_options(view, loaded.tables["outlets"], loaded.tables["actors"], AREAS)
    source = Source(view, loaded.tables, load_basemap(paths.basemap), AREAS)
    return source, options, detail


def changed(options, change: str):
    import pandas as pd

    from dashboard.filters import default_filters

    default = default_filters(options)
    if change == "type":
        return default, dataclasses.replace(default, event_types=("clash",))
    if change == "dates":
        low, high = pd.Timestamp(options.date_min), pd.Timestamp(options.date_max)
        quarter = (high - low) / 4
        return default, dataclasses.replace(
            default, date_from=(low + quarter).date(), date_to=(high - quarter).date()
        )
    return default, default


def stages(page, options, detail, current: str | None) -> list[tuple[str, Callable[[], object]]]:
    """What a rerun computes for a new filter state, in the page's order (`current`: the
    event chosen before the change)."""
    from dashboard.aggregate import aggregated
    from dashboard.components.linked import CHOOSER_LIMIT, _labels
    from dashboard.filters import describe
    from dashboard.mapview import SCREEN_WIDTH_PX
    from dashboard.views import best_documented

    kept: dict = {}

    def chooser() -> str:
        listed_ = page.newest_ids(CHOOSER_LIMIT)
        if current not in listed_ and current and page.holds([current]):
            listed_.append(current)
        kept["listed"] = listed = page.rows_of(listed_)
        chosen = current if current in listed_ else best_documented(listed)
        _labels(listed)
        return chosen

    def detail_row(chosen: str) -> dict:
        listed = kept["listed"]
        return listed[listed["event_id"] == chosen].iloc[0].rename(None).to_dict()

    return [
        ("rows (filter the events)", lambda: page.rows),
        ("charted (the charts' columns)", lambda: page.charted),
        ("header (describe)", lambda: describe(page.filters, options, page.count, 0)),
        ("shown_as line", lambda: page.shown_as),
        ("outlets (sources)", lambda: page.outlets),
        ("sources_line", lambda: page.sources_line),
        ("timeline", lambda: page.timeline),
        ("timeline to_plotly_json", lambda: page.timeline.to_plotly_json()),
        ("timeline as sent (screen_figure)", lambda: page.screen_timeline),
        ("aggregated (caption)", lambda: aggregated(page.charted)),
        ("arcs", lambda: page.arcs),
        ("deck (map)", lambda: page.deck(SCREEN_WIDTH_PX)),
        ("deck to_json", lambda: page.deck_copy(SCREEN_WIDTH_PX).to_json()),
        ("by_marker", lambda: page.by_marker),
        ("legend", lambda: page.legend),
        ("not_drawn", lambda: page.not_drawn),
        ("chooser (newest, best, labels)", lambda: kept.setdefault("chosen", chooser())),
        ("detail: event row", lambda: detail_row(kept["chosen"])),
        ("detail: claims, figures", lambda: detail(kept["chosen"])),
        ("table rows", lambda: page.table()),
    ]


def filter_split(view, filters) -> list[tuple[str, tuple[float, float]]]:
    """apply_filters as two parts: the mask, then the rows taken; then each column's take
    (the slowest 8)."""
    from dashboard.filters import filter_mask

    keep, mask_t = timed(lambda: filter_mask(view, filters))
    _, take_t = timed(lambda: view[keep].reset_index(drop=True))
    positions = keep.to_numpy().nonzero()[0]
    columns = []
    for column in view.columns:
        _, t = timed(lambda c=column: view[c].take(positions))
        columns.append((f"  take {column} ({view[column].dtype})", t))
    columns.sort(key=lambda item: -item[1][1])
    return [("filter: mask", mask_t), ("filter: take rows, reset index", take_t), *columns[:8]]


def direct(store: Path, change: str, repeat: int) -> None:
    from dashboard.derived import Derived

    (source, options, detail), load_t = timed(lambda: load(store))
    print(f"load: {load_t[0]:.0f} / {load_t[1]:.0f} ms (wall / CPU)")
    default, filters = changed(options, change)
    warm = Derived(source, default)  # the first run: the build's sites and arcs, the default
    warm_stages = stages(warm, options, detail, None)
    for _, action in warm_stages:
        action()
    current = warm_stages[-4][1]()  # the chooser's event on the default view
    runs: list[list[tuple[str, tuple[float, float]]]] = []
    for _ in range(repeat):
        page = Derived(source, filters)
        runs.append(
            [(name, timed(action)[1]) for name, action in stages(page, options, detail, current)]
        )
    split = [filter_split(source.view, filters) for _ in range(repeat)]
    page = Derived(source, filters)
    _, whole = timed(lambda: page.shown)
    print(f"change: {change}; {page.count:,} of {len(source.view):,} events shown")
    print(f"{'stage':<44}{'wall ms':>9}{'CPU ms':>9}")
    total = [0.0, 0.0]
    for i, (name, _) in enumerate(runs[0]):
        wall = statistics.median(r[i][1][0] for r in runs)
        cpu = statistics.median(r[i][1][1] for r in runs)
        total[0] += wall
        total[1] += cpu
        print(f"{name:<44}{wall:>9.1f}{cpu:>9.1f}")
    print(f"{'total':<44}{total[0]:>9.1f}{total[1]:>9.1f}")
    print(f"{'(not in a rerun: every column of the events shown,':<44}")
    print(f"{'  made for a download or a search)':<44}{whole[0]:>9.1f}{whole[1]:>9.1f}")
    print("filtering in parts:")
    for i, (name, _) in enumerate(split[0]):
        wall = statistics.median(s[i][1][0] for s in split if i < len(s))
        cpu = statistics.median(s[i][1][1] for s in split if i < len(s))
        print(f"{name:<44}{wall:>9.1f}{cpu:>9.1f}")


def apptest(store: Path, change: str, top: int) -> None:
    from streamlit.runtime.scriptrunner import script_runner
    from streamlit.testing.v1 import AppTest

    os.environ["CONFLICT_STORE"] = str(store)
    at = AppTest.from_file(str(ROOT / "dashboard" / "app.py"), default_timeout=1800)
    _, first = timed(at.run)
    print(f"first run: {first[0]:.0f} / {first[1]:.0f} ms")
    profiler = cProfile.Profile()
    original = script_runner.ScriptRunner._run_script

    def profiled(self, *args, **kwargs):
        profiler.enable()
        try:
            return original(self, *args, **kwargs)
        finally:
            profiler.disable()

    if change == "type":
        action = lambda: at.sidebar.multiselect(key="f_types").set_value(["clash"]).run()  # noqa: E731
    elif change == "dates":
        low, high = at.sidebar.slider(key="f_dates").value
        middle = (low + (high - low) / 4, high - (high - low) / 4)
        action = lambda: at.sidebar.slider(key="f_dates").set_value(middle).run()  # noqa: E731
    else:
        action = at.run
    script_runner.ScriptRunner._run_script = profiled
    try:
        _, t = timed(action)
    finally:
        script_runner.ScriptRunner._run_script = original
    if at.exception:
        raise SystemExit(f"the app raised {at.exception[0].value}")
    print(f"rerun after the change ({change}): {t[0]:.0f} / {t[1]:.0f} ms (under the profiler)")
    out = io.StringIO()
    pstats.Stats(profiler, stream=out).sort_stats("cumulative").print_stats(top)
    print(out.getvalue())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("store", type=Path)
    parser.add_argument("--change", choices=("dates", "type", "default"), default="dates")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--apptest", action="store_true")
    parser.add_argument("--top", type=int, default=40)
    args = parser.parse_args()
    if args.apptest:
        apptest(args.store, args.change, args.top)
    else:
        direct(args.store, args.change, args.repeat)


if __name__ == "__main__":
    main()
