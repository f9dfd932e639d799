"""The map's WebGL frames after a filter click, call by call (issue 10, a diagnostic).

    .venv/bin/python scripts/map_frames.py [--port 8843] [--app OTHER/dashboard/app.py] STORE

Serves the reader's page as `make run` does (`python -m dashboard.serve`, STORE or `default`),
opens it in headless Chromium (1280x720, WebGL in software as in `bench_browser.py`), waits
for the map, then chooses one event type and presses the date preset *Week*; for each click it
prints the long gaps between animation frames (the main thread blocked, mostly in `Commit`
waiting for the GPU process to draw the frame) and, per animation frame that made WebGL
calls, the calls counted by name (programs used, buffers made or filled, textures uploaded,
vertex arrays set up), the slow ones and every texture upload. It answers whether deck.gl
rebuilt layers (new buffers, programs, textures) or only refilled them, and how many frames a
click draws (Streamlit applies a refitted view one render after the new layers).
"""

from __future__ import annotations

import argparse
import collections
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))
import bench_browser as bb  # noqa: E402  (scripts/ is on the path)

#: Every WebGL2 method wrapped: [time, ms, animation frame, name, what] while `on`.
LOG = """
window.__gl = {on: false, calls: [], frame: 0, rafs: []};
(function () {
  const raf = () => {
    window.__gl.frame++;
    if (window.__gl.on) window.__gl.rafs.push([window.__gl.frame, performance.now()]);
    requestAnimationFrame(raf);
  };
  requestAnimationFrame(raf);
  const P = WebGL2RenderingContext.prototype;
  for (const name of Object.getOwnPropertyNames(P)) {
    let d;
    try { d = Object.getOwnPropertyDescriptor(P, name); } catch (e) { continue; }
    if (!d || typeof d.value !== 'function' || name === 'constructor'
        || name === 'isContextLost') continue;
    const f = d.value;
    P[name] = function (...a) {
      if (!window.__gl.on) return f.apply(this, a);
      let info = '';
      if (name.startsWith('tex')) {
        const img = a.find(x => x && typeof x === 'object' && 'width' in x);
        info = a.filter(x => typeof x === 'number').slice(0, 8).join(',')
          + (img ? ' img ' + img.width + 'x' + img.height : '');
      } else if (name === 'bufferData' || name === 'bufferSubData') {
        const arr = a.find(x => x && x.byteLength !== undefined);
        info = arr ? 'bytes ' + arr.byteLength : String(a[1]);
      }
      const t0 = performance.now();
      const r = f.apply(this, a);
      window.__gl.calls.push([t0, performance.now() - t0, window.__gl.frame, name, info]);
      return r;
    };
  }
})();
"""


def report(label: str, calls: list, rafs: list, press: float) -> None:
    gaps = [
        (frame, round(t - press), round(t - rafs[i - 1][1]))
        for i, (frame, t) in enumerate(rafs)
        if i and t - rafs[i - 1][1] > 40
    ]
    print(f"== {label}: frame gaps over 40 ms (frame, ms after the press, gap ms): {gaps}")
    frames: dict[int, list] = collections.OrderedDict()
    for t, ms, frame, name, info in calls:
        frames.setdefault(frame, []).append((t, ms, name, info))
    for frame, made in frames.items():
        counts = collections.Counter(name for _, _, name, _ in made)
        print(
            f" frame {frame} at {made[0][0] - press:.0f}-{made[-1][0] - press:.0f} ms, "
            f"{len(made)} calls: {dict(counts.most_common(40))}"
        )
        for t, ms, name, info in made:
            if ms > 3 or name in ("texSubImage2D", "texImage2D", "compileShader", "linkProgram"):
                print(f"    {t - press:.0f} ms {name} {info} ({ms:.1f} ms)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("store", help="'default' or a store folder")
    parser.add_argument("--port", type=int, default=8843)
    parser.add_argument("--app", type=Path, default=bb.APP)
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    from tests.browser.serving import CHROMIUM, LAUNCH_ARGS

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=LAUNCH_ARGS)
        with bb.serving(args.store, args.port, "serve", args.app) as (url, _, _):
            page = browser.new_context(viewport=bb.VIEWPORT).new_page()
            page.add_init_script(bb.PROBE)
            page.add_init_script(LOG)
            page.goto(url)
            page.wait_for_selector('[data-testid="stDeckGlJsonChart"] canvas')
            page.wait_for_timeout(8000)
            sidebar = page.locator('[data-testid="stSidebar"]')
            types = sidebar.locator('[data-testid="stMultiSelect"]').filter(has_text="Event types")
            types.locator("input").click()
            option = page.locator('[role="option"]').filter(has_text=bb.TYPE).first
            week = sidebar.get_by_role("button", name="Week", exact=True)
            for label, click in (("choose an event type", option.click), ("Week", week.click)):
                if label == "Week":
                    page.keyboard.press("Escape")
                    page.wait_for_timeout(500)
                page.evaluate(
                    "window.__gl.calls = []; window.__gl.rafs = []; window.__gl.on = true"
                )
                click()
                page.wait_for_timeout(6000)
                calls, rafs, press = page.evaluate(
                    "[window.__gl.calls, window.__gl.rafs, window.__bench.press]"
                )
                page.evaluate("window.__gl.on = false")
                report(label, calls, rafs, press)
        browser.close()


if __name__ == "__main__":
    main()
