"""`python -m dashboard.export`: the briefing view to a file, for scripted briefs.

Reads the same data as the dashboard (the store, else the seeds and curated rows), applies the
page's URL parameters given with --query, and writes PNG, SVG or PDF by the file's extension.
Problems are reported in one line naming the file or the option, never as a traceback.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from urllib.parse import parse_qsl

from dashboard.briefing import SHOW, parse_size
from dashboard.data import LOAD_ERRORS, batch_names, load_basemap, load_tables
from dashboard.export import FORMATS, render, slide
from dashboard.views import event_frame
from etl.settings import Paths
from etl.store import current_build


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m dashboard.export",
        description="Export the briefing view (map, timeline or both) as PNG, SVG or PDF.",
    )
    parser.add_argument("show", choices=SHOW, help="what the slide shows")
    parser.add_argument("--out", required=True, type=Path, help="FILE.png, FILE.svg or FILE.pdf")
    parser.add_argument("--size", default="slide", help="slide (1920x1080), a4, or WxH in px")
    parser.add_argument("--scale", type=float, default=1.0, help="PNG pixels × this (2 for print)")
    parser.add_argument("--title", help="the slide's title (default: the query's title=)")
    parser.add_argument("--query", default="", help="the page's URL parameters: from=...&to=...")
    return parser


def run(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    fmt = args.out.suffix.lower().lstrip(".")
    if fmt not in FORMATS:
        return _fail(f"{args.out}: the file must end in .png, .svg or .pdf")
    if not 0.25 <= args.scale <= 4:
        return _fail(f"--scale {args.scale}: use a number from 0.25 to 4")
    params = dict(parse_qsl(args.query.lstrip("?"), keep_blank_values=False))
    try:
        params["briefing"] = parse_size(args.size).name
    except ValueError as error:
        return _fail(f"--size: {error}")
    if args.title is not None:
        params["title"] = args.title
    paths = Paths.from_env()
    try:
        loaded = load_tables(paths)
    except LOAD_ERRORS as error:
        return _fail(f"could not load the data ({paths.store}): {error}")
    build = current_build(paths.store)
    figure, briefing = slide(
        event_frame(loaded.tables),
        loaded.tables,
        load_basemap(paths.basemap),
        params,
        show=args.show,
        names=batch_names(paths.store),
        build=build.name if build else None,
    )
    try:
        args.out.write_bytes(render(figure, fmt, args.scale))
    except OSError as error:
        return _fail(f"{args.out}: could not write ({error.strerror or error})")
    print(f"wrote {args.out}: {briefing.caption}; {briefing.filters}")
    return 0


def _fail(message: str) -> int:
    print(f"error: {message}", file=sys.stderr)
    return 2
