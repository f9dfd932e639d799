"""One colour per event type, the same on the map, the timeline, the legends and the exports.

The palette is **Okabe–Ito** (Okabe & Ito 2008, "Color Universal Design": the eight colours
below, black included) extended with four colours from **Paul Tol's "muted"** scheme
(indigo, wine, a dark brown from Tol's "light/dark" families and a light grey) for the four
event types Okabe–Ito has no room for. The four were chosen by measurement, not by eye:
every pair of the twelve stays at least 14 CIELAB ΔE*76 apart under simulated protanopia,
deuteranopia and tritanopia (Machado, Oliveira & Fernandes 2009, severity 1.0), and every
colour at least 21 from the white page; `min_distance` computes it and a test holds it.

Hue alone cannot tell twelve categories apart for everyone, so the timeline also labels marks
where there is room, and the legends name every type drawn.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable

import numpy as np
import pandas as pd

OKABE_ITO = {
    "orange": "#E69F00",
    "sky blue": "#56B4E9",
    "bluish green": "#009E73",
    "yellow": "#F0E442",
    "blue": "#0072B2",
    "vermillion": "#D55E00",
    "reddish purple": "#CC79A7",
    "black": "#000000",
}
TOL_EXTRA = {"indigo": "#332288", "wine": "#882255", "brown": "#661100", "grey": "#BBBBBB"}

#: Event type -> colour. Related types share a family: movement in blues, fire in oranges.
TYPE_COLOURS: dict[str, str] = {
    "evacuation": OKABE_ITO["blue"],
    "displacement": OKABE_ITO["sky blue"],
    "airstrike": OKABE_ITO["vermillion"],
    "shelling": OKABE_ITO["orange"],
    "explosion": OKABE_ITO["reddish purple"],
    "clash": TOL_EXTRA["wine"],
    "killing": TOL_EXTRA["brown"],
    "deaths": OKABE_ITO["black"],
    "surrender": OKABE_ITO["bluish green"],
    "siege": TOL_EXTRA["indigo"],
    "detention": OKABE_ITO["yellow"],
    "statement": TOL_EXTRA["grey"],
}
#: A type the palette does not know (added to the data later) and whose own colour is invalid.
UNKNOWN = "#777777"
#: The grey halo drawn around a place for how precisely it is known.
HALO = "#5A5A5A"
HEX = re.compile(r"#[0-9A-Fa-f]{6}")


def colour_of(event_type: str, data_colour: object = None) -> str:
    """The palette's colour of a type; a type it does not know keeps its data colour when that
    is a valid '#rrggbb' (never anything else: the colour reaches CSS and SVG)."""
    if event_type in TYPE_COLOURS:
        return TYPE_COLOURS[event_type]
    if isinstance(data_colour, str) and HEX.fullmatch(data_colour):
        return data_colour.upper()
    return UNKNOWN


def with_palette(view: pd.DataFrame) -> pd.DataFrame:
    """The frame with its `colour` column taken from the palette (a copy)."""
    data = view["colour"] if "colour" in view else pd.Series(None, index=view.index)
    colours = [colour_of(t, c) for t, c in zip(view["event_type"], data)]
    return view.assign(colour=pd.Series(colours, index=view.index, dtype=object))


def rgb(colour: str, alpha: int = 255) -> list[int]:
    """'#D55E00' -> [213, 94, 0, alpha] (deck.gl's colour form)."""
    colour = colour.lstrip("#")
    return [int(colour[i : i + 2], 16) for i in (0, 2, 4)] + [alpha]


def _linear(colour: str) -> np.ndarray:
    c = np.array(rgb(colour)[:3]) / 255
    return np.where(c <= 0.04045, c / 12.92, ((c + 0.055) / 1.055) ** 2.4)


def luminance(colour: str) -> float:
    """WCAG relative luminance, 0 (black) to 1 (white)."""
    return float(np.dot([0.2126, 0.7152, 0.0722], _linear(colour)))


def text_on(colour: str) -> str:
    """Black or white, whichever reads better on this fill (WCAG contrast)."""
    lum = luminance(colour)
    return "#000000" if (lum + 0.05) / 0.05 >= 1.05 / (lum + 0.05) else "#FFFFFF"


def edge_of(colour: str) -> str:
    """A rim that keeps a light fill visible on a light page (yellow, grey)."""
    return "#333333" if luminance(colour) > 0.45 else "#FFFFFF"


#: Machado, Oliveira & Fernandes (2009), severity 1.0, applied to linear RGB.
CVD = {
    "protanopia": [
        [0.152286, 1.052583, -0.204868],
        [0.114503, 0.786281, 0.099216],
        [-0.003882, -0.048116, 1.051998],
    ],
    "deuteranopia": [
        [0.367322, 0.860646, -0.227968],
        [0.280085, 0.672501, 0.047413],
        [-0.011820, 0.042940, 0.968881],
    ],
    "tritanopia": [
        [1.255528, -0.076749, -0.178779],
        [-0.078411, 0.930809, 0.146926],
        [0.004733, 0.691367, 0.303900],
    ],
}
_XYZ = np.array([[0.4124, 0.3576, 0.1805], [0.2126, 0.7152, 0.0722], [0.0193, 0.1192, 0.9505]])
_WHITE = np.array([0.95047, 1.0, 1.08883])


def lab(colour: str, vision: str | None = None) -> np.ndarray:
    """CIELAB (D65) of a colour as seen with normal vision or the named deficiency."""
    linear = _linear(colour)
    if vision:
        linear = np.clip(np.array(CVD[vision]) @ linear, 0, 1)
    xyz = _XYZ @ linear / _WHITE
    f = np.where(xyz > (6 / 29) ** 3, np.cbrt(xyz), xyz / (3 * (6 / 29) ** 2) + 4 / 29)
    return np.array([116 * f[1] - 16, 500 * (f[0] - f[1]), 200 * (f[1] - f[2])])


def min_distance(colours: Iterable[str], vision: str | None = None) -> float:
    """The smallest ΔE*76 between any two of the colours, as seen with `vision`."""
    points = [lab(c, vision) for c in colours]
    return min(float(np.linalg.norm(a - b)) for a, b in itertools.combinations(points, 2))


def legend_order(label: object) -> str:
    """Where a type's label stands in every legend (the map's, the slide's, the timelines'):
    by label, case aside."""
    return str(label).casefold()


def legend_ranks(types: Iterable[str], labels: Iterable[str]) -> dict[str, int]:
    """Each event type's place in a legend, from 1: by label, the order `legend_colours`
    gives the map's and the slide's legends. The timelines pass it to Plotly as each trace's
    `legendrank`, so their legends list the types in that order too (they listed them as the
    types first appear in the data: on the reader's page the timeline's legend and the map's
    beneath it ran in two orders). `types` and `labels` are paired, one label per type."""
    named = dict(zip(types, labels))
    ordered = sorted(named, key=lambda event_type: legend_order(named[event_type]))
    return {event_type: rank for rank, event_type in enumerate(ordered, start=1)}


def legend_colours(view: pd.DataFrame) -> list[tuple[str, str, str]]:
    """(event_type, label, colour) of each type present in the frame, in label order."""
    types = with_palette(view.drop_duplicates("event_type"))
    rows = zip(types["event_type"], types["label"].astype(str), types["colour"])
    return sorted(rows, key=lambda row: legend_order(row[1]))
