"""The timeline as the reader's page sends it: drawn once per rerun (pure; no Streamlit).

Streamlit's Plotly chart is mounted anew whenever its figure changes (the element's id hashes
the spec), and on mounting it copies the figure once more (its theme, applied in the browser
through `layout.template`, and the select, hover and drag modes it sets when the figure has
none) and hands the copy to `Plotly.react`. Plotly compares the copy with what it has just
drawn: a template is compared as an object (a copy is always "changed") and typed arrays too,
so it drew the whole timeline a second time, 0.2-0.4 s of the browser's main thread for each
filter click at 100,000 events (issue 10).

`screen_figure` sends what makes that second pass find nothing changed, with the same look:

- the theme already applied: the template the browser built (Plotly's `plotly_white` with
  Streamlit's light theme merged into it, `plotly_screen_theme.json`, written by
  `scripts/plotly_screen_theme.py` from the page itself) is merged into the layout and the
  traces as Plotly applies a template (the figure's own values win; an axis template on every
  axis of its kind; `annotationdefaults` on every annotation), the title bold as Streamlit
  makes it, and the chart is drawn with `theme=None`, so the browser adds nothing;
- numbers as JSON arrays, not typed arrays, with `layout.datarevision` set (a digest of the
  traces): Plotly then takes equal revisions as unchanged data, as its documentation says;
- the modes Streamlit would set for a chart one can select on (`clickmode`, `dragmode`; the
  theme's `hovermode`).
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np
import plotly.graph_objects as go
import plotly.io as pio

from dashboard.ready_figure import ReadyFigure
from dashboard.screen_margins import fixed_margins

THEME_FILE = Path(__file__).with_name("plotly_screen_theme.json")
#: Layout parts a template gives to each of their kind ('xaxis' to xaxis2, xaxis3 ...).
_SUBPLOTS = ("xaxis", "yaxis")
#: Typed arrays as Plotly's JSON holds them (`ready_figure.typed_array`).
_DTYPES = {
    "i1": np.int8, "u1": np.uint8, "i2": np.int16, "u2": np.uint16,
    "i4": np.int32, "u4": np.uint32, "f4": np.float32, "f8": np.float64,
}  # fmt: skip


@lru_cache(maxsize=1)
def screen_theme() -> dict[str, Any]:
    """The template the browser applies to a chart drawn with Streamlit's light theme."""
    return json.loads(THEME_FILE.read_text(encoding="utf-8"))


def _under(default: Any, own: Any) -> Any:
    """`own` with what it leaves unset taken from `default` (dicts merged, own values win)."""
    if isinstance(default, dict) and isinstance(own, dict):
        out = dict(default)
        for key, value in own.items():
            out[key] = _under(default.get(key), value) if key in default else value
        return out
    return own


def _plain(value: Any) -> Any:
    """`value` with Plotly's typed arrays ({'dtype', 'bdata'}) as JSON lists of the same
    numbers."""
    if isinstance(value, dict):
        if set(value) >= {"dtype", "bdata"} and value["dtype"] in _DTYPES:
            numbers = np.frombuffer(base64.b64decode(value["bdata"]), dtype=_DTYPES[value["dtype"]])
            if "shape" in value:
                numbers = numbers.reshape([int(n) for n in str(value["shape"]).split(",")])
            return numbers.tolist()
        return {key: _plain(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_plain(item) for item in value]
    return value


#: Switches Plotly turns on when the figure itself (not a template) gives one of the values
#: after them (`coerce2` in its axis defaults): a template's line colour does not draw the
#: axis line, the same colour in the layout does. Kept as they were when the template's
#: values are written into the layout.
_SWITCHES = (
    ("showline", ("linecolor", "linewidth"), False),
    ("showgrid", ("gridcolor", "gridwidth", "griddash"), True),
    ("zeroline", ("zerolinecolor", "zerolinewidth"), True),
)
_MINOR_GRID = ("gridcolor", "gridwidth", "griddash")
#: Traces drawn along one axis: their position axis has no grid by default (Plotly's
#: cartesian layout defaults: `showGrid: !oriented[axis]`).
_ORIENTED = {"bar", "box", "violin", "histogram", "waterfall"}


def _gridless(data: list[dict[str, Any]]) -> set[str]:
    """The axes (layout names: 'xaxis', 'yaxis2') Plotly draws without a grid by default: the
    position axis of an oriented trace (x for vertical bars, y for horizontal ones)."""
    out = set()
    for trace in data:
        if trace.get("type", "scatter") in _ORIENTED:
            letter = "y" if trace.get("orientation") == "h" else "x"
            axis = str(trace.get(letter + "axis") or letter)
            out.add(letter + "axis" + axis[1:])
    return out


def _themed_axis(own: dict[str, Any], default: dict[str, Any], grid: bool) -> dict[str, Any]:
    """An axis of the figure (`own`) with its template (`default`) applied, the switches
    Plotly would take from the figure alone set as they would be (`grid`: whether Plotly
    draws this axis's grid by default)."""
    out = _under(default, own)
    for switch, values, follows_grid in _SWITCHES:
        if switch in own:
            continue
        fallback = (grid and follows_grid) or any(own.get(v) for v in values)
        out[switch] = default.get(switch, fallback)
    minor = own.get("minor") if isinstance(own.get("minor"), dict) else {}
    if "minor" in out and "showgrid" not in minor:
        fallback = any(minor.get(v) for v in _MINOR_GRID)
        out["minor"] = {
            **out["minor"],
            "showgrid": default.get("minor", {}).get("showgrid", fallback),
        }
    return out


def themed_layout(
    layout: dict[str, Any], template: dict[str, Any], gridless: set[str] = frozenset()
) -> dict[str, Any]:
    """`layout` with `template` (a template's `layout`) applied as Plotly applies it
    (`gridless`: the axes Plotly draws without a grid by default, `_gridless`)."""
    out = dict(layout)
    for key, default in template.items():
        if key in _SUBPLOTS:
            names = [k for k in out if re.fullmatch(key + r"\d*", k)] or [key]
            for name in names:
                out[name] = _themed_axis(out.get(name, {}), default, name not in gridless)
        elif key.endswith("defaults"):  # annotationdefaults: every annotation
            items = key[: -len("defaults")] + "s"
            if isinstance(out.get(items), list):
                out[items] = [_under(default, item) for item in out[items]]
        elif key in out:
            out[key] = _under(default, out[key])
        else:
            out[key] = default
    return out


def themed_traces(data: list[dict[str, Any]], template: dict[str, Any]) -> list[dict[str, Any]]:
    """Each trace with its type's template (`template`: a template's `data`), the n-th trace
    of a type taking the n-th of its type's templates, cycling, as Plotly does."""
    seen: dict[str, int] = {}
    out = []
    for trace in data:
        kind = trace.get("type", "scatter")
        choices = template.get(kind) or []
        number = seen.get(kind, 0)
        seen[kind] = number + 1
        if choices:
            default = {k: v for k, v in choices[number % len(choices)].items() if k != "type"}
            trace = _under(default, trace)
        out.append(trace)
    return out


def _bold_title(layout: dict[str, Any]) -> None:
    """The title in bold, as Streamlit's theme makes it ('<b>' around the text)."""
    if layout.get("title") is None:
        return
    title = layout["title"]
    title = {"text": title} if isinstance(title, str) else dict(title)
    text = title.get("text")
    title["text"] = f"<b>{text if isinstance(text, str) else ''}</b>"
    layout["title"] = title


def _labels_allowed(layout: dict[str, Any]) -> None:
    """Every axis' tick labels drawn without Plotly's check for labels past the chart's edge
    (`ticklabeloverflow: 'allow'`, unless the figure sets its own): after drawing an axis,
    Plotly measures each of its labels (`getBoundingClientRect`) to hide one that sticks out.
    In the reader's page every measure lays out the whole page anew (Plotly changes the chart
    between them): 0.3-0.6 s of the browser's main thread for one filter click at 100,000
    events (issue 10). The margins are set to hold every label (`fixed_margins`, and Plotly's
    automatic margins behind them), so no label reaches past the chart's edge to be hidden.
    Not on a chart with no traces ('No events match the filters'): it draws no axes."""
    for name in list(layout):
        if re.fullmatch(r"[xy]axis\d*", name) and isinstance(layout[name], dict):
            layout[name] = {"ticklabeloverflow": "allow", **layout[name]}


def screen_spec(
    spec: dict[str, Any], theme: dict[str, Any] | None = None, selectable: bool = True
) -> dict[str, Any]:
    """The figure `spec` (Plotly's JSON, as `Figure.to_dict` and `plotly.io.to_json` give it)
    with `theme` (a template; by default `screen_theme()`) applied in place of its own
    template, typed arrays as lists, a data revision, and for a chart one can select on the
    modes Streamlit would set."""
    theme = screen_theme() if theme is None else theme
    layout = dict(spec.get("layout") or {})
    layout.pop("template", None)  # replaced by the screen's (the figure's own is plotly_white)
    data = _plain(list(spec.get("data") or []))
    layout = themed_layout(_plain(layout), theme.get("layout") or {}, _gridless(data))
    _bold_title(layout)
    data = themed_traces(data, theme.get("data") or {})
    layout = fixed_margins(layout, data)
    if data:  # an empty chart draws no axes ('No events match the filters')
        _labels_allowed(layout)
    if selectable:  # Streamlit's choice for a figure that sets none (points selectable)
        layout.setdefault("clickmode", "event+select")
        layout.setdefault("hovermode", "closest")
        layout.setdefault("dragmode", "pan")
    text = json.dumps(data, sort_keys=True, separators=(",", ":"))
    layout["datarevision"] = hashlib.blake2b(text.encode(), digest_size=8).hexdigest()
    return {"data": data, "layout": layout}


def screen_figure(figure: go.Figure, theme: dict[str, Any] | None = None) -> ReadyFigure:
    """`figure` as the reader's page draws it (`screen_spec`; send it with `theme=None`)."""
    spec = json.loads(pio.to_json(figure, validate=False))
    ready = screen_spec(spec, theme)
    return ReadyFigure(ready["data"], ready["layout"])
