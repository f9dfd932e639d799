"""Write `dashboard/plotly_screen_theme.json`: the Plotly template the browser applies to the
reader's timeline under Streamlit's theme (`dashboard.screen_figure` applies it on the server
and draws the chart with `theme=None`, so Plotly draws it once a rerun).

    .venv/bin/python scripts/plotly_screen_theme.py [--check]

Serves a one-chart page (a figure with the timeline's `plotly_white` template, drawn with
Streamlit's default theme and the project's `.streamlit/config.toml`: light) with `streamlit
run` on a loopback port, opens it in headless Chromium and reads the template the chart was
drawn with (`layout.template` of the Plotly element, after Streamlit merged its theme in).
Run it after upgrading Streamlit or Plotly; `--check` says whether the file is still what the
browser draws, without writing it.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

PAGE = """
import plotly.graph_objects as go
import streamlit as st
from dashboard.ready_figure import template
st.plotly_chart(go.Figure(go.Bar(x=[1, 2], y=[3, 1]), layout={"template": template("plotly_white")}))
"""


def browser_template(port: int) -> dict:
    """The template of the one chart of `PAGE`, as the browser drew it."""
    from bench_dashboard import wait_healthy
    from playwright.sync_api import sync_playwright

    from tests.browser.serving import CHROMIUM, LAUNCH_ARGS

    with tempfile.TemporaryDirectory() as folder:
        page_file = Path(folder) / "theme_page.py"
        page_file.write_text(PAGE, encoding="utf-8")
        command = [sys.executable, "-m", "streamlit", "run", str(page_file), "--server.port",
                   str(port), "--server.address", "127.0.0.1", "--server.headless", "true"]  # fmt: skip
        env = dict(os.environ, PYTHONPATH=str(ROOT))
        server = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL,
                                  stderr=subprocess.DEVNULL)  # fmt: skip
        try:
            url = wait_healthy(port, server, 120, pause=0.2)
            with sync_playwright() as pw:
                browser = pw.chromium.launch(executable_path=CHROMIUM, args=LAUNCH_ARGS)
                page = browser.new_page()
                page.goto(url)
                page.wait_for_function(
                    "document.querySelector('.js-plotly-plot')?.layout?.template", timeout=120_000
                )
                page.wait_for_timeout(1000)  # the theme is merged in an effect after mounting
                text = page.evaluate(
                    "JSON.stringify(document.querySelector('.js-plotly-plot').layout.template)"
                )
                browser.close()
        finally:
            server.terminate()
            server.wait(timeout=30)
    return json.loads(text)


def main() -> None:
    from dashboard.screen_figure import THEME_FILE

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--port", type=int, default=8649)
    parser.add_argument("--check", action="store_true", help="compare, do not write")
    args = parser.parse_args()
    drawn = browser_template(args.port)
    text = json.dumps(drawn, indent=1, sort_keys=True) + "\n"
    if args.check:
        same = THEME_FILE.read_text(encoding="utf-8") == text
        print(f"{THEME_FILE.name}: {'as drawn' if same else 'differs from what the browser draws'}")
        sys.exit(0 if same else 1)
    THEME_FILE.write_text(text, encoding="utf-8")
    print(f"wrote {THEME_FILE} ({len(text):,} bytes)")


if __name__ == "__main__":
    main()
