"""Old against new, alternated in the same minutes (issue 10): several servers on one store,
one headless Chromium, fresh sessions taken in turn (the order reversed each round); per
session the page opened and settled, one event-type click and the date preset *Week*, each
timed as `bench_browser.py` times them (`act`: Chromium CPU-s, of it the GPU process and
the renderer, WebGL draws, wall seconds to the page redrawn, MiB over the websocket), then six 40 px drags of the map (steady frames: a
view change, no data change). One JSON line per session to --out; sum them with --summary.

    .venv/bin/python scripts/map_ab.py --rounds 6 --out /tmp/ab.jsonl \
        --variant old=/tmp/old-worktree --variant new=$PWD [--variant x=DIR:ENV=VAL;INIT=f.js]

A variant is NAME=CHECKOUT (whose `dashboard/app.py` is served as `make run` serves it), with
`:ENV=VALUE;...` set in that server's environment (a throwaway switch in a variant's code)
and `INIT=FILE`, a script added to that variant's pages before their own (a browser-side
experiment, such as WebGL without antialiasing). Ports from --port up, one per variant.
"""

from __future__ import annotations

import argparse
import collections
import contextlib
import json
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))
import bench_browser as bb  # noqa: E402  (scripts/ is on the path)
from websocket_frames import Frames  # noqa: E402

#: The figures printed per session and summed by --summary.
KEYS = ["type_cpu_s", "type_gpu_s", "type_renderer_s", "type_draws", "type_redrawn_s",
        "type_ws_mib", "week_cpu_s", "week_gpu_s", "week_renderer_s", "week_draws",
        "week_redrawn_s", "week_ws_mib", "pan_gpu_s", "pan_cpu_s", "pan_draws", "load"]  # fmt: skip


def summary(path: str) -> None:
    """Median [range] of each figure per variant, as a Markdown table."""
    by: dict[str, list[dict]] = collections.OrderedDict()
    with open(path) as lines:
        for line in lines:
            row = json.loads(line)
            by.setdefault(row["variant"], []).append(row)
    print("| | " + " | ".join(f"{v} ({len(rs)})" for v, rs in by.items()) + " |")
    for key in KEYS:
        cells = []
        for rows in by.values():
            xs = [r[key] for r in rows if key in r and r[key] == r[key]]
            cells.append(
                f"{statistics.median(xs):.2f} [{min(xs):.2f}-{max(xs):.2f}]" if xs else "-"
            )
        print(f"| {key} | " + " | ".join(cells) + " |")


def session(
    browser, url: str, server: int, viewport: dict, init: str | None, pause_s: float = 0.3
) -> dict:
    """One fresh session: opened and settled, a type click, Week (`pause_s` after the type
    click's page settled), six drags of the map."""
    context = browser.new_context(viewport=viewport)
    page = context.new_page()
    page.set_default_timeout(300_000)
    page.add_init_script(bb.PROBE)
    if init:
        page.add_init_script(Path(init).read_text())
    socket = Frames()
    page.on("websocket", socket.attach)
    page.goto(url)
    page.wait_for_selector('[data-testid="stDeckGlJsonChart"] canvas')
    page.wait_for_function("window.__bench.plots.length > 0")
    socket.wait_run(page, 1, 300)
    bb.settle(page, 0.0)
    page.wait_for_timeout(1500)
    out = {}
    sidebar = page.locator('[data-testid="stSidebar"]')
    types = sidebar.locator('[data-testid="stMultiSelect"]').filter(has_text="Event types")
    types.locator("input").click()
    option = page.locator('[role="option"]').filter(has_text=bb.TYPE).first
    for key, value in bb.act(page, socket, option.click, 300, server).items():
        out["type_" + key] = value
    page.keyboard.press("Escape")
    page.wait_for_timeout(pause_s * 1000)
    week = sidebar.get_by_role("button", name="Week", exact=True)
    for key, value in bb.act(page, socket, week.click, 300, server).items():
        out["week_" + key] = value
    # steady frames: six 40 px drags on the map, to and fro (the view only, no data change)
    canvas = page.locator('[data-testid="stDeckGlJsonChart"] canvas').first
    canvas.scroll_into_view_if_needed()
    page.wait_for_timeout(1500)
    box = canvas.bounding_box()
    x, y = box["x"] + box["width"] / 2 - 20, box["y"] + box["height"] - 20
    draws = page.evaluate("window.__bench.draws")
    cpu = bb.browser_cpu()
    for i in range(6):
        page.mouse.move(x, y)
        page.mouse.down()
        page.mouse.move(x + (40 if i % 2 == 0 else -40), y, steps=4)
        page.mouse.up()
        page.wait_for_timeout(400)
    page.wait_for_timeout(800)
    out["pan_gpu_s"], out["pan_cpu_s"] = bb.gpu_since(cpu), bb.cpu_since(cpu)
    out["pan_draws"] = page.evaluate("window.__bench.draws") - draws
    context.close()
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--summary", help="a JSON-lines file: print its medians per variant")
    parser.add_argument("--variant", action="append", default=[],
                        help="NAME=CHECKOUT[:ENV=VALUE;...;INIT=FILE]")  # fmt: skip
    parser.add_argument("--rounds", type=int, default=6)
    parser.add_argument("--port", type=int, default=8860)
    parser.add_argument("--out", default="/tmp/map_ab.jsonl")
    parser.add_argument("--store", default="/tmp/s100000")
    parser.add_argument("--viewport", default="1280x720")
    parser.add_argument("--pause", type=float, default=0.3,
                        help="seconds between the type click's page settled and Week")  # fmt: skip
    args = parser.parse_args()
    if args.summary:
        summary(args.summary)
        return
    width, height = map(int, args.viewport.split("x"))
    viewport = {"width": width, "height": height}
    variants = []
    for i, spec in enumerate(args.variant):
        name, rest = spec.split("=", 1)
        checkout, _, envs = rest.partition(":")
        env = dict(e.split("=", 1) for e in envs.split(";") if e)
        init = env.pop("INIT", None)
        app = Path(checkout) / "dashboard" / "app.py"
        variants.append((name, app, env, args.port + i, init))
    from playwright.sync_api import sync_playwright

    from tests.browser.serving import CHROMIUM, LAUNCH_ARGS

    with sync_playwright() as pw, contextlib.ExitStack() as stack:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=LAUNCH_ARGS)
        served = []
        for name, app, env, port, init in variants:
            before = dict(os.environ)
            os.environ.update(env)  # the server inherits it
            try:
                url, _, pid = stack.enter_context(bb.serving(args.store, port, "serve", app))
            finally:
                os.environ.clear()
                os.environ.update(before)
            served.append((name, url, pid, init))
            print(f"# up {name} {url}", file=sys.stderr, flush=True)
        for _, url, pid, init in served:  # one warm-up session each, not counted
            session(browser, url, pid, viewport, init)
        with open(args.out, "a") as out:
            for r in range(args.rounds):
                for name, url, pid, init in served if r % 2 == 0 else served[::-1]:
                    at = time.strftime("%H:%M:%S", time.gmtime())
                    row = session(browser, url, pid, viewport, init, args.pause)
                    row.update(variant=name, round=r, t=at, load=os.getloadavg()[0])
                    out.write(json.dumps(row) + "\n")
                    out.flush()
                    shown = {k: round(row[k], 3) for k in KEYS if k in row}
                    print(name, r, shown, file=sys.stderr, flush=True)
        browser.close()


if __name__ == "__main__":
    main()
