"""A Plotly figure made from a spec already in Plotly's schema (pure; no Streamlit).

Plotly checks every property of every trace and layout key as it is set (`go.Bar(...)`,
`update_layout`): at 100,000 events the count timeline's 48 bar traces and its layout took
0.3-0.8 s to build that way, and Streamlit's `st.plotly_chart` then deep-copies the whole
figure again on every rerun (`Figure.to_dict`). A builder that writes only properties it
knows (the tests compare its JSON with a figure built the checked way) can hand its spec to
`ReadyFigure`: the figure is made without the checks, and the dict sent to the browser is made
once, with Plotly's own encoding of arrays, so a kept figure costs nothing on a rerun.
"""

from __future__ import annotations

import base64
import copy
import threading
from functools import lru_cache
from typing import Any

import numpy as np
import plotly.graph_objects as go
import plotly.io as pio
from _plotly_utils.basevalidators import is_homogeneous_array
from _plotly_utils.utils import convert_to_base64, is_skipped_key, to_typed_array_spec
from plotly.subplots import make_subplots


@lru_cache(maxsize=8)
def _template(name: str) -> dict[str, Any]:
    return pio.templates[name].to_plotly_json()


def template(name: str) -> dict[str, Any]:
    """A named template as the layout's `template` holds it once checked (a fresh copy)."""
    return copy.deepcopy(_template(name))


@lru_cache(maxsize=16)
def _stacked(rows: int, spacing: float, titled: bool) -> dict[str, Any]:
    layout = make_subplots(
        rows=rows,
        cols=1,
        shared_xaxes=True,
        vertical_spacing=spacing,
        row_titles=[f"row {k}" for k in range(rows)] if titled else None,
    ).to_dict()["layout"]
    return {k: v for k, v in layout.items() if k.startswith(("xaxis", "yaxis", "annotations"))}


def stacked_rows(row_titles: list[str], spacing: float) -> dict[str, Any]:
    """The axes and row titles `make_subplots(rows=n, cols=1, shared_xaxes=True,
    vertical_spacing=spacing, row_titles=...)` gives (made once per number of rows)."""
    layout = copy.deepcopy(_stacked(max(len(row_titles), 1), spacing, bool(row_titles)))
    for note, text in zip(layout.get("annotations", []), row_titles):
        note["text"] = text
    return layout


def axis_names(layout: dict[str, Any], axis: str) -> list[str]:
    """The layout's axes of one kind ('xaxis', 'yaxis'), in order."""
    names = [k for k in layout if k == axis or (k.startswith(axis) and k[len(axis) :].isdigit())]
    return sorted(names, key=lambda k: int(k[len(axis) :] or 1))


def merged(base: dict[str, Any], extra: dict[str, Any]) -> dict[str, Any]:
    """`base` updated by `extra` as `update_layout` does: nested dicts merged, the rest
    replaced (a new dict; `base` is not changed)."""
    out = dict(base)
    for key, value in extra.items():
        if isinstance(value, dict) and isinstance(out.get(key), dict):
            out[key] = merged(out[key], value)
        else:
            out[key] = value
    return out


#: Plotly.js's typed array names (`_plotly_utils.utils.plotlyjsShortTypes`).
_SHORT = {
    np.dtype(name): short
    for name, short in (
        ("int8", "i1"), ("uint8", "u1"), ("int16", "i2"), ("uint16", "u2"),
        ("int32", "i4"), ("uint32", "u4"), ("float32", "f4"), ("float64", "f8"),
    )
}  # fmt: skip
_WIDE = (np.dtype("int64"), np.dtype("uint64"))
#: The narrowest of these a 64-bit integer array fits, as Plotly tries them.
_NARROWER = {
    "i": (np.int8, np.int16, np.int32),
    "u": (np.uint8, np.uint16, np.uint32),
}


def typed_array(values: Any) -> Any:
    """What Plotly's `to_typed_array_spec` makes of `values` (as `Figure.to_dict` sends an
    array), for a 1-D numpy array of numbers or dates without Plotly's conversion through
    narwhals (0.4 ms an array: the count timeline's 144 arrays were 0.05-0.09 s of a
    rerun); anything else goes to Plotly's own function."""
    if not isinstance(values, np.ndarray) or values.ndim != 1 or values.size == 0:
        return to_typed_array_spec(values)
    kind = values.dtype.kind
    if kind == "M":  # dates stay an array (Plotly's encoder writes them as text)
        out = values.copy()
        out.flags["WRITEABLE"] = False
        return out
    if kind not in "iuf":
        return to_typed_array_spec(values)
    if values.dtype in _WIDE:
        low, high = values.min(), values.max()
        narrower = next(
            (t for t in _NARROWER[kind] if np.iinfo(t).min <= low and high <= np.iinfo(t).max),
            None,
        )
        if narrower is None:
            return to_typed_array_spec(values)
        values = values.astype(narrower)
    short = _SHORT.get(values.dtype)
    if short is None:
        return to_typed_array_spec(values)
    return {"dtype": short, "bdata": base64.b64encode(np.ascontiguousarray(values)).decode("ascii")}


def _ready_trace(trace: dict[str, Any]) -> dict[str, Any]:
    """A copy of `trace` as Plotly's `convert_to_base64` leaves it (its walk over a dict),
    numpy arrays encoded by `typed_array`; nested values, shared with `trace`, are converted
    in place as Plotly converts them."""
    out = dict(trace)
    for key, value in out.items():
        if is_skipped_key(key):
            continue
        if isinstance(value, np.ndarray):
            out[key] = typed_array(value)
        elif is_homogeneous_array(value):
            out[key] = to_typed_array_spec(value)
        else:
            convert_to_base64(value)
    return out


class _TracesOf:
    """The traces of another `ReadyFigure` (a twin's, made when first asked for)."""

    def __init__(self, figure: go.Figure) -> None:
        self.figure = figure

    def __bool__(self) -> bool:
        return True


class ReadyFigure(go.Figure):
    """A figure from `data` (trace dicts, each with its `type`) and `layout` as Plotly's
    schema has them, not checked property by property; `to_dict` (what Streamlit sends)
    is made once. The trace objects (`figure.data`) are made when first asked for: a rerun
    only sends the dict (48 `go.Bar` objects, even unchecked, were 45 ms of each new filter
    state). Treat it as read-only: a copy to change is `go.Figure(figure)`."""

    def __init__(self, data: list[dict[str, Any]], layout: dict[str, Any]) -> None:
        super().__init__(layout=layout, _validate=False)
        # numeric arrays as typed arrays, as Figure.to_dict does (`convert_to_base64`)
        ready = {"data": [_ready_trace(trace) for trace in data], "layout": copy.deepcopy(layout)}
        convert_to_base64(ready["layout"])
        self._ready = ready
        self._layout = layout  # as given: `with_layout` makes a twin from it
        self._traces_to_make, self._made = data, False
        self._making = threading.RLock()  # a kept figure is shared by sessions' threads

    def _make_traces(self) -> None:
        if self._made:
            return
        with self._making:  # another thread waits here until the traces are all made
            traces, self._traces_to_make = self._traces_to_make, None
            if traces is None:  # made already, or being made by this thread (add_traces)
                return
            if isinstance(traces, _TracesOf):
                traces = [trace.to_plotly_json() for trace in traces.figure.data]
            if traces:
                go.Figure.add_traces(self, traces)
            self._made = True

    def __getitem__(self, prop):
        if prop == "data" or (isinstance(prop, tuple) and prop[:1] == ("data",)):
            self._make_traces()
        return super().__getitem__(prop)

    @property
    def data(self):
        self._make_traces()
        return go.Figure.data.fget(self)

    @data.setter
    def data(self, value):
        self._make_traces()
        go.Figure.data.fset(self, value)

    def with_layout(self, **changes: Any) -> ReadyFigure:
        """The same traces (shared, not copied or converted again) with these top-level
        layout properties replaced: a cheap variant of a kept figure."""
        twin = ReadyFigure([], {**self._layout, **changes})
        twin._ready["data"] = self._ready["data"]
        # its trace objects, if ever asked for, are this figure's (made then, not kept twice)
        twin._traces_to_make = _TracesOf(self)
        return twin

    def to_dict(self) -> dict[str, Any]:
        """The figure as Plotly's `to_dict` gives it (the dict shared: read, never change)."""
        return {"data": list(self._ready["data"]), "layout": self._ready["layout"]}
