"""Start the dashboard with its data already loaded: `python -m dashboard.serve [FLAGS]`.

`streamlit run dashboard/app.py` reports itself up (its health check answers) before the app
has imported pandas, Plotly and pydeck or read the store: the first visitor waits for all of
it. This launcher does that work first, in the process that then serves the app: it imports
the heavy modules, loads the current build into the loader's `st.cache_resource` (the same
function object the page calls, so the first session's run is a cache hit) and derives the
default page (the timeline, the map at its default width, the table), then starts
Streamlit's server as `streamlit run` would. The first session then takes what any later
one takes. FLAGS are `streamlit run`'s (`--server.port 8501`, ...); `streamlit run
dashboard/app.py` keeps working, only without the warm start. A store that cannot be read is
left to the page, which names the file and the problem.
"""

from __future__ import annotations

import importlib
import logging
import os
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
APP = ROOT / "dashboard" / "app.py"
LOG = logging.getLogger("dashboard.serve")
#: What the reader's page imports (the third-party ones take seconds on this machine), less
#: `dashboard.components.width_probe`: it declares a component, which needs the runtime.
PAGE_MODULES = (
    "dashboard.code_version",  # the code as loaded: the analyst page compares it
    "pandas",
    "pyarrow",
    "plotly.graph_objects",
    "plotly.io",
    "pydeck",
    "dashboard.components.downloads",
    "dashboard.components.linked",
    "dashboard.components.loader",
    "dashboard.components.sidebar",
    "dashboard.briefing",
    "dashboard.derived",
    "dashboard.map_flows",
    "dashboard.permalink",
    "dashboard.selection",
)


#: Outside a script run Streamlit warns, once per cached call, that there is none: expected.
NO_RUN_WARNINGS = (
    "streamlit.runtime.scriptrunner_utils.script_run_context",
    "streamlit.runtime.caching.cache_data_api",
)


@contextmanager
def _quiet(*names: str) -> Iterator[None]:
    """These loggers show errors only, for the duration (their levels restored after)."""
    loggers = [logging.getLogger(name) for name in names]
    levels = [logger.level for logger in loggers]
    for logger in loggers:
        logger.setLevel(logging.ERROR)
    try:
        yield
    finally:
        for logger, level in zip(loggers, levels, strict=True):
            logger.setLevel(level)


def warm_up() -> float:
    """Import what the reader's page needs, load the current build and derive its default
    view, all into the caches the page reads. Seconds taken. Run after Streamlit's config is
    loaded (the basemap's URL depends on `server.enableStaticServing`) and before its server
    starts. Nothing here declares a component (a component declared before the runtime
    exists would be registered with a throwaway manager)."""
    started = time.perf_counter()
    for module in PAGE_MODULES:  # imported here, not during the first visit
        importlib.import_module(module)
    from dashboard.basemap_tiles import draw_ahead_in_background
    from dashboard.components.loader import load_data
    from dashboard.data import LOAD_ERRORS
    from dashboard.filters import default_filters
    from dashboard.heap import freeze
    from dashboard.mapview import SCREEN_WIDTH_PX
    from dashboard.views import TABLE_ROWS
    from etl.settings import Paths

    try:
        with _quiet(*NO_RUN_WARNINGS):
            data = load_data(Paths.from_env())
    except LOAD_ERRORS:  # the page says what is wrong, on every visit
        LOG.warning("warm start skipped: the data could not be loaded", exc_info=True)
        return time.perf_counter() - started
    # the reader's first view: the data's own dates, nothing else chosen (sidebar defaults)
    page = data.page(default_filters(data.options), os.environ.get("CONFLICT_MAP_STYLE") or None)
    # what the first run reads (the timeline as sent, the map's legend), made once, kept
    page.timeline, page.screen_timeline, page.shown_as, page.legend  # noqa: B018
    page.by_marker, page.not_drawn, page.window  # noqa: B018
    page.areas_named(data.options)  # the subtitle's areas
    page.deck(SCREEN_WIDTH_PX)
    page.table(TABLE_ROWS)
    # the basemap's other tiles, while the server runs (at the lowest priority): a filter's
    # new view then finds them drawn instead of drawing them in its rerun
    draw_ahead_in_background(data.source.basemap_tiles)
    # Streamlit's once-per-process work, paid here instead of in the first visit's run: the
    # page icon's emoji check compiles a regex of every emoji (`streamlit.emojis`), and the
    # first element asks whether it runs in a REPL (`inspect.stack()`, whose module lookup
    # resolves the path of each of ~1,800 loaded modules once, then keeps them): 3.0 of a
    # cold first run's 4.6 s under load (cProfile in its thread, 2026-12-03)
    importlib.import_module("streamlit.emojis")
    from streamlit import env_util

    env_util.is_repl()
    freeze()  # the modules and the default view too: kept for the server's life (dashboard.heap)
    return time.perf_counter() - started


def parse(argv: list[str]) -> tuple[list[str], dict[str, Any]]:
    """`streamlit run`'s flags and the script's own arguments (after `--`), parsed by
    Streamlit's own command line: (script arguments, flag options such as
    {'server_port': 8501})."""
    from streamlit.web import cli

    context = cli.main_run.make_context("dashboard.serve", [str(APP), *argv])
    flags = {k: v for k, v in context.params.items() if k not in ("target", "args")}
    return list(context.params.get("args") or ()), flags


def main(argv: list[str] | None = None) -> None:
    """Parse `streamlit run`'s flags, load the config, warm up, then serve the app."""
    from streamlit import config
    from streamlit.web import bootstrap

    args, flags = parse(list(sys.argv[1:] if argv is None else argv))
    sys.path.insert(0, str(ROOT))  # the page scripts import `dashboard` from any directory
    config._main_script_path = str(APP)  # as `streamlit run` does: config beside the script
    bootstrap.load_config_options(flag_options=flags)
    seconds = warm_up()
    print(f"Warm start: data loaded and first page made in {seconds:.1f} s", file=sys.stderr)
    bootstrap.run(str(APP), False, args, flags)


if __name__ == "__main__":
    main()
