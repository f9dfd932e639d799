"""Benchmark: the dashboard on synthetic stores of growing size (issue 10).

    .venv/bin/python scripts/bench_dashboard.py --sizes 1000 10000 100000 1000000 [--browser]
        [--store 1000000=/tmp/s1m]   # measure an existing store of that size, not a new one
        [--port 8870]                # the browser stage's server port (default: a free one)

Per size, `python -m etl.synthetic --no-exports` writes a store to a temporary folder (above
100,000 events a chunk at a time), unless `--store SIZE=PATH` names one to reuse (it is left
as it is); then, each in its own process (with its own peak memory):

- load: what the app's cached loader does once per build (open the store lazily: the small
  tables read; the event frame and the row ids of each event's claims and figures from the
  build's columnar file, `dashboard/frame_file.py`, or when it has none made from the
  events and the columns it needs of the claims and figures; the filter options; `st.cache_resource` shares
  them, nothing is pickled), then what the reader's page derives from the filtered
  events, part by part (`dashboard.derived`: made once per filter state, then kept), on the
  default filters and after a filter change; and the table's CSV (built only on a click);
- apptest: `dashboard/app.py` under Streamlit's AppTest: a cold run, a rerun with nothing
  changed, then from the default view: one event type, the middle half of the date range,
  back to the default view (its frames kept from before), another event chosen; and the
  bytes of the protos of the default view (what the browser is sent on each rerun);
- browser (`--browser`): `streamlit run` and headless Chromium: server up to both charts
  drawn, a click on an event type to the redrawn timeline, the bytes over the websocket for
  each, and the server's peak memory.

Server-side times are `wall/CPU` seconds: on a shared machine wall time grows with the others'
load, CPU time much less. Prints one table and writes nothing else (stores are removed); a stage
that fails or runs out of time is named for its size, never raised.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from websocket_frames import Frames  # noqa: E402  (scripts/ is on the path when run)

APP = ROOT / "dashboard" / "app.py"
MIB = 2**20
ROWS = """generate_s: generate and write the store (s, wall)
load_s: load: open the store, read the small tables (s, wall/CPU)
frames_s: load: event frame, claims index, filter options (s, wall/CPU)
load_peak_mib: load: peak memory (MiB)
cache_mib: st.cache_data pickle of the loaded data (MiB; none since cache_resource)
unpickle_s: st.cache_data unpickle, every rerun (s; none since cache_resource)
shown_s: default view: filter the events (rows, charts' columns) (s, wall/CPU)
timeline_s: default view: build timeline (s, wall/CPU)
timeline_json_s: default view: timeline to JSON (s, wall/CPU)
arcs_s: default view: evacuation arcs (s, wall/CPU)
map_s: default view: build map (s, wall/CPU)
map_json_s: default view: map to JSON (s, wall/CPU)
picker_s: event-picker labels (s, wall/CPU)
table_s: table rows (s, wall/CPU)
derive_type_s: one event type: everything derived (s, wall/CPU)
derive_dates_s: middle half of the dates: everything derived (s, wall/CPU)
csv_s: table CSV, on click only (before: every rerun) (s, wall/CPU)
csv_mib: CSV behind the download button (MiB)
first_run_s: AppTest: first run, cold (s, wall/CPU)
rerun_s: AppTest: rerun, nothing changed (s, wall/CPU)
filter_s: AppTest: rerun, one event type (s, wall/CPU)
dates_s: AppTest: rerun, middle half of the dates (s, wall/CPU)
back_s: AppTest: rerun, back to the default view (kept) (s, wall/CPU)
select_s: AppTest: rerun, another event chosen (s, wall/CPU)
timeline_mib: sent per rerun: timeline (MiB)
map_mib: sent per rerun: map (MiB)
picker_mib: sent per rerun: event picker (MiB)
table_mib: sent per rerun: table (MiB)
page_mib: sent per rerun: every element (MiB)
apptest_peak_mib: AppTest: peak memory (MiB)
drawn_s: browser: server up to page drawn (s, wall)
first_ws_mib: browser: websocket bytes, first load (MiB)
click_s: browser: click to redrawn timeline (s, wall)
click_all_s: browser: click to the rerun sent whole (s, wall)
click_ws_mib: browser: websocket bytes, one click (MiB)
server_peak_mib: browser: server peak memory (MiB)"""
LABELS = dict(line.split(": ", 1) for line in ROWS.splitlines())


def peak_mib() -> float:
    """This process's peak resident memory so far."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def timed(action: Callable[[], object]) -> tuple[object, list[float]]:
    """The action's result and [wall, CPU] seconds (CPU of every thread of this process)."""
    wall, cpu = time.perf_counter(), time.process_time()
    result = action()
    return result, [time.perf_counter() - wall, time.process_time() - cpu]


def load_stage(store: Path, timeout: float) -> dict:
    """What the app's cached loader does, step by step, then the builders of one rerun."""
    from dashboard.data import load_basemap, load_tables
    from dashboard.event_detail import EventDetail
    from dashboard.filters import filter_options
    from dashboard.frame_file import reader_frame
    from etl.schemas import AREAS
    from etl.settings import Paths

    paths = Paths(store=store)
    loaded, load_s = timed(lambda: load_tables(paths, lazy=True))  # as the app opens it
    tables = loaded.tables
    (frame, _, options), frames_s = timed(
        lambda: (
            (f := reader_frame(tables, loaded.build_id)),  # the build's file, if it has one
            EventDetail(tables, (v := f.view)["event_id"], (f.claim_rows, f.figure_rows)),
            filter_options(v, tables["outlets"], tables["actors"], AREAS),
        )
    )
    view = frame.view
    out = {"load_s": load_s, "frames_s": frames_s, "load_peak_mib": peak_mib()}
    return out | builder_times(tables, view, options, load_basemap(paths.basemap))


def builder_times(tables: dict, view, options, basemap: dict | None) -> dict:
    """Seconds of each part the reader's page derives (`dashboard.derived`), on the default
    filters, part by part; then all of them after choosing one type, or half the dates."""
    import dataclasses

    import pandas as pd

    from dashboard.components.linked import CHOOSER_LIMIT, _labels
    from dashboard.derived import Derived, Source
    from dashboard.filters import default_filters
    from dashboard.views import table_csv
    from etl.schemas import AREAS

    source = Source(view, tables, basemap, AREAS)
    _ = source.sites  # once per build
    default = default_filters(options)
    page = Derived(source, default)
    out: dict = {}
    _, out["shown_s"] = timed(lambda: page.charted)  # the rows, the charts' columns
    _, out["timeline_s"] = timed(lambda: page.timeline)
    _, out["timeline_json_s"] = timed(page.timeline.to_json)
    _, out["arcs_s"] = timed(lambda: page.arcs)
    deck, out["map_s"] = timed(page.deck)
    _, out["map_json_s"] = timed(deck.to_json)
    _, out["picker_s"] = timed(lambda: _labels(page.newest(CHOOSER_LIMIT)))
    _, out["table_s"] = timed(page.table)
    csv, out["csv_s"] = timed(table_csv(page.shown))
    low, high = pd.Timestamp(options.date_min), pd.Timestamp(options.date_max)
    quarter = (high - low) / 4
    changes = {
        "derive_type_s": dataclasses.replace(default, event_types=(options.event_types[0][0],)),
        "derive_dates_s": dataclasses.replace(
            default, date_from=(low + quarter).date(), date_to=(high - quarter).date()
        ),
    }
    for key, filters in changes.items():
        _, out[key] = timed(lambda f=filters: everything(Derived(source, f)))
    return out | {"csv_mib": len(csv) / MIB}


def everything(page) -> None:
    """Every part a rerun of the reader's page uses, as JSON where the browser gets JSON
    (the frame of every column of the events shown is made only for a download or a
    search: not here)."""
    from dashboard.components.linked import CHOOSER_LIMIT

    page.timeline.to_json()
    page.deck_copy().to_json()
    _ = page.by_marker, page.table(), page.outlets, page.shown_as, page.not_drawn, page.legend
    page.rows_of(page.newest(CHOOSER_LIMIT)["event_id"].tolist())


def element_bytes(at) -> dict:
    """Bytes of the protos the last rerun produced: the charts, picker, table and all."""

    def walk(node) -> int:
        own = node.proto.ByteSize() if getattr(node, "proto", None) is not None else 0
        return own + sum(walk(child) for child in getattr(node, "children", {}).values())

    elements = {
        "timeline_mib": lambda: at.get("plotly_chart")[0],
        "map_mib": lambda: at.get("deck_gl_json_chart")[0],
        "picker_mib": lambda: at.selectbox(key="event_choice"),
        "table_mib": lambda: at.dataframe[-1],  # the events table, when its expander is open
    }
    out = {}
    for key, element in elements.items():
        try:
            out[key] = element().proto.ByteSize() / MIB
        except (IndexError, KeyError):
            continue  # not on the page (no events shown): shown as '-'
    return out | {"page_mib": (walk(at.main) + walk(at.sidebar)) / MIB}


def apptest_stage(store: Path, timeout: float) -> dict:
    """The app under AppTest: a cold run, a rerun, then one change at a time."""
    from streamlit.testing.v1 import AppTest

    os.environ["CONFLICT_STORE"] = str(store)
    at = AppTest.from_file(str(APP), default_timeout=timeout)
    out: dict = {}

    def run(key: str, change: Callable[[], object]) -> None:
        _, out[key] = timed(lambda: change().run())
        if at.exception:
            raise RuntimeError(f"{key}: the app raised {at.exception[0].value}")

    run("first_run_s", lambda: at)
    # a session's first run leaves the map out; the browser's width probe asks for it once
    # the timeline is drawn (dashboard/components/width_probe.py): ask as it does (untimed),
    # so that every rerun below carries the map as it does in the browser
    at.session_state["map_width_wanted"] = True
    at.run()
    run("rerun_s", lambda: at)
    out |= element_bytes(at)
    # each change is made from the default view, which is restored (untimed) after it
    run("filter_s", lambda: at.sidebar.multiselect(key="f_types").set_value(["clash"]))
    at.sidebar.multiselect(key="f_types").set_value([]).run()
    low, high = at.sidebar.slider(key="f_dates").value
    middle = (low + (high - low) / 4, high - (high - low) / 4)
    run("dates_s", lambda: at.sidebar.slider(key="f_dates").set_value(middle))
    run("back_s", lambda: at.sidebar.slider(key="f_dates").set_value((low, high)))
    # the table is folded, made only when opened: open it (untimed), as before it was always
    at.session_state["table_open"] = True
    at.run()
    out["table_mib"] = at.dataframe[-1].proto.ByteSize() / MIB
    picker = at.selectbox(key="event_choice")
    # the newest rows of the table are in the chooser (it lists the newest events too)
    newest_first = at.dataframe[-1].value["event_id"].tolist()[::-1]
    other = next(e for e in newest_first if e != picker.value)
    run("select_s", lambda: picker.set_value(other))
    return out | {"apptest_peak_mib": peak_mib()}


def browser_stage(store: Path, timeout: float, port: int = 0) -> dict:
    """`streamlit run` in headless Chromium: time to drawn, one click, websocket bytes
    (`port`: the server's; 0, a free one)."""
    from playwright.sync_api import sync_playwright

    from tests.browser.serving import CHROMIUM, LAUNCH_ARGS, free_port

    port = port or free_port()
    command = [sys.executable, "-m", "streamlit", "run", str(APP), "--server.port", str(port),
               "--server.address", "127.0.0.1", "--server.headless", "true"]  # fmt: skip
    server = subprocess.Popen(command, cwd=ROOT, env={**os.environ, "CONFLICT_STORE": str(store)},
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # fmt: skip
    try:
        url = wait_healthy(port, server, 120)
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, args=LAUNCH_ARGS)
            page = browser.new_page(viewport={"width": 1500, "height": 1800})
            page.set_default_timeout(timeout * 1000)
            out = drive_page(page, url, timeout)
            browser.close()
        status = Path(f"/proc/{server.pid}/status").read_text().splitlines()
        peak = next(int(line.split()[1]) for line in status if line.startswith("VmHWM"))
        return out | {"server_peak_mib": peak / 1024}
    finally:
        server.terminate()
        server.wait(timeout=30)


def wait_healthy(port: int, server: subprocess.Popen, seconds: float, pause: float = 0.2) -> str:
    """The app's URL once its health check answers (its data is loaded on the first visit),
    asked every `pause` s; an error if the server exits or `seconds` pass first. Also used
    by bench_browser.py and click_timeline.py."""
    url, deadline = f"http://127.0.0.1:{port}", time.time() + seconds
    while time.time() < deadline and server.poll() is None:
        try:
            if urllib.request.urlopen(url + "/_stcore/health", timeout=2).read() == b"ok":
                return url
        except OSError:
            time.sleep(pause)
    raise RuntimeError(f"streamlit did not start on port {port}")


def drive_page(page, url: str, timeout: float) -> dict:
    """Open the page until both charts are drawn, then choose one event type."""
    frames = Frames()
    page.on("websocket", frames.attach)
    started = time.perf_counter()
    page.goto(url)
    page.wait_for_selector(".js-plotly-plot .main-svg")
    page.wait_for_selector('[data-testid="stDeckGlJsonChart"] canvas')
    out = {"drawn_s": time.perf_counter() - started}
    frames.wait_finished(page, started, timeout)
    out["first_ws_mib"] = frames.bytes / MIB
    title = page.locator(".js-plotly-plot .gtitle").first.text_content()
    types = page.locator('[data-testid="stMultiSelect"]').filter(has_text="Event types")
    types.locator("input").click()
    option = page.locator('[role="option"]').filter(has_text="Clash").first
    frames.bytes, started = 0, time.perf_counter()
    option.click()
    page.wait_for_function(
        "old => { const t = document.querySelector('.js-plotly-plot .gtitle');"
        " return t && t.textContent !== old; }", arg=title)  # fmt: skip
    out["click_s"] = time.perf_counter() - started
    out["click_all_s"] = frames.wait_finished(page, started, timeout)
    return out | {"click_ws_mib": frames.bytes / MIB}


STAGES = {"load": load_stage, "apptest": apptest_stage, "browser": browser_stage}


def run_child(command: list[str], timeout: float) -> tuple[str, str | None]:
    """Run in a new process group: (stdout, None), or ('', why) on a crash or a timeout."""
    child = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                             text=True, start_new_session=True)  # fmt: skip
    try:
        out, err = child.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        os.killpg(child.pid, signal.SIGKILL)  # the child and any server it started
        child.communicate()
        return "", f"no result within {timeout:.0f} s"
    if child.returncode != 0:
        lines = [line for line in err.splitlines() if line.strip()] or ["no message"]
        return "", f"exit {child.returncode}: {lines[-1][:200]}"
    return out, None


def measure(
    size: int,
    stages: list[str],
    seed: int,
    timeout: float,
    existing: Path | None = None,
    port: int = 0,
) -> dict:
    """Every stage for one size (on `existing`, else a new store); what failed is listed
    under 'errors', not raised."""
    found: dict = {"errors": []}
    with tempfile.TemporaryDirectory(prefix="bench_dashboard_") as tmp:
        store = str(existing or Path(tmp) / "store")
        command = [sys.executable, "-m", "etl.synthetic", "--events", str(size),
                   "--store", store, "--seed", str(seed), "--no-exports"]  # fmt: skip
        started = time.perf_counter()
        _, why = run_child(command, timeout) if existing is None else ("", None)
        if why:
            return {"errors": [f"generate: {why}"]}
        if existing is None:
            found["generate_s"] = time.perf_counter() - started
        for stage in stages:
            command = [sys.executable, __file__, "--child", stage, "--store", store,
                       "--timeout", str(timeout), "--port", str(port)]  # fmt: skip
            out, why = run_child(command, timeout)
            if why:
                found["errors"].append(f"{stage}: {why}")
            else:
                found |= json.loads(out.strip().splitlines()[-1])
    return found


def cell(value: float | list[float] | None) -> str:
    if value is None:
        return "-"
    return "/".join(f"{v:.2f}" for v in value) if isinstance(value, list) else f"{value:.2f}"


def table(sizes: list[int], results: list[dict]) -> str:
    """Measures as rows (each with its unit), sizes as columns; what failed listed below."""
    width = max(len(label) for label in LABELS.values())
    lines = [f"{'events':<{width}}" + "".join(f"{size:>14,}" for size in sizes)]
    for key, label in LABELS.items():
        lines.append(f"{label:<{width}}" + "".join(f"{cell(r.get(key)):>14}" for r in results))
    for size, result in zip(sizes, results):
        lines += [f"{size:,} events, not measured: {reason}" for reason in result["errors"]]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1_000, 10_000])
    parser.add_argument("--browser", action="store_true", help="also measure in Chromium")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--timeout", type=float, default=900.0, help="seconds per stage")
    parser.add_argument(
        "--store", action="append", default=[], metavar="SIZE=PATH",
        help="measure this existing store for that size instead of writing one (repeatable)",
    )  # fmt: skip
    parser.add_argument(
        "--port", type=int, default=0, help="the browser stage's server port (default: a free one)"
    )
    parser.add_argument("--child", choices=list(STAGES), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        stage = STAGES[args.child]
        extra = {"port": args.port} if args.child == "browser" else {}
        print(json.dumps(stage(Path(args.store[0]), args.timeout, **extra)))
        return
    existing = {}
    for item in args.store:
        size, _, path = item.partition("=")
        if not size.isdigit() or not path or not Path(path).exists():
            parser.error(f"--store {item}: expected SIZE=PATH of an existing store")
        existing[int(size)] = Path(path)
    stages = ["load", "apptest"] + (["browser"] if args.browser else [])
    results = [
        measure(size, stages, args.seed, args.timeout, existing.get(size), args.port)
        for size in args.sizes
    ]
    print(table(args.sizes, results))
    print("load average (1, 5, 15 min) at the end:", *(f"{x:.1f}" for x in os.getloadavg()))


if __name__ == "__main__":
    main()
