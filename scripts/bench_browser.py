"""Benchmark: the reader's page in headless Chromium, from the server's start to a redrawn page
after a filter click (issue 10, the browser's side; `bench_dashboard.py` is the server's).

    .venv/bin/python scripts/bench_browser.py [--repeat 3] [--port 8607] [--first-page]
        [--launcher serve|run] [--app OTHER/dashboard/app.py] [--trace /tmp/trace]
        default STORE [STORE ...]

`default` is the shipped data (`data/store`); a STORE is a folder such as one written by
`python -m etl.synthetic --events N --store PATH --no-exports`. Chromium is started first;
then per store the app (with the project's `.streamlit/config.toml`) on a loopback port, as
`make run` starts it (`python -m dashboard.serve`: the data loaded before the server reports
itself up) or with `--launcher run` by `streamlit run` (the data loaded on the first visit);
`--app` serves another checkout's app (old code against new, in the same minutes) or
`scripts/bare_page.py` (the lower bound). Then per repeat a fresh browser session
(1280x720) that:

1. opens the page: seconds from the server's health check answering (the first repeat is
   the cold one) to the page drawn: the timeline drawn (Plotly's `plotly_afterplot`) and the
   map drawn (two animation frames after the last frame in which deck.gl made WebGL draw
   calls: that frame committed, the main thread having waited for the GPU process), each
   also on its own; to the page settled (the end of the last main-thread task of 50 ms or
   more, Chrome's long-task timing); the server's first script run (websocket opened to the
   run received) and how many runs the first load took (a second one: the width probe's);
2. chooses one event type in the sidebar, then 3. presses the date preset "Week": seconds
   from the pointer going down to the page redrawn (the later of the timeline redrawn and
   the map redrawn, as above), to each, and to the page settled, and the bytes received over
   the websocket until Streamlit's `script_finished` (one rerun, whole); 4. chooses another
   event in the chooser beside the map (the same figures but the redraws: the detail's own
   run, a fragment's, since 2026-12-03).
   5. (every date again, not timed) chooses the area Idlib: the same figures as 2 and 3.
   `--first-page` stops after 1.

Also counts the bytes fetched from the app's static files (the basemap's images, once a
session), the WebGL draw calls and the WebGL contexts each click made (a new one is a map
drawn anew: shaders compiled again), and the CPU seconds Chromium's processes used, and of
them the GPU process (where software WebGL, SwiftShader, draws), and the server's CPU
seconds (its threads at nice 19 left out: the basemap's tiles drawn ahead): wall time follows
the machine's load; CPU less so.
Prints the median of each figure over the repeats (the first, cold load separately) as a
Markdown table. Times are wall seconds on whatever else the machine is doing: give the load.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import statistics
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from bench_dashboard import wait_healthy  # noqa: E402  (scripts/ is on the path when run)
from websocket_frames import Frames  # noqa: E402

APP = ROOT / "dashboard" / "app.py"
MIB = 2**20
VIEWPORT = {"width": 1280, "height": 720}
#: The event type chosen in the sidebar (in the shipped data and every synthetic store).
TYPE = "Airstrike"
#: The area chosen after it (every date again): in the shipped data and every synthetic store.
AREA = "Idlib"
#: The page is settled once no long task has run for this long after the rerun arrived.
QUIET_S = 1.5
#: Installed before any of the page's own scripts: long tasks, timeline redraws and the time
#: of the last pointer press, all on the page's own clock (performance.now()).
PROBE = """
window.__bench = {tasks: [], plots: [], painted: [], press: 0, contexts: 0, draws: 0, drawn: 0};
// the map drawn: two animation frames after a frame with WebGL draw calls (deck.gl's), i.e.
// once that frame has been committed (the main thread waits in Commit for the GPU process,
// in software WebGL for SwiftShader); deck.gl draws only when something changed
// (a canvas held out of sight, visibility: hidden, is drawn once it is shown: two frames after)
let framePending = false;
const shown = (canvas) => !canvas || getComputedStyle(canvas).visibility === 'visible';
const drew = (gl) => {
  window.__bench.draws++;
  if (framePending) return;
  framePending = true;
  const canvas = gl && gl.canvas;
  requestAnimationFrame(() => {
    framePending = false;
    const done = () => { window.__bench.drawn = performance.now(); };
    requestAnimationFrame(function check(waited) {
      if (!shown(canvas)) requestAnimationFrame(() => check(true));
      else if (waited) requestAnimationFrame(() => requestAnimationFrame(done));
      else done();
    });
  });
};
for (const gl of [window.WebGLRenderingContext, window.WebGL2RenderingContext]) {
  if (!gl) continue;
  for (const name of ['drawArrays', 'drawElements', 'drawArraysInstanced',
                      'drawElementsInstanced']) {
    const draw = gl.prototype[name];
    if (draw) gl.prototype[name] = function (...args) { drew(this); return draw.apply(this, args); };
  }
}
const getContext = HTMLCanvasElement.prototype.getContext;
HTMLCanvasElement.prototype.getContext = function (kind, ...rest) {
  if (String(kind).startsWith('webgl') && !this.__benched) {
    this.__benched = true;
    window.__bench.contexts++;
  }
  return getContext.call(this, kind, ...rest);
};
new PerformanceObserver(list => {
  for (const e of list.getEntries()) window.__bench.tasks.push(e.startTime + e.duration);
}).observe({type: 'longtask', buffered: true});
document.addEventListener('pointerdown', () => { window.__bench.press = performance.now(); },
  true);
const hook = () => document.querySelectorAll('.js-plotly-plot').forEach(gd => {
  if (gd.__benched || typeof gd.on !== 'function') return;
  gd.__benched = true;
  gd.on('plotly_afterplot', () => {
    window.__bench.plots.push(performance.now());
    // on screen: two animation frames after (the frame with the chart has been committed)
    requestAnimationFrame(() => requestAnimationFrame(
      () => window.__bench.painted.push(performance.now())));
  });
});
new MutationObserver(hook).observe(document, {subtree: true, childList: true});
"""


@contextmanager
def serving(
    store: str, port: int, launcher: str = "serve", app: Path = APP
) -> Iterator[tuple[str, float, int]]:
    """The app on `store` ('default': the shipped data), started as `make run` does
    (`launcher` 'serve': `python -m dashboard.serve`, which loads the data before it reports
    itself up) or by `streamlit run` ('run'); yields the URL and the perf_counter when its
    health check first answered, and the server's process id. `app`: another checkout's `dashboard/app.py` (its own
    project folder is the working directory and the import path: old code against new)."""
    root = app.resolve().parent.parent
    env = dict(os.environ, PYTHONPATH=str(root))
    if store != "default":
        env["CONFLICT_STORE"] = store
    flags = ["--server.port", str(port), "--server.address", "127.0.0.1",
             "--server.headless", "true"]  # fmt: skip
    command = (
        [sys.executable, "-m", "dashboard.serve", *flags]
        if launcher == "serve"
        else [sys.executable, "-m", "streamlit", "run", str(app), *flags]
    )
    server = subprocess.Popen(command, cwd=root, env=env, stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL)  # fmt: skip
    try:
        url = wait_healthy(port, server, 600, pause=0.05)
        yield url, time.perf_counter(), server.pid
    finally:
        server.terminate()
        server.wait(timeout=30)


def browser_cpu() -> dict[int, float]:
    """CPU seconds used so far by each of this process's Chromium processes (browser, renderer,
    GPU): on a shared machine a steadier measure of the page's own work than wall time.
    `GPU_PIDS` gathers which of them is the GPU process (WebGL in software runs there)."""
    ticks, parents, used = os.sysconf("SC_CLK_TCK"), {}, {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            text = stat.read_text()
        except OSError:
            continue
        fields = text[text.rindex(")") + 2 :].split()
        pid = int(stat.parent.name)
        parents[pid] = int(fields[1])
        if text[text.index("(") + 1 : text.rindex(")")].startswith("chrom"):
            used[pid] = (int(fields[11]) + int(fields[12])) / ticks
    mine, out = os.getpid(), {}
    for pid, seconds in used.items():
        ancestor = parents.get(pid)
        while ancestor and ancestor != mine:
            ancestor = parents.get(ancestor)
        if ancestor == mine:
            out[pid] = seconds
            if pid not in GPU_PIDS and pid not in OTHER_PIDS:
                try:
                    kind = Path(f"/proc/{pid}/cmdline").read_bytes()
                except OSError:
                    kind = b""
                (GPU_PIDS if b"--type=gpu-process" in kind else OTHER_PIDS).add(pid)
                if b"--type=renderer" in kind:
                    RENDERER_PIDS.add(pid)
    return out


def server_cpu(pid: int) -> float:
    """CPU seconds the server's process has used so far (with its ended threads: a script
    run's thread ends with the run), less what its live threads at nice 19 used (the
    basemap's tiles drawn ahead in the background, `dashboard.basemap_tiles`): what the script
    runs and sending their messages cost, which wall time under load hides."""

    def used(stat: Path) -> tuple[float, int]:
        text = stat.read_text()
        fields = text[text.rindex(")") + 2 :].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK"), int(fields[16])

    total, _ = used(Path(f"/proc/{pid}/stat"))
    for stat in Path(f"/proc/{pid}/task").glob("*/stat"):
        try:
            seconds, nice = used(stat)
        except OSError:  # ended meanwhile
            continue
        if nice >= 19:
            total -= seconds
    return total


GPU_PIDS: set[int] = set()
OTHER_PIDS: set[int] = set()
#: Of OTHER_PIDS, the renderers (the page's main thread: React, Plotly, deck.gl's JavaScript).
RENDERER_PIDS: set[int] = set()


class CpuSampler:
    """Chromium's CPU seconds sampled every `every` s in a thread while open, so the work done
    by a moment on the page's clock (the first viewport drawn, the map drawn) can be read
    back: on a loaded machine a steadier measure than the wall time to that moment."""

    def __init__(self, every: float = 0.1) -> None:
        import threading

        self.every, self.samples = every, []  # (perf_counter s, CPU seconds since the start)
        self._base, self._stop = browser_cpu(), threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        while not self._stop.is_set():
            self.samples.append((time.perf_counter(), cpu_since(self._base)))
            self._stop.wait(self.every)

    def __enter__(self) -> CpuSampler:
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join()

    def at(self, when: float) -> float:
        """CPU seconds used by `when` (perf_counter s): the first sample at or after it."""
        return next((cpu for t, cpu in self.samples if t >= when), float("nan"))


def gpu_since(before: dict[int, float]) -> float:
    """CPU seconds the GPU process used since `before` (SwiftShader drawing the WebGL)."""
    now = browser_cpu()
    return sum(now[pid] - before.get(pid, 0.0) for pid in now if pid in GPU_PIDS)


def renderer_since(before: dict[int, float]) -> float:
    """CPU seconds Chromium's renderer processes used since `before` (the page's own work)."""
    now = browser_cpu()
    return sum(now[pid] - before.get(pid, 0.0) for pid in now if pid in RENDERER_PIDS)


def cpu_since(before: dict[int, float]) -> float:
    """CPU seconds Chromium used since `before` (a process that ended since is left out)."""
    return sum(seconds - before.get(pid, 0.0) for pid, seconds in browser_cpu().items())


def settle(page, since_ms: float) -> tuple[float, float]:
    """Once the page has been quiet for QUIET_S: (last timeline redraw, last long task's end)
    after `since_ms` on the page's clock, in ms (the redraw is 0 if there was none)."""
    seen = -1
    while True:
        page.wait_for_timeout(QUIET_S * 1000)
        count = page.evaluate("window.__bench.tasks.length")
        if count == seen:
            break
        seen = count
    plots, tasks = page.evaluate("[window.__bench.plots, window.__bench.tasks]")
    plot = max((p for p in plots if p > since_ms), default=0.0)
    task = max((t for t in tasks if t > since_ms), default=since_ms)
    return plot, max(task, plot)


def act(page, socket: Frames, click, timeout_s: float, server: int = 0) -> dict[str, float]:
    """Press something, wait for its rerun and the page to settle: seconds and bytes
    (`server`: the server's process id, for its CPU seconds)."""
    socket.bytes, socket.counted, runs = 0, 0, socket.runs
    contexts, draws = page.evaluate("[window.__bench.contexts, window.__bench.draws]")
    cpu, served = browser_cpu(), server_cpu(server) if server else 0.0
    click()
    socket.wait_run(page, runs + 1, timeout_s)
    ws = socket.bytes
    press = page.evaluate("window.__bench.press")
    arrived = (socket.finished_epoch - page.evaluate("performance.timeOrigin") / 1000) * 1000
    plot, quiet = settle(page, press)
    gpu, renderer, cpu = gpu_since(cpu), renderer_since(cpu), cpu_since(cpu)
    served = server_cpu(server) - served if server else float("nan")
    drawn, now_draws = page.evaluate("[window.__bench.drawn, window.__bench.draws]")
    map_s = (drawn - press) / 1000 if now_draws > draws and drawn > press else float("nan")
    return {
        "cpu_s": cpu,
        "gpu_s": gpu,
        "renderer_s": renderer,
        "server_s": served,
        "map_s": map_s,
        "redrawn_s": max(map_s if map_s == map_s else 0.0, (plot - press) / 1000 if plot else 0.0),
        "draws": now_draws - draws,
        "reply_s": (arrived - press) / 1000,
        "timeline_s": (plot - press) / 1000 if plot else float("nan"),
        "settled_s": (quiet - press) / 1000,
        "after_s": max(quiet - arrived, 0.0) / 1000,  # 0: drawn before the run's last message
        "ws_mib": ws / MIB,
        "contexts": page.evaluate("window.__bench.contexts") - contexts,
    }


#: What `--trace` records: enough to see the main thread waiting for the GPU process
#: (`GLES2::ReadPixels`: the page is composited in software, so each WebGL frame is read
#: back) and the GPU process waiting for SwiftShader (`ContextVk::finishImpl`).
TRACE_CATEGORIES = [
    "devtools.timeline", "toplevel", "v8", "blink", "cc", "gpu", "gpu.angle",
    "disabled-by-default-devtools.timeline",
]  # fmt: skip
#: The trace's events summed per thread in `summarize_trace`.
TRACE_EVENTS = (
    "ProxyMain::BeginMainFrame", "v8.evaluateModule", "v8.callFunction", "Commit",
    "GLES2::ReadPixels", "ContextVk::finishImpl", "WebGL",
)  # fmt: skip


def summarize_trace(path: Path) -> str:
    """Busy milliseconds per thread (its top-level tasks) and the sums of `TRACE_EVENTS`."""
    import json
    from collections import Counter

    events = json.loads(path.read_text())
    events = events["traceEvents"] if isinstance(events, dict) else events
    names = {
        (e["pid"], e["tid"]): e["args"]["name"]
        for e in events
        if e.get("ph") == "M" and e.get("name") == "thread_name"
    }
    busy, sums = Counter(), Counter()
    for e in events:
        if e.get("ph") != "X" or "dur" not in e:
            continue
        thread = names.get((e["pid"], e["tid"]), "?")
        if e["name"] == "ThreadControllerImpl::RunTask":
            busy[thread] += e["dur"] / 1000
        if e["name"] in TRACE_EVENTS:
            sums[f"{thread} {e['name']}"] += e["dur"] / 1000
    lines = [f"{path.name}: busy ms " + ", ".join(f"{k} {v:.0f}" for k, v in busy.most_common(4))]
    lines += [f"  {k}: {v:.0f} ms" for k, v in sums.most_common()]
    return "\n".join(lines)


@contextmanager
def tracing(browser, page, path: Path | None) -> Iterator[None]:
    """A Chrome trace of what runs inside, written to `path` and summed (nothing if None)."""
    if path is None:
        yield
        return
    browser.start_tracing(page=page, path=str(path), categories=TRACE_CATEGORIES)
    try:
        yield
    finally:
        browser.stop_tracing()
        print(summarize_trace(path), file=sys.stderr, flush=True)


def one_session(
    browser,
    url: str,
    up: float,
    timeout_s: float,
    clicks: bool = True,
    trace: Path | None = None,
    server: int = 0,
    with_map: bool = True,
) -> dict[str, float]:
    """One fresh browser session's figures (`with_map` False: a page with no map, such as
    `scripts/bare_page.py` with BARE_PAGE_MAP=0); `trace`: also Chrome traces of its first
    load, its event type click and its Week click, to `trace` + '-load.json', '-type.json'
    and '-week.json' (tracing slows it: such a session is not counted)."""

    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    def traced(what: str):
        return tracing(browser, page, trace and trace.with_name(f"{trace.name}-{what}.json"))

    context = browser.new_context(viewport=VIEWPORT)
    page = context.new_page()
    page.set_default_timeout(timeout_s * 1000)
    page.add_init_script(PROBE)
    socket, static, opened_ws = Frames(), [0], []
    page.on("websocket", lambda ws: (opened_ws.append(time.perf_counter()), socket.attach(ws)))
    context.on(  # the context's: the page's own events missed most of the basemap's images
        "requestfinished",
        lambda r: (
            # bytes as received (the GeoJSON came gzipped with no Content-Length; DevTools
            # kept no body for most PNGs)
            static.__setitem__(0, static[0] + max(r.sizes()["responseBodySize"], 0))
            if "/app/static/" in r.url
            else None
        ),
    )
    if server:  # the server's CPU seconds as each script run finishes (the map's run's cost)
        socket.hook = lambda: server_cpu(server)
    with traced("load"), CpuSampler() as sampled:
        opened, cpu = time.perf_counter(), browser_cpu()
        served = server_cpu(server) if server else 0.0
        page.goto(url)
        if with_map:
            page.wait_for_selector('[data-testid="stDeckGlJsonChart"] canvas')
        page.wait_for_function("window.__bench.plots.length > 0")
        origin = page.evaluate("performance.timeOrigin") / 1000  # epoch s of the page's clock 0
        offset = time.time() - time.perf_counter()  # perf_counter -> epoch s
        socket.wait_run(page, 1, timeout_s)
        first_run = socket.first_finished - opened_ws[0]
        plot, quiet = settle(page, 0.0)
    drawn, painted = page.evaluate("[window.__bench.drawn, window.__bench.painted]")
    view = max(painted, default=plot)
    if not with_map:
        drawn = view
    start = up if up else opened

    def cpu_by(ms: float) -> float:  # Chromium's CPU s from opening to this page-clock moment
        return sampled.at(origin + ms / 1000 - offset)

    runs = socket.per_run
    out = {
        "drawn_s": origin + max(plot, drawn) / 1000 - offset - start,
        "view_drawn_s": origin + view / 1000 - offset - start,
        "timeline_drawn_s": origin + plot / 1000 - offset - start,
        "map_drawn_s": origin + drawn / 1000 - offset - start,
        "load_gpu_s": gpu_since(cpu),
        "load_settled_s": origin + quiet / 1000 - offset - start,
        "first_run_s": first_run,
        "load_runs": socket.runs,
        "load_fragment_runs": sum(fragment for _, fragment, _ in runs),
        "first_ws_mib": socket.bytes / MIB,
        "first_run_mib": runs[0][0] / MIB,
        "load_cpu_s": cpu_since(cpu),
        "view_cpu_s": cpu_by(view),
        "map_cpu_s": cpu_by(drawn),
        "load_server_s": server_cpu(server) - served if server else float("nan"),
    }
    if len(runs) > 1:  # the map's own run (a fragment's), after the browser asked for it
        out["second_run_mib"] = runs[1][0] / MIB
        if server:
            out["second_run_server_s"] = runs[1][2] - runs[0][2]
    socket.hook = None
    if not clicks:
        out["static_mib"] = static[0] / MIB  # fetched during the first load
        context.close()
        return out
    sidebar = page.locator('[data-testid="stSidebar"]')
    types = sidebar.locator('[data-testid="stMultiSelect"]').filter(has_text="Event types")
    types.locator("input").click()
    option = page.locator('[role="option"]').filter(has_text=TYPE).first
    with traced("type"):
        for name, value in act(page, socket, option.click, timeout_s, server).items():
            out[f"type_{name}"] = value
    page.keyboard.press("Escape")
    page.wait_for_timeout(300)
    week = sidebar.get_by_role("button", name="Week", exact=True)
    with traced("week"):
        for name, value in act(page, socket, week.click, timeout_s, server).items():
            out[f"week_{name}"] = value
    # 4. another event in the chooser beside the map (the first one not chosen)
    # (none when the type and the week hold no event: the shipped data's first week)
    chooser = page.locator('[data-testid="stSelectbox"]').filter(has_text="Choose an event")
    if chooser.count():
        chooser.scroll_into_view_if_needed()
        chooser.locator("input").click()
        other = page.locator('[role="option"][aria-selected="false"]').first
        with traced("choose"):
            for name, value in act(page, socket, other.click, timeout_s, server).items():
                out[f"choose_{name}"] = value
    # 5. an area in the sidebar (AREA), every date again first (not timed): a place filter
    all_dates = sidebar.get_by_role("button", name="All", exact=True)
    act(page, socket, all_dates.click, timeout_s)
    areas = sidebar.locator('[data-testid="stMultiSelect"]').filter(has_text="Areas")
    areas.locator("input").click()
    # typed, so the option is among the few listed (the list is virtualized: a click on the
    # box alone listed Idlib in one session of three)
    areas.locator("input").fill(AREA)
    place = page.locator('[role="option"]').filter(has_text=AREA).first
    with contextlib.suppress(PlaywrightTimeout):  # a store without the area: not timed
        place.wait_for(state="visible", timeout=10_000)
    if place.count():
        with traced("area"):
            for name, value in act(page, socket, place.click, timeout_s, server).items():
                out[f"area_{name}"] = value
        page.keyboard.press("Escape")
    out["static_mib"] = static[0] / MIB
    context.close()
    return out


ROWS = (
    ("view_drawn_s", "server up to the first viewport drawn: header and timeline on screen (s)"),
    ("drawn_s", "server up to the whole page drawn: timeline and map (s)"),
    ("timeline_drawn_s", "server up to timeline drawn (plotly_afterplot) (s)"),
    ("map_drawn_s", "server up to map drawn (s)"),
    ("load_settled_s", "server up to page settled (s)"),
    ("first_run_s", "first load: websocket opened to the first script run received (s)"),
    ("load_runs", "first load: script runs until settled (the second: the map's)"),
    ("load_fragment_runs", "first load: of which a fragment's run (the map's column alone)"),
    ("first_run_mib", "first load: websocket, first script run (MiB)"),
    ("second_run_mib", "first load: websocket, second script run (the map's) (MiB)"),
    ("second_run_server_s", "first load: server CPU, second script run (s)"),
    ("load_cpu_s", "browser CPU, first load to settled (s)"),
    ("view_cpu_s", "browser CPU, opening to the first viewport drawn (s)"),
    ("map_cpu_s", "browser CPU, opening to the map drawn (s)"),
    ("load_gpu_s", "of which the GPU process (software WebGL) (s)"),
    ("load_server_s", "server CPU, first load to settled (s)"),
    ("first_ws_mib", "websocket, first load (MiB)"),
    ("static_mib", "static files fetched a session: basemap (MiB)"),
    ("type_reply_s", "choose an event type: click to rerun received whole (s)"),
    ("type_redrawn_s", "choose an event type: click to page redrawn: timeline and map (s)"),
    ("type_timeline_s", "choose an event type: click to timeline redrawn (s)"),
    ("type_map_s", "choose an event type: click to map redrawn (s)"),
    ("type_settled_s", "choose an event type: click to page settled (s)"),
    ("type_after_s", "choose an event type: rerun received to page settled (s)"),
    ("type_cpu_s", "choose an event type: browser CPU (s)"),
    ("type_gpu_s", "choose an event type: of which the GPU process (s)"),
    ("type_renderer_s", "choose an event type: of which the renderer (s)"),
    ("type_server_s", "choose an event type: server CPU (s)"),
    ("type_draws", "choose an event type: WebGL draw calls"),
    ("type_ws_mib", "choose an event type: websocket, one rerun (MiB)"),
    ("week_reply_s", "date preset Week: click to rerun received whole (s)"),
    ("week_redrawn_s", "date preset Week: click to page redrawn: timeline and map (s)"),
    ("week_timeline_s", "date preset Week: click to timeline redrawn (s)"),
    ("week_map_s", "date preset Week: click to map redrawn (s)"),
    ("week_settled_s", "date preset Week: click to page settled (s)"),
    ("week_after_s", "date preset Week: rerun received to page settled (s)"),
    ("week_cpu_s", "date preset Week: browser CPU (s)"),
    ("week_gpu_s", "date preset Week: of which the GPU process (s)"),
    ("week_renderer_s", "date preset Week: of which the renderer (s)"),
    ("week_server_s", "date preset Week: server CPU (s)"),
    ("week_draws", "date preset Week: WebGL draw calls"),
    ("week_ws_mib", "date preset Week: websocket, one rerun (MiB)"),
    ("area_reply_s", "then every date and area Idlib: click to rerun received whole (s)"),
    ("area_redrawn_s", "area Idlib: click to page redrawn: timeline and map (s)"),
    ("area_timeline_s", "area Idlib: click to timeline redrawn (s)"),
    ("area_map_s", "area Idlib: click to map redrawn (s)"),
    ("area_settled_s", "area Idlib: click to page settled (s)"),
    ("area_cpu_s", "area Idlib: browser CPU (s)"),
    ("area_gpu_s", "area Idlib: of which the GPU process (s)"),
    ("area_renderer_s", "area Idlib: of which the renderer (s)"),
    ("area_server_s", "area Idlib: server CPU (s)"),
    ("area_draws", "area Idlib: WebGL draw calls"),
    ("area_ws_mib", "area Idlib: websocket, one rerun (MiB)"),
    ("choose_reply_s", "another event in the chooser: click to rerun received whole (s)"),
    ("choose_settled_s", "another event in the chooser: click to page settled (s)"),
    ("choose_cpu_s", "another event in the chooser: browser CPU (s)"),
    ("choose_server_s", "another event in the chooser: server CPU (s)"),
    ("choose_ws_mib", "another event in the chooser: websocket, one rerun (MiB)"),
    ("type_contexts", "choose an event type: maps made anew (WebGL contexts)"),
    ("week_contexts", "date preset Week: maps made anew (WebGL contexts)"),
)


#: Figures whose first session (cold) is reported apart from the others (warm).
COLD = ("view_drawn_s", "drawn_s", "timeline_drawn_s", "map_drawn_s", "load_settled_s", "first_run_s",
        "load_runs", "load_fragment_runs")  # fmt: skip


def bench(
    store: str,
    port: int,
    repeat: int,
    timeout_s: float,
    launcher: str,
    app: Path,
    clicks: bool,
    trace: Path | None = None,
    with_map: bool = True,
) -> dict[str, str]:
    """Cold figures from the first session, medians of the warm ones for the rest."""
    from playwright.sync_api import sync_playwright

    from tests.browser.serving import CHROMIUM, LAUNCH_ARGS

    runs = []
    with sync_playwright() as pw:
        # the browser is started before the server, so the cold time is the server's and the
        # page's, not Chromium's own start (1-3 s on this machine, counted before 2026-12-01)
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=LAUNCH_ARGS)
        with serving(store, port, launcher, app) as (url, up, pid):
            for i in range(repeat):
                runs.append(
                    one_session(
                        browser, url, up if i == 0 else 0.0, timeout_s, clicks, None, pid, with_map
                    )
                )
                print(f"# {store} run {i + 1}: {runs[-1]}", file=sys.stderr, flush=True)
            if trace is not None:  # one more session, traced, not counted
                path = trace.with_name(f"{trace.name}-{Path(store).name}")
                one_session(browser, url, 0.0, timeout_s, clicks, path, pid, with_map)
        browser.close()
    out = {}
    for key, _ in ROWS:
        values = [r[key] for r in runs if key in r]
        if not values:
            out[key] = "-"
            continue
        warm = statistics.median(values[1:]) if len(values) > 1 else values[0]
        out[key] = (
            f"{values[0]:.2f} cold, {warm:.2f} warm"
            if key in COLD
            else f"{statistics.median(values):.2f}"
        )
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("stores", nargs="+", help="'default' or a store folder")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--port", type=int, default=8607)
    parser.add_argument("--timeout", type=float, default=300)
    parser.add_argument(
        "--launcher",
        choices=("serve", "run"),
        default="serve",
        help="serve: python -m dashboard.serve, as make run (default); run: streamlit run",
    )
    parser.add_argument(
        "--app",
        type=Path,
        default=APP,
        help="another checkout's dashboard/app.py (with --launcher run for code without serve)",
    )
    parser.add_argument(
        "--first-page", action="store_true", help="only the first page: no clicks (faster)"
    )
    parser.add_argument(
        "--no-map",
        action="store_true",
        help="the page draws no map (scripts/bare_page.py with BARE_PAGE_MAP=0): wait for none",
    )
    parser.add_argument(
        "--trace",
        type=Path,
        help="PREFIX: after the measured sessions one more, traced (Chrome traces of the first "
        "load, the type click and the Week click to PREFIX-STORE-load.json, -type.json, "
        "-week.json), summed to stderr",
    )
    args = parser.parse_args()
    results = {
        s: bench(
            s,
            args.port,
            args.repeat,
            args.timeout,
            args.launcher,
            args.app,
            not args.first_page,
            args.trace,
            not args.no_map,
        )
        for s in args.stores
    }
    print("| | " + " | ".join(Path(s).name for s in args.stores) + " |")
    print("|---" * (len(args.stores) + 1) + "|")
    for key, label in ROWS:
        if any(results[s][key] != "-" for s in args.stores):  # --first-page: no click rows
            print(f"| {label} | " + " | ".join(results[s][key] for s in args.stores) + " |")
    print(
        f"launcher: {args.launcher}, app: {args.app}; load average: "
        f"{os.getloadavg()[0]:.1f} (1 min), {os.cpu_count()} cores"
    )


if __name__ == "__main__":
    main()
