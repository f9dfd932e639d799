"""Check that a change draws the same charts: the JSON the browser receives, before and after.

    .venv/bin/python scripts/chart_json_check.py dump OUT [STORE]   # default data without STORE
    .venv/bin/python scripts/chart_json_check.py compare BEFORE AFTER

`dump` runs the reader's page under Streamlit's AppTest through 8 filter states (the default
view, one event type, the middle half of the dates, the last 60, 7 and 2 days, 2 days of one
type, back to the default) and writes, per state, the timeline's Plotly spec and the map's
deck JSON exactly as the page's protos hold them (what is sent to the browser), the
"shown as counts" line, and every other element of the page as text (`page.txt`: captions,
the event chooser's options, the detail, the table as CSV). `compare` says per file whether
it is byte-identical, equal once parsed (Plotly's typed arrays decoded, floats equal to
1e-9), or lists the differences; it exits 1 if any differ. Run `dump` on the old code (a `git worktree` or `git archive` of it)
and on the new, on the same store.
"""

from __future__ import annotations

import base64
import datetime as dt
import json
import math
import os
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent


def dump(out: Path, store: str | None) -> None:
    if store:
        os.environ["CONFLICT_STORE"] = store
    from streamlit.testing.v1 import AppTest

    out.mkdir(parents=True, exist_ok=True)
    at = AppTest.from_file(str(ROOT / "dashboard" / "app.py"), default_timeout=1800)

    def save(name: str) -> None:
        if at.exception:
            raise SystemExit(f"{name}: the app raised {at.exception[0].value}")
        (out / f"{name}.timeline.json").write_text(at.get("plotly_chart")[0].proto.spec)
        (out / f"{name}.map.json").write_text(at.get("deck_gl_json_chart")[0].proto.json)
        (out / f"{name}.info.txt").write_text("\n".join(i.value for i in at.info))
        (out / f"{name}.page.txt").write_text(page_text(at))
        print(name, flush=True)

    types, dates = (
        (lambda: at.sidebar.multiselect(key="f_types")),
        (lambda: at.sidebar.slider(key="f_dates")),
    )
    at.run()
    save("default")
    types().set_value(["clash"]).run()
    save("clash")
    types().set_value([]).run()
    low, high = dates().value
    dates().set_value((low + (high - low) / 4, high - (high - low) / 4)).run()
    save("middle")
    for days in (60, 7, 2):
        dates().set_value((high - dt.timedelta(days=days), high)).run()
        save(f"days{days}")
    types().set_value(["clash"]).run()
    save("days2clash")
    types().set_value([]).run()
    dates().set_value((low, high)).run()
    save("back")


def page_text(at) -> str:
    """Every other element of the page (sidebar, then main), one per line: its kind and its
    proto as text (a table as its CSV; the two charts are in their own files; the download
    buttons' file ids, made per run, left out)."""
    from google.protobuf import text_format

    lines: list[str] = []

    def walk(node) -> None:
        proto = getattr(node, "proto", None)
        kind = type(node).__name__
        if proto is not None and proto.DESCRIPTOR.name in ("PlotlyChart", "DeckGlJsonChart"):
            lines.append(f"{kind}: (in its own file)")
        elif kind == "Dataframe":
            lines.append("Dataframe:\n" + node.value.to_csv(index=False))
        elif proto is not None and not hasattr(node, "children"):
            if proto.DESCRIPTOR.name == "DownloadButton":
                proto = type(proto)(label=proto.label, help=proto.help, disabled=proto.disabled)
            lines.append(f"{kind}: " + text_format.MessageToString(proto, as_one_line=True))
        for child in getattr(node, "children", {}).values():
            walk(child)

    walk(at.sidebar)
    walk(at.main)
    return "\n".join(lines) + "\n"


def _decoded(value):
    if isinstance(value, dict):
        if {"dtype", "bdata"} <= set(value):
            array = np.frombuffer(base64.b64decode(value["bdata"]), dtype=value["dtype"])
            return [x.item() for x in array]
        return {k: _decoded(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_decoded(v) for v in value]
    return value


def differences(a, b, path: str = "") -> list[str]:
    """Where two parsed JSON values differ (floats compared to 1e-9)."""
    if isinstance(a, dict) and isinstance(b, dict):
        found = [f"{path}.{k}: in one only" for k in sorted(set(a) ^ set(b))]
        for k in sorted(set(a) & set(b)):
            found += differences(a[k], b[k], f"{path}.{k}")
        return found
    if isinstance(a, list) and isinstance(b, list):
        if len(a) != len(b):
            return [f"{path}: {len(a)} items, then {len(b)}"]
        return [d for k, (x, y) in enumerate(zip(a, b)) for d in differences(x, y, f"{path}[{k}]")]
    numbers = (int, float)
    if isinstance(a, numbers) and isinstance(b, numbers) and not isinstance(a, bool | type(None)):
        return [] if math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-9) else [f"{path}: {a} != {b}"]
    return [] if a == b else [f"{path}: {str(a)[:60]!r} != {str(b)[:60]!r}"]


def compare(before: Path, after: Path) -> int:
    bad = 0
    for old in sorted(before.iterdir()):
        new = after / old.name
        if not new.exists():
            print(f"{old.name}: missing after")
            bad += 1
            continue
        if old.read_bytes() == new.read_bytes():
            print(f"{old.name}: byte-identical")
            continue
        if old.suffix != ".json":
            print(f"{old.name}: differs")
            bad += 1
            continue
        found = differences(
            _decoded(json.loads(old.read_text())), _decoded(json.loads(new.read_text()))
        )
        print(f"{old.name}: " + ("equal once parsed" if not found else f"{len(found)} differ"))
        for line in found[:8]:
            print("   ", line)
        bad += bool(found)
    print("all equal" if not bad else f"{bad} file(s) differ")
    return 1 if bad else 0


if __name__ == "__main__":
    if len(sys.argv) >= 3 and sys.argv[1] == "dump":
        dump(Path(sys.argv[2]), sys.argv[3] if len(sys.argv) > 3 else None)
    elif len(sys.argv) == 4 and sys.argv[1] == "compare":
        sys.exit(compare(Path(sys.argv[2]), Path(sys.argv[3])))
    else:
        sys.exit(__doc__)
