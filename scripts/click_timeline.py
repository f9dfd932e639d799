"""Where a filter click's time goes, message by message: the browser's websocket frames and
redraws beside the server's own log of the same rerun, on one clock (epoch ms from the
pointer press). A diagnostic for issue 10 (`bench_browser.py` gives the medians).

    .venv/bin/python scripts/click_timeline.py [--store PATH] [--trace PREFIX]

Starts the app as `make run` does (`python -m dashboard.serve`), with hooks in the server's
process that log when a script run starts and ends, when Streamlit's post-run garbage
collection (a full pass, `runner.postScriptGC`) starts and stops, the back messages received
and every forward message queued but the deltas; opens the page in headless Chromium
(1280x720), chooses one event type, then presses the date preset Week, and prints for each
click: the messages sent and received by the page (deltas by element kind, a few of them),
the timeline's redraws (`plotly_afterplot`), long tasks' ends and the map's last WebGL
frame, merged with the server's log. `--trace PREFIX`: Chrome traces of the type click and
of the Week click with the V8 sampling profiler (`PREFIX-type.json`, `PREFIX-week.json`).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def serve_with_hooks(log_path: str, argv: list[str]) -> None:
    """`dashboard.serve` with Streamlit's script runner and session patched to log (one JSON
    line per event, epoch seconds) to `log_path`."""
    import gc

    from streamlit.runtime import app_session
    from streamlit.runtime.scriptrunner import script_runner

    out = open(log_path, "a", buffering=1)  # noqa: SIM115  (the server's whole life)

    def log(what: str, **more) -> None:
        out.write(json.dumps({"t": time.time(), "what": what, **more}) + "\n")

    def wrap(owner, name: str, before, after=None) -> None:
        original = getattr(owner, name)

        def wrapped(self, *args, **kwargs):
            before(*args)
            try:
                return original(self, *args, **kwargs)
            finally:
                if after:
                    after()

        setattr(owner, name, wrapped)

    runner, session = script_runner.ScriptRunner, app_session.AppSession
    wrap(runner, "_run_script", lambda *a: log("run started"), lambda: log("run ended"))
    wrap(session, "handle_backmsg", lambda msg: log("back message " + msg.WhichOneof("type")))
    wrap(
        session,
        "_enqueue_forward_msg",
        lambda msg: msg.WhichOneof("type") != "delta" and log("queued " + msg.WhichOneof("type")),
    )
    gc.callbacks.append(
        lambda phase, info: info["generation"] == 2 and log(f"full garbage collection {phase}")
    )
    from dashboard.serve import main

    main(argv)


def page_events(page, origin: float, press: float) -> list[tuple[float, str]]:
    """The page's own records since the press (`bench_browser.PROBE`), as (epoch s, text)."""
    bench = page.evaluate("window.__bench")
    out = [(origin + p / 1000, "timeline drawn (plotly_afterplot)") for p in bench["plots"]]
    out += [(origin + t / 1000, "long task ended") for t in bench["tasks"]]
    if bench["drawn"]:
        out.append((origin + bench["drawn"] / 1000, "map's last WebGL frame committed"))
    return [(t, what) for t, what in out if t > press]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--store", help="a store folder (default: the shipped data)")
    parser.add_argument("--port", type=int, default=8641)
    parser.add_argument("--trace", type=Path, help="PREFIX of the clicks' Chrome traces")
    parser.add_argument("--serve-with-hooks", help=argparse.SUPPRESS)  # the server's side
    args, rest = parser.parse_known_args()
    if args.serve_with_hooks:
        serve_with_hooks(args.serve_with_hooks, rest)
        return

    from playwright.sync_api import sync_playwright
    from streamlit.proto.BackMsg_pb2 import BackMsg
    from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

    sys.path.insert(0, str(ROOT / "scripts"))
    from bench_browser import PROBE, TRACE_CATEGORIES, browser_cpu, cpu_since, settle
    from bench_dashboard import wait_healthy

    from tests.browser.serving import CHROMIUM, LAUNCH_ARGS

    log = Path(f"/tmp/click_timeline_{os.getpid()}.log")
    log.write_text("")
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    if args.store:
        env["CONFLICT_STORE"] = args.store
    flags = ["--server.port", str(args.port), "--server.address", "127.0.0.1"]
    events: list[tuple[float, str]] = []

    def received(payload) -> None:
        if not isinstance(payload, bytes):
            return
        msg = ForwardMsg.FromString(payload)
        kind = msg.WhichOneof("type")
        if kind == "delta":
            delta = msg.delta
            kind = delta.WhichOneof("type")
            if kind == "new_element":
                kind = delta.new_element.WhichOneof("type")
            if len(payload) < 2000 and kind in ("markdown", "add_block", "heading", "button"):
                return  # the page's many small elements: counted in the bytes, not listed
        events.append((time.time(), f"page received {kind} ({len(payload):,} B)"))

    def sent(payload) -> None:
        if isinstance(payload, bytes):
            events.append(
                (time.time(), "page sent " + BackMsg.FromString(payload).WhichOneof("type"))
            )

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=LAUNCH_ARGS)
        command = [sys.executable, __file__, "--serve-with-hooks", str(log), *flags]
        server = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL,
                                  stderr=subprocess.DEVNULL)  # fmt: skip
        try:
            url = wait_healthy(args.port, server, 600, pause=0.1)
            page = browser.new_context(viewport={"width": 1280, "height": 720}).new_page()
            page.set_default_timeout(300_000)  # a first load under load can take minutes
            page.add_init_script(PROBE)
            page.on("websocket", lambda ws: (ws.on("framereceived", received),
                                             ws.on("framesent", sent)))  # fmt: skip
            page.goto(url)
            page.wait_for_selector('[data-testid="stDeckGlJsonChart"] canvas')
            page.wait_for_function("window.__bench.plots.length > 0")
            settle(page, 0.0)
            sidebar = page.locator('[data-testid="stSidebar"]')
            types = sidebar.locator('[data-testid="stMultiSelect"]').filter(has_text="Event types")
            types.locator("input").click()
            option = page.locator('[role="option"]').filter(has_text="Airstrike").first
            week = sidebar.get_by_role("button", name="Week", exact=True)
            for name, click in (("choose an event type", option.click), ("Week", week.click)):
                if name == "Week":
                    page.keyboard.press("Escape")
                    page.wait_for_timeout(300)
                events.clear()
                log.write_text("")
                path = args.trace and f"{args.trace}-{'week' if name == 'Week' else 'type'}.json"
                if path:
                    categories = [*TRACE_CATEGORIES, "disabled-by-default-v8.cpu_profiler"]
                    browser.start_tracing(page=page, path=path, categories=categories)
                cpu = browser_cpu()
                click()
                page.wait_for_timeout(4000)
                settle(page, 0.0)  # under load a click can take longer than 4 s
                if path:
                    browser.stop_tracing()
                used = cpu_since(cpu)
                origin = page.evaluate("performance.timeOrigin") / 1000
                press = origin + page.evaluate("window.__bench.press") / 1000
                lines = events + page_events(page, origin, press)
                for line in log.read_text().splitlines():
                    record = json.loads(line)
                    lines.append((record["t"], "SERVER " + record["what"]))
                print(f"\n{name} (Chromium CPU {used:.2f} s, ms after the pointer press):")
                for t, what in sorted(lines):
                    print(f"{(t - press) * 1000:8.0f}  {what}")
        finally:
            server.terminate()
            server.wait(timeout=30)
            log.unlink(missing_ok=True)


if __name__ == "__main__":
    main()
