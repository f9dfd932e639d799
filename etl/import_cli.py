"""`python -m etl import-events FILE --format acled|ucdp [--store PATH] [--batch NAME]`.

Loads an ACLED or UCDP GED CSV export the analyst holds as one batch of events (see
etl/importing.py); a bad file is named by file:line with its reason, exit 2, nothing stored.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import replace
from pathlib import Path

from etl.importing import import_events
from etl.settings import Paths


def _tell(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def _cmd_import(args: argparse.Namespace) -> int:
    from etl.analyst_cli import _who  # the same name analysts' other commands record

    base = Paths.from_env()
    paths = replace(base, store=args.store or base.store)
    report = import_events(
        paths, args.file, args.format, args.who or _who(), args.batch, args.skip_bad,
        label=str(args.file), on_wait=_tell,
    )  # fmt: skip
    print("\n".join(report.lines()))
    return 0


def add_import_command(sub: argparse._SubParsersAction) -> None:
    """Register `import-events` on the `etl` parser."""
    cmd = sub.add_parser(
        "import-events", help="load an ACLED or UCDP GED CSV export as a batch of events"
    )
    cmd.add_argument("file", type=Path, help="the export (CSV, UTF-8)")
    cmd.add_argument("--format", required=True, choices=("acled", "ucdp"), help="its dataset")
    cmd.add_argument("--store", type=Path, help="store folder (default data/store)")
    cmd.add_argument("--batch", help="a name for the batch")
    cmd.add_argument("--skip-bad", action="store_true", help="store the good rows anyway")
    cmd.add_argument("--who", help="name recorded with the batch (default: your login)")
    cmd.set_defaults(run=_cmd_import)
